import { type Estimate, EstimationError, differenceInMeans, lin } from './estimators.ts';
import { holm } from './planning.ts';
import type { Baseline } from './trials.schema.ts';
import { horizons } from './trials.values.ts';
import { type OutcomeStatus, educationLevels } from './trials.values.ts';

/**
 * The trial's analysis, pure: intention-to-treat effects on the share in a job or education at
 * each horizon (Lin's covariate-adjusted estimator with the strata as fixed effects, HC2; and
 * the blocked difference in means), the effect on participants, Holm across horizons, and the
 * balance of baseline covariates.
 */
export interface AnalysisRow {
  arm: 'nextwork' | 'control';
  stratum: string;
  baseline: Baseline;
  tookUp: boolean;
  outcomes: Partial<Record<number, OutcomeStatus>>;
}

export const inJobOrEducation = (s: OutcomeStatus) => s === 'job_ordinary' || s === 'job_subsidised' || s === 'education';

export const covariateNames = ['age', 'female', 'monthsOnBenefits', 'education'] as const;
export function covariatesOf(b: Baseline): number[] {
  return [b.age, b.gender === 'female' ? 1 : 0, b.monthsOnBenefits, educationLevels.indexOf(b.education)];
}

export interface HorizonResult {
  horizon: number;
  n: number;
  nTreated: number;
  nControl: number;
  shareTreated: number;
  shareControl: number;
  itt: Estimate | null;
  dim: Estimate | null;
  pHolm: number | null;
  takeup: number;
  /** ITT ÷ take-up (the control group cannot take up), with the interval scaled alike (null where undefined). */
  cace: { estimate: number; ciLower: number | null; ciUpper: number | null } | null;
  note?: string;
}

const share = (rows: AnalysisRow[], h: number) =>
  rows.length ? rows.filter((r) => inJobOrEducation(r.outcomes[h]!)).length / rows.length : NaN;

/** Prefix of a stratum dummy's covariate name: "stratum=m265/female". */
export const STRATUM_DUMMY = 'stratum=';

/** Strata as dummies (all but the first), for the adjusted estimator, with their names. */
function strataDummies(blocks: string[]): { names: string[]; rows: number[][] } {
  const strata = [...new Set(blocks)].sort().slice(1);
  return { names: strata.map((s) => `${STRATUM_DUMMY}${s}`), rows: blocks.map((b) => strata.map((s) => (b === s ? 1 : 0))) };
}

const POOLED = 'pooled';

/**
 * Blocks for estimation: a stratum with fewer than two people in either arm (e.g. a rare gender
 * within an age band) cannot be estimated on its own, so such strata are pooled into one block;
 * if that block is still too small, it joins the largest stratum.
 */
export function estimationBlocks(rows: readonly { arm: AnalysisRow['arm']; stratum: string }[]): string[] {
  const counts = new Map<string, { t: number; c: number }>();
  const add = (key: string, arm: AnalysisRow['arm']) => {
    const e = counts.get(key) ?? { t: 0, c: 0 };
    if (arm === 'nextwork') e.t++;
    else e.c++;
    counts.set(key, e);
  };
  for (const r of rows) add(r.stratum, r.arm);
  const ok = (e: { t: number; c: number } | undefined) => !!e && e.t >= 2 && e.c >= 2;
  const first = rows.map((r) => (ok(counts.get(r.stratum)) ? r.stratum : POOLED));
  const pooled = { t: 0, c: 0 };
  first.forEach((b, i) => {
    if (b !== POOLED) return;
    if (rows[i]!.arm === 'nextwork') pooled.t++;
    else pooled.c++;
  });
  if (!first.includes(POOLED) || ok(pooled)) return first;
  const largest = [...counts.entries()].filter(([, e]) => ok(e)).sort((a, b) => b[1].t + b[1].c - (a[1].t + a[1].c))[0]?.[0];
  return largest ? first.map((b) => (b === POOLED ? largest : b)) : first.map(() => POOLED);
}

