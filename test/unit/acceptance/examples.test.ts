/**
 * Acceptance on the bundled sample pair (examples/README.md lists what was planted): every planted problem is found
 * with the right type and columns, and the top hypotheses name the planted causes. The control pair (a random split
 * of one file) yields no critical finding and no hypothesis above low confidence.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFiles } from '../../../src/core/engine';
import { defaultOptions } from '../../../src/core/options';
import type { Report } from '../../../src/core/report/types';

let report: Report;
let control: Report;

before(async () => {
  report = await analyzeFiles('examples/train.csv', 'examples/prod.csv', defaultOptions);
  control = await analyzeFiles('examples/control/train.csv', 'examples/control/prod.csv', defaultOptions);
});

function has(type: string, column: string | null, r: Report = report) {
  const f = r.findings.find((x) => x.type === type && (column === null || x.columns.includes(column)));
  assert.ok(f, `no ${type} finding${column ? ` on ${column}` : ''}; found: ${r.findings.map((x) => `${x.type}(${x.columns.join(',')})`).join(' ')}`);
  return f!;
}

test('roles are guessed from the sample', () => {
  assert.deepEqual(report.roles, { label: 'default', prediction: 'default_score', time: 'application_date', id: 'customer_id' });
});

test('planted: genuine drift in credit_score', () => {
  assert.notEqual(has('feature_drift', 'credit_score').severity, 'info');
});

test('planted: unit change ×1000 in loan_amount', () => {
  const f = has('scale_change', 'loan_amount');
  assert.equal(f.severity, 'critical');
  assert.match(`${f.title} ${f.evidence}`, /unit factor 1000/);
  assert.equal((f.data as { factor: number }).factor, 1000);
});

test('planted: account_balance renamed to acct_balance', () => {
  const f = has('renamed_column', 'account_balance');
  assert.deepEqual(f.columns, ['account_balance', 'acct_balance']);
  assert.ok(!report.findings.some((x) => x.type === 'missing_column' && x.columns.includes('account_balance')));
});

test('planted: null spike in employment_years', () => {
  assert.notEqual(has('null_spike', 'employment_years').severity, 'info');
});

test('planted: new category partner_api in channel', () => {
  const f = has('new_category', 'channel');
  assert.match(f.evidence, /partner_api/);
});

test('planted: collections_contacted leaks the label', () => {
  assert.equal(has('target_leakage', 'collections_contacted').severity, 'critical');
});

test('planted: accuracy drops', () => {
  has('performance_drop', null);
  assert.ok(report.performance!.delta! < -0.1);
});

test('planted: region=west collapses and is the worst region', () => {
  const f = has('segment_degradation', 'region');
  assert.match(f.title, /region=west/);
  assert.ok(report.segments!.worst.some((s) => s.slice === 'region=west'));
  // Every slice degrades with the leaky feature; west must still be the worst of the regions by far.
  // (`gap` is prod − train of the metric: for accuracy the most negative is the worst.)
  const regions = report.segments!.segments.filter((s) => s.slice.startsWith('region=') && s.gap !== null && s.gap !== undefined);
  regions.sort((a, b) => a.gap! - b.gap!);
  assert.equal(regions[0].slice, 'region=west');
  assert.ok(regions[0].gap! < regions[1].gap! - 0.15);
});

test('planted: txn_count_30d computed differently for the same customers', () => {
  const f = has('entity_skew', 'txn_count_30d');
  assert.equal(f.severity, 'critical');
});

test('planted: training and production windows overlap', () => {
  has('time_overlap', 'application_date');
  assert.ok(report.leakage!.timeline!.overlap);
});

test('the top hypotheses name the planted causes', () => {
  const top = report.hypotheses.slice(0, 4).map((h) => h.kind);
  for (const kind of ['training_leakage', 'pipeline_skew', 'schema_change']) assert.ok(top.includes(kind as never), `${kind} not in top 4: ${top.join(', ')}`);
  const leak = report.hypotheses.find((h) => h.kind === 'training_leakage')!;
  assert.ok(leak.columns.includes('collections_contacted'));
  assert.equal(leak.confidence, 'high');
  const skew = report.hypotheses.find((h) => h.kind === 'pipeline_skew')!;
  assert.ok(skew.columns.includes('txn_count_30d') && skew.columns.includes('loan_amount'));
  assert.equal(report.summary.verdict, 'broken');
});

test('the checklist is evaluated from the findings', () => {
  const by = new Map(report.checklist.map((c) => [c.id, c]));
  assert.equal(by.get('data.identical-features')!.auto, 'fail');
  assert.equal(by.get('data.available-at-prediction')!.auto, 'fail');
  assert.equal(by.get('data.schema-unchanged')!.auto, 'fail');
  assert.equal(by.get('deployment.model-version')!.auto, 'unknown');
  for (const c of report.checklist) for (const id of c.findings) assert.ok(report.findings.some((f) => f.id === id), `${c.id} links to unknown finding ${id}`);
});

test('control pair: no critical finding, no hypothesis above low confidence', () => {
  const critical = control.findings.filter((f) => f.severity === 'critical');
  assert.deepEqual(critical.map((f) => f.id), []);
  const strong = control.hypotheses.filter((h) => h.confidence !== 'low');
  assert.deepEqual(strong.map((h) => `${h.kind} ${h.score.toFixed(2)}`), []);
  assert.notEqual(control.summary.verdict, 'broken');
});

test('the Arrow copy of the sample gives the same findings as the CSV', async () => {
  const arrow = await analyzeFiles('examples/train.arrow', 'examples/prod.arrow', defaultOptions);
  const key = (r: Report) => r.findings.filter((f) => f.severity !== 'info').map((f) => f.id).sort();
  assert.deepEqual(key(arrow), key(report));
});
