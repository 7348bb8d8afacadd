import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, cprFor, maskCpr, parseCpr } from '../../src/modules/youth/cpr.ts';
import { Sealer } from '../../src/platform/crypto/sealed.ts';

describe('CPR numbers', () => {
  it('makes CPR numbers consistent in date, century and sex (the demo’s made-up people)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1937-01-01T00:00:00Z'), max: new Date('2036-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('female' as const, 'male' as const, 'other' as const),
        fc.nat(1_000_000),
        (at, sex, serial) => {
          const birth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
          const digits = cprFor(birth, sex, serial);
          expect(digits).toMatch(/^\d{10}$/);
          expect(parseCpr(digits)?.birthDate).toEqual(birth);
          if (sex !== 'other') expect(Number(digits[9]) % 2).toBe(sex === 'male' ? 1 : 0);
        },
      ),
    );
    expect(cprFor(new Date('2005-06-15T00:00:00Z'), 'female', 0)).toMatch(/^1506054\d\d[02468]$/);
    expect(() => cprFor(new Date('1930-01-01T00:00:00Z'), 'male', 0)).toThrow(RangeError);
  });

  it('spends the serial on the century digit, the two middle digits and the last digit, in that order', () => {
    // serial 1234: century 1234 % 4 = 2, middle ⌊1234 / 4⌋ % 100 = 08, last (⌊1234 / 400⌋ % 5) × 2 + parity = 6 + parity
    expect(cprFor(new Date('1990-03-05T00:00:00Z'), 'male', 1234)).toBe('0503902087');
    expect(cprFor(new Date('1990-03-05T00:00:00Z'), 'female', 1234)).toBe('0503902086');
    expect(cprFor(new Date('1990-03-05T00:00:00Z'), 'other', 1234)).toBe('0503902086');
    expect(cprFor(new Date('1990-03-05T00:00:00Z'), 'other', 1235)).toBe('0503903087');
    expect(cprFor(new Date('2004-11-30T00:00:00Z'), 'female', 1234)).toBe('3011044086');
    // Before 2000 every serial below 2000 gives another number; from 2000 the century digit is always 4.
    const numbers = (born: string) => new Set(Array.from({ length: 2000 }, (_, s) => cprFor(new Date(born), 'female', s))).size;
    expect(numbers('1990-03-05T00:00:00Z')).toBe(2000);
    expect(numbers('2004-11-30T00:00:00Z')).toBe(500);
  });

  it('makes numbers for 1937 to 2036 only, the years one century digit covers', () => {
    expect(cprFor(new Date('1937-01-01T00:00:00Z'), 'male', 3)).toBe('0101373001');
    expect(cprFor(new Date('2036-12-31T00:00:00Z'), 'male', 3)).toBe('3112364001');
    expect(() => cprFor(new Date('1936-12-31T00:00:00Z'), 'male', 0)).toThrow(/no CPR century digit covers 1936/);
    expect(() => cprFor(new Date('2037-01-01T00:00:00Z'), 'male', 0)).toThrow(/no CPR century digit covers 2037/);
  });

  it('accepts valid dates with or without the dash and finds the century', () => {
    expect(parseCpr('010203-1234')?.birthDate.toISOString().slice(0, 10)).toBe('1903-02-01');
    expect(parseCpr('0102031234')?.birthDate.toISOString().slice(0, 10)).toBe('1903-02-01');
    expect(parseCpr('010203-4234')?.birthDate.toISOString().slice(0, 10)).toBe('2003-02-01');
    expect(parseCpr('010260-5234')?.birthDate.toISOString().slice(0, 10)).toBe('1860-02-01');
    expect(parseCpr('290200-4000')?.birthDate.toISOString().slice(0, 10)).toBe('2000-02-29');
  });

  it('finds the century from the 7th digit and the year, at every edge', () => {
    // Year of birth for the 7th digit (rows) and the two-digit year (columns 00, 36, 37, 57, 58, 99).
    const table: Record<number, number[]> = {
      0: [1900, 1936, 1937, 1957, 1958, 1999],
      1: [1900, 1936, 1937, 1957, 1958, 1999],
      2: [1900, 1936, 1937, 1957, 1958, 1999],
      3: [1900, 1936, 1937, 1957, 1958, 1999],
      4: [2000, 2036, 1937, 1957, 1958, 1999],
      5: [2000, 2036, 2037, 2057, 1858, 1899],
      6: [2000, 2036, 2037, 2057, 1858, 1899],
      7: [2000, 2036, 2037, 2057, 1858, 1899],
      8: [2000, 2036, 2037, 2057, 1858, 1899],
      9: [2000, 2036, 1937, 1957, 1958, 1999],
    };
    for (const [digit, years] of Object.entries(table)) {
      ['00', '36', '37', '57', '58', '99'].forEach((yy, i) => {
        expect(parseCpr(`0101${yy}-${digit}123`)?.birthDate.getUTCFullYear(), `${yy}, ${digit}`).toBe(years[i]);
      });
    }
  });

  it('puts 37–57 in the 1900s for 3, 4 and 9, and in the 2000s for 5–8', () => {
    for (let year = 37; year <= 57; year++) {
      for (const digit of [3, 4, 9])
        expect(parseCpr(`1506${year}${digit}321`)?.birthDate.toISOString()).toBe(`19${year}-06-15T00:00:00.000Z`);
      for (const digit of [5, 6, 7, 8])
        expect(parseCpr(`1506${year}${digit}321`)?.birthDate.toISOString()).toBe(`20${year}-06-15T00:00:00.000Z`);
    }
  });

  it('checks 29 February in the century the digits give', () => {
    expect(parseCpr('290200-4000')?.birthDate.toISOString().slice(0, 10)).toBe('2000-02-29');
    expect(parseCpr('290200-0000')).toBeUndefined(); // 1900 was not a leap year
    expect(parseCpr('290296-0000')?.birthDate.toISOString().slice(0, 10)).toBe('1996-02-29');
    expect(parseCpr('290296-5000')?.birthDate.toISOString().slice(0, 10)).toBe('1896-02-29');
    expect(parseCpr('290297-5000')).toBeUndefined();
    expect(parseCpr('310403-1234')).toBeUndefined();
    expect(parseCpr('300403-1234')?.birthDate.toISOString().slice(0, 10)).toBe('1903-04-30');
    expect(parseCpr('311203-1234')?.birthDate.toISOString().slice(0, 10)).toBe('1903-12-31');
  });

  it('takes surrounding white space away, and nothing else', () => {
    for (const good of [' 150605-4321', '150605-4321 ', '\t1506054321\n', '  150605-4321\r\n']) {
      expect(parseCpr(good)?.digits, JSON.stringify(good)).toBe('1506054321');
    }
    const bad = [
      'x150605-4321',
      '150605-4321x',
      '0150605-4321',
      '150605-43210',
      '150605-432',
      '150605--4321',
      '150605 -4321',
      '150605-4321-',
      '-150605-4321',
      '15.06.05-4321',
      '150605\u20134321', // an en dash
      '150605-4321\u0000',
      '\uFF11\uFF15\uFF10\uFF16\uFF10\uFF15-\uFF14\uFF13\uFF12\uFF11', // full-width digits
      '150605-4321\n150605-4321',
    ];
    for (const input of bad) expect(parseCpr(input), JSON.stringify(input)).toBeUndefined();
  });

  it('rejects impossible dates and bad formats', () => {
    for (const bad of ['310203-4234', '290201-4000', '001203-1234', '011303-1234', '01020-31234', '010203 1234', 'abcdef-1234', '']) {
      expect(parseCpr(bad), bad).toBeUndefined();
    }
  });

  it('every real date round-trips for every century digit', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2036-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const dd = String(d.getUTCDate()).padStart(2, '0');
        const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
        const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
        const first = d.getUTCFullYear() >= 2000 ? '4' : '1';
        const parsed = parseCpr(`${dd}${mm}${yy}-${first}123`);
        expect(parsed?.birthDate.toISOString().slice(0, 10)).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });

  it('counts whole years of age and masks the serial', () => {
    const born = parseCpr('150605-4321')!.birthDate;
    expect(ageOn(born, new Date('2023-06-14T00:00:00Z'))).toBe(17);
    expect(ageOn(born, new Date('2023-06-15T00:00:00Z'))).toBe(18);
    expect(ageOn(born, new Date('2023-06-16T00:00:00Z'))).toBe(18);
    expect(ageOn(born, new Date('2023-05-31T00:00:00Z'))).toBe(17);
    expect(ageOn(born, new Date('2023-07-01T00:00:00Z'))).toBe(18);
    expect(ageOn(born, new Date('2024-01-01T00:00:00Z'))).toBe(18);
    expect(ageOn(born, new Date('2005-06-15T00:00:00Z'))).toBe(0);
    expect(maskCpr('1506054321')).toBe('150605-****');
  });
});

