/**
 * The bundled sample: regenerating with the default seed reproduces the committed files byte for byte, and every
 * planted problem listed in examples/README.md is present at the stated size (so analyses tested on the sample test
 * against a known truth). The control pair has none of them.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_SEED, generateControl, generatePair, type Pair } from '../../../examples/generate';
import { toCsv } from '../../../examples/generator/csv';
import { toArrowBytes } from '../../../examples/generator/arrow';
import { PLANTED } from '../../../examples/generator/planted';
import type { Row, SampleFile } from '../../../examples/generator/sampleFile';
import { rocAuc } from '../../../src/core/stats/auc';

let pair: Pair;
let control: { train: SampleFile; prod: SampleFile };

before(() => {
  pair = generatePair();
  control = generateControl({ seed: DEFAULT_SEED + 1 });
});

const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const committed = (name: string) => sha(readFileSync(`examples/${name}`));

function values(rows: readonly Row[], column: string): number[] {
  return rows.map((r) => r[column]).filter((v): v is number => typeof v === 'number');
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const nullRate = (rows: readonly Row[], column: string) => rows.filter((r) => r[column] === null).length / rows.length;
const share = (rows: readonly Row[], column: string, value: string) => rows.filter((r) => r[column] === value).length / rows.length;
/** Accuracy of default_score thresholded at 0.5 against the label. */
function accuracy(rows: readonly Row[]): number {
  return rows.filter((r) => ((r.default_score as number) >= 0.5 ? 1 : 0) === r.default).length / rows.length;
}

test('regenerating with the default seed reproduces the committed CSV and Arrow files byte for byte', () => {
  assert.equal(sha(toCsv(pair.train)), committed('train.csv'));
  assert.equal(sha(toCsv(pair.prod)), committed('prod.csv'));
  assert.equal(sha(toArrowBytes(pair.train)), committed('train.arrow'));
  assert.equal(sha(toArrowBytes(pair.prod)), committed('prod.arrow'));
  assert.equal(sha(toCsv(control.train)), committed('control/train.csv'));
  assert.equal(sha(toCsv(control.prod)), committed('control/prod.csv'));
});

test('another seed gives other rows (the seed is really used)', () => {
  const other = generatePair({ seed: 7, trainRows: 300, prodRows: 300, sharedCustomers: 20 });
  assert.notEqual(toCsv(other.train).split('\n')[1], toCsv(pair.train).split('\n')[1]);
});

test('sizes, columns and base rate', () => {
  assert.equal(pair.train.rows.length, 50000);
  assert.equal(pair.prod.rows.length, 50000);
  assert.equal(pair.train.columns.length, 19);
  for (const f of [pair.train, pair.prod]) {
    const rate = mean(values(f.rows, 'default'));
    assert.ok(rate > 0.18 && rate < 0.22, `base rate ${rate}`);
  }
});

test('(a) credit_score mean drops by about 45 points', () => {
  const drop = mean(values(pair.train.rows, 'credit_score')) - mean(values(pair.prod.rows, 'credit_score'));
  assert.ok(drop > 40 && drop < 50, `drop ${drop}`);
});

test('(b) loan_amount is in thousands in training and in dollars in production', () => {
  const ratio = median(values(pair.prod.rows, 'loan_amount')) / median(values(pair.train.rows, 'loan_amount'));
  assert.ok(Math.abs(ratio / 1000 - 1) < 0.05, `ratio ${ratio}`);
  assert.ok(Math.max(...values(pair.train.rows, 'loan_amount')) <= 100);
  assert.ok(Math.min(...values(pair.prod.rows, 'loan_amount')) >= 1000);
});

test('(c) account_balance is called acct_balance in production, with the same distribution', () => {
  const trainNames = pair.train.columns.map((c) => c.name);
  const prodNames = pair.prod.columns.map((c) => c.name);
  assert.ok(trainNames.includes('account_balance') && !trainNames.includes('acct_balance'));
  assert.ok(prodNames.includes('acct_balance') && !prodNames.includes('account_balance'));
  const a = median(values(pair.train.rows, 'account_balance'));
  const b = median(values(pair.prod.rows, 'acct_balance'));
  assert.ok(Math.abs(b / a - 1) < 0.03, `medians ${a} ${b}`);
});

test('(d) employment_years nulls: ~1% in training, ~30% in production', () => {
  const t = nullRate(pair.train.rows, 'employment_years');
  const p = nullRate(pair.prod.rows, 'employment_years');
  assert.ok(t > 0.005 && t < 0.015, `train ${t}`);
  assert.ok(p > 0.28 && p < 0.32, `prod ${p}`);
});

test('(e) channel gains partner_api in production only', () => {
  assert.equal(share(pair.train.rows, 'channel', PLANTED.newChannel), 0);
  const s = share(pair.prod.rows, 'channel', PLANTED.newChannel);
  assert.ok(s > 0.13 && s < 0.17, `share ${s}`);
});

test('(f) collections_contacted: univariate AUC ≈ 0.97 in training, ≈ 0.5 in production', () => {
  const auc = (f: SampleFile) => rocAuc(values(f.rows, 'collections_contacted'), values(f.rows, 'default'));
  const t = auc(pair.train);
  const p = auc(pair.prod);
  assert.ok(t > 0.96 && t < 0.98, `train AUC ${t}`);
  assert.ok(Math.abs(p - 0.5) < 0.02, `prod AUC ${p}`);
});

