/**
 * Vega-lite specs for the time and segment sections: per-window drift and metric lines, the leakage timeline
 * (a Gantt of training window, production window, their overlap and feature date ranges) and the segment heatmap.
 * Same rules as `charts.ts`: dataset strings travel only as data values.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Report } from './types';
import { chartConfig, chartDefaults, fileColor, FILE_LABELS, formatNumber, formatShare, frame, makeChart, metricTitle, type ChartOptions, type ChartSpec } from './chartTheme';

/** A number from `report.options.<section>.<key>` (the options the analyses ran with), if present. */
export function optionNumber(report: Report, section: string, key: string): number | undefined {
  const s = report.options?.[section];
  if (s === null || typeof s !== 'object') return undefined;
  const v = (s as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const day = (iso: string) => iso.slice(0, 10);

const utcX = (title: string) => ({ field: 'start', type: 'temporal', title, scale: { type: 'utc' }, axis: { format: '%Y-%m-%d', labelAngle: -30 } });

/** Per-window drift (against the whole training file) of the most drifting columns, with the window threshold. */
export function windowDriftChart(report: Report, opts: ChartOptions): ChartSpec | null {
  const tl = report.timeline;
  if (!tl || tl.windows.length === 0) return null;
  const peak = new Map<string, number>();
  for (const w of tl.windows) {
    for (const [c, v] of Object.entries(w.drift)) if (Number.isFinite(v)) peak.set(c, Math.max(peak.get(c) ?? -Infinity, v));
  }
  if (peak.size === 0) return null;
  const columns = [...peak.entries()].sort((a, b) => b[1] - a[1]).slice(0, chartDefaults.maxSeries).map(([c]) => c);
  const rows = [];
  for (const w of tl.windows) {
    for (const column of columns) {
      const value = w.drift[column];
      if (Number.isFinite(value)) rows.push({ start: w.start, window: day(w.start), file: FILE_LABELS[w.file], column, value });
    }
  }
  const threshold = optionNumber(report, 'timeline', 'windowPsi');
  const lines = {
    mark: { type: 'line', point: true, interpolate: 'linear' },
    encoding: {
      x: utcX(`Start of ${tl.unit}`),
      y: { field: 'value', type: 'quantitative', title: 'Drift vs training (PSI)' },
      color: { field: 'column', type: 'nominal', scale: { range: opts.palette.series }, legend: { title: null } },
      // Training and production windows can share dates (overlapping files): one line per column *and* file, so a
      // line never zigzags between the two files' values (the tooltip names the file).
      detail: { field: 'file', type: 'nominal' },
      tooltip: [
        { field: 'column', type: 'nominal', title: 'Column' },
        { field: 'window', type: 'nominal', title: 'Window' },
        { field: 'file', type: 'nominal', title: 'File' },
        { field: 'value', type: 'quantitative', title: 'Drift', format: '.3~g' },
      ],
    },
  };
  const rule = { data: { values: [{ threshold }] }, mark: { type: 'rule', strokeDash: [4, 4], color: opts.palette.critical }, encoding: { y: { field: 'threshold', type: 'quantitative' } } };
  const title = 'Drift per time window';
  const spec = {
    ...frame(title, opts),
    data: { values: rows },
    layer: threshold === undefined ? [lines] : [lines, rule],
  } as TopLevelSpec;
  const worst = [...peak.entries()].sort((a, b) => b[1] - a[1])[0];
  const summary =
    `Drift of ${columns.length} columns over ${tl.windows.length} ${tl.unit} windows of ${tl.timeColumn}; ` +
    `highest: ${worst[0]} at ${formatNumber(worst[1])}` + (threshold === undefined ? '.' : ` (window threshold ${formatNumber(threshold)}).`);
  return makeChart('timeline-drift', title, summary, spec);
}

/** The headline metric per window, training and production windows coloured apart. */
export function windowMetricChart(report: Report, opts: ChartOptions): ChartSpec | null {
  const tl = report.timeline;
  if (!tl || !tl.metric) return null;
  const metric = metricTitle(tl.metric);
  const rows = tl.windows
    .filter((w) => typeof w.metric === 'number' && Number.isFinite(w.metric))
    .map((w) => ({ start: w.start, window: day(w.start), file: FILE_LABELS[w.file], metric: w.metric as number, rows: w.rows }));
  if (rows.length === 0) return null;
  const title = `${metric} per time window`;
  const spec = {
    ...frame(title, opts),
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: utcX(`Start of ${tl.unit}`),
      y: { field: 'metric', type: 'quantitative', title: metric, scale: { zero: false } },
      color: { field: 'file', type: 'nominal', scale: fileColor(opts.palette), legend: { title: null } },
      tooltip: [
        { field: 'window', type: 'nominal', title: 'Window' },
        { field: 'file', type: 'nominal', title: 'File' },
        { field: 'metric', type: 'quantitative', title: metric, format: '.3~g' },
        { field: 'rows', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  } as TopLevelSpec;
  const mean = (f: string) => {
    const xs = rows.filter((r) => r.file === f).map((r) => r.metric);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const summary = `${metric} over ${rows.length} windows: mean ${formatNumber(mean(FILE_LABELS.train))} in training windows, ${formatNumber(mean(FILE_LABELS.prod))} in production windows.`;
  return makeChart('timeline-metric', title, summary, spec);
}

/** The leakage timeline as a Gantt: one lane per interval, in a fixed reading order. */
export function leakageTimelineChart(report: Report, opts: ChartOptions): ChartSpec | null {
  const lt = report.leakage?.timeline;
  if (!lt) return null;
  const kinds = { train: 'training', prod: 'production', overlap: 'overlap' } as const;
  const rows: { lane: string; kind: string; start: string; end: string; from: string; to: string; order: number }[] = [];
  const add = (lane: string, kind: string, r: { start: string; end: string } | null | undefined) => {
    if (r) rows.push({ lane, kind, start: r.start, end: r.end, from: r.start, to: r.end, order: rows.length });
  };
  add('Training window', kinds.train, lt.train);
  add('Production window', kinds.prod, lt.prod);
  add('Overlap', kinds.overlap, lt.overlap);
  for (const l of lt.labelAvailability ?? []) add(`Labels (${FILE_LABELS[l.file]})`, kinds[l.file], l);
  for (const f of lt.featureDates) {
    add(`${f.column} (training)`, kinds.train, f.train);
    add(`${f.column} (production)`, kinds.prod, f.prod);
  }
  if (rows.length === 0) return null;
  const p = opts.palette;
  const title = 'Leakage timeline';
  const spec = {
    ...frame(title, opts, Math.max(60, 24 * rows.length)),
    data: { values: rows },
    mark: { type: 'bar', cornerRadius: 2, height: { band: 0.7 } },
    encoding: {
      y: { field: 'lane', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } },
      x: { field: 'start', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%Y-%m-%d', labelAngle: -30 } },
      x2: { field: 'end' },
      color: { field: 'kind', type: 'nominal', scale: { domain: [kinds.train, kinds.prod, kinds.overlap], range: [p.train, p.prod, p.overlap] }, legend: { title: null } },
      tooltip: [
        { field: 'lane', type: 'nominal', title: 'Interval' },
        { field: 'from', type: 'nominal', title: 'From' },
        { field: 'to', type: 'nominal', title: 'To' },
      ],
    },
  } as TopLevelSpec;
  const parts = [
    lt.train ? `training ${day(lt.train.start)} to ${day(lt.train.end)}` : 'training window unknown',
    lt.prod ? `production ${day(lt.prod.start)} to ${day(lt.prod.end)}` : 'production window unknown',
    lt.overlap ? `they overlap from ${day(lt.overlap.start)} to ${day(lt.overlap.end)}` : 'no overlap',
  ];
  const summary = `Time ranges: ${parts.join('; ')}; ${lt.featureDates.length} feature date columns shown.`;
  return makeChart('leakage-timeline', title, summary, spec);
}

export type HeatmapMode = 'gap' | 'share';

/**
 * Single-column segments as a grid: one row of cells per column, its values left to right, each cell labelled with
 * its value and coloured by the metric gap (prod − train) or the change of the segment's share of rows. Diverging
 * around zero so "worse" and "better" read apart. Cells are positioned by their index within the column (`pos`), so
 * columns with different values share one compact grid.
 */
export function segmentHeatmapChart(report: Report, opts: ChartOptions, mode: HeatmapMode): ChartSpec | null {
  const s = report.segments;
  if (!s) return null;
  const seen = new Map<string, number>();
  const rows = s.segments
    .filter((g) => g.conditions.length === 1)
    .map((g) => ({
      column: g.conditions[0].column,
      value: g.conditions[0].value,
      v: mode === 'gap' ? g.gap ?? null : g.prodShare - g.trainShare,
      trainShare: g.trainShare,
      prodShare: g.prodShare,
      train: g.train?.value ?? null,
      prod: g.prod?.value ?? null,
      prodRows: g.prodRows,
    }))
    .filter((r): r is typeof r & { v: number } => typeof r.v === 'number' && Number.isFinite(r.v))
    .map((r) => {
      const pos = seen.get(r.column) ?? 0;
      seen.set(r.column, pos + 1);
      return { ...r, pos };
    });
  if (rows.length === 0 || (mode === 'gap' && !s.metric)) return null;
  const p = opts.palette;
  const metric = metricTitle(s.metric);
  const legendTitle = mode === 'gap' ? `${metric} gap (prod − train)` : 'Share change (prod − train)';
  const range = mode === 'gap' ? [p.critical, p.neutral, p.ok] : [p.train, p.neutral, p.prod];
  const title = mode === 'gap' ? `${metric} gap by segment` : 'Share of rows change by segment';
  const cell = 92;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(opts.title ? { title } : {}),
    padding: 12,
    config: chartConfig(p),
    data: { values: rows },
    width: { step: cell },
    height: { step: 26 },
    encoding: {
      x: { field: 'pos', type: 'ordinal', axis: null },
      y: { field: 'column', type: 'nominal', title: null, sort: null, axis: { ticks: false, domain: false } },
      tooltip: [
        { field: 'column', type: 'nominal', title: 'Column' },
        { field: 'value', type: 'nominal', title: 'Value' },
        { field: 'trainShare', type: 'quantitative', title: 'Training share', format: '.1%' },
        { field: 'prodShare', type: 'quantitative', title: 'Production share', format: '.1%' },
        { field: 'train', type: 'quantitative', title: `Training ${metric}`, format: '.3~g' },
        { field: 'prod', type: 'quantitative', title: `Production ${metric}`, format: '.3~g' },
        { field: 'v', type: 'quantitative', title: mode === 'gap' ? 'Gap' : 'Share change', format: mode === 'gap' ? '.3~g' : '.1%' },
      ],
    },
    layer: [
      {
        mark: { type: 'rect', stroke: p.background ?? p.grid, strokeWidth: 1 },
        encoding: {
          color: {
            field: 'v',
            type: 'quantitative',
            title: legendTitle,
            // RGB interpolation: around a near-black neutral (dark themes) HCL would pass through purples.
          scale: { type: 'linear', domainMid: 0, range, interpolate: 'rgb' },
            legend: { format: mode === 'gap' ? '.2~f' : '.0%', orient: 'right' },
          },
        },
      },
      { mark: { type: 'text', fontSize: 10, limit: cell - 6, color: p.text }, encoding: { text: { field: 'value', type: 'nominal' } } },
    ],
  } as TopLevelSpec;
  const worst = rows.reduce((a, b) => (mode === 'gap' ? (b.v < a.v ? b : a) : Math.abs(b.v) > Math.abs(a.v) ? b : a));
  const summary =
    `${rows.length} segments of ${new Set(rows.map((r) => r.column)).size} columns; ` +
    (mode === 'gap'
      ? `largest ${metric} drop: ${worst.column} = ${worst.value} (${formatNumber(worst.v)}).`
      : `largest share change: ${worst.column} = ${worst.value} (${formatShare(worst.trainShare)} → ${formatShare(worst.prodShare)}).`);
  return makeChart(`segments-${mode}`, title, summary, spec);
}
