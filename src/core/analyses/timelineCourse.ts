/**
 * From per-window sums to courses and findings: each feature's window mean (numeric) or the share of its most
 * variable category (categorical), the mean prediction and the metric, classified across production windows
 * (training windows when only training has timestamps) by changePattern.ts, and written up as `temporal_pattern`
 * findings with the date, the size and the mitigation that fits the course.
 */
import { presentValues, type NumericColumn } from '../io/table';
import type { Finding, Severity, TimePattern } from '../report/types';
import { std } from '../stats/descriptive';
import { psi } from '../stats/psi';
import type { BinnedColumn } from './binnedColumns';
import { classifyCourse, type Course } from './changePattern';
import { findingId, type AnalysisContext, type ColumnPair } from './context';
import { gapText, metricText, type SliceMetricKind } from './sliceMetric';
import { isoDay, windowFloor, type WindowUnit } from './timeWindows';

export interface FileWindows {
  file: 'train' | 'prod';
  rows: Float64Array;
  nulls: Map<string, Float64Array>;
  /** Per feature: counts per (window, bin), window-major. */
  bins: Map<string, Float64Array>;
  /** Per numeric feature (and `\0prediction`, `\0metric`): non-null count and sum per window. */
  sums: Map<string, { n: Float64Array; sum: Float64Array }>;
}

export interface TimelineInput {
  ctx: AnalysisContext;
  files: FileWindows[];
  bounds: number[];
  unit: WindowUnit;
  binned: BinnedColumn[];
  numeric: ColumnPair[];
  metric: SliceMetricKind | null;
  reference: Map<string, Float64Array>;
}

interface SeriesInput {
  column: string;
  series: NonNullable<TimePattern['series']>;
  /** Positions (window numbers, or group numbers when windows are grouped), values, weights. */
  x: number[];
  y: number[];
  w: number[];
  /** First window of each point, and windows per point (1 unless there are more windows than maxWindows). */
  start?: number[];
  group?: number;
  minEffect: number;
  /** How a value, and a difference of values, of this series is written in evidence. */
  fmt: (v: number) => string;
  fmtDiff?: (d: number) => string;
  label: string;
}

/** Fewer usable windows than this cannot show a course (classifyCourse answers none). */
const MIN_POINTS = 4;

const fmtNum = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : Number(v.toPrecision(4)).toString());
const fmtShare = (v: number) => `${(100 * v).toFixed(1)}%`;
const fmtPts = (d: number) => `${(100 * d).toFixed(1)} pts`;

function trainStd(col: NumericColumn): number {
  const v = presentValues(col);
  return v.length >= 2 ? std(v) : NaN;
}

/** The file whose windows are classified: production when it has timestamps, else training. */
function courseFile(files: FileWindows[]): FileWindows | null {
  return files.find((f) => f.file === 'prod') ?? files[0] ?? null;
}

function meanSeries(f: FileWindows, key: string, minRows: number): { x: number[]; y: number[]; w: number[] } {
  const s = f.sums.get(key);
  const x: number[] = [], y: number[] = [], w: number[] = [];
  if (!s) return { x, y, w };
  for (let i = 0; i < s.n.length; i++) {
    if (f.rows[i] < minRows || s.n[i] === 0) continue;
    x.push(i);
    y.push(s.sum[i] / s.n[i]);
    w.push(s.n[i]);
  }
  return { x, y, w };
}

/** Null rate per window; null when the feature has no null in any usable window (nothing to classify). */
function nullSeries(f: FileWindows, nulls: Float64Array, minRows: number): { x: number[]; y: number[]; w: number[] } | null {
  const x: number[] = [], y: number[] = [], w: number[] = [];
  let any = false;
  for (let i = 0; i < nulls.length; i++) {
    if (f.rows[i] < minRows) continue;
    x.push(i);
    y.push(nulls[i] / f.rows[i]);
    w.push(f.rows[i]);
    if (nulls[i] > 0) any = true;
  }
  return any ? { x, y, w } : null;
}

