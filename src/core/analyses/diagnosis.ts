/**
 * Diagnosis: from findings to ranked root-cause hypotheses.
 *
 * Each hypothesis has a rule table: which finding types support it (with a weight: how specific that evidence is
 * for this cause) and which argue against it. A finding contributes `weight × severityWeight` (critical 1, warning
 * 0.6, info 0.15) and contributions combine as a noisy-OR: score = 1 − Π(1 − cᵢ); each piece of counter-evidence
 * then multiplies the score by (1 − 0.5·cⱼ). Confidence: high ≥ 0.7, medium ≥ 0.4, else low. So one weak finding
 * (a warning with a generic weight) stays low, and only strong or converging evidence is called high.
 */
import type { Confidence, Finding, FindingType, Hypothesis, HypothesisKind, Report } from '../report/types';

const SEVERITY_WEIGHT = { critical: 1, warning: 0.6, info: 0.15 } as const;
const HIGH = 0.7;
const MEDIUM = 0.4;
/** Hypotheses below this score are not listed at all. */
const MIN_SCORE = 0.05;

interface Rule {
  kind: HypothesisKind;
  title: (cols: string[]) => string;
  support: Partial<Record<FindingType, number>>;
  against: Partial<Record<FindingType, number>>;
  /** Extra counter-evidence computed from the report (e.g. labels exist and the metric did not drop). */
  againstReport?: (r: Report) => string | null;
  confirm: (cols: string[]) => string;
  mitigation: (cols: string[]) => string;
}

const list = (cols: string[]) => (cols.length ? cols.slice(0, 3).join(', ') + (cols.length > 3 ? ` and ${cols.length - 3} more` : '') : 'the features');

/** Columns whose change another, more specific cause explains (so they are not counted as genuine drift). */
/** Findings that name a leaky feature itself (as opposed to overlaps between the files). */
const LEAKY_TYPES: FindingType[] = ['target_leakage', 'future_timestamp'];

const EXPLAINED_BY: FindingType[] = ['scale_change', 'renamed_column', 'type_change', 'entity_skew', 'restandardized', 'target_leakage', 'null_spike'];

const RULES: Rule[] = [
  {
    kind: 'training_leakage',
    title: (c) => `Leakage in training${c.length ? ` through ${list(c)}` : ''}`,
    support: { target_leakage: 0.95, future_timestamp: 0.8, time_overlap: 0.45, row_overlap: 0.5, id_overlap: 0.25 },
    against: {},
    confirm: (c) => `Check when ${list(c)} become known relative to the prediction time; retrain without them on a time-based split and compare the training metric with production.`,
    mitigation: (c) =>
      c.length
        ? `Drop ${list(c)} (or compute them only from data available at prediction time) and retrain on a time-based split with a gap between training and evaluation.`
        : 'Re-split training and evaluation data by time, with a gap, and remove rows and entities that occur in both; then re-measure.',
  },
  {
    kind: 'pipeline_skew',
    title: (c) => `Train-serving skew / pipeline bug in ${list(c)}`,
    support: { entity_skew: 0.9, scale_change: 0.85, restandardized: 0.85, type_change: 0.6, null_spike: 0.45, constant_column: 0.45 },
    against: {},
    confirm: (c) => `Recompute ${list(c)} for a few production entities with the training code and compare with what the serving pipeline sent.`,
    mitigation: (c) => `Fix the serving pipeline so ${list(c)} are computed exactly as in training (same window, units and scaler); then retrain or re-score on the corrected feature.`,
  },
  {
    kind: 'schema_change',
    title: (c) => `Schema change: ${list(c)}`,
    support: { renamed_column: 0.95, missing_column: 0.9, type_change: 0.55, extra_column: 0.1, column_order: 0.1 },
    against: {},
    confirm: () => 'Compare the serving request schema (names, types, order) with the training schema.',
    mitigation: (c) => `Restore the training names and types for ${list(c)} in the serving pipeline (or map them), and add a schema check at deploy time.`,
  },
  {
    kind: 'covariate_shift',
    title: (c) => `Data drift (covariate shift) in ${list(c)}`,
    support: { feature_drift: 0.5, dataset_drift: 0.55, ood_rows: 0.35, out_of_range: 0.3, new_category: 0.4, prediction_drift: 0.2 },
    against: {},
    againstReport: (r) => {
      const p = r.performance;
      if (!p || p.delta === null) return null;
      const dropped = r.findings.some((f) => f.type === 'performance_drop');
      return dropped ? null : 'labels exist in both files and the metric did not drop';
    },
    confirm: (c) => `Check whether the change in ${list(c)} is real (a new population or market) rather than a pipeline artefact; evaluate the model on recent labelled data.`,
    mitigation: (c) => `Retrain or fine-tune on recent data that covers the new distribution of ${list(c)}; monitor PSI per feature.`,
  },
  {
    kind: 'concept_drift',
    title: () => 'Concept drift: the feature→label relation changed',
    support: { performance_drop: 0.45, segment_degradation: 0.35, temporal_pattern: 0.2 },
    against: { dataset_drift: 0.7, feature_drift: 0.3, target_leakage: 0.9, entity_skew: 0.6, scale_change: 0.6 },
    confirm: () => 'Refit the same model on recent labelled production data: if it recovers while the inputs look stable, the relation changed.',
    mitigation: () => 'Retrain on recent labelled data (or weight recent data more); consider a shorter retraining cycle.',
  },
  {
    kind: 'label_shift',
    title: (c) => `Label (prior) shift in ${list(c)}`,
    support: { label_shift: 0.9, prediction_drift: 0.15 },
    against: {},
    confirm: () => 'Compare the class balance over time and check whether the label definition changed.',
    mitigation: () => 'Re-weight the training classes to the production prior or move the decision threshold; recalibrate the scores.',
  },
  {
    kind: 'population_change',
    title: (c) => `Population or segment change${c.length ? ` (${list(c)})` : ''}`,
    support: { segment_degradation: 0.6, segment_shift: 0.6, new_category: 0.25 },
    against: {},
    confirm: (c) => `Evaluate the model per segment of ${list(c)} on recent labelled data.`,
    mitigation: (c) => `Evaluate per segment of ${list(c)}; collect more training data for the degraded segment or train a segment-specific model.`,
  },
  {
    kind: 'measurement_problem',
    title: () => 'Measurement problem: labels missing, delayed or not comparable',
    support: {},
    against: {},
    confirm: () => 'Check when production labels arrive and whether the evaluation window is complete.',
    mitigation: () => 'Evaluate only on windows whose labels are complete; make the metric match the business objective.',
  },
];

