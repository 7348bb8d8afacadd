import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDecimalInput, formatNumber, formatPercent, parseDecimal } from '../../src/platform/i18n/i18n.ts';
import { parseClockInput } from '../../src/platform/time-input.ts';
import { fields } from '../../src/platform/validation.ts';
import { scheduleInput } from '../../src/modules/groups/groups.inputs.ts';
import { dayOneInput } from '../../src/modules/internships/day-one.service.ts';
import { meetingInput } from '../../src/modules/internships/meetings.service.ts';
import { eventInput } from '../../src/modules/matching/events.inputs.ts';

const pad = (n: number) => String(n).padStart(2, '0');

describe('numbers, percentages and dates as Danes write them', () => {
  it('numbers: decimal comma and thousands point in Danish', () => {
    expect(formatNumber('da', 20.34)).toBe('20,3');
    expect(formatNumber('da', 1234.5)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('da', 0.4, 2, 2)).toBe('0,40');
    expect(formatNumber('da', Number.NaN)).toBe('–');
  });

  it('percentages: "20,3 %" with a no-break space in Danish, "20.3%" in English', () => {
    expect(formatPercent('da', 0.203)).toBe('20,3\u00a0%');
    expect(formatPercent('en', 0.203)).toBe('20.3%');
    expect(formatPercent('da', 1, 0)).toBe('100\u00a0%');
    expect(formatPercent('da', Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('dates in words: "14. december 2026"', () => {
    expect(formatDate('da', '2026-12-14')).toBe('14. december 2026');
    expect(formatDate('en', '2026-12-14')).toBe('14 December 2026');
    expect(formatDate('da', '1990-05-03')).toBe('3. maj 1990');
    // An instant is the Copenhagen date: 23.30 UTC on 31 December is 1 January in Denmark.
    expect(formatDate('da', new Date('2026-12-31T23:30:00Z'))).toBe('1. januar 2027');
  });

  it('times: "kl. 9.30" in Danish, "9:30" in English', () => {
    expect(formatClock('da', '09:30')).toBe('kl. 9.30');
    expect(formatClock('en', '09:30')).toBe('9:30');
  });

  it('every date in words names its day, month and year', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        const text = formatDate('da', iso);
        expect(text).toMatch(new RegExp(`^${day}\\. [a-zæøå]+ ${y}$`));
        expect(text.split(' ')[1]).toBe(
          new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))),
        );
      }),
    );
  });
});

describe('a time of day as people type it', () => {
  it('reads the ways Danes write a time', () => {
    for (const typed of ['9.30', '9:30', '0930', '930', '09:30', '9,30', 'kl. 9.30', ' 9.30 '])
      expect(parseClockInput(typed)).toBe('09:30');
    expect(parseClockInput('9')).toBe('09:00');
    expect(parseClockInput('14')).toBe('14:00');
    expect(parseClockInput('0')).toBe('00:00');
    expect(parseClockInput('23.59')).toBe('23:59');
  });

  it('refuses what is not a time of day', () => {
    for (const typed of ['', '24', '24:00', '9.60', '9.3', 'ni', '12345', '9:30:00', '-1', '9..30', '1:2'])
      expect(parseClockInput(typed)).toBeNull();
  });

  it('every time of day, written in any of the ways, reads back as HH:MM', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('.', ':', ',', ''),
        fc.boolean(),
        (h, m, sep, zero) => {
          const hour = zero ? pad(h) : String(h);
          const typed = sep === '' ? `${pad(h)}${pad(m)}` : `${hour}${sep}${pad(m)}`;
          expect(parseClockInput(typed)).toBe(`${pad(h)}:${pad(m)}`);
          // What the parser returns is shown as Danes write it and read back the same.
          const shown = formatClock('da', parseClockInput(typed)!);
          expect(parseClockInput(shown)).toBe(`${pad(h)}:${pad(m)}`);
        },
      ),
    );
  });

  it('anything it accepts is a valid HH:MM', () => {
    expect(parseClockInput('7')).toBe('07:00');
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (s) => {
        const t = parseClockInput(s);
        if (t !== null) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
    );
  });

  it('every time field reads the same ways: group meetings, follow-up meetings, first days, match events', () => {
    expect(scheduleInput.shape.meetsAt.parse('9.30')).toBe('09:30');
    expect(meetingInput.shape.time.parse('0930')).toBe('09:30');
    expect(dayOneInput.shape.firstDayTime.parse('9')).toBe('09:00');
    expect(dayOneInput.shape.firstDayTime.parse('')).toBeNull();
    expect(dayOneInput.shape.firstDayTime.safeParse('25').error?.issues[0]?.message).toBe('validation.day_one_time');
    // An event from 9.30 to 11 ends after it starts (compared as HH:MM).
    const event = eventInput.safeParse({ startTime: '9.30', endTime: '11' });
    expect(event.error?.issues.map((i) => i.path.join('.'))).not.toContain('endTime');
    expect(event.error?.issues.map((i) => i.path.join('.'))).not.toContain('startTime');
  });

  it('the shared form field gives the catalog key for a wrong time', () => {
    expect(fields.time.parse('9.30')).toBe('09:30');
    const r = fields.time.safeParse('25.00');
    expect(r.success ? null : r.error.issues[0]?.message).toBe('validation.time');
  });
});

describe('a decimal as typed, shown back as typed', () => {
  it('reads "0,4" and "0.4" and shows "0,4" back in Danish', () => {
    expect(parseDecimal('0,4')).toBe(0.4);
    expect(parseDecimal('0.4')).toBe(0.4);
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(formatDecimalInput('da', 0.4)).toBe('0,4');
    expect(formatDecimalInput('en', 0.4)).toBe('0.4');
  });

  it('every decimal shown in a Danish field reads back the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(1, 10, 100, 1000), (whole, per) => {
        const n = whole / per;
        expect(parseDecimal(formatDecimalInput('da', n))).toBe(n === 0 ? 0 : n);
        expect(parseDecimal(formatDecimalInput('en', n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
