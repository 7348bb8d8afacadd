/** Small dense linear algebra for regressions with a handful of parameters. Row-major arrays. */

export type Matrix = number[][];

/** Inverse of a symmetric positive definite matrix by Gauss–Jordan with partial pivoting. */
export function invert(m: Matrix): Matrix {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) throw new Error('singular');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < 2 * n; j++) a[col]![j]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}

/** X'WX for rows x_i and weights w_i (w = 1 when omitted). */
export function crossProduct(rows: number[][], w?: ArrayLike<number>): Matrix {
  const k = rows[0]!.length;
  const out: Matrix = Array.from({ length: k }, () => Array.from({ length: k }, () => 0));
  for (let i = 0; i < rows.length; i++) {
    const x = rows[i]!;
    const wi = w ? w[i]! : 1;
    for (let a = 0; a < k; a++) {
      const xa = x[a]! * wi;
      for (let b = a; b < k; b++) out[a]![b]! += xa * x[b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) out[a]![b] = out[b]![a]!;
  return out;
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

export function quadForm(x: number[], m: Matrix): number {
  let s = 0;
  for (let a = 0; a < x.length; a++) for (let b = 0; b < x.length; b++) s += x[a]! * m[a]![b]! * x[b]!;
  return s;
}
