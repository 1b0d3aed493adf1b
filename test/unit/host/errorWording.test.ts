import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rewordForEditor } from '../../../src/host/errorWording';

test('CLI flags in core messages become settings and commands', () => {
  assert.deepEqual(rewordForEditor('ragged_train.csv line 3: 2 fields, header has 3 — fix the row or pass --skip-bad-rows'), {
    message: 'ragged_train.csv line 3: 2 fields, header has 3 — fix the row or turn on the setting prodgap.read.skipBadRows',
    setting: 'prodgap.read.skipBadRows',
  });
  assert.deepEqual(rewordForEditor('one column only: set --delimiter ;'), { message: 'one column only: set the setting prodgap.read.delimiter', setting: 'prodgap.read.delimiter' });
  assert.deepEqual(rewordForEditor('--label churn: no column of that name in either file'), {
    message: "The label column 'churn' is in neither file — pick another with prodgap: Change Column Roles, or fix the setting prodgap.roles.label.",
    setting: 'prodgap.roles.label',
  });
  assert.deepEqual(rewordForEditor('plain message'), { message: 'plain message' });
});
