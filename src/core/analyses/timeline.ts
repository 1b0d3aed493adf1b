/**
 * Time: each file cut into calendar windows on the time role (day/week/month chosen so that there are
 * minWindows..maxWindows windows over both files' range, or as set), and per window: rows, null rates, the drift of
 * every feature against the whole training file (PSI on the drift bins), feature means, the mean prediction and the
 * metric. The course of each feature, of the prediction and of the metric across production windows is classified
 * (changePattern.ts) — which catches a change that whole-file statistics average away, and dates it.
 */
import { findColumn, isNumeric, nullCount, type NumericColumn } from '../io/table';
import type { TimeWindow, TimelineSection } from '../report/types';
import { psi } from '../stats/psi';
import { quantileSorted } from '../stats/descriptive';
import { binColumn, countBins, type BinnedColumn } from './binnedColumns';
import { sortedPresent } from '../stats/sortedPresent';
import { isFeature, type AnalysisContext, type AnalysisResult } from './context';
import { sliceOutcomes } from './sliceMetric';
import { classifyTimeline, metricCourse, type FileWindows } from './timelineCourse';
import { chooseUnit, windowBounds, windowCount, windowIndex, type WindowUnit } from './timeWindows';

function timeColumn(cols: { name: string; kind: string }[], name: string): NumericColumn | null {
  const c = cols.find((x) => x.name === name);
  return c && c.kind === 'datetime' ? (c as NumericColumn) : null;
}

/**
 * Time range of a file, trimmed to the `trim`…1−`trim` quantiles: one mistyped date (year 2999, or 1970 from a zero)
 * would otherwise stretch the windows over centuries. Rows outside fall in no window; the section counts them.
 */
function range(values: Float64Array, trim: number): [number, number] | null {
  const sorted = sortedPresent(values);
  if (sorted.length === 0) return null;
  return [quantileSorted(sorted, trim), quantileSorted(sorted, 1 - trim)];
}

/** Per-window sums of one file; arrays are indexed by window (all windows over the union range). */
function fileWindows(
  file: 'train' | 'prod',
  idx: Int32Array,
  windows: number,
  ctx: AnalysisContext,
  binned: BinnedColumn[],
  numeric: { name: string; col: NumericColumn }[],
  outcome: Float64Array | null,
  prediction: NumericColumn | null,
): FileWindows {
  const rows = new Float64Array(windows);
  for (let i = 0; i < idx.length; i++) if (idx[i] >= 0) rows[idx[i]]++;
  const table = file === 'train' ? ctx.train : ctx.prod;
  const nulls = new Map<string, Float64Array>();
  // Features, and the label and prediction: a label null rate that climbs in the last windows is labels arriving late,
  // which makes the recent windows' metric unreliable.
  const roles = [ctx.roles.label, ctx.roles.prediction];
  for (const f of ctx.shared) {
    if (!isFeature(ctx, f.name) && !roles.includes(f.name)) continue;
    const c = findColumn(table, f.name)!;
    const out = new Float64Array(windows);
    if (isNumeric(c)) {
      for (let i = 0; i < idx.length; i++) if (idx[i] >= 0 && c.values[i] !== c.values[i]) out[idx[i]]++;
    } else {
      for (let i = 0; i < idx.length; i++) if (idx[i] >= 0 && c.codes[i] < 0) out[idx[i]]++;
    }
    nulls.set(f.name, out);
  }
  const bins = new Map<string, Float64Array>();
  for (const b of binned) {
    const codes = file === 'train' ? b.train : b.prod;
    if (!codes) continue;
    const k = b.values.length;
    const out = new Float64Array(windows * k);
    for (let i = 0; i < idx.length; i++) if (idx[i] >= 0 && codes[i] >= 0) out[idx[i] * k + codes[i]]++;
    bins.set(b.name, out);
  }
  const sums = new Map<string, { n: Float64Array; sum: Float64Array }>();
  const meanOf = (name: string, v: Float64Array) => {
    const n = new Float64Array(windows);
    const sum = new Float64Array(windows);
    for (let i = 0; i < idx.length; i++) {
      const x = v[i];
      if (idx[i] >= 0 && x === x) {
        n[idx[i]]++;
        sum[idx[i]] += x;
      }
    }
    sums.set(name, { n, sum });
  };
  for (const f of numeric) meanOf(f.name, f.col.values);
  if (prediction) meanOf('\u0000prediction', prediction.values);
  if (outcome) meanOf('\u0000metric', outcome);
  return { file, rows, nulls, bins, sums };
}

