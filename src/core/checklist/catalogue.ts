/**
 * The debugging checklist: what an ML engineer walks through when a model that did well in training fails in
 * production. Each item has a rule that sets its automatic status from the report; items that two data files cannot
 * decide (the deployed model version, the business metric) stay `unknown` unless the evidence hints at them.
 */
import type { CheckGroup, CheckStatus, Finding, FindingType, Report } from '../report/types';

export interface CheckVerdict {
  status: CheckStatus;
  reason: string;
  findings: string[];
}

export interface CheckDefinition {
  id: string;
  group: CheckGroup;
  title: string;
  description: string;
  evaluate: (r: Report) => CheckVerdict;
}

const of = (r: Report, ...types: FindingType[]) => r.findings.filter((f) => types.includes(f.type));
const ids = (fs: Finding[]) => fs.map((f) => f.id);
const names = (fs: Finding[]) => [...new Set(fs.flatMap((f) => f.columns))].slice(0, 4).join(', ');
const isLabelFinding = (r: Report) => (f: Finding) => r.roles.label !== null && f.columns.includes(r.roles.label);

/**
 * The common shape of most rules: critical findings of these types fail the item, warnings warn,
 * otherwise it passes (or stays unknown when `canTell` says the files cannot tell).
 */
function byFindings(types: FindingType[], pass: string, failWord: string, canTell: (r: Report) => boolean = () => true) {
  return (r: Report): CheckVerdict => {
    const fs = of(r, ...types).filter((f) => f.severity !== 'info');
    const critical = fs.filter((f) => f.severity === 'critical');
    if (critical.length) return { status: 'fail', reason: `${failWord}: ${critical.map((f) => f.title).slice(0, 3).join('; ')}.`, findings: ids(fs) };
    if (fs.length) return { status: 'warn', reason: `${failWord} (warning): ${fs.map((f) => f.title).slice(0, 3).join('; ')}.`, findings: ids(fs) };
    if (!canTell(r)) return { status: 'unknown', reason: 'The two files do not carry what this check needs.', findings: [] };
    return { status: 'pass', reason: pass, findings: [] };
  };
}

