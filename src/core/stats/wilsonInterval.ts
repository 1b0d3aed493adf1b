/** z for a two-sided 95% interval, Φ⁻¹(0.975). */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion successes/n:
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 *
 * Unlike the Wald interval it never leaves [0, 1] and keeps near-nominal coverage for small n and rates near 0 or 1 —
 * which is where null spikes and rare classes live.
 *
 * Source: Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22 (1927); Brown, Cai
 * & DasGupta, "Interval estimation for a binomial proportion", Statistical Science 16 (2001). Equals statsmodels
 * `proportion_confint(successes, n, alpha=0.05, method='wilson')` for the default z.
 * Complexity: O(1).
 * @throws {RangeError} when n is not a positive integer, successes is outside [0, n], or z is not positive.
 * @example wilsonInterval(8, 10) // { low: 0.4901624715366418, high: 0.9433178485456248 }
 */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`wilsonInterval requires n to be a positive integer, got ${n}`);
  }
  if (!(successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval requires 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (!(z > 0 && z < Infinity)) throw new RangeError(`wilsonInterval requires a positive z, got ${z}`);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
