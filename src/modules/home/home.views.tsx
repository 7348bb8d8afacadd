import { type MessageKey, formatClock, formatDay, plural } from '../../platform/i18n/i18n.ts';
import { localDate, localTime } from '../../platform/dates.ts';
import type { NavItem, PageContext } from '../../platform/views/page.ts';
import { seatsText } from '../offers/seats.ts';
import type { HomeItem, HomeItemKind } from './home.service.ts';

/** Kinds whose text depends on a count: `home.item.<kind>.one` / `.other`. */
const counted = new Set<HomeItemKind>([
  'next_wait',
  'unread_messages',
  'wishes_waiting',
  'offers_open',
  'placements_open',
  'referred_waiting',
  'clock_near',
  'approval_waiting',
  'approval_overdue',
]);

/** "fredag 11. december kl. 9.30": a moment as Danes write it. */
export function formatWhen(page: PageContext, at: Date): string {
  return page.t('home.when', { date: formatDay(page.locale, localDate(at)), time: formatClock(page.locale, localTime(at)) });
}

function itemText(page: PageContext, x: HomeItem): string {
  const { t, locale } = page;
  const params: Record<string, string | number> = { ...x.params };
  if (x.due) params.date = formatDay(locale, x.due);
  if (x.at) params.when = formatWhen(page, x.at);
  if (x.kind === 'free_seats') params.seatsText = seatsText(t, locale, Number(x.params?.free), Number(x.params?.seats));
  const key = counted.has(x.kind) ? `home.item.${x.kind}.${plural(locale, Number(x.params?.count ?? 0))}` : `home.item.${x.kind}`;
  return t(key as MessageKey, params);
}

/** "What needs me now": most urgent first, each one tap from where it is done (GOV.UK task list). */
export function NeedsMeNow({ page, items }: { page: PageContext; items: HomeItem[] }) {
  const { t } = page;
  return (
    <section aria-labelledby="needs-title" class="app-needs">
      <h2 id="needs-title">{t('home.needs_title')}</h2>
      {items.length === 0 ? (
        <p>{t('home.nothing')}</p>
      ) : (
        <ul class="nobullet-list app-needs-list">
          {items.map((x) => (
            <li class={`app-needs-item${x.urgent ? ' app-needs-urgent' : ''}`}>
              {x.urgent && <strong class="app-tag">{t('home.urgent')}</strong>}
              <a href={x.href}>{itemText(page, x)}</a>
              {x.calendar && (
                <>
                  {' '}
                  · <a href={x.calendar}>{t('home.calendar')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** For roles without a list of their own: what the role does here, and its pages. */
export function RolePages({ page, roles, links }: { page: PageContext; roles: string[]; links: NavItem[] }) {
  const { t } = page;
  const known = roles.filter((r) => `home.role.${r}` in roleKeys);
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">{t('home.roles_title')}</h2>
      {(known.length ? known : ['other']).map((r) => (
        <p>{t(`home.role.${r}` as MessageKey)}</p>
      ))}
      <ul class="nobullet-list app-cards">
        {links.map((l) => (
          <li class="app-card">
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const roleKeys: Record<string, true> = Object.fromEntries(
  [
    'caseworker',
    'programme_lead',
    'labour_market_leader',
    'researcher',
    'education_contact',
    'ngo_coordinator',
    'municipality_admin',
    'system_admin',
    'psychologist',
  ].map((r) => [`home.role.${r}`, true]),
);