describe('the value that is sealed', () => {
  it('is the ten digits without dash or white space, however the number was typed', () => {
    const typed = ['150605-4321', '1506054321', ' 150605-4321\n'];
    for (const input of typed) expect(parseCpr(input)).toEqual({ digits: '1506054321', birthDate: new Date('2005-06-15T00:00:00Z') });
    // So the duplicate check (a lookup hash of the digits) finds the person whichever way they were typed.
    const sealer = new Sealer(randomBytes(32));
    const hashes = new Set(typed.map((input) => sealer.lookupHash(parseCpr(input)!.digits)));
    expect(hashes.size).toBe(1);
    expect(sealer.open(sealer.seal(parseCpr(typed[2]!)!.digits))).toBe('1506054321');
    expect(maskCpr(parseCpr(typed[0]!)!.digits)).toBe('150605-****');
  });

  it('keeps every digit in place, for any valid number', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1937-01-01T00:00:00Z'), max: new Date('2036-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.nat(9999),
        fc.boolean(),
        (at, serial, dash) => {
          const birth = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
          const digits = cprFor(birth, 'other', serial);
          const typed = dash ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
          expect(parseCpr(typed)?.digits).toBe(digits);
        },
      ),
    );
  });
});

describe('sealing', () => {
  it('round-trips, is randomised, detects tampering, and hashes stably', () => {
    const sealer = new Sealer(randomBytes(32));
    const a = sealer.seal('1506054321');
    expect(a).not.toContain('1506054321');
    expect(sealer.seal('1506054321')).not.toBe(a);
    expect(sealer.open(a)).toBe('1506054321');
    const parts = a.split(':');
    parts[3] = Buffer.from('0000000000').toString('base64');
    expect(() => sealer.open(parts.join(':'))).toThrow(/authenticate|auth/i);
    expect(sealer.lookupHash('x')).toBe(sealer.lookupHash('x'));
    expect(new Sealer(randomBytes(32)).lookupHash('x')).not.toBe(sealer.lookupHash('x'));
  });
});
