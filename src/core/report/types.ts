/**
 * The Report: one versioned JSON document that the CLI writes, the worker posts, the webview renders and the
 * post-mortem prints. Every field is plain JSON (numbers, strings, arrays, objects; dates as ISO strings or epoch ms).
 * Bump REPORT_VERSION when a field changes meaning or is removed; adding fields keeps the version's major part.
 */
import type { ColumnKind, FileFormat } from '../io/table';
import type { ColumnProfile } from '../io/profile';

export const REPORT_VERSION = '1.0.0';

export type Severity = 'info' | 'warning' | 'critical';
export type DriftSeverity = 'ok' | 'warning' | 'critical';

/** The fixed vocabulary of finding types (documented in README). */
/** Schema and data-quality findings (the Schema & Quality tab lists these). */
export const SCHEMA_QUALITY_FINDING_TYPES = [
  'missing_column',
  'extra_column',
  'renamed_column',
  'type_change',
  'column_order',
  'null_spike',
  'out_of_range',
  'ood_rows',
  'new_category',
  'constant_column',
] as const;

export const FINDING_TYPES = [
  ...SCHEMA_QUALITY_FINDING_TYPES,
  // drift, labels, predictions, performance
  'feature_drift',
  'dataset_drift',
  'label_shift',
  'prediction_drift',
  'performance_drop',
  // segments and time
  'segment_degradation',
  'segment_shift',
  'temporal_pattern',
  // leakage and skew
  'time_overlap',
  'row_overlap',
  'id_overlap',
  'target_leakage',
  'future_timestamp',
  'entity_skew',
  // cause signatures
  'scale_change',
  'restandardized',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** Which tab and feature a finding is about, so the UI can jump to it. */
export type FindingTarget = 'schema' | 'drift' | 'segments' | 'timeline' | 'leakage' | 'skew' | 'overview';

export interface Finding {
  /** Stable within one report: `<type>:<columns joined by ,>[:<qualifier>]`. Checklist and hypotheses link to it. */
  id: string;
  type: FindingType;
  severity: Severity;
  columns: string[];
  title: string;
  /** Human-readable evidence, one sentence or a few, with the numbers. */
  evidence: string;
  mitigation: string;
  /** Machine-readable numbers behind the evidence (free-form per type, documented in README). */
  data?: Record<string, unknown>;
  target?: FindingTarget;
}

export interface FileInfo {
  path: string;
  format: FileFormat;
  rows: number;
  /** Rows in the file; larger than `rows` when the analyses ran on a sample. */
  totalRows: number;
  columns: number;
  bytes: number;
  warnings: string[];
}

export interface Roles {
  label: string | null;
  prediction: string | null;
  time: string | null;
  id: string | null;
}

export interface RoleGuess {
  roles: Roles;
  /** Why each role was guessed ("name matches 'label'", "0/1 values"), or 'set by user'. */
  reasons: Partial<Record<keyof Roles, string>>;
}

export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
}

export interface Histogram {
  /** Bin edges (numeric) — `edges.length === train.length + 1`; or category labels (categorical). */
  edges?: number[];
  labels?: string[];
  train: number[];
  prod: number[];
}

export interface ColumnDrift {
  ks?: KsResult;
  wasserstein?: number;
  wassersteinNormed?: number;
  psi?: number;
  jensenShannon?: number;
  chiSquare?: ChiSquareResult;
  /** p-value after Benjamini–Hochberg over all drift tests in the report. */
  pValueAdjusted?: number;
  /** The statistic that decided the severity (`psi`, `wassersteinNormed`, `jensenShannon`). */
  test: string;
  /** The deciding statistic's value. */
  score: number;
  severity: DriftSeverity;
  /** For charts: histograms on shared bins (training deciles or a finer grid) / category counts. */
  histogram?: Histogram;
  /** When the statistic ran on a sample, its size per side. */
  sampled?: { train: number; prod: number };
}

