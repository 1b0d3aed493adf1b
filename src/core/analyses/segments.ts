/**
 * Segments: where in the population the model broke or the population changed.
 *
 * Every categorical feature (top `maxCategories` categories) and every numeric feature cut into `numericBins`
 * training quantiles is a family of segments. Per segment: share of rows in each file, drift of the prediction and
 * of the most drifted features inside it, and the metric (accuracy / MAE) in each file with a confidence interval.
 * Slice finding over singles and pairs lives in sliceSearch.ts; segment shift (a mix change) is scored here with the
 * share-change decomposition Σ Δshare × training metric of the segment, which says how much of the overall metric
 * change the mix alone explains.
 */
import type { Finding, MetricWithCi, SegmentStat, SegmentsSection, Severity } from '../report/types';
import { psi } from '../stats/psi';
import { mulberry32, sampleIndices } from '../stats/random';
import { binColumn, countBins, type BinnedColumn } from './binnedColumns';
import { findingId, isFeature, type AnalysisContext, type AnalysisResult } from './context';
import { searchSlices, type Slice } from './sliceSearch';
import { gapText, metricText, metricWithCi, sliceAuc, sliceOutcomes, type SliceMetricKind, type Sums } from './sliceMetric';
import { segmentDegradationFindings, type SliceRows } from './segmentFindings';

/** Rows of each bin, grouped by a counting sort: rows of bin b are order[start[b] .. start[b+1]). */
export interface RowGroups {
  order: Uint32Array;
  start: Int32Array;
}

export function groupRows(codes: Int32Array, bins: number): RowGroups {
  const start = new Int32Array(bins + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) start[codes[i] + 1]++;
  for (let b = 0; b < bins; b++) start[b + 1] += start[b];
  const fill = start.slice(0, bins);
  const order = new Uint32Array(start[bins]);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) order[fill[codes[i]]++] = i;
  return { order, start };
}

function sumsOf(rows: ArrayLike<number>, y: Float64Array | null): Sums {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  if (y) {
    for (let j = 0; j < rows.length; j++) {
      const v = y[rows[j]];
      if (v === v) {
        n++;
        sum += v;
        sumSq += v * v;
      }
    }
  }
  return { rows: rows.length, n, sum, sumSq };
}

/** PSI of a binned column between two row subsets (train rows vs prod rows); null when a side is empty. */
function psiInside(col: BinnedColumn, trainRows: ArrayLike<number>, prodRows: ArrayLike<number>, epsilon: number): number | null {
  if (!col.train || !col.prod) return null;
  const k = col.values.length;
  const t = countBins(col.train, k, trainRows);
  const p = countBins(col.prod, k, prodRows);
  let tt = 0;
  let pp = 0;
  for (let i = 0; i < k; i++) (tt += t[i]), (pp += p[i]);
  return tt > 0 && pp > 0 ? psi(t, p, epsilon) : null;
}

export interface SliceDriftInput {
  features: BinnedColumn[];
  prediction: BinnedColumn | null;
  epsilon: number;
  top: number;
}

/** Prediction PSI and the most drifted features inside one slice (skipping the slice's own columns). */
export function driftInside(input: SliceDriftInput, exclude: string[], trainRows: ArrayLike<number>, prodRows: ArrayLike<number>): Pick<SegmentStat, 'predictionPsi' | 'topFeatureDrift'> {
  const predictionPsi = input.prediction ? psiInside(input.prediction, trainRows, prodRows, input.epsilon) : null;
  const drifts: { column: string; psi: number }[] = [];
  for (const f of input.features) {
    if (exclude.includes(f.name)) continue;
    const v = psiInside(f, trainRows, prodRows, input.epsilon);
    if (v !== null) drifts.push({ column: f.name, psi: v });
  }
  drifts.sort((a, b) => b.psi - a.psi || (a.column < b.column ? -1 : 1));
  return { predictionPsi, topFeatureDrift: drifts.slice(0, input.top) };
}

/** Counts per (segment bin, feature bin) over rows (ascending), segment-major, kf feature bins per segment. */
function jointCounts(seg: Int32Array, f: Int32Array, k: number, kf: number, rows: Uint32Array): Float64Array {
  const out = new Float64Array(k * kf);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const a = seg[i];
    const b = f[i];
    if (a >= 0 && b >= 0) out[a * kf + b]++;
  }
  return out;
}

function psiOfCounts(t: Float64Array, p: Float64Array, epsilon: number): number | null {
  let tt = 0;
  let pp = 0;
  for (let i = 0; i < t.length; i++) (tt += t[i]), (pp += p[i]);
  return tt > 0 && pp > 0 ? psi(t, p, epsilon) : null;
}

