import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start', () => {
  it(
    'creates, migrates and seeds an empty data directory, serves, and shuts down gracefully on SIGTERM',
    { timeout: 150_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-start-'));
      const port = await freePort();
      // `npm start` itself, in a clean environment (vitest sets BASE_URL and friends): on a fresh
      // clone it compiles dist/ first, then runs the compiled JavaScript.
      const child = spawn(process.execPath, ['bin/start.js'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        let signIn: Response | undefined;
        for (let i = 0; i < 1200 && !signIn; i++) {
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
    },
  );
});

describe('start-up failures say what is wrong in one line (#19.17)', () => {
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.once('exit', (code) => resolve({ code, stderr }));
    });

  it('a database that is not running', { timeout: 120_000 }, async () => {
    const { code, stderr } = await run({
      DATABASE_URL: `postgres://nobody@127.0.0.1:${await freePort()}/none`,
      DATA_KEY: 'ab'.repeat(32),
      SESSION_SECRET: 's'.repeat(32),
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^The database could not be reached \(ECONNREFUSED\): check that PostgreSQL is running/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a port that is taken', { timeout: 120_000 }, async () => {
    const net = await import('node:net');
    const taken = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-port-'));
    try {
      const { code, stderr } = await run({ DATA_DIR: dir, PORT: String(port), DEMO: 'false' });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `Port ${port} on 127.0.0.1 is already in use by another program: stop that program or set PORT to a free port.`,
      );
    } finally {
      taken.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
