import { formatDay, plural } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { OfferView } from './offers.repository.ts';
import { offerSources } from './offers.values.ts';
import { seatsText } from './seats.ts';

const thisYear = (today: string) => Number(today.slice(0, 4));

/** The young person's offers: each open one with its facts and two buttons, earlier ones below. */
export function MyOffersView({
  page,
  offers,
  today,
  form: given,
}: {
  page: PageContext;
  offers: OfferView[];
  today: string;
  form: FormState;
}) {
  const { t } = page;
  const { youthId: youthError, ...errors } = given.errors;
  const form = youthError ? { ...given, errors, formError: given.formError ?? youthError } : given;
  const open = offers.filter((o) => o.status === 'open' && o.answerBy >= today);
  const earlier = offers.filter((o) => !open.includes(o));
  return (
    <>
      <h1>{t('offer.my_title')}</h1>
      <p class="font-lead">{t('offer.my_intro')}</p>
      <ErrorSummary t={t} form={form} labels={{ reason: t('offer.decline_reason') }} />
      {open.length === 0 && <p>{t('offer.none')}</p>}
      <ul class="nobullet-list app-results">
        {open.map((o) => (
          <li class="app-card" id={`offer-${o.id}`}>
            <OfferCard page={page} o={o} today={today} />
          </li>
        ))}
      </ul>
      {earlier.length > 0 && (
        <>
          <h2>{t('offer.earlier')}</h2>
          <ul class="nobullet-list">
            {earlier.map((o) => (
              <li id={`offer-${o.id}`}>
                {o.openingTitle} · {o.companyName}: {t(`offer.status.${o.status === 'open' ? 'expired' : o.status}`)}
                {o.internshipId && (
                  <>
                    {' '}
                    · <a href="/me/internships">{t('offer.see_internship')}</a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function OfferCard({ page, o, today }: { page: PageContext; o: OfferView; today: string }) {
  const { t, locale } = page;
  const year = thisYear(today);
  return (
    <>
      <h2 class="h3">
        {o.openingTitle} · {o.companyName}
      </h2>
      <p>
        <strong>{t('offer.answer_by', { date: formatDay(locale, o.answerBy, year) })}</strong>
      </p>
      <dl class="app-facts">
        <dt>{t('offer.place')}</dt>
        <dd>{o.openingPlace}</dd>
        <dt>{t('offer.hours')}</dt>
        <dd>{o.openingHours}</dd>
        <dt>{t('offer.months')}</dt>
        <dd>{t(`offer.months_value.${plural(locale, o.openingMonths)}`, { count: o.openingMonths })}</dd>
        <dt>{t('offer.start_from')}</dt>
        <dd>{formatDay(locale, o.openingStartFrom > today ? o.openingStartFrom : today, year)}</dd>
      </dl>
      {o.message && (
        <>
          <h3 class="h5">{t('offer.message')}</h3>
          <p class="app-prewrap">{o.message}</p>
        </>
      )}
      {o.madeByName && <p class="form-hint">{t('offer.made_by', { name: o.madeByName })}</p>}
      <p>
        <a href={`/offers/${o.id}/messages`}>{t('offer.write_company', { company: o.companyName })}</a>
      </p>
      <p class="form-hint">{t('offer.accept_hint')}</p>
      <div class="app-actions">
        <form method="post" action={`/me/offers/${o.id}/answer`} class="app-inline-form">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="decision" value="accept" />
          <button class="button button-primary" type="submit" aria-describedby={`offer-${o.id}-title`}>
            {t('offer.accept')}
          </button>
        </form>
      </div>
      <details class="details">
        <summary class="details-summary">
          {t('offer.decline')}
          <span class="app-sr-only">
            : {o.openingTitle} · {o.companyName}
          </span>
        </summary>
        <form method="post" action={`/me/offers/${o.id}/answer`} class="details-text">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="decision" value="decline" />
          <div class="form-group">
            <label class="form-label" for={`reason-${o.id}`}>
              {t('offer.decline_reason')}
            </label>
            <textarea class="form-input" id={`reason-${o.id}`} name="reason" rows={3} maxLength={500} />
          </div>
          <button class="button button-secondary" type="submit" aria-describedby={`offer-${o.id}-title`}>
            {t('offer.decline')}
          </button>
        </form>
      </details>
      <span hidden id={`offer-${o.id}-title`}>
        {o.openingTitle} · {o.companyName}
      </span>
    </>
  );
}

export interface OfferFormData {
  company: { id: string; name: string };
  youth: { id: string; firstName: string };
  openings: { id: string; title: string; seats: number; free: number }[];
  window: { answerBy: string; latest: string; days: number };
}

/** The company's (or team's) form to offer one young person an internship. */
export function OfferFormView({ page, data, form: given }: { page: PageContext; data: OfferFormData; form: FormState }) {
  const { t, locale } = page;
  // An error about the young person (busy, no account…) has no field on this form: it is the form's.
  const { youthId: youthError, ...errors } = given.errors;
  const form = youthError ? { ...given, errors, formError: youthError } : given;
  const name = data.youth.firstName;
  const free = data.openings.filter((o) => o.free > 0);
  const labels = {
    openingId: t('offer.opening'),
    answerBy: t('offer.answer_by_label'),
    message: t('offer.message_label', { name }),
    source: t('offer.source'),
    youthId: t('offer.youth'),
  };
  return (
    <>
      <h1>{t('offer.new_title', { name })}</h1>
      <p class="font-lead">{t('offer.new_intro', { name })}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      {free.length === 0 ? (
        <p>{t('offer.no_free_openings')}</p>
      ) : (
        <form method="post" action={`/companies/${data.company.id}/offers`} novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="youthId" value={data.youth.id} />
          <SelectField
            t={t}
            form={form}
            name="openingId"
            label={labels.openingId}
            hint={t('offer.opening_hint')}
            required
            options={free.map((o) => ({ value: o.id, label: `${o.title} (${seatsText(t, locale, o.free, o.seats)})` }))}
          />
          <TextField
            t={t}
            form={form}
            name="answerBy"
            type="date"
            label={labels.answerBy}
            hint={`${t('offer.answer_by_hint', { days: data.window.days })} ${formatDay(locale, data.window.answerBy)}.`}
          />
          <TextArea t={t} form={form} name="message" label={labels.message} hint={t('offer.message_hint')} maxLength={1000} />
          <SelectField
            t={t}
            form={form}
            name="source"
            label={labels.source}
            options={offerSources.map((s) => ({ value: s, label: t(`offer.source.${s}`) }))}
          />
          <button class="button button-primary" type="submit">
            {t('offer.send')}
          </button>
        </form>
      )}
    </>
  );
}

/** A company's offers, open first, each open one with a button to take it back. */
export function CompanyOffersView({
  page,
  company,
  offers,
  today,
}: {
  page: PageContext;
  company: { id: string; name: string };
  offers: OfferView[];
  today: string;
}) {
  const { t, locale } = page;
  return (
    <>
      <h1>{t('offer.company_title', { company: company.name })}</h1>
      <p class="font-lead">{t('offer.company_intro')}</p>
      {offers.length === 0 && <p>{t('offer.company_none')}</p>}
      <ul class="nobullet-list app-results">
        {offers.map((o) => {
          const open = o.status === 'open' && o.answerBy >= today;
          return (
            <li class="app-card" id={`offer-${o.id}`}>
              <h2 class="h4">
                {o.youthFirstName} · {o.openingTitle}
              </h2>
              <p>
                {t(`offer.status.${o.status === 'open' && !open ? 'expired' : o.status}`)}
                {open && <> · {t('offer.answer_by', { date: formatDay(locale, o.answerBy, thisYear(today)) })}</>}
              </p>
              <p>
                <a href={`/offers/${o.id}/messages`}>{t('offer.write_youth', { name: o.youthFirstName, title: o.openingTitle })}</a>
              </p>
              {open && (
                <form method="post" action={`/offers/${o.id}/withdraw`}>
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="companyId" value={company.id} />
                  <button class="button button-secondary" type="submit">
                    {t('offer.withdraw')}
                    <span class="app-sr-only">: {o.youthFirstName}</span>
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The team's list: every open offer in the municipality, soonest answer-by date first. */
export function TeamOffersView({ page, offers, today }: { page: PageContext; offers: OfferView[]; today: string }) {
  const { t, locale } = page;
  return (
    <>
      <h1>{t('offer.team_title')}</h1>
      <p class="font-lead">{t('offer.team_intro')}</p>
      {offers.length === 0 ? (
        <p>{t('offer.team_none')}</p>
      ) : (
        <ul class="nobullet-list app-results">
          {offers.map((o) => (
            <li class="app-card" id={`offer-${o.id}`}>
              <h2 class="h4">
                {o.youthFirstName} {o.youthLastName} · {o.openingTitle}
              </h2>
              <p>
                <a href={`/companies/${o.companyId}/offers#offer-${o.id}`}>{o.companyName}</a> ·{' '}
                {t('offer.answer_by', { date: formatDay(locale, o.answerBy, thisYear(today)) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
