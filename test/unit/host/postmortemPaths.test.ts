import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartsDirFor, defaultPostmortemPath, safeRelativeSegments } from '../../../src/host/postmortemPaths';

test('default path: <train stem>-postmortem.md beside the training file', () => {
  assert.equal(defaultPostmortemPath('/data/churn_train.csv'), '/data/churn_train-postmortem.md');
  assert.equal(defaultPostmortemPath('/data/x.tar.arrow'), '/data/x.tar-postmortem.md');
  assert.equal(chartsDirFor('/out/churn_train-postmortem.md'), 'churn_train-postmortem-charts');
  assert.equal(chartsDirFor('/out/Report.MD'), 'Report-charts');
});

test('chart paths cannot leave the markdown folder', () => {
  assert.deepEqual(safeRelativeSegments('x-charts/01-drift.svg'), ['x-charts', '01-drift.svg']);
  assert.equal(safeRelativeSegments('../evil.svg'), null);
  assert.equal(safeRelativeSegments('x/../../evil.svg'), null);
  assert.equal(safeRelativeSegments('/etc/evil.svg'), null);
  assert.equal(safeRelativeSegments('C:\\evil.svg'), null);
  assert.equal(safeRelativeSegments(''), null);
});
