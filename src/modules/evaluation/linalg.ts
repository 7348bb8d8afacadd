/**
 * Small dense linear algebra for regressions with a handful of parameters. Row-major arrays. The
 * estimators use `leastSquares` (QR, decision 0026); `invert` and `crossProduct` (the normal
 * equations) remain as the property tests' independent check on well-conditioned data.
 */

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

/**
 * Least squares by a Householder QR decomposition with lm-style (LINPACK dqrdc2) pivoting: the
 * columns are taken in order, and a column whose part orthogonal to the columns kept before it has
 * a norm below `tol` times its own norm is a (numerical) linear combination of them — it is aliased,
 * dropped, and the rest is fitted without it. Never forms X'X, so a covariate such as 1e6 + N(0, 1)
 * (a birth year, an income in kroner, a date as a day number) loses no precision.
 */
export interface LeastSquares {
  /** Indices of the kept columns, in order; `dropped` the aliased ones. */
  kept: number[];
  dropped: number[];
  /** Coefficients of the kept columns, in the order of `kept`. */
  coef: number[];
  residuals: Float64Array;
  /** Diagonal of the hat matrix, h_i = ‖row i of Q₁‖². */
  leverage: Float64Array;
  /** Q₁, column-major: q[k][i] is row i of the k-th orthonormal column (k < rank). */
  q: Float64Array[];
  /** R⁻¹ (upper triangular, rank × rank): (X'X)⁻¹ on the kept columns is R⁻¹R⁻ᵀ. */
  rInv: Matrix;
}

export const ALIAS_TOLERANCE = 1e-9;

/** Rows of X (n × p) and y (n). */
export function leastSquares(rows: number[][], y: ArrayLike<number>, tol = ALIAS_TOLERANCE): LeastSquares {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const cols = Array.from({ length: p }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    for (let j = 0; j < p; j++) cols[j]![i] = row[j]!;
  }
  const norms = cols.map(columnNorm);
  const qty = Float64Array.from(y);
  const vs: Float64Array[] = []; // Householder vectors, v[k..n) stored in full-length arrays
  const betas: number[] = [];
  const kept: number[] = [];
  const dropped: number[] = [];
  const R: Matrix = []; // R[row][position of kept column]
  for (let j = 0; j < p; j++) {
    const k = kept.length;
    const c = cols[j]!;
    if (k >= n) {
      dropped.push(j);
      continue;
    }
    let ss = 0;
    for (let i = k; i < n; i++) ss += c[i]! * c[i]!;
    const rest = Math.sqrt(ss);
    if (!(rest > tol * norms[j]!) || norms[j] === 0) {
      dropped.push(j);
      continue;
    }
    // Reflect c[k..n) onto −sign(c_k)·‖·‖ e_k.
    const alpha = c[k]! >= 0 ? -rest : rest;
    const v = new Float64Array(n);
    v[k] = c[k]! - alpha;
    for (let i = k + 1; i < n; i++) v[i] = c[i]!;
    const vtv = ss - c[k]! * c[k]! + v[k] * v[k];
    const beta = vtv > 0 ? 2 / vtv : 0;
    vs.push(v);
    betas.push(beta);
    for (let r = 0; r < k; r++) R[r]![k] = c[r]!;
    R.push(Array.from({ length: p }, () => 0));
    R[k]![k] = alpha;
    for (let j2 = j + 1; j2 < p; j2++) reflect(v, beta, k, cols[j2]!);
    reflect(v, beta, k, qty);
    kept.push(j);
  }
  const r = kept.length;
  const rInv: Matrix = Array.from({ length: r }, () => Array.from({ length: r }, () => 0));
  for (let col = 0; col < r; col++) {
    rInv[col]![col] = 1 / R[col]![col]!;
    for (let row = col - 1; row >= 0; row--) {
      let s = 0;
      for (let m = row + 1; m <= col; m++) s += R[row]![m]! * rInv[m]![col]!;
      rInv[row]![col] = -s / R[row]![row]!;
    }
  }
  const coef = Array.from({ length: r }, (_, a) => {
    let s = 0;
    for (let b = a; b < r; b++) s += rInv[a]![b]! * qty[b]!;
    return s;
  });
  // Residuals Q·(0, (Q'y)[r..n)) and Q₁ = Q·[I; 0], by applying the reflections in reverse.
  const residuals = Float64Array.from(qty, (v, i) => (i < r ? 0 : v));
  const q = Array.from({ length: r }, (_, k) => {
    const e = new Float64Array(n);
    e[k] = 1;
    return e;
  });
  for (let k = r - 1; k >= 0; k--) {
    reflect(vs[k]!, betas[k]!, k, residuals);
    for (let m = k; m < r; m++) reflect(vs[k]!, betas[k]!, k, q[m]!);
  }
  const leverage = new Float64Array(n);
  for (const col of q) for (let i = 0; i < n; i++) leverage[i]! += col[i]! * col[i]!;
  return { kept, dropped, coef, residuals, leverage, q, rInv };
}

/** x ← (I − β v vᵀ) x on rows k..n. */
function reflect(v: Float64Array, beta: number, k: number, x: Float64Array): void {
  let s = 0;
  for (let i = k; i < v.length; i++) s += v[i]! * x[i]!;
  if (s === 0) return;
  s *= beta;
  for (let i = k; i < v.length; i++) x[i]! -= s * v[i]!;
}

/** Euclidean norm; rescaled only if the plain sum of squares overflows or underflows. */
function columnNorm(c: Float64Array): number {
  let ss = 0;
  for (let i = 0; i < c.length; i++) ss += c[i]! * c[i]!;
  if (Number.isFinite(ss) && (ss > 1e-280 || ss === 0)) return Math.sqrt(ss);
  let scale = 0;
  for (const v of c) scale = Math.max(scale, Math.abs(v));
  if (!Number.isFinite(scale)) return scale;
  ss = 0;
  for (const v of c) ss += (v / scale) ** 2;
  return scale * Math.sqrt(ss);
}
