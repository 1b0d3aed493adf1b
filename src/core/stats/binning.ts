/**
 * Bins for PSI and Jensen–Shannon on numeric features, cut from training data only, so that production cannot move
 * the bins it is being compared in.
 *
 * Convention: edges e₁ < e₂ < … < e_k give k + 1 bins (−∞, e₁], (e₁, e₂], …, (e_{k−1}, e_k], (e_k, +∞) — right-closed
 * like pandas `cut(right=True)`, with open outer bins so that production values beyond the training range still land
 * somewhere (and show up as drift instead of vanishing). In numpy: `np.searchsorted(edges, v, side='left')`.
 */
import { quantileSorted } from './descriptive';
import { sortFloat64 } from './sortFloat64';

/**
 * Interior cut points at the training quantiles i/bins (i = 1 … bins − 1), numpy's default linear interpolation,
 * with duplicates removed — so a column with many ties (or a single value) gets fewer, non-empty-in-training bins
 * rather than zero-width ones.
 *
 * Source: decile binning as used for the Population Stability Index (Siddiqi, "Credit Risk Scorecards", 2006);
 * quantiles as `np.quantile(values, np.arange(1, bins) / bins)`, then `np.unique`.
 * Complexity: O(n log n) for the sort (O(bins) with `quantileEdgesSorted`); O(n) memory.
 * NaN values are ignored.
 * @throws {RangeError} when `bins` is not an integer ≥ 1 or there is no non-NaN value.
 * @example quantileEdges(Float64Array.of(1, 2, 3, 4, 5), 4) // [2, 3, 4]
 * @example quantileEdges(Float64Array.of(0, 0, 0, 0, 1), 4) // [0] (ties collapse: bins (−∞, 0] and (0, +∞))
 */
export function quantileEdges(values: Float64Array, bins: number): number[] {
  // The sort puts NaN last, so the non-NaN prefix is the sorted data.
  const sorted = sortFloat64(Float64Array.from(values));
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1])) n--;
  if (n === 0) throw new RangeError('quantileEdges requires at least one non-NaN value');
  return quantileEdgesSorted(sorted.subarray(0, n), bins);
}

/**
 * `quantileEdges` for values already sorted ascending without NaN (skips the O(n log n) sort).
 *
 * Complexity: O(bins).
 * @throws {RangeError} when `bins` is not an integer ≥ 1 or `sorted` is empty.
 * @example quantileEdgesSorted(Float64Array.of(1, 2, 3, 4, 5), 2) // [3]
 */
export function quantileEdgesSorted(sorted: ArrayLike<number>, bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`quantileEdgesSorted requires an integer bins ≥ 1, got ${bins}`);
  }
  if (sorted.length === 0) throw new RangeError('quantileEdgesSorted requires at least one value');
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const q = quantileSorted(sorted, i / bins);
    if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
  }
  return edges;
}

/**
 * Counts of values per bin for the edges above: result[i] counts values in the i-th bin, length edges.length + 1.
 * NaN values (nulls) are skipped — null rates are compared separately. ±∞ fall in the outer bins.
 *
 * Complexity: O(n log k) time by binary search over k edges, no allocation besides the result.
 * @throws {RangeError} when `edges` is not strictly increasing.
 * @example binCounts(Float64Array.of(1, 2, 3, 4, 5, NaN), [2, 4]) // Float64Array [2, 2, 1]
 */
export function binCounts(values: Float64Array, edges: number[]): Float64Array {
  const k = edges.length;
  for (let i = 1; i < k; i++) {
    if (!(edges[i] > edges[i - 1])) {
      throw new RangeError(`binCounts requires strictly increasing edges, got ${edges[i - 1]} then ${edges[i]}`);
    }
  }
  const e = Float64Array.from(edges);
  const counts = new Float64Array(k + 1);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue; // NaN
    // lower bound: first edge ≥ v, i.e. the number of edges strictly below v.
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (e[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}
