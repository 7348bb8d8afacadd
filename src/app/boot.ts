import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import { type Database, openDatabase } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { systemClock } from '../platform/clock.ts';
import { checkDataKey } from '../platform/crypto/key-check.ts';
import { seedDemo } from '../modules/demo/seed.ts';
import { youth } from '../modules/youth/youth.schema.ts';
import { trialParticipants } from '../modules/evaluation/trials.schema.ts';
import { createServices, type Services } from './services.ts';

/**
 * In embedded mode without SESSION_SECRET, a secret is generated once and kept in the data
 * directory, so sessions and forms survive a restart.
 */
export function sessionSecretFor(config: Config): string {
  if (process.env.SESSION_SECRET || config.databaseUrl) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The data key kept in an embedded data directory, if it has one. */
export function keptDataKey(dataDir: string): Buffer | undefined {
  const file = path.join(dataDir, 'data-key');
  return fs.existsSync(file) ? Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex') : undefined;
}

/** The key that encrypts CPR numbers: DATA_KEY, or in embedded mode one kept in the data directory. */
export function dataKeyFor(config: Config): Buffer {
  const kept = config.dataKey ?? keptDataKey(config.dataDir);
  if (kept) return kept;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(path.join(config.dataDir, 'data-key'), key.toString('hex'), { mode: 0o600 });
  return key;
}

/** Refuses to go on with a data key the (migrated) database's sealed values were not sealed with. */
export async function verifyDataKey(database: Database, key: Buffer): Promise<void> {
  await checkDataKey(database.db, key, async () => {
    const [young] = await database.db.select({ sealed: youth.cprSealed }).from(youth).limit(1);
    const [participant] = await database.db.select({ sealed: trialParticipants.cprSealed }).from(trialParticipants).limit(1);
    return young?.sealed ?? participant?.sealed;
  });
}

/** Opens and migrates the database, checks the data key, seeds the demo network when asked and empty, builds the services. */
export async function boot(config: Config): Promise<{ database: Database; services: Services; seeded: boolean }> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
    const dataKey = dataKeyFor(config);
    await verifyDataKey(database, dataKey);
    const services = createServices(database, systemClock, {
      baseUrl: config.baseUrl,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      accessibilityEmail: config.accessibilityEmail,
      demo: config.demo,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
      dataKey,
      oidc: config.oidc,
      sms: config.sms,
    });
    const seeded = config.demo ? await seedDemo(database.db, systemClock.now(), services.sealer) : false;
    return { database, services, seeded };
  } catch (err) {
    await database.close();
    throw err;
  }
}
