import { formatDateTime } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Meeting } from './internships.repository.ts';

/** Follow-up meetings on the internship page, with a form for those who may plan one. */
export function MeetingsSection({
  page,
  internshipId,
  meetings,
  canPlan,
  form,
}: {
  page: PageContext;
  internshipId: string;
  meetings: Meeting[];
  canPlan: boolean;
  form: FormState;
}) {
  const { t } = page;
  const labels = {
    date: t('meetings.date'),
    time: t('meetings.time'),
    minutes: t('meetings.minutes'),
    place: t('meetings.place'),
    note: t('meetings.note'),
  };
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetings.title')}</h2>
      {meetings.length ? (
        <ul>
          {meetings.map((m) => (
            <li>
              {t('meetings.at', { when: formatDateTime(page.locale, m.startsAt), minutes: m.minutes, place: m.place })}
              {m.note && <span class="app-prose"> · {m.note}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('meetings.none')}</p>
      )}
      {canPlan && (
        <details class="details" open={Object.keys(form.errors).length > 0}>
          <summary class="details-summary">{t('meetings.new')}</summary>
          <form method="post" action={`/internships/${internshipId}/meetings`} class="details-text app-narrow-form" novalidate>
            <ErrorSummary t={t} form={form} labels={labels} />
            <CsrfField token={page.csrfToken} />
            <TextField t={t} form={form} name="date" label={labels.date} type="date" required />
            <TextField t={t} form={form} name="time" label={labels.time} hint={t('meetings.time_hint')} inputmode="decimal" required />
            <TextField t={t} form={form} name="minutes" label={labels.minutes} inputmode="numeric" />
            <TextField t={t} form={form} name="place" label={labels.place} required />
            <TextField t={t} form={form} name="note" label={labels.note} />
            <button class="button button-secondary" type="submit">
              {t('meetings.submit')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
