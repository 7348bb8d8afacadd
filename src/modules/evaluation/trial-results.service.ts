import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { toCsv } from '../../platform/csv.ts';
import { localDate, percentile } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { decimal, parseInput } from '../../platform/validation.ts';
import { type AnalysisRow, analyse, balance, covariatesOf } from './analysis.ts';
import type { CostsRepository } from './costs.repository.ts';
import { economics } from './economics.ts';
import { mdeBinary, sampleSizeTotal } from './planning.ts';
import { verifyChain } from './randomisation.ts';
import { dueCounts } from './trial-outcomes.service.ts';
import type { TrialsRepository } from './trials.repository.ts';
import { horizons } from './trials.values.ts';
import { chainRecord } from './trials.service.ts';

/**
 * The research export's columns and what they mean (the data dictionary). The id is random and
 * kept only on the server; the quasi-identifiers are coarsened to what the analysis needs (age in
 * the design's bands, the month of assignment, months on benefits in half years), and the rows come
 * in random order, not in the order of assignment (decision 0014).
 */
export const exportColumns = [
  [
    'research_id',
    'Random id of the participant in this trial, the same in every export of it; not derived from the CPR number. Only the data controller can link it to a person (through the platform)',
  ],
  [
    'stratum',
    'Randomisation block: municipality code, and age band / gender / target group at referral (tg-…) when the design stratified by them',
  ],
  ['arm', '1 = NExTWORK, 0 = control (ordinary offer)'],
  ['assigned_month', 'Month of assignment (YYYY-MM, Europe/Copenhagen)'],
  ['took_up', '1 = a NExTWORK participant started in the programme, 0 = did not; empty for the control group'],
  ['age_band', 'Age at referral in the design’s bands: 18-21, 22-25, 26-29'],
  ['female', '1 = female, 0 = not'],
  ['months_on_benefits', 'Months on public benefits before referral, in half years: 0 = 0–5, 6 = 6–11, … 48 = 48 or more'],
  ['education', '0 = none, 1 = some upper secondary, 2 = upper secondary, 3 = vocational'],
  ...horizons.map((h) => [
    `status_${h}m`,
    `Status ${h} months after assignment: job_ordinary, job_subsidised, education, internship, benefits, other, unknown; empty when not yet recorded`,
  ]),
  ...horizons.map((h) => [
    `job_or_education_${h}m`,
    `1 = in a job (ordinary or subsidised) or education at ${h} months, 0 = not, empty when unknown`,
  ]),
  ['weeks_in_group', 'NExTWORK arm: weeks as a member of a network group (empty for the control group)'],
  ['group_sessions', 'NExTWORK arm: group sessions attended'],
  ['match_events', 'NExTWORK arm: match events attended'],
  ['internships', 'NExTWORK arm: internships started'],
  ['internship_weeks', 'NExTWORK arm: weeks in internships'],
  ['days_choice_to_start', 'NExTWORK arm: days from the choice to the start of the first internship'],
] as const;

/** The design's age bands (as in the strata), so an exported age narrows no further than the design. */
export const ageBand = (age: number) => (age <= 21 ? '18-21' : age <= 25 ? '22-25' : '26-29');
/** Months on benefits in half years, top-coded at 48. */
export const benefitsBand = (months: number) => Math.min(48, Math.floor(months / 6) * 6);

const money = (max: number) =>
  z.coerce
    .number({ error: 'validation.amount' })
    .int({ error: 'validation.amount' })
    .min(0, { error: 'validation.amount' })
    .max(max, { error: 'validation.amount' });

/** The prices behind the cost-effectiveness, in whole kroner. */
export const economicsInput = z.object({
  hourlyCost: money(5_000).refine((v) => v >= 100, { error: 'validation.amount' }),
  otherCosts: money(100_000_000),
  benefitsPerYear: money(1_000_000),
  taxesPerYear: money(1_000_000),
  effectYears: z.coerce
    .number({ error: 'validation.effect_years' })
    .int({ error: 'validation.effect_years' })
    .min(1, { error: 'validation.effect_years' })
    .max(40, { error: 'validation.effect_years' }),
  horizon: z.coerce
    .number({ error: 'validation.horizon' })
    .refine((h) => (horizons as readonly number[]).includes(h), { error: 'validation.horizon' }),
});

