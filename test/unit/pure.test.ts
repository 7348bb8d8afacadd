import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidCvr, withCvrCheckDigit } from '../../src/modules/companies/cvr.ts';
import { accountRule, lockSeconds } from '../../src/modules/accounts/throttle.ts';
import { da } from '../../src/platform/i18n/da.ts';
import { en } from '../../src/platform/i18n/en.ts';
import { translate } from '../../src/platform/i18n/i18n.ts';
import { municipalRoles, roles } from '../../src/platform/access/roles.ts';
import { demoAccounts } from '../../src/modules/demo/demo-accounts.ts';

describe('CVR numbers', () => {
  it('accepts known valid numbers and rejects a changed digit', () => {
    expect(isValidCvr('10150817')).toBe(true);
    expect(isValidCvr('10150818')).toBe(false);
    expect(isValidCvr('0150817')).toBe(false);
  });
  it('every completed number validates, and changing any one digit breaks it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 9_999_999 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (n, pos, delta) => {
          const cvr = withCvrCheckDigit(String(n));
          if (!cvr) return;
          expect(isValidCvr(cvr)).toBe(true);
          const digits = cvr.split('');
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          const changed = digits.join('');
          if (changed[0] !== '0') expect(isValidCvr(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('sign-in backoff', () => {
  it('never locks within the free attempts, never shrinks, never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const s = lockSeconds(accountRule, n);
        if (n < accountRule.freeAttempts) expect(s).toBe(0);
        expect(s).toBeLessThanOrEqual(accountRule.maxSeconds);
        expect(lockSeconds(accountRule, n + 1)).toBeGreaterThanOrEqual(s);
      }),
    );
  });
});

describe('message catalogs', () => {
  it('English has exactly the Danish keys, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const key of Object.keys(da) as (keyof typeof da)[]) {
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(en[key]), key).toEqual(ph(da[key]));
    }
  });
  it('fills placeholders', () => {
    expect(translate('da', 'errors.rate_limited', { seconds: 30 })).toBe('For mange forsøg. Vent 30 sekunder, og prøv igen.');
  });
  it('has a name for every role in both languages', () => {
    for (const role of roles) expect(translate('en', `role.${role}`)).not.toBe(translate('en', 'validation.invalid'));
  });
});

describe('demo accounts', () => {
  it('has one log-in per role per demo municipality (and a young person with an offer) plus the cross-municipal roles', () => {
    const accounts = demoAccounts();
    expect(accounts).toHaveLength(2 * (municipalRoles.length + 1) + 3);
    expect(new Set(accounts.map((a) => a.email)).size).toBe(accounts.length);
  });
});
