import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { type ProcessIdentity, currentProcess, pidInUse, processStart } from './process-identity.ts';
import { type LockEntry, createExclusive, formatLock, readLock } from './lock-file.ts';

export class DataDirLockedError extends Error {}

export const LOCK_FILE = 'nextwork.lock';

/** The holder touches its lock this often, so that it can be seen alive from another PID namespace. */
const HEARTBEAT_MS = 5_000;
/** A lock from another container on this machine is stale this long after its last heartbeat. */
export const SILENCE_MS = 30_000;
/** An unreadable lock may be being written for this long (only where hard links are unavailable). */
const WRITING_MS = 5_000;
/** How long to keep trying while other processes are taking or breaking the lock. */
const DEADLINE_MS = 5_000;

type Verdict = { state: 'stale' } | { state: 'writing' } | { state: 'held'; error: DataDirLockedError };

const held = (message: string): Verdict => ({ state: 'held', error: new DataDirLockedError(message) });

/** Whether the process a lock (or a claim on one) names still holds it. */
function verdict(entry: LockEntry, me: ProcessIdentity, dir: string, file: string): Verdict {
  const { record } = entry;
  const silentMs = Date.now() - entry.mtimeMs;
  const inUse = (pid: number) =>
    held(`The data directory ${dir} is in use by another nextwork process (pid ${pid}). Stop it first, or use another DATA_DIR.`);
  if (record.kind === 'unreadable') return silentMs > WRITING_MS ? { state: 'stale' } : { state: 'writing' };
  if (record.kind === 'legacy') {
    // This process did not write it, so a lock naming our own PID is stale (node as PID 1 in a container).
    if (record.pid === me.pid || !pidInUse(record.pid)) return { state: 'stale' };
    return held(
      `The data directory ${dir} is in use by another nextwork process (pid ${record.pid}). Stop it first; if that process is not nextwork, delete ${file}.`,
    );
  }
  const { holder } = record;
  if (holder.host !== me.host) {
    // Its processes cannot be seen from here, and clocks differ: never broken automatically.
    return held(
      `The data directory ${dir} is locked by nextwork on host ${holder.host} (pid ${holder.pid}). Stop it there; if it no longer runs, delete ${file}.`,
    );
  }
  if (holder.boot && me.boot && holder.boot !== me.boot) return { state: 'stale' };
  if (holder.pidns && me.pidns && holder.pidns !== me.pidns) {
    // Another container on this machine: its PIDs mean nothing here, but its heartbeat does.
    if (silentMs > SILENCE_MS) return { state: 'stale' };
    return held(
      `The data directory ${dir} is in use by nextwork in another container on this machine (pid ${holder.pid} there). Stop it first; a lock it left is taken over ${SILENCE_MS / 1000} s after its last sign of life.`,
    );
  }
  if (holder.pid === me.pid && holder.start === me.start) return held(`The data directory ${dir} is already open in this process.`);
  const start = processStart(holder.pid);
  if (start === 'gone') return { state: 'stale' };
  if (start === 'unknown') return pidInUse(holder.pid) ? inUse(holder.pid) : { state: 'stale' };
  if (holder.start !== undefined && start !== holder.start) return { state: 'stale' };
  return inUse(holder.pid);
}

/** Claims on one lock are numbered from 0: `${claimPrefix(lock)}0`. */
export function claimPrefix(stale: LockEntry): string {
  return `${LOCK_FILE}.break-${createHash('sha256').update(`${stale.ino}:${stale.content}`).digest('hex').slice(0, 16)}-`;
}

/**
 * Removes a stale lock only if it is still the one that was judged. Deleting it is guarded by an
 * exclusive claim on that very lock (named after its inode and content); a claim whose process is
 * gone is passed over for the next number, so a starter that dies while breaking blocks nobody.
 * Only the claim's holder can remove the stale lock, so it cannot remove a lock taken in between.
 */
function breakStale(stale: LockEntry, me: ProcessIdentity, claimContent: string, dir: string, file: string): 'broken' | 'busy' | 'changed' {
  const prefix = claimPrefix(stale);
  for (let n = 0; n < 100; n++) {
    const claim = path.join(dir, `${prefix}${n}`);
    const fd = createExclusive(claim, claimContent);
    if (fd === undefined) {
      const other = readLock(claim);
      if (other && verdict(other, me, dir, claim).state !== 'stale') return 'busy';
      continue;
    }
    fs.closeSync(fd);
    try {
      const now = readLock(file);
      if (!now || now.ino !== stale.ino || now.content !== stale.content) return 'changed';
      fs.unlinkSync(file);
      // That lock is gone for good, so every claim on it is moot.
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) fs.rmSync(path.join(dir, name), { force: true });
      }
      return 'broken';
    } finally {
      fs.rmSync(claim, { force: true });
    }
  }
  return 'busy';
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes an exclusive lock on an embedded data directory: PGlite is one connection in one process,
 * and two processes on one directory silently lose writes. The lock names its holder by host, boot,
 * PID namespace, PID and start time, so a reused PID is never mistaken for the holder; a stale lock
 * is taken over so that of several starters exactly one wins. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const me = currentProcess();
  const content = formatLock(me, randomBytes(9).toString('base64url'));
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const fd = createExclusive(file, content);
    if (fd !== undefined) return hold(file, content, fd);
    const entry = readLock(file);
    if (!entry) continue;
    const v = verdict(entry, me, dir, file);
    if (v.state === 'held') throw v.error;
    if (v.state === 'stale' && breakStale(entry, me, content, dir, file) !== 'busy') continue;
    if (Date.now() > deadline)
      throw new DataDirLockedError(`Could not lock the data directory ${dir}: other processes kept taking ${file}.`);
    sleep(5 + Math.random() * 20);
  }
}

/** Why the data directory cannot be locked now, or undefined when it can (free, or its lock is stale). */
export function dataDirHolder(dir: string): DataDirLockedError | undefined {
  const file = path.join(dir, LOCK_FILE);
  const entry = readLock(file);
  if (!entry) return undefined;
  const v = verdict(entry, currentProcess(), dir, file);
  return v.state === 'held' ? v.error : undefined;
}

/** Keeps the lock's heartbeat until released; the release removes the lock only while it is ours. */
function hold(file: string, content: string, fd: number): () => void {
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      fs.futimesSync(fd, now, now);
    } catch {
      // the file system went away; the lock is then moot
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    try {
      fs.closeSync(fd);
      if (readLock(file)?.content === content) fs.rmSync(file, { force: true });
    } catch {
      // left for the next start to judge
    }
  };
}
