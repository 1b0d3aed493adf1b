import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32, sampleIndices, shuffleInPlace } from '../../../../src/core/stats/random';
import { chiSquareContingency } from '../../../../src/core/stats/chiSquare';
import { expected } from './expectedFixture';

// Expected: make_expected.py mulberry32 — a python transcription with explicit 32-bit masks (no library ships
// mulberry32), so this checks the Math.imul / >>> port bit for bit.
test('mulberry32 matches the python transcription bit for bit', () => {
  for (const c of expected.mulberry32 as Array<{ seed: number; values: number[] }>) {
    const rng = mulberry32(c.seed);
    assert.deepEqual(c.values.map(() => rng()), c.values, `seed ${c.seed}`);
  }
});

test('sampleIndices: sorted, distinct, in range, deterministic per seed', () => {
  const s = sampleIndices(1000, 100, mulberry32(7));
  assert.equal(s.length, 100);
  for (let i = 1; i < s.length; i++) assert.ok(s[i] > s[i - 1], 'strictly increasing');
  assert.ok(s[s.length - 1] < 1000);
  assert.deepEqual(sampleIndices(1000, 100, mulberry32(7)), s);
  assert.deepEqual(Array.from(sampleIndices(5, 5, mulberry32(1))), [0, 1, 2, 3, 4]);
  assert.equal(sampleIndices(5, 0, mulberry32(1)).length, 0);
});

test('sampleIndices is uniform: 20 000 draws of 3 from 10 pass a chi-square test', () => {
  const rng = mulberry32(123);
  const counts = new Array<number>(10).fill(0);
  for (let r = 0; r < 20000; r++) for (const i of sampleIndices(10, 3, rng)) counts[i]++;
  const { pValue } = chiSquareContingency([counts, new Array<number>(10).fill(6000)]);
  assert.ok(pValue > 0.001, `p = ${pValue}, counts ${counts}`);
});

test('shuffleInPlace permutes (same multiset) and is deterministic per seed', () => {
  const a = shuffleInPlace(Uint32Array.from({ length: 50 }, (_, i) => i), mulberry32(9));
  assert.deepEqual(Array.from(a).sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  assert.notDeepEqual(Array.from(a), Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual(shuffleInPlace(Uint32Array.from({ length: 50 }, (_, i) => i), mulberry32(9)), a);
});

test('sampleIndices throws RangeError naming the function', () => {
  assert.throws(() => sampleIndices(3, 4, mulberry32(1)), { name: 'RangeError', message: /sampleIndices/ });
  assert.throws(() => sampleIndices(-1, 0, mulberry32(1)), { name: 'RangeError', message: /sampleIndices/ });
});

test('sampleIndices: the Set path (n ≫ k) is sorted, distinct and in range too', () => {
  const n = 50_000_000;
  const s = sampleIndices(n, 1000, mulberry32(11));
  assert.equal(s.length, 1000);
  for (let i = 1; i < s.length; i++) assert.ok(s[i] > s[i - 1]);
  assert.ok(s[s.length - 1] < n);
});
