/**
 * segment_degradation findings from the ranked worst slices. A slice is a finding when its loss is significant
 * (Bonferroni over every slice tried) and goes beyond the whole file's loss by gapWarning — a uniform drop shows in
 * every segment and is performance_drop's finding, not a segment's.
 *
 * One name per problem: slices overlap (APAC&mobile, APAC, APAC&returning all hold the same broken rows), so the
 * list is covered greedily — each slice, in rank order, is judged only on its rows that no slice reported before it
 * holds. A slice whose remaining rows no longer show a significant, excess loss is left out of the findings (it stays
 * in the section's list).
 */
import type { Finding, SegmentStat, Severity } from '../report/types';
import { findingId, type AnalysisContext } from './context';
import { degradation, gapText, metricText, type SliceMetricKind, type Sums } from './sliceMetric';

/** Row indices of a listed slice in each file, for the residual check. */
export interface SliceRows {
  train: Uint32Array;
  prod: Uint32Array;
}

function residualSums(rows: Uint32Array, covered: Uint8Array, y: Float64Array): Sums {
  let count = 0, n = 0, sum = 0, sumSq = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    if (covered[i]) continue;
    count++;
    const v = y[i];
    if (v === v) {
      n++;
      sum += v;
      sumSq += v * v;
    }
  }
  return { rows: count, n, sum, sumSq };
}

function cover(rows: Uint32Array, covered: Uint8Array): void {
  for (let j = 0; j < rows.length; j++) covered[rows[j]] = 1;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** "= 0.003", "= 2.1e-9", or "< 1e-300" where the double underflows. */
const eq = (x: number) => (x < 1e-300 ? '< 1e-300' : `= ${x < 1e-4 ? x.toExponential(1) : x.toPrecision(2)}`);

export function segmentDegradationFindings(
  worst: SegmentStat[],
  rows: SliceRows[],
  outcomes: { train: Float64Array; prod: Float64Array },
  kind: SliceMetricKind,
  overallGap: number | null,
  overallTrain: Sums,
  ctx: AnalysisContext,
  tried: number,
): Finding[] {
  const o = ctx.options.segments;
  const out: Finding[] = [];
  const coveredTrain = new Uint8Array(outcomes.train.length);
  const coveredProd = new Uint8Array(outcomes.prod.length);
  // MAE has the label's units: the gap is read relative to the overall training MAE so the same thresholds apply.
  const scale = kind === 'mae' ? (overallTrain.n ? overallTrain.sum / overallTrain.n : 0) : 1;
  const excessOf = (gap: number) => {
    const e = overallGap === null ? gap : gap - overallGap;
    return scale > 0 ? e / scale : e;
  };
  for (let k = 0; k < worst.length; k++) {
    const s = worst[k];
    if (!s.train || !s.prod || s.gap === null || s.gap === undefined) continue;
    // `gap` is prod − train; the loss is its negative for accuracy and itself for MAE.
    const loss = kind === 'accuracy' ? -s.gap : s.gap;
    const scaled = excessOf(loss);
    const severity: Severity | null = scaled >= o.gapCritical ? 'critical' : scaled >= o.gapWarning ? 'warning' : null;
    if (!severity) continue;
    if (out.length > 0) {
      const rt = residualSums(rows[k].train, coveredTrain, outcomes.train);
      const rp = residualSums(rows[k].prod, coveredProd, outcomes.prod);
      if (rt.rows < o.minSupport || rp.rows < o.minSupport) continue;
      const d = degradation(kind, rt, rp);
      if (!d || Math.min(1, d.pValue * tried) >= o.alpha || excessOf(d.gap) < o.gapWarning) continue;
    }
    cover(rows[k].train, coveredTrain);
    cover(rows[k].prod, coveredProd);
    const name = kind === 'accuracy' ? 'Accuracy' : 'MAE';
    const verb = kind === 'accuracy' ? 'fell' : 'rose';
    const ci = (m: { low: number; high: number }) => `[${metricText(kind, m.low)}–${metricText(kind, m.high)}]`;
    const drifted = (s.topFeatureDrift ?? []).filter((d) => d.psi >= ctx.options.drift.psiWarning);
    const columns = s.conditions.map((c) => c.column);
    out.push({
      id: findingId('segment_degradation', columns, s.slice),
      type: 'segment_degradation',
      severity,
      columns,
      title: `${name} ${verb} on ${s.slice}: ${metricText(kind, s.train.value)} → ${metricText(kind, s.prod.value)}`,
      evidence:
        `${name} on ${s.slice} ${verb} from ${metricText(kind, s.train.value)} ${ci(s.train)} in training to` +
        ` ${metricText(kind, s.prod.value)} ${ci(s.prod)} in production (loss ${gapText(kind, loss)}` +
        (overallGap !== null ? `; whole file ${gapText(kind, overallGap)}` : '') +
        `). The slice holds ${pct(s.prodShare)} of production rows (${s.prodRows} rows; ${pct(s.trainShare)} in training).` +
        ` ${kind === 'accuracy' ? 'Two-proportion' : 'Welch'} z test p ${eq(s.pValue ?? 1)}, Bonferroni-adjusted over` +
        ` ${tried} slices p ${eq(s.pValueAdjusted ?? 1)}.` +
        (s.auc && s.auc.train !== null && s.auc.prod !== null
          ? ` ROC AUC of the score inside the slice ${s.auc.train.toFixed(2)} → ${s.auc.prod.toFixed(2)}` +
            (s.auc.prod < 0.5 ? ' (below 0.5: the score now ranks the classes the wrong way round — the relationship flipped here).' : '.')
          : '') +
        (s.predictionPsi !== null && s.predictionPsi !== undefined ? ` Prediction PSI inside the slice ${s.predictionPsi.toFixed(3)}.` : '') +
        (drifted.length ? ` Most drifted features inside: ${drifted.map((d) => `${d.column} (PSI ${d.psi.toFixed(2)})`).join(', ')}.` : ''),
      mitigation:
        `Evaluate the model on ${s.slice} separately (add the slice to the evaluation report and to monitoring)` +
        (drifted.length ? ` and check what changed for these rows first (${drifted.map((d) => d.column).join(', ')})` : '') +
        `; collect more labelled production data for this slice and retrain (or add features that separate it),` +
        ` and consider a fallback for the slice until the retrained model is validated on it.`,
      data: {
        slice: s.slice,
        conditions: s.conditions,
        metric: kind,
        train: s.train,
        prod: s.prod,
        gap: s.gap,
        loss,
        excessGap: s.excessGap ?? null,
        impact: s.impact ?? null,
        trainShare: s.trainShare,
        prodShare: s.prodShare,
        pValue: s.pValue ?? null,
        pValueAdjusted: s.pValueAdjusted ?? null,
        auc: s.auc ?? null,
        correction: 'bonferroni',
        slicesTried: tried,
      },
      target: 'segments',
    });
  }
  return out;
}
