import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Backups of an embedded database that a running server holds (decision 0015): `nextwork backup`
 * drops a request file in DATA_DIR/backups, the holder of the lock writes the dump next to it, and
 * the command moves it to where it was asked. Files, not a signal or a port: only the holder can
 * read its PGlite, whoever can write DATA_DIR can read the data anyway, and an older server that
 * does not know the protocol is left alone instead of being killed by an unhandled signal.
 */
export const BACKUP_DIR = 'backups';
const POLL_MS = 500;
/** How long a request may wait for the holder to take it. */
export const PICKUP_MS = 10_000;
/** Dumps and answers a stopped command left behind are removed after this long. */
const LEFT_MS = 60 * 60_000;

export class BackupError extends Error {}

/** A consistent copy of the data directory, gzipped, written to `file` whole or not at all. */
export async function writeDump(pglite: PGlite, file: string): Promise<number> {
  // Flushes dirty pages first, so the copy does not depend on replaying the write-ahead log.
  await pglite.exec('CHECKPOINT');
  const dump = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  const part = `${file}.part`;
  try {
    fs.writeFileSync(part, dump, { mode: 0o600 });
    fs.renameSync(part, file);
  } catch (err) {
    fs.rmSync(part, { force: true });
    throw err;
  }
  return dump.length;
}

/** Run by the lock holder (web server, or the worker in embedded mode) until stopped. */
export function answerBackupRequests(pglite: PGlite, dataDir: string, onError: (err: unknown) => void): { stop(): Promise<void> } {
  const dir = path.join(dataDir, BACKUP_DIR);
  // Made by the holder, so that it can write there when the command runs as another user (root).
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let running: Promise<void> | undefined;
  const answer = async (id: string) => {
    const taken = path.join(dir, `${id}.taken`);
    try {
      fs.renameSync(path.join(dir, `${id}.request`), taken);
    } catch {
      return; // withdrawn
    }
    try {
      await writeDump(pglite, path.join(dir, `${id}.tar.gz`));
    } catch (err) {
      onError(err);
      fs.writeFileSync(path.join(dir, `${id}.error`), (err as Error).message);
    } finally {
      fs.rmSync(taken, { force: true });
    }
  };
  const poll = async () => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return; // removed while running
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (name.endsWith('.request')) await answer(name.slice(0, -'.request'.length));
      else if (Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LEFT_MS)
        fs.rmSync(file, { force: true });
    }
  };
  const timer = setInterval(() => {
    running ??= poll()
      .catch(onError)
      .finally(() => (running = undefined));
  }, POLL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Asks the lock holder for a dump and moves it to `output`; `holderGone` says when to stop waiting. */
export async function requestBackup(dataDir: string, output: string, holderGone: () => boolean): Promise<number> {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = randomBytes(9).toString('hex');
  const request = path.join(dir, `${id}.request`);
  const dump = path.join(dir, `${id}.tar.gz`);
  const error = path.join(dir, `${id}.error`);
  fs.writeFileSync(request, '');
  const asked = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    if (fs.existsSync(dump)) return moveTo(dump, output);
    if (fs.existsSync(error)) {
      const message = fs.readFileSync(error, 'utf8');
      fs.rmSync(error, { force: true });
      throw new BackupError(`The running nextwork could not write the backup: ${message}`);
    }
    const waiting = fs.existsSync(request);
    if (waiting && Date.now() - asked > PICKUP_MS) {
      try {
        fs.unlinkSync(request);
      } catch {
        continue; // taken just now
      }
      throw new BackupError(
        `The process holding ${dataDir} did not answer the backup request within ${PICKUP_MS / 1000} s (an older nextwork, or a \`nextwork migrate\`?). Stop it and run the backup again.`,
      );
    }
    if (!waiting && !fs.existsSync(path.join(dir, `${id}.taken`)) && !fs.existsSync(dump) && !fs.existsSync(error)) {
      throw new BackupError(`The backup request in ${dir} disappeared without an answer.`);
    }
    if (holderGone()) throw new BackupError(`The process holding ${dataDir} stopped while writing the backup; run the backup again.`);
  }
}

function moveTo(from: string, to: string): number {
  const size = fs.statSync(from).size;
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, to);
    fs.rmSync(from);
  }
  return size;
}
