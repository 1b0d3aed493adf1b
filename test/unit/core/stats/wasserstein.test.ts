import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasserstein, wassersteinSorted } from '../../../../src/core/stats/wasserstein';
import { assertClose, expected, materialize } from './expectedFixture';

// Expected: scipy.stats.wasserstein_distance(a, b) on the same pairs as the KS cases (ties, n = 1, identical,
// constant, disjoint, 20 000 vs 30 000). 1e-9 relative; 1e-15 absolute where scipy's value is 0.
for (const c of expected.ks as Array<{ name: string; method: string; a: never; b: never; wasserstein: number }>) {
  if (c.method !== 'auto') continue;
  test(`wasserstein ${c.name} = scipy.stats.wasserstein_distance`, () => {
    assertClose(wasserstein(materialize(c.a), materialize(c.b)), c.wasserstein, 1e-9, c.name, 1e-15);
  });
}

test('wasserstein of a shift is the shift, and the sorted variant agrees', () => {
  const a = Float64Array.of(0, 1, 3);
  const b = Float64Array.of(5, 6, 8);
  assert.equal(wasserstein(a, b), 5);
  assert.equal(wassersteinSorted(a, b), 5);
  assert.deepEqual(a, Float64Array.of(0, 1, 3), 'input not modified');
});

test('wasserstein throws RangeError naming the function on empty input or NaN', () => {
  assert.throws(() => wasserstein(new Float64Array(0), Float64Array.of(1)), { name: 'RangeError', message: /wasserstein/ });
  assert.throws(() => wassersteinSorted([1], []), { name: 'RangeError', message: /wassersteinSorted/ });
  assert.throws(() => wasserstein(Float64Array.of(1, NaN), Float64Array.of(1)), { name: 'RangeError', message: /NaN/ });
});
