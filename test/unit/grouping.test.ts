import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GroupSizes, groupCount, proposeGroups } from '../../src/modules/groups/grouping.ts';
import { defaultModelRules, ruleBounds } from '../../src/modules/municipalities/model-rules.ts';

const members = fc.array(fc.boolean(), { maxLength: 120 }).map((flags) => flags.map((inInternship, i) => ({ id: `u${i}`, inInternship })));
/** Any sizes a municipality may set: min–max within the hard bounds 3–9. */
const sizes: fc.Arbitrary<GroupSizes> = fc
  .tuple(fc.integer(ruleBounds.groupSize), fc.integer(ruleBounds.groupSize))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const model: GroupSizes = { min: defaultModelRules.groupSizeMin, max: defaultModelRules.groupSizeMax };
/** Sizes min–max are possible for n people when some number of groups g has g·min ≤ n ≤ g·max. */
const feasible = (n: number, s: GroupSizes) =>
  n > 0 && Array.from({ length: n }, (_, i) => i + 1).some((g) => g * s.min <= n && n <= g * s.max);

describe('group proposal', () => {
  it('places everyone exactly once, in groups whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(members, sizes, (ms, s) => {
        const groups = proposeGroups(ms, s);
        expect(
          groups
            .flat()
            .map((m) => m.id)
            .sort(),
        ).toEqual(ms.map((m) => m.id).sort());
        const lengths = groups.map((g) => g.length);
        if (lengths.length) expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps every group within the municipality’s min–max whenever that is possible', () => {
    fc.assert(
      fc.property(members, sizes, (ms, s) => {
        if (!feasible(ms.length, s)) return;
        for (const g of proposeGroups(ms, s)) {
          expect(g.length).toBeGreaterThanOrEqual(s.min);
          expect(g.length).toBeLessThanOrEqual(s.max);
        }
      }),
    );
  });

  it('never exceeds the maximum once there are enough people for one full group', () => {
    fc.assert(
      fc.property(members, sizes, (ms, s) => {
        if (ms.length < s.min) return;
        for (const g of proposeGroups(ms, s)) expect(g.length).toBeLessThanOrEqual(s.max);
      }),
    );
  });

  it('balances people in internship with people still looking', () => {
    fc.assert(
      fc.property(members, sizes, (ms, s) => {
        const interns = proposeGroups(ms, s).map((g) => g.filter((m) => m.inInternship).length);
        const spread = interns.length ? Math.max(...interns) - Math.min(...interns) : 0;
        expect(spread).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('makes groups of 7–8 by default (seed 000: "sammen med 6-7 andre unge")', () => {
    expect([14, 15, 16, 21, 45].map((n) => groupCount(n, model))).toEqual([2, 2, 2, 3, 6]);
    expect(
      proposeGroups(
        Array.from({ length: 45 }, (_, i) => ({ id: `y${i}`, inInternship: i < 15 })),
        model,
      ).map((g) => g.length),
    ).toEqual([8, 8, 8, 7, 7, 7]);
  });

  it('follows a municipality’s own sizes', () => {
    expect(
      proposeGroups(
        Array.from({ length: 18 }, (_, i) => ({ id: `y${i}`, inInternship: false })),
        { min: 9, max: 9 },
      ).map((g) => g.length),
    ).toEqual([9, 9]);
    expect(groupCount(18, { min: 3, max: 4 })).toBe(5);
  });
});
