import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { platformSettings } from '../settings/settings.schema.ts';
import { DataKeyMismatchError, Sealer } from './sealed.ts';

const SETTING = 'data_key_check';

/** Shows which key the data belongs to without revealing the key. */
export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update('nextwork key check').digest('hex');
}

/**
 * Refuses a data key other than the one the data was sealed with: otherwise a restore under another
 * key starts, and every young person's page fails later. The first start records the key's check
 * value; a database from before the check is first tried on one sealed value, if it has any.
 */
export async function checkDataKey(db: Db, key: Buffer, sealedSample: () => Promise<string | undefined>): Promise<void> {
  const value = keyCheckValue(key);
  const stored = async () =>
    (await db.select({ value: platformSettings.value }).from(platformSettings).where(eq(platformSettings.key, SETTING)))[0]?.value;
  let found = await stored();
  if (found === undefined) {
    const sample = await sealedSample();
    if (sample !== undefined && !opens(key, sample)) throw new DataKeyMismatchError();
    // Several servers may start at once: the first value written counts.
    await db.insert(platformSettings).values({ key: SETTING, value }).onConflictDoNothing();
    found = await stored();
  }
  if (found !== value) throw new DataKeyMismatchError();
}

function opens(key: Buffer, sealed: string): boolean {
  try {
    new Sealer(key).open(sealed);
    return true;
  } catch {
    return false;
  }
}
