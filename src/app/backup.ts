import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { keptDataKey, verifyDataKey } from './boot.ts';
import { openPglite } from '../platform/db/client.ts';
import { migrateDatabase } from '../platform/db/migrate.ts';
import { DataDirLockedError, LOCK_FILE, dataDirHolder, lockDataDir } from '../platform/db/lock.ts';
import { readLock } from '../platform/db/lock-file.ts';
import { BackupError, requestBackup, writeDump } from '../platform/db/backup-requests.ts';

const keepTheKeys =
  'Keep the data key (DATA_KEY, or DATA_DIR/data-key) and SESSION_SECRET (or DATA_DIR/session-secret) with the backup, in the secret store: without the key the CPR numbers in it cannot be read, and a start with another key is refused.';

function embeddedOnly(config: Config, instead: string): void {
  if (config.databaseUrl) throw new BackupError(`With DATABASE_URL, ${instead} (see Backups in the README).`);
}

/** `nextwork backup --output FILE`: a consistent copy of the embedded database, also while a server runs. */
export async function backupCommand(config: Config, output: string): Promise<string> {
  embeddedOnly(config, 'back up the PostgreSQL database with pg_dump -Fc');
  const target = path.resolve(output);
  if (!fs.existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  let size: number;
  try {
    size = await directBackup(config.dataDir, target);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const lockFile = path.join(config.dataDir, LOCK_FILE);
    const holder = readLock(lockFile)?.content;
    size = await requestBackup(config.dataDir, target, () => readLock(lockFile)?.content !== holder || !dataDirHolder(config.dataDir));
  }
  return `Backup written to ${target} (${(size / 1e6).toFixed(1)} MB). ${keepTheKeys}\n`;
}

/** No server holds the directory: open it (taking the lock) and dump it. */
async function directBackup(dataDir: string, target: string): Promise<number> {
  const holder = dataDirHolder(dataDir);
  if (holder) throw holder;
  if (!fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  const database = await openPglite({ dataDir });
  try {
    return await writeDump(database.pglite!, target);
  } finally {
    await database.close();
  }
}

/**
 * `nextwork restore --input FILE [--force]`: never while a server holds the directory, never over a
 * database unless forced. With a data key at hand (DATA_KEY or DATA_DIR/data-key) the copy is
 * migrated and checked against it before anything is replaced.
 */
export async function restoreCommand(config: Config, input: string, force: boolean): Promise<string> {
  embeddedOnly(config, 'restore the PostgreSQL database with pg_restore');
  const source = path.resolve(input);
  if (!fs.existsSync(source)) throw new BackupError(`There is no backup at ${source}.`);
  const dir = config.dataDir;
  const release = lockDataDir(dir);
  const staging = path.join(dir, 'restoring');
  try {
    const pgdata = path.join(dir, 'pgdata');
    if (!force && fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      throw new BackupError(`${pgdata} already holds a database; add --force to replace it.`);
    }
    fs.rmSync(staging, { recursive: true, force: true });
    const dump = fs.readFileSync(source);
    const gzipped = dump[0] === 0x1f && dump[1] === 0x8b;
    const key = config.dataKey ?? keptDataKey(dir);
    const restored = await openPglite({
      dataDir: staging,
      loadDataDir: new Blob([dump], { type: gzipped ? 'application/x-gzip' : 'application/x-tar' }),
    }).catch((err: unknown) => {
      const why = err instanceof Error && err.message ? ` (${err.message})` : '';
      throw new BackupError(`${source} is not a backup of an embedded nextwork database${why}.`);
    });
    try {
      if (key) {
        await migrateDatabase(restored);
        await verifyDataKey(restored, key);
      }
    } finally {
      await restored.close();
    }
    const replaced = path.join(dir, 'pgdata.replaced');
    fs.rmSync(replaced, { recursive: true, force: true });
    if (fs.existsSync(pgdata)) fs.renameSync(pgdata, replaced);
    fs.renameSync(path.join(staging, 'pgdata'), pgdata);
    fs.rmSync(replaced, { recursive: true, force: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    release();
  }
  const note =
    config.dataKey || keptDataKey(dir)
      ? ''
      : ` Before starting, put the data key that belongs to this backup in DATA_KEY or ${path.join(dir, 'data-key')}.`;
  return `Restored ${source} into ${dir}.${note}\n`;
}
