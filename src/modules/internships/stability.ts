import { addDays, daysBetween } from '../../platform/dates.ts';
import type { Attendance } from './internships.schema.ts';
import { weekdays } from './internships.values.ts';

/**
 * The attendance-stability flag: pure rules over a young person's recent feedback and check-ins,
 * so they are property-tested and the reason can always be shown.
 */
export const STABILITY_RULES = {
  /** Absences without notice within this many days … */
  windowDays: 14,
  /** … at least this many raise the flag. */
  absencesWithoutNotice: 2,
  /** Check-ins compared for a falling trend, and the least fall (points, on the mean of the scales). */
  trendCheckins: 3,
  trendDrop: 2,
  /** Only check-ins from the last five weeks count for the trend. */
  checkinWindowDays: 35,
} as const;

export interface FeedbackFacts {
  weekStart: string;
  attendance: Attendance;
  concern: string;
}

export interface CheckinFacts {
  weekStart: string;
  wellbeing: number;
  workplace: number | null;
  network: number;
}

export type FlagReason =
  { kind: 'absences'; count: number } | { kind: 'concern'; weekStart: string } | { kind: 'falling_checkins'; from: number; to: number };

export function checkinMean(c: CheckinFacts): number {
  const scores = [c.wellbeing, c.network, ...(c.workplace === null ? [] : [c.workplace])];
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** The reasons to flag a young person today; empty when nothing is wrong. */
export function stabilityReasons(today: string, feedback: readonly FeedbackFacts[], checkins: readonly CheckinFacts[]): FlagReason[] {
  const reasons: FlagReason[] = [];
  const from = addDays(today, -(STABILITY_RULES.windowDays - 1));
  let absences = 0;
  for (const f of feedback) {
    weekdays.forEach((day, i) => {
      const date = addDays(f.weekStart, i);
      if (f.attendance[day] === 'absent_no_notice' && date >= from && date <= today) absences++;
    });
  }
  if (absences >= STABILITY_RULES.absencesWithoutNotice) reasons.push({ kind: 'absences', count: absences });

  const concerns = feedback.filter((f) => f.concern.trim() && daysBetween(f.weekStart, today) < STABILITY_RULES.windowDays + 7);
  const latestConcern = concerns
    .map((f) => f.weekStart)
    .sort()
    .at(-1);
  if (latestConcern) reasons.push({ kind: 'concern', weekStart: latestConcern });

  const recent = [...checkins]
    .filter((c) => c.weekStart <= today && daysBetween(c.weekStart, today) < STABILITY_RULES.checkinWindowDays)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .slice(-STABILITY_RULES.trendCheckins);
  if (recent.length === STABILITY_RULES.trendCheckins) {
    const means = recent.map(checkinMean);
    const falling = means.every((m, i) => i === 0 || m < means[i - 1]!);
    if (falling && means[0]! - means.at(-1)! >= STABILITY_RULES.trendDrop) {
      reasons.push({ kind: 'falling_checkins', from: round1(means[0]!), to: round1(means.at(-1)!) });
    }
  }
  return reasons;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
