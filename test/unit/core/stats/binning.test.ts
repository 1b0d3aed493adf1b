import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binCounts, quantileEdges, quantileEdgesSorted } from '../../../../src/core/stats/binning';
import { psi } from '../../../../src/core/stats/psi';
import { jensenShannon } from '../../../../src/core/stats/jensenShannon';
import { assertClose, expected, materialize, num } from './expectedFixture';

interface BinCase {
  name: string;
  train: never;
  prod: never;
  bins: number;
  edges: Array<number | string>;
  trainCounts: number[];
  prodCounts: number[];
  psi: number;
  jensenShannon: number;
}

// Expected: np.unique(np.quantile(train[~nan], np.arange(1, bins)/bins)) for the edges, np.searchsorted(edges, v,
// side='left') + np.bincount for the counts (bins (−∞, e1], (e1, e2], …, (ek, +∞)); PSI and JS from those counts as
// in make_expected.py (psi_ref, scipy jensenshannon). Edges bit-identical (the same operations as numpy's 'linear'
// method), counts exact, PSI/JS 1e-9.
for (const c of expected.binning as BinCase[]) {
  test(`quantileEdges/binCounts/psi/jensenShannon: ${c.name} = numpy/scipy`, () => {
    const train = materialize(c.train);
    const prod = materialize(c.prod);
    const edges = quantileEdges(train, c.bins);
    assert.equal(edges.length, c.edges.length, 'number of edges after deduplication');
    edges.forEach((e, i) => assert.equal(e, num(c.edges[i]), `${c.name} edge ${i}`));
    const ct = binCounts(train, edges);
    const cp = binCounts(prod, edges);
    assert.deepEqual(Array.from(ct), c.trainCounts);
    assert.deepEqual(Array.from(cp), c.prodCounts);
    assertClose(psi(ct, cp), c.psi, 1e-9, `${c.name} psi`, 1e-15);
    assertClose(jensenShannon(ct, cp), c.jensenShannon, 1e-9, `${c.name} js`, 1e-12);
  });
}

test('quantileEdges: ties collapse into fewer bins; a constant column gives one edge', () => {
  assert.deepEqual(quantileEdges(Float64Array.of(0, 0, 0, 0, 1), 4), [0]);
  assert.deepEqual(quantileEdges(Float64Array.of(7, 7, 7), 10), [7]);
  assert.deepEqual(quantileEdges(Float64Array.of(1, 2, 3, 4, 5), 1), []);
  assert.deepEqual(quantileEdgesSorted(Float64Array.of(1, 2, 3, 4, 5), 2), [3]);
});

test('binCounts: right-closed bins, open outer bins, NaN skipped, ±Infinity in the outer bins', () => {
  assert.deepEqual(Array.from(binCounts(Float64Array.of(1, 2, 3, 4, 5, NaN), [2, 4])), [2, 2, 1]);
  assert.deepEqual(Array.from(binCounts(Float64Array.of(-Infinity, Infinity, 2), [2])), [2, 1]);
  assert.deepEqual(Array.from(binCounts(Float64Array.of(1, 2, 3), [])), [3]);
});

test('binning throws RangeError naming the function', () => {
  assert.throws(() => quantileEdges(new Float64Array(0), 10), { name: 'RangeError', message: /quantileEdges/ });
  assert.throws(() => quantileEdges(Float64Array.of(NaN, NaN), 10), { name: 'RangeError', message: /quantileEdges/ });
  assert.throws(() => quantileEdges(Float64Array.of(1, 2), 0), { name: 'RangeError', message: /bins/ });
  assert.throws(() => quantileEdges(Float64Array.of(1, 2), 2.5), { name: 'RangeError', message: /bins/ });
  assert.throws(() => binCounts(Float64Array.of(1), [2, 2]), { name: 'RangeError', message: /binCounts/ });
});