export interface ColumnReport {
  name: string;
  kind: ColumnKind;
  /** Role of this column if it has one. */
  role?: keyof Roles;
  train: ColumnProfile | null;
  prod: ColumnProfile | null;
  drift: ColumnDrift | null;
}

export interface ClassificationMetrics {
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number | null;
  positiveRate: number;
  predictedPositiveRate: number;
}

export interface RegressionMetrics {
  n: number;
  mae: number;
  rmse: number;
  meanLabel: number;
  meanPrediction: number;
}

export interface PerformanceSection {
  task: 'classification' | 'regression';
  /** For classification: the threshold applied to a score, when the prediction is a score. */
  threshold?: number;
  positiveClass?: string;
  train: ClassificationMetrics | RegressionMetrics | null;
  prod: ClassificationMetrics | RegressionMetrics | null;
  /** The headline metric (accuracy, auc, mae) and its change prod − train. */
  metric: string;
  delta: number | null;
}

export interface DatasetDriftSection {
  driftedShare: number;
  driftedColumns: string[];
  /** Domain classifier: cross-validated AUC of telling train from prod rows (~0.5 = indistinguishable). */
  classifier: {
    auc: number;
    folds: number;
    sampleSize: number;
    model: string;
    topFeatures: { name: string; importance: number }[];
    /** Production rows the classifier finds least like training (0-based row index in prod, score). */
    mostUnlikeRows: { row: number; score: number; values: Record<string, string | null> }[];
  } | null;
  multipleTesting: { method: 'benjamini-hochberg'; tests: number; alpha: number; rejected: number };
}

export interface QualitySection {
  /** Share of production rows with any numeric feature beyond k training standard deviations. */
  oodRowShare: number;
  /** The same share measured on training rows (the baseline the production share is compared with). */
  trainOodRowShare?: number;
  oodK: number;
}

export interface SchemaSection {
  missing: string[];
  extra: string[];
  renamed: { from: string; to: string; psi: number; ks: number }[];
  typeChanges: { column: string; train: ColumnKind; prod: ColumnKind }[];
  orderChanged: boolean;
}

// ---- segments and time (issue 4) ----

export interface MetricWithCi {
  value: number;
  low: number;
  high: number;
  n: number;
}

export interface SegmentStat {
  /** `column=value` or `a=x & b=y`. */
  slice: string;
  conditions: { column: string; value: string }[];
  trainShare: number;
  prodShare: number;
  trainRows: number;
  prodRows: number;
  metric?: string;
  train?: MetricWithCi | null;
  prod?: MetricWithCi | null;
  gap?: number | null;
  pValue?: number | null;
  pValueAdjusted?: number | null;
  impact?: number | null;
  predictionPsi?: number | null;
  topFeatureDrift?: { column: string; psi: number }[];
  /** `gap` − the whole file's gap: what is specific to this slice (`gap` is prod − train of the metric, so for
   * accuracy negative is worse, for MAE positive is worse; `impact` is the loss × production share, positive = worse). */
  excessGap?: number | null;
  /** A sub-slice that carries most of this slice's loss (this slice is ranked just after it). */
  explainedBy?: string;
  /** Classification with a probability score: ROC AUC of the score inside the slice (null: one class only). */
  auc?: { train: number | null; prod: number | null };
}

export interface SegmentsSection {
  columns: string[];
  metric: string | null;
  segments: SegmentStat[];
  /** Worst slices (singles and pairs), ranked by impact. */
  worst: SegmentStat[];
  slicesTried: number;
  minSupport: number;
  /** Correction of slice p-values for the number of slices tried. */
  correction?: 'bonferroni';
  /** The metric on the whole file, for comparison with each slice. */
  overall?: { train: MetricWithCi | null; prod: MetricWithCi | null };
  /** Rows per file the segments were computed on, when files above segments.maxRows were sampled. */
  sampled?: { train: number; prod: number };
}

