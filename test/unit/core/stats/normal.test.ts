import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalCdf, normalPpf, normalSf } from '../../../../src/core/stats/normal';
import { assertClose, expected, num } from './expectedFixture';

// Expected: scipy.stats.norm.cdf / .sf / .ppf. 1e-12 relative for values ≥ 1e-300 (below that scipy returns
// subnormals whose relative precision is meaningless).
const N = expected.normal as { z: number[]; cdf: number[]; sf: number[]; p: number[]; ppf: number[] };

test('normalCdf and normalSf = scipy.stats.norm.cdf/sf to 1e-12 relative', () => {
  N.z.forEach((z, i) => {
    if (num(N.cdf[i]) >= 1e-300) assertClose(normalCdf(z), num(N.cdf[i]), 1e-12, `cdf(${z})`);
    if (num(N.sf[i]) >= 1e-300) assertClose(normalSf(z), num(N.sf[i]), 1e-12, `sf(${z})`);
  });
});

test('normalPpf = scipy.stats.norm.ppf to 1e-12 relative, and inverts normalCdf', () => {
  N.p.forEach((p, i) => assertClose(normalPpf(p), num(N.ppf[i]), 1e-12, `ppf(${p})`));
  // Only where cdf(z) keeps its digits: above z ≈ 2, 1 − cdf(z) loses them to rounding near 1.
  for (const z of [-30, -8, -3, -1, 0.3, 2]) assertClose(normalPpf(normalCdf(z)), z, 1e-12, `ppf(cdf(${z}))`);
  assert.equal(normalPpf(0), -Infinity);
  assert.equal(normalPpf(1), Infinity);
});

test('normalPpf throws RangeError naming the function', () => {
  assert.throws(() => normalPpf(1.5), { name: 'RangeError', message: /normalPpf/ });
  assert.throws(() => normalPpf(NaN), { name: 'RangeError', message: /normalPpf/ });
});
