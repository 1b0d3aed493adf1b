/**
 * Labels, predictions and performance: label (prior) shift, prediction drift (and the share of extreme
 * confidences), and the model's metrics in each file with the drop as a finding.
 */
import { findColumn, isNumeric } from '../io/table';
import type { ClassificationMetrics, Finding, PerformanceSection, RegressionMetrics, Severity } from '../report/types';
import { rocAuc } from '../stats/auc';
import { columnDrift } from './columnDrift';
import { findingId, type AnalysisContext, type AnalysisResult } from './context';
import { outcomeSpec, pairOutcomes, rowOutcomes, type Outcome } from './outcome';

/** A score is "extreme" beyond these (share reported with prediction drift). */
const EXTREME_LOW = 0.05;
const EXTREME_HIGH = 0.95;

export function classificationMetrics(o: Outcome): ClassificationMetrics | null {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  const scores: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < o.label.length; i++) {
    const y = o.label[i];
    const p = o.predicted[i];
    if (y !== y || p !== p) continue;
    if (p === 1) y === 1 ? tp++ : fp++;
    else y === 1 ? fn++ : tn++;
    scores.push(o.score[i]);
    labels.push(y);
  }
  const n = tp + fp + tn + fn;
  if (n === 0) return null;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const auc = rocAuc(scores, labels);
  return {
    n,
    accuracy: (tp + tn) / n,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    auc: Number.isFinite(auc) ? auc : null,
    positiveRate: (tp + fn) / n,
    predictedPositiveRate: (tp + fp) / n,
  };
}

export function regressionMetrics(o: Outcome): RegressionMetrics | null {
  let n = 0, ae = 0, se = 0, sy = 0, sp = 0;
  for (let i = 0; i < o.label.length; i++) {
    const y = o.label[i];
    const p = o.score[i];
    if (y !== y || p !== p) continue;
    n++;
    ae += Math.abs(p - y);
    se += (p - y) * (p - y);
    sy += y;
    sp += p;
  }
  if (n === 0) return null;
  return { n, mae: ae / n, rmse: Math.sqrt(se / n), meanLabel: sy / n, meanPrediction: sp / n };
}

