import { Plot, renderChart } from '../../platform/charts/plot.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { MonthlyTable } from './united.service.ts';

/** Dark enough for 3:1 against white (WCAG 1.4.11); the series also differ by dash and marker. */
const COLOURS = ['#004993', '#8a3b00', '#2d6b22', '#6b2d6b', '#5a5a5a'];
const DASHES = ['none', '5 3', '2 2', '8 3 2 3', '1 3'];
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

/**
 * A monthly table as lines, one per municipality: a hidden (protected) month is a gap, never a
 * number. The page shows the same table beside it.
 */
export function monthlyChart(table: MonthlyTable, names: readonly string[], locale: Locale, label: string): string {
  const format = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  const points = names.flatMap((name, j) =>
    table.rows.map((r) => ({
      name,
      month: new Date(`${r.month}-01T00:00:00Z`),
      value: r.cells[j]!.hidden ? Number.NaN : r.cells[j]!.value,
    })),
  );
  const months = table.rows.map((r) => new Date(`${r.month}-01T00:00:00Z`));
  return renderChart({
    ariaLabel: label,
    width: 640,
    height: 220,
    marginLeft: 36,
    marginRight: 16,
    x: { type: 'utc', label: null, ticks: months.filter((_, i) => i % 2 === 0), tickFormat: (d: Date) => format.format(d) },
    // An explicit domain: a table of zeros (or all hidden) would leave Plot without a scale.
    y: { grid: true, label: null, domain: [0, Math.max(5, ...points.map((p) => (Number.isNaN(p.value) ? 0 : p.value)))], nice: true },
    color: { domain: [...names], range: COLOURS.slice(0, Math.max(1, names.length)) },
    marks: names.flatMap((name, j) => {
      const series = points.filter((p) => p.name === name);
      const c = COLOURS[j % COLOURS.length]!;
      return [
        Plot.lineY(series, { x: 'month', y: 'value', stroke: c, strokeWidth: 2, strokeDasharray: DASHES[j % DASHES.length] }),
        Plot.dot(series, { x: 'month', y: 'value', fill: c, symbol: SYMBOLS[j % SYMBOLS.length], r: 3.5 }),
      ];
    }),
  });
}
