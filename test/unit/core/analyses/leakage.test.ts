import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLeakage } from '../../../../src/core/analyses/leakage';
import { postOutcomeName } from '../../../../src/core/analyses/targetLeakage';
import { mulberry32 } from '../../../../src/core/stats/random';
import { rocAuc } from '../../../../src/core/stats/auc';
import type { Finding } from '../../../../src/core/report/types';
import { contextFor, tableFrom, type CellArray } from '../../helpers/tables';
import { rowOverlap } from '../../../../src/core/analyses/rowOverlap';
// Expected values from pandas: test/fixtures/signatures/make_expected.py
import expected from '../../../fixtures/signatures/expected.json';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** A classification dataset: x1, x2 informative (AUC ~0.7–0.8), cat weakly informative, label from a logistic model. */
function dataset(n: number, seed: number, idStart = 0): Record<string, (number | string | Date | null)[]> {
  const rng = mulberry32(seed);
  const d: Record<string, (number | string | Date | null)[]> = { id: [], x1: [], x2: [], cat: [], label: [], t: [] };
  for (let i = 0; i < n; i++) {
    const x1 = normal(rng);
    const x2 = normal(rng);
    const cat = ['A', 'B', 'C'][Math.floor(rng() * 3)];
    const z = 1.2 * x1 + 0.6 * x2 + (cat === 'A' ? 0.3 : 0) - 0.5;
    d.id.push(idStart + i);
    d.x1.push(x1);
    d.x2.push(x2);
    d.cat.push(cat);
    d.label.push(rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    d.t.push(new Date(T0 + Math.floor(rng() * 90) * DAY));
  }
  return d;
}

function pick(d: Record<string, (number | string | Date | null)[]>, rows: number[], cols?: string[]): Record<string, CellArray> {
  const out: Record<string, CellArray> = {};
  for (const k of cols ?? Object.keys(d)) out[k] = rows.map((i) => d[k][i]) as CellArray;
  return out;
}

function randomSplit(n: number, seed: number): { a: number[]; b: number[] } {
  const rng = mulberry32(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) (rng() < 0.5 ? a : b).push(i);
  return { a, b };
}

/** Loose per-column arrays (mixed numbers, strings, Dates) as the builder's input type. */
const cells = (x: Record<string, unknown[]>) => x as unknown as Record<string, CellArray>;
const byType = (fs: Finding[], type: string) => fs.filter((f) => f.type === type);
const rank = { info: 0, warning: 1, critical: 2 } as const;

test('control: a random split of one dataset (no time role) has no leakage finding above info', () => {
  const d = dataset(6000, 1);
  const { a, b } = randomSplit(6000, 2);
  const cols = ['id', 'x1', 'x2', 'cat', 'label'];
  const ctx = contextFor(tableFrom('train.csv', pick(d, a, cols)), tableFrom('prod.csv', pick(d, b, cols)), { label: 'label', id: 'id' });
  const r = analyzeLeakage(ctx);
  const above = r.findings.filter((f) => rank[f.severity] > 0);
  assert.deepEqual(above.map((f) => f.id), []);
  assert.equal(r.section!.rowOverlapShare, 0);
  assert.equal(r.section!.idOverlapShare, 0);
  // Powers are computed and sensible: x1 is the strongest honest feature, AUC similar in both files.
  const x1 = r.section!.featurePower.find((p) => p.column === 'x1')!;
  assert.equal(r.section!.featurePower[0].column, 'x1');
  assert.ok(x1.trainAuc > 0.7 && x1.trainAuc < 0.9, String(x1.trainAuc));
  assert.ok(Math.abs(x1.trainAuc - x1.prodAuc!) < 0.05);
});

test('target leakage: a feature that separates the classes in training and is shuffled in production (same marginal) is critical', () => {
  const d = dataset(8000, 3);
  const rng = mulberry32(4);
  // leak = label + small noise in training; in production the same values, permuted across rows, so the marginal
  // distribution is identical and only the relation to the label is gone.
  const leak = d.label.map((y) => (y as number) * 2 + 0.3 * normal(rng));
  const { a, b } = randomSplit(8000, 5);
  const train = pick({ ...d, leak }, a, ['x1', 'x2', 'cat', 'label', 'leak']);
  const prod = pick({ ...d, leak }, b, ['x1', 'x2', 'cat', 'label', 'leak']);
  const shuffled = [...(prod.leak as number[])];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  prod.leak = shuffled;
  const r = analyzeLeakage(contextFor(tableFrom('train.csv', train), tableFrom('prod.csv', prod), { label: 'label' }));
  const tl = byType(r.findings, 'target_leakage');
  assert.deepEqual(tl.map((f) => [f.columns[0], f.severity]), [['leak', 'critical']]);
  const data = tl[0].data as { trainAuc: number; prodAuc: number; baselineColumn: string };
  assert.ok(data.trainAuc > 0.99, String(data.trainAuc));
  assert.ok(Math.abs(data.prodAuc - 0.5) < 0.05, String(data.prodAuc));
  assert.equal(data.baselineColumn, 'x1');
  assert.equal(tl[0].target, 'leakage');
  assert.match(tl[0].mitigation, /Drop leak/);
  // The same on a 1,000-row sample per file (the cap for large files).
  const small = analyzeLeakage(contextFor(tableFrom('train.csv', train), tableFrom('prod.csv', prod), { label: 'label' }, { leakage: { aucMaxRows: 1000 } }));
  assert.deepEqual(byType(small.findings, 'target_leakage').map((f) => [f.columns[0], f.severity]), [['leak', 'critical']]);
});

test('target leakage through missingness and through categories; high-cardinality categories are not memorised', () => {
  const d = dataset(6000, 6);
  const rng = mulberry32(7);
  const { a, b } = randomSplit(6000, 8);
  // amt exists only for positives in training, never in production (not available at prediction time).
  const amt = d.label.map((y) => (y === 1 ? 50 + 10 * rng() : null));
  // status says the outcome in training; random in production.
  const status = d.label.map((y) => (y === 1 ? 'flagged' : 'ok'));
  // a unique string per row: per-category rates would memorise it; out-of-fold encoding must not.
  const uniq = d.label.map((_, i) => `u${i}`);
  const train = pick({ ...d, amt, status, uniq }, a, ['x1', 'label', 'amt', 'status', 'uniq']);
  const prod = pick({ ...d, amt, status, uniq }, b, ['x1', 'label', 'amt', 'status', 'uniq']);
  prod.amt = (prod.amt as (number | null)[]).map(() => null);
  prod.status = (prod.status as string[]).map(() => (rng() < 0.4 ? 'flagged' : 'ok'));
  const r = analyzeLeakage(contextFor(tableFrom('train.csv', train), tableFrom('prod.csv', prod, { kinds: { amt: 'numeric' } }), { label: 'label' }));
  const tl = byType(r.findings, 'target_leakage');
  const by = new Map(tl.map((f) => [f.columns[0], f]));
  assert.equal(by.get('amt')?.severity, 'critical');
  assert.equal((by.get('amt')!.data as { via: string }).via, 'missingness');
  assert.match(by.get('amt')!.evidence, /null in 100\.0% of production rows/);
  assert.equal(by.get('status')?.severity, 'critical');
  assert.equal(by.has('uniq'), false);
  // The same leaky column absent from the production file altogether: still critical, and said so.
  const { amt: _gone, ...prodWithout } = prod;
  const r2 = analyzeLeakage(contextFor(tableFrom('train.csv', train), tableFrom('prod.csv', prodWithout), { label: 'label' }));
  const absent = byType(r2.findings, 'target_leakage').find((x) => x.columns[0] === 'amt')!;
  assert.equal(absent.severity, 'critical');
  assert.match(absent.evidence, /absent from the production file/);
  const uniqPower = r.section!.featurePower.find((p) => p.column === 'uniq')!;
  assert.ok(Math.abs(uniqPower.trainAuc - 0.5) < 0.05, String(uniqPower.trainAuc));
});

test('post-outcome names are warnings even without standout AUC; only noted when the feature has no signal', () => {
  assert.equal(postOutcomeName('chargeback_amount'), true);
  assert.equal(postOutcomeName('daysPastDue'), true);
  assert.equal(postOutcomeName('post_call_score'), true);
  assert.equal(postOutcomeName('account_closed_flag'), true);
  assert.equal(postOutcomeName('income'), false);
  assert.equal(postOutcomeName('rafters'), false);
  assert.equal(postOutcomeName('postal_code'), false);
  const d = dataset(3000, 9);
  const rng = mulberry32(10);
  const recovery_amount = d.label.map(() => rng() * 100); // no power at all
  // moderate power (AUC ≈ 0.75), holds in production: not a standout, but the name alone warrants a warning
  const days_past_due = d.label.map((y) => (y as number) + 1.1 * normal(rng));
  const { a, b } = randomSplit(3000, 11);
  const cols = ['x1', 'label', 'recovery_amount', 'days_past_due'];
  const all = { ...d, recovery_amount, days_past_due };
  const r = analyzeLeakage(contextFor(tableFrom('t', pick(all, a, cols)), tableFrom('p', pick(all, b, cols)), { label: 'label' }));
  const f = byType(r.findings, 'target_leakage');
  assert.deepEqual(f.map((x) => [x.columns[0], x.severity]).sort(), [['days_past_due', 'warning'], ['recovery_amount', 'info']]);
  assert.match(f.find((x) => x.columns[0] === 'recovery_amount')!.title, /almost no signal/);
});

test('time overlap: share of production rows dated before the last training date, and which dates', () => {
  const n = 2000;
  const train: Record<string, CellArray> = { t: [], x: [] };
  const prod: Record<string, CellArray> = { t: [], x: [] };
  // training: 2024-01-01 .. 2024-03-31 (91 days); production: 2024-03-22 .. 2024-04-30 (40 days, 10 overlapping)
  for (let i = 0; i < n; i++) {
    (train.t as Date[]).push(new Date(T0 + (i % 91) * DAY));
    (train.x as number[]).push(i);
    (prod.t as Date[]).push(new Date(Date.UTC(2024, 2, 22) + (i % 40) * DAY));
    (prod.x as number[]).push(i + 0.5);
  }
  const r = analyzeLeakage(contextFor(tableFrom('t', train), tableFrom('p', prod), { time: 't' }));
  const f = byType(r.findings, 'time_overlap');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'critical');
  const data = f[0].data as { prodShareBeforeTrainEnd: number; overlapStart: string; overlapEnd: string; distinctDays: number };
  assert.equal(data.overlapStart, '2024-03-22');
  assert.equal(data.overlapEnd, '2024-03-31');
  assert.equal(data.distinctDays, 10);
  assert.equal(data.prodShareBeforeTrainEnd, 500 / 2000); // 10 of each 40-day cycle
  const tl = r.section!.timeline!;
  // The section carries full ISO UTC (charts parse it as UTC); evidence text uses the short form.
  assert.deepEqual(tl.train, { start: '2024-01-01T00:00:00.000Z', end: '2024-03-31T00:00:00.000Z' });
  assert.deepEqual(tl.prod, { start: '2024-03-22T00:00:00.000Z', end: '2024-04-30T00:00:00.000Z' });
  assert.deepEqual(tl.overlap, { start: '2024-03-22T00:00:00.000Z', end: '2024-03-31T00:00:00.000Z' });
  assert.match(f[0].evidence, /Training covers 2024-01-01 – 2024-03-31, production 2024-03-22 – 2024-04-30/);
});

