import { formatDateTime, type Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { seatsText } from '../offers/seats.ts';
import type { WishExplanation } from './explain.ts';
import type { MyEvent } from './events.repository.ts';
import { MyEvents } from './events.views.tsx';
import type { DirectInvitation, PlacementView, Round, WishView } from './matching.repository.ts';

type Key = Parameters<Translate>[0];

export interface MyPlacement {
  placement: PlacementView;
  round: Round;
  explanation: WishExplanation[];
  titles: Record<string, string>;
}

/** Why each wish above the placement went elsewhere, in plain words, naming no other young person. */
export function Explanation({ t, items, titles }: { t: Translate; items: WishExplanation[]; titles: Record<string, string> }) {
  const missed = items.filter((e) => e.outcome !== 'placed');
  if (!missed.length) return null;
  return (
    <ul class="app-explanation">
      {missed.map((e) => (
        <li>
          <strong>{t('wishes.wish_number', { rank: e.rank, opening: titles[e.openingId] ?? '' })}</strong>{' '}
          {t(`wishes.outcome.${e.outcome}` as Key)}
        </li>
      ))}
    </ul>
  );
}

function PlacementCard({ page, p }: { page: PageContext; p: MyPlacement }) {
  const { t } = page;
  const { placement } = p;
  const when = formatDateTime(page.locale, p.round.publishedAt ?? p.round.runAt);
  if (!placement.openingId)
    return (
      <div class="app-card">
        <h3 class="h4">{t('wishes.none_heading', { when })}</h3>
        <Explanation t={t} items={p.explanation} titles={p.titles} />
        <p>{t('wishes.none_next')}</p>
      </div>
    );
  const where = `${placement.openingTitle}, ${placement.companyName}`;
  return (
    <div class="app-card">
      <h3 class="h4">{t('wishes.offer_heading', { where })}</h3>
      <p>{t('wishes.offer_rank', { rank: placement.wishRank ?? 0, when })}</p>
      <Explanation t={t} items={p.explanation} titles={p.titles} />
      {placement.status === 'offered' && (
        <div class="app-actions">
          <form method="post" action={`/me/wishes/rounds/${p.round.id}/respond`} class="app-inline-form">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="decision" value="accept" />
            <button class="button button-primary" type="submit">
              {t('wishes.accept')}
            </button>
          </form>
          <form method="post" action={`/me/wishes/rounds/${p.round.id}/respond`} class="app-inline-form">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="decision" value="decline" />
            <button class="button button-secondary" type="submit">
              {t('wishes.decline')}
            </button>
          </form>
          <p class="form-hint">{t('wishes.offer_hint')}</p>
        </div>
      )}
      {placement.status === 'accepted' && (
        <p>
          {t('wishes.accepted')} <a href="/me/internships">{t('wishes.see_internship')}</a>
        </p>
      )}
      {placement.status === 'declined' && <p>{t('wishes.declined')}</p>}
    </div>
  );
}

function WishItem({
  page,
  w,
  first,
  last,
  form,
  seats,
}: {
  page: PageContext;
  w: WishView;
  first: boolean;
  last: boolean;
  form: FormState;
  seats?: { free: number; seats: number };
}) {
  const { t } = page;
  const id = `reason-${w.openingId}`;
  // Two openings may share a title: the company makes every control's name unique.
  const name = `${w.openingTitle} (${w.companyName})`;
  const error = form.errors[id];
  const move = (direction: 'up' | 'down', label: string) => (
    <form method="post" action={`/me/wishes/${w.openingId}/move`} class="app-inline-form">
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button class="button button-secondary button-small" type="submit" aria-label={`${label}: ${name}`}>
        {label}
      </button>
    </form>
  );
  return (
    <li class="app-wish">
      {/* The anchor a move lands on; it takes focus (tabindex -1), so the moved wish is where the person is. */}
      <h3 class="app-wish-title h5" id={`wish-${w.openingId}`} tabindex={-1}>
        {t('wishes.rank', { rank: w.rank })} <a href={`/openings/${w.openingId}`}>{w.openingTitle}</a>{' '}
        <span class="app-wish-company">· {w.companyName}</span>
        {!w.published && <span> · {t('wishes.unpublished')}</span>}
      </h3>
      {seats && w.published && <p class="form-hint">{seatsText(t, page.locale, seats.free, seats.seats)}</p>}
      <div class="app-actions">
        {!first && move('up', t('wishes.move_up'))}
        {!last && move('down', t('wishes.move_down'))}
        <form method="post" action={`/me/wishes/${w.openingId}/remove`} class="app-inline-form">
          <CsrfField token={page.csrfToken} />
          <button class="button button-tertiary button-small" type="submit" aria-label={`${t('wishes.remove')}: ${name}`}>
            {t('wishes.remove')}
          </button>
        </form>
      </div>
      <form method="post" action={`/me/wishes/${w.openingId}/reason`} class="app-narrow-form" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`form-group${error ? ' form-error' : ''}`}>
          <label class="form-label" for={id}>
            {t('wishes.reason_label', { opening: name })}
          </label>
          <span class="form-hint" id={`${id}-hint`}>
            {t('wishes.reason_hint')}
          </span>
          {error && (
            <span class="form-error-message" id={`${id}-error`}>
              {t(error as Key)}
            </span>
          )}
          <textarea
            class="form-input"
            id={id}
            name="reason"
            rows={2}
            maxLength={300}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          >
            {form.values[id] ?? w.reason}
          </textarea>
        </div>
        <button class="button button-secondary button-small" type="submit">
          {t('wishes.save_reason')}
        </button>
      </form>
    </li>
  );
}

