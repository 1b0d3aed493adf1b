/**
 * Exact null probability P(D ≥ h/lcm(n₁, n₂)) for the two-sided two-sample Kolmogorov–Smirnov statistic with
 * sample sizes n₁, n₂ and no ties — the p-value `scipy.stats.ks_2samp(method='exact')` returns.
 *
 * Under the null every interleaving of the two samples is equally likely; an interleaving is a lattice path from
 * (0, 0) to (n₁, n₂), and D ≥ d exactly when the path touches a point (i, j) with |i/n₁ − j/n₂| ≥ d, that is
 * |i·n₂/g − j·n₁/g| ≥ h with g = gcd(n₁, n₂).
 * - n₁ = n₂ = n: the reflection-principle series 2·Σ_{k≥1} (−1)^{k+1} C(2n, n − kh)/C(2n, n), evaluated in nested
 *   (Horner) form from the innermost term so that no large binomial is ever formed and the alternating terms do not
 *   cancel (Gnedenko & Korolyuk 1951).
 * - otherwise: for each lattice point, the share of paths reaching it that have already touched the boundary,
 *   B(i, j) = (i·B(i−1, j) + j·B(i, j−1)) / (i + j) inside the band and 1 outside — a convex combination, so it
 *   never overflows and small p-values keep their relative precision (Viehmann, "Numerically more stable computation
 *   of the p-values for the two-sample Kolmogorov–Smirnov test", arXiv:2102.08037, 2021; Hodges 1958 for the
 *   lattice-path view). Only the band of each column is visited.
 * p-values below ~1e-290 may come out as 0 (shares that small are flushed to keep the arithmetic fast).
 * Complexity: O(n) for equal sizes; O(max(n₁, n₂) · band) ≤ O(n₁ n₂ d) otherwise, O(min(n₁, n₂)) memory.
 * @throws {RangeError} when a size is not a positive integer or h is negative.
 * @example ksExactSf(3, 3, 3) // 0.1 (D = 1: 2 of the C(6, 3) = 20 interleavings separate the samples)
 */
export function ksExactSf(n1: number, n2: number, h: number): number {
  if (!Number.isInteger(n1) || n1 <= 0 || !Number.isInteger(n2) || n2 <= 0) {
    throw new RangeError(`ksExactSf requires positive integer sample sizes, got ${n1} and ${n2}`);
  }
  if (!Number.isInteger(h) || h < 0) throw new RangeError(`ksExactSf requires a non-negative integer h, got ${h}`);
  if (h === 0) return 1;
  if (n1 === n2) return equalSizes(n1, h);
  // The recursion walks columns of the larger sample, keeping one column of the smaller one.
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  const B = new Float64Array(n + 1).fill(1);
  // Reciprocals 1/(i + j): a multiply is several times cheaper than a divide in the O(m·band) loop.
  const recip = new Float64Array(m + n + 1);
  for (let s = 1; s <= m + n; s++) recip[s] = 1 / s;
  // Column i = 0: (0, j) is inside while j·mg < h; one path reaches it and it has not touched the boundary.
  let lo = 0;
  let hi = Math.min(n, Math.ceil(h / mg) - 1);
  for (let j = 0; j <= hi; j++) B[j] = 0;
  for (let i = 1; i <= m; i++) {
    // Inside the band: i·ng − h < j·mg < i·ng + h.
    const newLo = Math.max(0, Math.floor((i * ng - h) / mg) + 1);
    const newHi = Math.min(n, Math.ceil((i * ng + h) / mg) - 1);
    // Points that fell below the band are outside now.
    for (let j = lo; j < newLo && j <= hi; j++) B[j] = 1;
    if (newLo > newHi) return 1; // a whole column outside: every path crosses
    // B[j] still holds column i − 1 (1 if that point was outside); B[j − 1] already holds column i.
    let prev = newLo === 0 ? 0 : B[newLo - 1];
    for (let j = newLo; j <= newHi; j++) {
      let v = (i * B[j] + j * prev) * recip[i + j];
      // Flush values below 1e-300 to 0: subnormal arithmetic is ~50× slower, and such shares cannot change any
      // result above ~1e-290 (a p-value below that may be reported as 0 where scipy gives a subnormal).
      if (v < 1e-300) v = 0;
      B[j] = v;
      prev = v;
    }
    lo = newLo;
    hi = newHi;
  }
  return clip(B[n]);
}

function equalSizes(n: number, h: number): number {
  // P = 2·A₀(1 − A₁(1 − A₂(1 − …))) with A_k = C(2n, n − (k+1)h) / C(2n, n − kh), a product of h ratios.
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let a = 1;
    for (let j = 0; j < h; j++) a = (a * (n - k * h - j)) / (n + k * h + j + 1);
    p = a * (1 - p);
  }
  return clip(2 * p);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
