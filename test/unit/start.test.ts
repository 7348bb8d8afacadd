import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start', () => {
  it('creates, migrates and seeds an empty data directory, serves, and shuts down gracefully on SIGTERM', { timeout: 90_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-start-'));
    const port = await freePort();
    // The same command as `npm start`, in a clean environment (vitest sets BASE_URL and friends).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let signIn: Response | undefined;
      for (let i = 0; i < 600 && !signIn; i++) {
        signIn = await fetch(`http://127.0.0.1:${port}/sign-in`).catch(() => undefined);
        if (!signIn) await new Promise((r) => setTimeout(r, 100));
      }
      expect(signIn?.status, stderr).toBe(200);
      expect(await signIn!.text()).toContain('teamleder@roskilde.nextwork.test');
      expect(fs.existsSync(path.join(dir, 'nextwork.lock'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'nextwork.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
