import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeProfiles, profileColumn, profileTable, type ColumnProfile } from '../../../../src/core/io/profile';
import { rankErrorBound } from '../../../../src/core/stats/quantileSketch';
import type { NumericColumn, StringColumn } from '../../../../src/core/io/table';

function num(name: string, values: number[] | Float64Array, kind: NumericColumn['kind'] = 'numeric'): NumericColumn {
  return { name, kind, values: Float64Array.from(values), sourceType: 'float64' };
}

function str(name: string, values: (string | null)[], kind: StringColumn['kind'] = 'categorical'): StringColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = dictionary.push(v) - 1));
    return c;
  });
  return { name, kind, codes, dictionary, sourceType: 'string' };
}

function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function closeRel(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300), `${what}: ${a} vs ${b}`);
}

test('numeric profile matches pandas on a small column', () => {
  // pandas: s = pd.Series([2,4,4,4,5,5,7,9,np.nan,0]); s.count(), s.mean(), s.std(), s.min(), s.max()
  //   → 9 4.444444444444445 2.6034165586355513 0.0 9.0; s.quantile([.25,.5,.75]) → [4.0, 4.0, 5.0]
  const p = profileColumn(num('x', [2, 4, 4, 4, 5, 5, 7, 9, NaN, 0]));
  const n = p.numeric!;
  assert.equal(p.rows, 10);
  assert.equal(p.nulls, 1);
  assert.equal(p.nullRate, 0.1);
  assert.equal(n.count, 9);
  closeRel(n.mean, 4.444444444444445, 1e-14, 'mean');
  closeRel(n.std, 2.6034165586355513, 1e-14, 'std');
  assert.equal(n.min, 0);
  assert.equal(n.max, 9);
  assert.equal(n.zeros, 1);
  assert.equal(n.integer, true);
  // Below k values the sketch is exact: pandas s.quantile([.01,.25,.5,.75,.99]) → [0.16, 4.0, 4.0, 5.0, 8.84]
  closeRel(n.quantiles.p01, 0.16, 1e-12, 'p01');
  assert.equal(n.quantiles.p25, 4);
  assert.equal(n.quantiles.p50, 4);
  assert.equal(n.quantiles.p75, 5);
  closeRel(n.quantiles.p99, 8.84, 1e-12, 'p99');
  assert.deepEqual(Object.keys(n.quantiles), ['p01', 'p05', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99']);
});

test('category profile matches pandas value_counts', () => {
  // pandas: c = pd.Series(['b','a','b',None,'c','b','a']); c.value_counts() → b 3, a 2, c 1; c.nunique() → 3
  const p = profileColumn(str('c', ['b', 'a', 'b', null, 'c', 'b', 'a']));
  assert.equal(p.nulls, 1);
  assert.equal(p.categories!.cardinality, 3);
  assert.deepEqual(p.categories!.top, [
    { value: 'b', count: 3 },
    { value: 'a', count: 2 },
    { value: 'c', count: 1 },
  ]);
  assert.deepEqual({ ...p.categories!.counts }, { b: 3, a: 2, c: 1 });
  assert.equal(p.categories!.truncated, false);
});

test('merging two chunk profiles equals the profile of the whole (numeric)', () => {
  const n = 120_000;
  const r = rng(7);
  const all = new Float64Array(n);
  for (let i = 0; i < n; i++) all[i] = r() < 0.05 ? NaN : 1000 + (i < n / 3 ? r() * 10 : 50 + r() * r() * 300);
  const cut = Math.floor(n / 3) + 17;
  const whole = profileColumn(num('x', all)).numeric!;
  const merged = mergeProfiles(profileColumn(num('x', all.subarray(0, cut))), profileColumn(num('x', all.subarray(cut))));
  const m = merged.numeric!;
  assert.equal(merged.rows, n);
  assert.equal(m.count, whole.count);
  assert.equal(merged.nulls, n - whole.count);
  assert.equal(m.min, whole.min);
  assert.equal(m.max, whole.max);
  assert.equal(m.zeros, whole.zeros);
  closeRel(m.mean, whole.mean, 1e-12, 'mean');
  closeRel(m.std, whole.std, 1e-12, 'std');
  closeRel(m.m2, whole.m2, 1e-12, 'm2');
  assert.equal(m.integer, false);
  // Quantiles: the merged estimate's true rank is within the sketch bound.
  const sorted = Float64Array.from(all.filter((x) => x === x)).sort();
  for (const [key, p] of [['p05', 0.05], ['p50', 0.5], ['p95', 0.95]] as const) {
    const q = m.quantiles[key];
    const below = sorted.filter((x) => x < q).length / sorted.length;
    const atOrBelow = sorted.filter((x) => x <= q).length / sorted.length;
    const err = p < below ? below - p : p > atOrBelow ? p - atOrBelow : 0;
    assert.ok(err <= rankErrorBound(200), `${key}: rank error ${err}`);
  }
});

test('merge is exact after a JSON round trip, and merging with an empty chunk is the identity', () => {
  const a = profileColumn(num('t', [1.7e12, 1.7e12 + 5000, NaN], 'datetime'));
  const empty = profileColumn(num('t', [NaN, NaN], 'datetime'));
  const revived = JSON.parse(JSON.stringify(empty)) as ColumnProfile;
  const m = mergeProfiles(revived, JSON.parse(JSON.stringify(a)) as ColumnProfile);
  assert.equal(m.rows, 5);
  assert.equal(m.nulls, 3);
  assert.equal(m.numeric!.count, 2);
  assert.equal(m.numeric!.mean, 1.7e12 + 2500);
  assert.equal(m.numeric!.min, 1.7e12);
  assert.deepEqual(m.datetime, { min: new Date(1.7e12).toISOString(), max: new Date(1.7e12 + 5000).toISOString() });
});

test('merging category profiles sums counts and recomputes top values', () => {
  const left = ['a', 'a', 'b', null, 'c'];
  const right = ['c', 'c', 'c', 'd', null, null];
  const whole = profileColumn(str('k', [...left, ...right]));
  const merged = mergeProfiles(profileColumn(str('k', left)), profileColumn(str('k', right)));
  assert.deepEqual(merged.categories, whole.categories);
  assert.equal(merged.nulls, 3);
  assert.deepEqual(merged.categories!.top[0], { value: 'c', count: 4 });
  assert.equal(merged.categories!.cardinality, 4);
});

test('category counts stop at maxTracked and say so; topK limits the top list', () => {
  const values = Array.from({ length: 50 }, (_, i) => `v${i % 25}`);
  const p = profileColumn(str('k', values), { maxTracked: 10, topK: 3 });
  assert.equal(p.categories!.cardinality, 25);
  assert.equal(Object.keys(p.categories!.counts).length, 10);
  assert.equal(p.categories!.top.length, 3);
  assert.equal(p.categories!.truncated, true);
  const m = mergeProfiles(p, profileColumn(str('k', ['new'])), { maxTracked: 10 });
  assert.equal(m.categories!.truncated, true);
  assert.ok(m.categories!.cardinality >= 25);
});

test('odd category texts are ordinary keys', () => {
  const p = profileColumn(str('k', ['__proto__', 'constructor', '__proto__']));
  assert.equal(p.categories!.counts['__proto__'], 2);
  assert.equal(p.categories!.counts['constructor'], 1);
  const back = JSON.parse(JSON.stringify(p)) as ColumnProfile;
  assert.equal(mergeProfiles(back, back).categories!.counts['__proto__'], 4);
});

test('empty, all-null and one-value columns', () => {
  const e = profileColumn(num('x', []));
  assert.equal(e.rows, 0);
  assert.equal(e.nullRate, 0);
  assert.equal(e.numeric!.count, 0);
  assert.ok(Number.isNaN(e.numeric!.mean) && Number.isNaN(e.numeric!.quantiles.p50));
  const nulls = profileColumn(num('x', [NaN, NaN, NaN]));
  assert.equal(nulls.nulls, 3);
  assert.equal(nulls.nullRate, 1);
  assert.equal(nulls.numeric!.integer, false);
  assert.equal(nulls.datetime, undefined);
  const one = profileColumn(num('x', [3.5]));
  assert.equal(one.numeric!.mean, 3.5);
  assert.ok(Number.isNaN(one.numeric!.std), 'std of one value is undefined (pandas gives NaN)');
  assert.equal(one.numeric!.quantiles.p01, 3.5);
  assert.equal(one.numeric!.quantiles.p99, 3.5);
  const strNulls = profileColumn(str('s', [null, null]));
  assert.equal(strNulls.categories!.cardinality, 0);
  assert.deepEqual(strNulls.categories!.top, []);
  // Two one-value chunks merge into a two-value profile with a defined std: |3.5 − 5.5| / √2.
  const two = mergeProfiles(one, profileColumn(num('x', [5.5])));
  closeRel(two.numeric!.std, Math.SQRT2, 1e-15, 'std');
});

test('profileTable profiles every column; mismatched merges throw', () => {
  const ps = profileTable({
    path: 'x.csv',
    format: 'csv',
    rows: 2,
    totalRows: 2,
    warnings: [],
    columns: [num('a', [1, 2]), str('b', ['x', 'y'])],
  });
  assert.deepEqual(ps.map((p) => [p.name, p.kind]), [['a', 'numeric'], ['b', 'categorical']]);
  assert.throws(() => mergeProfiles(ps[0], ps[1]), /same column/);
  assert.throws(() => mergeProfiles(ps[0], { ...ps[1], name: 'a' }), /numeric in one profile and categorical/);
});
