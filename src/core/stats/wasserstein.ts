import { sortFloat64 } from './sortFloat64';

/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical distributions:
 *
 *   W₁(A, B) = ∫ |F_A(x) − F_B(x)| dx,
 *
 * the area between the two empirical CDFs, in the units of the data (divide by the training std for a scale-free
 * effect size). Equals `scipy.stats.wasserstein_distance(a, b)` (unweighted).
 *
 * Source: Ramdas, García Trillos & Cuturi, "On Wasserstein two-sample testing and related families of
 * nonparametric tests", Entropy 19 (2017), eq. for the 1-D case via CDFs.
 * Complexity: O((n + m) log(n + m)) for the sorts (copies; inputs untouched), O(n + m) memory.
 * @throws {RangeError} when either sample is empty or contains NaN.
 * @example wasserstein(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)) // 5
 */
export function wasserstein(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) throw new RangeError('wasserstein requires two non-empty samples');
  return wassersteinSorted(sortFloat64(Float64Array.from(a)), sortFloat64(Float64Array.from(b)));
}

/**
 * `wasserstein` for samples already sorted ascending: one merge pass over both, integrating |F_A − F_B| between
 * consecutive distinct values.
 *
 * Complexity: O(n + m) time, O(1) memory.
 * @throws {RangeError} when either sample is empty or contains NaN (NaN sorts last, so only the last values are checked).
 * @example wassersteinSorted(Float64Array.of(0, 1), Float64Array.of(0, 1)) // 0
 */
export function wassersteinSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError('wassersteinSorted requires two non-empty samples');
  if (Number.isNaN(a[n - 1]) || Number.isNaN(b[m - 1])) {
    throw new RangeError('wassersteinSorted requires samples without NaN');
  }
  let i = 0;
  let j = 0;
  let sum = 0;
  // va/vb: the next unconsumed value of each side, +∞ once a side is used up.
  let va = a[0];
  let vb = b[0];
  let x = va < vb ? va : vb;
  for (;;) {
    // Step past every value equal to x on both sides; then F_A = i/n and F_B = j/m hold on [x, next).
    while (va === x && i < n) va = ++i < n ? a[i] : Infinity;
    while (vb === x && j < m) vb = ++j < m ? b[j] : Infinity;
    if (i === n && j === m) break;
    const next = va < vb ? va : vb;
    sum += Math.abs(i / n - j / m) * (next - x);
    x = next;
  }
  return sum;
}
