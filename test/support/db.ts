import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/platform/db/client.ts';

export const driver = (process.env.TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';

/** A fresh, migrated database for one test file: cloned from the template made in global setup. */
export async function testDatabase(): Promise<Database> {
  if (driver === 'pglite') {
    const dump = fs.readFileSync(inject('templateDump'));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const templateUrl = new URL(inject('templateUrl'));
  const template = templateUrl.pathname.slice(1);
  const name = `nextwork_t_${randomBytes(6).toString('hex')}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      // Two files cloning the template at the same instant: wait and try again.
      if (attempt > 20 || (err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  const close = () => database.close();
  return {
    ...database,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: adminUrl.toString() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
