import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type TableShape,
  determinedCells,
  isSmall,
  protect,
  protectedGrid,
  protectedShare,
  protectedShares,
  tableLines,
} from '../../src/modules/united/suppression.ts';

/** Counts as the overview's tables hold them: many zeros and small counts, some large. */
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
const tables = fc
  .record({
    rows: fc.integer({ min: 1, max: 7 }),
    cols: fc.integer({ min: 1, max: 5 }),
    rowTotals: fc.boolean(),
    colTotals: fc.boolean(),
  })
  .chain(({ rows, cols, rowTotals, colTotals }) =>
    fc.record({
      values: fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      shape: fc.constant<TableShape>({ rowTotals, colTotals }),
    }),
  );

/**
 * An independent check (not the elimination the function uses): in a table with published margins
 * a hidden cell can be computed exactly when it lies on no cycle of hidden cells. Nodes are the
 * rows and columns (totals included); a row or column without a published total is no equation, so
 * all such nodes are one "free" node. A hidden cell is safe when its two ends stay connected
 * without it (or it joins two free ends).
 */
function recoverable(grid: { hidden: unknown }[][], shape: TableShape): [number, number][] {
  const free = 'free';
  const rowNode = (i: number) => (shape.rowTotals ? `r${i}` : free);
  const colNode = (j: number) => (shape.colTotals ? `c${j}` : free);
  const edges: { i: number; j: number; a: string; b: string }[] = [];
  grid.forEach((r, i) => r.forEach((c, j) => c.hidden && edges.push({ i, j, a: rowNode(i), b: colNode(j) })));
  const connected = (from: string, to: string, without: number) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length) {
      const n = queue.pop()!;
      if (n === to) return true;
      edges.forEach((e, k) => {
        if (k === without) return;
        const next = e.a === n ? e.b : e.b === n ? e.a : undefined;
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      });
    }
    return false;
  };
  return edges.flatMap((e, k) => (e.a === e.b || connected(e.a, e.b, k) ? [] : [[e.i, e.j] as [number, number]]));
}

describe('small-count protection (#16)', () => {
  it('hides every count of 1–4, shows every other value unchanged, and totals add up', () => {
    fc.assert(
      fc.property(tables, ({ values, shape }) => {
        const t = protect(values, shape);
        t.cells.forEach((r, i) =>
          r.forEach((c, j) => {
            expect(c.value).toBe(values[i]![j]);
            if (isSmall(c.value)) expect(c.hidden).toBe('small');
            if (c.hidden === 'complementary') expect(isSmall(c.value)).toBe(false);
          }),
        );
        t.rowTotals?.forEach((c, i) => expect(c.value).toBe(values[i]!.reduce((a, b) => a + b, 0)));
        t.colTotals?.forEach((c, j) => expect(c.value).toBe(values.reduce((a, r) => a + r[j]!, 0)));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no row or column (totals included) with exactly one hidden cell', () => {
    fc.assert(
      fc.property(tables, ({ values, shape }) => {
        const grid = protectedGrid(protect(values, shape));
        for (const line of tableLines(values.length, values[0]!.length, shape)) {
          expect(line.filter(([i, j]) => grid[i]![j]!.hidden).length).not.toBe(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('no hidden value can be computed from the published table (two independent checks)', () => {
    fc.assert(
      fc.property(tables, ({ values, shape }) => {
        const grid = protectedGrid(protect(values, shape));
        expect(recoverable(grid, shape)).toEqual([]);
        const hidden = grid.map((r) => r.map((c) => c.hidden));
        const lines = tableLines(values.length, values[0]!.length, shape);
        expect(
          determinedCells(
            grid.map((r) => r.map((c) => c.value)),
            hidden,
            lines,
          ),
        ).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the independent check does find a cell left exposed (it is not vacuous)', () => {
    // Hiding only the 3 in a row with a published total gives it away.
    const grid = [[{ hidden: 'small' }, { hidden: null }, { hidden: null }]];
    expect(recoverable(grid, { rowTotals: true, colTotals: false })).toEqual([[0, 0]]);
  });

  it('a worked example: the 3, the next-smallest of its row and column, and the cell closing the rectangle', () => {
    const t = protect(
      [
        [3, 12, 20],
        [9, 15, 30],
        [11, 8, 25],
      ],
      { rowTotals: true, colTotals: true },
    );
    const shown = protectedGrid(t).map((r) => r.map((c) => (c.hidden === 'small' ? '<5' : c.hidden ? 'x' : c.value)));
    expect(shown).toEqual([
      ['<5', 'x', 20, 35],
      ['x', 'x', 30, 54],
      [11, 8, 25, 44],
      [23, 35, 75, 133],
    ]);
    expect(recoverable(protectedGrid(t), { rowTotals: true, colTotals: true })).toEqual([]);
  });

  it('shares: only from a shown whole of at least 5 whose part and rest are not 1–4', () => {
    expect(protectedShare(6, 8)).toBeNull(); // 2 did not
    expect(protectedShare(3, 10)).toBeNull();
    expect(protectedShare(5, 10)).toBe(0.5);
    expect(protectedShare(10, 10)).toBe(1);
    expect(protectedShare(0, 4)).toBeNull();
    expect(protectedShare(5, 10, true)).toBeNull();
  });

  it('shares beside a total share: one late start in a municipality cannot be worked out from the others', () => {
    // Roskilde 10 of 11 within the rule, Vejle 7 of 7: Vejle's 100 % beside a total of 17 of 18 would
    // give Roskilde's 1 late away, so the total share goes with Roskilde's.
    expect(protectedShares([10, 7], [11, 7], [false, false], false)).toEqual({ shares: [null, 1], total: null });
    expect(protectedShares([10, 6], [15, 12], [false, false], false)).toEqual({ shares: [10 / 15, 0.5], total: 16 / 27 });
    expect(protectedShares([10, 6], [15, 12], [false, true], false).shares).toEqual([10 / 15, null]);
  });

  it('published shares never let a hidden part or rest be computed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(count, count), { minLength: 1, maxLength: 6 }), (pairs) => {
        const parts = pairs.map(([p]) => p);
        const wholes = pairs.map(([p, r]) => p + r);
        const { shares, total } = protectedShares(
          parts,
          wholes,
          wholes.map(() => false),
          false,
        );
        // What a reader knows: each shown share × its whole, and the total share × the total.
        shares.forEach((s, j) => {
          if (s === null) return;
          expect(isSmall(parts[j]!) || isSmall(wholes[j]! - parts[j]!)).toBe(false);
        });
        const hiddenRows = shares.filter((s) => s === null).length;
        // A total share with exactly one municipality's share hidden would give that one away.
        if (total !== null && hiddenRows === 1) {
          const j = shares.indexOf(null);
          expect(isSmall(parts[j]!) || isSmall(wholes[j]! - parts[j]!)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});
