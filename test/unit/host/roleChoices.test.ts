import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoleChoice, roleChoices, roleSummary } from '../../../src/host/roleChoices';
import type { ColumnReport } from '../../../src/core/report/types';
import { minimalReport } from './reportFixture';

const col = (name: string, kind: ColumnReport['kind'], inTrain = true, inProd = true): ColumnReport =>
  ({ name, kind, train: inTrain ? ({} as ColumnReport['train']) : null, prod: inProd ? ({} as ColumnReport['prod']) : null, drift: null });

function report() {
  const r = minimalReport();
  r.columns = [col('age', 'numeric'), col('ts', 'datetime'), col('y', 'boolean', true, false), col('cust', 'id')];
  r.roles = { label: 'y', prediction: null, time: 'ts', id: 'cust' };
  r.roleReasons = { label: "name matches 'y'", time: 'datetime column' };
  return r;
}

test('summary shows each role, its column and why', () => {
  const s = roleSummary(report(), { id: 'cust' });
  assert.deepEqual(s.map((x) => [x.role, x.description, x.detail]), [
    ['label', 'y', "name matches 'y'"],
    ['prediction', '(none)', 'not guessed yet'],
    ['time', 'ts', 'datetime column'],
    ['id', 'cust', 'set by you'],
  ]);
});

test('choices: guess and none first, fitting kinds first, current marked, where the column lives', () => {
  const items = roleChoices(report(), 'time', {});
  assert.deepEqual(items.slice(0, 3).map((i) => i.choice), [{ kind: 'guess' }, { kind: 'none' }, { kind: 'column', name: 'ts' }]);
  assert.equal(items[2].label, '$(check) ts');
  assert.ok(items[0].picked);
  const y = roleChoices(report(), 'prediction', {}).find((i) => i.choice.kind === 'column' && i.choice.name === 'y')!;
  assert.equal(y.description, 'boolean, in training only');
  assert.equal(y.detail, 'currently the label (true outcome)');
});

test('applying a choice: set, clear, guess; a column moved from another role frees that role', () => {
  assert.deepEqual(applyRoleChoice({}, 'label', { kind: 'column', name: 'churn' }), { label: 'churn' });
  assert.deepEqual(applyRoleChoice({ label: 'churn' }, 'label', { kind: 'none' }), { label: null });
  assert.deepEqual(applyRoleChoice({ label: 'churn', id: 'x' }, 'label', { kind: 'guess' }), { id: 'x' });
  assert.deepEqual(applyRoleChoice({ prediction: 'score' }, 'label', { kind: 'column', name: 'score' }), { label: 'score' });
});
