import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKLIST } from '../../../../src/core/checklist/catalogue';
import { evaluateChecklist, withUserChecks } from '../../../../src/core/checklist/evaluate';
import type { CheckStatus, Finding, Report } from '../../../../src/core/report/types';
import { finding, reportWith } from '../../helpers/report';

function status(id: string, findings: Finding[], over: Partial<Report> = {}): { auto: CheckStatus; findings: string[]; reason: string } {
  const item = evaluateChecklist(reportWith(findings, over)).find((i) => i.id === id);
  assert.ok(item, `no checklist item ${id}`);
  return item;
}

const leakageSection = { timeline: null, rowOverlapShare: 0, duplicateRows: { train: 0, prod: 0 }, idOverlapShare: null, featurePower: [] };

test('the catalogue covers every group and the checks the issue asks for', () => {
  const groups = new Set(CHECKLIST.map((c) => c.group));
  assert.deepEqual([...groups].sort(), ['data', 'deployment', 'infrastructure', 'measurement', 'model']);
  const ids = CHECKLIST.map((c) => c.id);
  for (const id of [
    'deployment.model-version',
    'model.no-fit-on-test',
    'data.identical-features',
    'data.available-at-prediction',
    'data.schema-unchanged',
    'data.stable-distributions',
    'model.label-unchanged',
    'measurement.metric-objective',
    'measurement.comparable-periods',
    'measurement.labels-complete',
  ]) {
    assert.ok(ids.includes(id), id);
  }
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
});

test('model version: unknown from data alone; warn when outputs move but inputs do not', () => {
  assert.equal(status('deployment.model-version', []).auto, 'unknown');
  const s = status('deployment.model-version', [finding('prediction_drift', 'critical', ['score'])]);
  assert.equal(s.auto, 'warn');
  assert.deepEqual(s.findings, ['prediction_drift:score']);
  assert.equal(status('deployment.model-version', [finding('prediction_drift', 'critical', ['score']), finding('feature_drift', 'warning', ['a'])]).auto, 'unknown');
});

test('serving schema: fails on a renamed feature, ignores a missing label', () => {
  assert.equal(status('deployment.serving-schema', [finding('renamed_column', 'critical', ['a', 'b'])]).auto, 'fail');
  assert.equal(status('deployment.serving-schema', [finding('missing_column', 'info', ['y'])]).auto, 'pass');
});

test('schema unchanged: fail on critical, warn on warning, pass otherwise', () => {
  assert.equal(status('data.schema-unchanged', [finding('type_change', 'critical', ['a'])]).auto, 'fail');
  assert.equal(status('data.schema-unchanged', [finding('missing_column', 'warning', ['a'])]).auto, 'warn');
  assert.equal(status('data.schema-unchanged', [finding('column_order', 'info')]).auto, 'pass');
});

test('identical features: fail on entity skew; pass when a join found none; unknown without ids', () => {
  const skew = status('data.identical-features', [finding('entity_skew', 'critical', ['txn'])]);
  assert.equal(skew.auto, 'fail');
  assert.match(skew.reason, /txn/);
  assert.equal(status('data.identical-features', [], { skew: { idColumn: 'id', joinedOn: ['id'], matchedEntities: 50, columns: [] } }).auto, 'pass');
  assert.equal(status('data.identical-features', []).auto, 'unknown');
});

test('available at prediction time: fail on leakage, warn on a feature null spike, pass with a leakage check', () => {
  assert.equal(status('data.available-at-prediction', [finding('target_leakage', 'critical', ['c'])]).auto, 'fail');
  assert.equal(status('data.available-at-prediction', [finding('null_spike', 'warning', ['emp'])]).auto, 'warn');
  assert.equal(status('data.available-at-prediction', [finding('null_spike', 'warning', ['y'])], { leakage: leakageSection }).auto, 'pass');
  assert.equal(status('data.available-at-prediction', []).auto, 'unknown');
});

test('stable distributions', () => {
  assert.equal(status('data.stable-distributions', [finding('feature_drift', 'critical', ['a'])]).auto, 'fail');
  assert.equal(status('data.stable-distributions', [finding('new_category', 'warning', ['c'])]).auto, 'warn');
  assert.equal(status('data.stable-distributions', [finding('new_category', 'info', ['c'])]).auto, 'pass');
});

