/**
 * Calendar dates as ISO strings (yyyy-mm-dd), in the municipality's time zone. Pure, so the start
 * clock, weeks and durations are property-tested.
 */
export const TIME_ZONE = 'Europe/Copenhagen';
const DAY_MS = 86_400_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The local calendar date of an instant. */
export function localDate(at: Date): string {
  return dayFormat.format(at);
}

/** The local hour (0–23) of an instant. */
export function localHour(at: Date): number {
  return Number(hourFormat.format(at));
}

const utcDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return iso(utcDay(date) + days * DAY_MS);
}

/** Adds calendar months; the day is clamped to the month's last (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

/** Monday of the ISO week a date falls in. */
export function weekStart(date: string): string {
  const dow = new Date(utcDay(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

export function isIsoDate(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && iso(utcDay(v)) === v;
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks, as R's default (type 7). */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The instant of a local (Europe/Copenhagen) date and time "HH:MM", across summer and winter time. */
export function localInstant(date: string, time: string): Date {
  const [h, mi] = time.split(':').map(Number);
  const wanted = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h, mi);
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - ms;
  };
  let at = wanted - offsetAt(wanted);
  at = wanted - offsetAt(at);
  return new Date(at);
}

/** The local time "HH:MM" of an instant. */
export function localTime(at: Date): string {
  const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
}
