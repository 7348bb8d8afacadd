import { leastSquares } from './linalg.ts';
import { tQuantile, tTwoSidedP } from './tdist.ts';

/**
 * Effect estimators as R's estimatr computes them: OLS with robust standard errors (lm_robust),
 * Lin's (2013) interacted estimator (lm_lin) and the difference in means, Welch or blocked
 * (difference_in_means). Pure; checked against estimatr's own results to 1e-6, the hard cases
 * included (decision 0026): least squares by QR, aliased columns dropped and named, a standard
 * error that cannot be computed reported as null with its reason, never as a number.
 */
export type SeType = 'HC2' | 'HC0' | 'HC1' | 'HC3' | 'classical';
export type Estimator = 'ols' | 'lin' | 'dim';

export interface TrialData {
  y: number[];
  treated: (0 | 1)[];
  covariates: number[][];
  /** Names of the covariates, for the notes (x1, x2, … when omitted). */
  covariateNames?: string[];
  blocks?: string[];
}

/** Why a standard error is undefined: an observation fitted exactly (HC2/HC3), or no residual degrees of freedom. */
export type UndefinedReason = 'leverage_one' | 'no_residual_df';

/** What the estimate's reader must know; `message` is the English sentence the command prints. */
export type EstimateNote =
  | { code: 'dropped_covariate' | 'dropped_interaction'; covariate: string; message: string }
  | { code: 'se_undefined'; reason: UndefinedReason; message: string }
  | { code: 'mixed_blocks'; message: string };

export interface Estimate {
  estimate: number;
  /** null when it cannot be computed; then t, pValue and the interval are null too, and a note says why. */
  stdError: number | null;
  df: number;
  t: number | null;
  pValue: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  n: number;
  nTreated: number;
  nControl: number;
  estimator: Estimator;
  se: SeType | 'welch' | 'blocked' | 'matched-pairs';
  notes: EstimateNote[];
}

export class EstimationError extends Error {}

const undefinedMessages: Record<UndefinedReason, string> = {
  leverage_one:
    'standard error undefined: an observation has leverage 1 (it is fitted exactly by its own parameters), so HC2/HC3 cannot weigh its residual',
  no_residual_df: 'standard error undefined: no residual degrees of freedom (as many parameters as rows)',
};

function finish(
  estimate: number,
  stdError: number | null,
  df: number,
  data: TrialData,
  estimator: Estimator,
  se: Estimate['se'],
  notes: EstimateNote[],
  alpha = 0.05,
): Estimate {
  const nTreated = data.treated.filter((v) => v === 1).length;
  const counts = { n: data.y.length, nTreated, nControl: data.y.length - nTreated, estimator, se, notes };
  if (stdError === null || !Number.isFinite(stdError) || !(df > 0)) {
    if (!notes.some((n) => n.code === 'se_undefined')) {
      const reason: UndefinedReason = df > 0 ? 'leverage_one' : 'no_residual_df';
      notes.push({ code: 'se_undefined', reason, message: undefinedMessages[reason] });
    }
    return { estimate, stdError: null, df, t: null, pValue: null, ciLower: null, ciUpper: null, ...counts };
  }
  const t = estimate / stdError;
  const q = tQuantile(1 - alpha / 2, df);
  return {
    estimate,
    stdError,
    df,
    t,
    pValue: tTwoSidedP(t, df),
    ciLower: estimate - q * stdError,
    ciUpper: estimate + q * stdError,
    ...counts,
  };
}

/** A leverage this close to 1 is 1: the observation is fitted exactly, its residual is 0 whatever its outcome. */
const LEVERAGE_ONE = 1e-10;

/**
 * Least squares of y on the rows of X (by QR, aliased columns dropped); the coefficient of column
 * `coef` (which must not be aliased) with the chosen standard error, or null with the reason.
 */
