/**
 * The panel's webview entry (bundled as an IIFE into `dist/webview.js`). The host's HTML shell loads it with a
 * nonce, plus `media/webview.css` and `media/vega-tooltip.css`; it posts `webview/ready`, the host answers with
 * `state/did-change`, and from then on this file renders whatever state arrives and posts user intents back.
 *
 * Rendering: the header is rebuilt on every state; the active tab is rebuilt only when the report changes (other tabs
 * are built when selected). When only the user's ticks and notes changed, registered widgets refresh in place, so a
 * note being typed keeps its focus and caret.
 */
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import type { ChartSpec } from '../src/core/report/chartTheme';
import type { UserCheck } from '../src/core/report/types';
import { isHostMessage, parseNoteKey, TABS, type State, type Tab, type WebviewMessage } from '../src/panel/protocol';
import { embedChart, themePalette } from './charts';
import type { ViewContext } from './context';
import { debounce, h, setChildren } from './dom';
import { renderHeader } from './header';
import { driftFeatureFor, findingDestination, tabForFinding } from './nav';
import { reviveUiState, type UiState } from './state';
import { renderChecklist } from './tabs/checklist';
import { renderDrift } from './tabs/drift';
import { renderOverview } from './tabs/overview';
import { renderSchema } from './tabs/schema';
import { renderSegments } from './tabs/segments';
import { renderTimeline } from './tabs/timeline';
import { emptyState } from './widgets';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const NOTE_DEBOUNCE_MS = 600;

const TAB_TITLES: Record<Tab, string> = {
  overview: 'Overview',
  schema: 'Schema & Quality',
  drift: 'Drift',
  segments: 'Segments',
  timeline: 'Timeline',
  checklist: 'Checklist',
};
const TAB_SHORT: Record<Tab, string> = { ...TAB_TITLES, schema: 'Schema', timeline: 'Time', checklist: 'Checks' };
const RENDERERS: Record<Tab, (ctx: ViewContext) => HTMLElement> = {
  overview: renderOverview,
  schema: renderSchema,
  drift: renderDrift,
  segments: renderSegments,
  timeline: renderTimeline,
  checklist: renderChecklist,
};

let host: State | null = null;
let ui: UiState = reviveUiState(vscode.getState());
let reportSig = '';
/** Edits not yet echoed back by the host: they win over host state so a late echo cannot undo typing. */
const localNotes = new Map<string, string>();
const localChecks = new Map<string, boolean>();
const notePosters = new Map<string, ReturnType<typeof debounce<[string]>>>();
let targets = new Map<string, HTMLElement>();
let userStateListeners: (() => void)[] = [];
let disposers: Promise<() => void>[] = [];

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function saveUi(): void {
  vscode.setState(ui);
}

// ---- skeleton ----

const headerBox = h('div', { class: 'header-box' });
const tabHeaders = TABS.map((t) => h('vscode-tab-header', { slot: 'header' }, TAB_TITLES[t]));
const tabPanels = TABS.map(() => h('vscode-tab-panel', null));
const tabs = h('vscode-tabs', { 'selected-index': TABS.indexOf(ui.tab), on: { 'vsc-tabs-select': onTabSelect } }, tabHeaders, tabPanels) as HTMLElement & {
  selectedIndex: number;
};
document.body.append(headerBox, h('main', null, tabs));

function onTabSelect(e: Event): void {
  const i = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
  if (TABS[i] && TABS[i] !== ui.tab) showTab(TABS[i]);
}

function showTab(tab: Tab, after?: () => void): void {
  ui.tab = tab;
  saveUi();
  if (tabs.selectedIndex !== TABS.indexOf(tab)) tabs.selectedIndex = TABS.indexOf(tab);
  renderActiveTab(after);
}

