import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../../../src/core/analyses/diagnosis';
import { finding, reportWith } from '../../helpers/report';

test('no findings → no hypotheses', () => {
  assert.deepEqual(diagnose(reportWith([])), []);
});

test('one weak finding gives a low-confidence hypothesis', () => {
  const h = diagnose(reportWith([finding('feature_drift', 'warning', ['age'])]));
  assert.equal(h.length, 1);
  assert.equal(h[0].kind, 'covariate_shift');
  assert.equal(h[0].confidence, 'low');
});

test('info findings alone never rise above low', () => {
  const h = diagnose(reportWith([finding('extra_column', 'info', ['x']), finding('column_order', 'info'), finding('new_category', 'info', ['c'])]));
  assert.ok(h.every((x) => x.confidence === 'low'), JSON.stringify(h.map((x) => [x.kind, x.score])));
});

test('a critical target leakage ranks leakage first with high confidence and names the column', () => {
  const h = diagnose(
    reportWith([
      finding('target_leakage', 'critical', ['collections_contacted']),
      finding('feature_drift', 'warning', ['age']),
      finding('performance_drop', 'critical', ['y', 'score']),
    ]),
  );
  assert.equal(h[0].kind, 'training_leakage');
  assert.equal(h[0].confidence, 'high');
  assert.deepEqual(h[0].columns, ['collections_contacted']);
  assert.match(h[0].mitigation, /Drop collections_contacted/);
  assert.deepEqual(h[0].supporting, ['target_leakage:collections_contacted']);
});

test('converging evidence outranks a single finding of the same weight', () => {
  const h = diagnose(
    reportWith([
      finding('entity_skew', 'critical', ['txn']),
      finding('scale_change', 'critical', ['amount']),
      finding('label_shift', 'warning', ['y']),
    ]),
  );
  assert.equal(h[0].kind, 'pipeline_skew');
  assert.ok(h[0].score > 0.95);
  assert.deepEqual(new Set(h[0].columns), new Set(['txn', 'amount']));
  const label = h.find((x) => x.kind === 'label_shift')!;
  assert.ok(label.score < h[0].score);
});

test('drift of a column explained by a scale change is not counted as covariate shift', () => {
  const h = diagnose(reportWith([finding('scale_change', 'critical', ['amount']), finding('feature_drift', 'critical', ['amount'])]));
  assert.equal(h.find((x) => x.kind === 'covariate_shift'), undefined);
});

test('concept drift is argued against by dataset drift, and the counter-evidence is listed', () => {
  const alone = diagnose(reportWith([finding('performance_drop', 'critical', ['y', 'score'])])).find((x) => x.kind === 'concept_drift')!;
  const withDrift = diagnose(reportWith([finding('performance_drop', 'critical', ['y', 'score']), finding('dataset_drift', 'critical', ['a', 'b'])])).find(
    (x) => x.kind === 'concept_drift',
  )!;
  assert.ok(withDrift.score < alone.score);
  assert.deepEqual(withDrift.against, ['dataset_drift:a,b']);
});

test('covariate shift is argued against when labels exist and the metric held', () => {
  const perf = { task: 'classification' as const, train: null, prod: null, metric: 'accuracy', delta: -0.001 };
  const h = diagnose(reportWith([finding('feature_drift', 'critical', ['age'])], { performance: perf }));
  assert.equal(h[0].kind, 'covariate_shift');
  assert.equal(h[0].against.length, 1);
  assert.match(h[0].against[0], /did not drop/);
});

test('a missing production label supports the measurement hypothesis', () => {
  const h = diagnose(reportWith([finding('missing_column', 'info', ['y'])]));
  const m = h.find((x) => x.kind === 'measurement_problem');
  assert.ok(m);
  assert.deepEqual(m!.supporting, ['missing_column:y']);
});

test('hypotheses are sorted by score', () => {
  const h = diagnose(
    reportWith([finding('segment_shift', 'warning', ['region']), finding('renamed_column', 'critical', ['a', 'b']), finding('feature_drift', 'warning', ['c'])]),
  );
  for (let i = 1; i < h.length; i++) assert.ok(h[i - 1].score >= h[i].score);
  assert.equal(h[0].kind, 'schema_change');
});

test('leakage from overlapping windows alone says to re-split, not to drop the time column', () => {
  const h = diagnose(reportWith([finding('time_overlap', 'critical', ['event_date'])]));
  assert.equal(h[0].kind, 'training_leakage');
  assert.deepEqual(h[0].columns, []);
  assert.match(h[0].mitigation, /Re-split/);
  assert.doesNotMatch(h[0].mitigation, /Drop/);
});

test('info-level entity changes without a skew signature do not support a pipeline bug', () => {
  const h = diagnose(reportWith([finding('entity_skew', 'critical', ['txn']), finding('entity_skew', 'info', ['age'])]));
  assert.deepEqual(h[0].columns, ['txn']);
  assert.deepEqual(h[0].supporting, ['entity_skew:txn']);
});
