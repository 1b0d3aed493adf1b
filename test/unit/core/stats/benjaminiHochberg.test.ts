import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benjaminiHochberg } from '../../../../src/core/stats/benjaminiHochberg';
import { assertClose, expected } from './expectedFixture';

// Expected: make_expected.py bh_ref — a numpy transcription of scipy.stats.false_discovery_control(p, method='bh')
// (Debian's scipy 1.10 predates that function). 1e-14 relative.
for (const c of expected.benjaminiHochberg as Array<{ name: string; p: number[]; adjusted: number[] }>) {
  test(`benjaminiHochberg ${c.name}`, () => {
    const adj = benjaminiHochberg(c.p);
    assert.equal(adj.length, c.p.length);
    adj.forEach((v, i) => assertClose(v, c.adjusted[i], 1e-14, `${c.name}[${i}]`, 1e-300));
  });
}

test('benjaminiHochberg: adjusted ≥ raw, order kept, empty in → empty out, input untouched', () => {
  const p = [0.04, 0.001, 0.2];
  const adj = benjaminiHochberg(p);
  adj.forEach((v, i) => assert.ok(v >= p[i]));
  assert.deepEqual(p, [0.04, 0.001, 0.2]);
  assert.deepEqual(benjaminiHochberg([]), []);
});

test('benjaminiHochberg throws RangeError naming the function on invalid p-values', () => {
  assert.throws(() => benjaminiHochberg([0.1, NaN]), { name: 'RangeError', message: /benjaminiHochberg/ });
  assert.throws(() => benjaminiHochberg([1.2]), { name: 'RangeError', message: /benjaminiHochberg/ });
});
