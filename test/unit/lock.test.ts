import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, claimPrefix, lockDataDir } from '../../src/platform/db/lock.ts';
import { formatLock, readLock } from '../../src/platform/db/lock-file.ts';
import { type ProcessIdentity, currentProcess, processStart } from '../../src/platform/db/process-identity.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A lock as another process would have written it: this machine's identity with the given changes. */
const writeLock = (dir: string, changes: Partial<ProcessIdentity>) =>
  fs.writeFileSync(path.join(dir, LOCK_FILE), formatLock({ ...currentProcess(), ...changes }, 'other'));
const lockText = (dir: string) => fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
const me = currentProcess();

describe('data directory lock', () => {
  it('refuses a second holder in this process, and takes over a lock left by a process that is gone', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    writeLock(dir, { pid: deadPid(), start: 1 });
    lockDataDir(dir)();
    // The format of older versions: only a PID.
    fs.writeFileSync(path.join(dir, LOCK_FILE), String(deadPid()));
    lockDataDir(dir)();
  });

  it('takes over a lock naming this PID with another start time: node as PID 1 in a restarted container', () => {
    const dir = tempDir();
    writeLock(dir, { start: (me.start ?? 0) + 1 });
    const release = lockDataDir(dir);
    expect(lockText(dir)).toContain(`"start":${me.start}`);
    release();
    fs.writeFileSync(path.join(dir, LOCK_FILE), String(process.pid));
    lockDataDir(dir)();
  });

  it('a live unrelated process with the PID is not the holder; the process that took the lock is', async () => {
    const dir = tempDir();
    const sleeper = spawn('sleep', ['30']);
    try {
      await new Promise((r) => sleeper.once('spawn', r));
      const pid = sleeper.pid!;
      const start = processStart(pid);
      expect(typeof start).toBe('number');
      writeLock(dir, { pid, start: (start as number) - 1 });
      lockDataDir(dir)();
      writeLock(dir, { pid, start: start as number });
      expect(() => lockDataDir(dir)).toThrow(`The data directory ${dir} is in use by another nextwork process (pid ${pid}).`);
    } finally {
      sleeper.kill();
    }
  });

  it('never breaks a lock from another host, and says how to remove it', () => {
    const dir = tempDir();
    writeLock(dir, { host: 'elsewhere', pid: deadPid() });
    const before = lockText(dir);
    expect(() => lockDataDir(dir)).toThrow(`is locked by nextwork on host elsewhere`);
    expect(() => lockDataDir(dir)).toThrow(`delete ${path.join(dir, LOCK_FILE)}`);
    expect(lockText(dir)).toBe(before);
  });

  it('takes over a lock from before a reboot; from another container only after its heartbeat stopped', () => {
    const dir = tempDir();
    writeLock(dir, { boot: 'another-boot', pid: process.ppid, start: processStart(process.ppid) as number });
    lockDataDir(dir)();
    writeLock(dir, { pidns: 'pid:[1]', pid: 1 });
    expect(() => lockDataDir(dir)).toThrow(/in use by nextwork in another container on this machine \(pid 1 there\)/);
    const silent = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK_FILE), silent, silent);
    lockDataDir(dir)();
  });

  it('a live process holding the lock gives a clear error naming it, in both formats', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by another nextwork process \(pid \d+\)/);
    writeLock(dir, { pid: process.ppid, start: processStart(process.ppid) as number });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('a starter that died while taking over a stale lock blocks nobody', () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), start: 1 });
    const claim = path.join(dir, `${claimPrefix(readLock(path.join(dir, LOCK_FILE))!)}0`);
    fs.writeFileSync(claim, formatLock({ ...me, pid: deadPid(), start: 1 }, 'claimant'));
    lockDataDir(dir)();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('release removes only its own lock', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    writeLock(dir, { pid: process.ppid, start: processStart(process.ppid) as number });
    const theirs = lockText(dir);
    release();
    expect(lockText(dir)).toBe(theirs);
  });

  it('of several processes starting together over a stale lock, exactly one wins, 30 times out of 30', { timeout: 30_000 }, async () => {
    const racers: { child: ChildProcessWithoutNullStreams; next: () => Promise<string> }[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-racer.ts'], { cwd: root });
        const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
        const next = async () => String((await lines.next()).value);
        racers.push({ child, next });
      }
      for (const r of racers) expect(await r.next()).toBe('ready');
      const stale = deadPid();
      const outcomes: string[] = [];
      for (let trial = 0; trial < 30; trial++) {
        const dir = tempDir();
        writeLock(dir, { pid: stale, start: 1 });
        const at = Date.now() + 40;
        for (const r of racers) r.child.stdin.write(`${dir} ${at}\n`);
        const answers = await Promise.all(racers.map((r) => r.next()));
        const losers = answers.filter((a) => a !== 'won');
        const clean = losers.length === racers.length - 1 && losers.every((a) => a.includes('is in use by another nextwork process'));
        // No claim or temporary file is left behind.
        const left = fs.readdirSync(dir);
        outcomes.push(clean && left.join() === LOCK_FILE ? 'one' : `${answers.join(' | ')} (${left.join()})`);
      }
      expect(outcomes).toEqual(Array(30).fill('one'));
    } finally {
      for (const r of racers) r.child.kill();
    }
  });
});
