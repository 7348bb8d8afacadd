import { type Translate, formatDate } from '../../platform/i18n/i18n.ts';
import { HoldBackForm } from './hold-back.views.tsx';
import { Checkbox, CsrfField, DataTable, ErrorSummary, type FormState, TextArea } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { ReportRow } from './reports.repository.ts';
import { type ReportStatus, reportStatuses } from './reports.values.ts';

type Key = Parameters<Translate>[0];
const name = (r: ReportRow) => `${r.firstName} ${r.lastName}`;

/** What the report says: attendance, internships, recognitions and the five movements with the counsellor's words. */
export function ReportBody({ page, r }: { page: PageContext; r: ReportRow }) {
  const { t } = page;
  const f = r.facts;
  return (
    <>
      <h2>{t('report.group')}</h2>
      <p>
        {t('report.group_line', {
          sessions: f.group.sessions,
          present: f.group.present,
          notice: f.group.absentNotice,
          absent: f.group.absent,
        })}
      </p>
      <h2>{t('report.internships')}</h2>
      {f.internships.length ? (
        <ul>
          {f.internships.map((i) => (
            <li>
              {t('report.internship_line', {
                company: i.company,
                title: i.title,
                from: i.from,
                to: i.to ?? t('report.ongoing'),
                present: i.daysPresent,
                absent: i.daysAbsent,
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('report.no_internships')}</p>
      )}
      <h2>{t('report.recognitions')}</h2>
      {f.recognitions.length ? (
        <ul>
          {f.recognitions.map((rec) => (
            <li>
              {rec.company} ({rec.weekStart}): «{rec.text}»
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('report.no_recognitions')}</p>
      )}
      <h2>{t('report.movements')}</h2>
      {f.assessments ? (
        <DataTable
          label={t('report.movements')}
          headers={[t('report.movement'), t('report.first'), t('report.latest'), t('report.own'), t('report.words')]}
          compact
        >
          {f.movements.map((m) => (
            <tr>
              <th scope="row">{t(`movement.dim.${m.dimension}` as Key)}</th>
              <td>{m.from ?? '–'}</td>
              <td>{m.to ?? '–'}</td>
              <td>{m.youthTo ?? '–'}</td>
              <td>{m.reason}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('report.no_movements')}</p>
      )}
    </>
  );
}

function Words({ page, r }: { page: PageContext; r: ReportRow }) {
  const { t } = page;
  return (
    <>
      <h2>{t('report.summary')}</h2>
      <p class="app-prose">{r.summary || '–'}</p>
      <h2>{t('report.next_steps')}</h2>
      <p class="app-prose">{r.nextSteps || '–'}</p>
      <h2>{t('report.youth_comment')}</h2>
      <p class="app-prose">{r.youthComment || t('report.no_comment')}</p>
    </>
  );
}

/** Where a report is; the young person reads it from their side ("ready for you"). */
function Status({ t, status, forYouth = false }: { t: Translate; status: ReportStatus; forYouth?: boolean }) {
  return <span class="badge badge-small">{t(`${forYouth ? 'my_reports' : 'report'}.status.${status}` as Key)}</span>;
}

/** The team's list, grouped by where each report is in its cycle. */
export function ReportsListView({ page, rows }: { page: PageContext; rows: ReportRow[] }) {
  const { t } = page;
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p class="font-lead">{t('reports.lead')}</p>
      {reportStatuses.map((status) => {
        const these = rows.filter((r) => r.status === status);
        return (
          <section aria-labelledby={`reports-${status}`}>
            <h2 id={`reports-${status}`}>
              {t(`reports.section.${status}` as Key)} ({these.length})
            </h2>
            {these.length ? (
              <ul class="nobullet-list">
                {these.map((r) => (
                  <li>
                    <a href={`/reports/${r.id}`}>{name(r)}</a> · {t('report.period', { start: r.periodStart, end: r.periodEnd })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('reports.section_none')}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The caseworker's reports: only those sent with the young person's consent. */
export function InboxView({ page, rows }: { page: PageContext; rows: ReportRow[] }) {
  const { t } = page;
  return (
    <>
      <h1>{t('reports.inbox_title')}</h1>
      <p class="font-lead">{t('reports.inbox_lead')}</p>
      {rows.length ? (
        <DataTable label={t('reports.inbox_title')} headers={[t('report.young'), t('report.period_label'), t('report.sent'), 'PDF']}>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/reports/${r.id}`}>{name(r)}</a>
              </td>
              <td>
                {formatDate(page.locale, r.periodStart)} – {formatDate(page.locale, r.periodEnd)}
              </td>
              <td>{r.sentAt ? formatDate(page.locale, r.sentAt) : ''}</td>
              <td>
                <a href={`/reports/${r.id}/pdf`}>{t('report.pdf_for', { name: name(r) })}</a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('reports.inbox_none')}</p>
      )}
    </>
  );
}

/** One report: the counsellor edits and approves a draft; everyone else reads it. */
export function ReportPage({
  page,
  r,
  editable,
  form,
  consent,
}: {
  page: PageContext;
  r: ReportRow;
  editable: boolean;
  form: FormState;
  consent: boolean;
}) {
  const { t } = page;
  const labels = { summary: t('report.summary'), nextSteps: t('report.next_steps') };
  const shown = form.values.summary === undefined ? { ...form, values: { summary: r.summary, nextSteps: r.nextSteps } } : form;
  return (
    <>
      <h1>{t('report.heading', { name: name(r) })}</h1>
      <p class="font-lead">
        {t('report.period', { start: r.periodStart, end: r.periodEnd })} <Status t={t} status={r.status} />
      </p>
      {!consent && r.status !== 'draft' && <p>{t('report.no_consent')}</p>}
      <p>
        <a href={`/reports/${r.id}/pdf`}>{t('report.pdf')}</a>
      </p>
      <ReportBody page={page} r={r} />
      {editable ? (
        <form method="post" action={`/reports/${r.id}`} class="app-narrow-form" novalidate>
          <ErrorSummary t={t} form={shown} labels={labels} />
          <CsrfField token={page.csrfToken} />
          <TextArea
            t={t}
            form={shown}
            name="summary"
            label={labels.summary}
            hint={t('report.summary_hint')}
            rows={6}
            maxLength={4000}
            required
          />
          <TextArea t={t} form={shown} name="nextSteps" label={labels.nextSteps} rows={3} maxLength={2000} required />
          <div class="app-actions">
            <button class="button button-secondary" type="submit" name="intent" value="save">
              {t('report.save')}
            </button>
            <button class="button button-primary" type="submit" name="intent" value="approve">
              {t('report.approve')}
            </button>
          </div>
        </form>
      ) : (
        <Words page={page} r={r} />
      )}
    </>
  );
}

/** The young person's reports and their choice about the caseworker. */
export function MyReportsView({ page, consent, reports }: { page: PageContext; consent: boolean; reports: ReportRow[] }) {
  const { t } = page;
  const form: FormState = { values: consent ? { toCaseworker: 'on' } : {}, errors: {} };
  return (
    <>
      <h1>{t('my_reports.title')}</h1>
      <p class="font-lead">{t('my_reports.lead')}</p>
      <form method="post" action="/me/reports/consent" class="app-narrow-form">
        <CsrfField token={page.csrfToken} />
        <Checkbox t={t} form={form} name="toCaseworker" label={t('my_reports.consent')} hint={t('my_reports.consent_hint')} />
        <button class="button button-secondary" type="submit">
          {t('my_reports.save_consent')}
        </button>
      </form>
      <h2>{t('my_reports.list')}</h2>
      {reports.length ? (
        <ul class="nobullet-list">
          {reports.map((r) => (
            <li>
              <a href={`/me/reports/${r.id}`}>{t('report.period', { start: r.periodStart, end: r.periodEnd })}</a>{' '}
              <Status t={t} status={r.status} forYouth />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('my_reports.none')}</p>
      )}
    </>
  );
}

/** One of my reports: read it, and say I have read it (with a comment if I like). */
export function MyReportPage({ page, r, consent, form }: { page: PageContext; r: ReportRow; consent: boolean; form: FormState }) {
  const { t } = page;
  return (
    <>
      <h1>{t('my_reports.heading', { end: r.periodEnd })}</h1>
      <p class="font-lead">
        {t('report.period', { start: r.periodStart, end: r.periodEnd })} <Status t={t} status={r.status} forYouth />
      </p>
      <ReportBody page={page} r={r} />
      <h2>{t('report.summary')}</h2>
      <p class="app-prose">{r.summary}</p>
      <h2>{t('report.next_steps')}</h2>
      <p class="app-prose">{r.nextSteps}</p>
      {r.status === 'approved' ? (
        <form method="post" action={`/me/reports/${r.id}/confirm`} class="app-narrow-form" novalidate>
          <h2>{t('my_reports.confirm_heading')}</h2>
          <p>{consent && !r.heldBackAt ? t('my_reports.will_send') : t('my_reports.will_hold')}</p>
          <ErrorSummary t={t} form={form} labels={{ comment: t('my_reports.comment') }} />
          <CsrfField token={page.csrfToken} />
          <TextArea
            t={t}
            form={form}
            name="comment"
            label={t('my_reports.comment')}
            hint={t('my_reports.comment_hint')}
            rows={3}
            maxLength={2000}
          />
          <button class="button button-primary" type="submit">
            {t('my_reports.confirm')}
          </button>
        </form>
      ) : (
        <>
          <h2>{t('my_reports.your_comment')}</h2>
          <p class="app-prose">{r.youthComment || t('report.no_comment')}</p>
        </>
      )}
      <HoldBackForm page={page} r={r} />
      <p>
        <a href="/me/reports">{t('my_reports.back')}</a>
      </p>
    </>
  );
}
