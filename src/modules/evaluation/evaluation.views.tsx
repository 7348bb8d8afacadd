import { type Locale, type Translate, formatNumber, formatPercent } from '../../platform/i18n/i18n.ts';
import { stratumLabel } from './strata.ts';
import { STRATUM_DUMMY, type HorizonResult } from './analysis.ts';
import type { Estimate, EstimateNote } from './estimators.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { TrialResultsService } from './trial-results.service.ts';
import { enrolmentChart, estimatesChart } from './trials.charts.ts';

type Key = Parameters<Translate>[0];
type Evaluation = Awaited<ReturnType<TrialResultsService['evaluation']>>;
const pct = (locale: Locale, x: number) => formatPercent(locale, x);
/** Percentage points, one decimal: "4,2". */
const pp = (locale: Locale, x: number) => formatNumber(locale, x * 100, 1, 1);
export const num = (locale: string, x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : x.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kr = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x).toLocaleString('da-DK')} kr.`;

/** A covariate's name in words: the baseline covariates by their label, a stratum dummy as its block. */
function covariateLabel(t: Translate, name: string): string {
  if (name.startsWith(STRATUM_DUMMY)) return t('estimators.stratum', { label: stratumLabel(t, name.slice(STRATUM_DUMMY.length)) });
  return `«${t(`trial.cov.${name}` as Key)}»`;
}

function noteText(t: Translate, what: string, note: EstimateNote): string {
  switch (note.code) {
    case 'dropped_covariate':
    case 'dropped_interaction':
      return t(`estimators.${note.code}`, { what, covariate: covariateLabel(t, note.covariate) });
    case 'se_undefined':
      return t(`estimators.se_undefined.${note.reason}`, { what });
    case 'mixed_blocks':
      return t('estimators.mixed_blocks', { what });
  }
}

/**
 * What the reader of the estimates must know, in plain words (#22): a covariate the adjusted model
 * left out, a standard error that cannot be computed, blocks mixing pairs with larger ones, an
 * adjusted estimate that failed — never a silent fallback.
 */
export function EstimateNotes({ t, results }: { t: Translate; results: HorizonResult[] }) {
  const lines = results.flatMap((r) => {
    const horizon = t('estimators.horizon', { h: r.horizon });
    const of = (e: Estimate | null, which: 'estimators.adjusted' | 'estimators.dim') =>
      (e?.notes ?? []).map((n) => noteText(t, `${horizon}, ${t(which)}`, n));
    return [
      ...(r.note === 'adjusted_failed' ? [t('estimators.adjusted_failed', { what: horizon })] : []),
      ...of(r.itt, 'estimators.adjusted'),
      ...of(r.dim, 'estimators.dim'),
    ];
  });
  if (!lines.length) return null;
  return (
    <section aria-labelledby="estimate-notes">
      <h3 id="estimate-notes">{t('estimators.notes_title')}</h3>
      <ul>
        {lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** An interval in percentage points, or "kan ikke beregnes" where the standard error is undefined. */
const interval = (page: PageContext, e: { ciLower: number | null; ciUpper: number | null }) =>
  e.ciLower === null || e.ciUpper === null
    ? page.t('estimators.undefined_short')
    : `${pp(page.locale, e.ciLower)} – ${pp(page.locale, e.ciUpper)}`;

/** How much of the programme the NExTWORK participants with a record received. */
function DoseSection({ page, dose }: { page: PageContext; dose: Evaluation['dose'] }) {
  const { t } = page;
  return (
    <>
      <h2>{t('trial.dose')}</h2>
      {dose.n ? (
        <dl class="app-facts">
          <dt>{t('trial.dose_n')}</dt>
          <dd>{dose.n}</dd>
          <dt>{t('trial.dose_weeks')}</dt>
          <dd>{num(page.locale, dose.weeksInGroup)}</dd>
          <dt>{t('trial.dose_sessions')}</dt>
          <dd>{num(page.locale, dose.sessions, 0)}</dd>
          <dt>{t('trial.dose_events')}</dt>
          <dd>{num(page.locale, dose.matchEvents)}</dd>
          <dt>{t('trial.dose_internship')}</dt>
          <dd>{pct(page.locale, dose.withInternship ?? NaN)}</dd>
          <dt>{t('trial.dose_internship_weeks')}</dt>
          <dd>{num(page.locale, dose.internshipWeeks)}</dd>
          <dt>{t('trial.dose_days')}</dt>
          <dd>{num(page.locale, dose.daysToStart, 0)}</dd>
        </dl>
      ) : (
        <p>{t('trial.dose_none')}</p>
      )}
    </>
  );
}

/** Cost-effectiveness and the public-finance view, every assumption beside the result, and the prices form. */
function CostSection({ page, data, form }: { page: PageContext; data: Evaluation; form: FormState }) {
  const { t } = page;
  const c = data.cost;
  const values =
    form.values.hourlyCost === undefined && c ? Object.fromEntries(Object.entries(c.prices).map(([k, v]) => [k, String(v)])) : form.values;
  const shown = { ...form, values: { horizon: '12', ...values } };
  const labels = {
    hourlyCost: t('cost.hourly'),
    otherCosts: t('cost.other'),
    benefitsPerYear: t('cost.benefits'),
    taxesPerYear: t('cost.taxes'),
    effectYears: t('cost.years'),
    horizon: t('cost.horizon'),
  };
  return (
    <>
      <h2>{t('cost.title')}</h2>
      {c ? (
        <div class="app-two-columns">
          <section aria-labelledby="cost-results">
            <h3 id="cost-results">{t('cost.results')}</h3>
            <dl class="app-facts">
              <dt>{t('cost.total')}</dt>
              <dd>{kr(c.totalCost)}</dd>
              <dt>{t('cost.per_participant')}</dt>
              <dd>{kr(c.costPerParticipant)}</dd>
              <dt>{t('cost.per_additional')}</dt>
              <dd>{c.costPerAdditional === null ? t('cost.no_effect') : kr(c.costPerAdditional)}</dd>
              <dt>{t('cost.value_per_person')}</dt>
              <dd>{kr(c.valuePerPersonInWork)}</dd>
              <dt>{t('cost.gain_per_participant')}</dt>
              <dd>{kr(c.gainPerParticipant)}</dd>
              <dt>{t('cost.net')}</dt>
              <dd>{kr(c.net)}</dd>
              <dt>{t('cost.bcr')}</dt>
              <dd>{num(page.locale, c.benefitCostRatio, 2)}</dd>
            </dl>
          </section>
          <section aria-labelledby="cost-assumptions">
            <h3 id="cost-assumptions">{t('cost.assumptions')}</h3>
            <ul>
              <li>{t('cost.a_staff', { hours: Math.round(c.staffMinutes / 60), from: data.trial.startedOn })}</li>
              <li>{t('cost.a_hourly', { kr: kr(c.prices.hourlyCost) })}</li>
              <li>{t('cost.a_other', { kr: kr(c.prices.otherCosts) })}</li>
              <li>{t('cost.a_effect', { horizon: c.prices.horizon })}</li>
              <li>
                {t('cost.a_public', {
                  benefits: kr(c.prices.benefitsPerYear),
                  taxes: kr(c.prices.taxesPerYear),
                  years: c.prices.effectYears,
                })}
              </li>
              <li>{t('cost.a_discount')}</li>
              <li>{t('cost.a_spread')}</li>
            </ul>
          </section>
        </div>
      ) : (
        <p>{t('cost.none')}</p>
      )}
      <form method="post" action={`/trials/${data.trial.id}/economics`} class="app-narrow-form" novalidate>
        <h3>{t('cost.prices')}</h3>
        <ErrorSummary t={t} form={shown} labels={labels} />
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={shown} name="hourlyCost" label={labels.hourlyCost} inputmode="numeric" required />
        <TextField
          t={t}
          form={shown}
          name="otherCosts"
          label={labels.otherCosts}
          hint={t('cost.other_hint')}
          inputmode="numeric"
          required
        />
        <TextField t={t} form={shown} name="benefitsPerYear" label={labels.benefitsPerYear} inputmode="numeric" required />
        <TextField t={t} form={shown} name="taxesPerYear" label={labels.taxesPerYear} inputmode="numeric" required />
        <TextField t={t} form={shown} name="effectYears" label={labels.effectYears} inputmode="numeric" required />
        <SelectField
          t={t}
          form={shown}
          name="horizon"
          label={labels.horizon}
          options={['3', '6', '12', '24'].map((h) => ({ value: h, label: t('cost.horizon_option', { h }) }))}
          required
        />
        <button class="button button-secondary" type="submit">
          {t('cost.save')}
        </button>
      </form>
    </>
  );
}

/** The researcher's evaluation page: design, integrity, enrolment, balance, estimates, follow-ups, export. */
export function EvaluationPage({ page, data, econForm }: { page: PageContext; data: Evaluation; econForm: FormState }) {
  const { t } = page;
  const { trial } = data;
  const strata = [t('trial.strata_municipality'), ...trial.stratifyBy.map((f) => t(`trial.factor.${f}` as Key))].join(' × ');
  const totals = data.enrolment.reduce((s, e) => ({ t: s.t + e.nextwork, c: s.c + e.control }), { t: 0, c: 0 });
  const shown = data.results.filter((r) => r.itt ?? r.dim);
  return (
    <>
      <h1>{trial.name}</h1>
      <p class="font-lead">
        {t('trial.design', {
          ratioT: trial.ratioTreatment,
          ratioC: trial.ratioControl,
          block: trial.blockMultiplier * (trial.ratioTreatment + trial.ratioControl),
          strata,
          started: trial.startedOn,
        })}
      </p>
      <p>{data.chainBreak === -1 ? t('trial.chain_ok', { n: data.n }) : t('trial.chain_broken', { index: data.chainBreak })}</p>
      <p>
        <a href={`/trials/${trial.id}/seed`}>{t('trial.seed_link')}</a>
      </p>

      <h2>{t('trial.estimates')}</h2>
      <p>{t('trial.estimates_lead')}</p>
      {shown.length > 0 && (
        <figure>
          <div
            dangerouslySetInnerHTML={{
              __html: estimatesChart(data.results, t('trial.estimates_chart', { horizons: shown.map((r) => r.horizon).join(', ') })),
            }}
          />
        </figure>
      )}
      <DataTable
        label={t('trial.estimates')}
        headers={[
          t('trial.horizon'),
          t('trial.n'),
          t('trial.share_t'),
          t('trial.share_c'),
          t('trial.itt'),
          t('trial.ci'),
          t('trial.p'),
          t('trial.dim'),
          t('trial.cace'),
        ]}
        compact
      >
        {data.results.map((r) => {
          const e = r.itt ?? r.dim;
          return (
            <tr>
              <th scope="row">{r.horizon}</th>
              <td>
                {r.nTreated} / {r.nControl}
              </td>
              <td>{pct(page.locale, r.shareTreated)}</td>
              <td>{pct(page.locale, r.shareControl)}</td>
              {e ? (
                <>
                  <td>{pp(page.locale, e.estimate)}</td>
                  <td>{interval(page, e)}</td>
                  <td>
                    {r.pHolm === undefined || r.pHolm === null
                      ? e.pValue === null
                        ? t('estimators.undefined_short')
                        : ''
                      : formatNumber(page.locale, r.pHolm, 3, 3)}
                  </td>
                  <td>{r.dim ? `${pp(page.locale, r.dim.estimate)} (${interval(page, r.dim)})` : '–'}</td>
                  <td>{r.cace ? `${pp(page.locale, r.cace.estimate)} (${interval(page, r.cace)})` : '–'}</td>
                </>
              ) : (
                <td colSpan={5}>{t('trial.too_few')}</td>
              )}
            </tr>
          );
        })}
      </DataTable>
      <EstimateNotes t={t} results={data.results} />
      <p>{t('trial.takeup', { share: pct(page.locale, data.results[0]?.takeup ?? 0) })}</p>

      <DoseSection page={page} dose={data.dose} />
      <CostSection page={page} data={data} form={econForm} />

      <h2>{t('trial.enrolment')}</h2>
      {data.enrolment.length > 0 && (
        <figure>
          <p class="app-legend">
            <span class="app-legend-counsellor">{t('trial.arm.nextwork')}</span>{' '}
            <span class="app-legend-youth">{t('trial.arm.control')}</span>
          </p>
          <div dangerouslySetInnerHTML={{ __html: enrolmentChart(data.enrolment, t('trial.enrolment_chart', totals), page.locale) }} />
        </figure>
      )}
      <DataTable label={t('trial.enrolment')} headers={[t('trial.month'), t('trial.arm.nextwork'), t('trial.arm.control')]} compact>
        {data.enrolment.map((e) => (
          <tr>
            <td>{e.month}</td>
            <td>{e.nextwork}</td>
            <td>{e.control}</td>
          </tr>
        ))}
      </DataTable>
      <h3>{t('trial.blocks')}</h3>
      <DataTable label={t('trial.blocks')} headers={[t('trial.block_label'), t('trial.arm.nextwork'), t('trial.arm.control')]} compact>
        {data.blocks.map((b) => (
          <tr>
            <td>{stratumLabel(t, b.stratum)}</td>
            <td>{b.nextwork}</td>
            <td>{b.control}</td>
          </tr>
        ))}
      </DataTable>

      <h2>{t('trial.balance')}</h2>
      <DataTable
        label={t('trial.balance')}
        headers={[t('trial.covariate'), t('trial.mean_t'), t('trial.mean_c'), t('trial.std_diff')]}
        compact
      >
        {data.balance.map((b) => (
          <tr>
            <th scope="row">{t(`trial.cov.${b.covariate}` as Key)}</th>
            <td>{formatNumber(page.locale, b.meanTreated, 2, 2)}</td>
            <td>{formatNumber(page.locale, b.meanControl, 2, 2)}</td>
            <td>{formatNumber(page.locale, b.standardisedDiff, 3, 3)}</td>
          </tr>
        ))}
      </DataTable>

      <h2>{t('trial.due')}</h2>
      <ul>
        {data.dueNow.map((d) => (
          <li>{t('trial.due_line', { horizon: d.horizon, n: d.due })}</li>
        ))}
      </ul>

      <h2>{t('trial.export')}</h2>
      <p>{t('trial.export_lead')}</p>
      <form method="post" action={`/trials/${trial.id}/export`} class="app-narrow-form" novalidate>
        <CsrfField token={page.csrfToken} />
        <button class="button button-primary" type="submit">
          {t('trial.download')}
        </button>
      </form>
      <p>
        <a href={`/trials/${trial.id}/dictionary.csv`}>{t('trial.dictionary')}</a>
      </p>
    </>
  );
}
