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

describe('estimation blocks', () => {
  it('keeps strata with two or more in each arm and pools the rest', async () => {
    const { estimationBlocks } = await import('../../src/modules/evaluation/analysis.ts');
    const rows = (stratum: string, t: number, c: number) => [
      ...Array.from({ length: t }, () => ({ arm: 'nextwork' as const, stratum })),
      ...Array.from({ length: c }, () => ({ arm: 'control' as const, stratum })),
    ];
    expect(estimationBlocks([...rows('a', 2, 2), ...rows('b', 1, 0), ...rows('c', 1, 2), ...rows('d', 1, 0)])).toEqual([
      'a',
      'a',
      'a',
      'a',
      'pooled',
      'pooled',
      'pooled',
      'pooled',
      'pooled',
    ]);
    // A pooled block that is still too small joins the largest stratum.
    expect(estimationBlocks([...rows('a', 3, 3), ...rows('b', 2, 2), ...rows('c', 1, 0)]).at(-1)).toBe('a');
  });
});

describe('cost-effectiveness', () => {
  it('spreads the cost over participants, divides by the effect and discounts the public-finance gain', async () => {
    const { economics } = await import('../../src/modules/evaluation/economics.ts');
    const e = economics({
      staffMinutes: 600 * 60,
      hourlyCost: 400,
      otherCosts: 100_000,
      participants: 100,
      itt: 0.1,
      takeup: 0.85,
      benefitsPerYear: 150_000,
      taxesPerYear: 50_000,
      effectYears: 10,
    });
    expect(e.totalCost).toBe(340_000);
    expect(e.costPerParticipant).toBe(3_400);
    expect(e.costPerAdditional).toBeCloseTo(34_000, 6);
    // An annuity of 200,000 for years 1–10 at 3.5 %.
    expect(e.valuePerPersonInWork).toBeCloseTo((200_000 * (1 - 1.035 ** -10)) / 0.035, 4);
    expect(e.net).toBeCloseTo(0.1 * e.valuePerPersonInWork - 3_400, 6);
    expect(e.benefitCostRatio).toBeCloseTo((0.1 * e.valuePerPersonInWork) / 3_400, 6);
    // No effect, nothing to divide by; a negative effect gives a negative net.
    expect(
      economics({
        ...e,
        staffMinutes: 0,
        hourlyCost: 1,
        otherCosts: 1,
        participants: 1,
        itt: null,
        takeup: 0,
        benefitsPerYear: 1,
        taxesPerYear: 1,
        effectYears: 1,
      }).costPerAdditional,
    ).toBeNull();
    const worse = economics({
      staffMinutes: 60,
      hourlyCost: 400,
      otherCosts: 0,
      participants: 1,
      itt: -0.05,
      takeup: 1,
      benefitsPerYear: 1000,
      taxesPerYear: 0,
      effectYears: 1,
    });
    expect(worse.costPerAdditional).toBeNull();
    expect(worse.net).toBeLessThan(0);
  });
});
