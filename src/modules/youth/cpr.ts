import { invalid } from '../../platform/errors.ts';

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

/** NExTWORK is for young people aged 18–29 (on the day of referral). */
export const AGE_RANGE = { min: 18, max: 29 } as const;

/**
 * Refuses a person outside the age range, naming the birth date the CPR number gives, so a mistyped
 * number shows itself ("Personen er født 3. maj 1990 og er 36 år", #15).
 */
export function requireAgeInRange(cpr: Cpr, on: string): number {
  const age = ageOn(cpr.birthDate, new Date(`${on}T12:00:00Z`));
  if (age < AGE_RANGE.min || age > AGE_RANGE.max) {
    throw invalid({ cpr: 'errors.youth_age_born' }, 'errors.youth_age_born', {
      born: cpr.birthDate.toISOString().slice(0, 10),
      age,
      ...AGE_RANGE,
    });
  }
  return age;
}

/** Shown masked everywhere: the date part only. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-****`;
}

/**
 * A CPR number that is consistent in every part a person can check: the birth date, the century
 * digit for its year, and the last digit's parity for the sex (odd for men, even for women).
 * `serial` gives the three free digits and the parity choice for `other`; used for made-up people.
 */
export function cprFor(birthDate: Date, sex: 'female' | 'male' | 'other', serial: number): string {
  const year = birthDate.getUTCFullYear();
  const yy = year % 100;
  if (year < 1937 || year > 2036) throw new RangeError(`no CPR century digit covers ${year}`);
  // 0–3 cover 1900–1999; 4 covers 2000–2036 (and 1937–1999).
  const century = year >= 2000 ? 4 : serial % 4;
  const middle = String(Math.floor(serial / 4) % 100).padStart(2, '0');
  const parity = sex === 'male' ? 1 : sex === 'female' ? 0 : serial % 2;
  const last = ((Math.floor(serial / 400) % 5) * 2 + parity) % 10;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(birthDate.getUTCDate())}${two(birthDate.getUTCMonth() + 1)}${two(yy)}${century}${middle}${last}`;
}
