import { toCsv } from '../../platform/csv.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import type { ProgrammeOverview } from './united.service.ts';
import { cellText, monthName, summaryColumns } from './united.views.tsx';

type Key = Parameters<Translate>[0];

/**
 * The overview as CSV, exactly as the page shows it (the same protected cells: "<5", "x"): one
 * line per published cell — table, row, column, value.
 */
export function overviewCsv(o: ProgrammeOverview, t: Translate, locale: Locale): string {
  const rows: string[][] = [];
  const total = t('united.total');
  const side = t('united.side_by_side');
  for (const r of [...o.summary.rows, { ...o.summary.total, name: total }])
    for (const c of summaryColumns) rows.push([side, r.name, t(c.key), c.text(r, locale, t)]);
  rows.push([side, total, t('united.cvr_column'), t('united.of', { value: cellText(o.distinctCvr, locale), target: o.cvrTarget })]);
  const exits = t('united.exits');
  const kinds = [...o.exitKinds.map((k) => t(`youth.end.${k}` as Key)), total];
  o.exits.rows.forEach((r, i) =>
    [...r.cells, r.total].forEach((c, k) => rows.push([exits, o.municipalities[i]!.name, kinds[k]!, cellText(c, locale)])),
  );
  [...o.exits.totals, o.exits.total].forEach((c, k) => rows.push([exits, total, kinds[k]!, cellText(c, locale)]));
  const names = [...o.municipalities.map((m) => m.name), total];
  const monthly = [
    [t('united.monthly.in_network'), o.monthly.inNetwork],
    [t('united.monthly.referred'), o.monthly.referred],
    [t('united.monthly.started'), o.monthly.started],
  ] as const;
  for (const [title, table] of monthly) {
    for (const r of table.rows)
      [...r.cells, r.total].forEach((c, j) => rows.push([title, monthName(locale, r.month), names[j]!, cellText(c, locale)]));
    if (table.totals)
      [...table.totals, ...(table.total ? [table.total] : [])].forEach((c, j) =>
        rows.push([title, t('united.twelve_months'), names[j]!, cellText(c, locale)]),
      );
  }
  return toCsv([t('united.csv_table'), t('united.csv_row'), t('united.csv_column'), t('united.csv_value')], rows);
}
