import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean, median, quantileSorted, std, variance } from '../../../../src/core/stats/descriptive';
import { assertClose, expected } from './expectedFixture';

// Expected: numpy mean, var(ddof=1), std(ddof=1), median, quantile(method='linear'). 1e-13 relative (summation order
// differs: numpy sums pairwise, mean() uses compensated summation).
for (const c of expected.descriptive as Array<Record<string, never>>) {
  test(`descriptive ${c.name} = numpy`, () => {
    const v = c.values as number[];
    assertClose(mean(v), c.mean, 1e-13, 'mean');
    assertClose(median(v), c.median, 1e-13, 'median');
    if (v.length >= 2) {
      assertClose(variance(v), c.variance, 1e-12, 'variance');
      assertClose(std(v), c.std, 1e-12, 'std');
    }
    const sorted = Float64Array.from(v).sort();
    // Bit-identical: the same index and interpolation operations as numpy's 'linear' method.
    (c.p as number[]).forEach((p, i) => assert.equal(quantileSorted(sorted, p), (c.quantiles as number[])[i], `quantile ${p}`));
  });
}

test('descriptive functions throw RangeError naming the function', () => {
  assert.throws(() => mean([]), { name: 'RangeError', message: /^mean/ });
  assert.throws(() => variance([1]), { name: 'RangeError', message: /^variance/ });
  assert.throws(() => std([1]), { name: 'RangeError', message: /^std/ });
  assert.throws(() => median([]), { name: 'RangeError', message: /^median/ });
  assert.throws(() => quantileSorted([], 0.5), { name: 'RangeError', message: /^quantileSorted/ });
  assert.throws(() => quantileSorted([1, 2], 1.5), { name: 'RangeError', message: /^quantileSorted/ });
});