const share = (error: string) => decimal(z.number({ error }).gt(0, { error }).lt(1, { error }));
/** The planning calculator's questions: how many, how they are split, the base rate and what helps. */
export const planInput = z.object({
  N: z.coerce
    .number({ error: 'validation.plan_n' })
    .int({ error: 'validation.plan_n' })
    .min(20, { error: 'validation.plan_n' })
    .max(1_000_000, { error: 'validation.plan_n' }),
  P: share('validation.plan_share'),
  base: share('validation.plan_share'),
  R2: decimal(z.number({ error: 'validation.plan_r2' }).min(0, { error: 'validation.plan_r2' }).lt(1, { error: 'validation.plan_r2' })),
  takeup: decimal(
    z.number({ error: 'validation.plan_takeup' }).gt(0, { error: 'validation.plan_takeup' }).max(1, { error: 'validation.plan_takeup' }),
  ),
  power: share('validation.plan_share'),
  effect: decimal(
    z.number({ error: 'validation.plan_effect' }).gt(0, { error: 'validation.plan_effect' }).lt(1, { error: 'validation.plan_effect' }),
  ),
});

/**
 * What researchers see of a trial — never names or CPR numbers: enrolment by arm and block,
 * balance, effect estimates by horizon, dose, cost-effectiveness, the chain's integrity,
 * follow-ups due; the pseudonymised export; the planning calculator.
 */
