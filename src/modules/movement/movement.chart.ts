import { Plot, renderChart } from '../../platform/charts/plot.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { Assessment } from './movement.repository.ts';
import type { Dimension } from './movement.values.ts';

/** Dark enough for 3:1 against white (WCAG 1.4.11); the two series also differ by line and marker. */
export const SERIES_COLOURS = { counsellor: '#004993', youth: '#8a3b00' } as const;

/**
 * One movement over time as an accessible SVG: the counsellor's scores as a solid line with dots,
 * the young person's own as a dashed line with squares. The label says the first and latest
 * score; the page shows every number in a table.
 */
export function movementChart(dimension: Dimension, assessments: readonly Assessment[], locale: Locale, label: string): string {
  const points = (source: Assessment['source']) =>
    assessments
      .filter((a) => a.source === source)
      .map((a) => ({ date: new Date(`${a.assessedOn}T00:00:00Z`), score: a.scores[dimension] }));
  const counsellor = points('counsellor');
  const youth = points('youth');
  const days = [...new Set(assessments.map((a) => a.assessedOn))].map((d) => new Date(`${d}T00:00:00Z`));
  const format = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const x = 'date';
  const y = 'score';
  return renderChart({
    ariaLabel: label,
    width: 320,
    height: 170,
    marginLeft: 28,
    marginRight: 16,
    x: { type: 'utc', label: null, ticks: days.length <= 4 ? days : 4, tickFormat: (d: Date) => format.format(d), inset: 12 },
    y: { domain: [1, 10], ticks: [1, 4, 7, 10], grid: true, label: null },
    marks: [
      Plot.lineY(counsellor, { x, y, stroke: SERIES_COLOURS.counsellor, strokeWidth: 2 }),
      Plot.dot(counsellor, { x, y, fill: SERIES_COLOURS.counsellor, r: 4 }),
      Plot.lineY(youth, { x, y, stroke: SERIES_COLOURS.youth, strokeWidth: 2, strokeDasharray: '5 3' }),
      Plot.dot(youth, { x, y, symbol: 'square', stroke: SERIES_COLOURS.youth, fill: 'white', strokeWidth: 2, r: 4 }),
    ],
  });
}
