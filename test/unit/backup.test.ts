import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../src/app/backup.ts';
import { boot } from '../../src/app/boot.ts';
import { loadConfig } from '../../src/app/config.ts';
import { DataKeyMismatchError } from '../../src/platform/crypto/sealed.ts';
import { openPglite } from '../../src/platform/db/client.ts';
import { LOCK_FILE } from '../../src/platform/db/lock.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { platformSettings } from '../../src/platform/settings/settings.schema.ts';
import { freePort } from '../support/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-backup-'));
const [keyA, keyB] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
const source = path.join(work, 'source');
const config = (dir: string, key = keyA) => loadConfig({ DATA_DIR: dir, DATA_KEY: key, DEMO: 'false' });
const names = ['Backupby', 'Gendannelse', 'Kopistrup'];

/** What the restored directory holds: the municipalities and the data key's check value. */
async function contents(dir: string) {
  const database = await openPglite({ dataDir: dir });
  try {
    const rows = await database.db.select({ name: municipalities.name }).from(municipalities).orderBy(municipalities.name);
    const settings = await database.db.select({ key: platformSettings.key }).from(platformSettings);
    return { names: rows.map((r) => r.name), settings: settings.map((s) => s.key) };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const { database } = await boot(config(source));
  await database.db.insert(municipalities).values(names.map((name, i) => ({ name, code: String(900 + i) })));
  await database.close();
}, 120_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('embedded backup and restore', () => {
  it('backs up a data directory no process holds and restores it into a new one, rows and all', { timeout: 120_000 }, async () => {
    const file = path.join(work, 'direct.tar.gz');
    expect(await backupCommand(config(source), file)).toMatch(/^Backup written to .*Keep the data key/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(source, LOCK_FILE))).toBe(false);

    const target = path.join(work, 'target');
    await restoreCommand(config(target), file, false);
    expect(await contents(target)).toEqual({ names, settings: ['data_key_check'] });
    // Not over a database without --force; not under another key, and then nothing is replaced.
    await expect(restoreCommand(config(target), file, false)).rejects.toThrow(/already holds a database; add --force/);
    await expect(restoreCommand(config(target, keyB), file, true)).rejects.toThrow(DataKeyMismatchError);
    expect(fs.readdirSync(target).sort()).toEqual(['pgdata']);
    expect((await contents(target)).names).toEqual(names);
  });

  it('backs up while the server runs on the directory, and refuses to restore into it', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: source, DATA_KEY: keyA, DEMO: 'false' };
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
      cwd: root,
      env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'bin/nextwork.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
    const file = path.join(work, 'live.tar.gz');
    try {
      let ready: Response | undefined;
      for (let i = 0; i < 900 && !ready; i++) {
        ready = await fetch(`http://127.0.0.1:${port}/sign-in`).catch(() => undefined);
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready?.status, stderr).toBe(200);

      const restore = cli(['restore', '--input', path.join(work, 'direct.tar.gz'), '--force']);
      expect(restore.status).toBe(2);
      expect(restore.stderr).toContain(`is in use by another nextwork process (pid ${server.pid})`);

      const backup = cli(['backup', '--output', file]);
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toContain(`Backup written to ${file}`);
      expect(fs.readdirSync(path.join(source, 'backups'))).toEqual([]);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);

    const target = path.join(work, 'from-live');
    await restoreCommand(config(target), file, false);
    expect(await contents(target)).toEqual({ names, settings: ['data_key_check'] });
  });
});