/** Small counters on tab headers: findings per tab, open checklist items. */
function updateTabBadges(): void {
  const r = host?.report;
  TABS.forEach((t, i) => {
    let n = 0;
    if (r && t === 'checklist') n = r.checklist.filter((c) => (c.auto === 'fail' || c.auto === 'warn') && !currentCheck(c.id)?.checked).length;
    else if (r && t !== 'overview') n = r.findings.filter((f) => f.severity !== 'info' && tabForFinding(f) === t).length;
    // vscode-tabs does not wrap or scroll its headers: narrow panels get the short titles (media query in the CSS).
    const title = TAB_SHORT[t] === TAB_TITLES[t] ? TAB_TITLES[t] : [h('span', { class: 'tab-long' }, TAB_TITLES[t]), h('span', { class: 'tab-short' }, TAB_SHORT[t])];
    setChildren(tabHeaders[i], title, n ? h('vscode-badge', { variant: 'counter', slot: 'content-after' }, n) : null);
  });
}

// ---- user state (ticks and notes) ----

function noteText(key: string): string {
  const local = localNotes.get(key);
  if (local !== undefined) return local;
  const us = host?.userState;
  const parsed = parseNoteKey(key);
  if (parsed?.kind === 'check') return us?.checks[parsed.id]?.note ?? '';
  return us?.notes[key] ?? host?.report?.notes?.[key] ?? '';
}

function currentCheck(id: string): UserCheck | undefined {
  const saved = host?.userState.checks[id];
  const local = localChecks.get(id);
  if (local === undefined) return saved;
  return { checked: local, note: saved?.note ?? '' };
}

function setNote(key: string, text: string): void {
  localNotes.set(key, text);
  let poster = notePosters.get(key);
  if (!poster) {
    poster = debounce((t: string) => post({ method: 'note/set', params: { key, text: t } }), NOTE_DEBOUNCE_MS);
    notePosters.set(key, poster);
  }
  poster(text);
}

/** Drop local edits the host has caught up with. */
function reconcileLocal(): void {
  for (const [key, text] of localNotes) {
    localNotes.delete(key);
    if (noteText(key) !== text) localNotes.set(key, text);
  }
  for (const [id, checked] of localChecks) if (host?.userState.checks[id]?.checked === checked) localChecks.delete(id);
}

// ---- rendering ----

function context(): ViewContext {
  const state = host!;
  return {
    state,
    report: state.report!,
    ui,
    palette: themePalette(),
    setUi(patch, rerender) {
      ui = { ...ui, ...patch };
      this.ui = ui;
      saveUi();
      if (rerender) renderActiveTab();
    },
    post,
    openFinding,
    noteText,
    setNote,
    flushNote: (key) => notePosters.get(key)?.flush(),
    check: currentCheck,
    setCheck(id, checked) {
      localChecks.set(id, checked);
      post({ method: 'check/set', params: { id, checked } });
      updateTabBadges();
    },
    registerTarget: (kind, id, el) => targets.set(`${kind}:${id}`, el),
    onUserState: (fn) => userStateListeners.push(fn),
    embed: (el: HTMLElement, chart: ChartSpec) => {
      // During a tab render the element is attached at the end of the pass; a partial update (the Drift detail
      // pane) attaches it synchronously after building, so a microtask later it is in the document.
      if (rendering) pendingEmbeds.push({ el, chart });
      else queueMicrotask(() => disposers.push(embedChart(el, chart)));
    },
  };
}

let pendingEmbeds: { el: HTMLElement; chart: ChartSpec }[] = [];
let rendering = false;

function noReportState(state: State | null): HTMLElement {
  if (state?.pair && state.status.phase === 'idle') return emptyState('No analysis yet.', 'Press Re-run to analyse this pair.');
  if (!state || state.status.phase === 'idle') {
    return emptyState('No analysis yet.', 'In the Explorer, select a training and a production file, right-click, and choose Compare Training ↔ Production.');
  }
  if (state.status.phase === 'running') return emptyState('Analysing…', state.status.message);
  if (state.status.phase === 'error') return emptyState('The analysis failed.', state.status.message);
  return emptyState('The analysis was cancelled before any result.', 'Press Re-run to start again.');
}