/** Share per window of the category whose share varies most across windows (weighted by rows). */
function shareSeries(f: FileWindows, b: BinnedColumn, minRows: number): { x: number[]; y: number[]; w: number[]; category: string } | null {
  const counts = f.bins.get(b.name);
  if (!counts) return null;
  const k = b.values.length;
  const W = f.rows.length;
  const totals = new Float64Array(W);
  for (let i = 0; i < W; i++) for (let j = 0; j < k; j++) totals[i] += counts[i * k + j];
  let best = -1;
  let bestVar = -1;
  for (let j = 0; j < k; j++) {
    let sw = 0, s1 = 0, s2 = 0;
    for (let i = 0; i < W; i++) {
      if (f.rows[i] < minRows || totals[i] === 0) continue;
      const p = counts[i * k + j] / totals[i];
      sw += totals[i];
      s1 += totals[i] * p;
      s2 += totals[i] * p * p;
    }
    const v = sw > 0 ? s2 / sw - (s1 / sw) ** 2 : -1;
    if (v > bestVar) (bestVar = v), (best = j);
  }
  if (best < 0) return null;
  const x: number[] = [], y: number[] = [], w: number[] = [];
  for (let i = 0; i < W; i++) {
    if (f.rows[i] < minRows || totals[i] === 0) continue;
    x.push(i);
    y.push(counts[i * k + best] / totals[i]);
    w.push(totals[i]);
  }
  return { x, y, w, category: b.values[best] };
}

/**
 * Largest per-window PSI beyond its sampling floor: with K bins and n rows a window's PSI is ≈ (K − 1)(1/n + 1/N)
 * from noise alone (PSI ≈ χ²/n), which would make every small window look drifted.
 */
function maxWindowPsi(f: FileWindows, b: BinnedColumn, ref: Float64Array | undefined, minRows: number, epsilon: number): number {
  const counts = f.bins.get(b.name);
  if (!counts || !ref) return 0;
  const k = b.values.length;
  let N = 0;
  for (let j = 0; j < k; j++) N += ref[j];
  let best = 0;
  for (let i = 0; i < f.rows.length; i++) {
    const cur = counts.subarray(i * k, (i + 1) * k);
    let n = 0;
    for (let j = 0; j < k; j++) n += cur[j];
    if (n < minRows || N === 0) continue;
    best = Math.max(best, psi(ref, cur, epsilon) - (k - 1) * (1 / n + 1 / N));
  }
  return best;
}

