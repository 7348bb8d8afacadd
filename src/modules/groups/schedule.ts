import type { CalendarEvent } from '../../platform/calendar/ics.ts';
import { addDays, localInstant } from '../../platform/dates.ts';

/** A session lasts this long in the calendar. */
export const SESSION_MINUTES = 90;

export interface Schedule {
  id: string;
  name: string;
  meetsWeekday: number | null;
  meetsAt: string | null;
  meetsPlace: string;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The group's next weekly meetings from `today` (included), as calendar events in real instants. */
export function upcomingMeetings(g: Schedule, today: string, count: number, title: string): CalendarEvent[] {
  if (!g.meetsWeekday || !g.meetsAt) return [];
  const first = addDays(today, (g.meetsWeekday - isoWeekday(today) + 7) % 7);
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(first, i * 7);
    const start = localInstant(date, g.meetsAt!);
    return {
      uid: `group-${g.id}-${date}@nextwork`,
      title,
      location: g.meetsPlace || undefined,
      start,
      end: new Date(start.getTime() + SESSION_MINUTES * 60_000),
    };
  });
}
