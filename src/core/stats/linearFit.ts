import { centredSums } from './centredSums';

/**
 * Ordinary least-squares line y ≈ slope·x + intercept, with the coefficient of determination r² (the squared Pearson
 * correlation). Used for trends over time and calibration-style checks.
 *
 *   slope = Sxy / Sxx,  intercept = ȳ − slope·x̄,  r² = Sxy² / (Sxx·Syy),
 *
 * with S the centred sums of squares/products (two passes, so large offsets such as timestamps do not cancel).
 * When y is constant r² is reported as 0, as scipy does.
 *
 * Source: any regression text (e.g. Montgomery, Peck & Vining, "Introduction to Linear Regression Analysis", §2.2);
 * equals `scipy.stats.linregress(x, y)` (slope, intercept, rvalue²).
 * Complexity: O(n) time, O(1) memory.
 * @throws {RangeError} when the lengths differ, n < 2, or all x are equal (the slope is undefined).
 * @example linearFit([1, 2, 3], [2, 4, 6.5]) // { slope: 2.25, intercept: -0.33333333333333304, r2: 0.9959016393442623 }
 */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`linearFit requires x and y of equal length, got ${n} and ${y.length}`);
  if (n < 2) throw new RangeError('linearFit requires at least two points');
  const { mx, my, sxx, syy, sxy } = centredSums(x, y, n);
  if (sxx === 0) throw new RangeError('linearFit requires x values that are not all equal');
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 0 : Math.min(1, (sxy * sxy) / (sxx * syy));
  return { slope, intercept: my - slope * mx, r2 };
}
