import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linearFit } from '../../../../src/core/stats/linearFit';
import { assertClose, expected } from './expectedFixture';

// Expected: scipy.stats.linregress(x, y) (slope, intercept, rvalue²). 1e-9 relative (1e-12 absolute near 0).
for (const c of expected.linearFit as Array<{ name: string; x: number[]; y: number[]; slope: number; intercept: number; r2: number }>) {
  test(`linearFit ${c.name} = scipy linregress`, () => {
    const r = linearFit(c.x, c.y);
    assertClose(r.slope, c.slope, 1e-9, 'slope', 1e-12);
    assertClose(r.intercept, c.intercept, 1e-9, 'intercept', 1e-9);
    assertClose(r.r2, c.r2, 1e-9, 'r2', 1e-12);
  });
}

test('linearFit throws RangeError naming the function', () => {
  assert.throws(() => linearFit([1], [2]), { name: 'RangeError', message: /linearFit/ });
  assert.throws(() => linearFit([1, 2], [2]), { name: 'RangeError', message: /linearFit/ });
  assert.throws(() => linearFit([3, 3, 3], [1, 2, 3]), { name: 'RangeError', message: /not all equal/ });
});
