import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/platform/db/lock.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(root, 'bin/nextwork.js'), ...args], {
    cwd: root,
    // A clean environment: vitest itself sets variables such as BASE_URL.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('nextwork CLI', { timeout: 60_000 }, () => {
  it('prints the demo log-ins as JSON: role, email, password, municipality', () => {
    const res = cli(['demo-accounts', '--json']);
    expect(res.status).toBe(0);
    const accounts = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(accounts.length).toBeGreaterThan(20);
    for (const a of accounts)
      expect(Object.keys(a).sort()).toEqual(['email', 'municipality', 'password', 'role', ...(a.withOffer ? ['withOffer'] : [])].sort());
    // One young person per demo municipality has an offer to answer.
    expect(accounts.filter((a) => a.withOffer).map((a) => [a.role, a.municipality])).toEqual([
      ['youth', 'Roskilde'],
      ['youth', 'Vejle'],
    ]);
    expect(accounts.filter((a) => a.role === 'team_leader').map((a) => a.municipality)).toEqual(['Roskilde', 'Vejle']);
  });

  it('stops with one clear line on bad configuration', () => {
    const res = cli(['migrate'], { PORT: 'eighty' });
    expect(res.status).toBe(2);
    expect(res.stderr.trim()).toMatch(/^Invalid configuration: PORT must be a whole number/);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a data directory another process holds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-cli-'));
    const release = lockDataDir(dir);
    try {
      const res = cli(['migrate'], { DATA_DIR: dir });
      expect(res.status).toBe(2);
      expect(res.stderr).toContain(`is in use by another nextwork process (pid ${process.pid})`);
      expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
    } finally {
      release();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown command', () => {
    const res = cli(['frobnicate']);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('Unknown command "frobnicate"');
  });
});

describe('nextwork match', { timeout: 60_000 }, () => {
  it('reads JSON and writes the assignments, the seed and statistics; the same seed gives the same output', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-match-'));
    const input = path.join(dir, 'in.json');
    fs.writeFileSync(
      input,
      JSON.stringify({
        youth: { a: ['x', 'y'], b: ['x'], c: ['y'] },
        openings: { x: { seats: 1, accepts: [['a', 'b']] }, y: { seats: 1, accepts: ['c', 'a'] } },
      }),
    );
    const first = cli(['match', '--input', input, '--seed', '7']);
    expect(first.status, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout) as { assignments: Record<string, string | null>; seed: number; stats: { matched: number } };
    expect(result.seed).toBe(7);
    expect(Object.keys(result.assignments).sort()).toEqual(['a', 'b', 'c']);
    expect(result.stats.matched).toBe(2);
    const output = path.join(dir, 'out.json');
    expect(cli(['match', '--input', input, '--seed', '7', '--output', output]).status).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toBe(first.stdout);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with one line naming the problem and writes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-match-'));
    const input = path.join(dir, 'in.json');
    const output = path.join(dir, 'out.json');
    fs.writeFileSync(input, JSON.stringify({ youth: { a: ['nope'] }, openings: {} }));
    const bad = cli(['match', '--input', input, '--output', output]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('youth["a"][0] names unknown opening "nope"');
    expect(fs.existsSync(output)).toBe(false);
    fs.writeFileSync(input, '{ not json');
    expect(cli(['match', '--input', input]).stderr).toMatch(/is not valid JSON/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