export function MyWishesView(props: {
  page: PageContext;
  wishes: WishView[];
  limit: number;
  placements: MyPlacement[];
  invitations: (DirectInvitation & { companyName: string; openingTitle: string | null })[];
  events: MyEvent[];
  form: FormState;
  /** Seats and free seats today, per wished opening. */
  seats?: Map<string, { free: number; seats: number }>;
}) {
  const { page, wishes, limit, placements, invitations, events, form } = props;
  const { t } = page;
  const labels = Object.fromEntries(wishes.map((w) => [`reason-${w.openingId}`, w.openingTitle]));
  return (
    <>
      <h1>{t('wishes.title')}</h1>
      <p class="font-lead">{t('wishes.lead')}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      {placements.length > 0 && (
        <section aria-labelledby="placements-heading">
          <h2 id="placements-heading">{t('wishes.placements')}</h2>
          {placements.slice(0, 1).map((p) => (
            <PlacementCard page={page} p={p} />
          ))}
        </section>
      )}
      <MyEvents page={page} events={events} />
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('wishes.list', { count: wishes.length, limit })}</h2>
        {wishes.length ? (
          <ol class="app-wishes nobullet-list">
            {wishes.map((w, i) => (
              <WishItem
                page={page}
                w={w}
                first={i === 0}
                last={i === wishes.length - 1}
                form={form}
                seats={props.seats?.get(w.openingId)}
              />
            ))}
          </ol>
        ) : (
          <p>{t('wishes.empty')}</p>
        )}
        <p>
          <a href="/openings">{t('wishes.find_more')}</a>
        </p>
      </section>
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t('wishes.invitations')}</h2>
          <ul>
            {invitations.map((i) => (
              <li>
                {t('wishes.invitation', {
                  company: i.companyName,
                  when: formatDateTime(page.locale, i.at),
                  channel: t(`wishes.channel.${i.channel}` as Key),
                })}
                {i.openingId && (
                  <>
                    {' '}
                    <a href={`/openings/${i.openingId}`}>{i.openingTitle}</a>
                  </>
                )}
                {i.message && <span class="app-prose"> “{i.message}”</span>}
              </li>
            ))}
          </ul>
          <p>{t('wishes.invitations_hint')}</p>
        </section>
      )}
    </>
  );
}

/** On an opening's page: the young person's "I'd like to try working here". */
export function WishButton({ page, openingId, wished }: { page: PageContext; openingId: string; wished: boolean }) {
  const { t } = page;
  if (wished)
    return (
      <p>
        {t('wishes.on_list')} <a href="/me/wishes">{t('wishes.see_list')}</a>
      </p>
    );
  return (
    <form method="post" action="/me/wishes" class="app-narrow-form">
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="openingId" value={openingId} />
      <button class="button button-primary" type="submit">
        {t('wishes.add')}
      </button>
    </form>
  );
}
