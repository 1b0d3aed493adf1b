import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuantileSketch, mergeSketchStates, rankErrorBound, sketchQuantiles } from '../../../../src/core/stats/quantileSketch';

/** A small seeded generator local to the test, so the data does not depend on code under test. */
function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Largest |estimated − true| share of values ≤ x over 1001 query points spread across the data. */
function maxRankError(data: Float64Array, sketch: QuantileSketch): number {
  const sorted = Float64Array.from(data).sort();
  const n = sorted.length;
  let worst = 0;
  for (let i = 0; i <= 1000; i++) {
    const x = sorted[Math.min(n - 1, Math.floor((i / 1000) * n))];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (sorted[m] <= x) lo = m + 1;
      else hi = m;
    }
    worst = Math.max(worst, Math.abs(sketch.rank(x) - lo / n));
  }
  return worst;
}

/** Distance from p to the true rank interval [#(< q), #(≤ q)] / n of the estimated quantile q. */
function quantileRankError(sorted: Float64Array, q: number, p: number): number {
  let below = 0;
  let atOrBelow = 0;
  for (const v of sorted) {
    if (v < q) below++;
    if (v <= q) atOrBelow++;
  }
  const n = sorted.length;
  if (p < below / n) return below / n - p;
  if (p > atOrBelow / n) return p - atOrBelow / n;
  return 0;
}

function sketchOf(data: Float64Array, k?: number): QuantileSketch {
  const s = new QuantileSketch(k);
  for (const x of data) s.update(x);
  return s;
}

test('up to k values the sketch is exact and matches numpy linear interpolation', () => {
  // numpy.quantile(np.arange(1, 11), [0.1, 0.25, 0.5, 0.9, 0.99]) → [1.9, 3.25, 5.5, 9.1, 9.91]
  const s = sketchOf(Float64Array.from([7, 3, 10, 1, 5, 2, 9, 4, 8, 6]));
  const q = s.quantiles([0.1, 0.25, 0.5, 0.9, 0.99]);
  [1.9, 3.25, 5.5, 9.1, 9.91].forEach((want, i) => assert.ok(Math.abs(q[i] - want) < 1e-12, `${q[i]} vs ${want}`));
  // numpy.quantile([3.5, -1, 7, 7, 2], [0, 0.3, 0.5, 1]) → [-1.0, 2.3, 3.5, 7.0]
  const t = sketchOf(Float64Array.from([3.5, -1, 7, 7, 2]));
  assert.deepEqual(t.quantiles([0, 0.3, 0.5, 1]).map((x) => Math.round(x * 1e12) / 1e12), [-1, 2.3, 3.5, 7]);
});

test('empty sketch gives NaN; NaN input is ignored; one value is every quantile', () => {
  const e = new QuantileSketch();
  assert.ok(Number.isNaN(e.quantile(0.5)));
  assert.ok(Number.isNaN(e.rank(1)));
  e.update(NaN);
  assert.equal(e.n, 0);
  e.update(42);
  assert.deepEqual(e.quantiles([0, 0.5, 1]), [42, 42, 42]);
});

test('rank error stays within the stated bound on 1e5 and 1e6 values, in any order', () => {
  const bound = rankErrorBound(200);
  for (const n of [100_000, 1_000_000]) {
    const r = rng(n);
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = -Math.log(1 - r()) * 3; // exponential, skewed
    const orders: [string, Float64Array][] = [
      ['random', data],
      ['sorted', Float64Array.from(data).sort()],
      ['reversed', Float64Array.from(data).sort().reverse()],
    ];
    // 10^6 values in random order only: the sorted orders are the easy case and would double the run time.
    for (const [name, d] of n > 100_000 ? orders.slice(0, 1) : orders) {
      const err = maxRankError(d, sketchOf(d));
      assert.ok(err <= bound, `n=${n} ${name}: rank error ${err} > bound ${bound}`);
    }
  }
});

test('estimated quantiles have true ranks within the bound', () => {
  const n = 200_000;
  const r = rng(11);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = Math.round(r() * 1000) / 10; // many ties
  const s = sketchOf(data);
  const sorted = Float64Array.from(data).sort();
  for (const p of [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]) {
    const err = quantileRankError(sorted, s.quantile(p), p);
    assert.ok(err <= rankErrorBound(200), `p=${p}: rank error ${err}`);
  }
});

