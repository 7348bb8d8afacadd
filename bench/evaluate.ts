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

// The evaluation page's whole analysis: four horizons, each with Lin (covariates + strata as fixed
// effects, HC2), the blocked difference in means and the effect on participants, plus Holm.
{
  const { analyse } = await import('../src/modules/evaluation/analysis.ts');
  const { educationLevels, genders } = await import('../src/modules/evaluation/trials.values.ts');
  const rows = Array.from({ length: N }, () => {
    const age = 18 + Math.floor(rnd() * 12);
    const gender = genders[Math.floor(rnd() * 3)]!;
    const arm = rnd() < 0.5 ? ('nextwork' as const) : ('control' as const);
    const outcome = () => (rnd() < 0.25 + (arm === 'nextwork' ? 0.08 : 0) ? ('job_ordinary' as const) : ('benefits' as const));
    return {
      arm,
      stratum: `m1/${age <= 21 ? 'a' : age <= 25 ? 'b' : 'c'}/${gender}`,
      baseline: { age, gender, monthsOnBenefits: Math.floor(rnd() * 60), education: educationLevels[Math.floor(rnd() * 4)]! },
      tookUp: arm === 'nextwork' && rnd() < 0.85,
      outcomes: { 3: outcome(), 6: outcome(), 12: outcome(), 24: outcome() },
    };
  });
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    analyse(rows);
    ms.push(performance.now() - t0);
  }
  console.log(
    `evaluation page analysis (4 horizons × Lin with 4 covariates + 8 strata dummies, blocked DiM, Holm), n = ${N}: median ${median(ms).toFixed(0)} ms [${ms.map((x) => x.toFixed(0)).join(', ')}]`,
  );
}