function olsCoefficient(
  y: number[],
  X: number[][],
  coef: number,
  se: SeType,
): { b: number; se: number | null; df: number; dropped: number[]; reason?: UndefinedReason } {
  const n = y.length;
  const fit = leastSquares(X, y);
  const c = fit.kept.indexOf(coef);
  if (c < 0) throw new EstimationError('the treatment is constant or a combination of the covariates');
  const r = fit.kept.length;
  const df = n - r;
  const out = { b: fit.coef[c]!, df, dropped: fit.dropped };
  if (df <= 0) return { ...out, se: null, reason: 'no_residual_df' };
  // Row c of R⁻¹; a_i = ((X'X)⁻¹ x_i)_c = Σ_k R⁻¹[c][k] Q₁[i][k], the weight of y_i in the coefficient.
  const rRow = fit.rInv[c]!;
  const e = fit.residuals;
  if (se === 'classical') {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += e[i]! * e[i]!;
    let xtxInv = 0;
    for (let k = c; k < r; k++) xtxInv += rRow[k]! ** 2;
    return { ...out, se: Math.sqrt((ss / df) * xtxInv) };
  }
  const a = new Float64Array(n);
  for (let k = c; k < r; k++) {
    const w = rRow[k]!;
    const qk = fit.q[k]!;
    for (let i = 0; i < n; i++) a[i]! += w * qk[i]!;
  }
  let aMax = 0;
  for (let i = 0; i < n; i++) aMax = Math.max(aMax, Math.abs(a[i]!));
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let w = e[i]! * e[i]!;
    if (se === 'HC2' || se === 'HC3') {
      const m = 1 - fit.leverage[i]!;
      if (m < LEVERAGE_ONE) {
        // Fitted exactly: it enters the coefficient, but its residual says nothing of its variance.
        if (Math.abs(a[i]!) > 1e-8 * aMax) return { ...out, se: null, reason: 'leverage_one' };
        continue;
      }
      w = se === 'HC2' ? w / m : w / (m * m);
    }
    variance += w * a[i]! * a[i]!;
  }
  if (se === 'HC1') variance *= n / df;
  return { ...out, se: Math.sqrt(variance) };
}

const namesOf = (data: TrialData) => {
  const p = data.covariates[0]?.length ?? 0;
  return Array.from({ length: p }, (_, j) => data.covariateNames?.[j] ?? `x${j + 1}`);
};

function droppedNote(code: 'dropped_covariate' | 'dropped_interaction', covariate: string, withInteraction = false): EstimateNote {
  return {
    code,
    covariate,
    message:
      code === 'dropped_covariate'
        ? `covariate "${covariate}"${withInteraction ? ' (and its interaction with the treatment)' : ''} dropped: it is constant or a linear combination of the columns before it`
        : `interaction of the treatment with "${covariate}" dropped: within the treated it is constant or a linear combination of the columns before it`,
  };
}

function regression(data: TrialData, X: number[][], se: SeType, estimator: 'ols' | 'lin', noteOf: (column: number) => EstimateNote) {
  const r = olsCoefficient(data.y, X, 1, se);
  const notes = r.dropped.map(noteOf);
  if (r.reason) notes.push({ code: 'se_undefined', reason: r.reason, message: undefinedMessages[r.reason] });
  return finish(r.b, r.se, r.df, data, estimator, se, notes);
}

/** lm_robust(y ~ treatment + covariates): columns intercept, treatment, covariates. */
export function ols(data: TrialData, se: SeType = 'HC2'): Estimate {
  const names = namesOf(data);
  const X = data.y.map((_, i) => [1, data.treated[i]!, ...data.covariates[i]!]);
  return regression(data, X, se, 'ols', (col) => droppedNote('dropped_covariate', names[col - 2]!));
}

/**
 * Lin (2013), lm_lin: covariates centred at their means and interacted with treatment; columns
 * intercept, treatment, centred covariates, then the interactions (estimatr's order).
 */
