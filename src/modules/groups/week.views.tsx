import { formatDateTime, type Translate } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page.ts';
import { flagText } from '../internships/internships.views.tsx';
import type { CounsellorWeekService } from './week.service.ts';

type Key = Parameters<Translate>[0];
type Week = Awaited<ReturnType<CounsellorWeekService['week']>>;

/** The counsellor's week: who to call first. */
export function WeekView({ page, data }: { page: PageContext; data: Week }) {
  const { t } = page;
  return (
    <>
      <h1>{t('week.title')}</h1>
      <p class="font-lead">{t('week.lead')}</p>
      <section aria-labelledby="week-today">
        <h2 id="week-today">{t('week.today')}</h2>
        {data.today.length ? (
          <ul>
            {data.today.map((g) => (
              <li>
                <a href={`/groups/${g.id}`}>{g.name}</a> · {g.meetsAt} · {g.meetsPlace}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('week.today_none')}</p>
        )}
      </section>
      <section aria-labelledby="week-missed">
        <h2 id="week-missed">{t('week.missed')}</h2>
        {data.missed.length ? (
          <ul>
            {data.missed.map((m) => (
              <li>
                <a href={`/youth/${m.youthId}`}>
                  {m.firstName} {m.lastName}
                </a>{' '}
                · <a href={`/groups/${m.groupId}`}>{m.groupName}</a> · {m.heldOn} · {t(`groups.attendance.${m.status}` as Key)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('week.none')}</p>
        )}
      </section>
      <section aria-labelledby="week-flags">
        <h2 id="week-flags">{t('week.flags')}</h2>
        {data.flags.length ? (
          <ul>
            {data.flags.map((f) => (
              <li>
                <a href={`/youth/${f.youthId}`}>{f.youthName}</a>: {f.reasons.map((r) => flagText(t, r)).join(' · ')}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('week.none')}</p>
        )}
      </section>
      <section aria-labelledby="week-looking">
        <h2 id="week-looking">{t('week.looking')}</h2>
        {data.looking.length ? (
          <ul>
            {data.looking.map((y) => (
              <li>
                <a href={`/youth/${y.id}`}>{y.name}</a> · {t('week.since', { at: formatDateTime(page.locale, y.since) })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('week.none')}</p>
        )}
      </section>
      {data.reportsDue && (
        <section aria-labelledby="week-reports">
          <h2 id="week-reports">{t('week.reports')}</h2>
          {data.reportsDue.length ? (
            <ul>
              {data.reportsDue.map((r) => (
                <li>
                  <a href={`/reports/${r.id}`}>{r.name}</a> · {t('week.report_period', { end: r.periodEnd })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('week.none')}</p>
          )}
        </section>
      )}
    </>
  );
}