/**
 * `driftInside` for every bin of a segment column at once: joint counts by sequential passes instead of gathering
 * each segment's rows per feature (random access), which dominated the segment analysis.
 */
function driftBySegment(col: BinnedColumn, input: SliceDriftInput, wanted: boolean[], sample: { train: Uint32Array; prod: Uint32Array }): Pick<SegmentStat, 'predictionPsi' | 'topFeatureDrift'>[] {
  const k = col.values.length;
  const out: Pick<SegmentStat, 'predictionPsi' | 'topFeatureDrift'>[] = Array.from({ length: k }, () => ({ predictionPsi: null, topFeatureDrift: [] }));
  const per = (f: BinnedColumn, each: (b: number, v: number | null) => void) => {
    if (!f.train || !f.prod) return;
    const kf = f.values.length;
    const jt = jointCounts(col.train!, f.train, k, kf, sample.train);
    const jp = jointCounts(col.prod!, f.prod, k, kf, sample.prod);
    for (let b = 0; b < k; b++) {
      if (wanted[b]) each(b, psiOfCounts(jt.subarray(b * kf, (b + 1) * kf), jp.subarray(b * kf, (b + 1) * kf), input.epsilon));
    }
  };
  if (input.prediction) per(input.prediction, (b, v) => (out[b].predictionPsi = v));
  for (const f of input.features) {
    if (f.name === col.name) continue;
    per(f, (b, v) => {
      if (v !== null) out[b].topFeatureDrift!.push({ column: f.name, psi: v });
    });
  }
  for (const o of out) {
    o.topFeatureDrift!.sort((a, b) => b.psi - a.psi || (a.column < b.column ? -1 : 1));
    o.topFeatureDrift = o.topFeatureDrift!.slice(0, input.top);
  }
  return out;
}

/** Row indices of a slice (every condition holds) in one file. */
function sliceRows(codes: Int32Array[], bins: number[], rows: number): Uint32Array {
  const out: number[] = [];
  outer: for (let i = 0; i < rows; i++) {
    for (let c = 0; c < codes.length; c++) if (codes[c][i] !== bins[c]) continue outer;
    out.push(i);
  }
  return Uint32Array.from(out);
}

interface Built {
  kind: SliceMetricKind | null;
  overall: { train: Sums; prod: Sums };
}

