import { normalSf } from './normal';

/**
 * Two-sided two-proportion z test with pooled variance: is the rate x₁/n₁ different from x₂/n₂?
 *
 *   p̂ = (x₁ + x₂)/(n₁ + n₂),  z = (x₁/n₁ − x₂/n₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),  p = 2·(1 − Φ(|z|)).
 *
 * When both samples are all-success or all-failure the standard error is 0 and there is no evidence of a difference:
 * z = 0, p = 1.
 *
 * Source: Agresti, "Categorical Data Analysis" (3rd ed., 2013) §3.1; equals statsmodels
 * `proportions_ztest([x1, x2], [n1, n2])`. The normal approximation wants n·p̂ and n·(1 − p̂) ≳ 5 per sample.
 * Complexity: O(1).
 * @throws {RangeError} when n₁ or n₂ is not a positive integer or a count is outside [0, n].
 * @example twoProportionZTest(30, 100, 50, 100) // { z: -2.886751345948129, pValue: 0.00389241712277863 }
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number } {
  check(x1, n1, 1);
  check(x2, n2, 2);
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

function check(x: number, n: number, which: number): void {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`twoProportionZTest requires n${which} to be a positive integer, got ${n}`);
  }
  if (!(x >= 0 && x <= n)) {
    throw new RangeError(`twoProportionZTest requires 0 ≤ x${which} ≤ n${which}, got x${which}=${x}, n${which}=${n}`);
  }
}
