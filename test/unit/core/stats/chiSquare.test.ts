import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquareContingency } from '../../../../src/core/stats/chiSquare';
import { assertClose, expected } from './expectedFixture';

// Expected: scipy.stats.chi2_contingency(table without all-zero rows/columns, correction=False). Statistic 1e-9
// relative, p-value 1e-6 relative (scipy's chi2.sf is accurate to ~1e-12 at these dof; see chiSquareDistribution).
for (const c of expected.chiSquare as Array<{ name: string; table: number[][]; statistic: number; pValue: number; dof: number }>) {
  test(`chiSquareContingency ${c.name} = scipy chi2_contingency`, () => {
    const r = chiSquareContingency(c.table);
    assert.equal(r.dof, c.dof);
    assertClose(r.statistic, c.statistic, 1e-9, `${c.name} statistic`, 1e-12);
    assertClose(r.pValue, c.pValue, 1e-6, `${c.name} p-value`, 1e-300);
  });
}

test('chiSquareContingency throws RangeError naming the function', () => {
  assert.throws(() => chiSquareContingency([]), { name: 'RangeError', message: /chiSquareContingency/ });
  assert.throws(() => chiSquareContingency([[]]), { name: 'RangeError', message: /chiSquareContingency/ });
  assert.throws(() => chiSquareContingency([[1, 2], [3]]), { name: 'RangeError', message: /equal length/ });
  assert.throws(() => chiSquareContingency([[0, 0], [0, 0]]), { name: 'RangeError', message: /positive count/ });
  assert.throws(() => chiSquareContingency([[1, -2], [3, 4]]), { name: 'RangeError', message: /non-negative/ });
});
