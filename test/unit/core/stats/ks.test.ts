import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ksTwoSample, ksTwoSampleSorted, type KsMethod } from '../../../../src/core/stats/ks';
import { kolmogorovSf } from '../../../../src/core/stats/kolmogorovDistribution';
import { smirnovSf } from '../../../../src/core/stats/smirnov';
import { ksExactSf } from '../../../../src/core/stats/ksExact';
import { durbinMatrixCdf } from '../../../../src/core/stats/durbinMatrix';
import { assertClose, expected, lcg, materialize } from './expectedFixture';

interface KsCase {
  name: string;
  a: never;
  b: never;
  method: KsMethod;
  methodUsed: 'exact' | 'asymptotic';
  statistic: number;
  pValue: number;
  source: string;
}

test('fixture generator: TypeScript rebuilds the same inputs as make_expected.py', () => {
  const g = expected.generator.check;
  assert.deepEqual(Array.from(materialize(g.spec)), g.values);
  assert.deepEqual(Array.from(lcg(42, 3)), g.uniform);
});

// Expected values: scipy.stats.ks_2samp(a, b, alternative='two-sided', method=…) (scipy 1.10), see each case's
// `source`. Statistic to 1e-9 relative. p-values tighter than the 1e-6 asked for: exact 1e-12 (the same lattice
// recursion; observed 1.4e-15), asymptotic 1e-9 (the same kstwo.sf branches — Smirnov sum, Durbin matrix,
// Pelz–Good; observed 1.4e-13).
for (const c of expected.ks as KsCase[]) {
  test(`ksTwoSample ${c.name} (${c.method}) = scipy ks_2samp`, () => {
    const a = materialize(c.a);
    const b = materialize(c.b);
    const r = ksTwoSample(a, b, c.method);
    assert.equal(r.method, c.methodUsed, 'method actually used');
    assertClose(r.statistic, c.statistic, 1e-9, `${c.name} statistic`);
    assertClose(r.pValue, c.pValue, r.method === 'exact' ? 1e-12 : 1e-9, `${c.name} p-value`, 1e-300);
  });
}

test('ksTwoSampleSorted on sorted copies equals ksTwoSample, and inputs are not modified', () => {
  const c = (expected.ks as KsCase[]).find((k) => k.name.startsWith('500 vs 400'))!;
  const a = materialize(c.a);
  const b = materialize(c.b);
  const before = Float64Array.from(a);
  const r1 = ksTwoSample(a, b);
  assert.deepEqual(a, before);
  const r2 = ksTwoSampleSorted(Float64Array.from(a).sort(), Float64Array.from(b).sort());
  assert.deepEqual(r2, r1);
});

test('ksTwoSample is symmetric in its samples', () => {
  const a = materialize({ lcg: { kind: 'normal4', n: 300, seed: 5 } });
  const b = materialize({ lcg: { kind: 'normal4', n: 170, seed: 6, shift: 0.2 } });
  assert.deepEqual(ksTwoSample(a, b), ksTwoSample(b, a));
});

// scipy.stats.kstwo.sf(x, n): covers every branch (Ruben–Gambino, Durbin matrix, Pomeranz range, Pelz–Good,
// Smirnov tail). 1e-9 relative (observed 1.1e-11; scipy's Pomeranz vs our Durbin matrix agree to ~1e-13).
test('kolmogorovSf = scipy.stats.kstwo.sf on a grid of n and x', () => {
  for (const c of expected.kstwo as Array<{ n: number; x: number; sf: number }>) {
    assertClose(kolmogorovSf(c.n, c.x), c.sf, 1e-9, `kstwo.sf(${c.x}, ${c.n})`, 1e-300);
  }
});

// scipy.special.smirnov(n, x), which adds every Birnbaum–Tingey term up to n = 10⁶; includes n ≥ 40 000 where
// smirnovSf samples the sum on a stride. 1e-10 relative (observed 1e-12).
test('smirnovSf = scipy.special.smirnov (exact one-sided tail)', () => {
  for (const c of expected.smirnov as Array<{ n: number; x: number; sf: number }>) {
    assertClose(smirnovSf(c.n, c.x), c.sf, 1e-10, `smirnov(${c.n}, ${c.x})`, 1e-300);
  }
});

test('smirnovSf: the strided sum equals the full sum (offsets agree) and the Massart cut-off gives 0', () => {
  // Full sums for comparison come from scipy above; here: monotone in x and exactly 0 beyond exp(−2nx²) < 5e-324.
  assert.ok(smirnovSf(100000, 0.005) > smirnovSf(100000, 0.006));
  assert.equal(smirnovSf(1000, 0.7), 0);
});

test('ksExactSf small cases by counting interleavings by hand', () => {
  // n1 = n2 = 3, D = 1: only the 2 interleavings aaabbb and bbbaaa out of C(6,3) = 20.
  assertClose(ksExactSf(3, 3, 3), 0.1, 1e-15, 'ksExactSf(3,3,3)');
  // n1 = 1, n2 = 2: D ≥ 1 when the single a is first or last: 2 of 3 interleavings.
  assertClose(ksExactSf(1, 2, 2), 2 / 3, 1e-15, 'ksExactSf(1,2,2)');
  assert.equal(ksExactSf(4, 7, 0), 1);
});

test('durbinMatrixCdf: n = 1 closed form P(D₁ ≤ x) = 2x − 1 for ½ ≤ x ≤ 1', () => {
  assertClose(durbinMatrixCdf(1, 0.75), 0.5, 1e-14, 'n=1, x=0.75');
});

test('throws RangeError naming the function on empty input, NaN, or an unknown method', () => {
  assert.throws(() => ksTwoSample(new Float64Array(0), Float64Array.of(1)), { name: 'RangeError', message: /ksTwoSample/ });
  assert.throws(() => ksTwoSample(Float64Array.of(1), new Float64Array(0)), { name: 'RangeError', message: /ksTwoSample/ });
  assert.throws(() => ksTwoSample(Float64Array.of(1, NaN), Float64Array.of(1)), { name: 'RangeError', message: /NaN/ });
  assert.throws(() => ksTwoSampleSorted([], [1]), { name: 'RangeError', message: /ksTwoSampleSorted/ });
  assert.throws(() => ksTwoSample(Float64Array.of(1), Float64Array.of(2), 'fast' as KsMethod), { name: 'RangeError', message: /method/ });
  assert.throws(() => kolmogorovSf(0, 0.5), { name: 'RangeError', message: /kolmogorovSf/ });
  assert.throws(() => smirnovSf(2.5, 0.5), { name: 'RangeError', message: /smirnovSf/ });
  assert.throws(() => ksExactSf(0, 3, 1), { name: 'RangeError', message: /ksExactSf/ });
});
