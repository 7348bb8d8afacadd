import { describe, expect, it } from 'vitest';

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
