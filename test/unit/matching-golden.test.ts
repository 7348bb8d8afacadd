import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MatchInput, type MatchStats, match, random, validateInput } from '../../src/modules/matching/deferred-acceptance.ts';

// A stored round: 41 young people, 10 openings, answers in tiers (ties) broken by the lottery.
// Rounds are stored with their seed and must re-run to the same assignment in every later version.
const golden = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/matching-golden.json'), 'utf8')) as {
  input: MatchInput & { seed: number };
  expected: { assignments: Record<string, string | null>; stats: MatchStats; firstDraws: number[] };
};

describe('a stored round re-runs from its seed', () => {
  it('to the same tie-broken assignment and figures', () => {
    const r = match(validateInput(golden.input));
    expect(r.seed).toBe(golden.input.seed);
    expect(r.assignments).toEqual(golden.expected.assignments);
    expect(r.stats).toEqual(golden.expected.stats);
  });

  it('with the same lottery draws (mulberry32)', () => {
    const draw = random(golden.input.seed);
    expect(Array.from({ length: 5 }, () => draw())).toEqual(golden.expected.firstDraws);
    const zero = random(0);
    expect([zero(), zero()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
    // Seeds are read as unsigned 32-bit numbers.
    expect(random(2 ** 32 + 5)()).toBe(random(5)());
  });

  it('whatever the order of the input', () => {
    const reversed: MatchInput = {
      youth: Object.fromEntries(Object.entries(golden.input.youth).reverse()),
      openings: Object.fromEntries(Object.entries(golden.input.openings).reverse()),
      seed: golden.input.seed,
    };
    expect(match(reversed).assignments).toEqual(golden.expected.assignments);
  });

  it('where the seed decides the ties: another seed gives another assignment', () => {
    const other = match({ ...golden.input, seed: golden.input.seed + 1 });
    expect(other.assignments).not.toEqual(golden.expected.assignments);
    expect(other.seed).toBe(golden.input.seed + 1);
  });

  it("takes the input's seed over the one offered, and the one offered when the input has none", () => {
    expect(match(golden.input, 1).seed).toBe(golden.input.seed);
    const { seed, ...withoutSeed } = golden.input;
    const r = match(withoutSeed, seed);
    expect(r.seed).toBe(seed);
    expect(r.assignments).toEqual(golden.expected.assignments);
  });

  it('draws a seed when there is none, and records it so the round can be re-run', () => {
    const { seed: _, ...withoutSeed } = golden.input;
    const r = match(withoutSeed);
    expect(Number.isSafeInteger(r.seed) && r.seed >= 0 && r.seed < 2 ** 31).toBe(true);
    expect(match({ ...withoutSeed, seed: r.seed }).assignments).toEqual(r.assignments);
    // Drawn at random: three draws from 2^31 seeds are all alike once in 2^62 runs.
    expect(new Set([r.seed, match(withoutSeed).seed, match(withoutSeed).seed]).size).toBeGreaterThan(1);
  });
});
