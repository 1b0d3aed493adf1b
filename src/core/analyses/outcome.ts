/**
 * Row outcomes: the label and the prediction of each row turned into numbers every analysis can slice
 * (performance, segments, timeline, leakage). Classification labels become 0/1 with one positive class chosen on the
 * training file and reused for production, so both files are scored the same way.
 */
import { findColumn, isNumeric, type Column } from '../io/table';
import type { AnalysisContext } from './context';

export interface Outcome {
  task: 'classification' | 'regression';
  /** The label per row: 0/1 for classification, the value for regression; NaN when missing. */
  label: Float64Array;
  /** The prediction per row: a score in [0,1] (or a 0/1 class) for classification, the value for regression. */
  score: Float64Array;
  /** Classification: the predicted class (0/1) per row; regression: same as `score`. */
  predicted: Float64Array;
  /** Classification: 1 correct / 0 wrong; regression: absolute error. NaN where label or prediction is missing. */
  perRow: Float64Array;
  /** True when `score` is a probability-like score rather than a hard class. */
  isScore: boolean;
}

export interface OutcomeSpec {
  task: 'classification' | 'regression';
  /** Classification with a string label: which category is positive. */
  positiveClass?: string;
  threshold: number;
}

const POSITIVE_NAMES = /^(1|true|yes|y|positive|pos|default|defaulted|churn|churned|fraud|bad|t)$/i;

/** Decide the task and the positive class from the training label. */
export function outcomeSpec(trainLabel: Column, threshold: number): OutcomeSpec {
  if (isNumeric(trainLabel)) {
    const v = trainLabel.values;
    let binary = true;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === x && x !== 0 && x !== 1) {
        binary = false;
        break;
      }
    }
    return { task: binary ? 'classification' : 'regression', threshold };
  }
  // String labels: two categories → classification; pick the positive by name, else the minority class.
  const counts = new Map<string, number>();
  for (let i = 0; i < trainLabel.codes.length; i++) {
    const c = trainLabel.codes[i];
    if (c >= 0) counts.set(trainLabel.dictionary[c], (counts.get(trainLabel.dictionary[c]) ?? 0) + 1);
  }
  const cats = [...counts.entries()].sort((a, b) => a[1] - b[1]);
  const named = cats.find(([k]) => POSITIVE_NAMES.test(k.trim()));
  return { task: 'classification', positiveClass: (named ?? cats[0])?.[0], threshold };
}

function labelValues(col: Column, spec: OutcomeSpec): Float64Array {
  const n = isNumeric(col) ? col.values.length : col.codes.length;
  const out = new Float64Array(n);
  if (isNumeric(col)) {
    out.set(col.values);
    return out;
  }
  for (let i = 0; i < n; i++) {
    const c = col.codes[i];
    out[i] = c < 0 ? NaN : spec.positiveClass !== undefined && col.dictionary[c] === spec.positiveClass ? 1 : 0;
  }
  return out;
}

/** Score per row, and whether it is a score (values strictly between 0 and 1 occur) or a hard class. */
function predictionValues(col: Column, spec: OutcomeSpec): { score: Float64Array; isScore: boolean } {
  const n = isNumeric(col) ? col.values.length : col.codes.length;
  if (!isNumeric(col)) {
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      score[i] = c < 0 ? NaN : col.dictionary[c] === spec.positiveClass || POSITIVE_NAMES.test(col.dictionary[c].trim()) ? 1 : 0;
    }
    return { score, isScore: false };
  }
  const score = Float64Array.from(col.values);
  let fractional = false;
  for (let i = 0; i < n && !fractional; i++) {
    const x = score[i];
    if (x === x && x !== 0 && x !== 1) fractional = true;
  }
  return { score, isScore: fractional };
}

/** Outcomes for one file's label and prediction columns, under a spec decided on the training file. */
export function rowOutcomes(labelCol: Column, predCol: Column, spec: OutcomeSpec): Outcome {
  const label = labelValues(labelCol, spec);
  const { score, isScore } = predictionValues(predCol, spec);
  const n = label.length;
  const predicted = new Float64Array(n);
  const perRow = new Float64Array(n);
  if (spec.task === 'classification') {
    for (let i = 0; i < n; i++) {
      const s = score[i];
      const y = label[i];
      predicted[i] = s !== s ? NaN : s >= spec.threshold ? 1 : 0;
      perRow[i] = y !== y || s !== s ? NaN : predicted[i] === y ? 1 : 0;
    }
  } else {
    for (let i = 0; i < n; i++) {
      predicted[i] = score[i];
      const e = score[i] - label[i];
      perRow[i] = e === e ? Math.abs(e) : NaN;
    }
  }
  return { task: spec.task, label, score, predicted, perRow, isScore };
}

/** Outcomes of both files, when the label and prediction roles exist in the training file. */
export function pairOutcomes(ctx: AnalysisContext): { spec: OutcomeSpec; train: Outcome | null; prod: Outcome | null } | null {
  const { label, prediction } = ctx.roles;
  if (!label || !prediction) return null;
  const tl = findColumn(ctx.train, label);
  const tp = findColumn(ctx.train, prediction);
  if (!tl || !tp) return null;
  const spec = outcomeSpec(tl, ctx.options.performance.threshold);
  const pl = findColumn(ctx.prod, label);
  const pp = findColumn(ctx.prod, prediction);
  return { spec, train: rowOutcomes(tl, tp, spec), prod: pl && pp ? rowOutcomes(pl, pp, spec) : null };
}