export type PatternKind = 'sudden' | 'gradual' | 'seasonal' | 'none';

export interface TimeWindow {
  start: string;
  end: string;
  file: 'train' | 'prod';
  rows: number;
  nullRates: Record<string, number>;
  drift: Record<string, number>;
  predictionMean?: number | null;
  metric?: number | null;
  /** Mean of each numeric feature in the window (the course that the pattern classification reads). */
  means?: Record<string, number>;
}

export interface TimePattern {
  /** A feature, the prediction column, or `metric:<name>` for the model's metric. */
  column: string;
  pattern: PatternKind;
  /** Sudden: start of the first window after the step. */
  changeAt?: string;
  detail: string;
  /** Which per-window series was classified: a feature's mean, a category's share, a feature's null rate, the
   * metric, the prediction mean. */
  series?: 'mean' | 'share' | 'nullRate' | 'metric' | 'prediction';
  /** Size of the change in the series' units (step height, trend over the span, seasonal peak to trough). */
  amplitude?: number;
  /** Seasonal: period in windows. */
  period?: number;
  /** Permutation p-value of the chosen course. */
  pValue?: number;
}

export interface TimelineSection {
  timeColumn: string;
  unit: 'day' | 'week' | 'month';
  windows: TimeWindow[];
  metric: string | null;
  patterns: TimePattern[];
  /** Dated rows left out of every window: stray dates beyond the trimmed range (see timeline.trimShare). */
  outsideRows?: { train: number; prod: number };
  /** The metric's course for the post-mortem, e.g. "accuracy by week: 85% → 75% → 68% → 65%". */
  metricCourse?: string;
}

// ---- leakage and skew (issue 5) ----

export interface LeakageTimeline {
  train: { start: string; end: string } | null;
  prod: { start: string; end: string } | null;
  overlap: { start: string; end: string } | null;
  labelAvailability?: { file: 'train' | 'prod'; start: string; end: string; note: string }[];
  featureDates: {
    column: string;
    train: { start: string; end: string; medianOffsetDays: number | null } | null;
    prod: { start: string; end: string; medianOffsetDays: number | null } | null;
  }[];
}

export interface LeakageSection {
  timeline: LeakageTimeline | null;
  rowOverlapShare: number;
  duplicateRows: { train: number; prod: number };
  idOverlapShare: number | null;
  /** Univariate power per feature, strongest first. `trainAuc` is max(AUC, 1−AUC); `prodAuc` keeps the training
   * orientation (so it can fall below 0.5). */
  featurePower: {
    column: string;
    trainAuc: number;
    prodAuc: number | null;
    /** What carried the power: the values, whether the value is missing, or per-category positive rates. */
    via?: 'values' | 'missingness' | 'categories';
    /** The name suggests a value known only after the outcome. */
    postOutcomeName?: boolean;
  }[];
  /** Columns hashed for row overlap, and whether rows are near-unique (so equal rows are not chance). */
  rowOverlap?: { columns: string[]; prodRowsInTrain: number; rowsUnique: boolean };
  /** Id overlap detail: matched production rows that are exact copies, later snapshots, or otherwise different. */
  idOverlap?: { idColumn: string; prodEntities: number; sharedEntities: number; copies: number; laterSnapshots: number; other: number; prodWithLaterTrainRow: number };
  /** Datetime features dated after the event time: share of rows per file. */
  futureTimestamps?: { column: string; trainShare: number; prodShare: number | null; trainMedianDaysAfter: number | null }[];
}

