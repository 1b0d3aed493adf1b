/**
 * Drift: dataset-level drift, a sortable/filterable table of every column with its statistics, and — for the
 * selected column — the overlaid train/prod histogram (or category bars), its profile side by side and its findings.
 */
import { distributionChart } from '../../src/core/report/charts';
import { formatNumber, formatShare, statLabel } from '../../src/core/report/chartTheme';
import type { ColumnProfile } from '../../src/core/io/profile';
import type { ColumnReport } from '../../src/core/report/types';
import type { ViewContext } from '../context';
import { h, setChildren } from '../dom';
import { buildTable, type TableColumn } from '../table';
import { badge, chartBlock, emptyState, findingList, section, toggle } from '../widgets';

const num = (x: number | null | undefined) => formatNumber(x ?? null);


export const DRIFT_COLUMNS: TableColumn<ColumnReport>[] = [
  { key: 'name', label: 'Column', value: (c) => c.name, cell: (c) => [c.name, c.role ? h('span', { class: 'role-tag' }, ` ${c.role}`) : null] },
  { key: 'kind', label: 'Kind', value: (c) => c.kind },
  { key: 'test', label: 'Test', value: (c) => (c.drift ? statLabel(c.drift.test) : null), title: 'The statistic that decided the severity' },
  { key: 'score', label: 'Score', value: (c) => c.drift?.score ?? null, cell: (c) => num(c.drift?.score), numeric: true },
  { key: 'psi', label: 'PSI', value: (c) => c.drift?.psi ?? null, cell: (c) => num(c.drift?.psi), numeric: true, title: 'Population stability index over training-quantile bins' },
  { key: 'ks', label: 'KS', value: (c) => c.drift?.ks?.statistic ?? null, cell: (c) => num(c.drift?.ks?.statistic), numeric: true, title: 'Two-sample Kolmogorov–Smirnov statistic' },
  { key: 'wasserstein', label: 'W/σ', value: (c) => c.drift?.wassersteinNormed ?? null, cell: (c) => num(c.drift?.wassersteinNormed), numeric: true, title: 'Wasserstein distance divided by the training standard deviation' },
  { key: 'js', label: 'JS', value: (c) => c.drift?.jensenShannon ?? null, cell: (c) => num(c.drift?.jensenShannon), numeric: true, title: 'Jensen–Shannon distance (base 2)' },
  { key: 'chi2', label: 'χ²', value: (c) => c.drift?.chiSquare?.statistic ?? null, cell: (c) => num(c.drift?.chiSquare?.statistic), numeric: true, title: 'Chi-square statistic of the category contingency table' },
  { key: 'p', label: 'adj. p', value: (c) => c.drift?.pValueAdjusted ?? null, cell: (c) => num(c.drift?.pValueAdjusted), numeric: true, title: 'p-value after Benjamini–Hochberg over all drift tests' },
  {
    key: 'severity',
    label: 'Severity',
    value: (c) => c.drift?.severity ?? null,
    cell: (c) => (c.drift ? badge(c.drift.severity, c.drift.severity) : h('span', { class: 'muted' }, 'not tested')),
  },
];

function datasetDrift(ctx: ViewContext): HTMLElement | null {
  const d = ctx.report.datasetDrift;
  if (!d) return null;
  const c = d.classifier;
  return h(
    'div',
    { class: 'dataset-drift' },
    h('p', null, `${formatShare(d.driftedShare)} of features drifted (${d.driftedColumns.length}). ${d.multipleTesting.rejected} of ${d.multipleTesting.tests} tests significant after Benjamini–Hochberg at α = ${d.multipleTesting.alpha}.`),
    c
      ? h(
          'p',
          null,
          `A ${c.model} tells training from production rows with AUC ${formatNumber(c.auc)} (${c.folds}-fold, ${c.sampleSize.toLocaleString('en-US')} rows; 0.5 = indistinguishable).`,
          c.topFeatures.length ? [' Most telling: ', c.topFeatures.slice(0, 5).map((f) => `${f.name} (${formatNumber(f.importance)})`).join(', '), '.'] : null,
        )
      : null,
  );
}

