import { type MessageKey, formatDay, plural } from '../../platform/i18n/i18n.ts';
import { localDate } from '../../platform/dates.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, emptyForm } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { CaseworkApproval, CaseworkHome } from './casework.ts';
import { NeedsMeNow } from './home.views.tsx';

/** The start clock in words: days left, days over, or not started. */
function clockText(page: PageContext, a: CaseworkApproval): string {
  const { t, locale } = page;
  if (a.daysLeft === null) return t('casework.clock_not_started');
  const n = Math.abs(a.daysLeft);
  const key = `${a.daysLeft < 0 ? 'casework.overdue' : 'casework.days_left'}.${plural(locale, n)}` as MessageKey;
  return t(key, { count: n });
}

/**
 * One internship awaiting the jobcentre: the facts and the one-step approval form. Field ids carry
 * the internship's id, so several forms on the home never share an id.
 */
export function ApprovalForm({ page, a, form = emptyForm }: { page: PageContext; a: CaseworkApproval; form?: FormState }) {
  const { t, locale } = page;
  const field = `reference-${a.id}`;
  const error = form.errors.reference;
  const overdue = a.daysLeft !== null && a.daysLeft < 0;
  return (
    <section class="app-card" id={`approve-${a.id}`} aria-labelledby={`approve-${a.id}-title`}>
      <h3 id={`approve-${a.id}-title`}>{t('casework.approval_heading', { youth: a.youthName, title: a.title, company: a.company })}</h3>
      <dl class="app-facts">
        <dt>{t('casework.agreed_start')}</dt>
        <dd>{formatDay(locale, a.agreedStart)}</dd>
        <dt>{t('casework.clock', { days: a.startWithinDays })}</dt>
        <dd>{overdue ? <strong>{clockText(page, a)}</strong> : clockText(page, a)}</dd>
      </dl>
      <form method="post" action={`/casework/internships/${a.id}/approve`} novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`form-group${error ? ' form-error' : ''}`}>
          <label class="form-label" for={field}>
            {t('casework.reference')}
          </label>
          <span class="form-hint" id={`${field}-hint`}>
            {t('casework.reference_hint')}
          </span>
          {error && (
            <span class="form-error-message" id={`${field}-error`}>
              {t(error as MessageKey)}
            </span>
          )}
          <input
            class="form-input"
            type="text"
            id={field}
            name="reference"
            value={form.values.reference ?? a.vitasReference}
            maxLength={40}
            autocomplete="off"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${field}-hint ${field}-error` : `${field}-hint`}
          />
        </div>
        <button class="button button-primary" type="submit">
          {t('casework.approve')}
        </button>
      </form>
    </section>
  );
}

/** The caseworker's home: what needs them now, the approvals that block a start, their young people, reports received. */
export function CaseworkView({ page, home }: { page: PageContext; home: CaseworkHome }) {
  const { t, locale } = page;
  return (
    <>
      <NeedsMeNow page={page} items={home.items} />
      <section aria-labelledby="approvals-title">
        <h2 id="approvals-title">{t('casework.approvals_title')}</h2>
        <p>{t('casework.approvals_lead')}</p>
        {home.approvals.length ? home.approvals.map((a) => <ApprovalForm page={page} a={a} />) : <p>{t('casework.approvals_none')}</p>}
      </section>
      <section aria-labelledby="my-youth-title">
        <h2 id="my-youth-title">{t('casework.youth_title')}</h2>
        {home.youth.length ? (
          <DataTable label={t('casework.youth_title')} headers={[t('casework.name'), t('casework.status')]} compact>
            {home.youth.map((y) => (
              <tr>
                <td>
                  {y.firstName} {y.lastName}
                </td>
                <td>{t(`youth.status.${y.status}` as MessageKey)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>{t('casework.youth_none')}</p>
        )}
      </section>
      <section aria-labelledby="received-title">
        <h2 id="received-title">{t('casework.reports_title')}</h2>
        {home.reports.length ? (
          <ul class="nobullet-list">
            {home.reports.map((r) => (
              <li>
                <a href={`/reports/${r.id}`}>
                  {t('casework.report_line', {
                    youth: r.youthName,
                    end: formatDay(locale, r.periodEnd),
                    sent: formatDay(locale, localDate(r.sentAt)),
                  })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('casework.reports_none')}</p>
        )}
      </section>
    </>
  );
}

/** One approval again, with what was wrong (the home's form, submitted with a bad reference). */
export function ApprovalPage({ page, a, form }: { page: PageContext; a: CaseworkApproval; form: FormState }) {
  const { t } = page;
  const field = `reference-${a.id}`;
  return (
    <>
      <h1>{t('casework.approve_title', { youth: a.youthName })}</h1>
      <ErrorSummary
        t={t}
        form={{ ...form, errors: form.errors.reference ? { [field]: form.errors.reference } : {} }}
        labels={{ [field]: t('casework.reference') }}
      />
      <ApprovalForm page={page} a={a} form={form} />
      <p>
        <a href="/dashboard">{t('casework.back')}</a>
      </p>
    </>
  );
}
