import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { seatsText } from '../offers/seats.ts';
import { ProfileFacts } from '../youth/youth.views.tsx';
import type { MyEvent } from './events.repository.ts';
import { MyEvents } from './events.views.tsx';
import type { WishForCompany } from './wishes.service.ts';

type Key = Parameters<Translate>[0];
const choices = ['1', '2', '3', 'not_now'] as const;

const currentChoice = (w: WishForCompany) => (w.answer === 'not_now' ? 'not_now' : w.answer ? String(w.tier) : '');

/** One young person who wished the opening: what they share, their line, and the company's answer. */
function AnswerCard({ page, w, form }: { page: PageContext; w: WishForCompany; form: FormState }) {
  const { t } = page;
  const name = [w.youth.firstName, w.youth.lastName].filter(Boolean).join(' ');
  const key = `${w.openingId}-${w.youth.id}`;
  const error = form.errors[key];
  const chosen = form.values[key] ?? currentChoice(w);
  return (
    <li class="app-card">
      <h3 class="h4">{name}</h3>
      {w.youth.photoUrl && (
        <img class="app-photo" src={w.youth.photoUrl} alt={t('youth.photo_alt', { name: w.youth.firstName })} width={120} />
      )}
      <ProfileFacts t={t} v={w.youth} />
      {w.reason && (
        <p>
          <strong>{t('answers.why')}</strong> <span class="app-prose">“{w.reason}”</span>
        </p>
      )}
      <form method="post" action={`/openings/${w.openingId}/answers`} novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="youthId" value={w.youth.id} />
        <fieldset id={key} aria-describedby={error ? `${key}-error` : undefined}>
          <legend class="form-label">{t('answers.question', { name: w.youth.firstName })}</legend>
          {error && (
            <span class="form-error-message" id={`${key}-error`}>
              {t(error as Key)}
            </span>
          )}
          <ul class="nobullet-list app-choice-list">
            {choices.map((c) => (
              <li class="form-group-radio">
                <input class="form-radio" type="radio" id={`${key}-${c}`} name="choice" value={c} checked={chosen === c} />
                <label for={`${key}-${c}`}>{t(`answers.choice.${c}` as Key)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button class="button button-secondary" type="submit">
          {t('answers.save', { name: w.youth.firstName })}
        </button>
      </form>
      <p>
        <a href={`/companies/${w.companyId}/offers/new?youth=${w.youth.id}&opening=${w.openingId}&source=wish`}>
          {t('offer.make')}
          <span class="app-sr-only">: {w.youth.firstName}</span>
        </a>
      </p>
    </li>
  );
}

function SeatsLine({ page, seats }: { page: PageContext; seats: { free: number; seats: number } | undefined }) {
  return seats ? <p class="form-hint">{seatsText(page.t, page.locale, seats.free, seats.seats)}</p> : null;
}

export function AnswersView({
  page,
  companyName,
  rows,
  events,
  form,
  seats,
}: {
  page: PageContext;
  companyName: string;
  rows: WishForCompany[];
  events: MyEvent[];
  form: FormState;
  /** Seats and free seats today, per opening. */
  seats?: Map<string, { free: number; seats: number }>;
}) {
  const { t } = page;
  const byOpening = new Map<string, WishForCompany[]>();
  for (const w of rows) byOpening.set(w.openingId, [...(byOpening.get(w.openingId) ?? []), w]);
  const labels = Object.fromEntries(rows.map((w) => [`${w.openingId}-${w.youth.id}`, w.youth.firstName]));
  return (
    <>
      <h1>{t('answers.title', { company: companyName })}</h1>
      <p class="font-lead">{t('answers.lead')}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      <MyEvents page={page} events={events} />
      {!rows.length && <p>{t('answers.none')}</p>}
      {[...byOpening.values()].map((list) => (
        <section aria-labelledby={`opening-${list[0]!.openingId}`}>
          <h2 id={`opening-${list[0]!.openingId}`}>
            <a href={`/openings/${list[0]!.openingId}`}>{list[0]!.openingTitle}</a>
          </h2>
          <p>{t('answers.waiting', { count: list.filter((w) => !w.answer).length, total: list.length })}</p>
          <SeatsLine page={page} seats={seats?.get(list[0]!.openingId)} />
          <ul class="nobullet-list app-results">
            {list.map((w) => (
              <AnswerCard page={page} w={w} form={form} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** On the youth directory, for a company contact: log that you invited this young person (they decide). */
export function DirectInviteForm(props: {
  page: PageContext;
  companyId: string;
  youthId: string;
  firstName: string;
  openings: { id: string; title: string }[];
}) {
  const { page, companyId, youthId, firstName, openings } = props;
  const { t } = page;
  const id = (field: string) => `${field}-${youthId}`;
  return (
    <details class="details">
      <summary class="details-summary">{t('invite_direct.summary', { name: firstName })}</summary>
      <form method="post" action={`/companies/${companyId}/direct-invitations`} class="details-text app-narrow-form" novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="youthId" value={youthId} />
        <p class="form-hint">{t('invite_direct.hint')}</p>
        <div class="form-group">
          <label class="form-label" for={id('channel')}>
            {t('invite_direct.channel')}
          </label>
          <select class="form-select" id={id('channel')} name="channel">
            {(['call', 'message', 'meeting'] as const).map((c) => (
              <option value={c}>{t(`wishes.channel.${c}` as Key)}</option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for={id('openingId')}>
            {t('invite_direct.opening')}
          </label>
          <select class="form-select" id={id('openingId')} name="openingId">
            <option value="">{t('invite_direct.no_opening')}</option>
            {openings.map((o) => (
              <option value={o.id}>{o.title}</option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for={id('message')}>
            {t('invite_direct.message')}
          </label>
          <textarea class="form-input" id={id('message')} name="message" rows={3} maxLength={1000} />
        </div>
        <button class="button button-secondary" type="submit">
          {t('invite_direct.submit', { name: firstName })}
        </button>
      </form>
    </details>
  );
}
