import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoProportionZTest } from '../../../../src/core/stats/proportionTest';
import { wilsonInterval } from '../../../../src/core/stats/wilsonInterval';
import { assertClose, expected } from './expectedFixture';

// Expected: the pooled two-proportion z test is the 2×2 chi-square test (z² = X²):
// scipy.stats.chi2_contingency([[x1, n1−x1], [x2, n2−x2]], correction=False), z signed by p̂1 − p̂2. z 1e-9, p 1e-9.
for (const c of expected.proportionTest as Array<{ x1: number; n1: number; x2: number; n2: number; z: number; pValue: number }>) {
  test(`twoProportionZTest ${c.x1}/${c.n1} vs ${c.x2}/${c.n2} = chi2_contingency 2×2`, () => {
    const r = twoProportionZTest(c.x1, c.n1, c.x2, c.n2);
    assertClose(r.z, c.z, 1e-9, 'z', 1e-15);
    assertClose(r.pValue, c.pValue, 1e-9, 'p-value');
  });
}

test('twoProportionZTest: both samples all-success → z 0, p 1; misuse throws RangeError naming the function', () => {
  assert.deepEqual(twoProportionZTest(10, 10, 5, 5), { z: 0, pValue: 1 });
  assert.throws(() => twoProportionZTest(1, 0, 1, 2), { name: 'RangeError', message: /twoProportionZTest/ });
  assert.throws(() => twoProportionZTest(3, 2, 1, 2), { name: 'RangeError', message: /twoProportionZTest/ });
});

// Expected: roots of (p̂ − p)² = z²·p(1 − p)/n found by scipy.optimize.brentq (the definition of the Wilson interval,
// solved numerically rather than by the closed form). 1e-12 relative.
for (const c of expected.wilson as Array<{ successes: number; n: number; z: number; low: number; high: number }>) {
  test(`wilsonInterval ${c.successes}/${c.n}, z=${c.z} = brentq roots of the score equation`, () => {
    const r = wilsonInterval(c.successes, c.n, c.z);
    assertClose(r.low, c.low, 1e-12, 'low', 1e-15);
    assertClose(r.high, c.high, 1e-12, 'high');
  });
}

test('wilsonInterval default z is 95% and misuse throws RangeError naming the function', () => {
  assert.deepEqual(wilsonInterval(8, 10), wilsonInterval(8, 10, 1.959963984540054));
  assert.throws(() => wilsonInterval(1, 0), { name: 'RangeError', message: /wilsonInterval/ });
  assert.throws(() => wilsonInterval(5, 4), { name: 'RangeError', message: /wilsonInterval/ });
  assert.throws(() => wilsonInterval(1, 4, 0), { name: 'RangeError', message: /wilsonInterval/ });
});
