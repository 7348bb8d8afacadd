/**
 * Danish CPR numbers: DDMMYY-SSSS. The date part must be a real date; the 7th digit and the year
 * give the century. No modulus-11 check: numbers issued since 2007 need not satisfy it.
 */
export interface Cpr {
  /** Ten digits, no dash. */
  digits: string;
  birthDate: Date;
}

export function parseCpr(input: string): Cpr | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/.exec(input.trim());
  if (!m) return undefined;
  const [, dd, mm, yy, serial] = m as unknown as [string, string, string, string, string];
  const year2 = Number(yy);
  const s = Number(serial[0]);
  let century: number;
  if (s <= 3) century = 1900;
  else if (s === 4 || s === 9) century = year2 <= 36 ? 2000 : 1900;
  else century = year2 <= 57 ? 2000 : 1800;
  const year = century + year2;
  const birthDate = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (birthDate.getUTCFullYear() !== year || birthDate.getUTCMonth() !== Number(mm) - 1 || birthDate.getUTCDate() !== Number(dd)) {
    return undefined;
  }
  return { digits: `${dd}${mm}${yy}${serial}`, birthDate };
}

/** Whole years of age on a day. */
export function ageOn(birthDate: Date, on: Date): number {
  let age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

/** Shown masked everywhere: the date part only. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-****`;
}
