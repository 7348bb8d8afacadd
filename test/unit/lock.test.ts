import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/platform/db/lock.ts';

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    // A lock left by a process that is gone.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'nextwork.lock'), dead);
    const again = lockDataDir(dir);
    again();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a live process holding the lock gives a clear error naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-lock-'));
    fs.writeFileSync(path.join(dir, 'nextwork.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(/in use by another nextwork process \(pid \d+\)/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