export function analyzeSegments(ctx: AnalysisContext): AnalysisResult<SegmentsSection | null> {
  const o = ctx.options.segments;
  const features = ctx.shared.filter((p) => isFeature(ctx, p.name));
  const segOpts = { bins: o.numericBins, maxCategories: o.maxCategories, missingBin: true, discreteAsCategories: true };
  const columns: BinnedColumn[] = [];
  for (const f of features) {
    const b = binColumn(f.name, f.train, f.prod, segOpts);
    if (b && b.values.length >= 2) columns.push(b);
  }
  if (columns.length === 0) return { section: null, findings: [] };

  const outcomes = sliceOutcomes(ctx);
  const kind: SliceMetricKind | null = outcomes ? outcomes.kind : null;
  const yTrain = outcomes?.train ?? null;
  const yProd = outcomes?.prod ?? null;
  const scored = kind === 'accuracy' && !!outcomes?.full.train.isScore;
  const all = (n: number) => {
    const a = new Uint32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    return a;
  };
  const built: Built = { kind, overall: { train: sumsOf(all(ctx.train.rows), yTrain), prod: sumsOf(all(ctx.prod.rows), yProd) } };

  // Drift inside segments on the drift analysis's bins (training deciles / categories), nulls skipped as there.
  const driftOpts = { bins: ctx.options.drift.bins, maxCategories: o.maxCategories, missingBin: false };
  const drift: SliceDriftInput = { features: [], prediction: null, epsilon: ctx.options.drift.epsilon, top: o.topFeatures };
  for (const f of features) {
    const b = binColumn(f.name, f.train, f.prod, driftOpts);
    if (b) drift.features.push(b);
  }
  const pred = ctx.roles.prediction ? ctx.shared.find((p) => p.name === ctx.roles.prediction) : undefined;
  if (pred) drift.prediction = binColumn(pred.name, pred.train, pred.prod, driftOpts);

  const overallLoss = overallGap(built);
  const trainMae = built.overall.train.n ? built.overall.train.sum / built.overall.train.n : 0;
  const search = searchSlices({
    columns,
    kind: kind ?? 'accuracy',
    trainOutcome: yTrain,
    prodOutcome: yProd,
    trainRows: ctx.train.rows,
    prodRows: ctx.prod.rows,
    overallLoss: overallLoss ?? 0,
    // MAE has the label's units: gaps are read relative to the overall training MAE so the same thresholds apply.
    scale: kind === 'mae' && trainMae > 0 ? trainMae : 1,
    options: o,
  });

  // Interval level for the per-segment metric (descriptive); the slice tests use o.alpha.
  const alpha = 1 - o.ciLevel;
  const segments: SegmentStat[] = [];
  // Drift inside segments is descriptive: a seeded sample bounds its cost (features × segment columns × rows).
  const rng = mulberry32(ctx.options.seed);
  const sampleOf = (n: number) => (n <= o.insideDriftRows ? all(n) : sampleIndices(n, o.insideDriftRows, rng));
  const sample = { train: sampleOf(ctx.train.rows), prod: sampleOf(ctx.prod.rows) };
  const singleByKey = new Map<string, Slice>();
  for (const s of search.slices) if (s.conditions.length === 1) singleByKey.set(`${s.conditions[0].col}:${s.conditions[0].bin}`, s);
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c];
    const k = col.values.length;
    const gt = groupRows(col.train!, k);
    const gp = groupRows(col.prod!, k);
    const wanted = Array.from({ length: k }, (_, b) => gt.start[b + 1] - gt.start[b] >= o.minSupport && gp.start[b + 1] - gp.start[b] >= o.minSupport);
    const inside = wanted.some(Boolean) ? driftBySegment(col, drift, wanted, sample) : null;
    for (let b = 0; b < k; b++) {
      const tr = gt.order.subarray(gt.start[b], gt.start[b + 1]);
      const pr = gp.order.subarray(gp.start[b], gp.start[b + 1]);
      const slice = singleByKey.get(`${c}:${b}`);
      const stat: SegmentStat = {
        slice: col.labels[b],
        conditions: [{ column: col.name, value: col.values[b] }],
        trainShare: ctx.train.rows ? tr.length / ctx.train.rows : 0,
        prodShare: ctx.prod.rows ? pr.length / ctx.prod.rows : 0,
        trainRows: tr.length,
        prodRows: pr.length,
      };
      if (kind) Object.assign(stat, metricFields(kind, sumsOf(tr, yTrain), sumsOf(pr, yProd), slice, alpha, built));
      if (scored && wanted[b]) stat.auc = { train: sliceAuc(outcomes!.full.train, tr), prod: sliceAuc(outcomes!.full.prod, pr) };
      if (inside && wanted[b]) Object.assign(stat, inside[b]);
      segments.push(stat);
    }
  }

  const worst: SegmentStat[] = [];
  const worstRows: SliceRows[] = [];
  for (const i of search.ranked) {
    const s = search.slices[i];
    const conds = s.conditions.map((c) => ({ col: columns[c.col], bin: c.bin }));
    const stat: SegmentStat = {
      slice: conds.map((c) => c.col.labels[c.bin]).join(' & '),
      conditions: conds.map((c) => ({ column: c.col.name, value: c.col.values[c.bin] })),
      trainShare: s.trainShare,
      prodShare: s.prodShare,
      trainRows: s.train.rows,
      prodRows: s.prod.rows,
      ...metricFields(kind ?? 'accuracy', s.train, s.prod, s, alpha, built),
    };
    if (s.explainedBy !== undefined) {
      const e = search.slices[s.explainedBy];
      stat.explainedBy = e.conditions.map((c) => columns[c.col].labels[c.bin]).join(' & ');
    }
    const tr = sliceRows(conds.map((c) => c.col.train!), conds.map((c) => c.bin), ctx.train.rows);
    const pr = sliceRows(conds.map((c) => c.col.prod!), conds.map((c) => c.bin), ctx.prod.rows);
    Object.assign(stat, driftInside(drift, stat.conditions.map((c) => c.column), tr, pr));
    if (scored) stat.auc = { train: sliceAuc(outcomes!.full.train, tr), prod: sliceAuc(outcomes!.full.prod, pr) };
    worst.push(stat);
    worstRows.push({ train: tr, prod: pr });
  }

  const section: SegmentsSection = {
    columns: columns.map((c) => c.name),
    metric: kind,
    segments,
    worst,
    slicesTried: search.tried,
    minSupport: o.minSupport,
    correction: 'bonferroni',
    overall: kind ? { train: metricWithCi(kind, built.overall.train, alpha), prod: metricWithCi(kind, built.overall.prod, alpha) } : undefined,
  };
  const findings = [
    ...(kind && yTrain && yProd
      ? segmentDegradationFindings(worst, worstRows, { train: yTrain, prod: yProd }, kind, overallGap(built), built.overall.train, ctx, search.tried)
      : []),
    ...shiftFindings(columns, segments, kind, built, ctx),
  ];
  return { section, findings };
}

