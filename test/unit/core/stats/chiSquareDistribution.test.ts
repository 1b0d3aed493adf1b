import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquareSf } from '../../../../src/core/stats/chiSquareDistribution';
import { logGamma } from '../../../../src/core/stats/logGamma';
import { assertClose, expected } from './expectedFixture';

// Expected: mpmath.gammainc(dof/2, x/2, inf, regularized=True) at 40 digits (the true value) to 1e-12 relative, and
// scipy.stats.chi2.sf(x, dof) to 1e-10 — looser because scipy's own error reaches ~4e-12 at dof ≈ 10⁴ in the tail
// (e.g. x = 14998.5, dof = 9999: scipy 6.2025202398157e-208, mpmath 6.2025202398415e-208).
test('chiSquareSf = mpmath regularised upper incomplete gamma (1e-12) and scipy chi2.sf (1e-10)', () => {
  for (const c of expected.chiSquareSf as Array<{ x: number; dof: number; scipy: number; mpmath: number }>) {
    const v = chiSquareSf(c.x, c.dof);
    assertClose(v, c.mpmath, 1e-12, `chiSquareSf(${c.x}, ${c.dof}) vs mpmath`);
    assertClose(v, c.scipy, 1e-10, `chiSquareSf(${c.x}, ${c.dof}) vs scipy`);
  }
});

test('chiSquareSf edges: 1 at x ≤ 0, 0 at +∞; dof 2 is exp(−x/2) exactly in theory', () => {
  assert.equal(chiSquareSf(0, 3), 1);
  assert.equal(chiSquareSf(-1, 3), 1);
  assert.equal(chiSquareSf(Infinity, 3), 0);
  assertClose(chiSquareSf(7, 2), Math.exp(-3.5), 1e-14, 'dof 2');
});

test('logGamma: ln of factorials and Γ(½) = √π', () => {
  let f = 1;
  for (let n = 1; n <= 30; n++) {
    f *= n;
    assertClose(logGamma(n + 1), Math.log(f), 1e-14, `ln ${n}!`, 1e-14);
  }
  assertClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14, 'ln Γ(½)');
});

test('chiSquareSf and logGamma throw RangeError naming the function', () => {
  assert.throws(() => chiSquareSf(1, 0), { name: 'RangeError', message: /chiSquareSf/ });
  assert.throws(() => chiSquareSf(NaN, 2), { name: 'RangeError', message: /chiSquareSf/ });
  assert.throws(() => logGamma(0), { name: 'RangeError', message: /logGamma/ });
});