test('merging chunk sketches ≈ the sketch of the whole, within the bound', () => {
  const n = 400_000;
  const r = rng(5);
  const data = new Float64Array(n);
  // Chunks from different distributions, so a merge that lost a chunk's weight would show.
  for (let i = 0; i < n; i++) data[i] = i < n / 2 ? r() : 10 + 5 * r();
  const chunks = [0, 1, 2, 3, 4].map((c) => data.subarray((c * n) / 5, ((c + 1) * n) / 5));
  const states = chunks.map((c) => sketchOf(c).toState());
  // Serialise through JSON to prove the state is plain data.
  const revived = states.map((s) => JSON.parse(JSON.stringify(s)));
  const merged = revived.reduce((a, b) => mergeSketchStates(a, b));
  assert.equal(merged.n, n);
  const mergedSketch = QuantileSketch.fromState(merged);
  assert.ok(maxRankError(data, mergedSketch) <= rankErrorBound(200));
  const whole = sketchOf(data).quantiles([0.25, 0.5, 0.75]);
  const fromMerge = sketchQuantiles(merged, [0.25, 0.5, 0.75]);
  const sorted = Float64Array.from(data).sort();
  [0.25, 0.5, 0.75].forEach((p, i) => {
    assert.ok(quantileRankError(sorted, whole[i], p) <= rankErrorBound(200));
    assert.ok(quantileRankError(sorted, fromMerge[i], p) <= rankErrorBound(200));
  });
});

test('the state stays bounded (about 4k + 8·levels numbers) and levels are sorted', () => {
  const s = sketchOf(Float64Array.from({ length: 2_000_000 }, (_, i) => (i * 7919) % 2_000_000));
  const st = s.toState();
  const retained = st.levels.reduce((a, l) => a + l.length, 0);
  // Budget: k at the bottom + k·Σ(2/3)^j ≤ 3k above it + at most 9 per level for the minimum widths and rounding.
  assert.ok(retained <= 4 * 200 + 9 * st.levels.length, `retained ${retained} in ${st.levels.length} levels`);
  assert.ok(st.levels.length <= 16, `levels ${st.levels.length}`);
  for (const l of st.levels) for (let i = 1; i < l.length; i++) assert.ok(l[i - 1] <= l[i]);
});

test('same input in the same order gives the same state (deterministic coins)', () => {
  const d = Float64Array.from({ length: 50_000 }, (_, i) => Math.sin(i) * 100);
  assert.deepEqual(sketchOf(d).toState(), sketchOf(d).toState());
});

test('misuse throws RangeError naming the function', () => {
  assert.throws(() => new QuantileSketch(3), /QuantileSketch requires an integer k/);
  assert.throws(() => sketchOf(Float64Array.from([1, 2])).quantile(1.5), /requires 0 ≤ p ≤ 1/);
});

test('sketchStateFromSorted: total weight is n, ranks within the bound, merges with a streamed sketch', async () => {
  const { sketchStateFromSorted, sketchQuantiles, mergeSketchStates, rankErrorBound, QuantileSketch } = await import('../../../../src/core/stats/quantileSketch');
  for (const n of [0, 1, 7, 200, 201, 12345, 300000]) {
    const values = new Float64Array(n);
    let x = 12345;
    for (let i = 0; i < n; i++) values[i] = (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sorted = Float64Array.from(values).sort();
    const state = sketchStateFromSorted(sorted, 200);
    const weight = state.levels.reduce((s, l, h) => s + l.length * 2 ** h, 0);
    assert.equal(weight, n, `weight for n=${n}`);
    assert.equal(state.n, n);
    for (const l of state.levels) for (let i = 1; i < l.length; i++) assert.ok(l[i - 1] <= l[i], 'levels stay sorted');
    if (n < 200) continue;
    const ps = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
    const qs = sketchQuantiles(state, ps);
    ps.forEach((p, i) => {
      // Rank of the estimate in the exact data, compared with p.
      let lo = 0;
      while (lo < n && sorted[lo] <= qs[i]) lo++;
      assert.ok(Math.abs(lo / n - p) <= rankErrorBound(200), `n=${n} p=${p}: rank ${lo / n}`);
    });
    const streamed = new QuantileSketch(200);
    for (let i = 0; i < 1000; i++) streamed.update(i);
    const merged = mergeSketchStates(state, streamed.toState());
    assert.equal(merged.n, n + 1000);
  }
});

test('profileColumn with sorted values: exact quantiles, same moments as the streaming path', async () => {
  const { profileColumn } = await import('../../../../src/core/io/profileBuild');
  const v = new Float64Array(5000);
  for (let i = 0; i < v.length; i++) v[i] = i % 7 === 0 ? NaN : Math.sin(i) * 100 + i / 10;
  const col = { name: 'x', kind: 'numeric' as const, values: v, sourceType: 'float64' };
  const sorted = Float64Array.from(v).sort().filter((x) => !Number.isNaN(x));
  const a = profileColumn(col);
  const b = profileColumn(col, {}, sorted);
  assert.equal(b.numeric!.count, a.numeric!.count);
  assert.equal(b.numeric!.mean, a.numeric!.mean);
  assert.equal(b.numeric!.std, a.numeric!.std);
  // numpy.quantile(sorted, 0.5) with linear interpolation
  const h = (sorted.length - 1) * 0.5;
  const median = sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]);
  assert.equal(b.numeric!.quantiles.p50, median);
  assert.throws(() => profileColumn(col, {}, sorted.subarray(1)), /sorted has 4284 values/);
});