export class TrialResultsService {
  constructor(
    private readonly repo: TrialsRepository,
    private readonly costs: CostsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async load(ctx: Context, trialId: string, action: 'trial.research') {
    const trial = await this.repo.find(trialId);
    const grant = await this.access.requireOne(ctx, action, { type: 'trial', id: trialId, municipalityId: trial?.municipalityId ?? null });
    if (!trial) throw notFound();
    return { trial, grant };
  }

  /** Trials a researcher can open (every municipality's). */
  async list(ctx: Context) {
    await this.access.require(ctx, 'trial.research', [{ type: 'trial', id: '', municipalityId: null }]);
    return this.repo.list();
  }

  /** The evaluation page's content, from pseudonymous rows only. */
  async evaluation(ctx: Context, trialId: string) {
    const { trial, grant } = await this.load(ctx, trialId, 'trial.research');
    const rows = await this.repo.forAnalysis(trialId);
    const analysisRows: AnalysisRow[] = rows.map((r) => ({
      arm: r.arm,
      stratum: r.stratum,
      baseline: r.baseline,
      tookUp: !!r.tookUp,
      outcomes: r.outcomes,
    }));
    const today = localDate(this.clock.now());
    const enrolment = new Map<string, { nextwork: number; control: number }>();
    const blocks = new Map<string, { nextwork: number; control: number }>();
    for (const r of rows) {
      const month = localDate(r.assignedAt).slice(0, 7);
      for (const [map, key] of [
        [enrolment, month],
        [blocks, r.stratum],
      ] as const) {
        const e = map.get(key) ?? { nextwork: 0, control: 0 };
        e[r.arm]++;
        map.set(key, e);
      }
    }
    const dueNow = dueCounts(rows, today);
    const chainBreak = verifyChain(rows.map(chainRecord)); // rows are in chain order;
    const results = analyse(analysisRows);
    const linked = rows.filter((r) => r.arm === 'nextwork' && r.youthId).map((r) => r.youthId!);
    const doses = await this.repo.dose(linked, today);
    const median = (xs: number[]) => percentile(xs, 50);
    const dose = {
      n: doses.length,
      weeksInGroup: median(doses.map((d) => d.weeksInGroup)),
      sessions: median(doses.map((d) => d.sessions)),
      matchEvents: doses.length ? doses.reduce((s, d) => s + d.matchEvents, 0) / doses.length : null,
      withInternship: doses.length ? doses.filter((d) => d.internships > 0).length / doses.length : null,
      internshipWeeks: median(doses.filter((d) => d.internships > 0).map((d) => d.internshipWeeks)),
      daysToStart: median(doses.flatMap((d) => (d.daysToStart === null ? [] : [d.daysToStart]))),
    };
    const prices = await this.costs.economics(trialId);
    const minutes = await this.costs.staffMinutes(trial.municipalityId, trial.startedOn, today);
    const at = prices && results.find((r) => r.horizon === prices.horizon);
    const effect = at ? (at.itt ?? at.dim) : null;
    const cost = prices
      ? {
          prices,
          staffMinutes: minutes,
          ...economics({
            staffMinutes: minutes,
            hourlyCost: prices.hourlyCost,
            otherCosts: prices.otherCosts,
            participants: rows.filter((r) => r.arm === 'nextwork').length,
            itt: effect?.estimate ?? null,
            takeup: at?.takeup ?? 0,
            benefitsPerYear: prices.benefitsPerYear,
            taxesPerYear: prices.taxesPerYear,
            effectYears: prices.effectYears,
          }),
        }
      : null;
    await this.audit.record(ctx, {
      action: 'trial.evaluation_read',
      actorRole: grant.role,
      municipalityId: trial.municipalityId,
      targetType: 'trial',
      targetId: trialId,
    });
    return {
      trial,
      n: rows.length,
      enrolment: [...enrolment.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => ({ month, ...c })),
      blocks: [...blocks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([stratum, c]) => ({ stratum, ...c })),
      balance: balance(analysisRows),
      results,
      dose,
      cost,
      dueNow,
      chainBreak,
    };
  }

  /**
   * The pseudonymised research export: no names, no CPR numbers, no exact dates or ages; each
   * participant under a random research id the platform keeps (decision 0014). Audited.
   */
  async export(ctx: Context, trialId: string): Promise<string> {
    const { trial, grant } = await this.load(ctx, trialId, 'trial.research');
    const rows = (await this.repo.forAnalysis(trialId)).sort((a, b) => (a.researchId < b.researchId ? -1 : 1));
    const doses = new Map(
      (
        await this.repo.dose(
          rows.flatMap((r) => (r.arm === 'nextwork' && r.youthId ? [r.youthId] : [])),
          localDate(this.clock.now()),
        )
      ).map((d) => [d.youthId, d]),
    );
    const flag = (s: string | undefined) =>
      s === undefined || s === 'unknown' ? null : ['job_ordinary', 'job_subsidised', 'education'].includes(s) ? 1 : 0;
    const csv = toCsv(
      exportColumns.map(([name]) => name),
      rows.map((r) => {
        const [age, female, months, education] = covariatesOf(r.baseline);
        return [
          r.researchId,
          r.stratum,
          r.arm === 'nextwork' ? 1 : 0,
          localDate(r.assignedAt).slice(0, 7),
          r.arm === 'nextwork' ? (r.tookUp ? 1 : 0) : null,
          ageBand(age!),
          female!,
          benefitsBand(months!),
          education!,
          ...horizons.map((h) => r.outcomes[h] ?? null),
          ...horizons.map((h) => flag(r.outcomes[h])),
          ...((d) =>
            d
              ? [d.weeksInGroup.toFixed(1), d.sessions, d.matchEvents, d.internships, d.internshipWeeks.toFixed(1), d.daysToStart]
              : [null, null, null, null, null, null])(r.youthId ? doses.get(r.youthId) : undefined),
        ];
      }),
    );
    await this.audit.record(ctx, {
      action: 'trial.export',
      actorRole: grant.role,
      municipalityId: trial.municipalityId,
      targetType: 'trial',
      targetId: trialId,
      details: { rows: rows.length },
    });
    return csv;
  }

  /** The researcher enters the prices the cost-effectiveness rests on (audited). */
  async setEconomics(ctx: Context, trialId: string, input: unknown): Promise<void> {
    const trial = await this.repo.find(trialId);
    const grant = await this.access.requireOne(ctx, 'trial.design', {
      type: 'trial',
      id: trialId,
      municipalityId: trial?.municipalityId ?? null,
    });
    if (!trial) throw notFound();
    const data = parseInput(economicsInput, input);
    const values = { ...data, updatedAt: this.clock.now(), updatedByUserId: this.access.requireActor(ctx).userId };
    await this.audit.atomically(async () => {
      await this.costs.saveEconomics(trialId, values);
      await this.audit.record(ctx, {
        action: 'trial.economics',
        actorRole: grant.role,
        municipalityId: trial.municipalityId,
        targetType: 'trial',
        targetId: trialId,
      });
    });
  }

  /**
   * Planning a trial: the minimum detectable effect for N people (split P : 1 − P, base rate,
   * covariates explaining R², take-up), and the people per arm needed to detect a given effect.
   */
  async plan(ctx: Context, input: unknown) {
    await this.access.require(ctx, 'trial.design', [{ type: 'trial_plan', id: '', municipalityId: null }]);
    const o = parseInput(planInput, input);
    const alpha = 0.05;
    const mde = mdeBinary({ N: o.N, P: o.P, base: o.base, R2: o.R2, takeup: o.takeup, power: o.power, alpha });
    // An effect on participants of `effect` is an ITT effect of effect × take-up.
    const itt = o.effect * o.takeup;
    // The people needed in each group for the split P (1 : 1 at 0.5): the split changes both groups.
    const total = o.base + itt < 1 ? sampleSizeTotal(o.base, o.base + itt, o.P, o.power, alpha) : null;
    const needed = total === null ? null : { nextwork: Math.ceil(total * o.P), control: Math.ceil(total * (1 - o.P)) };
    // The N asked about, split the same way.
    const groups = { nextwork: Math.round(o.N * o.P), control: o.N - Math.round(o.N * o.P) };
    return { input: o, alpha, mde, itt, groups, needed };
  }

  /** The data dictionary for the export, as CSV. */
  dictionary(): string {
    return toCsv(
      ['column', 'meaning'],
      exportColumns.map(([c, m]) => [c, m]),
    );
  }
}
