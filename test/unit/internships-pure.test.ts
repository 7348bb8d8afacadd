import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, percentile, weekStart } from '../../src/platform/dates.ts';
import { fold, toIcs } from '../../src/platform/calendar/ics.ts';
import { inQuietHours } from '../../src/modules/notifications/notifications.service.ts';
import { type AttendanceValue, attendanceValues } from '../../src/modules/internships/internships.values.ts';
import { STABILITY_RULES, stabilityReasons } from '../../src/modules/internships/stability.ts';

const date = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('adding days and counting them agree, and weeks start on Monday', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        const monday = weekStart(d);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(daysBetween(monday, d)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(monday, d)).toBeLessThan(7);
      }),
    );
  });

  it('adds months with the day clamped to the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-09', 6)).toBe('2026-09-09');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 24 }), (d, m) => {
        const later = addMonths(d, m);
        expect(later >= d).toBe(true);
        expect(daysBetween(d, later)).toBeLessThanOrEqual(m * 31);
      }),
    );
  });

  it('percentiles follow R type 7', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([0, 15], 90)).toBeCloseTo(13.5, 12);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1, 12); // quantile(1:10, 0.9)
  });
});

describe('the stability flag', () => {
  const day = fc.constantFrom<AttendanceValue>(...attendanceValues);
  const week = fc.record({ mon: day, tue: day, wed: day, thu: day, fri: day });

  it('flags absences exactly when at least two days without notice fall in the last 14 days', () => {
    fc.assert(
      fc.property(fc.array(week, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 6 }), (weeks, offset) => {
        const firstMonday = '2026-03-02';
        const feedback = weeks.map((attendance, i) => ({ weekStart: addDays(firstMonday, 7 * i), attendance, concern: '' }));
        const today = addDays(firstMonday, 7 * (weeks.length - 1) + offset);
        let expected = 0;
        for (const f of feedback) {
          (['mon', 'tue', 'wed', 'thu', 'fri'] as const).forEach((d, i) => {
            const on = addDays(f.weekStart, i);
            const age = daysBetween(on, today);
            if (f.attendance[d] === 'absent_no_notice' && age >= 0 && age < STABILITY_RULES.windowDays) expected++;
          });
        }
        const reasons = stabilityReasons(today, feedback, []);
        const flagged = reasons.find((r) => r.kind === 'absences');
        if (expected >= STABILITY_RULES.absencesWithoutNotice) {
          expect(flagged).toEqual({ kind: 'absences', count: expected });
        } else {
          expect(flagged).toBeUndefined();
        }
      }),
    );
  });

  it('never flags a flat or rising check-in trend', () => {
    const scale = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(fc.array(scale, { minLength: 3, maxLength: 3 }), (scores) => {
        const rising = [...scores].sort((a, b) => a - b);
        const checkins = rising.map((s, i) => ({ weekStart: addDays('2026-03-02', 7 * i), wellbeing: s, workplace: s, network: s }));
        expect(stabilityReasons('2026-03-20', [], checkins)).toEqual([]);
      }),
    );
    const falling = [9, 7, 5].map((s, i) => ({ weekStart: addDays('2026-03-02', 7 * i), wellbeing: s, workplace: null, network: s }));
    expect(stabilityReasons('2026-03-20', [], falling)).toEqual([{ kind: 'falling_checkins', from: 9, to: 5 }]);
    // A fall of less than two points is noise.
    const small = [6, 5.5, 5].map((s, i) => ({ weekStart: addDays('2026-03-02', 7 * i), wellbeing: s, workplace: null, network: s }));
    expect(stabilityReasons('2026-03-20', [], small)).toEqual([]);
  });
});

describe('quiet hours and calendar files', () => {
  it('wraps quiet hours past midnight', () => {
    expect([20, 21, 23, 0, 6, 7].map((h) => inQuietHours(h, 21, 7))).toEqual([false, true, true, true, true, false]);
    expect([12, 13, 14].map((h) => inQuietHours(h, 12, 14))).toEqual([true, true, false]);
    expect(inQuietHours(3, 8, 8)).toBe(false);
  });

  it('folds lines at 75 octets without splitting characters, and escapes text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ø', 'æ', '€', ' ', '😀'), maxLength: 300 }), (s) => {
        const folded = fold(`SUMMARY:${s}`);
        for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${s}`);
      }),
    );
    const ics = toIcs('X', [{ uid: 'u1', title: 'Møde; tema, nu', start: '2026-03-02' }], new Date('2026-03-01T10:00:00Z'));
    expect(ics).toContain('SUMMARY:Møde\\; tema\\, nu\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260303\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
