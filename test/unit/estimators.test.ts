import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, runEvaluateCommand } from '../../src/modules/evaluation/evaluate.command.ts';
import { EstimationError, type TrialData, differenceInMeans, lin, ols } from '../../src/modules/evaluation/estimators.ts';

// The reference cases run here in-process, so coverage and mutation testing see them;
// test/unit/evaluation.test.ts runs the first file through the command line as a user would.
const dir = path.resolve(import.meta.dirname, '../fixtures/stats');
type Cases = { cases: { id: string; args: string[]; expected: Record<string, number> }[] };
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Cases;

/** `nextwork evaluate` arguments as the command's options, the input file found in the fixtures. */
function optionsOf(args: string[]): EvaluateOptions {
  const o: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) o[args[i]!.replace(/^--/, '')] = args[i + 1]!;
  return { ...o, input: path.join(dir, o.input!) };
}

for (const file of ['reference-cases.json', 'estimatr-se.json']) {
  describe(`estimatr's results (${file}), in-process`, () => {
    for (const c of read(file).cases) {
      it(`${c.id}`, () => {
        const out = JSON.parse(runEvaluateCommand(optionsOf(c.args))) as Record<string, number>;
        for (const [key, want] of Object.entries(c.expected)) {
          expect(Math.abs(out[key]! - want) / Math.max(1, Math.abs(want)), `${key}: ${out[key]} vs ${want}`).toBeLessThan(1e-6);
        }
      });
    }
  });
}

it('covers every standard error the command offers, for OLS and for Lin', () => {
  const ids = read('estimatr-se.json').cases.map((c) => c.id);
  for (const se of ['HC0', 'HC1', 'HC2', 'HC3', 'classical']) {
    expect(ids).toContain(`mtcars-ols-${se}`);
    expect(ids).toContain(`mtcars-lin-${se}`);
  }
});

const trial = (y: number[], treated: (0 | 1)[], covariates: number[][] = y.map(() => []), blocks?: string[]): TrialData => ({
  y,
  treated,
  covariates,
  ...(blocks ? { blocks } : {}),
});

describe('what an estimate reports', () => {
  it('counts the arms and names its estimator and standard error', () => {
    const data = trial([1, 2, 3, 5, 8, 13, 21], [1, 1, 0, 0, 1, 1, 0]);
    expect(ols(data, 'HC1')).toMatchObject({ n: 7, nTreated: 4, nControl: 3, estimator: 'ols', se: 'HC1' });
    expect(ols(data)).toMatchObject({ estimator: 'ols', se: 'HC2' });
    expect(lin(trial(data.y, data.treated, [[1], [4], [2], [8], [5], [7], [3]]))).toMatchObject({ estimator: 'lin', se: 'HC2' });
    expect(differenceInMeans(data)).toMatchObject({ nTreated: 4, nControl: 3, estimator: 'dim', se: 'welch' });
    const pairs = trial([5, 3, 2, 6, 9, 4], [1, 0, 0, 1, 1, 0], undefined, ['p', 'p', 'q', 'q', 'r', 'r']);
    expect(differenceInMeans(pairs)).toMatchObject({ estimator: 'dim', se: 'matched-pairs', df: 2 });
    const blocked = trial([5, 3, 6, 2, 9, 4, 8, 1], [1, 0, 1, 0, 1, 0, 1, 0], undefined, ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    expect(differenceInMeans(blocked)).toMatchObject({ estimator: 'dim', se: 'blocked', df: 4, notes: [] });
    // Pairs mixed with a larger block: estimatr's matched-pairs variance, df = J − 1, and its warning as a note.
    const mixed = differenceInMeans(
      trial([1, 2, 3, 4, 5, 6, 7, 1], [1, 0, 1, 1, 0, 0, 1, 0], undefined, ['p', 'p', 'b', 'b', 'b', 'b', 'q', 'q']),
    );
    expect(mixed).toMatchObject({ se: 'matched-pairs', df: 2, notes: [expect.objectContaining({ code: 'mixed_blocks' })] });
  });

  it('pairs the treated with the control row whichever comes first', () => {
    // Differences 2, 4, 3: mean 3, standard error √(((−1)² + 1² + 0²) / (3 × 2)) = √(1/3).
    const e = differenceInMeans(trial([5, 3, 2, 6, 9, 6], [1, 0, 0, 1, 1, 0], undefined, ['p', 'p', 'q', 'q', 'r', 'r']));
    expect(e.estimate).toBeCloseTo(3, 12);
    expect(e.stdError).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it('gives a 95 % interval of estimate ± t(0.975, df) × standard error, and t = estimate ÷ standard error', () => {
    const e = ols(trial([1, 2, 3, 5, 8, 13], [1, 1, 0, 0, 0, 1]), 'classical');
    // qt(0.975, 4) in R
    expect(e.ciUpper! - e.estimate).toBeCloseTo(2.776445105197793 * e.stdError!, 10);
    expect(e.estimate - e.ciLower!).toBeCloseTo(2.776445105197793 * e.stdError!, 10);
    expect(e.t).toBeCloseTo(e.estimate / e.stdError!, 12);
    expect(e.df).toBe(4);
  });
});

describe('estimator identities', () => {
  const arm = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
  const twoArms = (a: number[], b: number[]) => trial([...a, ...b], [...a.map(() => 1 as const), ...b.map(() => 0 as const)]);

  it('OLS with HC2 and no covariates has the Welch standard error', () => {
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const data = twoArms(a, b);
        const welch = differenceInMeans(data);
        const robust = ols(data, 'HC2');
        expect(robust.estimate).toBeCloseTo(welch.estimate, 8);
        if (welch.stdError! > 1e-6) expect(robust.stdError! / welch.stdError!).toBeCloseTo(1, 8);
      }),
    );
  });

  it('without covariates, Lin is OLS', () => {
    fc.assert(
      fc.property(
        arm,
        arm,
        fc.constantFrom('HC0' as const, 'HC1' as const, 'HC2' as const, 'HC3' as const, 'classical' as const),
        (a, b, se) => {
          const data = twoArms(a, b);
          const plain = ols(data, se);
          const adjusted = lin(data, se);
          expect(adjusted.estimate).toBeCloseTo(plain.estimate, 8);
          expect(adjusted.stdError).toBeCloseTo(plain.stdError!, 8);
          expect(adjusted.df).toBe(plain.df);
        },
      ),
    );
  });

  it('one block is the Welch estimate and standard error, with N − 2 degrees of freedom', () => {
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const data = twoArms(a, b);
        const welch = differenceInMeans(data);
        const blocked = differenceInMeans({ ...data, blocks: data.y.map(() => 'only') });
        expect(blocked.se).toBe('blocked');
        expect(blocked.estimate).toBeCloseTo(welch.estimate, 8);
        expect(blocked.stdError).toBeCloseTo(welch.stdError!, 8);
        expect(blocked.df).toBe(data.y.length - 2);
      }),
    );
  });

  it('weights blocks by their size', () => {
    // Block A (4 rows): effect 1; block B (6 rows): effect 4 → 0.4 × 1 + 0.6 × 4.
    const e = differenceInMeans(
      trial([2, 3, 1, 2, 5, 6, 7, 1, 2, 3], [1, 1, 0, 0, 1, 1, 1, 0, 0, 0], undefined, ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'B']),
    );
    expect(e.estimate).toBeCloseTo(0.4 * 1 + 0.6 * 4, 12);
    expect(e.df).toBe(10 - 2 * 2);
  });
});

