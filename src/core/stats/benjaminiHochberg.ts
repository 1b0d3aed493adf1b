/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate): sorted ascending, p₍ᵢ₎ · m / i, made monotone by a
 * running minimum from the largest down, capped at 1, returned in the input order. A feature is significant at FDR
 * level α when its adjusted p ≤ α — the same decisions as the step-up procedure.
 *
 * Source: Benjamini & Hochberg, "Controlling the false discovery rate", JRSS B 57 (1995); equals
 * `scipy.stats.false_discovery_control(p, method='bh')` (scipy ≥ 1.11).
 * Complexity: O(m log m) time, O(m) memory.
 * @throws {RangeError} when a p-value is NaN or outside [0, 1]. An empty list gives an empty list.
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: number[]): number[] {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i];
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`benjaminiHochberg requires p-values in [0, 1], pValues[${i}] is ${p}`);
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => pValues[x] - pValues[y]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const idx = order[r];
    const value = (pValues[idx] * m) / (r + 1);
    if (value < running) running = value;
    adjusted[idx] = running;
  }
  return adjusted;
}