test('row overlap: copied rows are found with their share; duplicates inside training are counted', () => {
  const d = dataset(4000, 12);
  const train = pick(d, [...Array(3000).keys(), 0, 1, 2, 3, 4], ['id', 'x1', 'x2', 'cat', 'label']); // 5 duplicates
  const prodRows = [...Array(1000).keys()].map((i) => 3000 + i);
  for (let i = 0; i < 100; i++) prodRows[i * 10] = i; // 100 training rows copied into production
  const prod = pick(d, prodRows, ['id', 'x1', 'x2', 'cat', 'label']);
  prod.label = (prod.label as number[]).map((y) => 1 - y); // a refreshed label must not hide a copy
  const r = analyzeLeakage(contextFor(tableFrom('t', train), tableFrom('p', prod), { label: 'label', id: 'id' }));
  assert.equal(r.section!.rowOverlapShare, 0.1);
  assert.deepEqual(r.section!.duplicateRows, { train: 5, prod: 0 });
  const ro = r.findings.find((f) => f.id === 'row_overlap:');
  assert.equal(ro?.severity, 'critical');
  assert.equal((ro!.data as { rows: number }).rows, 100);
  // The copies share their ids with training: id_overlap says they are copies.
  const io = byType(r.findings, 'id_overlap')[0];
  assert.equal(io.severity, 'critical');
  assert.equal((io.data as { copies: number }).copies, 100);
  assert.match(io.title, /copies of training rows/);
});

