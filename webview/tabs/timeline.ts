/**
 * Timeline: per-window drift and metric lines, detected patterns, the leakage timeline (Gantt) with the overlap and
 * leakage numbers, and train/serving skew of entities present in both files.
 */
import { formatNumber, formatShare } from '../../src/core/report/chartTheme';
import { leakageTimelineChart, windowDriftChart, windowMetricChart } from '../../src/core/report/timeCharts';
import type { SkewColumn, TimelineSection } from '../../src/core/report/types';
import type { ViewContext } from '../context';
import { h } from '../dom';
import { tabForFinding } from '../nav';
import { buildTable, type TableColumn } from '../table';
import { chartBlock, emptyState, findingList, section } from '../widgets';

function changeRole(ctx: ViewContext, role: 'time' | 'id', label: string): HTMLElement {
  return h('vscode-button', { secondary: true, on: { click: () => ctx.post({ method: 'roles/change', params: { role } }) } }, label);
}

function overTime(ctx: ViewContext): HTMLElement {
  const tl = ctx.report.timeline;
  if (!tl) {
    const time = ctx.report.roles.time;
    if (ctx.state.partial) return emptyState('The timeline is still being computed.');
    if (time) return emptyState('No timeline in this report.', `The time column ${time} gave no usable windows (too few distinct dates, or this version does not compute timelines yet).`);
    return h(
      'div',
      null,
      emptyState('No timestamp column — set one with Change Roles.', 'With a time column, drift and the model metric are followed window by window.'),
      changeRole(ctx, 'time', 'Set the time column…'),
    );
  }
  const opts = { palette: ctx.palette, width: 'container' as const };
  return h(
    'div',
    null,
    h('p', { class: 'muted' }, `${tl.windows.length} ${tl.unit} windows of `, h('code', null, tl.timeColumn), '.'),
    chartBlock(ctx, windowDriftChart(ctx.report, opts), 'No per-window drift values.'),
    chartBlock(ctx, windowMetricChart(ctx.report, opts), 'No per-window metric (needs label and prediction columns).'),
    patterns(tl.patterns),
  );
}

/** Detected changes first (sudden, gradual, seasonal); the columns with none are named on one line. */
function patterns(list: TimelineSection['patterns']): HTMLElement | null {
  const found = list.filter((p) => p.pattern !== 'none');
  const none = list.filter((p) => p.pattern === 'none');
  if (list.length === 0) return null;
  return h(
    'div',
    { class: 'patterns' },
    h('h3', null, 'Patterns over time'),
    found.length
      ? h('ul', null, found.map((p) => h('li', null, h('code', null, p.column), ` — ${p.pattern}${p.changeAt ? ` from ${p.changeAt.slice(0, 10)}` : ''}: ${p.detail}`)))
      : h('p', null, 'No sudden, gradual or seasonal change detected.'),
    none.length ? h('p', { class: 'muted' }, 'No clear pattern: ', none.map((p) => p.column).join(', '), '.') : null,
  );
}

function leakage(ctx: ViewContext): HTMLElement {
  const l = ctx.report.leakage;
  if (!l) return emptyState(ctx.state.partial ? 'Leakage checks are still running.' : 'No leakage analysis in this report.');
  const chart = leakageTimelineChart(ctx.report, { palette: ctx.palette, width: 'container' });
  const power = l.featurePower.length
    ? h(
        'table',
        { class: 'data', 'aria-label': 'Univariate predictive power of features' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Feature'), h('th', { scope: 'col', class: 'num' }, 'AUC, training'), h('th', { scope: 'col', class: 'num' }, 'AUC, production'))),
        h('tbody', null, l.featurePower.map((f) => h('tr', null, h('td', null, f.column), h('td', { class: 'num' }, formatNumber(f.trainAuc)), h('td', { class: 'num' }, formatNumber(f.prodAuc))))),
      )
    : null;
  return h(
    'div',
    null,
    chartBlock(ctx, chart, 'No dates to place on a timeline (no time column, no date features).'),
    h(
      'ul',
      { class: 'facts' },
      h('li', null, `${formatShare(l.rowOverlapShare)} of production rows also appear in training.`),
      h('li', null, `Duplicate rows: ${l.duplicateRows.train.toLocaleString('en-US')} in training, ${l.duplicateRows.prod.toLocaleString('en-US')} in production.`),
      h('li', null, l.idOverlapShare === null ? 'No id column: entity overlap not checked.' : `${formatShare(l.idOverlapShare)} of production ids also appear in training.`),
    ),
    power,
  );
}

const SKEW_COLUMNS: TableColumn<SkewColumn>[] = [
  { key: 'column', label: 'Feature', value: (s) => s.column },
  { key: 'pairs', label: 'Pairs', value: (s) => s.pairs, numeric: true },
  { key: 'differ', label: 'Differ', value: (s) => s.differShare, cell: (s) => formatShare(s.differShare), numeric: true, title: 'Share of matched entities whose value differs' },
  { key: 'ratio', label: 'Median ratio', value: (s) => s.medianRatio, cell: (s) => formatNumber(s.medianRatio), numeric: true },
  { key: 'diff', label: 'Median difference', value: (s) => s.medianDiff, cell: (s) => formatNumber(s.medianDiff), numeric: true },
  { key: 'direction', label: 'Direction', value: (s) => s.direction },
];

function skew(ctx: ViewContext): HTMLElement {
  const s = ctx.report.skew;
  if (!s) {
    const id = ctx.report.roles.id;
    if (ctx.state.partial) return emptyState('Skew checks are still running.');
    if (id) return emptyState('No train/serving skew in this report.', `No entity of ${id} appears in both files with comparable features (or this version does not compute skew yet).`);
    return h(
      'div',
      null,
      emptyState('No id column — train/serving skew compares the same entities in both files.', 'Set an id column with Change Roles.'),
      changeRole(ctx, 'id', 'Set the id column…'),
    );
  }
  return h(
    'div',
    null,
    h('p', { class: 'muted' }, `${s.matchedEntities.toLocaleString('en-US')} entities matched on `, h('code', null, s.joinedOn.join(', ')), '.'),
    buildTable({ caption: 'Train/serving skew per feature', columns: SKEW_COLUMNS, rows: s.columns, rowKey: (x) => x.column, sort: { key: 'differ', dir: 'desc' }, filter: '', emptyText: 'No feature compared.' }).element,
  );
}

export function renderTimeline(ctx: ViewContext): HTMLElement {
  return h(
    'div',
    { class: 'tab-timeline' },
    section('Over time', overTime(ctx)),
    section('Leakage timeline', leakage(ctx)),
    section('Train/serving skew', skew(ctx)),
    section('Time, leakage and skew findings', findingList(ctx, ctx.report.findings.filter((f) => tabForFinding(f) === 'timeline'), 'No time, leakage or skew problems found.', false)),
  );
}
