import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEvaluateCommand } from '../../src/modules/evaluation/evaluate.command.ts';
import { type Estimate, type SeType, type TrialData, differenceInMeans, lin, ols } from '../../src/modules/evaluation/estimators.ts';
import { crossProduct, invert, leastSquares } from '../../src/modules/evaluation/linalg.ts';

// Issue #22: the cases a researcher with real municipal data meets, against estimatr 1.0.0 on the
// seeded data that test/fixtures/stats/estimatr-hard.R wrote into estimatr-hard.json.
interface HardCase {
  id: string;
  estimator: 'ols' | 'lin' | 'dim';
  se: SeType;
  data: { y: number[]; treated: (0 | 1)[]; covariateNames: string[]; covariates: number[][]; blocks?: string[] };
  expected: Record<'estimate' | 'df' | 'n', number> & Record<'stdError' | 't' | 'pValue' | 'ciLower' | 'ciUpper', number | null>;
  lmAliased: string[];
  estimatrNA: string[];
  warning: string | null;
  undefinedHere: 'leverage_one' | null;
}
const file = path.resolve(import.meta.dirname, '../fixtures/stats/estimatr-hard.json');
const { cases } = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: HardCase[] };

const run = (c: HardCase): Estimate => {
  const data: TrialData = { ...c.data, covariates: c.data.covariates.length ? c.data.covariates : c.data.y.map(() => []) };
  return c.estimator === 'dim' ? differenceInMeans(data) : c.estimator === 'lin' ? lin(data, c.se) : ols(data, c.se);
};

/** The columns an estimate's notes say were dropped, in lm's names: x, and z:x for Lin's interaction. */
const droppedTerms = (e: Estimate) =>
  e.notes
    .flatMap((n) =>
      n.code === 'dropped_covariate'
        ? e.estimator === 'lin'
          ? [n.covariate, `z:${n.covariate}`]
          : [n.covariate]
        : n.code === 'dropped_interaction'
          ? [`z:${n.covariate}`]
          : [],
    )
    .sort();

const relative = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), Number.MIN_VALUE);

describe("estimatr's hard cases (estimatr-hard.json), in-process", () => {
  it('has every row of the issue', () => {
    const ids = cases.map((c) => c.id);
    for (const id of [
      'large-scale-ols-HC2',
      'constant-ols-HC2',
      'duplicate-lin-HC2',
      'rare-binary-lin-HC2',
      'leverage-one-lin-HC2',
      'mixed-blocks-dim',
    ])
      expect(ids).toContain(id);
  });

  for (const c of cases) {
    it(`${c.id}`, () => {
      const e = run(c);
      expect(relative(e.estimate, c.expected.estimate), `estimate ${e.estimate} vs ${c.expected.estimate}`).toBeLessThan(1e-6);
      expect(e.n).toBe(c.expected.n);
      expect(e.df).toBeCloseTo(c.expected.df, 9);
      const undefinedThere = c.expected.pValue === null;
      if (undefinedThere || c.undefinedHere) {
        expect(e).toMatchObject({ stdError: null, t: null, pValue: null, ciLower: null, ciUpper: null });
        const reason = c.undefinedHere ?? (c.expected.df > 0 ? 'leverage_one' : 'no_residual_df');
        expect(e.notes).toContainEqual(expect.objectContaining({ code: 'se_undefined', reason }));
      } else {
        for (const key of ['stdError', 't', 'pValue', 'ciLower', 'ciUpper'] as const) {
          const want = c.expected[key]!;
          expect(relative(e[key]!, want), `${key}: ${e[key]} vs ${want}`).toBeLessThan(1e-6);
        }
        expect(e.notes.some((n) => n.code === 'se_undefined')).toBe(false);
      }
      expect(droppedTerms(e)).toEqual([...c.lmAliased].sort());
      // estimatr drops as many columns, if not always the same one of an aliased set.
      expect(droppedTerms(e)).toHaveLength(c.estimatrNA.length);
      expect(e.notes.some((n) => n.code === 'mixed_blocks')).toBe(!!c.warning && c.estimator === 'dim');
    });
  }
});

const trial = (y: number[], treated: (0 | 1)[], covariates: number[][]): TrialData => ({ y, treated, covariates });
const seTypes: SeType[] = ['HC0', 'HC1', 'HC2', 'HC3', 'classical'];

/** A random trial of n rows with p covariates: both arms at least three rows, data well conditioned. */
const trialArb = (p: number) =>
  fc.integer({ min: 10, max: 40 }).chain((n) =>
    fc
      .record({
        y: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
        x: fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: p, maxLength: p }), { minLength: n, maxLength: n }),
        jitter: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: n * p, maxLength: n * p }),
      })
      .map(({ y, x, jitter }) => {
        // A deterministic spread underneath keeps the covariates from being (nearly) collinear.
        const covariates = x.map((row, i) =>
          row.map((v, j) => v + Math.sin(i * (j + 1.7)) * 3 * jitter[i * p + j]! + i * (j === 0 ? 0.1 : 0)),
        );
        return trial(
          y,
          y.map((_, i) => (i % 2) as 0 | 1),
          covariates,
        );
      }),
  );