/** Label-specific findings that count for the measurement hypothesis. */
function measurementEvidence(r: Report): { ids: string[]; contributions: number[] } {
  const label = r.roles.label;
  const ids: string[] = [];
  const contributions: number[] = [];
  for (const f of r.findings) {
    const aboutLabel = label !== null && f.columns.includes(label);
    if ((f.type === 'missing_column' || f.type === 'null_spike') && aboutLabel) {
      ids.push(f.id);
      contributions.push(0.7 * Math.max(SEVERITY_WEIGHT[f.severity], 0.6));
    }
  }
  return { ids, contributions };
}

function confidenceOf(score: number): Confidence {
  return score >= HIGH ? 'high' : score >= MEDIUM ? 'medium' : 'low';
}

export function diagnose(r: Report): Hypothesis[] {
  const explained = new Set(r.findings.filter((f) => EXPLAINED_BY.includes(f.type)).flatMap((f) => f.columns));
  const out: Hypothesis[] = [];
  for (const rule of RULES) {
    let supporting: Finding[] = [];
    const contributions: number[] = [];
    if (rule.kind === 'measurement_problem') {
      const m = measurementEvidence(r);
      supporting = r.findings.filter((f) => m.ids.includes(f.id));
      contributions.push(...m.contributions);
    } else {
      for (const f of r.findings) {
        const w = rule.support[f.type];
        if (!w) continue;
        // Drift of a column another cause explains is that cause's evidence, not genuine covariate shift.
        if (rule.kind === 'covariate_shift' && f.columns.length === 1 && explained.has(f.columns[0])) continue;
        // A segment cut on a column another cause explains (a ×1000 column's bins) restates that cause.
        if (rule.kind === 'population_change' && f.type !== 'new_category' && f.columns.some((c) => explained.has(c))) continue;
        if (rule.kind === 'pipeline_skew' && f.type === 'null_spike' && f.columns.includes(r.roles.label ?? '\u0000')) continue;
        // An info-level entity_skew says the values changed *without* a skew signature: not evidence of a bug.
        if (f.type === 'entity_skew' && f.severity === 'info') continue;
        supporting.push(f);
        contributions.push(w * SEVERITY_WEIGHT[f.severity]);
      }
    }
    if (supporting.length === 0) continue;
    let score = 1 - contributions.reduce((p, c) => p * (1 - c), 1);
    const against: string[] = [];
    for (const f of r.findings) {
      const w = rule.against[f.type];
      if (!w) continue;
      against.push(f.id);
      score *= 1 - 0.5 * w * SEVERITY_WEIGHT[f.severity];
    }
    const extra = rule.againstReport?.(r);
    if (extra) {
      against.push(extra);
      score *= 0.6;
    }
    if (score < MIN_SCORE) continue;
    const ranked = [...supporting].sort((a, b) => SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity]);
    // Name the columns the strong evidence is about; for leakage, the leaky features rather than the time/id
    // columns whose overlap only corroborates it (those are not to be dropped).
    const strong = ranked.filter((f) => f.severity !== 'info');
    const named = rule.kind === 'training_leakage' ? ranked.filter((f) => LEAKY_TYPES.includes(f.type)) : strong.length ? strong : ranked;
    const columns = [...new Set(named.flatMap((f) => f.columns))].filter((c) => c !== r.roles.label && c !== r.roles.prediction && !(rule.kind === 'covariate_shift' && explained.has(c)));
    out.push({
      kind: rule.kind,
      title: rule.title(columns),
      score,
      confidence: confidenceOf(score),
      supporting: ranked.map((f) => f.id),
      against,
      confirm: rule.confirm(columns),
      mitigation: rule.mitigation(columns),
      columns,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
