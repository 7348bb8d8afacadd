import { type Locale, formatDay } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { ContactLinks } from '../youth/my-people.views.tsx';
import type { InternshipView } from './internships.repository.ts';

/** "09:00" → "9.00" (Danish) or "9:00" (English), for "kl. 9.00". */
export function clockTime(locale: Locale, hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)}${locale === 'da' ? '.' : ':'}${m}`;
}

/** A link to the address on a map (OpenStreetMap: no account, no tracking by the platform). */
export function mapHref(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** Where to meet on day one: the internship's own place if given, else the opening's. */
export const meetingPlace = (i: InternshipView): string => i.meetAt || i.openingPlace;

/**
 * What matters for day one, first on the internship page: the company, the address with a map
 * link, the first day and time, who meets the young person and how to reach them, the hours and
 * what to bring.
 */
export function DayOneBox({ page, i, forYouth }: { page: PageContext; i: InternshipView; forYouth: boolean }) {
  const { t, locale } = page;
  const place = meetingPlace(i);
  const day = i.firstDay ?? i.agreedStart;
  return (
    <section class="app-card app-day-one" aria-labelledby="day-one-heading">
      <h2 id="day-one-heading">{t(forYouth ? 'day_one.title_youth' : 'day_one.title', { company: i.companyName })}</h2>
      <dl class="app-facts">
        <dt>{t('day_one.company')}</dt>
        <dd>{i.companyName}</dd>
        <dt>{t('day_one.address')}</dt>
        <dd>
          {place ? (
            <>
              {place} <a href={mapHref(place)}>{t('day_one.map')}</a>
            </>
          ) : (
            t('day_one.not_set')
          )}
        </dd>
        <dt>{t('day_one.when')}</dt>
        <dd>
          {i.firstDayTime
            ? t('day_one.day_at', { day: formatDay(locale, day), time: clockTime(locale, i.firstDayTime) })
            : formatDay(locale, day)}
        </dd>
        <dt>{t(forYouth ? 'day_one.meets_you' : 'day_one.meets')}</dt>
        <dd>
          {i.supervisorName ? (
            <>
              <p class="app-day-one-name">{i.supervisorName}</p>
              <ContactLinks t={t} phone={i.supervisorShownPhone} email={i.supervisorShownEmail} />
            </>
          ) : (
            t('day_one.not_set')
          )}
        </dd>
        <dt>{t('day_one.hours')}</dt>
        <dd>{t('internship.hours_per_week', { hours: i.weeklyHours })}</dd>
        <dt>{t(forYouth ? 'day_one.bring_youth' : 'day_one.bring')}</dt>
        <dd class="app-pre-line">{i.whatToBring || t('day_one.bring_none')}</dd>
      </dl>
    </section>
  );
}

/** The team's or the company's small form for the day-one facts. */
export function DayOneForm({ page, i, form }: { page: PageContext; i: InternshipView; form: FormState | null }) {
  const { t } = page;
  const shown: FormState = form ?? {
    values: { firstDayTime: i.firstDayTime ? clockTime('da', i.firstDayTime) : '', meetAt: i.meetAt, whatToBring: i.whatToBring },
    errors: {},
  };
  const labels = { firstDayTime: t('day_one.time'), meetAt: t('day_one.meet_at'), whatToBring: t('day_one.bring') };
  return (
    <form method="post" action={`/internships/${i.id}/day-one`} novalidate class="app-narrow-form">
      <h2>{t('day_one.form_title')}</h2>
      <p>{t('day_one.form_lead')}</p>
      <ErrorSummary t={t} form={shown} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <TextField t={t} form={shown} name="firstDayTime" label={labels.firstDayTime} hint={t('day_one.time_hint')} />
      <TextField
        t={t}
        form={shown}
        name="meetAt"
        label={labels.meetAt}
        hint={i.openingPlace ? t('day_one.meet_at_hint', { place: i.openingPlace }) : undefined}
      />
      <TextArea t={t} form={shown} name="whatToBring" label={labels.whatToBring} hint={t('day_one.bring_hint')} rows={3} maxLength={1000} />
      <button class="button button-secondary" type="submit">
        {t('day_one.save')}
      </button>
    </form>
  );
}
