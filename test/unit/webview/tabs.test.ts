import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXED_PALETTE, type ChartSpec } from '../../../src/core/report/chartTheme';
import type { Report } from '../../../src/core/report/types';
import type { State, WebviewMessage } from '../../../src/panel/protocol';
import type { ViewContext } from '../../../webview/context';
import { defaultUiState } from '../../../webview/state';
import { renderChecklist } from '../../../webview/tabs/checklist';
import { renderDrift } from '../../../webview/tabs/drift';
import { renderOverview } from '../../../webview/tabs/overview';
import { renderSchema } from '../../../webview/tabs/schema';
import { renderSegments } from '../../../webview/tabs/segments';
import { renderTimeline } from '../../../webview/tabs/timeline';
import { HOSTILE_CATEGORY, HOSTILE_COLUMN, sampleReport } from '../core/report/sampleReport';
import { asFake, installFakeDom, type FakeElement } from './fakeDom';

installFakeDom();

interface Spy {
  ctx: ViewContext;
  posted: WebviewMessage[];
  opened: string[];
  checks: [string, boolean][];
  notes: [string, string][];
  charts: ChartSpec[];
}

function spyContext(report: Report, feature: string | null = null): Spy {
  const spy = { posted: [], opened: [], checks: [], notes: [], charts: [] } as unknown as Spy;
  const state: State = { report, partial: false, userState: { checks: {}, notes: {} }, status: { phase: 'done', message: '' }, pair: null };
  spy.ctx = {
    state,
    report,
    ui: { ...defaultUiState, feature },
    palette: FIXED_PALETTE,
    setUi(patch) {
      this.ui = { ...this.ui, ...patch };
    },
    post: (m) => spy.posted.push(m),
    openFinding: (id) => spy.opened.push(id),
    noteText: (key) => (key === 'finding:feature_drift:city' ? `note about ${HOSTILE_CATEGORY}` : ''),
    setNote: (key, text) => spy.notes.push([key, text]),
    flushNote() {},
    check: () => undefined,
    setCheck: (id, checked) => spy.checks.push([id, checked]),
    registerTarget() {},
    onUserState() {},
    embed: (_el, chart) => spy.charts.push(chart),
  };
  return spy;
}

const RENDERERS = { renderOverview, renderSchema, renderDrift, renderSegments, renderTimeline, renderChecklist };

test('every tab renders the hostile names as text and never creates img or script elements', () => {
  for (const [name, render] of Object.entries(RENDERERS)) {
    const el = asFake(render(spyContext(sampleReport(), HOSTILE_COLUMN).ctx));
    assert.equal(el.byTag('img').length, 0, name);
    assert.equal(el.byTag('script').length, 0, name);
    assert.ok(el.all().length > 5, `${name} rendered something`);
  }
  const overview = asFake(renderOverview(spyContext(sampleReport()).ctx)).texts().join('\n');
  assert.ok(overview.includes(`Null spike in ${HOSTILE_COLUMN}`));
  assert.ok(overview.includes(`note about ${HOSTILE_CATEGORY}`), 'notes are shown inline, as text');
  const drift = asFake(renderDrift(spyContext(sampleReport(), HOSTILE_COLUMN).ctx));
  assert.ok(drift.byTag('td').some((td) => td.textContent === HOSTILE_COLUMN));
});

function buttonNamed(root: FakeElement, text: string): FakeElement {
  const b = root.all().find((e) => (e.tagName === 'BUTTON' || e.tagName === 'VSCODE-BUTTON') && e.textContent === text);
  assert.ok(b, `button "${text}"`);
  return b!;
}

test('Overview: a finding title jumps to it; hypotheses link their evidence', () => {
  const spy = spyContext(sampleReport());
  const el = asFake(renderOverview(spy.ctx));
  buttonNamed(el, 'age drifted').dispatch('click');
  // "city drifted" appears twice: as the hypothesis' evidence link and in the findings list.
  const links = el.all().filter((e) => e.tagName === 'BUTTON' && e.textContent === 'city drifted');
  assert.equal(links.length, 2);
  links[0].dispatch('click');
  assert.deepEqual(spy.opened, ['feature_drift:age', 'feature_drift:city']);
});

test('Drift: the selected column gets its distribution chart; selecting a row posts feature/select', () => {
  const spy = spyContext(sampleReport(), 'city');
  const el = asFake(renderDrift(spy.ctx));
  assert.deepEqual(spy.charts.map((c) => c.id), ['hist:city']);
  const rows = el.byTag('tbody')[0].byTag('tr');
  rows[0].dispatch('click');
  assert.deepEqual(spy.posted, [{ method: 'feature/select', params: { name: 'age', tab: 'drift' } }]);
});

test('Drift opens on the most drifted column when none is selected', () => {
  const spy = spyContext(sampleReport(), null);
  renderDrift(spy.ctx);
  assert.deepEqual(spy.charts.map((c) => c.id), ['hist:age']);
  assert.equal(spy.ctx.ui.feature, 'age');
});

test('Checklist: ticking posts through setCheck, typing a note through setNote with the check: key', () => {
  const spy = spyContext(sampleReport());
  const el = asFake(renderChecklist(spy.ctx));
  const box = el.byTag('vscode-checkbox')[0];
  box.checked = true;
  box.dispatch('change', { target: box });
  assert.deepEqual(spy.checks, [['schema-match', true]]);
  const area = el.byTag('vscode-textarea')[0];
  area.value = 'asked the data team';
  area.dispatch('input');
  assert.deepEqual(spy.notes, [['check:schema-match', 'asked the data team']]);
});

test('Timeline and Segments explain what is missing instead of drawing empty charts', () => {
  const r = sampleReport();
  r.timeline = null;
  r.roles.time = null;
  r.skew = null;
  r.roles.id = null;
  const spy = spyContext(r);
  const text = asFake(renderTimeline(spy.ctx)).texts().join(' ');
  assert.match(text, /No timestamp column — set one with Change Roles/);
  assert.match(text, /No id column/);
  buttonNamed(asFake(renderTimeline(spy.ctx)), 'Set the time column…').dispatch('click');
  assert.deepEqual(spy.posted.at(-1), { method: 'roles/change', params: { role: 'time' } });
  r.segments = null;
  assert.match(asFake(renderSegments(spyContext(r).ctx)).texts().join(' '), /No segment analysis/);
});

test('header: file names and roles from the dataset are text; the buttons post the user intents', async () => {
  const { renderHeader } = await import('../../../webview/header');
  const r = sampleReport();
  r.train.path = `/data/${HOSTILE_COLUMN}.csv`;
  r.roles.label = HOSTILE_CATEGORY;
  const posted: WebviewMessage[] = [];
  const state: State = { report: r, partial: true, userState: { checks: {}, notes: {} }, status: { phase: 'done', message: 'ok' }, pair: null };
  const el = asFake(renderHeader(state, (m) => posted.push(m)));
  assert.equal(el.byTag('img').length + el.byTag('script').length, 0);
  const texts = el.texts();
  assert.ok(texts.includes(`${HOSTILE_COLUMN}.csv`) && texts.includes(HOSTILE_CATEGORY));
  assert.match(texts.join(''), /partial results/);
  buttonNamed(el, HOSTILE_CATEGORY).dispatch('click');
  buttonNamed(el, 'Re-run').dispatch('click');
  buttonNamed(el, 'Export Post-mortem').dispatch('click');
  assert.deepEqual(posted.map((m) => m.method), ['roles/change', 'analysis/rerun', 'postmortem/export']);
  assert.deepEqual(posted[0].params, { role: 'label' });
});
