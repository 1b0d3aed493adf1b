/** Default floor for bin proportions in PSI and Jensen–Shannon (AnalysisOptions.drift.epsilon overrides it). */
export const PSI_DEFAULT_EPSILON = 1e-4;

/**
 * Population Stability Index between an expected (training) and an actual (production) distribution given as
 * counts over the same bins or categories:
 *
 *   PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ),  eᵢ = max(Eᵢ / ΣE, ε),  aᵢ = max(Aᵢ / ΣA, ε).
 *
 * Empty bins: each proportion is floored at ε (default 1e-4) and used as is, without renormalising — a bin empty in
 * one file and holding share s in the other contributes about s · ln(s / ε), so the index stays finite and an
 * empty bin still weighs heavily. (With ε = 1e-4 a bin holding 10% on one side and nothing on the other adds ≈ 0.69.)
 * Common reading (Siddiqi 2006): < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift.
 *
 * Source: Siddiqi, "Credit Risk Scorecards" (2006); equals the symmetric KL divergence KL(a‖e) + KL(e‖a).
 * Complexity: O(k) over k bins.
 * @throws {RangeError} when the arrays differ in length or are empty, when a count is negative or not finite, when
 *   a side has total 0, or when ε is not in [0, 1).
 * @example psi([50, 50], [50, 50]) // 0
 * @example psi([60, 40], [40, 60]) // 0.1621860432432657
 */
export function psi(expectedCounts: ArrayLike<number>, actualCounts: ArrayLike<number>, epsilon = PSI_DEFAULT_EPSILON): number {
  const k = expectedCounts.length;
  if (k === 0) throw new RangeError('psi requires at least one bin');
  if (actualCounts.length !== k) {
    throw new RangeError(`psi requires count arrays of equal length, got ${k} and ${actualCounts.length}`);
  }
  if (!(epsilon >= 0 && epsilon < 1)) throw new RangeError(`psi requires epsilon in [0, 1), got ${epsilon}`);
  const totalE = checkedTotal(expectedCounts, 'expected');
  const totalA = checkedTotal(actualCounts, 'actual');
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.max(expectedCounts[i] / totalE, epsilon);
    const a = Math.max(actualCounts[i] / totalA, epsilon);
    if (a === e) continue; // also covers 0 = 0 when ε = 0
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

function checkedTotal(counts: ArrayLike<number>, side: string): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!(c >= 0 && c < Infinity)) {
      throw new RangeError(`psi requires non-negative finite counts, ${side}[${i}] is ${c}`);
    }
    total += c;
  }
  if (total === 0) throw new RangeError(`psi requires a positive total, ${side} counts sum to 0`);
  return total;
}