test('row overlap among rows with few distinct combinations is only info (chance, not copies)', () => {
  const rng = mulberry32(13);
  const mk = (n: number) => ({ a: Array.from({ length: n }, () => ['x', 'y'][Math.floor(rng() * 2)]), b: Array.from({ length: n }, () => Math.floor(rng() * 3)) });
  const r = analyzeLeakage(contextFor(tableFrom('t', mk(1000)), tableFrom('p', mk(1000))));
  assert.ok(r.section!.rowOverlapShare > 0.9);
  assert.equal(r.section!.rowOverlap!.rowsUnique, false);
  assert.ok(r.findings.every((f) => f.severity === 'info'));
});

test('id overlap: later snapshots of the same entities are info; training rows dated after production rows are flagged', () => {
  const rng = mulberry32(14);
  const train: Record<string, (number | Date)[]> = { id: [], t: [], bal: [] };
  const prod: Record<string, (number | Date)[]> = { id: [], t: [], bal: [] };
  for (let e = 0; e < 500; e++) {
    const base = 1000 * rng();
    train.id.push(e);
    train.t.push(new Date(T0 + Math.floor(rng() * 30) * DAY));
    train.bal.push(base);
    prod.id.push(e);
    prod.t.push(new Date(T0 + (60 + Math.floor(rng() * 30)) * DAY));
    prod.bal.push(base * (1 + 0.1 * normal(rng)));
  }
  const r1 = analyzeLeakage(contextFor(tableFrom('t', cells(train)), tableFrom('p', cells(prod)), { id: 'id', time: 't' }));
  const f1 = byType(r1.findings, 'id_overlap')[0];
  assert.equal(f1.severity, 'info');
  assert.equal((f1.data as { laterSnapshots: number }).laterSnapshots, 500);
  assert.match(f1.title, /later snapshots/);
  assert.equal(r1.section!.idOverlapShare, 1);
  // Now give 100 entities a training row dated after their production row.
  for (let e = 0; e < 100; e++) {
    train.id.push(e);
    train.t.push(new Date(T0 + 120 * DAY));
    train.bal.push(1);
  }
  const r2 = analyzeLeakage(contextFor(tableFrom('t', cells(train)), tableFrom('p', cells(prod)), { id: 'id', time: 't' }));
  const f2 = byType(r2.findings, 'id_overlap')[0];
  assert.equal(f2.severity, 'critical');
  assert.equal((f2.data as { prodWithLaterTrainRow: number }).prodWithLaterTrainRow, 100);
});

