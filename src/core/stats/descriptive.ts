/**
 * Descriptive statistics over numeric arrays. Inputs must be free of NaN (callers drop nulls first: a NumericColumn
 * marks nulls as NaN, and one NaN would silently poison every sum).
 */
import { sortFloat64 } from './sortFloat64';

/**
 * Arithmetic mean, Σx / n.
 *
 * Source: any textbook; summed in one pass with Neumaier compensation so that a million values of similar magnitude
 * lose no more than a few ulps (plain summation drifts by ~n·ε).
 * Complexity: O(n) time, O(1) memory.
 * @throws {RangeError} when `values` is empty.
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new RangeError('mean requires at least one value');
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return (sum + comp) / n;
}

/**
 * Sample variance with Bessel's correction, Σ(x − x̄)² / (n − 1) (numpy `var(ddof=1)`, pandas `Series.var()`).
 *
 * Source: two-pass algorithm (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance"); the
 * second pass adds the correction term Σ(x − x̄) that cancels the rounding error of the mean.
 * Complexity: O(n) time, O(1) memory.
 * @throws {RangeError} when fewer than two values are given.
 * @example variance([1, 2, 3, 4]) // 1.6666666666666667
 */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) throw new RangeError('variance requires at least two values');
  const m = mean(values);
  let ss = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    ss += d * d;
    s += d;
  }
  return (ss - (s * s) / n) / (n - 1);
}

/**
 * Sample standard deviation, √variance (n − 1 denominator, numpy `std(ddof=1)`).
 *
 * Complexity: O(n) time, O(1) memory.
 * @throws {RangeError} when fewer than two values are given.
 * @example std([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138089935299395
 */
export function std(values: ArrayLike<number>): number {
  if (values.length < 2) throw new RangeError('std requires at least two values');
  return Math.sqrt(variance(values));
}

/**
 * Quantile of already sorted (ascending) values by linear interpolation between order statistics — numpy's default
 * `np.quantile(x, p, method='linear')`, Hyndman & Fan (1996) definition 7: h = (n − 1)·p, result
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * Complexity: O(1).
 * @throws {RangeError} when `sorted` is empty or `p` is outside [0, 1] (or NaN).
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted requires at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted requires p in [0, 1], got ${p}`);
  // The same operations as numpy ('linear': index (n − 1)·p, then _lerp), so cut points come out bit-identical to
  // np.quantile and no boundary value lands in a different bin than in the python reference.
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  // Same form as numpy's _lerp: exact at both ends and monotone in p even when a and b differ in magnitude.
  const diff = b - a;
  return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
}

/**
 * Median: the middle order statistic, or the mean of the two middle ones for even n (= quantileSorted(·, 0.5)).
 *
 * Complexity: O(n log n) time and O(n) memory for the sorted copy (the input is not modified).
 * @throws {RangeError} when `values` is empty.
 * @example median([3, 1, 4, 1, 5]) // 3
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new RangeError('median requires at least one value');
  const sorted = sortFloat64(Float64Array.from(values));
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