function grade(x: number, warning: number, critical: number): Severity | null {
  return x >= critical ? 'critical' : x >= warning ? 'warning' : null;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function analyzePerformance(ctx: AnalysisContext): AnalysisResult<PerformanceSection | null> {
  const o = ctx.options.performance;
  const findings: Finding[] = [];
  const { label, prediction } = ctx.roles;

  // Label shift: the class balance (or target distribution) when production has labels.
  if (label) {
    const tl = findColumn(ctx.train, label);
    const pl = findColumn(ctx.prod, label);
    if (tl && pl) {
      const spec = outcomeSpec(tl, o.threshold);
      if (spec.task === 'classification') {
        const rate = (c: typeof tl) => {
          const v = rowOutcomes(c, c, spec).label;
          let s = 0, n = 0;
          for (let i = 0; i < v.length; i++) if (v[i] === v[i]) (s += v[i], n++);
          return n ? s / n : NaN;
        };
        const rt = rate(tl);
        const rp = rate(pl);
        const sev = Number.isFinite(rp) ? grade(Math.abs(rp - rt), o.labelShiftWarning, o.labelShiftCritical) : null;
        if (sev) {
          findings.push({
            id: findingId('label_shift', [label]),
            type: 'label_shift',
            severity: sev,
            columns: [label],
            title: `Positive rate of ${label}: ${pct(rt)} → ${pct(rp)}`,
            evidence: `The share of positive labels${spec.positiveClass ? ` ("${spec.positiveClass}")` : ''} moved from ${pct(rt)} in training to ${pct(rp)} in production.`,
            mitigation: 'Re-weight training classes to the production prior or move the decision threshold; check that the label definition did not change.',
            data: { train: rt, prod: rp },
            target: 'drift',
          });
        }
      } else {
        const d = columnDrift(tl, pl, ctx.options.drift, ctx.options.seed);
        if (d && d.severity !== 'ok') {
          findings.push({
            id: findingId('label_shift', [label]),
            type: 'label_shift',
            severity: d.severity === 'critical' ? 'critical' : 'warning',
            columns: [label],
            title: `The target ${label} shifted (${d.test} ${d.score.toFixed(3)})`,
            evidence: `PSI ${d.psi?.toFixed(3)}, KS ${d.ks?.statistic.toFixed(3)}, Wasserstein ${d.wassersteinNormed?.toFixed(3)} training std.`,
            mitigation: 'Check the target definition; re-weight or retrain on recent data.',
            target: 'drift',
          });
        }
      }
    }
  }

  // Prediction drift and extreme confidences.
  if (prediction) {
    const tp = findColumn(ctx.train, prediction);
    const pp = findColumn(ctx.prod, prediction);
    if (tp && pp) {
      const d = columnDrift(tp, pp, ctx.options.drift, ctx.options.seed + 1);
      const extreme = (v: Float64Array) => {
        let e = 0, n = 0;
        for (let i = 0; i < v.length; i++) if (v[i] === v[i]) (n++, (v[i] <= EXTREME_LOW || v[i] >= EXTREME_HIGH) && e++);
        return n ? e / n : 0;
      };
      const scoreLike = isNumeric(tp) && isNumeric(pp) && tp.kind === 'numeric';
      const et = scoreLike ? extreme(tp.values) : 0;
      const ep = scoreLike && isNumeric(pp) ? extreme(pp.values) : 0;
      if (d && d.severity !== 'ok') {
        findings.push({
          id: findingId('prediction_drift', [prediction]),
          type: 'prediction_drift',
          severity: d.severity === 'critical' ? 'critical' : 'warning',
          columns: [prediction],
          title: `The model's output ${prediction} shifted (${d.test} ${d.score.toFixed(3)})`,
          evidence: `PSI ${d.psi?.toFixed(3)}${d.ks ? `, KS ${d.ks.statistic.toFixed(3)}` : ''}.` + (scoreLike ? ` Extreme scores (≤${EXTREME_LOW} or ≥${EXTREME_HIGH}): ${pct(et)} in training, ${pct(ep)} in production.` : ''),
          mitigation: 'Prediction drift is the earliest signal when labels are late: trace it to the drifted inputs below, then recalibrate or retrain.',
          data: { psi: d.psi, extremeTrain: et, extremeProd: ep },
          target: 'drift',
        });
      }
    }
  }

  const outcomes = pairOutcomes(ctx);
  if (!outcomes || !outcomes.train) return { section: null, findings };
  const { spec } = outcomes;
  const metricsOf = (x: Outcome | null) => (x === null ? null : spec.task === 'classification' ? classificationMetrics(x) : regressionMetrics(x));
  const train = metricsOf(outcomes.train);
  const prod = metricsOf(outcomes.prod);
  const metric = spec.task === 'regression' ? 'mae' : 'accuracy';
  const value = (m: ClassificationMetrics | RegressionMetrics | null) =>
    m === null ? null : 'accuracy' in m ? m.accuracy : m.mae;
  const vt = value(train);
  const vp = value(prod);
  const delta = vt === null || vp === null ? null : vp - vt;
  const section: PerformanceSection = {
    task: spec.task,
    threshold: outcomes.train.isScore ? spec.threshold : undefined,
    positiveClass: spec.positiveClass,
    train,
    prod,
    metric,
    delta,
  };
  if (delta !== null && vt !== null && vp !== null) {
    // For MAE a rise is a drop in quality; compare relatively to the training error.
    const drop = metric === 'mae' ? (vt > 0 ? (vp - vt) / vt : 0) : -delta;
    const sev = grade(drop, o.dropWarning, o.dropCritical);
    if (sev) {
      const c = train as ClassificationMetrics;
      const cp = prod as ClassificationMetrics;
      const extra = metric === 'accuracy' && c.auc !== null && cp.auc !== null ? `; ROC AUC ${c.auc.toFixed(3)} → ${cp.auc.toFixed(3)}; F1 ${c.f1.toFixed(3)} → ${cp.f1.toFixed(3)}` : '';
      findings.push({
        id: findingId('performance_drop', [label!, prediction!]),
        type: 'performance_drop',
        severity: sev,
        columns: [label!, prediction!],
        title: metric === 'mae' ? `MAE rose ${vt.toPrecision(4)} → ${vp.toPrecision(4)}` : `Accuracy fell ${pct(vt)} → ${pct(vp)}`,
        evidence: `${metric === 'mae' ? 'MAE' : 'Accuracy'} ${metric === 'mae' ? vt.toPrecision(4) : pct(vt)} on ${train!.n} training rows vs ${metric === 'mae' ? vp.toPrecision(4) : pct(vp)} on ${prod!.n} production rows${extra}.`,
        mitigation: 'See the ranked hypotheses: the drop is a symptom; its cause decides the fix (retrain, fix the pipeline, drop a leaky feature).',
        data: { metric, train: vt, prod: vp, delta },
        target: 'overview',
      });
    }
  }
  return { section, findings };
}
