/**
 * The checklist tree's content, from a report and the user's ticks: groups in a fixed order, each item with its
 * automatic status, the user's tick and note. Pure so it is unit-tested; `checklistTree.ts` turns it into TreeItems.
 */
import type { CheckGroup, CheckStatus, ChecklistItem, Report, UserState } from '../core/report/types';

export const GROUP_ORDER: readonly CheckGroup[] = ['deployment', 'data', 'model', 'measurement', 'infrastructure'];

export const GROUP_LABELS: Record<CheckGroup, string> = {
  deployment: 'Deployment',
  data: 'Data',
  model: 'Model',
  measurement: 'Measurement',
  infrastructure: 'Infrastructure',
};

export const STATUS_LABELS: Record<CheckStatus, string> = { pass: 'pass', warn: 'warning', fail: 'fail', unknown: 'not checked' };

export interface CheckNode {
  kind: 'check';
  id: string;
  group: CheckGroup;
  title: string;
  status: CheckStatus;
  checked: boolean;
  note: string;
  /** Markdown for the hover: description, why the status, the user's note. */
  tooltip: string;
  item: ChecklistItem;
}

export interface GroupNode {
  kind: 'group';
  group: CheckGroup;
  label: string;
  /** "2 fail · 1 warning · 3/7 ticked" */
  description: string;
  worst: CheckStatus;
  children: CheckNode[];
}

const SEVERITY: Record<CheckStatus, number> = { fail: 3, warn: 2, unknown: 1, pass: 0 };

/** Backslash-escape markdown in dataset-derived text so a column name cannot inject links into the hover. */
function mdEscape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function checklistModel(report: Report | null, userState: UserState): GroupNode[] {
  if (!report) return [];
  const groups: GroupNode[] = [];
  const known = new Set<string>(GROUP_ORDER);
  const order = [...GROUP_ORDER, ...new Set(report.checklist.map((i) => i.group).filter((g) => !known.has(g)))];
  for (const g of order) {
    const items = report.checklist.filter((i) => i.group === g);
    if (items.length === 0) continue;
    const children = items.map((item): CheckNode => {
      const u = userState.checks[item.id] ?? item.user;
      const note = u?.note ?? '';
      const tooltip = [
        `**${mdEscape(item.title)}**`,
        mdEscape(item.description),
        `*Automatic: ${STATUS_LABELS[item.auto]}* — ${mdEscape(item.reason)}`,
        note ? `📝 ${mdEscape(note)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
      return { kind: 'check', id: item.id, group: g, title: item.title, status: item.auto, checked: !!u?.checked, note, tooltip, item };
    });
    const count = (s: CheckStatus) => children.filter((c) => c.status === s).length;
    const parts = [count('fail') && `${count('fail')} fail`, count('warn') && `${count('warn')} warning`].filter(Boolean);
    parts.push(`${children.filter((c) => c.checked).length}/${children.length} ticked`);
    const worst = children.reduce<CheckStatus>((w, c) => (SEVERITY[c.status] > SEVERITY[w] ? c.status : w), 'pass');
    groups.push({ kind: 'group', group: g, label: GROUP_LABELS[g] ?? g, description: parts.join(' · '), worst, children });
  }
  return groups;
}