export function analyzeTimeline(ctx: AnalysisContext): AnalysisResult<TimelineSection | null> {
  const name = ctx.roles.time;
  if (!name) return { section: null, findings: [] };
  const tTime = timeColumn(ctx.train.columns, name);
  const pTime = timeColumn(ctx.prod.columns, name);
  if (!tTime && !pTime) return { section: null, findings: [] };
  const o = ctx.options.timeline;
  const span = (trim: number) => {
    const rt = tTime ? range(tTime.values, trim) : null;
    const rp = pTime ? range(pTime.values, trim) : null;
    if (!rt && !rp) return null;
    return [Math.min(rt?.[0] ?? Infinity, rp?.[0] ?? Infinity), Math.max(rt?.[1] ?? -Infinity, rp?.[1] ?? -Infinity)] as const;
  };
  const full = span(0);
  if (!full) return { section: null, findings: [] };
  // Trim the range only when no calendar unit fits it: that is when stray dates (not the data's real span) show.
  const fits = (r: readonly [number, number]) => windowCount(r[0], r[1], 'month') <= o.maxWindows;
  const [lo, hi] = fits(full) ? full : span(o.trimShare) ?? full;
  const unit: WindowUnit = o.window === 'auto' ? chooseUnit(lo, hi, o.minWindows, o.maxWindows) : o.window;
  const bounds = windowBounds(lo, hi, unit);
  const W = bounds.length - 1;

  const features = ctx.shared.filter((p) => isFeature(ctx, p.name));
  const binOpts = { bins: ctx.options.drift.bins, maxCategories: ctx.options.segments.maxCategories, missingBin: false };
  const binned: BinnedColumn[] = [];
  for (const f of features) {
    const b = binColumn(f.name, f.train, f.prod, binOpts);
    if (b && b.values.length >= 2) binned.push(b);
  }
  const numericPairs = features.filter((f) => f.train.kind === 'numeric' && f.prod.kind === 'numeric');
  const outcomes = sliceOutcomes(ctx);
  const predName = ctx.roles.prediction;
  const predOf = (t: typeof ctx.train) => {
    const c = predName ? findColumn(t, predName) : undefined;
    return c && c.kind === 'numeric' ? c : null;
  };

  // The prediction's drift per window too (the prediction distribution over time); it has its own course below.
  const pred = predName ? ctx.shared.find((p) => p.name === predName) : undefined;
  const predBinned = pred ? binColumn(pred.name, pred.train, pred.prod, binOpts) : null;
  const driftColumns = predBinned && predBinned.values.length >= 2 ? [...binned, predBinned] : binned;

  const files: FileWindows[] = [];
  if (tTime) {
    const idx = windowIndex(tTime.values, bounds);
    files.push(fileWindows('train', idx, W, ctx, driftColumns, numericPairs.map((f) => ({ name: f.name, col: f.train as NumericColumn })), outcomes?.train ?? null, predOf(ctx.train)));
  }
  if (pTime) {
    const idx = windowIndex(pTime.values, bounds);
    files.push(fileWindows('prod', idx, W, ctx, driftColumns, numericPairs.map((f) => ({ name: f.name, col: f.prod as NumericColumn })), outcomes?.prod ?? null, predOf(ctx.prod)));
  }

  // Drift reference: the whole training file on the same bins (even when only production carries timestamps).
  const reference = new Map<string, Float64Array>();
  for (const b of driftColumns) if (b.train) reference.set(b.name, countBins(b.train, b.values.length));

  const windows: TimeWindow[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const f of files) {
    let first = -1;
    let last = -1;
    for (let w = 0; w < W; w++) if (f.rows[w] > 0) (first = first < 0 ? w : first), (last = w);
    for (let w = first; w >= 0 && w <= last; w++) {
      const win: TimeWindow = { start: iso(bounds[w]), end: iso(bounds[w + 1]), file: f.file, rows: f.rows[w], nullRates: {}, drift: {} };
      if (f.rows[w] > 0) {
        for (const [col, nulls] of f.nulls) win.nullRates[col] = nulls[w] / f.rows[w];
        for (const b of driftColumns) {
          const counts = f.bins.get(b.name);
          const ref = reference.get(b.name);
          if (!counts || !ref) continue;
          const k = b.values.length;
          const cur = counts.subarray(w * k, (w + 1) * k);
          let total = 0;
          for (let j = 0; j < k; j++) total += cur[j];
          if (total > 0) win.drift[b.name] = psi(ref, cur, ctx.options.drift.epsilon);
        }
        const means: Record<string, number> = {};
        for (const p of numericPairs) {
          const s = f.sums.get(p.name)!;
          if (s.n[w] > 0) means[p.name] = s.sum[w] / s.n[w];
        }
        win.means = means;
        const pred = f.sums.get('\u0000prediction');
        if (pred) win.predictionMean = pred.n[w] > 0 ? pred.sum[w] / pred.n[w] : null;
        const met = f.sums.get('\u0000metric');
        if (met) win.metric = met.n[w] > 0 ? met.sum[w] / met.n[w] : null;
      }
      windows.push(win);
    }
  }

  const metric = outcomes ? outcomes.kind : null;
  const { patterns, findings } = classifyTimeline({ ctx, files, bounds, unit, binned, numeric: numericPairs, metric, reference });
  const section: TimelineSection = { timeColumn: name, unit, windows, metric, patterns };
  const outside = (file: 'train' | 'prod', col: NumericColumn | null) => {
    const f = files.find((x) => x.file === file);
    if (!col || !f) return 0;
    let windowed = 0;
    for (let w = 0; w < W; w++) windowed += f.rows[w];
    return col.values.length - nullCount(col) - windowed;
  };
  const excluded = { train: outside('train', tTime), prod: outside('prod', pTime) };
  if (excluded.train > 0 || excluded.prod > 0) section.outsideRows = excluded;
  const course = metric ? metricCourse(files, bounds, unit, metric) : null;
  if (course) section.metricCourse = course;
  return { section, findings };
}
