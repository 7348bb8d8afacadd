import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { movementChart } from './movement.chart.ts';
import type { Assessment } from './movement.repository.ts';
import { type Dimension, dimensions } from './movement.values.ts';

type Key = Parameters<Translate>[0];
const dimLabel = (t: Translate, d: Dimension) => t(`movement.dim.${d}` as Key);
const scoreOptions = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

/** What a chart's label says: the first and latest counsellor score and the latest own score. */
function chartLabel(t: Translate, d: Dimension, assessments: readonly Assessment[]): string {
  const by = (s: Assessment['source']) => assessments.filter((a) => a.source === s).map((a) => a.scores[d]);
  const c = by('counsellor');
  const y = by('youth');
  const parts = [dimLabel(t, d)];
  if (c.length) parts.push(t('movement.chart_counsellor', { from: c[0]!, to: c.at(-1)!, n: c.length }));
  if (y.length) parts.push(t('movement.chart_youth', { to: y.at(-1)! }));
  return parts.join('. ');
}

/**
 * Five small charts (server-rendered SVG) and every number behind them in a table. `own`: the young
 * person reads their own, so the texts speak to them ("din egen score").
 */
export function MovementCharts({
  page,
  assessments,
  own = false,
}: {
  page: PageContext;
  assessments: readonly Assessment[];
  own?: boolean;
}) {
  const { t, locale } = page;
  if (!assessments.length) return <p>{t('movement.none')}</p>;
  return (
    <>
      <p class="app-legend">
        <span class="app-legend-counsellor">{t('movement.legend_counsellor')}</span>{' '}
        <span class="app-legend-youth">{t(own ? 'my_movement.legend_youth' : 'movement.legend_youth')}</span>
      </p>
      <div class="app-charts">
        {dimensions.map((d) => (
          <figure>
            <figcaption class="h5">{dimLabel(t, d)}</figcaption>
            <div dangerouslySetInnerHTML={{ __html: movementChart(d, assessments, locale, chartLabel(t, d, assessments)) }} />
          </figure>
        ))}
      </div>
      <DataTable
        label={t('movement.table')}
        headers={[t('movement.date'), t('movement.by'), ...dimensions.map((d) => dimLabel(t, d))]}
        compact
      >
        {assessments.map((a) => (
          <tr>
            <td>{a.assessedOn}</td>
            <td>{t(own && a.source === 'youth' ? 'my_movement.source_youth' : (`movement.source.${a.source}` as Key))}</td>
            {dimensions.map((d) => (
              <td>{a.scores[d]}</td>
            ))}
          </tr>
        ))}
      </DataTable>
      <LatestReasons page={page} assessments={assessments} />
    </>
  );
}

/** The counsellor's words from the latest scoring. */
function LatestReasons({ page, assessments }: { page: PageContext; assessments: readonly Assessment[] }) {
  const { t } = page;
  const latest = assessments.filter((a) => a.source === 'counsellor').at(-1);
  if (!latest) return null;
  return (
    <>
      <h3 class="h4">{t('movement.reasons', { date: latest.assessedOn })}</h3>
      <dl>
        {dimensions.map((d) => (
          <>
            <dt>
              {dimLabel(t, d)}: {latest.scores[d]}
            </dt>
            <dd>{latest.reasons[d]}</dd>
          </>
        ))}
      </dl>
    </>
  );
}

/**
 * The counsellor's form: a day, and a score with a short reason for each movement. Without reasons
 * it is the young person's own scoring, and its hints ask them ("Ved du, hvad du gerne vil prøve?").
 */
export function ScoreForm({
  page,
  action,
  form,
  withReasons,
}: {
  page: PageContext;
  action: string;
  form: FormState;
  withReasons: boolean;
}) {
  const hint = (d: Dimension) => (withReasons ? `movement.hint.${d}` : `my_movement.hint.${d}`) as Key;
  const { t } = page;
  const labels: Record<string, string> = { assessedOn: t('movement.date') };
  for (const d of dimensions) {
    labels[`scores.${d}`] = dimLabel(t, d);
    labels[`reasons.${d}`] = t('movement.reason_for', { dim: dimLabel(t, d) });
  }
  return (
    <form method="post" action={action} class="app-narrow-form" novalidate>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={page.csrfToken} />
      {withReasons && <TextField t={t} form={form} name="assessedOn" label={labels.assessedOn!} type="date" required />}
      {dimensions.map((d) => (
        <fieldset class="app-fieldset">
          <legend class="h5">{dimLabel(t, d)}</legend>
          <SelectField
            t={t}
            form={form}
            name={`scores.${d}`}
            label={t('movement.score')}
            hint={t(hint(d))}
            options={scoreOptions}
            emptyLabel=""
            required
          />
          {withReasons && <TextField t={t} form={form} name={`reasons.${d}`} label={labels[`reasons.${d}`]!} required />}
        </fieldset>
      ))}
      <button class="button button-primary" type="submit">
        {t('movement.save')}
      </button>
    </form>
  );
}

/** The team's page: the young person's movements over time and the form to score them. */
export function MovementPage(props: {
  page: PageContext;
  youthId: string;
  name: string;
  assessments: readonly Assessment[];
  canScore: boolean;
  form: FormState;
}) {
  const { page, youthId, name, assessments, canScore, form } = props;
  const { t } = page;
  return (
    <>
      <h1>{t('movement.title', { name })}</h1>
      <p>
        <a href={`/youth/${youthId}`}>{t('notes.back', { name })}</a>
      </p>
      <p class="font-lead">{t('movement.lead')}</p>
      <MovementCharts page={page} assessments={assessments} />
      {canScore && (
        <section aria-labelledby="score-heading">
          <h2 id="score-heading">{t('movement.new')}</h2>
          <ScoreForm page={page} action={`/youth/${youthId}/movement`} form={form} withReasons />
        </section>
      )}
    </>
  );
}

/** The young person's page: the counsellor's scores and words, and their own scores beside the latest. */
export function MyMovementPage({ page, assessments, form }: { page: PageContext; assessments: readonly Assessment[]; form: FormState }) {
  const { t } = page;
  const latest = assessments.filter((a) => a.source === 'counsellor').at(-1);
  const mine = latest && assessments.find((a) => a.source === 'youth' && a.assessedOn === latest.assessedOn);
  const shown =
    form.values['scores.direction'] === undefined && mine
      ? { values: Object.fromEntries(dimensions.map((d) => [`scores.${d}`, String(mine.scores[d])])), errors: {} }
      : form;
  return (
    <>
      <h1>{t('my_movement.title')}</h1>
      <p class="font-lead">{t('my_movement.lead')}</p>
      <MovementCharts page={page} assessments={assessments} own />
      {latest && (
        <section aria-labelledby="own-heading">
          <h2 id="own-heading">{t('my_movement.own', { date: latest.assessedOn })}</h2>
          <p>{t('my_movement.own_lead')}</p>
          <ScoreForm page={page} action={`/me/movement/${latest.id}`} form={shown} withReasons={false} />
        </section>
      )}
    </>
  );
}
