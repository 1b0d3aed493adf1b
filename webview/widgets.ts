/**
 * Building blocks shared by the tabs: badges, empty states, notes, findings, evidence links and chart blocks.
 * All text goes through `h()` (text nodes), so these are safe with any dataset string.
 */
import type { ChartSpec } from '../src/core/report/chartTheme';
import type { Finding, Severity } from '../src/core/report/types';
import type { ViewContext } from './context';
import { h, setChildren, type Child } from './dom';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** A coloured status badge (severity, drift severity, check status, confidence, verdict). */
export function badge(text: string, kind: string): HTMLElement {
  return h('vscode-badge', { class: `badge badge-${kind}` }, text);
}

export function emptyState(text: string, hint?: string): HTMLElement {
  return h('div', { class: 'empty-state', role: 'note' }, h('p', null, text), hint ? h('p', { class: 'hint' }, hint) : null);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'section' }, h('h2', null, title), ...children);
}

/** A small text button that looks like a link (evidence, "Add note"). */
export function linkButton(label: Child, onClick: () => void, title?: string): HTMLElement {
  return h('button', { type: 'button', class: 'link', title, on: { click: onClick } }, label);
}

let uid = 0;
/** A fresh element id for aria wiring (never derived from data). */
export function nextId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

/**
 * A note on a finding, chart or checklist item: shown inline when present, with an "Add note" / "Edit note"
 * affordance. `alwaysOpen` keeps the text area visible (the checklist's note field).
 */
export function noteWidget(ctx: ViewContext, key: string, what: string, alwaysOpen = false): HTMLElement {
  const box = h('div', { class: 'note' });
  let editing = alwaysOpen;
  let area: HTMLElement & { value: string } | null = null;

  /** The text the widget last rendered, so an echo of the same text does not rebuild it (and drop focus). */
  let shown: string | null = null;
  const show = () => {
    const text = ctx.noteText(key);
    shown = text;
    if (editing) {
      area = h('vscode-textarea', {
        class: 'note-editor',
        rows: 2,
        placeholder: `Note on ${what}…`,
        'aria-label': `Note on ${what}`,
        props: { value: text },
        on: {
          input: () => ctx.setNote(key, area!.value),
          // Escape leaves the editor (the note is kept; it was saved while typing).
          keydown: (e: Event) => {
            if ((e as KeyboardEvent).key !== 'Escape' || alwaysOpen) return;
            ctx.flushNote(key);
            editing = false;
            show();
            (box.querySelector('button') as HTMLElement | null)?.focus();
          },
          blur: () => {
            ctx.flushNote(key);
            if (!alwaysOpen && area!.value.trim() === '') {
              editing = false;
              show();
            }
          },
        },
      }) as HTMLElement & { value: string };
      setChildren(box, area, alwaysOpen ? null : linkButton('Done', () => ((editing = false), ctx.flushNote(key), show())));
      return;
    }
    area = null;
    setChildren(
      box,
      text ? h('p', { class: 'note-text' }, h('span', { class: 'note-label' }, 'Note: '), text) : null,
      linkButton(text ? 'Edit note' : 'Add note', () => {
        editing = true;
        show();
        // The textarea is a Lit element: its inner field exists once its first update completes.
        const field = area as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
        void Promise.resolve(field?.updateComplete).then(() => field?.focus());
      }),
    );
  };
  show();
  // When only user state changed (another view ticked or noted), refresh — unless the user is typing here.
  ctx.onUserState(() => {
    const text = ctx.noteText(key);
    if (text === shown) return;
    if (area) {
      if (document.activeElement !== area) area.value = text;
      return;
    }
    const hadFocus = box.contains(document.activeElement);
    show();
    if (hadFocus) (box.querySelector('button') as HTMLElement | null)?.focus();
  });
  return box;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.slice().sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** One finding: severity, title (jumps to where it is about), evidence, mitigation, note. */
export function findingItem(ctx: ViewContext, f: Finding, jump = true): HTMLElement {
  const el = h(
    'article',
    { class: `finding sev-${f.severity}`, tabindex: '-1' },
    h(
      'div',
      { class: 'finding-head' },
      badge(f.severity, f.severity),
      jump ? linkButton(f.title, () => ctx.openFinding(f.id), 'Show where this finding is about') : h('strong', null, f.title),
      f.columns.length ? h('span', { class: 'columns' }, f.columns.join(', ')) : null,
    ),
    h('p', { class: 'evidence' }, f.evidence),
    f.mitigation ? h('p', { class: 'mitigation' }, h('span', { class: 'label' }, 'Mitigation: '), f.mitigation) : null,
    noteWidget(ctx, `finding:${f.id}`, f.title),
  );
  ctx.registerTarget('finding', f.id, el);
  return el;
}

export function findingList(ctx: ViewContext, findings: readonly Finding[], emptyText: string, jump = true): HTMLElement {
  if (findings.length === 0) return emptyState(emptyText);
  return h('div', { class: 'findings' }, sortFindings(findings).map((f) => findingItem(ctx, f, jump)));
}

/** Evidence links: finding ids as buttons named by the finding's title. */
export function evidenceLinks(ctx: ViewContext, ids: readonly string[]): HTMLElement | null {
  if (ids.length === 0) return null;
  const byId = new Map(ctx.report.findings.map((f) => [f.id, f]));
  return h(
    'ul',
    { class: 'evidence-links' },
    ids.map((id) => {
      const f = byId.get(id);
      return h('li', null, f ? [badge(f.severity, f.severity), linkButton(f.title, () => ctx.openFinding(id))] : h('span', { class: 'muted' }, id));
    }),
  );
}

/** A chart with its title, a text summary (also its accessible description), optional controls and a note. */
export function chartBlock(ctx: ViewContext, chart: ChartSpec | null, emptyText: string, controls?: Child): HTMLElement {
  if (!chart) return emptyState(emptyText);
  const summaryId = nextId('summary');
  const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': chart.title, 'aria-describedby': summaryId });
  const fig = h(
    'figure',
    { class: 'chart-block', tabindex: '-1' },
    h('figcaption', null, h('span', { class: 'chart-title' }, chart.title), controls ? h('span', { class: 'chart-controls' }, controls) : null),
    canvas,
    h('p', { class: 'chart-summary', id: summaryId }, chart.summary),
    noteWidget(ctx, `chart:${chart.id}`, chart.title),
  );
  ctx.registerTarget('chart', chart.id, fig);
  ctx.embed(canvas, chart);
  return fig;
}

/** A key number: label, big value, optional sub-line. */
export function stat(label: string, value: Child, sub?: Child): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value), sub ? h('div', { class: 'stat-sub' }, sub) : null);
}

/** A pair of toggle buttons (counts/proportions, gap/share); `aria-pressed` carries the state. */
export function toggle<T extends string>(options: readonly { value: T; label: string }[], current: T, onChange: (v: T) => void, label: string): HTMLElement {
  return h(
    'span',
    { class: 'toggle', role: 'group', 'aria-label': label },
    options.map((o) =>
      h('button', { type: 'button', class: 'toggle-btn', 'aria-pressed': o.value === current ? 'true' : 'false', on: { click: () => o.value !== current && onChange(o.value) } }, o.label),
    ),
  );
}
