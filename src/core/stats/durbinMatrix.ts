/**
 * Exact P(Dₙ ≤ x) for the two-sided one-sample Kolmogorov–Smirnov statistic by Durbin's matrix formula, computed
 * as Marsaglia, Tsang & Wang do: with n·x = k − h (k integer, 0 ≤ h < 1) and m = 2k − 1,
 *
 *   P(Dₙ ≤ x) = n!/nⁿ · (Hⁿ)_{k,k},
 *
 * where H is the m × m matrix with H[i][j] = 1/(i − j + 1)! for i − j + 1 ≥ 0 (else 0), except the first column
 * H[i][0] = (1 − h^{i+1})/(i+1)!, the last row H[m−1][j] = (1 − h^{m−j})/(m−j)!, and the corner
 * H[m−1][0] = (1 − 2hᵐ + max(0, 2h − 1)ᵐ)/m!. The power is taken by repeated squaring; entries are rescaled by
 * powers of two (exponent kept apart) because they leave the double range long before the result does.
 *
 * Source: Durbin, "The probability that the sample distribution function lies between two parallel straight lines",
 * Ann. Math. Statist. 39 (1968); Marsaglia, Tsang & Wang, "Evaluating Kolmogorov's distribution", J. Stat.
 * Software 8(18), 2003.
 * Complexity: O(m³ log n) time, O(m²) memory — meant for small n·x (the caller keeps k ≲ 60).
 * @throws {RangeError} when n is not a positive integer.
 * @example durbinMatrixCdf(10, 0.274) // 0.6284796154565043
 */
export function durbinMatrixCdf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`durbinMatrixCdf requires a positive integer n, got ${n}`);
  if (x >= 1) return 1;
  const nx = n * x;
  if (nx <= 0.5) return 0;
  const k = Math.ceil(nx);
  const h = k - nx;
  const m = 2 * k - 1;
  // 1/j! for j = 0 … m (underflow to 0 for large j is harmless).
  const invFact = new Float64Array(m + 1);
  invFact[0] = 1;
  for (let j = 1; j <= m; j++) invFact[j] = invFact[j - 1] / j;
  let H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 1; j < m; j++) if (i - j + 1 >= 0) H[i * m + j] = invFact[i - j + 1];
  }
  for (let i = 0; i < m; i++) H[i * m] = (1 - Math.pow(h, i + 1)) * invFact[i + 1];
  for (let j = 0; j < m; j++) H[(m - 1) * m + j] = (1 - Math.pow(h, m - j)) * invFact[m - j];
  H[(m - 1) * m] = (1 - 2 * Math.pow(h, m) + Math.pow(Math.max(0, 2 * h - 1), m)) * invFact[m];

  let P = new Float64Array(m * m); // accumulated power, starts as the identity
  for (let i = 0; i < m; i++) P[i * m + i] = 1;
  let pExp = 0; // P's true value is P · 2^pExp
  let hExp = 0; // H's true value is H · 2^hExp
  let tmp = new Float64Array(m * m);
  const centre = (k - 1) * m + (k - 1);
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) {
      multiply(P, H, tmp, m);
      [P, tmp] = [tmp, P];
      pExp += hExp;
      pExp += rescale(P, centre);
    }
    if (e > 1) {
      multiply(H, H, tmp, m);
      [H, tmp] = [tmp, H];
      hExp *= 2;
      hExp += rescale(H, centre);
    }
  }
  // Multiply by n!/nⁿ step by step, rescaling to stay inside the double range.
  let p = P[centre];
  for (let i = 1; i <= n; i++) {
    p = (p * i) / n;
    if (p !== 0 && Math.abs(p) < 1e-280) {
      p *= 2 ** 128;
      pExp -= 128;
    }
  }
  const result = p * Math.pow(2, pExp);
  return result < 0 ? 0 : result > 1 ? 1 : result;
}

/** out = A · B for m × m row-major matrices. */
function multiply(A: Float64Array, B: Float64Array, out: Float64Array, m: number): void {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const ri = i * m;
    for (let l = 0; l < m; l++) {
      const a = A[ri + l];
      if (a === 0) continue;
      const rl = l * m;
      for (let j = 0; j < m; j++) out[ri + j] += a * B[rl + j];
    }
  }
}

/** Divides the matrix by 2^128 while its centre entry exceeds 2^128; returns the exponent removed. */
function rescale(M: Float64Array, centre: number): number {
  let removed = 0;
  while (Math.abs(M[centre]) > 2 ** 128) {
    for (let i = 0; i < M.length; i++) M[i] *= 2 ** -128;
    removed += 128;
  }
  return removed;
}
