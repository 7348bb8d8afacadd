import { formatPercent } from '../../platform/i18n/i18n.ts';
import type { ComponentChildren } from 'preact';
import type { Membership } from '../../platform/access/policy.ts';
import { Alert } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { TeamDashboard } from './dashboard.service.ts';
import type { TeamOverview } from '../internships/overview.service.ts';
import { ClocksTable, FlagsList } from '../internships/internships.views.tsx';
import type { HomeItem } from '../home/home.service.ts';
import { NeedsMeNow, RolePages } from '../home/home.views.tsx';
import { GettingStarted } from '../home/getting-started.views.tsx';
import type { StartStep } from '../home/getting-started.service.ts';
import type { CaseworkHome } from '../home/casework.ts';
import { CaseworkView } from '../home/casework.views.tsx';
import { MyPeople } from '../youth/my-people.views.tsx';
import type { MyPerson } from '../youth/my-people.service.ts';

export function TeamDashboardView({
  page,
  data,
  choices,
  starts,
  needs,
  gettingStarted,
}: {
  page: PageContext;
  data: TeamDashboard;
  choices: { id: string; name: string }[];
  starts: TeamOverview | null;
  needs: HomeItem[];
  /** A new municipality's first steps, for its leaders, until all are done. */
  gettingStarted?: StartStep[];
}) {
  const { t } = page;
  const m = data.municipality;
  const share = (part: number, all: number) => (all ? formatPercent(page.locale, part / all, 0) : '–');
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p class="font-lead">
        {t('dashboard.hello', { name: page.actor?.name ?? '' })} · {m.name}
      </p>
      {choices.length > 1 && (
        <nav aria-label={t('dashboard.municipality')}>
          <ul class="nobullet-list app-inline-list">
            {choices.map((c) => (
              <li>
                <a href={`/dashboard?m=${c.id}`} aria-current={c.id === m.id ? 'page' : undefined}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {data.capacityReached && (
        <Alert kind="warning" role="status">
          {t('dashboard.capacity_full', { count: data.youth, capacity: m.youthCapacity })}
        </Alert>
      )}
      <NeedsMeNow page={page} items={needs} />
      {gettingStarted && <GettingStarted page={page} steps={gettingStarted} />}
      <h2>{t('dashboard.figures')}</h2>
      <ul class="nobullet-list app-cards">
        <li class="app-card">
          <h3 class="h4">{t('dashboard.youth')}</h3>
          <p class="app-figure">{data.youth}</p>
          <p>{t('dashboard.youth_of', { count: data.youth, capacity: m.youthCapacity })}</p>
        </li>
        <li class="app-card">
          <h3 class="h4">{t('dashboard.companies')}</h3>
          <p class="app-figure">{data.activeCompanies}</p>
          <p>{t('dashboard.companies_of', { count: data.activeCompanies, target: m.companyTarget })}</p>
        </li>
        <li class="app-card">
          <h3 class="h4">{t('dashboard.openings')}</h3>
          <p class="app-figure">{data.publishedOpenings}</p>
          <p>{t('dashboard.seats', { seats: data.seats })}</p>
        </li>
        <li class="app-card">
          <h3 class="h4">{t('dashboard.exits')}</h3>
          <p class="app-figure">{share(data.exits.jobOrEducation, data.exits.all)}</p>
          <p>
            {data.exits.all
              ? t('dashboard.exits_of', { share: share(data.exits.jobOrEducation, data.exits.all), count: data.exits.all })
              : t('dashboard.none_yet')}
          </p>
        </li>
        <li class="app-card">
          <h3 class="h4">{t('dashboard.retention')}</h3>
          <p class="app-figure">{share(data.exits.retained6, data.exits.followed6)}</p>
          <p>
            {data.exits.followed6
              ? t('dashboard.retention_of', { share: share(data.exits.retained6, data.exits.followed6), count: data.exits.followed6 })
              : t('dashboard.none_yet')}
          </p>
        </li>
        <li class="app-card">
          <h3 class="h4">{t('dashboard.team')}</h3>
          <ul class="nobullet-list">
            {data.team.map((r) => (
              <li>
                {t(`role.${r.role}`)}: {r.count}
              </li>
            ))}
          </ul>
        </li>
      </ul>
      {starts && (
        <>
          <h2>{t('dashboard.starts')}</h2>
          <p>
            {t('dashboard.starts_summary', {
              open: starts.openClocks,
              overdue: starts.overdue,
              median: starts.median === null ? '–' : Math.round(starts.median * 10) / 10,
              p90: starts.p90 === null ? '–' : Math.round(starts.p90 * 10) / 10,
            })}
          </p>
          <ClocksTable t={t} o={starts} />
          <h2>{t('internship.flags')}</h2>
          <FlagsList t={t} o={starts} />
          <p>
            <a href={`/internships?m=${m.id}`}>{t('dashboard.all_internships')}</a>
          </p>
        </>
      )}
    </>
  );
}

export function PersonalDashboardView({
  page,
  memberships,
  municipalityNames,
  needs,
  people,
  casework = null,
  education = null,
}: {
  page: PageContext;
  /** The education contact's home: their partnerships and the passports shared with them. */
  education?: ComponentChildren | null;
  memberships: Membership[];
  /** The jobcentre caseworker's home (modules/home); null for other roles. */
  casework?: CaseworkHome | null;
  /** The young person's people (counsellor, consultant, supervisor). */
  people: MyPerson[] | null;
  municipalityNames: Map<string, string>;
  /** The young person's or the company contact's "needs me now"; null for other roles. */
  needs: HomeItem[] | null;
}) {
  const { t } = page;
  const roles = new Set(memberships.map((m) => m.role));
  const intro = roles.has('youth')
    ? t('dashboard.youth_intro')
    : roles.has('company_contact')
      ? t('dashboard.company_intro')
      : casework
        ? t('casework.intro')
        : education
          ? t('home.education_intro')
          : t('dashboard.other_intro');
  return (
    <>
      <h1>{t('dashboard.hello', { name: page.actor?.name ?? '' })}</h1>
      <p class="font-lead">{intro}</p>
      {casework ? (
        <CaseworkView page={page} home={casework} />
      ) : education ? (
        education
      ) : needs ? (
        <>
          <NeedsMeNow page={page} items={needs} />
          {people && people.length > 0 && <MyPeople page={page} people={people} />}
        </>
      ) : (
        <>
          {page.nav.some((n) => n.href === '/programme') && (
            <p>
              <a class="button button-primary" href="/programme">
                {t('united.open')}
              </a>
            </p>
          )}
          <RolePages page={page} roles={[...roles]} links={page.nav.filter((n) => n.href !== '/dashboard' && !n.href.startsWith('/me/'))} />
        </>
      )}
      <h2>{t('dashboard.your_roles')}</h2>
      <ul>
        {memberships.map((m) => (
          <li>
            {t(`role.${m.role}`)} – {m.municipalityId ? (municipalityNames.get(m.municipalityId) ?? '') : t('dashboard.all_municipalities')}
          </li>
        ))}
      </ul>
      {roles.has('youth') && (
        <section aria-labelledby="my-data-title">
          <h2 id="my-data-title">{t('data.home_title')}</h2>
          <p>{t('data.home_lead')}</p>
          <p>
            <a href="/me/data">{t('data.home_link')}</a>
          </p>
        </section>
      )}
    </>
  );
}
