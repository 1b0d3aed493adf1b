import { logNFactorialOverNPowN, smirnovSf } from './smirnov';
import { durbinMatrixCdf } from './durbinMatrix';

const PI2 = Math.PI * Math.PI;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Survival function of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ for sample size n,
 * P(Dₙ ≥ x) (scipy.stats.kstwo.sf). ks_2samp's asymptotic method evaluates it at n = round(n₁n₂/(n₁ + n₂)).
 *
 * Source: the method selection of Simard & L'Ecuyer, "Computing the two-sided Kolmogorov–Smirnov distribution",
 * J. Stat. Software 39(11), 2011, with scipy's cut-offs so that both pick the same formula:
 * - Ruben & Gambino's closed forms for x ≤ 1/n and x ≥ 1 − 1/n;
 * - 2 × the one-sided Smirnov tail (Birnbaum & Tingey 1951) when x ≥ ½ or n·x² is large (the two one-sided events
 *   cannot both happen for x ≥ ½, and their overlap is below double precision in the far tail);
 * - Durbin's matrix (Marsaglia, Tsang & Wang 2003) for small n·x^1.5 (exact; scipy uses Pomeranz's exact
 *   recursion for n ≤ 140, 0.75 < n·x² ≤ 4, where we use the Durbin matrix as well);
 * - Pelz & Good's asymptotic series (JRSS B 38, 1976) otherwise, an approximation to ~1e-6 absolute or better.
 * Complexity: O(k³ log n) with k = ⌈n·x⌉ ≤ ~60 for the matrix path, O(min(n, 40 000)) for the Smirnov sum, O(1)
 * otherwise — about a millisecond for any n.
 * @throws {RangeError} when n is not a positive integer or x is NaN.
 * @example kolmogorovSf(100, 0.1) // 0.2526927570063894
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`kolmogorovSf requires a positive integer n, got ${n}`);
  if (Number.isNaN(x)) throw new RangeError('kolmogorovSf requires a number x, got NaN');
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    // P(Dₙ ≤ x) = n!/nⁿ · (2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n.
    const cdf = Math.exp(logNFactorialOverNPowN(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip(1 - durbinMatrixCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip(1 - cdf);
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/**
 * Pelz–Good approximation of P(Dₙ ≤ x): Li-Chien/Korolyuk's expansion K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2},
 * z = x√n, with each Kᵢ rewritten through Jacobi's theta transformation into sums that converge fast for small z.
 * Coefficients as given by Simard & L'Ecuyer (2011), eq. (4.1)–(4.4).
 */
function pelzGoodCdf(n: number, x: number): number {
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const logQ = -PI2 / 8 / z2;
  if (logQ < -708) return 0;
  const kMax = Math.ceil((16 * z) / Math.PI);
  // Sums over odd m = 2k − 1 of polynomial(m²)·exp(−m²π²/(8z²)).
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = kMax; k >= 1; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const w = Math.exp(logQ * m2);
    s0 += w;
    s1 += w * (-z2 + (PI2 * m2) / 4);
    s2 += w * (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * PI2 * m2) / 4 + (PI2 * PI2 * (1 - 2 * z2) * m4) / 16);
    s3 +=
      w *
      (-30 * z6 - 90 * z6 * z2 +
        (PI2 * (135 * z4 - 96 * z6) * m2) / 4 +
        (PI2 * PI2 * (-60 * z2 + 212 * z4) * m4) / 16 +
        (PI2 * PI2 * PI2 * (5 - 30 * z2) * m6) / 64);
  }
  const k0 = (SQRT_2PI * s0) / z;
  let k1 = (SQRT_2PI * s1) / (6 * z4);
  let k2 = (SQRT_2PI * s2) / (72 * z6 * z);
  let k3 = (SQRT_2PI * s3) / (6480 * z6 * z4);
  // Terms over all integers k: K₂ gets −π²√(2π)/(36z³)·Σk²e^{−k²π²/(2z²)}, K₃ gets
  // π²√(2π)/(216z⁶)·Σ(3z² − π²k²)k²e^{−k²π²/(2z²)}.
  let e2 = 0;
  let e3 = 0;
  for (let k = kMax; k >= 1; k--) {
    const k2sq = k * k;
    const w = Math.exp((-PI2 * k2sq) / 2 / z2);
    e2 += k2sq * w;
    e3 += (3 * z2 - PI2 * k2sq) * k2sq * w;
  }
  k2 += (e2 * PI2 * SQRT_2PI) / (-36 * z2 * z);
  k3 += (e3 * PI2 * SQRT_2PI) / (216 * z6);
  const sn = Math.sqrt(n);
  k1 /= sn;
  k2 /= n;
  k3 /= n * sn;
  return k0 + k1 + k2 + k3;
}
