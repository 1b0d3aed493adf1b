import { stirlingCorrection } from './logGamma';

const HALF_LOG_2PI = 0.9189385332046728; // ½ ln 2π
/** Above this n the sum is sampled on a stride (see smirnovSf); below it every term is added. */
const STRIDE_MIN_N = 40000;
/** Terms per offset when striding (two offsets are summed). */
const STRIDE_TERMS = 4000;

/**
 * One-sided Kolmogorov–Smirnov tail P(Dₙ⁺ ≥ x) for sample size n (scipy.special.smirnov), by Birnbaum and Tingey's
 * exact finite sum
 *
 *   P(Dₙ⁺ ≥ x) = Σ_{v=0}^{⌊n(1−x)⌋} T(v),  T(v) = x · C(n, v) (x + v/n)^{v−1} (1 − x − v/n)^{n−v}.
 *
 * Each term is evaluated on its own in log space with Stirling's series, in a form where the large n·ln n parts
 * cancel analytically (see `logTerm`), so terms are accurate to ~1e-13 relative even at n = 10⁶ — and independent of
 * each other, which allows the shortcut below.
 *
 * For n ≥ 40 000, x < ½ and n·x ≥ 200, T(v) is a smooth bell in v whose width is ~n/(4√(n x²)) ≫ 1 and whose
 * ends are negligible (T(0) = (1 − x)ⁿ ≈ e^{−nx}), so the sum equals s·Σ_k T(r + k·s) for any offset r, up to an
 * aliasing error that decays like exp(−2π²(width/s)²) (the trapezoid rule on a smooth, decaying summand). With
 * ~4 000 terms per offset, width/s stays above ~60 in the range kolmogorovSf uses (n·x² ≤ 370). Two offsets are
 * summed and must agree to 1e-13, else every term is added.
 * Tails below the smallest double are recognised first by Massart's bound P(Dₙ⁺ ≥ x) ≤ exp(−2n x²).
 *
 * Source: Birnbaum & Tingey, "One-sided confidence contours for probability distribution functions", Ann. Math.
 * Statist. 22 (1951); Massart, "The tight constant in the Dvoretzky–Kiefer–Wolfowitz inequality", Ann. Probab. 18
 * (1990); Trefethen & Weideman, "The exponentially convergent trapezoidal rule", SIAM Review 56 (2014).
 * Complexity: O(n) time below n = 40 000, ~8 000 terms above; O(1) memory.
 * @throws {RangeError} when n is not a positive integer or x is NaN.
 * @example smirnovSf(10, 0.3) // 0.1354635556
 */
export function smirnovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`smirnovSf requires a positive integer n, got ${n}`);
  if (Number.isNaN(x)) throw new RangeError('smirnovSf requires a number x, got NaN');
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (2 * n * x * x > 746) return 0; // Massart: below 5e-324
  const last = Math.floor(n * (1 - x));
  const nx = n * x;
  if (n >= STRIDE_MIN_N && x < 0.5 && nx >= 200) {
    const s = Math.max(2, Math.floor(n / STRIDE_TERMS));
    const half = s >> 1;
    let s0 = 0;
    let s1 = 0;
    for (let v = 0; v <= last; v += s) s0 += Math.exp(logTerm(n, x, nx, v));
    for (let v = half; v <= last; v += s) s1 += Math.exp(logTerm(n, x, nx, v));
    s0 *= s;
    s1 *= s;
    if (Math.abs(s0 - s1) <= 1e-13 * Math.max(s0, s1)) return Math.min(1, (s0 + s1) / 2);
  }
  let sum = 0;
  for (let v = 0; v <= last; v++) sum += Math.exp(logTerm(n, x, nx, v));
  return Math.min(1, sum);
}

/**
 * ln T(v). For v and n − v ≥ 10, with ln m! = (m + ½) ln m − m + ½ ln 2π + S(m):
 *   ln T = ln x + v·ln(1 + nx/v) + (n−v)·ln(1 − nx/(n−v)) − ln(x + v/n) + ½ ln(n / (2π v (n−v))) + S(n) − S(v) − S(n−v),
 * whose two big terms are ±nx-sized instead of n·ln n-sized. Near the ends the binomial is summed directly.
 */
function logTerm(n: number, x: number, nx: number, v: number): number {
  const w = n - v;
  if (w - nx <= 0) return -Infinity;
  const p = (nx + v) / n;
  if (v < 10 || w < 10) {
    // ln C(n, v) = Σ_{i=1}^{k} ln((n − k + i) / i) with k = min(v, n − v) < 10.
    const k = Math.min(v, w);
    let logC = 0;
    for (let i = 1; i <= k; i++) logC += Math.log((n - k + i) / i);
    return Math.log(x) + logC + (v - 1) * Math.log(p) + w * Math.log((w - nx) / n);
  }
  return (
    Math.log(x) +
    v * Math.log1p(nx / v) +
    w * Math.log1p(-nx / w) -
    Math.log(p) +
    0.5 * Math.log(n / (v * w)) -
    HALF_LOG_2PI +
    stirlingCorrection(n) -
    stirlingCorrection(v) -
    stirlingCorrection(w)
  );
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
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`logNFactorialOverNPowN requires a positive integer n, got ${n}`);
  }
  if (n < 10) {
    let s = 0;
    for (let i = 1; i <= n; i++) s += Math.log(i / n);
    return s;
  }
  return 0.5 * Math.log(2 * Math.PI * n) - n + stirlingCorrection(n);
}
