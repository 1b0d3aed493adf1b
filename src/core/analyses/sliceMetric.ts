/**
 * The metric of a slice of rows from sums of per-row outcomes (1/0 correct for classification, absolute error for
 * regression — see outcome.ts), with its confidence interval and the train→prod test. Working from (n, Σ, Σ²) keeps
 * slices mergeable: a slice's numbers are sums over its cells, which is what lets the search scan pairs in one pass.
 */
import type { MetricWithCi } from '../report/types';
import type { AnalysisContext } from './context';
import { pairOutcomes, type Outcome } from './outcome';
import { rocAuc } from '../stats/auc';
import { normalPpf, normalSf } from '../stats/normal';
import { twoProportionZTest } from '../stats/proportionTest';
import { wilsonInterval } from '../stats/wilsonInterval';

export type SliceMetricKind = 'accuracy' | 'mae';

/**
 * Per-row outcomes of both files and the metric they give (accuracy for classification, MAE for regression), when
 * the label and prediction roles exist in training; `prod` is null when production lacks either (labels come late).
 * The task and the positive class are decided on training, as the performance analysis does.
 */
export function sliceOutcomes(ctx: AnalysisContext): { kind: SliceMetricKind; train: Float64Array; prod: Float64Array | null; full: { train: Outcome; prod: Outcome | null } } | null {
  const pair = pairOutcomes(ctx);
  if (!pair || !pair.train) return null;
  const { spec, train, prod } = pair;
  return {
    kind: spec.task === 'classification' ? 'accuracy' : 'mae',
    train: train.perRow,
    prod: prod ? prod.perRow : null,
    full: { train, prod },
  };
}

/** Sufficient statistics of a slice in one file. */
export interface Sums {
  /** Rows in the slice (with or without an outcome): the support. */
  rows: number;
  /** Rows with an outcome (label and prediction present). */
  n: number;
  sum: number;
  sumSq: number;
}

/** Metric value (accuracy or MAE) with a two-sided interval at level 1 − alpha; null without outcomes. */
export function metricWithCi(kind: SliceMetricKind, s: Sums, alpha: number): MetricWithCi | null {
  if (s.n === 0) return null;
  const value = s.sum / s.n;
  const z = normalPpf(1 - alpha / 2);
  if (kind === 'accuracy') {
    // Wilson, not Wald: slices are small and accuracies near 1 are common, where Wald's interval leaves [0, 1].
    const { low, high } = wilsonInterval(Math.round(s.sum), s.n, z);
    return { value, low, high, n: s.n };
  }
  // MAE: normal approximation of a mean (CLT), standard error from the sample variance of the absolute errors.
  const half = s.n > 1 ? z * Math.sqrt(sampleVariance(s) / s.n) : Infinity;
  return { value, low: Math.max(0, value - half), high: value + half, n: s.n };
}

function sampleVariance(s: Sums): number {
  if (s.n < 2) return 0;
  return Math.max(0, (s.sumSq - (s.sum * s.sum) / s.n) / (s.n - 1));
}

/**
 * Degradation from train to prod (positive = worse in production: accuracy lost, or MAE gained) and the two-sided
 * p-value of "no change": two-proportion z test for accuracy, Welch's z (unequal variances, normal reference) for MAE.
 * Null when either side has fewer than two outcomes.
 */
export function degradation(kind: SliceMetricKind, train: Sums, prod: Sums): { gap: number; pValue: number } | null {
  if (train.n < 2 || prod.n < 2) return null;
  const mt = train.sum / train.n;
  const mp = prod.sum / prod.n;
  if (kind === 'accuracy') {
    const { pValue } = twoProportionZTest(Math.round(train.sum), train.n, Math.round(prod.sum), prod.n);
    return { gap: mt - mp, pValue };
  }
  const se = Math.sqrt(sampleVariance(train) / train.n + sampleVariance(prod) / prod.n);
  const gap = mp - mt;
  if (se === 0) return { gap, pValue: gap === 0 ? 1 : 0 };
  return { gap, pValue: Math.min(1, 2 * normalSf(Math.abs(gap) / se)) };
}

/** Text of a metric value for evidence: accuracy as a percentage, MAE as a number. */
export function metricText(kind: SliceMetricKind, v: number): string {
  if (kind === 'accuracy') return `${(100 * v).toFixed(1)}%`;
  return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
}

/** Text of a gap: percentage points for accuracy. */
export function gapText(kind: SliceMetricKind, g: number): string {
  if (kind === 'accuracy') return `${(100 * g).toFixed(1)} pts`;
  return metricText(kind, g);
}

/**
 * ROC AUC of the score over a subset of rows (classification with a probability score); null when the subset holds
 * one class only. Ranks inside a slice say whether the model still orders its rows, even when the threshold is off.
 */
export function sliceAuc(o: Outcome | null, rows: ArrayLike<number>): number | null {
  if (!o || !o.isScore || rows.length === 0) return null;
  const s = new Float64Array(rows.length);
  const y = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    s[j] = o.score[rows[j]];
    y[j] = o.label[rows[j]];
  }
  const auc = rocAuc(s, y);
  return Number.isFinite(auc) ? auc : null;
}