export function classifyTimeline(input: TimelineInput): { patterns: TimePattern[]; findings: Finding[] } {
  const { ctx, bounds, unit } = input;
  const f = courseFile(input.files);
  if (!f) return { patterns: [], findings: [] };
  const o = ctx.options.timeline;
  const courseOpts = { alpha: o.alpha, permutations: o.permutations, seed: ctx.options.seed };
  const series: SeriesInput[] = [];
  for (const p of input.numeric) {
    const s = meanSeries(f, p.name, o.minWindowRows);
    const sd = trainStd(p.train as NumericColumn);
    if (!(sd > 0)) continue;
    series.push({ column: p.name, series: 'mean', ...s, minEffect: ctx.options.drift.wassersteinWarning * sd, fmt: fmtNum, label: `mean of ${p.name}` });
  }
  for (const b of input.binned) {
    if (b.kind !== 'categorical') continue;
    const s = shareSeries(f, b, o.minWindowRows);
    if (s) series.push({ column: b.name, series: 'share', ...s, minEffect: ctx.options.segments.shiftWarning, fmt: fmtShare, fmtDiff: fmtPts, label: `share of ${b.name}=${s.category}` });
  }
  for (const [name, nulls] of f.nulls) {
    // Label and prediction null rates are in the windows for reading; late labels are expected, not a pattern.
    if (name === ctx.roles.label || name === ctx.roles.prediction) continue;
    const s = nullSeries(f, nulls, o.minWindowRows);
    if (s) series.push({ column: name, series: 'nullRate', ...s, minEffect: ctx.options.quality.nullSpikeWarning, fmt: fmtShare, fmtDiff: fmtPts, label: `null rate of ${name}` });
  }
  const pred = ctx.roles.prediction ? ctx.shared.find((p) => p.name === ctx.roles.prediction) : undefined;
  if (pred && pred.train.kind === 'numeric' && f.sums.has('\u0000prediction')) {
    const sd = trainStd(pred.train as NumericColumn);
    if (sd > 0) series.push({ column: pred.name, series: 'prediction', ...meanSeries(f, '\u0000prediction', o.minWindowRows), minEffect: ctx.options.drift.wassersteinWarning * sd, fmt: fmtNum, label: `mean prediction (${pred.name})` });
  }
  let trainMetric: number | null = null;
  if (input.metric) {
    const t = input.files.find((x) => x.file === 'train');
    trainMetric = overallMean(t?.sums.get('\u0000metric'));
    const scale = input.metric === 'accuracy' ? 1 : trainMetric ?? overallMean(f.sums.get('\u0000metric')) ?? 0;
    const kind = input.metric;
    series.push({ column: `metric:${kind}`, series: 'metric', ...meanSeries(f, '\u0000metric', o.minWindowRows), minEffect: ctx.options.performance.dropWarning * scale, fmt: (v) => metricText(kind, v), fmtDiff: (d) => gapText(kind, d), label: kind === 'accuracy' ? 'accuracy' : 'MAE' });
  }

  const patterns: TimePattern[] = [];
  const findings: Finding[] = [];
  const binnedByName = new Map(input.binned.map((b) => [b.name, b]));
  // A forced fine unit over a long range (days over years) would make the permutation test O(windows²): classify on
  // at most maxWindows points by merging consecutive windows, dating changes to the group's first window.
  const group = Math.max(1, Math.ceil((bounds.length - 1) / o.maxWindows));
  for (const raw of series) {
    const s = regroup(raw, group);
    const course = classifyCourse(s.x, s.y, s.w, { ...courseOpts, minEffect: s.minEffect });
    const b = s.series === 'mean' || s.series === 'share' ? binnedByName.get(s.column) : undefined;
    const drifting = b ? maxWindowPsi(f, b, input.reference.get(s.column), o.minWindowRows, ctx.options.drift.epsilon) >= o.windowPsi : false;
    // The metric's course is always shown (even "none") — unless too few windows could carry one.
    if (course.pattern === 'none' && !drifting && (s.series !== 'metric' || s.x.length < MIN_POINTS)) continue;
    const p = describePattern(s, course, bounds, unit, f.file);
    patterns.push(p);
    if (course.pattern === 'none') continue;
    const finding = patternFinding(s, course, p, drifting, ctx, input.metric, unit);
    // Only training carries timestamps: its course explains how the model was trained, not what production did.
    if (f.file === 'train') finding.severity = 'info';
    findings.push(finding);
  }
  return { patterns, findings };
}

/** Merge runs of `group` consecutive windows into one point (weighted mean); identity when group is 1. */
function regroup(s: SeriesInput, group: number): SeriesInput {
  if (group <= 1) return { ...s, start: s.x, group: 1 };
  const x: number[] = [], y: number[] = [], w: number[] = [], start: number[] = [];
  for (let i = 0; i < s.x.length; i++) {
    const g = Math.floor(s.x[i] / group);
    if (x.length === 0 || x[x.length - 1] !== g) {
      x.push(g);
      y.push(0);
      w.push(0);
      start.push(s.x[i]);
    }
    const j = x.length - 1;
    y[j] += s.w[i] * s.y[i];
    w[j] += s.w[i];
  }
  for (let j = 0; j < x.length; j++) y[j] /= w[j];
  return { ...s, x, y, w, start, group };
}

function overallMean(s: { n: Float64Array; sum: Float64Array } | undefined): number | null {
  if (!s) return null;
  let n = 0, sum = 0;
  for (let i = 0; i < s.n.length; i++) (n += s.n[i]), (sum += s.sum[i]);
  return n > 0 ? sum / n : null;
}

const R2 = (v: number) => (v === v ? v.toFixed(2) : '—');