function profileRows(t: ColumnProfile | null, p: ColumnProfile | null): HTMLElement {
  const row = (label: string, a: string, b: string) => h('tr', null, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, a), h('td', { class: 'num' }, b));
  const rows = [row('Null rate', formatShare(t?.nullRate), formatShare(p?.nullRate))];
  if (t?.numeric || p?.numeric) {
    for (const k of ['mean', 'std', 'min', 'max'] as const) rows.push(row(k, num(t?.numeric?.[k]), num(p?.numeric?.[k])));
    rows.push(row('median', num(t?.numeric?.quantiles?.p50), num(p?.numeric?.quantiles?.p50)));
  }
  if (t?.categories || p?.categories) {
    rows.push(row('Categories', String(t?.categories?.cardinality ?? '—'), String(p?.categories?.cardinality ?? '—')));
    const top = (x: ColumnProfile | null) => x?.categories?.top.slice(0, 3).map((c) => c.value).join(', ') ?? '—';
    rows.push(row('Most frequent', top(t), top(p)));
  }
  return h(
    'table',
    { class: 'profile', 'aria-label': 'Training and production profile' },
    h('thead', null, h('tr', null, h('td', null), h('th', { scope: 'col' }, 'Training'), h('th', { scope: 'col' }, 'Production'))),
    h('tbody', null, rows),
  );
}

function detail(ctx: ViewContext, col: ColumnReport | undefined): HTMLElement {
  if (!col) return emptyState('Select a column to see its training and production distributions.', 'Use ↑/↓ in the table and Enter to select.');
  const chart = distributionChart(col, { palette: ctx.palette, mode: ctx.ui.histMode, width: 'container' });
  const modeToggle = toggle(
    [
      { value: 'share', label: 'Proportions' },
      { value: 'count', label: 'Counts' },
    ] as const,
    ctx.ui.histMode,
    (histMode) => ctx.setUi({ histMode }, true),
    'Histogram values',
  );
  const d = col.drift;
  return h(
    'div',
    { class: 'drift-detail' },
    h('h3', null, col.name, ' ', d ? badge(d.severity, d.severity) : null),
    h('p', { class: 'muted' }, `${col.kind}${col.role ? `, ${col.role} column` : ''}${d?.sampled ? `; statistics on a sample of ${d.sampled.train.toLocaleString('en-US')} / ${d.sampled.prod.toLocaleString('en-US')} rows` : ''}`),
    chartBlock(ctx, chart, d ? 'No histogram for this column in the report.' : 'This column was not tested for drift (missing on one side, or a role or id column).', modeToggle),
    profileRows(col.train, col.prod),
    findingList(ctx, ctx.report.findings.filter((f) => f.columns.includes(col.name)), 'No findings about this column.', false),
  );
}

export function renderDrift(ctx: ViewContext): HTMLElement {
  const cols = ctx.report.columns;
  if (cols.length === 0) return emptyState(ctx.state.partial ? 'Drift statistics are on their way.' : 'No shared columns to compare.');
  const tableBox = h('div', { class: 'drift-table' });
  const detailBox = h('div', { class: 'drift-side' });
  const byName = new Map(cols.map((c) => [c.name, c]));
  // Open on the most drifted column rather than an empty pane: that is the first chart anyone wants to see.
  if (!ctx.ui.feature || !byName.has(ctx.ui.feature)) {
    const rank = { critical: 2, warning: 1, ok: 0 } as const;
    const top = cols
      .filter((c) => c.drift?.histogram)
      .sort((a, b) => rank[b.drift!.severity] - rank[a.drift!.severity] || b.drift!.score - a.drift!.score)[0];
    if (top) ctx.setUi({ feature: top.name });
  }

  const showDetail = () => setChildren(detailBox, detail(ctx, ctx.ui.feature ? byName.get(ctx.ui.feature) : undefined));
  const showTable = (refocus?: number) => {
    const t = buildTable({
      caption: 'Drift statistics per column',
      columns: DRIFT_COLUMNS,
      rows: cols,
      rowKey: (c) => c.name,
      sort: ctx.ui.sort,
      filter: ctx.ui.filter,
      selected: ctx.ui.feature,
      emptyText: 'No column matches the filter.',
      onSort: (sort) => {
        ctx.setUi({ sort });
        showTable(DRIFT_COLUMNS.findIndex((c) => c.key === sort.key));
      },
      onSelect: (name) => {
        ctx.setUi({ feature: name });
        ctx.post({ method: 'feature/select', params: { name, tab: 'drift' } });
        showDetail();
      },
    });
    setChildren(tableBox, t.element);
    if (refocus !== undefined) (t.element.querySelectorAll('th button')[refocus] as HTMLElement | undefined)?.focus();
  };
  const filter = h('vscode-textfield', {
    class: 'filter',
    placeholder: 'Filter columns (name, kind, or key:value such as severity:critical)',
    'aria-label': 'Filter columns',
    props: { value: ctx.ui.filter },
    on: {
      input: (e: Event) => {
        ctx.setUi({ filter: (e.target as HTMLInputElement).value });
        showTable();
      },
    },
  });
  showTable();
  showDetail();
  return h(
    'div',
    { class: 'tab-drift' },
    datasetDrift(ctx) ? section('Dataset drift', datasetDrift(ctx)) : null,
    h('div', { class: 'drift-layout' }, h('div', { class: 'drift-main' }, filter, tableBox), detailBox),
  );
}
