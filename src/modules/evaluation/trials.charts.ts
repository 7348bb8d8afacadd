import { Plot, renderChart } from '../../platform/charts/plot.ts';
import type { HorizonResult } from './analysis.ts';

const COLOURS = { nextwork: '#004993', control: '#8a3b00' } as const;

/** Cumulative enrolment per month by arm: NExTWORK solid, control dashed. */
export function enrolmentChart(rows: { month: string; nextwork: number; control: number }[], label: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  let t = 0;
  let c = 0;
  const points = rows.map((r) => ({ date: new Date(`${r.month}-01T00:00:00Z`), nextwork: (t += r.nextwork), control: (c += r.control) }));
  return renderChart({
    ariaLabel: label,
    width: 640,
    height: 220,
    marginLeft: 40,
    x: { type: 'utc', label: null, ticks: 4, tickFormat: (d: Date) => format.format(d) },
    y: { grid: true, label: null, zero: true },
    marks: [
      Plot.lineY(points, { x: 'date', y: 'nextwork', stroke: COLOURS.nextwork, strokeWidth: 2 }),
      Plot.lineY(points, { x: 'date', y: 'control', stroke: COLOURS.control, strokeWidth: 2, strokeDasharray: '5 3' }),
    ],
  });
}

/** The effect at each horizon in percentage points, with its 95 % interval as a bar through the dot. */
export function estimatesChart(results: HorizonResult[], label: string): string {
  const points = results.flatMap((r) => {
    const e = r.itt ?? r.dim;
    // Where the interval cannot be computed, the dot stands alone (the table says why).
    return e
      ? [{ horizon: `${r.horizon}`, estimate: e.estimate * 100, lo: (e.ciLower ?? e.estimate) * 100, hi: (e.ciUpper ?? e.estimate) * 100 }]
      : [];
  });
  return renderChart({
    ariaLabel: label,
    width: 640,
    height: 240,
    marginLeft: 44,
    x: { domain: results.map((r) => `${r.horizon}`), label: null, padding: 0.5 },
    y: { grid: true, label: null },
    marks: [
      Plot.ruleY([0], { stroke: '#333' }),
      Plot.ruleX(points, { x: 'horizon', y1: 'lo', y2: 'hi', stroke: COLOURS.nextwork, strokeWidth: 3 }),
      Plot.dot(points, { x: 'horizon', y: 'estimate', fill: COLOURS.nextwork, r: 5 }),
    ],
  });
}
