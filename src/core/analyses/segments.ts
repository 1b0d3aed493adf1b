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
import { mulberry32, sampleIndices } from '../stats/random';
import { binColumn, type BinnedColumn } from './binnedColumns';
import { findingId, isFeature, type AnalysisContext, type AnalysisResult } from './context';
import { sampledContext } from './sampledContext';
import { searchSlices, type Slice } from './sliceSearch';
import { gapText, metricText, metricWithCi, sliceAuc, sliceOutcomes, type SliceMetricKind, type Sums } from './sliceMetric';
import { driftBySegment, driftInside, groupRows, sliceRows, type SliceDriftInput } from './segmentDrift';
import { segmentDegradationFindings, type SliceRows } from './segmentFindings';

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

interface Built {
  kind: SliceMetricKind | null;
  overall: { train: Sums; prod: Sums };
}

export function analyzeSegments(full: AnalysisContext): AnalysisResult<SegmentsSection | null> {
  // Slice search costs rows × column pairs: above maxRows per file it runs on a seeded sample (the section says so).
  const { ctx, sampled } = sampledContext(full, full.options.segments.maxRows);
  const o = ctx.options.segments;
  // Shares need rows on both sides; an empty file is the schema/quality analyses' news, not a segment's.
  if (ctx.train.rows === 0 || ctx.prod.rows === 0) return { section: null, findings: [] };
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
  const sliceName = (s: Slice) => s.conditions.map((c) => columns[c.col].labels[c.bin]).join(' & ');
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
      if (slice?.explainedBy !== undefined) stat.explainedBy = sliceName(search.slices[slice.explainedBy]);
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
    if (s.explainedBy !== undefined) stat.explainedBy = sliceName(search.slices[s.explainedBy]);
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
    ...(sampled ? { sampled } : {}),
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
    let mixShare: number | null = null;
    if (kind && trainMetric !== null) {
      // Σ Δshare × training metric of the segment: the overall change if every segment kept its training metric.
      mixEffect = 0;
      for (const s of segs) mixEffect += (s.prodShare - s.trainShare) * (s.train ? s.train.value : trainMetric);
      const change = prodMetric !== null ? prodMetric - trainMetric : null;
      const name = kind === 'accuracy' ? 'accuracy' : 'MAE';
      evidence +=
        ` A mix change alone can move the overall metric: with each segment keeping its training ${name}, this mix moves` +
        ` overall ${name} by ${signed(kind, mixEffect)}` +
        (change !== null ? ` (observed change ${signed(kind, change)}, ${metricText(kind, trainMetric)} → ${metricText(kind, prodMetric!)})` : '');
      // The share of the observed change the mix accounts for, when both move the same way and the change is real.
      if (change !== null && change !== 0 && Math.sign(change) === Math.sign(mixEffect) && Math.abs(change) >= ctx.options.performance.dropWarning * (kind === 'accuracy' ? 1 : trainMetric)) {
        mixShare = Math.min(1, mixEffect / change);
        evidence += `: the mix alone accounts for about ${Math.round(100 * mixShare)}% of it.`;
      } else evidence += '.';
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
        mixShare,
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
