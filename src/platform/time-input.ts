/**
 * A time of day as people type it — "9.30", "9:30", "9,30", "0930", "930", "9", "kl. 9.30" — read as
 * "HH:MM" (the form the database stores), or null when it is not a time of day (#15).
 */
export function parseClockInput(input: string): string | null {
  const s = input
    .trim()
    .toLowerCase()
    .replace(/^kl\.?\s*/, '');
  const m = /^(\d{1,2})(?:[.:,](\d{2}))?$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
