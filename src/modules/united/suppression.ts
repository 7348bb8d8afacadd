/**
 * Small-count protection for published tables (#16, decision 0029). Pure: a table of counts in,
 * the same table with the cells to hide marked.
 *
 * - **Primary**: a count of 1–4 is shown as "<5". A 0 is shown: "nobody" identifies no one, and a
 *   hidden 0 among small counts would only blur the rule.
 * - **Complementary**: a published total is an equation. A row or column (totals included) with
 *   exactly one hidden cell gives that cell away, so the smallest other cell of the line is hidden
 *   too — a positive one if there is one (a hidden 0 beside a "<5" can be pinned down by the
 *   bounds: a row total of 1 leaves only 1 + 0). Lines are checked again until none has exactly one
 *   hidden cell; then the whole system of equations is solved once more (a hidden cell on no cycle
 *   of hidden cells — a "bridge" — is still determined) and the loop repeats until no hidden cell
 *   can be computed from the published ones.
 *
 * The lines: with row totals, every row (the row of column totals too) sums to its last cell; with
 * column totals, every column (the column of row totals too) sums to its last cell.
 */

export type Hidden = 'small' | 'complementary';

export interface ProtectedCell {
  value: number;
  /** Why the cell is not shown; null when it is. */
  hidden: Hidden | null;
}

export interface TableShape {
  /** A total for each row is published (the last column). */
  rowTotals: boolean;
  /** A total for each column is published (the last row). */
  colTotals: boolean;
}

export interface ProtectedTable {
  /** The body's cells, rows × columns. */
  cells: ProtectedCell[][];
  /** Each row's total, when rowTotals. */
  rowTotals: ProtectedCell[] | null;
  /** Each column's total, when colTotals. */
  colTotals: ProtectedCell[] | null;
  /** The grand total, when both. */
  total: ProtectedCell | null;
}

export const SMALL_MIN = 1;
export const SMALL_MAX = 4;
export const isSmall = (n: number) => n >= SMALL_MIN && n <= SMALL_MAX;

type Pos = readonly [number, number];

/** The table with its totals, as one grid, and the lines (equations) over it. */
function extend(values: readonly (readonly number[])[], shape: TableShape) {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const grid = values.map((r) => [...r]);
  if (shape.rowTotals) grid.forEach((r) => r.push(r.reduce((a, b) => a + b, 0)));
  if (shape.colTotals) grid.push(Array.from({ length: grid[0]?.length ?? 0 }, (_, j) => grid.reduce((a, r) => a + r[j]!, 0)));
  const lines: Pos[][] = [];
  // A line lists its cells; the last one is the total the others sum to.
  if (shape.rowTotals) for (let i = 0; i < grid.length; i++) lines.push(Array.from({ length: cols + 1 }, (_, j) => [i, j] as const));
  if (shape.colTotals)
    for (let j = 0; j < (grid[0]?.length ?? 0); j++) lines.push(Array.from({ length: rows + 1 }, (_, i) => [i, j] as const));
  return { grid, lines, rows, cols };
}

/** Marks the cells to hide. */
export function protect(values: readonly (readonly number[])[], shape: TableShape): ProtectedTable {
  const { grid, lines, rows, cols } = extend(values, shape);
  const hidden: (Hidden | null)[][] = grid.map((r) => r.map((v) => (isSmall(v) ? 'small' : null)));
  const isHidden = ([i, j]: Pos) => hidden[i]![j] !== null;
  /** The smallest shown cell among these, positive first; undefined when all are hidden. */
  const smallestShown = (cells: readonly Pos[]): Pos | undefined => {
    const shown = cells.filter((p) => !isHidden(p));
    const by = (p: Pos) => [grid[p[0]]![p[1]]! === 0 ? 1 : 0, grid[p[0]]![p[1]]!] as const;
    return shown.sort((a, b) => by(a)[0] - by(b)[0] || by(a)[1] - by(b)[1])[0];
  };
  for (;;) {
    const single = lines.find((line) => line.filter(isHidden).length === 1);
    if (single) {
      const p = smallestShown(single)!;
      hidden[p[0]]![p[1]] = 'complementary';
      continue;
    }
    const exposed = determinedCells(grid, hidden, lines)[0];
    if (!exposed) break;
    const through = lines.filter((line) => line.some(([i, j]) => i === exposed[0] && j === exposed[1]));
    const p = smallestShown(through.flat()) ?? smallestShown(grid.flatMap((r, i) => r.map((_, j) => [i, j] as const)));
    if (!p) break; // everything hidden: nothing left to compute from
    hidden[p[0]]![p[1]] = 'complementary';
  }
  const cell = (i: number, j: number): ProtectedCell => ({ value: grid[i]![j]!, hidden: hidden[i]![j]! });
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cell(i, j))),
    rowTotals: shape.rowTotals ? Array.from({ length: rows }, (_, i) => cell(i, cols)) : null,
    colTotals: shape.colTotals ? Array.from({ length: cols }, (_, j) => cell(rows, j)) : null,
    total: shape.rowTotals && shape.colTotals ? cell(rows, cols) : null,
  };
}

