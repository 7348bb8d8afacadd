import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDataKey } from '../../src/app/boot.ts';
import { checkDataKey, keyCheckValue } from '../../src/platform/crypto/key-check.ts';
import { DataKeyMismatchError, Sealer } from '../../src/platform/crypto/sealed.ts';
import { platformSettings } from '../../src/platform/settings/settings.schema.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const settings = () => t.database.db.select().from(platformSettings);

describe('the data key check', () => {
  it('a database from before the check refuses a key that does not open its sealed CPR numbers, and records nothing', async () => {
    const m = (await makeMunicipality(t)).id;
    const counsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m }]);
    await t.services.youth.refer(
      ctx(counsellor),
      m,
      {
        firstName: 'Amina',
        lastName: 'Hansen',
        cpr: '150605-4321',
        email: 'amina.key@nextwork.test',
        phone: '20 30 40 50',
        eligibilityNote: 'Kan 20 timer om ugen.',
        referringCaseworker: 'Jens Jobcenter',
        referredOn: '2026-03-02',
        hoursPossible: '20',
      },
      'da',
    );
    // The test services seal under a key of their own, not keyA.
    await expect(verifyDataKey(t.database, keyA)).rejects.toThrow(DataKeyMismatchError);
    expect(await settings()).toEqual([]);
    // With the key that opens the sealed values, the check is recorded.
    await checkDataKey(t.database.db, keyA, () => Promise.resolve(new Sealer(keyA).seal('150605-4321')));
    expect(await settings()).toEqual([{ key: 'data_key_check', value: keyCheckValue(keyA) }]);
  });

  it('records the key at the first start, then refuses any other key with one line, and accepts the same key again', async () => {
    await verifyDataKey(t.database, keyA);
    const refused = await verifyDataKey(t.database, keyB).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DataKeyMismatchError);
    expect((refused as Error).message).toMatch(
      /^DATA_KEY does not match the data in this database: .*Keep the key together with every backup/,
    );
    expect((refused as Error).message).not.toContain('\n');
    await verifyDataKey(t.database, keyA);
    // The check value is an HMAC: the key itself is never stored.
    const [row] = await settings();
    expect(row!.value).toBe(keyCheckValue(keyA));
    expect(row!.value).not.toContain(keyA.toString('hex'));
  });
});