test('future timestamps: a date feature after the event in training but not in production; timeline offsets', () => {
  const n = 1000;
  const train: Record<string, (Date | number | null)[]> = { t: [], closed_at: [], opened_at: [], label: [] };
  const prod: Record<string, (Date | number | null)[]> = { t: [], closed_at: [], opened_at: [], label: [] };
  for (let i = 0; i < n; i++) {
    const ev = T0 + (i % 60) * DAY;
    train.t.push(new Date(ev));
    // 40 % of training rows: closed 30 days after the event; the rest 5 days before.
    train.closed_at.push(new Date(ev + (i % 5 < 2 ? 30 : -5) * DAY));
    train.opened_at.push(new Date(ev - 100 * DAY));
    train.label.push(i % 2);
    const pev = T0 + (90 + (i % 30)) * DAY;
    prod.t.push(new Date(pev));
    prod.closed_at.push(new Date(pev - 5 * DAY));
    prod.opened_at.push(new Date(pev - 100 * DAY));
    // labels stop after the first 20 production days
    prod.label.push(i % 30 < 20 ? i % 2 : null);
  }
  const r = analyzeLeakage(contextFor(tableFrom('t', cells(train)), tableFrom('p', cells(prod)), { time: 't', label: 'label' }));
  const f = byType(r.findings, 'future_timestamp');
  assert.deepEqual(f.map((x) => [x.columns[0], x.severity]), [['closed_at', 'critical']]);
  const data = f[0].data as { trainShare: number; prodShare: number; trainMedianDaysAfter: number };
  assert.equal(data.trainShare, 0.4);
  assert.equal(data.prodShare, 0);
  assert.equal(data.trainMedianDaysAfter, 30);
  const fd = r.section!.timeline!.featureDates.find((x) => x.column === 'opened_at')!;
  assert.equal(fd.train!.medianOffsetDays, -100);
  assert.equal(fd.prod!.medianOffsetDays, -100);
  const la = r.section!.timeline!.labelAvailability!;
  const prodLabels = la.find((x) => x.file === 'prod')!;
  assert.equal(prodLabels.end, '2024-04-19T00:00:00.000Z');
  assert.match(prodLabels.note, /none after 2024-04-19/);
});