describe('least squares by QR', () => {
  it('gives the normal-equation solution on well-conditioned data', () => {
    fc.assert(
      fc.property(trialArb(3), (data) => {
        const X = data.y.map((_, i) => [1, data.treated[i]!, ...data.covariates[i]!]);
        const fit = leastSquares(X, data.y);
        expect(fit.dropped).toEqual([]);
        const inv = invert(crossProduct(X));
        const Xty = X[0]!.map((_, a) => X.reduce((s, row, i) => s + row[a]! * data.y[i]!, 0));
        const normal = inv.map((row) => row.reduce((s, v, j) => s + v * Xty[j]!, 0));
        fit.coef.forEach((b, j) => expect(Math.abs(b - normal[j]!)).toBeLessThan(1e-8 * Math.max(1, Math.abs(normal[j]!))));
        // (X'X)⁻¹ = R⁻¹R⁻ᵀ, and the leverages sum to the rank.
        const r = fit.rInv;
        for (let a = 0; a < r.length; a++)
          for (let b = 0; b < r.length; b++) {
            const v = r[a]!.reduce((s, x, k) => s + x * r[b]![k]!, 0);
            expect(Math.abs(v - inv[a]![b]!)).toBeLessThan(1e-8 * Math.max(1, Math.abs(inv[a]![b]!)));
          }
        expect(fit.leverage.reduce((s, h) => s + h, 0)).toBeCloseTo(X[0]!.length, 9);
      }),
      { numRuns: 50 },
    );
  });

  it('appending a duplicate (or constant) covariate changes no estimate and names the dropped column', () => {
    fc.assert(
      fc.property(trialArb(2), fc.constantFrom(...seTypes), fc.constantFrom('duplicate', 'constant'), (data, se, kind) => {
        const more: TrialData = {
          ...data,
          covariateNames: ['a', 'b', 'extra'],
          covariates: data.covariates.map((row) => [...row, kind === 'duplicate' ? row[1]! : 42]),
        };
        for (const f of [ols, lin]) {
          const plain = f(data, se);
          const widened = f(more, se);
          expect(plain.notes).toEqual([]);
          expect(widened.notes).toEqual([expect.objectContaining({ code: 'dropped_covariate', covariate: 'extra' })]);
          for (const key of ['estimate', 'stdError', 'pValue', 'ciLower', 'ciUpper'] as const)
            expect(Math.abs(widened[key]! - plain[key]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(plain[key]!)));
          expect(widened.df).toBe(plain.df);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('moving a covariate to a large scale (1e6 + x) changes nothing', () => {
    fc.assert(
      fc.property(trialArb(2), fc.constantFrom(...seTypes), (data, se) => {
        const shifted = { ...data, covariates: data.covariates.map(([a, b]) => [a!, 1e6 + b!]) };
        const plain = ols(data, se);
        const moved = ols(shifted, se);
        expect(moved.notes).toEqual([]);
        for (const key of ['estimate', 'stdError', 'pValue'] as const)
          expect(Math.abs(moved[key]! - plain[key]!)).toBeLessThan(1e-7 * Math.max(1e-3, Math.abs(plain[key]!)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('undefined standard errors', () => {
  it('an observation with leverage 1 that does not enter the treatment coefficient leaves HC2 defined', () => {
    // Row 0 has its own dummy: fitted exactly, but the treatment coefficient does not depend on it.
    const y = [9, 1, 2, 3, 5, 8, 13, 21, 34, 55];
    const z: (0 | 1)[] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
    const own = ols(
      trial(
        y,
        z,
        y.map((_, i) => [i === 0 ? 1 : 0]),
      ),
      'HC2',
    );
    const without = ols(
      trial(
        y.slice(1),
        z.slice(1),
        y.slice(1).map(() => []),
      ),
      'HC2',
    );
    expect(own.stdError).not.toBeNull();
    expect(own.estimate).toBeCloseTo(without.estimate, 10);
  });

  it('every standard error is undefined with no residual degrees of freedom, and a lone pair has none', () => {
    for (const se of seTypes) {
      const e = ols(trial([1, 2, 4], [1, 0, 1], [[3], [1], [2]]), se);
      expect(e).toMatchObject({ df: 0, stdError: null, pValue: null });
      expect(e.estimate).toBeCloseTo(5, 12);
      expect(e.notes).toEqual([expect.objectContaining({ code: 'se_undefined', reason: 'no_residual_df' })]);
    }
    const pair = differenceInMeans({ y: [3, 1], treated: [1, 0], covariates: [[], []], blocks: ['p', 'p'] });
    expect(pair).toMatchObject({ estimate: 2, df: 0, stdError: null });
  });
});

describe('nextwork evaluate carries the notes', () => {
  it('prints null for an undefined standard error, with the reason, and names a dropped covariate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-hard-'));
    const csv = path.join(dir, 'trial.csv');
    const lev = cases.find((c) => c.id === 'leverage-one-lin-HC2')!;
    fs.writeFileSync(
      csv,
      ['y,z,x1,x2,same', ...lev.data.y.map((y, i) => [y, lev.data.treated[i], ...lev.data.covariates[i]!, 7].join(','))].join('\n'),
    );
    const out = JSON.parse(
      runEvaluateCommand({ input: csv, outcome: 'y', treatment: 'z', covariates: 'x1,x2,same', estimator: 'lin', se: 'HC2' }),
    ) as Record<string, unknown>;
    expect(out).toMatchObject({ stdError: null, pValue: null, ciLower: null, ciUpper: null, t: null });
    expect(out.notes).toEqual([
      expect.objectContaining({ code: 'dropped_covariate', covariate: 'same', message: expect.stringMatching(/"same".*dropped/) }),
      expect.objectContaining({ code: 'se_undefined', reason: 'leverage_one', message: expect.stringMatching(/leverage 1/) }),
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});
