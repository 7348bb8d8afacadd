import { normalCdf, normalQuantile } from './normal.ts';
import { tQuantile } from './tdist.ts';

/**
 * Planning and valuing a trial: minimum detectable effects, power for proportions, Holm's
 * correction, and the Danish Ministry of Finance's discounting for cost-benefit analysis.
 */

/** z(1 − α/2) + z(power): the MDE multiplier (2.80 for 80 % power at 5 %). */
export function mdeMultiplier(power: number, alpha = 0.05): number {
  return normalQuantile(1 - alpha / 2) + normalQuantile(power);
}

/**
 * Minimum detectable effect on a binary outcome with individual randomisation: N people, a share
 * P assigned to NExTWORK, base rate p, covariates explaining R² and take-up among those assigned.
 */
export function mdeBinary(o: { N: number; P: number; base: number; R2?: number; takeup?: number; power?: number; alpha?: number }): number {
  const variance = o.base * (1 - o.base);
  return (
    (mdeMultiplier(o.power ?? 0.8, o.alpha ?? 0.05) * Math.sqrt(variance / (o.N * o.P * (1 - o.P))) * Math.sqrt(1 - (o.R2 ?? 0))) /
    (o.takeup ?? 1)
  );
}

/** MDE with J clusters per arm of K people each, intra-cluster correlation icc. */
export function mdeClustered(o: { J: number; K: number; sd: number; icc: number; R2?: number; power?: number; alpha?: number }): number {
  const m = tQuantile(1 - (o.alpha ?? 0.05) / 2, o.J) + tQuantile(o.power ?? 0.8, o.J);
  return m * o.sd * Math.sqrt((2 * o.icc) / o.J + (2 * (1 - o.icc) * (1 - (o.R2 ?? 0))) / (o.J * o.K));
}

/** R's power.prop.test (two-sided, strict = FALSE): power for n per group. */
export function powerProportions(n: number, p1: number, p2: number, alpha = 0.05): number {
  const qu = normalQuantile(1 - alpha / 2);
  const pbar = (p1 + p2) / 2;
  return normalCdf((Math.sqrt(n) * Math.abs(p1 - p2) - qu * Math.sqrt(2 * pbar * (1 - pbar))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
}

/** n per group for a target power (the exact root, as uniroot finds it). */
export function sampleSizeProportions(p1: number, p2: number, power: number, alpha = 0.05): number {
  let lo = 2;
  let hi = 1e7;
  for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    if (powerProportions(mid, p1, p2, alpha) < power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Power for a split other than 1 : 1: nT people in NExTWORK (rate p2), nC in control (rate p1).
 * With nT = nC = n it is `powerProportions(n, p1, p2)` (R's power.prop.test).
 */
export function powerProportionsSplit(nT: number, nC: number, p1: number, p2: number, alpha = 0.05): number {
  const qu = normalQuantile(1 - alpha / 2);
  const pbar = (nC * p1 + nT * p2) / (nT + nC);
  const null0 = Math.sqrt(pbar * (1 - pbar) * (1 / nT + 1 / nC));
  const alt = Math.sqrt((p1 * (1 - p1)) / nC + (p2 * (1 - p2)) / nT);
  return normalCdf((Math.abs(p1 - p2) - qu * null0) / alt);
}

/** People in all (not rounded) for a target power when a share P goes to NExTWORK. */
export function sampleSizeTotal(p1: number, p2: number, P: number, power: number, alpha = 0.05): number {
  let lo = 4;
  let hi = 1e8;
  for (let i = 0; i < 200 && hi - lo > 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (powerProportionsSplit(mid * P, mid * (1 - P), p1, p2, alpha) < power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Holm's step-down adjustment of p-values (as R's p.adjust(method = "holm")). */
export function holm(pValues: number[]): number[] {
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const m = pValues.length;
  const adjusted = Array.from({ length: m }, () => 0);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Danish Ministry of Finance discount rates (2023): 3.5 % years 1–35, 2.5 % 36–70, 1.5 % after. */
export function discountFactor(
  year: number,
  rates: [upTo: number, rate: number][] = [
    [35, 0.035],
    [70, 0.025],
    [Infinity, 0.015],
  ],
): number {
  let df = 1;
  for (let t = 1; t <= year; t++) df /= 1 + rates.find(([upTo]) => t <= upTo)![1];
  return df;
}

/** Present value of amounts by year (index = year; year 0 is today). */
export function presentValue(amounts: number[]): number {
  return amounts.reduce((s, a, year) => s + a * discountFactor(year), 0);
}

/** Cost per additional young person in job or education, per person assigned or per participant. */
export function costEffectiveness(o: { costPerParticipant: number; itt: number; takeup: number }) {
  return {
    tot: o.itt / o.takeup,
    costPerAdditionalOutcomePerAssigned: o.costPerParticipant / o.itt,
    costPerAdditionalOutcomeIfCostOnlyForTakers: (o.costPerParticipant * o.takeup) / o.itt,
  };
}