export const CHECKLIST: CheckDefinition[] = [
  {
    id: 'deployment.model-version',
    group: 'deployment',
    title: 'The right model version is deployed',
    description: 'The model serving production is the one that was evaluated in training (same artifact, same threshold).',
    evaluate: (r) => {
      const pred = of(r, 'prediction_drift').filter((f) => f.severity !== 'info');
      const inputs = of(r, 'feature_drift', 'dataset_drift', 'scale_change', 'entity_skew', 'renamed_column', 'missing_column', 'null_spike', 'target_leakage');
      if (pred.length && inputs.length === 0) {
        return { status: 'warn', reason: 'The predictions moved while the inputs did not: a different model or threshold may be serving.', findings: ids(pred) };
      }
      return { status: 'unknown', reason: 'Two data files cannot tell which model artifact is deployed: check the model registry and the serving logs.', findings: [] };
    },
  },
  {
    id: 'deployment.serving-schema',
    group: 'deployment',
    title: 'The serving request schema matches training',
    description: 'Every feature the model expects arrives under the same name and type.',
    evaluate: (r) => {
      const fs = of(r, 'missing_column', 'renamed_column', 'type_change').filter((f) => !isLabelFinding(r)(f) && f.severity !== 'info');
      if (fs.length) return { status: 'fail', reason: `Features the model expects arrive differently: ${names(fs)}.`, findings: ids(fs) };
      return { status: 'pass', reason: 'Every training feature arrives in production under the same name and type.', findings: [] };
    },
  },
  {
    id: 'data.schema-unchanged',
    group: 'data',
    title: 'The schema is unchanged',
    description: 'No column is missing, renamed, retyped or reordered between the files.',
    evaluate: byFindings(['missing_column', 'renamed_column', 'type_change', 'extra_column', 'column_order'], 'Same columns, names and types in both files.', 'Schema differs'),
  },
  {
    id: 'data.identical-features',
    group: 'data',
    title: 'Features are computed identically at train and serve time',
    description: 'Same code, same windows, same units and the same fitted transformers in both pipelines.',
    evaluate: (r) => {
      const fs = of(r, 'entity_skew', 'scale_change', 'restandardized', 'type_change').filter((f) => f.severity !== 'info');
      if (fs.length) return { status: 'fail', reason: `Computed differently in production: ${names(fs)}.`, findings: ids(fs) };
      if (r.skew) return { status: 'pass', reason: `The same ${r.skew.matchedEntities} entities have matching feature values in both files.`, findings: [] };
      return { status: 'unknown', reason: 'No entity id occurs in both files, so features cannot be compared for the same entity; no unit or scaler change was found.', findings: [] };
    },
  },
  {
    id: 'data.available-at-prediction',
    group: 'data',
    title: 'No feature is unavailable at prediction time',
    description: 'No feature is only known after the outcome (leakage) or missing when the model scores.',
    evaluate: (r) => {
      const leak = of(r, 'target_leakage', 'future_timestamp').filter((f) => f.severity !== 'info');
      if (leak.length) return { status: 'fail', reason: `Known only after the outcome: ${names(leak)}.`, findings: ids(leak) };
      const gaps = of(r, 'null_spike', 'constant_column').filter((f) => f.severity !== 'info' && !isLabelFinding(r)(f));
      if (gaps.length) return { status: 'warn', reason: `Often missing or defaulted in production: ${names(gaps)}.`, findings: ids(gaps) };
      if (!r.leakage) return { status: 'unknown', reason: 'Without a label in training the predictive power of each feature cannot be checked.', findings: [] };
      return { status: 'pass', reason: 'No feature predicts the label suspiciously well in training, and none goes missing in production.', findings: [] };
    },
  },
  {
    id: 'data.stable-distributions',
    group: 'data',
    title: 'Feature distributions are stable',
    description: 'Production inputs look like the training inputs (drift, ranges, new categories).',
    evaluate: byFindings(['feature_drift', 'dataset_drift', 'out_of_range', 'new_category', 'ood_rows'], 'No feature drifted beyond the thresholds.', 'Drifted'),
  },
  {
    id: 'data.upstream-complete',
    group: 'infrastructure',
    title: 'Upstream sources deliver every feature',
    description: 'No null spikes or constant defaults from failed joins, timeouts or dropped fields.',
    evaluate: (r) => {
      const fs = of(r, 'null_spike', 'constant_column').filter((f) => f.severity !== 'info' && !isLabelFinding(r)(f));
      if (fs.some((f) => f.severity === 'critical')) return { status: 'fail', reason: `Missing or defaulted: ${names(fs)}.`, findings: ids(fs) };
      if (fs.length) return { status: 'warn', reason: `Missing or defaulted: ${names(fs)}.`, findings: ids(fs) };
      return { status: 'pass', reason: 'Null rates are stable and no feature became constant.', findings: [] };
    },
  },
  {
    id: 'model.no-fit-on-test',
    group: 'model',
    title: 'No preprocessing was fit on test or production data',
    description: 'Scalers, encoders and imputers are fitted on training data only and loaded at serving time.',
    evaluate: (r) => {
      const fs = of(r, 'restandardized');
      if (fs.length) return { status: 'fail', reason: `Re-standardised in one file: ${names(fs)} (a scaler fitted on other data).`, findings: ids(fs) };
      return { status: 'pass', reason: 'No feature looks re-standardised in one file only.', findings: [] };
    },
  },
  {
    id: 'model.no-leakage',
    group: 'model',
    title: 'The training evaluation is free of leakage',
    description: 'Training and evaluation data are split by time, with no overlapping rows or entities.',
    evaluate: byFindings(['target_leakage', 'time_overlap', 'row_overlap', 'id_overlap', 'future_timestamp'], 'No overlap between the files and no leaky feature.', 'Leakage', (r) => r.leakage !== null),
  },
  {
    id: 'model.label-unchanged',
    group: 'model',
    title: 'The label definition and balance are unchanged',
    description: 'The positive class means the same thing and occurs about as often.',
    evaluate: byFindings(['label_shift'], 'The class balance is stable.', 'Label balance moved', (r) => r.roles.label !== null && r.prod.columns > 0 && r.columns.some((c) => c.name === r.roles.label && c.prod !== null)),
  },
  {
    id: 'measurement.metric-objective',
    group: 'measurement',
    title: 'The metric matches the business objective',
    description: 'The number being compared (accuracy, AUC, MAE) is the one the business cares about.',
    evaluate: (r) => {
      const p = r.performance;
      const t = p?.train as { positiveRate?: number } | null | undefined;
      if (p?.task === 'classification' && t?.positiveRate !== undefined && (t.positiveRate < 0.1 || t.positiveRate > 0.9)) {
        return { status: 'warn', reason: `The label is imbalanced (${(t.positiveRate * 100).toFixed(1)}% positive): accuracy hides failures on the rare class; compare recall, precision or AUC.`, findings: [] };
      }
      return { status: 'unknown', reason: 'Only you can tell whether the metric reflects the business objective.', findings: [] };
    },
  },
  {
    id: 'measurement.comparable-periods',
    group: 'measurement',
    title: 'The periods and segments compared are comparable',
    description: 'Same population mix, a like-for-like season, no partial windows.',
    evaluate: byFindings(['segment_shift', 'temporal_pattern'], 'Segment mix and seasonality look comparable.', 'Not like for like'),
  },
  {
    id: 'measurement.labels-complete',
    group: 'measurement',
    title: 'Production labels are complete (not delayed)',
    description: 'Every production row that is evaluated has its final label.',
    evaluate: (r) => {
      const fs = of(r, 'missing_column', 'null_spike').filter(isLabelFinding(r));
      if (fs.some((f) => f.type === 'missing_column')) return { status: 'fail', reason: 'The production file has no label column.', findings: ids(fs) };
      if (fs.length) return { status: 'warn', reason: 'Many production labels are missing: recent rows may not be labelled yet.', findings: ids(fs) };
      if (!r.roles.label) return { status: 'unknown', reason: 'No label column was found (set one with Change Column Roles).', findings: [] };
      return { status: 'pass', reason: 'Production rows carry labels at the same rate as training rows.', findings: [] };
    },
  },
  {
    id: 'infrastructure.artifacts',
    group: 'infrastructure',
    title: 'Serving loads the training artifacts (scaler, encoders, vocabularies)',
    description: 'The fitted transformers and category vocabularies used in training are the ones serving uses.',
    evaluate: (r) => {
      const fail = of(r, 'restandardized', 'scale_change');
      if (fail.length) return { status: 'fail', reason: `Transformed differently in production: ${names(fail)}.`, findings: ids(fail) };
      const warn = of(r, 'new_category').filter((f) => f.severity !== 'info');
      if (warn.length) return { status: 'warn', reason: `Categories outside the training vocabulary: ${names(warn)}.`, findings: ids(warn) };
      return { status: 'pass', reason: 'No scaling or vocabulary difference was found.', findings: [] };
    },
  },
];
