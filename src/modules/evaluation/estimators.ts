import { crossProduct, invert, multiply, quadForm } from './linalg.ts';
import { tQuantile, tTwoSidedP } from './tdist.ts';

/**
 * Effect estimators as R's estimatr computes them: OLS with robust standard errors (lm_robust),
 * Lin's (2013) interacted estimator (lm_lin) and the difference in means, Welch or blocked
 * (difference_in_means). Pure; checked against estimatr's own results to 1e-6.
 */
export type SeType = 'HC2' | 'HC0' | 'HC1' | 'HC3' | 'classical';
export type Estimator = 'ols' | 'lin' | 'dim';

export interface TrialData {
  y: number[];
  treated: (0 | 1)[];
  covariates: number[][];
  blocks?: string[];
}

export interface Estimate {
  estimate: number;
  stdError: number;
  df: number;
  t: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
  n: number;
  nTreated: number;
  nControl: number;
  estimator: Estimator;
  se: SeType | 'welch' | 'blocked' | 'matched-pairs';
}

export class EstimationError extends Error {}

function finish(
  estimate: number,
  stdError: number,
  df: number,
  data: TrialData,
  estimator: Estimator,
  se: Estimate['se'],
  alpha = 0.05,
): Estimate {
  const t = estimate / stdError;
  const q = tQuantile(1 - alpha / 2, df);
  const nTreated = data.treated.filter((v) => v === 1).length;
  return {
    estimate,
    stdError,
    df,
    t,
    pValue: tTwoSidedP(t, df),
    ciLower: estimate - q * stdError,
    ciUpper: estimate + q * stdError,
    n: data.y.length,
    nTreated,
    nControl: data.y.length - nTreated,
    estimator,
    se,
  };
}

/** OLS of y on the rows of X; the coefficient of column `coef` with the chosen standard error. */
function olsCoefficient(y: number[], X: number[][], coef: number, se: SeType): { b: number; se: number; df: number } {
  const n = y.length;
  const k = X[0]!.length;
  if (n <= k) throw new EstimationError(`fewer rows (${n}) than parameters (${k}) plus one`);
  let XtXinv;
  try {
    XtXinv = invert(crossProduct(X));
  } catch {
    throw new EstimationError('the covariates are collinear (or constant); drop one');
  }
  const Xty = Array.from({ length: k }, () => 0);
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) Xty[a]! += X[i]![a]! * y[i]!;
  const beta = XtXinv.map((row) => row.reduce((s, v, j) => s + v * Xty[j]!, 0));
  const resid = y.map((yi, i) => yi - X[i]!.reduce((s, v, j) => s + v * beta[j]!, 0));
  let variance: number;
  if (se === 'classical') {
    const s2 = resid.reduce((s, e) => s + e * e, 0) / (n - k);
    variance = s2 * XtXinv[coef]![coef]!;
  } else {
    const w = resid.map((e, i) => {
      const h = quadForm(X[i]!, XtXinv);
      if (se === 'HC2') return (e * e) / (1 - h);
      if (se === 'HC3') return (e * e) / (1 - h) ** 2;
      return e * e;
    });
    const meat = crossProduct(X, w);
    variance = multiply(multiply(XtXinv, meat), XtXinv)[coef]![coef]!;
    if (se === 'HC1') variance *= n / (n - k);
  }
  return { b: beta[coef]!, se: Math.sqrt(variance), df: n - k };
}

export function ols(data: TrialData, se: SeType = 'HC2'): Estimate {
  const X = data.y.map((_, i) => [1, data.treated[i]!, ...data.covariates[i]!]);
  const r = olsCoefficient(data.y, X, 1, se);
  return finish(r.b, r.se, r.df, data, 'ols', se);
}

/** Lin (2013): covariates centred at their means and interacted with treatment. */
export function lin(data: TrialData, se: SeType = 'HC2'): Estimate {
  const p = data.covariates[0]?.length ?? 0;
  const means = Array.from({ length: p }, (_, j) => data.covariates.reduce((s, row) => s + row[j]!, 0) / data.y.length);
  const X = data.y.map((_, i) => {
    const c = data.covariates[i]!.map((v, j) => v - means[j]!);
    const t = data.treated[i]!;
    return [1, t, ...c, ...c.map((v) => v * t)];
  });
  const r = olsCoefficient(data.y, X, 1, se);
  return finish(r.b, r.se, r.df, data, 'lin', se);
}

function armStats(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : NaN;
  return { n, mean, variance };
}

/** Difference in means: Welch without blocks; with blocks, estimatr's blocked or matched-pair estimator. */
export function differenceInMeans(data: TrialData): Estimate {
  if (!data.blocks) {
    const t1 = armStats(data.y.filter((_, i) => data.treated[i] === 1));
    const t0 = armStats(data.y.filter((_, i) => data.treated[i] === 0));
    if (t1.n < 2 || t0.n < 2) throw new EstimationError('each arm needs at least two rows for the Welch estimator');
    const v1 = t1.variance / t1.n;
    const v0 = t0.variance / t0.n;
    const df = (v1 + v0) ** 2 / (v1 ** 2 / (t1.n - 1) + v0 ** 2 / (t0.n - 1));
    return finish(t1.mean - t0.mean, Math.sqrt(v1 + v0), df, data, 'dim', 'welch');
  }
  const byBlock = new Map<string, { y: number; t: number }[]>();
  data.blocks.forEach((b, i) => {
    const list = byBlock.get(b) ?? [];
    list.push({ y: data.y[i]!, t: data.treated[i]! });
    byBlock.set(b, list);
  });
  const blocks = [...byBlock.values()];
  const J = blocks.length;
  const N = data.y.length;
  for (const rows of blocks) {
    if (!rows.some((r) => r.t === 1) || !rows.some((r) => r.t === 0))
      throw new EstimationError('every block needs treated and control rows');
  }
  const pairs = blocks.every((rows) => rows.length === 2);
  if (pairs) {
    const d = blocks.map((rows) => rows.find((r) => r.t === 1)!.y - rows.find((r) => r.t === 0)!.y);
    const mean = d.reduce((s, v) => s + v, 0) / J;
    const se = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (J * (J - 1)));
    return finish(mean, se, J - 1, data, 'dim', 'matched-pairs');
  }
  if (blocks.some((rows) => rows.length === 2))
    throw new EstimationError('blocks mix matched pairs with larger blocks; estimatr does not estimate that');
  let estimate = 0;
  let variance = 0;
  for (const rows of blocks) {
    const t1 = armStats(rows.filter((r) => r.t === 1).map((r) => r.y));
    const t0 = armStats(rows.filter((r) => r.t === 0).map((r) => r.y));
    if (t1.n < 2 || t0.n < 2) throw new EstimationError('every block needs at least two treated and two control rows');
    const w = rows.length / N;
    estimate += w * (t1.mean - t0.mean);
    variance += w * w * (t1.variance / t1.n + t0.variance / t0.n);
  }
  return finish(estimate, Math.sqrt(variance), N - 2 * J, data, 'dim', 'blocked');
}