function describePattern(s: SeriesInput, c: Course, bounds: number[], unit: WindowUnit, file: 'train' | 'prod'): TimePattern {
  const where = file === 'prod' ? 'production' : 'training';
  const fits = `adjusted R² step ${R2(c.fit.step)}, trend ${R2(c.fit.trend)}, season ${R2(c.fit.season)}`;
  const base: TimePattern = { column: s.column, pattern: c.pattern, detail: '', series: s.series, amplitude: c.amplitude, pValue: c.pValue };
  const start = s.start ?? s.x;
  const diff = s.fmtDiff ?? s.fmt;
  const g = s.group ?? 1;
  if (c.pattern === 'sudden') {
    const at = start[c.changeIndex!];
    base.changeAt = new Date(bounds[at]).toISOString();
    const nAfter = s.x.length - c.changeIndex!;
    base.detail =
      `${cap(s.label)} by ${unit} in ${where} stepped from ${s.fmt(c.before!)} to ${s.fmt(c.after!)} at the ${unit} of` +
      ` ${isoDay(bounds[at])} (${c.changeIndex} windows before, ${nAfter} after; ${fits}; permutation p = ${c.pValue.toFixed(3)}).`;
  } else if (c.pattern === 'gradual') {
    const first = start[0];
    const last = start[start.length - 1] + g - 1;
    const perWindow = c.slope! / g;
    const span = last - first;
    base.detail =
      `${cap(s.label)} by ${unit} in ${where} ${c.slope! > 0 ? 'rose' : 'fell'} steadily by ${diff(Math.abs(perWindow))} per ${unit}` +
      ` (${diff(Math.abs(perWindow) * span)} over ${span + 1} ${unit}s, ${isoDay(bounds[first])} to ${isoDay(bounds[Math.min(last, bounds.length - 2)])};` +
      ` no single step explains it better: ${fits}; permutation p = ${c.pValue.toFixed(3)}).`;
  } else if (c.pattern === 'seasonal') {
    base.period = c.period! * g;
    base.detail =
      `${cap(s.label)} by ${unit} in ${where} repeats every ${base.period} ${unit}s (phase levels span ${diff(c.amplitude)};` +
      ` ${fits}; permutation p = ${c.pValue.toFixed(3)}).`;
  } else {
    base.detail = `${cap(s.label)} by ${unit} in ${where}: no step, trend or season stands out from window-to-window noise (${fits}).`;
  }
  return base;
}

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function patternFinding(s: SeriesInput, c: Course, p: TimePattern, drifting: boolean, ctx: AnalysisContext, metric: SliceMetricKind | null, unit: WindowUnit): Finding {
  const isMetric = s.series === 'metric';
  let severity: Severity;
  if (isMetric && metric) {
    // Worsening: accuracy down, MAE up.
    const delta = c.pattern === 'sudden' ? c.after! - c.before! : c.pattern === 'gradual' ? c.slope! : 0;
    const worse = metric === 'accuracy' ? -delta : delta;
    const size = c.pattern === 'seasonal' ? c.amplitude : worse > 0 ? c.amplitude : 0;
    const perf = ctx.options.performance;
    // MAE's minEffect is dropWarning × training MAE, so this recovers the training MAE to read the change relative to it.
    const scale = metric === 'accuracy' || !(s.minEffect > 0) ? 1 : s.minEffect / perf.dropWarning;
    const rel = size / scale;
    severity = c.pattern === 'seasonal' ? (rel >= perf.dropCritical ? 'warning' : 'info') : rel >= perf.dropCritical ? 'critical' : rel >= perf.dropWarning ? 'warning' : 'info';
  } else if (s.series === 'nullRate') {
    const q = ctx.options.quality;
    severity = c.pattern === 'seasonal' ? 'info' : c.amplitude >= q.nullSpikeCritical ? 'critical' : 'warning';
  } else {
    severity = c.pattern === 'seasonal' ? 'info' : drifting ? 'critical' : 'warning';
  }
  const columns = isMetric ? [ctx.roles.prediction, ctx.roles.label].filter((x): x is string => !!x) : [s.column];
  const date = p.changeAt ? p.changeAt.slice(0, 10) : '';
  const what = isMetric ? (metric === 'accuracy' ? 'Accuracy' : 'MAE') : cap(s.label);
  const title =
    c.pattern === 'sudden'
      ? `${what} changed suddenly on ${date} (${s.fmt(c.before!)} → ${s.fmt(c.after!)})`
      : c.pattern === 'gradual'
        ? `${what} ${c.slope! > 0 ? 'rises' : 'falls'} gradually over time`
        : `${what} is seasonal (repeats every ${p.period} ${unit}s)`;
  const mitigation =
    c.pattern === 'sudden'
      ? `Look at what changed on or just before ${date}: a deploy of the model or of a feature pipeline, an upstream source or vendor change, a schema` +
        ` migration, a new client or market. If it is a bug, fix it and backfill the affected rows; if the world changed, retrain on data from after ${date}.`
      : c.pattern === 'gradual'
        ? `The change is a trend that will continue: schedule retraining on a recent rolling window, and monitor ${isMetric ? 'the metric' : s.column} per window with an alert threshold rather than comparing whole files.`
        : `Train on at least one full cycle (${p.period} ${unit}s) and compare like with like: judge production against the same phase of the cycle (same weekday or month) in training, not the whole-file average; add a seasonal feature if the model lacks one.`;
  return {
    id: findingId('temporal_pattern', columns, isMetric ? `metric:${c.pattern}` : s.series === 'nullRate' ? `nulls:${c.pattern}` : c.pattern),
    type: 'temporal_pattern',
    severity,
    columns,
    title,
    evidence: p.detail + (!isMetric && c.pattern === 'sudden' ? ' Whole-file drift statistics average such a change over every production row; windows date it.' : ''),
    mitigation,
    data: { series: s.series, pattern: c.pattern, changeAt: p.changeAt ?? null, amplitude: c.amplitude, period: p.period ?? null, pValue: c.pValue, fit: c.fit, drifting },
    target: 'timeline',
  };
}