export interface SkewColumn {
  column: string;
  pairs: number;
  differShare: number;
  medianRatio: number | null;
  medianDiff: number | null;
  direction: 'higher' | 'lower' | 'mixed' | 'same';
  /** Among differing pairs: share where prod > train and prod < train (numeric). */
  higherShare?: number;
  lowerShare?: number;
  /** Share of differing pairs whose ratio is close to the median ratio (a systematic factor gives ~1). */
  ratioTightShare?: number;
  /** Share of pairs where exactly one side is null. */
  nullMismatchShare?: number;
  /** Correlation of the difference with the days between the paired rows (time join only). */
  elapsedCorrelation?: number | null;
  /** Categorical: the commonest changes, `train → prod`, with their share of differing pairs. */
  transitions?: { from: string; to: string; share: number }[];
  /** A named ratio (`7/30`, `1000`) when the median ratio matches one. */
  ratioName?: string;
  /** Median of the whole production column ÷ median of the whole training column (computed when the pair ratio is large). */
  columnMedianRatio?: number | null;
  /** True when this column got an `entity_skew` finding above info. */
  skewed?: boolean;
}

export interface SkewSection {
  idColumn: string;
  joinedOn: string[];
  matchedEntities: number;
  columns: SkewColumn[];
  /** Matched (prod row, train row) pairs, and how they were chosen, in words. */
  pairs?: number;
  joinNote?: string;
}

// ---- diagnosis and checklist (issue 6) ----

export type HypothesisKind =
  | 'covariate_shift'
  | 'concept_drift'
  | 'label_shift'
  | 'pipeline_skew'
  | 'schema_change'
  | 'training_leakage'
  | 'population_change'
  | 'measurement_problem';

export type Confidence = 'low' | 'medium' | 'high';

export interface Hypothesis {
  kind: HypothesisKind;
  title: string;
  /** 0..1, how it is computed is documented in README. */
  score: number;
  confidence: Confidence;
  supporting: string[];
  against: string[];
  confirm: string;
  mitigation: string;
  columns: string[];
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';
export type CheckGroup = 'deployment' | 'data' | 'model' | 'measurement' | 'infrastructure';

export interface ChecklistItem {
  id: string;
  group: CheckGroup;
  title: string;
  description: string;
  auto: CheckStatus;
  /** Why the automatic status was chosen. */
  reason: string;
  findings: string[];
  /** Filled in by the user (the extension merges them in from saved state). */
  user?: { checked: boolean; note: string };
}

export interface Summary {
  verdict: 'healthy' | 'degraded' | 'broken';
  headline: string;
  counts: Record<Severity, number>;
  driftedColumns: number;
  sharedColumns: number;
}

export interface Report {
  version: string;
  generatedAt: string;
  tool: { name: 'prodgap'; version: string };
  train: FileInfo;
  prod: FileInfo;
  roles: Roles;
  roleReasons: RoleGuess['reasons'];
  options: Record<string, unknown>;
  columns: ColumnReport[];
  schema: SchemaSection;
  quality: QualitySection;
  datasetDrift: DatasetDriftSection | null;
  performance: PerformanceSection | null;
  segments: SegmentsSection | null;
  timeline: TimelineSection | null;
  leakage: LeakageSection | null;
  skew: SkewSection | null;
  hypotheses: Hypothesis[];
  checklist: ChecklistItem[];
  findings: Finding[];
  summary: Summary;
  /** Notes the user attached in the editor, keyed by what they annotate (`finding:<id>`, `check:<id>`, `chart:<id>`). */
  notes?: Record<string, string>;
}

// ---- what the user adds in the editor (issue 7) ----

/** A user's tick and note on one checklist item. */
export interface UserCheck {
  checked: boolean;
  note: string;
}

/**
 * What the user added to an investigation of one file pair: ticks and notes. It lives apart from the Report so a
 * re-analysis never loses it; the extension persists it per pair and the post-mortem prints it next to what it
 * annotates. `checks` is keyed by checklist item id; `notes` by `finding:<id>` or `chart:<id>` (a `check:<id>` note
 * is stored as `checks[id].note`).
 */
export interface UserState {
  checks: Record<string, UserCheck>;
  notes: Record<string, string>;
}
