import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checklistModel } from '../../../src/views/checklistModel';
import { applyCheck, applyNote, emptyUserState } from '../../../src/host/userState';
import { checklistItem, minimalReport } from '../host/reportFixture';

test('groups in fixed order with counts; items carry status, tick and note', () => {
  const r = minimalReport([
    checklistItem('m1', 'pass', 'model'),
    checklistItem('d1', 'fail', 'data'),
    checklistItem('d2', 'warn', 'data'),
    checklistItem('dep1', 'unknown', 'deployment'),
  ]);
  const us = applyNote(applyCheck(emptyUserState(), 'd1', true), 'check:d2', 'see [link](http://x)');
  const g = checklistModel(r, us);
  assert.deepEqual(g.map((x) => x.group), ['deployment', 'data', 'model']);
  const data = g[1];
  assert.equal(data.description, '1 fail · 1 warning · 1/2 ticked');
  assert.equal(data.worst, 'fail');
  assert.deepEqual(data.children.map((c) => [c.id, c.status, c.checked, c.note]), [
    ['d1', 'fail', true, ''],
    ['d2', 'warn', false, 'see [link](http://x)'],
  ]);
  assert.match(data.children[1].tooltip, /because d2/);
  assert.ok(data.children[1].tooltip.includes('see \\[link\\]\\(http://x\\)'), 'note escaped in the hover markdown');
  assert.equal(g[0].worst, 'unknown');
});

test('no report: no groups (the welcome view shows instead)', () => {
  assert.deepEqual(checklistModel(null, emptyUserState()), []);
});