/**
 * The hidden cells whose value follows from the published cells and the lines' equations: the
 * unknown x_k is determined when the unit vector e_k lies in the row space of the equations over
 * the unknowns (reduced row echelon form: a pivot row with no other non-zero entry).
 */
export function determinedCells(
  grid: readonly (readonly number[])[],
  hidden: readonly (readonly (Hidden | null)[])[],
  lines: readonly (readonly Pos[])[],
): Pos[] {
  const unknowns: Pos[] = [];
  const index = new Map<string, number>();
  grid.forEach((r, i) =>
    r.forEach((_, j) => {
      if (hidden[i]![j] !== null) {
        index.set(`${i},${j}`, unknowns.length);
        unknowns.push([i, j]);
      }
    }),
  );
  if (!unknowns.length) return [];
  const m = lines.map((line) => {
    const row = Array.from({ length: unknowns.length }, () => 0);
    line.forEach(([i, j], k) => {
      const u = index.get(`${i},${j}`);
      if (u !== undefined) row[u] = k === line.length - 1 ? -1 : 1;
    });
    return row;
  });
  const eps = 1e-9;
  let r = 0;
  const pivots: number[] = [];
  for (let c = 0; c < unknowns.length && r < m.length; c++) {
    let best = r;
    for (let k = r + 1; k < m.length; k++) if (Math.abs(m[k]![c]!) > Math.abs(m[best]![c]!)) best = k;
    if (Math.abs(m[best]![c]!) < eps) continue;
    [m[r], m[best]] = [m[best]!, m[r]!];
    const pivot = m[r]![c]!;
    m[r] = m[r]!.map((v) => v / pivot);
    for (let k = 0; k < m.length; k++) {
      if (k === r) continue;
      const f = m[k]![c]!;
      if (Math.abs(f) > eps) m[k] = m[k]!.map((v, x) => v - f * m[r]![x]!);
    }
    pivots.push(c);
    r++;
  }
  return pivots.flatMap((c, row) => (m[row]!.every((v, x) => x === c || Math.abs(v) < eps) ? [unknowns[c]!] : []));
}

/** The lines of a table of this size and shape (for tests and checks). */
export function tableLines(rows: number, cols: number, shape: TableShape): Pos[][] {
  return extend(
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => 0)),
    shape,
  ).lines;
}

/** The grid of a protected table with its totals, as `extend` lays it out. */
export function protectedGrid(t: ProtectedTable): ProtectedCell[][] {
  const grid = t.cells.map((r, i) => (t.rowTotals ? [...r, t.rowTotals[i]!] : [...r]));
  if (t.colTotals) grid.push(t.total ? [...t.colTotals, t.total] : [...t.colTotals]);
  return grid;
}

/**
 * A share is published only when it cannot reveal a small count: the whole is shown (not hidden)
 * and at least 5, and neither the part nor the rest is 1–4 (6 of 7 would tell that 1 did not).
 */
export function protectedShare(part: number, whole: number, wholeHidden = false): number | null {
  if (wholeHidden || whole < 5 || isSmall(part) || isSmall(whole - part)) return null;
  return part / whole;
}

/**
 * Shares side by side with their total share: a share is a count in disguise (share × whole), and
 * shares beside a total share are equations like counts beside a total. So the parts and the rests
 * (whole − part) are protected as a table with row and column totals — as if the wholes were
 * published, which they may be elsewhere — and a share is shown only when its part and rest both
 * stay shown, its whole is shown (`wholeHidden`) and at least 5.
 */
export function protectedShares(
  parts: readonly number[],
  wholes: readonly number[],
  wholeHidden: readonly boolean[],
  totalHidden: boolean,
): { shares: (number | null)[]; total: number | null } {
  const whole = wholes.reduce((a, b) => a + b, 0);
  const part = parts.reduce((a, b) => a + b, 0);
  if (!parts.length) return { shares: [], total: null };
  const t = protect(
    parts.map((p, j) => [p, wholes[j]! - p]),
    { rowTotals: true, colTotals: true },
  );
  const shown = (cells: readonly ProtectedCell[], w: number, hidden: boolean) => !hidden && w >= 5 && cells.every((c) => !c.hidden);
  return {
    shares: parts.map((p, j) => (shown(t.cells[j]!, wholes[j]!, wholeHidden[j]!) ? p / wholes[j]! : null)),
    total: shown(t.colTotals!, whole, totalHidden) ? part / whole : null,
  };
}