describe('refusals', () => {
  /** The message of the EstimationError thrown (the command prints it and exits 2), or what else happened. */
  const refusal = (f: () => unknown): string => {
    try {
      f();
    } catch (err) {
      return err instanceof EstimationError ? err.message : `not an EstimationError: ${String(err)}`;
    }
    return 'no error';
  };

  it('with as many parameters as rows, estimates but leaves the standard error undefined', () => {
    const e = ols(trial([1, 2, 3], [1, 0, 1], [[1], [2], [4]]));
    expect(e).toMatchObject({ df: 0, stdError: null, pValue: null, ciLower: null, ciUpper: null });
    expect(e.notes).toEqual([expect.objectContaining({ code: 'se_undefined', reason: 'no_residual_df' })]);
    expect(ols(trial([1, 2, 3, 5], [1, 0, 1, 0], [[1], [2], [4], [3]])).df).toBe(1);
  });

  it('drops a constant or collinear covariate, as estimatr does, and says which', () => {
    const constant = ols(trial([1, 2, 3, 4, 5], [1, 0, 1, 0, 1], [[7], [7], [7], [7], [7]]));
    expect(constant.notes).toEqual([expect.objectContaining({ code: 'dropped_covariate', covariate: 'x1' })]);
    expect(constant.estimate).toBeCloseTo(ols(trial([1, 2, 3, 4, 5], [1, 0, 1, 0, 1])).estimate, 12);
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const doubled = {
      ...trial(
        x,
        [1, 0, 1, 0, 1, 0, 1, 0],
        x.map((v) => [v, 2 * v]),
      ),
      covariateNames: ['hours', 'minutes'],
    };
    expect(lin(doubled).notes).toEqual([expect.objectContaining({ code: 'dropped_covariate', covariate: 'minutes' })]);
  });

  it('refuses a treatment that is constant or a combination of the covariates', () => {
    expect(refusal(() => ols(trial([1, 2, 3, 4], [1, 1, 1, 1], [[1], [2], [3], [5]])))).toMatch(/treatment is constant/);
  });

  it('needs two rows in each arm for Welch', () => {
    expect(refusal(() => differenceInMeans(trial([1, 2, 3], [1, 0, 0])))).toMatch(/each arm needs at least two rows/);
    expect(refusal(() => differenceInMeans(trial([1, 2, 3], [1, 1, 0])))).toMatch(/each arm needs at least two rows/);
  });

  it('needs both arms in every block, and two of each outside matched pairs', () => {
    expect(refusal(() => differenceInMeans(trial([1, 2, 3, 4], [1, 0, 1, 1], undefined, ['a', 'a', 'b', 'b'])))).toMatch(
      /every block needs treated and control/,
    );
    expect(refusal(() => differenceInMeans(trial([1, 2, 3, 4], [1, 0, 0, 0], undefined, ['a', 'a', 'b', 'b'])))).toMatch(
      /every block needs treated and control/,
    );
    expect(
      refusal(() => differenceInMeans(trial([1, 2, 3, 4, 5, 6], [1, 0, 0, 1, 0, 0], undefined, ['a', 'a', 'a', 'b', 'b', 'b']))),
    ).toMatch(/at least two treated and two control rows/);
    expect(
      refusal(() =>
        differenceInMeans(trial([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 0, 0, 1, 0, 0, 0], undefined, ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'])),
      ),
    ).toMatch(/at least two treated and two control rows/);
    const oneControl = trial([1, 2, 3, 4, 5, 6, 7], [1, 1, 0, 0, 1, 1, 0], undefined, ['a', 'a', 'a', 'a', 'b', 'b', 'b']);
    expect(refusal(() => differenceInMeans(oneControl))).toMatch(/at least two treated and two control rows/);
  });
});