/**
 * "accuracy by week (production, from 2024-07-01): 85% → 75% → 68% → 65% (training: 86%)", at most 12 values:
 * when there are more windows, they are merged by the next calendar unit (days → weeks → months), then in runs.
 */
export function metricCourse(files: FileWindows[], bounds: number[], unit: WindowUnit, kind: SliceMetricKind): string | null {
  const f = courseFile(files);
  const s = f?.sums.get('\u0000metric');
  if (!f || !s) return null;
  const idx: number[] = [];
  for (let i = 0; i < s.n.length; i++) if (s.n[i] > 0) idx.push(i);
  if (idx.length === 0) return null;
  const maxShown = 12;
  const units: WindowUnit[] = ['day', 'week', 'month'];
  let shownUnit = unit;
  let keys = idx.map((i) => bounds[i]);
  for (let u = units.indexOf(unit) + 1; new Set(keys).size > maxShown && u < units.length; u++) {
    shownUnit = units[u];
    keys = idx.map((i) => windowFloor(bounds[i], units[u]));
  }
  const groups: { n: number; sum: number }[] = [];
  let last: number | null = null;
  idx.forEach((i, j) => {
    if (keys[j] !== last) groups.push({ n: 0, sum: 0 });
    last = keys[j];
    groups[groups.length - 1].n += s.n[i];
    groups[groups.length - 1].sum += s.sum[i];
  });
  const run = Math.ceil(groups.length / maxShown);
  const values: string[] = [];
  for (let g = 0; g < groups.length; g += run) {
    let n = 0, sum = 0;
    for (const x of groups.slice(g, g + run)) (n += x.n), (sum += x.sum);
    values.push(metricText(kind, sum / n));
  }
  const name = kind === 'accuracy' ? 'accuracy' : 'MAE';
  const per = run === 1 ? shownUnit : `${run} ${shownUnit}s`;
  const where = f.file === 'prod' ? 'production' : 'training';
  const t = files.find((x) => x.file === 'train');
  const tm = f.file === 'prod' ? overallMean(t?.sums.get('\u0000metric')) : null;
  return `${name} by ${per} (${where}, from ${isoDay(bounds[idx[0]])}): ${values.join(' → ')}` + (tm !== null ? ` (training: ${metricText(kind, tm)})` : '');
}
