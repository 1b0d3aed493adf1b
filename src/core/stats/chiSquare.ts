import { chiSquareSf } from './chiSquareDistribution';

/**
 * Pearson's chi-square test of independence on an r × c contingency table of counts (for drift: rows = train/prod,
 * columns = categories):
 *
 *   X² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)² / Eᵢⱼ,  Eᵢⱼ = rowᵢ · colⱼ / N,  dof = (r − 1)(c − 1),  p = P(χ²_dof ≥ X²).
 *
 * All-zero rows and columns are dropped first (a category seen in neither file carries no information, and its
 * expected count 0 would make the statistic 0/0; scipy raises instead). No Yates continuity correction, as
 * `scipy.stats.chi2_contingency(table, correction=False)`. When fewer than two rows or columns remain, dof is 0 and
 * the result is { statistic: 0, pValue: 1, dof: 0 } (nothing to compare), as scipy returns for a 1 × c table.
 * The χ² approximation wants expected counts ≳ 5; with a million rows that holds for all but rare categories.
 *
 * Source: Agresti, "Categorical Data Analysis" (3rd ed., 2013) §3.2.
 * Complexity: O(r·c).
 * @throws {RangeError} when the table is empty or ragged, a count is negative or not finite, or all counts are 0.
 * @example chiSquareContingency([[10, 20], [20, 10]]) // { statistic: 6.666666666666667, pValue: 0.009823274507519254, dof: 1 }
 */
export function chiSquareContingency(table: number[][]): { statistic: number; pValue: number; dof: number } {
  const r0 = table.length;
  if (r0 === 0 || table[0].length === 0) throw new RangeError('chiSquareContingency requires a non-empty table');
  const c0 = table[0].length;
  const rowSum = new Float64Array(r0);
  const colSum = new Float64Array(c0);
  let total = 0;
  for (let i = 0; i < r0; i++) {
    const row = table[i];
    if (row.length !== c0) {
      throw new RangeError(`chiSquareContingency requires rows of equal length, row ${i} has ${row.length}, row 0 has ${c0}`);
    }
    for (let j = 0; j < c0; j++) {
      const v = row[j];
      if (!(v >= 0 && v < Infinity)) {
        throw new RangeError(`chiSquareContingency requires non-negative finite counts, table[${i}][${j}] is ${v}`);
      }
      rowSum[i] += v;
      colSum[j] += v;
      total += v;
    }
  }
  if (total === 0) throw new RangeError('chiSquareContingency requires at least one positive count');
  let rows = 0;
  let cols = 0;
  for (let i = 0; i < r0; i++) if (rowSum[i] > 0) rows++;
  for (let j = 0; j < c0; j++) if (colSum[j] > 0) cols++;
  const dof = (rows - 1) * (cols - 1);
  if (dof === 0) return { statistic: 0, pValue: 1, dof: 0 };
  let statistic = 0;
  for (let i = 0; i < r0; i++) {
    if (rowSum[i] === 0) continue;
    const row = table[i];
    for (let j = 0; j < c0; j++) {
      if (colSum[j] === 0) continue;
      const expected = (rowSum[i] * colSum[j]) / total;
      const d = row[j] - expected;
      statistic += (d * d) / expected;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}