export function analyse(rows: readonly AnalysisRow[]): HorizonResult[] {
  const results = horizons.map((h): HorizonResult => {
    const known = rows.filter((r) => r.outcomes[h] && r.outcomes[h] !== 'unknown');
    const treated = known.filter((r) => r.arm === 'nextwork');
    const control = known.filter((r) => r.arm === 'control');
    const allTreated = rows.filter((r) => r.arm === 'nextwork');
    const takeup = allTreated.length ? allTreated.filter((r) => r.tookUp).length / allTreated.length : 0;
    const base = { horizon: h, n: known.length, nTreated: treated.length, nControl: control.length, takeup };
    const shares = { shareTreated: share(treated, h), shareControl: share(control, h) };
    if (treated.length < 2 || control.length < 2)
      return { ...base, ...shares, itt: null, dim: null, pHolm: null, cace: null, note: 'too_few' };
    const blocks = estimationBlocks(known);
    const dummies = strataDummies(blocks);
    const data = {
      y: known.map((r) => (inJobOrEducation(r.outcomes[h]!) ? 1 : 0)),
      treated: known.map((r) => (r.arm === 'nextwork' ? 1 : 0)),
      covariates: known.map((r, i) => [...covariatesOf(r.baseline), ...dummies.rows[i]!]),
      covariateNames: [...covariateNames, ...dummies.names],
      blocks,
    };
    let itt: Estimate | null = null;
    let dim: Estimate | null = null;
    let note: string | undefined;
    try {
      itt = lin(data, 'HC2');
    } catch (err) {
      if (!(err instanceof EstimationError)) throw err;
      note = 'adjusted_failed';
    }
    try {
      dim = differenceInMeans(data);
    } catch (err) {
      if (!(err instanceof EstimationError)) throw err;
    }
    const primary = itt ?? dim;
    const cace =
      primary && takeup > 0
        ? {
            estimate: primary.estimate / takeup,
            ciLower: primary.ciLower === null ? null : primary.ciLower / takeup,
            ciUpper: primary.ciUpper === null ? null : primary.ciUpper / takeup,
          }
        : null;
    return { ...base, ...shares, itt, dim, pHolm: null, cace, note };
  });
  // A p-value that cannot be computed takes no part in Holm's adjustment.
  const tested = results.filter((r) => (r.itt ?? r.dim)?.pValue != null);
  const adjusted = holm(tested.map((r) => (r.itt ?? r.dim)!.pValue!));
  tested.forEach((r, i) => (r.pHolm = adjusted[i]!));
  return results;
}

export interface BalanceRow {
  covariate: (typeof covariateNames)[number];
  meanTreated: number;
  meanControl: number;
  /** Standardised difference: (mean T − mean C) / √((var T + var C) / 2). */
  standardisedDiff: number;
}

export function balance(rows: readonly AnalysisRow[]): BalanceRow[] {
  const stats = (values: number[]) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
    return { mean, variance };
  };
  return covariateNames.map((covariate, j) => {
    const t = stats(rows.filter((r) => r.arm === 'nextwork').map((r) => covariatesOf(r.baseline)[j]!));
    const c = stats(rows.filter((r) => r.arm === 'control').map((r) => covariatesOf(r.baseline)[j]!));
    const pooled = Math.sqrt((t.variance + c.variance) / 2);
    return { covariate, meanTreated: t.mean, meanControl: c.mean, standardisedDiff: pooled > 0 ? (t.mean - c.mean) / pooled : 0 };
  });
}

/** The stratum of a young person: municipality plus the factors the researcher chose. */
export function stratumOf(municipalityCode: string, factors: readonly string[], b: Baseline): string {
  const parts = [`m${municipalityCode}`];
  if (factors.includes('ageBand')) parts.push(b.age <= 21 ? 'age18-21' : b.age <= 25 ? 'age22-25' : 'age26-29');
  if (factors.includes('gender')) parts.push(b.gender);
  if (factors.includes('targetGroup')) parts.push(`tg-${b.targetGroup ?? 'none'}`);
  return parts.join('/');
}
