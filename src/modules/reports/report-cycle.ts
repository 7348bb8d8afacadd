import { addDays, daysBetween } from '../../platform/dates.ts';
import type { Assessment } from '../movement/movement.repository.ts';
import { dimensions } from '../movement/movement.values.ts';
import type { ReportFacts } from './reports.schema.ts';

/** A report covers six weeks. */
export const PERIOD_DAYS = 42;

export interface Period {
  start: string;
  end: string;
}

/**
 * The latest 6-week period, counted from `anchor` (the day the young person was referred), that
 * has ended before `today`; null while the first is still running. Periods follow each other
 * without gaps: [anchor, anchor + 41], [anchor + 42, anchor + 83], …
 */
export function lastEndedPeriod(anchor: string, today: string): Period | null {
  const days = daysBetween(anchor, today);
  if (days < PERIOD_DAYS) return null;
  const index = Math.floor(days / PERIOD_DAYS) - 1;
  return { start: addDays(anchor, index * PERIOD_DAYS), end: addDays(anchor, index * PERIOD_DAYS + PERIOD_DAYS - 1) };
}

/** The five movements over a period: the counsellor's first and latest score with the latest words, and the young person's latest. */
export function movementsOver(assessments: readonly Assessment[]): ReportFacts['movements'] {
  const counsellor = assessments.filter((a) => a.source === 'counsellor');
  const own = assessments.filter((a) => a.source === 'youth').at(-1);
  const first = counsellor[0];
  const last = counsellor.at(-1);
  return dimensions.map((dimension) => ({
    dimension,
    from: first?.scores[dimension] ?? null,
    to: last?.scores[dimension] ?? null,
    youthTo: own?.scores[dimension] ?? null,
    reason: last?.reasons[dimension] ?? '',
  }));
}
