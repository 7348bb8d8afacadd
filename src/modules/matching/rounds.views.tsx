import { type Locale, type Translate, formatDateTime, formatPercent } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { EventSummary } from './events.repository.ts';
import { EventsList, when } from './events.views.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { WishExplanation } from './explain.ts';
import type { PlacementView, Round } from './matching.repository.ts';
import type { RoundReport } from './rounds.service.ts';
import { Explanation } from './wishes.views.tsx';

type Key = Parameters<Translate>[0];
const percent = (locale: Locale, share: number) => formatPercent(locale, share, 0);

export function MatchingOverview(props: {
  page: PageContext;
  m: string;
  data: { rounds: (Round & { runByName: string | null })[]; wishes: number; youthWithWishes: number; unanswered: number };
  events: EventSummary[];
  canRun: boolean;
  form: FormState;
}) {
  const { page, m, data, events, canRun, form } = props;
  const { t } = page;
  return (
    <>
      <h1>{t('rounds.title')}</h1>
      <p class="font-lead">{t('rounds.lead')}</p>
      <ul class="nobullet-list app-cards">
        <li class="app-card">
          <h2 class="h4">{t('rounds.youth_with_wishes')}</h2>
          <p class="app-figure">{data.youthWithWishes}</p>
          <p>{t('rounds.wishes_count', { count: data.wishes })}</p>
        </li>
        <li class="app-card">
          <h2 class="h4">{t('rounds.unanswered')}</h2>
          <p class="app-figure">{data.unanswered}</p>
          <p>{t('rounds.unanswered_hint')}</p>
        </li>
      </ul>
      <h2>{t('events.heading')}</h2>
      {canRun && (
        <p>
          <a class="button button-secondary" href={`/matching/events/new?m=${m}`}>
            {t('events.new')}
          </a>
        </p>
      )}
      <EventsList page={page} events={events} />
      {canRun && (
        <form method="post" action={`/matching/rounds?m=${m}`} class="app-narrow-form" novalidate>
          <h2>{t('rounds.run_heading')}</h2>
          <p>{t('rounds.run_hint')}</p>
          <ErrorSummary t={t} form={form} labels={{ seed: t('rounds.seed'), eventId: t('rounds.event') }} />
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={form}
            name="eventId"
            label={t('rounds.event')}
            hint={t('rounds.event_hint')}
            emptyLabel={t('rounds.all_municipality')}
            options={events.map((e) => ({ value: e.id, label: `${e.title} (${when(page, e)})` }))}
          />
          <TextField t={t} form={form} name="seed" label={t('rounds.seed')} hint={t('rounds.seed_hint')} inputmode="numeric" />
          <button class="button button-primary" type="submit">
            {t('rounds.run')}
          </button>
        </form>
      )}
      <h2>{t('rounds.history')}</h2>
      {data.rounds.length ? (
        <DataTable
          label={t('rounds.history')}
          headers={[t('rounds.run_at'), t('rounds.status_header'), t('rounds.placed'), t('rounds.first_wish'), t('rounds.run_by')]}
        >
          {data.rounds.map((r) => (
            <tr>
              <td>
                <a href={`/matching/rounds/${r.id}`}>{formatDateTime(page.locale, r.runAt)}</a>
              </td>
              <td>{t(`rounds.status.${r.status}` as Key)}</td>
              <td>
                {r.stats.matched} / {r.stats.youth}
              </td>
              <td>{r.stats.firstChoice}</td>
              <td>{r.runByName ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('rounds.none')}</p>
      )}
    </>
  );
}

function Report({ t, locale, report }: { t: Translate; locale: Locale; report: RoundReport }) {
  return (
    <>
      <ul class="nobullet-list app-cards">
        <li class="app-card">
          <h2 class="h4">{t('rounds.placed')}</h2>
          <p class="app-figure">{percent(locale, report.placedShare)}</p>
          <p>{t('rounds.placed_detail', { placed: report.placed, youth: report.youth })}</p>
        </li>
        <li class="app-card">
          <h2 class="h4">{t('rounds.first_wish')}</h2>
          <p class="app-figure">{percent(locale, report.firstWishShare)}</p>
          <p>{t('rounds.first_wish_detail', { count: report.firstWish })}</p>
        </li>
        <li class="app-card">
          <h2 class="h4">{t('rounds.seats_free')}</h2>
          <p class="app-figure">{report.seatsFree}</p>
          <p>{t('rounds.seats_detail', { seats: report.seats, openings: report.openingsLeftFree.length })}</p>
        </li>
      </ul>
      <h2>{t('rounds.rank_distribution')}</h2>
      <DataTable label={t('rounds.rank_distribution')} headers={[t('rounds.wish'), t('rounds.young_people')]} compact>
        {report.rankDistribution.map((n, i) => (
          <tr>
            <td>{t('rounds.wish_n', { rank: i + 1 })}</td>
            <td>{n}</td>
          </tr>
        ))}
        <tr>
          <td>{t('rounds.not_placed')}</td>
          <td>{report.youth - report.placed}</td>
        </tr>
      </DataTable>
      <p>{t('rounds.decisions', { accepted: report.accepted, declined: report.declined, waiting: report.waiting })}</p>
    </>
  );
}

export function RoundPage(props: {
  page: PageContext;
  round: Round & { runByName: string | null };
  placements: (PlacementView & { explanation: WishExplanation[] })[];
  report: RoundReport;
  titles: Record<string, string>;
  canRun: boolean;
}) {
  const { page, round, placements, report, titles, canRun } = props;
  const { t } = page;
  const button = (action: 'publish' | 'discard', primary: boolean) => (
    <form method="post" action={`/matching/rounds/${round.id}/${action}`} class="app-inline-form">
      <CsrfField token={page.csrfToken} />
      <button class={`button ${primary ? 'button-primary' : 'button-secondary'}`} type="submit">
        {t(`rounds.${action}` as Key)}
      </button>
    </form>
  );
  return (
    <>
      <h1>{t('rounds.round_title', { when: formatDateTime(page.locale, round.runAt) })}</h1>
      <p class="font-lead">
        {t(`rounds.status.${round.status}` as Key)} · {t('rounds.run_by_line', { name: round.runByName ?? '', seed: round.seed })}
      </p>
      {round.status === 'proposed' && canRun && (
        <div class="app-actions">
          <p>{t('rounds.review_hint')}</p>
          {button('publish', true)}
          {button('discard', false)}
        </div>
      )}
      <Report t={t} locale={page.locale} report={report} />
      <h2>{t('rounds.placements')}</h2>
      <DataTable
        label={t('rounds.placements')}
        headers={[t('rounds.young_person'), t('rounds.placement'), t('rounds.wish'), t('rounds.status_header')]}
      >
        {placements.map((p) => (
          <tr>
            <td>
              <a href={`/youth/${p.youthId}`}>
                {p.youthFirstName} {p.youthLastName}
              </a>
            </td>
            <td>
              {p.openingId ? `${p.openingTitle}, ${p.companyName}` : t('rounds.not_placed')}
              <Explanation t={t} items={p.explanation} titles={titles} />
            </td>
            <td>{p.wishRank ?? '–'}</td>
            <td>{t(`rounds.placement_status.${p.status}` as Key)}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        <a href={`/matching?m=${round.municipalityId}`}>{t('rounds.back')}</a>
      </p>
    </>
  );
}
