import { type Translate, formatDay, formatNumber, formatPercent } from '../../platform/i18n/i18n.ts';
import { DataTable } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { ProtectedCell } from './suppression.ts';
import { monthlyChart } from './united.chart.ts';
import type { MonthlyTable, ProgrammeOverview, SummaryRow } from './united.service.ts';

type Key = Parameters<Translate>[0];

/** A protected count as text: "<5" for 1–4, "x" for a cell hidden so that a small one cannot be computed. */
export function cellText(c: ProtectedCell, locale: PageContext['locale']): string {
  if (c.hidden === 'small') return '<5';
  if (c.hidden === 'complementary') return 'x';
  return formatNumber(locale, c.value, 0);
}

/** "december 2026" ("December 2026"). */
export function monthName(locale: PageContext['locale'], month: string): string {
  const f = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return f.format(new Date(`${month}-01T00:00:00Z`));
}

const shareText = (locale: PageContext['locale'], share: number | null) => (share === null ? '–' : formatPercent(locale, share, 0));
const daysText = (locale: PageContext['locale'], days: number | null) => (days === null ? '–' : formatNumber(locale, days, 1));

/** The side-by-side table's columns: header key and the cell's text. */
export const summaryColumns: { key: Key; text: (r: SummaryRow, locale: PageContext['locale'], t: Translate) => string }[] = [
  { key: 'united.col.in_network', text: (r, l, t) => t('united.of', { value: cellText(r.inNetwork, l), target: r.capacity }) },
  { key: 'united.col.referred', text: (r, l) => cellText(r.referred, l) },
  {
    key: 'united.col.referred_total',
    text: (r, l, t) => t('united.of', { value: cellText(r.referredTotal, l), target: r.referralTarget }),
  },
  { key: 'united.col.companies', text: (r, l, t) => t('united.of', { value: cellText(r.activeCompanies, l), target: r.companyTarget }) },
  { key: 'united.col.started', text: (r, l) => cellText(r.started, l) },
  { key: 'united.col.within_rule', text: (r, l) => shareText(l, r.withinRule) },
  { key: 'united.col.median_days', text: (r, l) => daysText(l, r.medianDays) },
  { key: 'united.col.attendance', text: (r, l) => shareText(l, r.attendance) },
  { key: 'united.col.extensions', text: (r, l) => cellText(r.extensions, l) },
  { key: 'united.col.rotations', text: (r, l) => cellText(r.rotations, l) },
  { key: 'united.col.followed6', text: (r, l) => cellText(r.followed6, l) },
  { key: 'united.col.retention6', text: (r, l) => shareText(l, r.retention6) },
];

function Monthly({
  page,
  o,
  table,
  title,
  id,
}: {
  page: PageContext;
  o: ProgrammeOverview;
  table: MonthlyTable;
  title: string;
  id: string;
}) {
  const { t, locale } = page;
  const names = o.municipalities.map((m) => m.name);
  const monthLabel = (month: string) => monthName(locale, month);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <figure>
        <div dangerouslySetInnerHTML={{ __html: monthlyChart(table, names, locale, t('united.chart_label', { title })) }} />
        <figcaption>
          <ul class="nobullet-list">
            {names.map((name, j) => (
              <li>{t('united.series', { name, line: t(`united.line.${j % 5}` as Key) })}</li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <DataTable label={title} headers={[t('united.month'), ...names, t('united.total')]} compact>
        {table.rows.map((r) => (
          <tr>
            <th scope="row">{monthLabel(r.month)}</th>
            {r.cells.map((c) => (
              <td>{cellText(c, locale)}</td>
            ))}
            <td>{cellText(r.total, locale)}</td>
          </tr>
        ))}
        {table.totals && (
          <tr>
            <th scope="row">{t('united.twelve_months')}</th>
            {table.totals.map((c) => (
              <td>{cellText(c, locale)}</td>
            ))}
            <td>{table.total ? cellText(table.total, locale) : ''}</td>
          </tr>
        )}
      </DataTable>
    </section>
  );
}

/** The programme overview: counts and rates only, never a person (#16, decision 0029). */
export function ProgrammeOverviewView({ page, o, csvHref }: { page: PageContext; o: ProgrammeOverview; csvHref: string }) {
  const { t, locale } = page;
  return (
    <>
      <h1>{t('united.title')}</h1>
      <p class="font-lead">
        {o.scope === 'programme'
          ? t('united.intro_programme', { from: formatDay(locale, o.from), to: formatDay(locale, o.asOf) })
          : t('united.intro_municipality', {
              name: o.municipalities[0]?.name ?? '',
              from: formatDay(locale, o.from),
              to: formatDay(locale, o.asOf),
            })}
      </p>
      <p>{t('united.protection')}</p>
      <p>
        <a href={csvHref}>{t('united.csv')}</a>
      </p>
      <h2 id="side-by-side">{t('united.side_by_side')}</h2>
      <DataTable label={t('united.side_by_side')} headers={[t('united.municipality'), ...summaryColumns.map((c) => t(c.key))]} compact>
        {o.summary.rows.map((r) => (
          <tr>
            <th scope="row">{r.name}</th>
            {summaryColumns.map((c) => (
              <td>{c.text(r, locale, t)}</td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">{t('united.total')}</th>
          {summaryColumns.map((c) => (
            <td>{c.text(o.summary.total, locale, t)}</td>
          ))}
        </tr>
      </DataTable>
      <p>{t('united.cvr', { value: cellText(o.distinctCvr, locale), target: o.cvrTarget })}</p>
      <h2 id="exits">{t('united.exits')}</h2>
      <DataTable
        label={t('united.exits')}
        headers={[t('united.municipality'), ...o.exitKinds.map((k) => t(`youth.end.${k}` as Key)), t('united.total')]}
        compact
      >
        {o.exits.rows.map((r, i) => (
          <tr>
            <th scope="row">{o.municipalities[i]!.name}</th>
            {r.cells.map((c) => (
              <td>{cellText(c, locale)}</td>
            ))}
            <td>{cellText(r.total, locale)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('united.total')}</th>
          {o.exits.totals.map((c) => (
            <td>{cellText(c, locale)}</td>
          ))}
          <td>{cellText(o.exits.total, locale)}</td>
        </tr>
      </DataTable>
      <h2>{t('united.over_time')}</h2>
      <Monthly page={page} o={o} table={o.monthly.inNetwork} title={t('united.monthly.in_network')} id="monthly-in-network" />
      <Monthly page={page} o={o} table={o.monthly.referred} title={t('united.monthly.referred')} id="monthly-referred" />
      <Monthly page={page} o={o} table={o.monthly.started} title={t('united.monthly.started')} id="monthly-started" />
    </>
  );
}
