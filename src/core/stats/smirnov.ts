import { stirlingCorrection } from './logGamma';

/**
 * One-sided Kolmogorov–Smirnov tail P(Dₙ⁺ ≥ x) for sample size n (scipy.special.smirnov), by Birnbaum and Tingey's
 * exact finite sum
 *
 *   P(Dₙ⁺ ≥ x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^{v−1} (1 − x − v/n)^{n−v}.
 *
 * The terms are summed in log space (ln C(n, v) built up incrementally) because C(n, v) and the powers overflow
 * and underflow separately long before their product does.
 *
 * Source: Birnbaum & Tingey, "One-sided confidence contours for probability distribution functions", Ann. Math.
 * Statist. 22 (1951) 592–596.
 * Complexity: O(n) time, O(1) memory.
 * @throws {RangeError} when n is not a positive integer or x is NaN.
 * @example smirnovSf(10, 0.3) // ≈ 0.1287
 */
export function smirnovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`smirnovSf requires a positive integer n, got ${n}`);
  if (Number.isNaN(x)) throw new RangeError('smirnovSf requires a number x, got NaN');
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const last = Math.floor(n * (1 - x));
  const nx = n * x;
  let logC = 0;
  // v = 0 term times x: (1 − x)ⁿ.
  let sum = Math.exp(n * Math.log1p(-x));
  for (let v = 1; v <= last; v++) {
    logC += Math.log((n - v + 1) / v);
    const lo = (nx + v) / n; // x + v/n
    const hi = (n - v - nx) / n; // 1 − x − v/n, formed from integers first to limit cancellation
    if (hi <= 0) break;
    sum += x * Math.exp(logC + (v - 1) * Math.log(lo) + (n - v) * Math.log(hi));
  }
  return sum > 1 ? 1 : sum;
}

/**
 * ln(n! / nⁿ), used by the Kolmogorov distribution's closed forms. Exact product for n < 10, otherwise Stirling:
 * ½ ln(2πn) − n + S(n), in which the n·ln n terms cancel analytically instead of numerically.
 *
 * Complexity: O(1).
 * @throws {RangeError} when n is not a positive integer.
 * @example logNFactorialOverNPowN(3) // ln(6/27) = -1.5040773967762742
 */
export function logNFactorialOverNPowN(n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`logNFactorialOverNPowN requires a positive integer n, got ${n}`);
  if (n < 10) {
    let s = 0;
    for (let i = 1; i <= n; i++) s += Math.log(i / n);
    return s;
  }
  return 0.5 * Math.log(2 * Math.PI * n) - n + stirlingCorrection(n);
}
