/**
 * The effect estimators on a trial of 50,000 young people with 10 covariates: median time of OLS
 * with HC2, Lin's estimator and the difference in means. Target: under 1 s.
 */
import { type TrialData, differenceInMeans, lin, ols } from '../src/modules/evaluation/estimators.ts';
import { random } from '../src/modules/matching/deferred-acceptance.ts';
import { median } from './lib.ts';

const N = 50_000;
const P = 10;
const rnd = random(3);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const data: TrialData = { y: [], treated: [], covariates: [] };
for (let i = 0; i < N; i++) {
  const x = Array.from({ length: P }, normal);
  const t = rnd() < 0.5 ? 1 : 0;
  const latent = 0.1 * t + x.reduce((s, v, j) => s + v * (j + 1) * 0.05, 0) + normal();
  data.y.push(latent > 0.5 ? 1 : 0);
  data.treated.push(t);
  data.covariates.push(x);
}

for (const [name, run] of [
  ['OLS, HC2, 10 covariates', () => ols(data, 'HC2')],
  ['Lin (2013), HC2, 10 covariates', () => lin(data, 'HC2')],
  ['difference in means (Welch)', () => differenceInMeans(data)],
] as const) {
  const ms: number[] = [];
  let estimate = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    estimate = run().estimate;
    ms.push(performance.now() - t0);
  }
  console.log(
    `${name}, n = ${N}: median ${median(ms).toFixed(0)} ms [${ms.map((x) => x.toFixed(0)).join(', ')}] — estimate ${estimate.toFixed(4)}; target < 1 s: ${median(ms) < 1000 ? 'met' : 'NOT met'}`,
  );
}
