import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/platform/db/client.ts';
import { migrateDatabase } from '../../src/platform/db/migrate.ts';

// One per run: runs on one server at the same time must not drop each other's template.
export const TEMPLATE_DB = `nextwork_test_template_${process.pid}`;

/** Migrate once: a PGlite data-dir dump, or a PostgreSQL template database, cloned per test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DRIVER === 'postgres' || project.config.env?.TEST_DRIVER === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const db = openPostgres(u.toString(), 1);
    await migrateDatabase(db);
    await db.close();
    await admin.end();
    project.provide('templateUrl', u.toString());
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await a.end();
    };
  }
  const db = await openPglite({});
  await migrateDatabase(db);
  const dump = await db.pglite!.dumpDataDir('none');
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDump', file);
  return async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateUrl: string;
  }
}
