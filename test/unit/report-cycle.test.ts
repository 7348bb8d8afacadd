import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/platform/dates.ts';
import { PERIOD_DAYS, lastEndedPeriod, movementsOver } from '../../src/modules/reports/report-cycle.ts';
import type { Assessment } from '../../src/modules/movement/movement.repository.ts';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));

describe('the 6-week report period', () => {
  it('is the latest whole period that has ended: 42 days, aligned to the anchor, ended before today, the next not yet', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1000 }), (anchor, after) => {
        const today = addDays(anchor, after);
        const p = lastEndedPeriod(anchor, today);
        if (after < PERIOD_DAYS) return p === null;
        expect(p).not.toBeNull();
        expect(daysBetween(p!.start, p!.end)).toBe(PERIOD_DAYS - 1);
        expect(daysBetween(anchor, p!.start) % PERIOD_DAYS).toBe(0);
        expect(p!.end < today).toBe(true);
        expect(addDays(p!.end, PERIOD_DAYS) >= today).toBe(true);
        return true;
      }),
    );
  });

  it('examples: the first period ends on day 41 and is due from day 42', () => {
    expect(lastEndedPeriod('2026-03-02', '2026-04-12')).toBeNull();
    expect(lastEndedPeriod('2026-03-02', '2026-04-13')).toEqual({ start: '2026-03-02', end: '2026-04-12' });
    expect(lastEndedPeriod('2026-03-02', '2026-05-24')).toEqual({ start: '2026-03-02', end: '2026-04-12' });
    expect(lastEndedPeriod('2026-03-02', '2026-05-25')).toEqual({ start: '2026-04-13', end: '2026-05-24' });
  });
});

describe('the five movements over a period', () => {
  const a = (assessedOn: string, source: 'counsellor' | 'youth', v: number, reason = ''): Assessment =>
    ({
      assessedOn,
      source,
      scores: { direction: v, persistence: v, curiosity: v, resilience: v, selfEsteem: v },
      reasons: reason ? { direction: reason } : {},
    }) as Assessment;

  it("takes the counsellor's first and latest score, the latest words, and the young person's latest own score", () => {
    const m = movementsOver([
      a('2026-03-01', 'counsellor', 3, 'først'),
      a('2026-03-01', 'youth', 5),
      a('2026-04-01', 'counsellor', 6, 'senest'),
      a('2026-04-01', 'youth', 7),
    ]);
    expect(m[0]).toEqual({ dimension: 'direction', from: 3, to: 6, youthTo: 7, reason: 'senest' });
    expect(m.map((x) => x.dimension)).toEqual(['direction', 'persistence', 'curiosity', 'resilience', 'selfEsteem']);
    expect(movementsOver([])[0]).toEqual({ dimension: 'direction', from: null, to: null, youthTo: null, reason: '' });
  });
});