test('upstream complete', () => {
  assert.equal(status('data.upstream-complete', [finding('null_spike', 'critical', ['a'])]).auto, 'fail');
  assert.equal(status('data.upstream-complete', [finding('constant_column', 'warning', ['a'])]).auto, 'warn');
  assert.equal(status('data.upstream-complete', []).auto, 'pass');
});

test('no fit on test: fails on re-standardisation', () => {
  assert.equal(status('model.no-fit-on-test', [finding('restandardized', 'critical', ['z'])]).auto, 'fail');
  assert.equal(status('model.no-fit-on-test', []).auto, 'pass');
});

test('no leakage: fail on time overlap, unknown without a leakage analysis', () => {
  assert.equal(status('model.no-leakage', [finding('time_overlap', 'critical', ['t'])]).auto, 'fail');
  assert.equal(status('model.no-leakage', []).auto, 'unknown');
  assert.equal(status('model.no-leakage', [], { leakage: leakageSection }).auto, 'pass');
});

test('label unchanged', () => {
  assert.equal(status('model.label-unchanged', [finding('label_shift', 'warning', ['y'])]).auto, 'warn');
  assert.equal(status('model.label-unchanged', []).auto, 'unknown');
  const cols = [{ name: 'y', kind: 'numeric' as const, train: null, prod: { name: 'y', kind: 'numeric' as const, rows: 1, nulls: 0, nullRate: 0 }, drift: null }];
  assert.equal(status('model.label-unchanged', [], { columns: cols }).auto, 'pass');
});

test('metric objective: unknown, warns on an imbalanced label', () => {
  assert.equal(status('measurement.metric-objective', []).auto, 'unknown');
  const m = { n: 100, accuracy: 0.95, precision: 0, recall: 0, f1: 0, auc: 0.5, positiveRate: 0.04, predictedPositiveRate: 0 };
  const s = status('measurement.metric-objective', [], { performance: { task: 'classification', train: m, prod: m, metric: 'accuracy', delta: 0 } });
  assert.equal(s.auto, 'warn');
  assert.match(s.reason, /4\.0% positive/);
});

test('comparable periods', () => {
  assert.equal(status('measurement.comparable-periods', [finding('segment_shift', 'critical', ['seg'])]).auto, 'fail');
  assert.equal(status('measurement.comparable-periods', [finding('temporal_pattern', 'warning', ['x'])]).auto, 'warn');
  assert.equal(status('measurement.comparable-periods', []).auto, 'pass');
});

test('labels complete: fail when the label column is missing in production', () => {
  assert.equal(status('measurement.labels-complete', [finding('missing_column', 'info', ['y'])]).auto, 'fail');
  assert.equal(status('measurement.labels-complete', [finding('null_spike', 'warning', ['y'])]).auto, 'warn');
  assert.equal(status('measurement.labels-complete', []).auto, 'pass');
  assert.equal(status('measurement.labels-complete', [], { roles: { label: null, prediction: null, time: null, id: null } }).auto, 'unknown');
});

test('training artifacts', () => {
  assert.equal(status('infrastructure.artifacts', [finding('scale_change', 'critical', ['amt'])]).auto, 'fail');
  assert.equal(status('infrastructure.artifacts', [finding('new_category', 'warning', ['c'])]).auto, 'warn');
  assert.equal(status('infrastructure.artifacts', []).auto, 'pass');
});

test('user ticks and notes merge in without touching the automatic status', () => {
  const items = evaluateChecklist(reportWith([finding('restandardized', 'critical', ['z'])]));
  const merged = withUserChecks(items, { checks: { 'model.no-fit-on-test': { checked: true, note: 'scaler reloaded' } }, notes: {} });
  const it = merged.find((i) => i.id === 'model.no-fit-on-test')!;
  assert.equal(it.auto, 'fail');
  assert.deepEqual(it.user, { checked: true, note: 'scaler reloaded' });
  assert.equal(merged.find((i) => i.id === 'data.schema-unchanged')!.user, undefined);
});
