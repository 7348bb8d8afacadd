import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import { ambient } from './ambient.ts';

/**
 * The database as repositories see it. Queries are built from the tables each module declares in
 * its `*.schema.ts`; the relational query API (`db.query`), which would need every table here, is
 * not used, so the platform does not gather the modules' schemas (decision 0018).
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded instance, for pg-boss's adapter; undefined on a PostgreSQL server. */
  pglite: PGlite | undefined;
  /** The connection string, on a PostgreSQL server. */
  url: string | undefined;
  /** True when the embedded data directory was created by this open. */
  created: boolean;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm, unaccent };

/**
 * The threshold of pg_trgm's `<%` operator, for every session: the typo tolerance of the directory
 * search (modules/companies/directory.repository.ts), which corrects a typed word to the words of
 * titles and company names at least this similar. A platform setting because it is set when a
 * connection opens; the search is its only user.
 */
export const WORD_SIMILARITY_THRESHOLD = 0.45;

/**
 * Settings every session needs: the typo threshold of the directory search (above), the
 * random-page cost of solid-state storage, without which the planner prefers sequential scans to
 * the GIN indexes of the search (measured: 3–5 times slower), and plans made for each execution's
 * values also for named prepared statements (the directory's):
 * a generic plan cannot know whether a word matches 60 openings or 8,000 (measured: slower).
 */
const sessionSettings: [string, string][] = [
  ['pg_trgm.word_similarity_threshold', String(WORD_SIMILARITY_THRESHOLD)],
  ['random_page_cost', '1.1'],
  ['plan_cache_mode', 'force_custom_plan'],
];

/** How long the platform waits on a PostgreSQL server, in milliseconds. */
export const databaseWaits = {
  /** For a connection from the pool (a new one, or a free one when all are busy). */
  connectMs: 5_000,
  /** For any statement, on the server. */
  statementMs: 20_000,
  /** For an answer on the client, when the server does not answer at all. */
  queryMs: 25_000,
  /** A transaction left idle (a stuck process) is ended by the server. */
  idleInTransactionMs: 60_000,
};

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  let release = () => {};
  let created = true;
  if (options.dataDir) {
    release = lockDataDir(options.dataDir);
    created = !fs.existsSync(path.join(options.dataDir, 'pgdata', 'PG_VERSION'));
  }
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined,
      loadDataDir: options.loadDataDir,
      extensions: pgliteExtensions,
    });
    await client.exec(sessionSettings.map(([k, v]) => `SET ${k} = ${v}`).join(';'));
    const db = ambient(drizzlePglite({ client }));
    return {
      db,
      kind: 'pglite',
      pglite: client,
      url: undefined,
      created,
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * A pool of `max` connections. The default of 20 matches 20 concurrent requests without making a
 * request that needs two statements queue twice (directory search benchmark: p95 46–47 against
 * 48–57 ms with 10, same throughput; decision 0010).
 */
export function openPostgres(url: string, max = 20, waits: Partial<typeof databaseWaits> = {}): Database {
  const w = { ...databaseWaits, ...waits };
  const options = [
    ...sessionSettings,
    ['statement_timeout', String(w.statementMs)],
    ['idle_in_transaction_session_timeout', String(w.idleInTransactionMs)],
  ]
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  // Bounded waits (#19.12): for a connection (new, or a free one when all are busy), and for an
  // answer even when the server has stopped answering (the server's own statement_timeout then
  // cannot fire). The request then fails as `unavailable` (503) instead of hanging.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options,
    connectionTimeoutMillis: w.connectMs,
    query_timeout: w.queryMs,
  });
  pool.on('error', () => {
    // an idle client lost its connection; the pool replaces it on next use
  });
  const db = ambient(drizzlePg({ client: pool }));
  return {
    db,
    kind: 'postgres',
    pglite: undefined,
    url,
    created: false,
    close: () => pool.end(),
  };
}

export function openDatabase(config: { databaseUrl: string | undefined; databasePoolSize?: number; dataDir: string }): Promise<Database> {
  return config.databaseUrl
    ? Promise.resolve(openPostgres(config.databaseUrl, config.databasePoolSize))
    : openPglite({ dataDir: config.dataDir });
}