test('(f, g) accuracy: high in training, lower in production, collapsed in region=west', () => {
  const t = accuracy(pair.train.rows);
  const p = accuracy(pair.prod.rows);
  assert.ok(t > 0.93 && t < 0.975, `train accuracy ${t}`);
  assert.ok(p > 0.65 && p < 0.8, `prod accuracy ${p}`);
  const west = accuracy(pair.prod.rows.filter((r) => r.region === 'west'));
  assert.ok(west < 0.5, `west accuracy ${west}`);
  for (const region of ['north', 'south', 'east']) {
    const acc = accuracy(pair.prod.rows.filter((r) => r.region === region));
    assert.ok(acc > west + 0.15, `${region} accuracy ${acc} vs west ${west}`);
    assert.ok(accuracy(pair.train.rows.filter((r) => r.region === region)) > 0.93);
  }
  assert.ok(accuracy(pair.train.rows.filter((r) => r.region === 'west')) > 0.93);
});

test('(h) 3000 returning customers: later rows, txn_count_30d lower in every pair, profile otherwise the same', () => {
  const byId = new Map(pair.train.rows.map((r) => [r.customer_id, r]));
  const pairs = pair.prod.rows.filter((r) => byId.has(r.customer_id)).map((p) => [byId.get(p.customer_id)!, p] as const);
  assert.equal(pairs.length, PLANTED.sharedCustomers);
  for (const [t, p] of pairs) {
    assert.ok((p.application_date as string) > (t.application_date as string));
    assert.ok((p.txn_count_30d as number) < (t.txn_count_30d as number), `${t.customer_id} txn ${t.txn_count_30d} → ${p.txn_count_30d}`);
    const dAge = (p.age as number) - (t.age as number);
    assert.ok(dAge === 0 || dAge === 1);
    for (const c of ['region', 'device', 'channel', 'home_ownership', 'loan_purpose', 'debt_to_income', 'num_open_accounts']) assert.equal(p[c], t[c]);
    assert.ok(Math.abs((p.acct_balance as number) - (t.account_balance as number)) <= 0.1 * (t.account_balance as number) + 0.01);
  }
  // Production-wide, the 7-day count is about 7/30 of training's 30-day count.
  const ratio = mean(values(pair.prod.rows, 'txn_count_30d')) / mean(values(pair.train.rows, 'txn_count_30d'));
  assert.ok(ratio > 0.2 && ratio < 0.27, `txn ratio ${ratio}`);
});

test('(i) windows: training Jan–Sep 2024, production Sep–Dec 2024, overlapping in September', () => {
  const dates = (f: SampleFile) => f.rows.map((r) => r.application_date as string).sort();
  const t = dates(pair.train);
  const p = dates(pair.prod);
  assert.ok(t[0] >= '2024-01-01' && t[t.length - 1] < '2024-10-01');
  assert.ok(p[0] >= '2024-09-01' && p[p.length - 1] < '2025-01-01');
  const septemberTrain = t.filter((d) => d >= '2024-09-01').length;
  assert.ok(septemberTrain > 4000, `training rows in September: ${septemberTrain}`);
});

test('features that were not planted stay stable (|Δmean| < 5% of a std)', () => {
  for (const c of ['age', 'annual_income', 'debt_to_income', 'num_open_accounts']) {
    const a = values(pair.train.rows, c);
    const b = values(pair.prod.rows, c);
    const m = mean(a);
    const sd = Math.sqrt(mean(a.map((x) => (x - m) ** 2)));
    assert.ok(Math.abs(mean(b) - m) < 0.05 * sd, `${c}: ${m} vs ${mean(b)}`);
  }
  for (const [c, v] of [['region', 'west'], ['device', 'mobile'], ['home_ownership', 'rent'], ['loan_purpose', 'car']]) {
    assert.ok(Math.abs(share(pair.train.rows, c, v) - share(pair.prod.rows, c, v)) < 0.02, `${c}=${v}`);
  }
});

test('control pair: a 50/50 split of one unplanted file', () => {
  const n = control.train.rows.length + control.prod.rows.length;
  assert.equal(n, 20000);
  assert.ok(Math.abs(control.train.rows.length / n - 0.5) < 0.02);
  const ids = new Set(control.train.rows.map((r) => r.customer_id));
  assert.ok(!control.prod.rows.some((r) => ids.has(r.customer_id)));
  assert.deepEqual(control.prod.columns, control.train.columns);
  const leak = rocAuc(values(control.train.rows, 'collections_contacted'), values(control.train.rows, 'default'));
  assert.ok(leak < 0.6, `control collections AUC ${leak}`);
  const drop = accuracy(control.train.rows) - accuracy(control.prod.rows);
  assert.ok(Math.abs(drop) < 0.03, `control accuracy gap ${drop}`);
  for (const c of ['credit_score', 'loan_amount', 'txn_count_30d']) {
    const a = mean(values(control.train.rows, c));
    const b = mean(values(control.prod.rows, c));
    assert.ok(Math.abs(b / a - 1) < 0.02, `${c}: ${a} vs ${b}`);
  }
});
