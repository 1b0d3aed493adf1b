import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter, treeViews } from '../host/vscodeStub';
import type { Report, UserState } from '../../../src/core/report/types';
import { applyCheck, emptyUserState } from '../../../src/host/userState';
import { checklistItem, minimalReport } from '../host/reportFixture';

const { ChecklistTreeProvider } = require('../../../src/views/checklistTree') as typeof import('../../../src/views/checklistTree');

function host(report: Report | null, user: UserState = emptyUserState()) {
  const changed = new EventEmitter<void>();
  const h = {
    rawReport: report,
    report,
    userState: user,
    onDidChange: changed.event,
    ticks: [] as [string, boolean][],
    setCheck(id: string, checked: boolean) {
      h.ticks.push([id, checked]);
      h.userState = applyCheck(h.userState, id, checked);
      changed.fire();
    },
  };
  return h;
}

test('groups, then items with status icon and description, native checkbox, click opens the Checklist tab', () => {
  const r = minimalReport([checklistItem('d1', 'fail', 'data'), checklistItem('m1', 'pass', 'model')]);
  const h = host(r, applyCheck(emptyUserState(), 'd1', true));
  const tree = new ChecklistTreeProvider(h as never);
  const groups = tree.getChildren();
  assert.deepEqual(groups.map((g) => g.kind === 'group' && g.group), ['data', 'model']);
  const d1 = tree.getChildren(groups[0])[0];
  const item = tree.getTreeItem(d1) as unknown as Record<string, any>;
  assert.equal(item.label, 'Check d1');
  assert.equal(item.description, 'fail');
  assert.equal(item.iconPath.id, 'error');
  assert.equal(item.iconPath.color.id, 'problemsErrorIcon.foreground');
  assert.equal(item.checkboxState.state, 1, 'ticked');
  assert.deepEqual(item.command.arguments, [{ tab: 'checklist', feature: 'd1' }]);
  assert.equal(item.command.command, 'prodgap.openPanel');
  const groupItem = tree.getTreeItem(groups[0]) as unknown as Record<string, any>;
  assert.equal(groupItem.checkboxState, undefined, 'groups have no checkbox');
  assert.equal(tree.getParent(d1), groups[0]);
  assert.equal((treeViews.at(-1)!.options as { manageCheckboxStateManually: boolean }).manageCheckboxStateManually, true);
});

test('ticking in the tree goes to the shared user state, and the tree shows it', () => {
  const r = minimalReport([checklistItem('d1', 'fail', 'data'), checklistItem('d2', 'warn', 'data')]);
  const h = host(r);
  const tree = new ChecklistTreeProvider(h as never);
  const view = treeViews.at(-1)!;
  const d2 = tree.getChildren(tree.getChildren()[0])[1];
  view.checkbox.fire({ items: [[d2, 1]] });
  assert.deepEqual(h.ticks, [['d2', true]]);
  const again = tree.getChildren(tree.getChildren()[0])[1];
  assert.equal((tree.getTreeItem(again) as unknown as Record<string, any>).checkboxState.state, 1);
  assert.deepEqual(tree.snapshot()[0].items.map((i) => [i.id, i.checked]), [
    ['d1', false],
    ['d2', true],
  ]);
});

test('no report: no nodes (the welcome view shows)', () => {
  const tree = new ChecklistTreeProvider(host(null) as never);
  assert.deepEqual(tree.getChildren(), []);
});
