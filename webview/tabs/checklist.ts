/**
 * Checklist: items grouped as the catalogue groups them, each with its automatic status and the evidence behind it,
 * the user's tick (`check/set`) and a note field (`note/set`, debounced). The same ticks show in the tree view.
 */
import type { CheckGroup, ChecklistItem } from '../../src/core/report/types';
import type { ViewContext } from '../context';
import { h } from '../dom';
import { badge, emptyState, evidenceLinks, noteWidget } from '../widgets';

const GROUPS: { group: CheckGroup; title: string }[] = [
  { group: 'data', title: 'Data' },
  { group: 'deployment', title: 'Deployment' },
  { group: 'model', title: 'Model' },
  { group: 'measurement', title: 'Measurement' },
  { group: 'infrastructure', title: 'Infrastructure' },
];

const STATUS_TEXT = { pass: 'pass', warn: 'warn', fail: 'fail', unknown: 'not checked' } as const;

function item(ctx: ViewContext, it: ChecklistItem): HTMLElement {
  const box = h('vscode-checkbox', {
    props: { checked: ctx.check(it.id)?.checked ?? false },
    'aria-label': `Done: ${it.title}`,
    on: { change: (e: Event) => ctx.setCheck(it.id, (e.target as HTMLInputElement).checked) },
  }, it.title);
  ctx.onUserState(() => {
    box.checked = ctx.check(it.id)?.checked ?? false;
  });
  const el = h(
    'article',
    { class: `check check-${it.auto}`, tabindex: '-1' },
    h('div', { class: 'check-head' }, box, badge(STATUS_TEXT[it.auto], `check-${it.auto}`)),
    h('p', { class: 'reason' }, it.reason),
    h('p', { class: 'muted' }, it.description),
    evidenceLinks(ctx, it.findings),
    noteWidget(ctx, `check:${it.id}`, it.title, true),
  );
  ctx.registerTarget('check', it.id, el);
  return el;
}

export function renderChecklist(ctx: ViewContext): HTMLElement {
  const items = ctx.report.checklist;
  if (items.length === 0) return emptyState(ctx.state.partial ? 'The checklist is evaluated once the analyses finish.' : 'No checklist items in this report.');
  const ticked = items.filter((i) => ctx.check(i.id)?.checked).length;
  const progress = h('p', { class: 'muted', 'aria-live': 'polite' }, `${ticked} of ${items.length} items ticked.`);
  ctx.onUserState(() => {
    progress.textContent = `${items.filter((i) => ctx.check(i.id)?.checked).length} of ${items.length} items ticked.`;
  });
  return h(
    'div',
    { class: 'tab-checklist' },
    progress,
    GROUPS.map(({ group, title }) => {
      const mine = items.filter((i) => i.group === group);
      return mine.length ? h('section', { class: 'section' }, h('h2', null, title), mine.map((i) => item(ctx, i))) : null;
    }),
  );
}
