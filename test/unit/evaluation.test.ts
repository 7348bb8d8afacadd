import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tCdf, tQuantile } from '../../src/modules/evaluation/tdist.ts';

// Copies of shared/data/stats, so the suite runs from any checkout. The same cases run in-process in
// test/unit/estimators.test.ts; here they run through the command line, as a user runs them.
const dir = path.resolve(import.meta.dirname, '../fixtures/stats');
const root = path.resolve(import.meta.dirname, '../..');
const reference = JSON.parse(fs.readFileSync(path.join(dir, 'reference-cases.json'), 'utf8')) as {
  cases: { id: string; args: string[]; expected: Record<string, number> }[];
};

const evaluate = (args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin/nextwork.js'), 'evaluate', ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    encoding: 'utf8',
  });

describe('nextwork evaluate reproduces estimatr', () => {
  for (const c of reference.cases) {
    it(`${c.id}`, () => {
      const res = evaluate(c.args);
      expect(res.status, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout) as Record<string, number>;
      for (const [key, want] of Object.entries(c.expected)) {
        expect(Math.abs(out[key]! - want) / Math.max(1, Math.abs(want)), `${key}: ${out[key]} vs ${want}`).toBeLessThan(1e-6);
      }
    });
  }

  it.each([
    [['--input', 'sleep.csv', '--outcome', 'nope', '--treatment', 'group2'], /missing column "nope"/],
    [['--input', 'sleep.csv', '--outcome', 'extra', '--treatment', 'extra'], /must be 0 or 1/],
    [['--input', 'sleep.csv', '--outcome', 'extra', '--treatment', 'group2', '--se', 'HC9'], /--se must be one of/],
  ])('exits 2 with one line for %j', (args, message) => {
    const res = evaluate(args);
    expect(res.status).toBe(2);
    expect(res.stderr.trim()).toMatch(message);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stdout).toBe('');
  });
});

describe('t distribution', () => {
  it('matches R: qt(0.975, 18), pt(-1.860813, 18)', () => {
    expect(tQuantile(0.975, 18)).toBeCloseTo(2.10092204024096, 12);
    expect(tCdf(-2.10092204024096, 18)).toBeCloseTo(0.025, 12);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047361747, 9);
  });
  it('the quantile inverts the distribution function', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 1, max: 500, noNaN: true }), (p, df) => {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
    );
  });
});
