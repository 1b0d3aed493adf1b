import { PSI_DEFAULT_EPSILON } from './psi';

/**
 * Jensen–Shannon distance (base 2) between two distributions given as counts over the same bins or categories:
 *
 *   JS(p, q) = √( ½ KL(p ‖ m) + ½ KL(q ‖ m) ),  m = ½(p + q),  KL in bits,
 *
 * bounded in [0, 1] (0: identical, 1: disjoint supports) and a true metric, unlike PSI.
 *
 * Empty bins: the same convention as `psi` — proportions are floored at ε (default 1e-4) — and then each side is
 * renormalised to sum to 1, which is what scipy does with any input. Pass ε = 0 for the textbook value (JS is finite
 * with empty bins; the floor only keeps PSI and JS computed on the same proportions).
 *
 * Source: Lin, "Divergence measures based on the Shannon entropy", IEEE Trans. Inf. Theory 37 (1991); equals
 * `scipy.spatial.distance.jensenshannon(max(P/ΣP, ε), max(Q/ΣQ, ε), base=2)`.
 * Complexity: O(k) over k bins.
 * @throws {RangeError} when the arrays differ in length or are empty, when a count is negative or not finite, when a
 *   side has total 0, or when ε is not in [0, 1).
 * @example jensenShannon([1, 0], [0, 1], 0) // 1
 * @example jensenShannon([5, 5], [5, 5]) // 0
 */
export function jensenShannon(pCounts: ArrayLike<number>, qCounts: ArrayLike<number>, epsilon = PSI_DEFAULT_EPSILON): number {
  const k = pCounts.length;
  if (k === 0) throw new RangeError('jensenShannon requires at least one bin');
  if (qCounts.length !== k) {
    throw new RangeError(`jensenShannon requires count arrays of equal length, got ${k} and ${qCounts.length}`);
  }
  if (!(epsilon >= 0 && epsilon < 1)) throw new RangeError(`jensenShannon requires epsilon in [0, 1), got ${epsilon}`);
  const totalP = checkedTotal(pCounts, 'p');
  const totalQ = checkedTotal(qCounts, 'q');
  // Totals of the floored proportions, to renormalise.
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < k; i++) {
    sp += Math.max(pCounts[i] / totalP, epsilon);
    sq += Math.max(qCounts[i] / totalQ, epsilon);
  }
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const p = Math.max(pCounts[i] / totalP, epsilon) / sp;
    const q = Math.max(qCounts[i] / totalQ, epsilon) / sq;
    const m = (p + q) / 2;
    if (p > 0) sum += p * Math.log(p / m);
    if (q > 0) sum += q * Math.log(q / m);
  }
  // Rounding can leave a tiny negative sum for identical inputs; the distance is 0 there.
  const js = sum / (2 * Math.LN2);
  return js > 0 ? Math.sqrt(js) : 0;
}

function checkedTotal(counts: ArrayLike<number>, side: string): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!(c >= 0 && c < Infinity)) {
      throw new RangeError(`jensenShannon requires non-negative finite counts, ${side}[${i}] is ${c}`);
    }
    total += c;
  }
  if (total === 0) throw new RangeError(`jensenShannon requires a positive total, ${side} counts sum to 0`);
  return total;
}
