import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ProcessIdentity } from './process-identity.ts';

const holderSchema = z.object({
  host: z.string(),
  boot: z.string().optional(),
  pidns: z.string().optional(),
  pid: z.number().int(),
  start: z.number().int().optional(),
  nonce: z.string(),
});

export type LockRecord =
  | { kind: 'current'; holder: ProcessIdentity; nonce: string }
  /** Written by an older nextwork: only a PID. */
  | { kind: 'legacy'; pid: number }
  /** Empty or cut short: being written (where hard links are unavailable), or left by a crash. */
  | { kind: 'unreadable' };

export interface LockEntry {
  content: string;
  record: LockRecord;
  ino: number;
  mtimeMs: number;
}

/**
 * The PID on the first line, so that an older nextwork, which reads only a PID, still sees a live
 * holder; the whole identity as JSON on the second.
 */
export function formatLock(holder: ProcessIdentity, nonce: string): string {
  return `${holder.pid}\n${JSON.stringify({ ...holder, nonce, since: new Date().toISOString() })}\n`;
}

export function parseLock(content: string): LockRecord {
  const [, second] = content.split('\n');
  if (second) {
    try {
      const parsed = holderSchema.safeParse(JSON.parse(second));
      if (parsed.success) {
        const { nonce, host, boot, pidns, pid, start } = parsed.data;
        return { kind: 'current', holder: { host, boot, pidns, pid, start }, nonce };
      }
    } catch {
      // not JSON
    }
  }
  if (/^\d+$/.test(content.trim())) return { kind: 'legacy', pid: Number(content.trim()) };
  return { kind: 'unreadable' };
}

/** The lock file's content with the inode and time that content belongs to; undefined when there is none. */
export function readLock(file: string): LockEntry | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    const content = fs.readFileSync(fd, 'utf8');
    return { content, record: parseLock(content), ino: stat.ino, mtimeMs: stat.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Creates `file` with `content` only if no such file exists, atomically: a fully written temporary
 * file is hard-linked to the name, so no reader ever sees it half-written. Returns an open
 * descriptor of the new file, or undefined when the name is taken.
 */
export function createExclusive(file: string, content: string): number | undefined {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    fs.writeSync(fd, content);
    fs.linkSync(tmp, file);
    return fd;
  } catch (err) {
    fs.closeSync(fd);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return undefined;
    if (noHardLinks.has(code)) return createByOpen(file, content);
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Where the file system has no hard links: exclusive, but readers may see it empty for a moment. */
function createByOpen(file: string, content: string): number | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  }
  fs.writeSync(fd, content);
  return fd;
}
