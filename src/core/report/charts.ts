/**
 * Vega-lite chart specs built from a Report, as plain data. The webview embeds them (vega-embed with the
 * expression interpreter, so no `eval`), the post-mortem renders them to SVG headlessly (`renderSvg.ts`).
 *
 * Dataset strings (column names, category values) only ever travel as *data values* or literal title/axis text —
 * never as field names (vega-lite reads dots and brackets in field names as paths) and never inside an expression
 * string — so a column called `a.b` or `<script>` charts as what it is. Vega escapes text when it writes SVG.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnReport, Report } from './types';
import {
  chartDefaults,
  fileColor,
  FILE_LABELS,
  formatNumber,
  formatShare,
  frame,
  severityColor,
  type ChartOptions,
  type ChartSpec,
  type HistogramMode,
  makeChart,
  statLabel,
} from './chartTheme';
import { leakageTimelineChart, segmentHeatmapChart, windowDriftChart, windowMetricChart } from './timeCharts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** JSON has no Infinity: open-ended outer bins get the width of their neighbour so they still draw. */
function finiteEdges(edges: number[]): number[] {
  const out = edges.slice();
  const n = out.length;
  if (n >= 2 && !Number.isFinite(out[0])) out[0] = out[1] - (Number.isFinite(out[2]) ? out[2] - out[1] : 1);
  if (n >= 2 && !Number.isFinite(out[n - 1])) out[n - 1] = out[n - 2] + (Number.isFinite(out[n - 3]) ? out[n - 2] - out[n - 3] : 1);
  return out;
}

interface BarRow {
  file: string;
  count: number;
  share: number;
}

/** Overlaid train/prod histogram of a numeric column on its shared bins, or null if the report has none. */
export function numericHistogramChart(col: ColumnReport, opts: ChartOptions): ChartSpec | null {
  const h = col.drift?.histogram;
  if (!h?.edges || h.edges.length !== h.train.length + 1 || h.prod.length !== h.train.length) return null;
  const edges = finiteEdges(h.edges);
  // Datetime columns are epoch milliseconds: draw a time axis and print bin edges as UTC dates.
  const temporal = col.kind === 'datetime';
  const edgeText = (x: number) => (temporal && Number.isFinite(x) ? new Date(x).toISOString().slice(0, 16).replace('T', ' ') : formatNumber(x));
  const totals = { train: sum(h.train), prod: sum(h.prod) };
  const rows: (BarRow & { lo: number; hi: number; range: string })[] = [];
  for (const file of ['train', 'prod'] as const) {
    h[file].forEach((count, i) => {
      const range = `${i === 0 ? '[' : '('}${edgeText(h.edges![i])}, ${edgeText(h.edges![i + 1])}]`;
      rows.push({ file: FILE_LABELS[file], lo: edges[i], hi: edges[i + 1], range, count, share: totals[file] ? count / totals[file] : 0 });
    });
  }
  const mode = opts.mode ?? 'share';
  const title = `${col.name}: training vs production`;
  const spec = {
    ...frame(title, opts),
    data: { values: rows },
    // Translucent fills show the overlap; a full-strength outline in the series colour keeps each file's shape
    // readable on dark themes, where a translucent orange over the background turns brown.
    mark: { type: 'bar', fillOpacity: 0.45, strokeOpacity: 1, strokeWidth: 1.2, binSpacing: 0 },
    encoding: {
      x: temporal
        ? { field: 'lo', type: 'temporal', title: 'Date (UTC)', scale: { type: 'utc' } }
        : { field: 'lo', type: 'quantitative', title: 'Value', scale: { zero: false } },
      x2: { field: 'hi' },
      y: yEncoding(mode),
      // Ranged x makes vega-lite draw ranged bars; anchor them at zero explicitly.
      y2: { datum: 0 },
      color: { field: 'file', type: 'nominal', scale: fileColor(opts.palette), legend: { title: null } },
      stroke: { field: 'file', type: 'nominal', scale: fileColor(opts.palette), legend: null },
      tooltip: barTooltip('range', 'Bin'),
    },
  } as TopLevelSpec;
  return makeChart(`hist:${col.name}`, title, numericSummary(col, rows), spec);
}

function yEncoding(mode: HistogramMode): Record<string, unknown> {
  return mode === 'count'
    ? { field: 'count', type: 'quantitative', title: 'Rows', stack: null }
    : { field: 'share', type: 'quantitative', title: 'Share of rows', stack: null, axis: { format: '.0%' } };
}

