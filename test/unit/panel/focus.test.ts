import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusForCheck, focusForFinding } from '../../../src/panel/focus';
import type { Finding } from '../../../src/core/report/types';
import { minimalReport } from '../host/reportFixture';

const finding = (id: string, type: Finding['type'], columns: string[], target?: Finding['target']): Finding =>
  ({ id, type, columns, severity: 'warning', title: id, evidence: '', mitigation: '', target });

test('a finding opens its target tab with its feature selected', () => {
  const r = minimalReport();
  r.findings = [
    finding('feature_drift:age', 'feature_drift', ['age'], 'drift'),
    finding('null_spike:income', 'null_spike', ['income']),
    finding('time_overlap:ts', 'time_overlap', ['ts'], 'leakage'),
    finding('segment_degradation:region=EU', 'segment_degradation', ['region']),
  ];
  assert.deepEqual(focusForFinding(r, 'feature_drift:age'), { tab: 'drift', feature: 'age' });
  assert.deepEqual(focusForFinding(r, 'null_spike:income'), { tab: 'schema', feature: 'income' });
  assert.deepEqual(focusForFinding(r, 'time_overlap:ts'), { tab: 'timeline', feature: 'time_overlap:ts' });
  assert.deepEqual(focusForFinding(r, 'segment_degradation:region=EU'), { tab: 'segments', feature: 'segment_degradation:region=EU' });
  assert.equal(focusForFinding(r, 'nope'), null);
  assert.deepEqual(focusForCheck('data.nulls'), { tab: 'checklist', feature: 'data.nulls' });
});