/** Overall prod − train of the metric. */
function overallDiff(b: Built): number | null {
  const { train, prod } = b.overall;
  if (!b.kind || train.n === 0 || prod.n === 0) return null;
  return prod.sum / prod.n - train.sum / train.n;
}

/** Overall degradation (positive = worse in production), the scale slice findings are judged on. */
function overallGap(b: Built): number | null {
  const { train, prod } = b.overall;
  if (!b.kind || train.n === 0 || prod.n === 0) return null;
  const mt = train.sum / train.n;
  const mp = prod.sum / prod.n;
  return b.kind === 'accuracy' ? mt - mp : mp - mt;
}

function metricFields(kind: SliceMetricKind, t: Sums, p: Sums, slice: Slice | undefined, alpha: number, b: Built): Partial<SegmentStat> {
  const train: MetricWithCi | null = metricWithCi(kind, t, alpha);
  const prod: MetricWithCi | null = metricWithCi(kind, p, alpha);
  // Report convention (what the table and the heatmap show): gap = prod − train, in the metric's own direction.
  const gap = train && prod ? prod.value - train.value : null;
  const og = overallDiff(b);
  return {
    metric: kind,
    train,
    prod,
    gap,
    excessGap: gap !== null && og !== null ? gap - og : null,
    pValue: slice?.pValue ?? null,
    pValueAdjusted: slice?.pValueAdjusted ?? null,
    impact: slice?.impact ?? null,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One segment_shift finding per column whose segment shares moved by ≥ shiftWarning, with the mix decomposition. */
function shiftFindings(columns: BinnedColumn[], segments: SegmentStat[], kind: SliceMetricKind | null, b: Built, ctx: AnalysisContext): Finding[] {
  const o = ctx.options.segments;
  const out: Finding[] = [];
  const trainMetric = b.overall.train.n ? b.overall.train.sum / b.overall.train.n : null;
  const prodMetric = b.overall.prod.n ? b.overall.prod.sum / b.overall.prod.n : null;
  for (const col of columns) {
    const segs = segments.filter((s) => s.conditions[0].column === col.name);
    const moved = segs
      .map((s) => ({ s, delta: s.prodShare - s.trainShare }))
      .filter((m) => Math.abs(m.delta) >= o.shiftWarning)
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
    if (moved.length === 0) continue;
    const maxDelta = Math.abs(moved[0].delta);
    // Quantile bins of a numeric feature move whenever the feature drifts, which feature_drift already reports:
    // their mix note is kept as information only.
    const severity: Severity = col.fromNumeric ? 'info' : maxDelta >= o.shiftCritical ? 'critical' : 'warning';
    const parts = moved.map((m) => `${m.s.slice}: ${pct(m.s.trainShare)} of training rows → ${pct(m.s.prodShare)} of production rows`);
    let evidence = `${parts.join('; ')}.`;
    let mixEffect: number | null = null;
    if (kind && trainMetric !== null) {
      // Σ Δshare × training metric of the segment: the overall change if every segment kept its training metric.
      mixEffect = 0;
      for (const s of segs) mixEffect += (s.prodShare - s.trainShare) * (s.train ? s.train.value : trainMetric);
      const change = prodMetric !== null ? prodMetric - trainMetric : null;
      const name = kind === 'accuracy' ? 'accuracy' : 'MAE';
      evidence +=
        ` A mix change alone can move the overall metric: with each segment keeping its training ${name}, this mix moves` +
        ` overall ${name} by ${signed(kind, mixEffect)}` +
        (change !== null ? ` (observed change ${signed(kind, change)}, ${metricText(kind, trainMetric)} → ${metricText(kind, prodMetric!)}).` : '.');
    }
    out.push({
      id: findingId('segment_shift', [col.name]),
      type: 'segment_shift',
      severity,
      columns: [col.name],
      title: `Population mix of ${col.name} changed (${moved[0].s.slice} ${pct(moved[0].s.trainShare)} → ${pct(moved[0].s.prodShare)})`,
      evidence,
      mitigation:
        `Evaluate the model per ${col.name} segment and report the metric re-weighted to the production mix; if a growing` +
        ` segment is thin in training, add data for it (or re-weight training rows to the production mix) and retrain.`,
      data: {
        column: col.name,
        shares: segs.map((s) => ({ slice: s.slice, train: s.trainShare, prod: s.prodShare })),
        maxShareChange: maxDelta,
        mixEffect,
      },
      target: 'segments',
    });
  }
  return out;
}

function signed(kind: SliceMetricKind, x: number): string {
  const t = gapText(kind, Math.abs(x));
  return `${x < 0 ? '−' : '+'}${t}`;
}