function barTooltip(keyField: string, keyTitle: string): Record<string, unknown>[] {
  return [
    { field: 'file', type: 'nominal', title: 'File' },
    { field: keyField, type: 'nominal', title: keyTitle },
    { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
    { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
  ];
}

function numericSummary(col: ColumnReport, rows: (BarRow & { range: string })[]): string {
  const half = rows.length / 2;
  let worst = 0;
  for (let i = 1; i < half; i++) {
    if (Math.abs(rows[half + i].share - rows[i].share) > Math.abs(rows[half + worst].share - rows[worst].share)) worst = i;
  }
  const d = col.drift!;
  const t = rows[worst];
  const p = rows[half + worst];
  return (
    `Histogram of ${col.name} over ${half} bins; ${statLabel(d.test)} ${formatNumber(d.score)} (${d.severity}). ` +
    `Largest change: bin ${t.range} holds ${formatShare(t.share)} of training and ${formatShare(p.share)} of production rows.`
  );
}

/** Grouped train/prod bars of a categorical column's categories; the tail beyond `maxCategories` is one bar. */
export function categoricalBarChart(col: ColumnReport, opts: ChartOptions): ChartSpec | null {
  const h = col.drift?.histogram;
  if (!h?.labels || h.labels.length !== h.train.length || h.prod.length !== h.train.length) return null;
  const order = h.labels.map((_, i) => i).sort((a, b) => h.train[b] + h.prod[b] - (h.train[a] + h.prod[a]));
  const keep = order.slice(0, chartDefaults.maxCategories);
  const rest = order.slice(chartDefaults.maxCategories);
  const totals = { train: sum(h.train), prod: sum(h.prod) };
  const rows: (BarRow & { category: string; order: number })[] = [];
  for (const file of ['train', 'prod'] as const) {
    const push = (category: string, count: number, order: number) =>
      rows.push({ file: FILE_LABELS[file], category, order, count, share: totals[file] ? count / totals[file] : 0 });
    keep.forEach((i, k) => push(h.labels![i], h[file][i], k));
    if (rest.length) push(`other (${rest.length} categories)`, sum(rest.map((i) => h[file][i])), keep.length);
  }
  const mode = opts.mode ?? 'share';
  const title = `${col.name}: categories in training vs production`;
  const spec = {
    ...frame(title, opts),
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'category', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { labelAngle: -30 } },
      xOffset: { field: 'file', type: 'nominal', scale: { domain: [FILE_LABELS.train, FILE_LABELS.prod] } },
      y: yEncoding(mode),
      color: { field: 'file', type: 'nominal', scale: fileColor(opts.palette), legend: { title: null } },
      tooltip: barTooltip('category', 'Category'),
    },
  } as TopLevelSpec;
  return makeChart(`hist:${col.name}`, title, categoricalSummary(col, rows), spec);
}

function categoricalSummary(col: ColumnReport, rows: (BarRow & { category: string })[]): string {
  const half = rows.length / 2;
  let worst = 0;
  for (let i = 1; i < half; i++) {
    if (Math.abs(rows[half + i].share - rows[i].share) > Math.abs(rows[half + worst].share - rows[worst].share)) worst = i;
  }
  const d = col.drift!;
  return (
    `Bar chart of ${half} categories of ${col.name}; ${statLabel(d.test)} ${formatNumber(d.score)} (${d.severity}). ` +
    `Largest change: ${rows[worst].category} is ${formatShare(rows[worst].share)} of training and ` +
    `${formatShare(rows[half + worst].share)} of production rows.`
  );
}

/** The right distribution chart for a column: histogram (numeric-like) or bars (categorical), or null. */
export function distributionChart(col: ColumnReport, opts: ChartOptions): ChartSpec | null {
  return col.drift?.histogram?.labels ? categoricalBarChart(col, opts) : numericHistogramChart(col, opts);
}

/** Every column's deciding drift score as a horizontal bar, coloured by severity, most drifted on top. */
export function driftScoresChart(report: Report, opts: ChartOptions): ChartSpec | null {
  const rows = report.columns
    .filter((c) => c.drift && Number.isFinite(c.drift.score))
    .map((c) => ({ column: c.name, score: c.drift!.score, test: statLabel(c.drift!.test), severity: c.drift!.severity }))
    .sort((a, b) => b.score - a.score);
  if (rows.length === 0) return null;
  const title = 'Drift score per column';
  const spec = {
    ...frame(title, opts, Math.max(60, 18 * rows.length)),
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'column', type: 'nominal', title: null, sort: '-x' },
      x: { field: 'score', type: 'quantitative', title: 'Drift score (deciding statistic)' },
      color: { field: 'severity', type: 'nominal', scale: severityColor(opts.palette), legend: { title: null } },
      tooltip: [
        { field: 'column', type: 'nominal', title: 'Column' },
        { field: 'test', type: 'nominal', title: 'Statistic' },
        { field: 'score', type: 'quantitative', title: 'Score', format: '.3~g' },
        { field: 'severity', type: 'nominal', title: 'Severity' },
      ],
    },
  } as TopLevelSpec;
  const drifted = rows.filter((r) => r.severity !== 'ok');
  const summary =
    `${rows.length} columns scored; ${drifted.length} drifted` +
    (drifted.length ? ` (most: ${drifted.slice(0, 3).map((r) => `${r.column} ${r.test} ${formatNumber(r.score)}`).join(', ')}).` : '.');
  return makeChart('drift-scores', title, summary, spec);
}

/** The charts of a whole report, in reading order: what the post-mortem exports. */
export function reportCharts(report: Report, opts: ChartOptions): ChartSpec[] {
  const out: (ChartSpec | null)[] = [driftScoresChart(report, opts)];
  const rank = { critical: 2, warning: 1, ok: 0 } as const;
  const drifted = report.columns
    .filter((c) => c.drift && c.drift.severity !== 'ok' && c.drift.histogram)
    .sort((a, b) => rank[b.drift!.severity] - rank[a.drift!.severity] || b.drift!.score - a.drift!.score)
    .slice(0, chartDefaults.maxHistograms);
  for (const c of drifted) out.push(distributionChart(c, opts));
  out.push(windowDriftChart(report, opts), windowMetricChart(report, opts), leakageTimelineChart(report, opts));
  out.push(segmentHeatmapChart(report, opts, 'gap'), segmentHeatmapChart(report, opts, 'share'));
  return out.filter((c): c is ChartSpec => c !== null);
}
