import { test } from 'node:test';
import assert from 'node:assert/strict';
import { psi } from '../../../../src/core/stats/psi';
import { jensenShannon } from '../../../../src/core/stats/jensenShannon';
import { assertClose, expected } from './expectedFixture';

interface CountCase {
  name: string;
  expected: number[];
  actual: number[];
  psi: number;
  jensenShannon: number;
  psiEps0: number | null;
  jensenShannonEps0: number;
}

// Expected: make_expected.py psi_ref (numpy: p = max(count/total, 1e-4), Σ(pa − pe)·ln(pa/pe), no renormalisation)
// and scipy.spatial.distance.jensenshannon(floored p, floored q, base=2); with ε = 0, plain proportions. 1e-9.
for (const c of expected.counts as CountCase[]) {
  test(`psi and jensenShannon: ${c.name}`, () => {
    assertClose(psi(c.expected, c.actual), c.psi, 1e-9, `${c.name} psi`, 1e-15);
    assertClose(jensenShannon(c.expected, c.actual), c.jensenShannon, 1e-9, `${c.name} js`, 1e-12);
    if (c.psiEps0 !== null) assertClose(psi(c.expected, c.actual, 0), c.psiEps0, 1e-9, `${c.name} psi ε=0`, 1e-15);
    assertClose(jensenShannon(c.expected, c.actual, 0), c.jensenShannonEps0, 1e-9, `${c.name} js ε=0`, 1e-12);
  });
}

test('psi is symmetric and zero for equal distributions; JS is within [0, 1]', () => {
  assert.equal(psi([60, 40], [40, 60]), psi([40, 60], [60, 40]));
  assert.equal(psi([1, 2, 3], [2, 4, 6]), 0);
  assert.equal(jensenShannon([1, 0], [0, 1], 0), 1);
  assert.ok(jensenShannon([1, 0], [0, 1]) <= 1);
});

test('psi and jensenShannon throw RangeError naming the function', () => {
  for (const [fn, name] of [[psi, 'psi'], [jensenShannon, 'jensenShannon']] as const) {
    assert.throws(() => fn([], []), { name: 'RangeError', message: new RegExp(`^${name} `) });
    assert.throws(() => fn([1, 2], [1]), { name: 'RangeError', message: /equal length/ });
    assert.throws(() => fn([0, 0], [1, 1]), { name: 'RangeError', message: /positive total/ });
    assert.throws(() => fn([-1, 2], [1, 1]), { name: 'RangeError', message: /non-negative/ });
    assert.throws(() => fn([1, 2], [1, 1], 1), { name: 'RangeError', message: /epsilon/ });
  }
});
