import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSkew } from '../../../../src/core/analyses/skew';
import { pairEntities } from '../../../../src/core/analyses/entityPairs';
import { mulberry32 } from '../../../../src/core/stats/random';
import { contextFor, tableFrom, type CellArray } from '../../helpers/tables';
import expected from '../../../fixtures/signatures/expected.json';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const cells = (x: Record<string, unknown[]>) => x as unknown as Record<string, CellArray>;

function poisson(lambda: number, rng: () => number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const u = rng();
  while (u > s) {
    k++;
    p *= lambda / k;
    s += p;
  }
  return k;
}

function binomial(n: number, p: number, rng: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

/**
 * 2000 entities, one training row (days 0–29) and one later production row (days 60–119) each:
 * - txn_30d: production counts only the last 7 of 30 days (the planted skew, ratio ≈ 7/30, noisy per entity);
 * - balance: a later snapshot that genuinely changed, small and in random direction (control);
 * - age_days: grows by exactly the days elapsed between the two rows (control: consistent, but elapsed time);
 * - tier: 'gold' arrives as 'GOLD' in production (a remap), other tiers unchanged;
 * - region: 15 % of entities moved to a random other region (control).
 */
function entities(seed: number) {
  const rng = mulberry32(seed);
  const train: Record<string, unknown[]> = { id: [], t: [], txn_30d: [], balance: [], age_days: [], tier: [], region: [] };
  const prod: Record<string, unknown[]> = { id: [], t: [], txn_30d: [], balance: [], age_days: [], tier: [], region: [] };
  const regions = ['N', 'S', 'E', 'W'];
  for (let e = 0; e < 2000; e++) {
    const tt = T0 + Math.floor(rng() * 30) * DAY;
    const pt = T0 + (60 + Math.floor(rng() * 60)) * DAY;
    const count = poisson(20, rng);
    const balance = 100 + 900 * rng();
    const age = 30 + Math.floor(rng() * 2000);
    const tier = ['gold', 'silver', 'bronze'][Math.floor(rng() * 3)];
    const region = regions[Math.floor(rng() * 4)];
    train.id.push(`c${e}`);
    train.t.push(new Date(tt));
    train.txn_30d.push(count);
    train.balance.push(balance);
    train.age_days.push(age);
    train.tier.push(tier);
    train.region.push(region);
    prod.id.push(`c${e}`);
    prod.t.push(new Date(pt));
    prod.txn_30d.push(binomial(count, 7 / 30, rng));
    prod.balance.push(balance * (1 + 0.05 * (rng() * 2 - 1)));
    prod.age_days.push(age + (pt - tt) / DAY);
    prod.tier.push(tier === 'gold' ? 'GOLD' : tier);
    prod.region.push(rng() < 0.15 ? regions[(regions.indexOf(region) + 1 + Math.floor(rng() * 3)) % 4] : region);
  }
  return { train: tableFrom('train.csv', cells(train)), prod: tableFrom('prod.csv', cells(prod)) };
}

test('entity skew: a 7-day window served for a 30-day feature is found and named; genuine changes are not skew', () => {
  const { train, prod } = entities(1);
  const r = analyzeSkew(contextFor(train, prod, { id: 'id', time: 't' }));
  const s = r.section!;
  assert.equal(s.idColumn, 'id');
  assert.equal(s.matchedEntities, 2000);
  assert.equal(s.joinedOn.length, 2);
  assert.match(s.joinNote!, /latest training row/);
  const by = new Map(r.findings.map((f) => [f.columns[0], f]));

  const txn = s.columns.find((c) => c.column === 'txn_30d')!;
  assert.equal(txn.direction, 'lower');
  assert.ok(Math.abs(txn.medianRatio! - 0.233) < 0.05, String(txn.medianRatio));
  assert.match(txn.ratioName!, /7\/30/);
  assert.equal(by.get('txn_30d')?.severity, 'critical');
  assert.equal(by.get('txn_30d')?.target, 'skew');
  assert.match(by.get('txn_30d')!.evidence, /7-day window instead of 30/);
  assert.match(by.get('txn_30d')!.mitigation, /serving pipeline/);

  // Control: a later snapshot whose values changed a little, in random direction, is not skew.
  const bal = s.columns.find((c) => c.column === 'balance')!;
  assert.ok(bal.differShare > 0.7);
  assert.equal(bal.direction, 'mixed');
  assert.equal(by.has('balance'), false);
  // Control: a value that grows with the time elapsed between the rows is at most an info note.
  const age = s.columns.find((c) => c.column === 'age_days')!;
  assert.equal(age.direction, 'higher');
  assert.ok(age.elapsedCorrelation! > 0.9);
  assert.equal(by.get('age_days')?.severity ?? 'info', 'info');
  // A consistent category remap is skew; scattered category changes are not.
  assert.ok(by.get('tier') && by.get('tier')!.severity !== 'info');
  assert.deepEqual(s.columns.find((c) => c.column === 'tier')!.transitions![0], { from: 'gold', to: 'GOLD', share: 1 });
  assert.equal(by.has('region'), false);
  assert.deepEqual([...by.keys()].filter((k) => by.get(k)!.severity !== 'info').sort(), ['tier', 'txn_30d']);
  // Capped at 300 pairs (the sample for large joins): same verdicts, and the section says so.
  const capped = analyzeSkew(contextFor(train, prod, { id: 'id', time: 't' }, { skew: { maxPairs: 300 } }));
  assert.deepEqual(capped.findings.filter((f) => f.severity !== 'info').map((f) => f.columns[0]).sort(), ['tier', 'txn_30d']);
  assert.match(capped.section!.joinNote!, /300 of the 2000 pairs/);
});

test('time join: each production row meets the latest training row of its entity dated at or before it', () => {
  const train = tableFrom('t', cells({ id: ['a', 'a', 'a', 'b'], t: [new Date(T0), new Date(T0 + 50 * DAY), new Date(T0 + 20 * DAY), new Date(T0)], x: [1, 2, 3, 4] }));
  const prod = tableFrom('p', cells({ id: ['a', 'a', 'b', 'c'], t: [new Date(T0 + 40 * DAY), new Date(T0 + 60 * DAY), new Date(T0 - DAY), new Date(T0)], x: [0, 0, 0, 0] }));
  const p = pairEntities(contextFor(train, prod, { id: 'id', time: 't' }))!;
  // prod 0 (day 40) → train 2 (day 20); prod 1 (day 60) → train 1 (day 50); prod 2 (b, before any b row) unpaired.
  assert.deepEqual([...p.prodRows], [0, 1]);
  assert.deepEqual([...p.trainRows], [2, 1]);
  assert.equal(p.prodWithKnownId, 3);
  assert.equal(p.prodEntities, 3);
  assert.equal(p.sharedEntities, 2);
  assert.equal(p.prodWithLaterTrainRow, 2); // a at day 40 (train a at day 50) and b at day −1
  // Without the time role: the last training row in file order.
  const q = pairEntities(contextFor(train, prod, { id: 'id' }))!;
  assert.deepEqual([...q.trainRows], [2, 2, 3]);
  // Numeric ids in one file and string ids in the other still join (by text).
  const prodNum = tableFrom('p', cells({ id: [1, 2], x: [0, 0] }));
  const trainStr = tableFrom('t', cells({ id: ['2', '3'], x: [0, 0] }));
  assert.deepEqual([...pairEntities(contextFor(trainStr, prodNum, { id: 'id' }))!.prodRows], [1]);
});

test('no id role, or no shared ids: no skew section', () => {
  const { train, prod } = entities(2);
  assert.equal(analyzeSkew(contextFor(train, prod, { time: 't' })).section, null);
  const other = tableFrom('p', cells({ id: ['x1', 'x2'], t: [new Date(T0), new Date(T0)], txn_30d: [1, 2] }));
  assert.equal(analyzeSkew(contextFor(train, other, { id: 'id' })).section, null);
});

test('a serving bug that leaves the feature null for most entities is skew', () => {
  const rng = mulberry32(3);
  const n = 500;
  const train = { id: [] as number[], score: [] as number[] };
  const prod = { id: [] as number[], score: [] as (number | null)[] };
  for (let i = 0; i < n; i++) {
    const v = rng() * 10;
    train.id.push(i);
    train.score.push(v);
    prod.id.push(i);
    prod.score.push(i % 2 ? null : v);
  }
  const r = analyzeSkew(contextFor(tableFrom('t', train), tableFrom('p', prod), { id: 'id' }));
  const f = r.findings.find((x) => x.columns[0] === 'score')!;
  assert.equal(f.severity, 'critical');
  assert.match(f.evidence, /no value in 50\.0% of pairs/);
});

test('control: identical copies are not skew', () => {
  const { train } = entities(4);
  const r = analyzeSkew(contextFor(train, train, { id: 'id', time: 't' }));
  assert.deepEqual(r.findings, []);
  assert.ok(r.section!.columns.every((c) => c.direction === 'same' && c.differShare === 0));
});

test('control: +1 for half of the entities (age in a later snapshot) is not skew; +30 for every entity is', () => {
  const rng = mulberry32(5);
  const n = 1000;
  const train = { id: [] as number[], age: [] as number[], tenure: [] as number[] };
  const prod = { id: [] as number[], age: [] as number[], tenure: [] as number[] };
  for (let i = 0; i < n; i++) {
    const age = 20 + Math.floor(50 * rng());
    const tenure = 100 + Math.floor(1000 * rng());
    train.id.push(i);
    train.age.push(age);
    train.tenure.push(tenure);
    prod.id.push(i);
    prod.age.push(age + (rng() < 0.5 ? 1 : 0));
    prod.tenure.push(tenure + 30); // a serving job that counts from another reference date: every entity +30
  }
  const r = analyzeSkew(contextFor(tableFrom('t', train), tableFrom('p', prod), { id: 'id' }));
  const by = new Map(r.findings.map((f) => [f.columns[0], f]));
  assert.equal(by.get('age')?.severity ?? 'info', 'info');
  assert.equal(by.get('tenure')?.severity, 'critical');
  assert.equal(r.section!.columns.find((c) => c.column === 'tenure')!.medianDiff, 30);
});

test('a unit change seen through the join says that the whole column is scaled too', () => {
  const rng = mulberry32(6);
  const train = { id: [] as number[], amount: [] as number[] };
  const prod = { id: [] as number[], amount: [] as number[] };
  for (let i = 0; i < 500; i++) {
    const x = 1 + 99 * rng();
    train.id.push(i);
    train.amount.push(x);
    prod.id.push(i);
    prod.amount.push(x * 1000);
  }
  const r = analyzeSkew(contextFor(tableFrom('t', train), tableFrom('p', prod), { id: 'id' }));
  assert.match(r.findings[0].evidence, /whole production column is scaled the same way/);
  assert.match(r.findings[0].evidence, /≈ 1000: grams where training had kilograms/);
});

// Expected pairs and statistics from pandas.merge_asof(direction='backward') and numpy medians:
// test/fixtures/signatures/make_expected.py

test('time join and per-feature statistics match pandas merge_asof + numpy', () => {
  const s = expected.skew;
  const asDates = (t: number[]) => t.map((d) => new Date(T0 + d * DAY));
  const train = tableFrom('t', cells({ ...s.train, t: asDates(s.train.t) }));
  const prod = tableFrom('p', cells({ ...s.prod, t: asDates(s.prod.t) }));
  const ctx = contextFor(train, prod, { id: 'id', time: 't' }, { skew: { relativeTolerance: s.relativeTolerance, minPairs: 10 } });
  const p = pairEntities(ctx)!;
  assert.deepEqual([...p.prodRows], s.pairs.prodRows);
  assert.deepEqual([...p.trainRows], s.pairs.trainRows);
  assert.equal(p.matchedEntities, s.matchedEntities);
  const r = analyzeSkew(ctx);
  const x = r.section!.columns.find((c) => c.column === 'x')!;
  assert.equal(x.differShare, s.x.differShare);
  assert.ok(Math.abs(x.medianRatio! - s.x.medianRatio) < 1e-12);
  assert.ok(Math.abs(x.medianDiff! - s.x.medianDiff) < 1e-9);
  assert.ok(Math.abs(x.higherShare! - s.x.higherShare) < 1e-12);
  assert.ok(Math.abs(r.section!.columns.find((c) => c.column === 'c')!.differShare - s.c.differShare) < 1e-12);
  // random values in random directions: no skew called
  assert.equal(r.findings.filter((f) => f.severity !== 'info').length, 0);
});
