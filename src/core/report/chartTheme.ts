/**
 * Colours and shared vega-lite config for the report's charts. The colours are passed in rather than fixed so the
 * webview can follow the VS Code theme (it reads `--vscode-charts-*` at render time) while the headless SVG export
 * uses `FIXED_PALETTE`, which reads well on white paper and in a markdown preview.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { DriftSeverity } from './types';

export interface ChartPalette {
  train: string;
  prod: string;
  /** Train/prod time-window overlap in the leakage timeline. */
  overlap: string;
  ok: string;
  warning: string;
  critical: string;
  /** Middle of diverging scales (zero gap, no share change). */
  neutral: string;
  /** One colour per series of the per-window drift lines. */
  series: string[];
  text: string;
  grid: string;
  /** Null for a transparent background (the webview's own background shows through). */
  background: string | null;
  font: string;
}

/** A palette for paper and markdown previews: colour-blind-distinguishable blue/orange for train/prod. */
export const FIXED_PALETTE: ChartPalette = {
  train: '#3a6fb0',
  prod: '#e07b24',
  overlap: '#c23b3b',
  ok: '#3d8b40',
  warning: '#c99a06',
  critical: '#c23b3b',
  neutral: '#e8e8e8',
  series: ['#3a6fb0', '#e07b24', '#3d8b40', '#8e5bb5', '#c23b3b', '#6b7d8c'],
  text: '#333333',
  grid: '#d0d0d0',
  background: '#ffffff',
  font: 'Helvetica, Arial, sans-serif',
};

/** Theme-following config: every text and rule colour from the palette, nothing from vega's defaults. */
export function chartConfig(p: ChartPalette): Config {
  return {
    background: p.background ?? 'transparent',
    font: p.font,
    view: { stroke: null },
    axis: {
      labelColor: p.text,
      titleColor: p.text,
      domainColor: p.grid,
      tickColor: p.grid,
      gridColor: p.grid,
      gridOpacity: 0.6,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      // Long category and column names are cut with an ellipsis rather than pushing the plot away.
      labelLimit: 160,
    },
    legend: { labelColor: p.text, titleColor: p.text, labelFontSize: 11, titleFontSize: 11, labelLimit: 200, orient: 'top' },
    title: { color: p.text, anchor: 'start', fontSize: 13, fontWeight: 'normal' },
  };
}

/** Short human number for summaries and labels: 3 significant digits, no exponent for everyday magnitudes. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return x.toExponential(2);
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(3)));
}

/** A share in 0..1 as a percentage with one decimal ("12.5%"). */
export function formatShare(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(1)}%`;
}

export type HistogramMode = 'count' | 'share';

export interface ChartOptions {
  palette: ChartPalette;
  /** Histogram and bar heights as row counts or as shares of each file (so files of different sizes compare). */
  mode?: HistogramMode;
  /** Put the title inside the chart (standalone SVG files); the webview shows its own heading instead. */
  title?: boolean;
  width?: number | 'container';
  height?: number;
}

/*
 * Axis, legend and tooltip titles must be fixed vocabulary, never dataset strings: vega-lite quotes titles into the
 * ARIA description *expression* of each mark, and the rule here is that no dataset string reaches an expression.
 * Column names go in the chart title (plain text) and in the data.
 */

/** A chart with what the UI and the post-mortem need around it: a stable id (for notes), a title and a text summary. */
export interface ChartSpec {
  /** Stable within a report; notes on a chart are keyed `chart:<id>`. */
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows, with the numbers (screen readers, alt text, markdown). */
  summary: string;
  spec: TopLevelSpec;
}

/** Presentation limits (not analysis thresholds): how much one chart or one export shows. */
export const chartDefaults = {
  /** Categories drawn before the rest are folded into one "other" bar. */
  maxCategories: 20,
  /** Histograms of the most drifted features included in the post-mortem. */
  maxHistograms: 6,
  /** Lines in the per-window drift chart (the most drifted columns). */
  maxSeries: 6,
  width: 520,
  height: 220,
};

export const FILE_LABELS = { train: 'training', prod: 'production' } as const;

/** Shared frame of every spec: schema, size, theme config and the optional in-chart title. */
export function frame(title: string, opts: ChartOptions, height?: number): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(opts.title ? { title } : {}),
    width: opts.width ?? chartDefaults.width,
    height: height ?? opts.height ?? chartDefaults.height,
    // Headless text widths are estimates; a little padding keeps the last axis label inside the SVG.
    padding: 12,
    config: chartConfig(opts.palette),
  };
}

export function fileColor(p: ChartPalette): { domain: string[]; range: string[] } {
  return { domain: [FILE_LABELS.train, FILE_LABELS.prod], range: [p.train, p.prod] };
}

export function severityColor(p: ChartPalette): { domain: DriftSeverity[]; range: string[] } {
  return { domain: ['ok', 'warning', 'critical'], range: [p.ok, p.warning, p.critical] };
}


/** Assemble a ChartSpec; the summary doubles as the SVG's accessible description (vega sets it as aria-label). */
export function makeChart(id: string, title: string, summary: string, spec: TopLevelSpec): ChartSpec {
  return { id, title, summary, spec: { ...spec, description: summary } as TopLevelSpec };
}

/** Metric names come from the engine's vocabulary; anything else is shown as "metric" so titles stay fixed text. */
export function metricTitle(m: string | null | undefined): string {
  return m && /^[A-Za-z0-9 _.\-]{1,40}$/.test(m) ? m : 'metric';
}

/** Short names of the drift statistics, as tables and summaries spell them. */
export const STAT_LABELS: Record<string, string> = {
  psi: 'PSI',
  jensenShannon: 'JS',
  wassersteinNormed: 'W/σ',
  wasserstein: 'W',
  ks: 'KS',
  chiSquare: 'χ²',
};

export function statLabel(test: string | null | undefined): string {
  return test ? STAT_LABELS[test] ?? test : '—';
}
