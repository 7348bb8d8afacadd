import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_GROUP, MIN_GROUP, groupCount, proposeGroups } from '../../src/modules/groups/grouping.ts';

const members = fc.array(fc.boolean(), { maxLength: 120 }).map((flags) => flags.map((inInternship, i) => ({ id: `u${i}`, inInternship })));
/** Sizes 6–8 are possible for 6–8, 12–16 and every n ≥ 18. */
const feasible = (n: number) => (n >= 6 && n <= 8) || (n >= 12 && n <= 16) || n >= 18;

describe('group proposal', () => {
  it('places everyone exactly once, in groups whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(members, (ms) => {
        const groups = proposeGroups(ms);
        expect(
          groups
            .flat()
            .map((m) => m.id)
            .sort(),
        ).toEqual(ms.map((m) => m.id).sort());
        const sizes = groups.map((g) => g.length);
        if (sizes.length) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps every group within 6–8 whenever that is possible', () => {
    fc.assert(
      fc.property(members, (ms) => {
        if (!feasible(ms.length)) return;
        for (const g of proposeGroups(ms)) {
          expect(g.length).toBeGreaterThanOrEqual(MIN_GROUP);
          expect(g.length).toBeLessThanOrEqual(MAX_GROUP);
        }
      }),
    );
  });

  it('balances people in internship with people still looking', () => {
    fc.assert(
      fc.property(members, (ms) => {
        const interns = proposeGroups(ms).map((g) => g.filter((m) => m.inInternship).length);
        const spread = interns.length ? Math.max(...interns) - Math.min(...interns) : 0;
        expect(spread).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('prefers groups of 6–7', () => {
    expect([13, 14, 20, 21, 45].map(groupCount)).toEqual([2, 2, 3, 3, 7]);
    expect(proposeGroups(Array.from({ length: 45 }, (_, i) => ({ id: `y${i}`, inInternship: i < 15 }))).map((g) => g.length)).toEqual([
      7, 7, 7, 6, 6, 6, 6,
    ]);
  });
});