export function lin(data: TrialData, se: SeType = 'HC2'): Estimate {
  const names = namesOf(data);
  const p = names.length;
  const means = Array.from({ length: p }, (_, j) => data.covariates.reduce((s, row) => s + row[j]!, 0) / data.y.length);
  const X = data.y.map((_, i) => {
    const c = data.covariates[i]!.map((v, j) => v - means[j]!);
    const t = data.treated[i]!;
    return [1, t, ...c, ...c.map((v) => v * t)];
  });
  // A constant covariate drops both its column and its interaction: one note says so.
  return dedupe(
    regression(data, X, se, 'lin', (col) =>
      col < 2 + p ? droppedNote('dropped_covariate', names[col - 2]!, true) : droppedNote('dropped_interaction', names[col - 2 - p]!),
    ),
  );
}

/** Keeps the covariate's note and drops its interaction's when both went. */
function dedupe(e: Estimate): Estimate {
  const gone = new Set(e.notes.flatMap((n) => (n.code === 'dropped_covariate' ? [n.covariate] : [])));
  e.notes = e.notes.filter((n) => !(n.code === 'dropped_interaction' && gone.has(n.covariate)));
  return e;
}

function armStats(values: number[]) {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : NaN;
  return { n, mean, variance };
}

const mixedBlocksMessage =
  'some blocks have two units while others have more; as no variance can be estimated within a block of two, the matched-pairs variance estimator is used (df = number of blocks - 1), as estimatr does';

/**
 * Difference in means: Welch without blocks; with blocks, estimatr's estimators — block-size
 * weighted; the matched-pairs variance (df = J − 1) when every block is a pair, or when pairs are
 * mixed with larger blocks (estimatr's warning becomes a note); else the blocked variance (df = N − 2J).
 */
export function differenceInMeans(data: TrialData): Estimate {
  if (!data.blocks) {
    const t1 = armStats(data.y.filter((_, i) => data.treated[i] === 1));
    const t0 = armStats(data.y.filter((_, i) => data.treated[i] === 0));
    if (t1.n < 2 || t0.n < 2) throw new EstimationError('each arm needs at least two rows for the Welch estimator');
    const v1 = t1.variance / t1.n;
    const v0 = t0.variance / t0.n;
    const df = (v1 + v0) ** 2 / (v1 ** 2 / (t1.n - 1) + v0 ** 2 / (t0.n - 1));
    return finish(t1.mean - t0.mean, Math.sqrt(v1 + v0), df, data, 'dim', 'welch', []);
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
  const pairs = blocks.some((rows) => rows.length === 2);
  const stats = blocks.map((rows) => ({
    n: rows.length,
    t1: armStats(rows.filter((r) => r.t === 1).map((r) => r.y)),
    t0: armStats(rows.filter((r) => r.t === 0).map((r) => r.y)),
  }));
  const estimate = stats.reduce((s, b) => s + (b.n / N) * (b.t1.mean - b.t0.mean), 0);
  if (pairs) {
    // estimatr (Gerber & Green 2012, eq. 3.16): the block effects' spread about the weighted estimate.
    const ss = stats.reduce((s, b) => s + (b.t1.mean - b.t0.mean - estimate) ** 2, 0);
    const mixed = blocks.some((rows) => rows.length > 2);
    const notes: EstimateNote[] = mixed ? [{ code: 'mixed_blocks', message: mixedBlocksMessage }] : [];
    return finish(estimate, Math.sqrt(ss / (J * (J - 1))), J - 1, data, 'dim', 'matched-pairs', notes);
  }
  let variance = 0;
  for (const b of stats) {
    if (b.t1.n < 2 || b.t0.n < 2) throw new EstimationError('every block needs at least two treated and two control rows');
    variance += (b.n / N) ** 2 * (b.t1.variance / b.t1.n + b.t0.variance / b.t0.n);
  }
  return finish(estimate, Math.sqrt(variance), N - 2 * J, data, 'dim', 'blocked', []);
}