/** A report from another prodgap version may lack a field a tab expects: say so in the tab, keep the panel alive. */
function safeRender(tab: Tab): HTMLElement {
  try {
    return RENDERERS[tab](context());
  } catch (err) {
    console.error(err);
    return emptyState('This tab could not be drawn from the report.', err instanceof Error ? err.message : String(err));
  }
}

/**
 * Rebuild the active tab. By default the tab's saved scroll offset is restored (again once the charts have drawn,
 * as they change the page height); `after` replaces that, e.g. to reveal a finding the user jumped to.
 */
function renderActiveTab(after?: () => void): void {
  for (const d of disposers) void d.then((dispose) => dispose());
  disposers = [];
  targets = new Map();
  userStateListeners = [];
  pendingEmbeds = [];
  const i = TABS.indexOf(ui.tab);
  tabPanels.forEach((p, j) => j !== i && p.replaceChildren());
  rendering = true;
  try {
    setChildren(tabPanels[i], host?.report ? safeRender(ui.tab) : noReportState(host));
  } finally {
    rendering = false;
  }
  disposers = pendingEmbeds.map(({ el, chart }) => embedChart(el, chart));
  const settle = after ?? (() => window.scrollTo(0, ui.scroll[ui.tab] ?? 0));
  settle();
  void Promise.all(disposers).then(settle);
}

/** Scroll to and highlight a registered finding / check / chart. */
function reveal(key: string): boolean {
  const el = targets.get(key);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  if (!el.classList.contains('flash')) {
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 2000);
  }
  return true;
}

function openFinding(id: string): void {
  const report = host?.report;
  if (!report) return;
  post({ method: 'finding/open', params: { id } });
  const dest = findingDestination(report, id);
  if (!dest) return;
  if (dest.feature) ui.feature = dest.feature;
  showTab(dest.tab, () => reveal(`finding:${id}`) || (dest.feature !== null && reveal(`chart:hist:${dest.feature}`)));
}

function onFocus(tab: Tab, feature?: string): void {
  const report = host?.report;
  if (report && feature && tab === 'drift' && report.columns.some((c) => c.name === feature)) ui.feature = feature;
  else if (report && feature && tab === 'drift') {
    const f = report.findings.find((x) => x.id === feature);
    if (f) ui.feature = driftFeatureFor(report, f) ?? ui.feature;
  }
  showTab(tab, feature ? () => reveal(`finding:${feature}`) || reveal(`check:${feature}`) || reveal(`chart:${feature}`) : undefined);
}

function onState(state: State): void {
  host = state;
  reconcileLocal();
  setChildren(headerBox, renderHeader(state, post));
  updateTabBadges();
  const sig = state.report ? `${state.partial}|${JSON.stringify(state.report)}` : `none|${state.status.phase}|${state.status.message}`;
  if (sig !== reportSig) {
    reportSig = sig;
    renderActiveTab();
  } else {
    for (const fn of userStateListeners) fn();
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  const m: unknown = e.data;
  if (!isHostMessage(m)) return;
  if (m.method === 'state/did-change') onState(m.params);
  else if (m.method === 'focus/did-change') onFocus(m.params.tab, m.params.feature);
});

// Remember the scroll position per tab (restored on tab switch and after a reload).
const saveScroll = debounce(() => {
  ui.scroll = { ...ui.scroll, [ui.tab]: window.scrollY };
  saveUi();
}, 200);
window.addEventListener('scroll', () => saveScroll(), { passive: true });

// A theme change swaps the body's class (vscode-light / vscode-dark / vscode-high-contrast) and rewrites the
// variables in <html style>; charts take their colours from those variables, so redraw them in the new theme.
const redraw = debounce(() => host?.report && renderActiveTab(), 150);
new MutationObserver(() => redraw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
new MutationObserver(() => redraw()).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

// Notes typed just before the panel is hidden or closed must not be lost.
window.addEventListener('pagehide', () => notePosters.forEach((p) => p.flush()));

setChildren(tabPanels[TABS.indexOf(ui.tab)], noReportState(null));
post({ method: 'webview/ready', params: {} });
