/**
 * The checklist as a native tree view (`prodgap.checklist`): groups → items, with native checkboxes for the user's
 * tick, the automatic status as icon and description, the reason as tooltip. Ticking here updates the panel (both
 * read the same user state through the controller) and clicking an item opens the panel on the Checklist tab.
 */
import * as vscode from 'vscode';
import type { CheckStatus, Report, UserState } from '../core/report/types';
import { checklistModel, STATUS_LABELS, type CheckNode, type GroupNode } from './checklistModel';

export const CHECKLIST_VIEW_ID = 'prodgap.checklist';

type Node = GroupNode | CheckNode;

/** What the tree needs from the controller. */
export interface ChecklistHost {
  readonly report: Report | null;
  /** The report as last received (same object until a new one arrives), so progress ticks do not rebuild the tree. */
  readonly rawReport: Report | null;
  readonly userState: UserState;
  readonly onDidChange: vscode.Event<void>;
  setCheck(id: string, checked: boolean): void;
}

const ICONS: Record<CheckStatus, vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warn: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  unknown: new vscode.ThemeIcon('question', new vscode.ThemeColor('disabledForeground')),
};

export class ChecklistTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: GroupNode[] = [];
  private seen: { raw: Report | null; user: UserState | null } = { raw: null, user: null };
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly view: vscode.TreeView<Node>;

  constructor(private readonly host: ChecklistHost) {
    this.rebuild();
    // Checkboxes are managed by hand: a group has no tick of its own, and ticking one item must not tick siblings.
    this.view = vscode.window.createTreeView(CHECKLIST_VIEW_ID, { treeDataProvider: this, manageCheckboxStateManually: true, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.view.onDidChangeCheckboxState((e) => {
        for (const [node, state] of e.items) {
          if (node.kind === 'check') this.host.setCheck(node.id, state === vscode.TreeItemCheckboxState.Checked);
        }
      }),
      host.onDidChange(() => {
        if (host.rawReport !== this.seen.raw || host.userState !== this.seen.user) this.refresh();
      }),
    );
  }

  refresh(): void {
    this.rebuild();
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    return node.kind === 'group' ? node.children : [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'check' ? this.roots.find((g) => g.group === node.group) : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.description = node.description;
      item.iconPath = ICONS[node.worst];
      item.contextValue = 'prodgap.checkGroup';
      return item;
    }
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.id = `check:${node.id}`;
    item.description = STATUS_LABELS[node.status] + (node.note ? ' · 📝' : '');
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = ICONS[node.status];
    item.checkboxState = {
      state: node.checked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: node.checked ? 'Checked by you' : 'Tick when you have verified this',
    };
    item.accessibilityInformation = {
      label: `${node.title}, automatic status ${STATUS_LABELS[node.status]}, ${node.checked ? 'ticked' : 'not ticked'}`,
    };
    item.contextValue = 'prodgap.checkItem';
    item.command = { command: 'prodgap.openPanel', title: 'Open in Panel', arguments: [{ tab: 'checklist', feature: node.id }] };
    return item;
  }

  /** For the test hook: the tree as shown (groups, items, status, tick). */
  snapshot(): { group: string; items: { id: string; status: CheckStatus; checked: boolean; note: string }[] }[] {
    return this.roots.map((g) => ({ group: g.group, items: g.children.map((c) => ({ id: c.id, status: c.status, checked: c.checked, note: c.note })) }));
  }

  private rebuild(): void {
    this.seen = { raw: this.host.rawReport, user: this.host.userState };
    this.roots = checklistModel(this.host.report, this.host.userState);
    const fails = this.roots.reduce((n, g) => n + g.children.filter((c) => c.status === 'fail' && !c.checked).length, 0);
    if (this.view) this.view.badge = fails ? { value: fails, tooltip: `${fails} failing checks not ticked yet` } : undefined;
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
