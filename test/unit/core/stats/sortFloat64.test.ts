import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortFloat64 } from '../../../../src/core/stats/sortFloat64';
import { lcg } from './expectedFixture';

// Reference: the built-in Float64Array.prototype.sort (numeric, −0 before +0, NaN last); compared with Object.is,
// so −0/+0 and NaN placement count. Sizes above the radix threshold (65 536) exercise the radix path.
function check(values: Float64Array, what: string): void {
  const want = Float64Array.from(values).sort();
  const got = sortFloat64(Float64Array.from(values));
  for (let i = 0; i < values.length; i++) {
    if (!Object.is(got[i], want[i])) assert.fail(`${what}: index ${i}: got ${got[i]}, expected ${want[i]}`);
  }
}

test('sortFloat64 = built-in sort on random doubles of both signs and wide magnitudes', () => {
  const u = lcg(1, 200_000);
  const v = new Float64Array(100_000);
  for (let i = 0; i < v.length; i++) v[i] = (u[2 * i] - 0.5) * 10 ** Math.floor(u[2 * i + 1] * 40 - 20);
  check(v, 'random');
});

test('sortFloat64 = built-in sort with NaN, ±0, ±Infinity, subnormals and integers (skipped passes)', () => {
  const u = lcg(2, 100_000);
  const v = new Float64Array(100_000);
  const specials = [NaN, -0, 0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE];
  for (let i = 0; i < v.length; i++) v[i] = i % 5 === 0 ? specials[i % specials.length] : Math.floor(u[i] * 1000) - 500;
  check(v, 'specials');
  const ints = new Float64Array(70_000);
  for (let i = 0; i < ints.length; i++) ints[i] = Math.floor(u[i] * 100);
  check(ints, 'integers');
});

test('sortFloat64 sorts in place, handles subarrays, and small inputs', () => {
  const big = new Float64Array(80_000);
  const u = lcg(3, big.length);
  for (let i = 0; i < big.length; i++) big[i] = u[i];
  const view = big.subarray(3, 70_003);
  const want = Float64Array.from(view).sort();
  assert.equal(sortFloat64(view), view);
  assert.deepEqual(view, want);
  assert.deepEqual(sortFloat64(Float64Array.of(3, -1, NaN, 0, -0)), Float64Array.of(-1, -0, 0, 3, NaN));
  assert.deepEqual(sortFloat64(new Float64Array(0)), new Float64Array(0));
});

test('sortFloat64 returns sorted input unchanged, but still orders −0 before +0 and NaN last', () => {
  const sorted = Float64Array.from({ length: 100_000 }, (_, i) => i / 7 - 5000);
  assert.deepEqual(sortFloat64(Float64Array.from(sorted)), sorted);
  assert.deepEqual(sortFloat64(Float64Array.of(-1, 0, -0, 2)), Float64Array.of(-1, -0, 0, 2));
  assert.deepEqual(sortFloat64(Float64Array.of(NaN, 1, 2)), Float64Array.of(1, 2, NaN));
  assert.deepEqual(sortFloat64(Float64Array.of(1, 2, NaN)), Float64Array.of(1, 2, NaN));
});