test('50k rows: runs and finds nothing on an honest random split (speed checked by hand, not asserted)', () => {
  const d = dataset(100_000, 15);
  const { a, b } = randomSplit(100_000, 16);
  const cols = ['id', 'x1', 'x2', 'cat', 'label'];
  const ctx = contextFor(tableFrom('t', pick(d, a, cols)), tableFrom('p', pick(d, b, cols)), { label: 'label', id: 'id' });
  const r = analyzeLeakage(ctx);
  assert.ok(r.findings.every((f) => f.severity === 'info'));
});

test('control: a random split of one period with a time role gives only an info time_overlap ("a random split?")', () => {
  const d = dataset(4000, 17);
  const { a, b } = randomSplit(4000, 18);
  const r = analyzeLeakage(contextFor(tableFrom('t', pick(d, a)), tableFrom('p', pick(d, b)), { label: 'label', id: 'id', time: 't' }));
  assert.deepEqual(r.findings.filter((f) => f.severity !== 'info').map((f) => f.id), []);
  const f = byType(r.findings, 'time_overlap')[0];
  assert.equal(f.severity, 'info');
  assert.match(f.title, /same period/);
});

test('regression labels: power is measured against above/below the training median', () => {
  const rng = mulberry32(19);
  const mk = (n: number, shuffleLeak: boolean) => {
    const x = Array.from({ length: n }, () => normal(rng));
    const y = x.map((v) => 2 * v + normal(rng) + 100.5);
    const leak = y.map((v) => v + 0.01 * normal(rng));
    if (shuffleLeak) leak.reverse();
    return { x, y, leak };
  };
  const r = analyzeLeakage(contextFor(tableFrom('t', mk(3000, false)), tableFrom('p', mk(3000, true)), { label: 'y' }));
  const f = byType(r.findings, 'target_leakage');
  // x is genuinely strong (AUC ≈ 0.9) and holds in production: noted as info, not leakage.
  assert.deepEqual(f.map((x) => [x.columns[0], x.severity]), [['leak', 'critical'], ['x', 'info']]);
  assert.ok(r.section!.featurePower.find((p) => p.column === 'x')!.trainAuc > 0.8);
});

test('row overlap and duplicates match pandas (merge on the hashed columns, DataFrame.duplicated; nulls equal nulls)', () => {
  const o = expected.overlap;
  const ctx = contextFor(tableFrom('t', cells(o.train)), tableFrom('p', cells(o.prod)), { label: 'label' });
  const r = rowOverlap(ctx)!;
  assert.deepEqual(r.columns, ['k', 'v', 's']);
  assert.equal(r.prodRowsInTrain, o.prodRowsInTrain);
  assert.deepEqual(r.duplicates, o.duplicates);
});

test('missingness AUC (nulls scored below or above every value) equals rocAuc on explicitly filled scores', () => {
  const rng = mulberry32(21);
  const n = 2000;
  const label = Array.from({ length: n }, () => (rng() < 0.3 ? 1 : 0));
  // nulls mostly among positives, values with ties, a weak relation among present rows
  const f = label.map((y) => (rng() < (y ? 0.6 : 0.1) ? null : Math.floor(rng() * 5) + y));
  const r = analyzeLeakage(contextFor(tableFrom('t', { f, label }), tableFrom('p', { f: [...f].reverse(), label }), { label: 'label' }));
  const p = r.section!.featurePower.find((x) => x.column === 'f')!;
  assert.equal(p.via, 'missingness');
  const fill = (v: (number | null)[], x: number) => v.map((a) => (a === null ? x : a));
  const low = rocAuc(fill(f, -Infinity), label);
  const high = rocAuc(fill(f, Infinity), label);
  const best = Math.abs(low - 0.5) > Math.abs(high - 0.5) ? low : high;
  assert.ok(Math.abs(p.trainAuc - Math.max(best, 1 - best)) < 1e-12, `${p.trainAuc} vs ${best}`);
  const prodRaw = rocAuc(fill([...f].reverse(), best === low ? -Infinity : Infinity), label);
  assert.ok(Math.abs(p.prodAuc! - (best < 0.5 ? 1 - prodRaw : prodRaw)) < 1e-12);
});
