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

  it('accepts valid dates with or without the dash and finds the century', () => {
    expect(parseCpr('010203-1234')?.birthDate.toISOString().slice(0, 10)).toBe('1903-02-01');
    expect(parseCpr('0102031234')?.birthDate.toISOString().slice(0, 10)).toBe('1903-02-01');
    expect(parseCpr('010203-4234')?.birthDate.toISOString().slice(0, 10)).toBe('2003-02-01');
    expect(parseCpr('010260-5234')?.birthDate.toISOString().slice(0, 10)).toBe('1860-02-01');
    expect(parseCpr('290200-4000')?.birthDate.toISOString().slice(0, 10)).toBe('2000-02-29');
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
    expect(maskCpr('1506054321')).toBe('150605-****');
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
