import { sortFloat64 } from './sortFloat64';

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative, ties counted
 * half. Computed as the Mann–Whitney statistic, AUC = U₁ / (n₁ n₀) with U₁ = Σ over positives of
 * (#negatives below + ½ #negatives equal) — identical to the trapezoidal ROC area with tied scores averaged.
 *
 * Rows whose score or label is NaN are skipped (nulls). NaN is returned when only one class remains, since the AUC
 * is undefined there (callers report "not computable" instead of a fake 0.5).
 *
 * Source: Hanley & McNeil, "The meaning and use of the area under a ROC curve", Radiology 143 (1982); equals
 * `scipy.stats.mannwhitneyu(pos, neg).statistic / (n1 * n0)`.
 * Complexity: O(n log n): the two classes are sorted separately (typed-array sorts) and merged once.
 * @throws {RangeError} when the lengths differ, the input is empty, or a label is not 0, 1 or NaN.
 * @example rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  if (n === 0) throw new RangeError('rocAuc requires at least one score');
  if (labels.length !== n) {
    throw new RangeError(`rocAuc requires as many labels as scores, got ${labels.length} and ${n}`);
  }
  let nPos = 0;
  let nNeg = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y !== y || scores[i] !== scores[i]) continue;
    if (y === 1) nPos++;
    else if (y === 0) nNeg++;
    else throw new RangeError(`rocAuc requires labels 0 or 1, labels[${i}] is ${y}`);
  }
  if (nPos === 0 || nNeg === 0) return NaN;
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(nNeg);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    const s = scores[i];
    if (y !== y || s !== s) continue;
    if (y === 1) pos[p++] = s;
    else neg[q++] = s;
  }
  sortFloat64(pos);
  sortFloat64(neg);
  // For each run of equal positive scores, count negatives strictly below and equal to it.
  let u = 0;
  let below = 0;
  let i = 0;
  while (i < nPos) {
    const s = pos[i];
    let run = 0;
    while (i < nPos && pos[i] === s) {
      run++;
      i++;
    }
    while (below < nNeg && neg[below] < s) below++;
    let equal = 0;
    while (below + equal < nNeg && neg[below + equal] === s) equal++;
    u += run * (below + equal / 2);
  }
  return u / nPos / nNeg;
}
