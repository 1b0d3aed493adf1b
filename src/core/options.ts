/**
 * Every threshold the analyses use, in one plain object per analysis. The extension maps its settings onto these;
 * the CLI takes the defaults (or a --config JSON). No threshold is a literal buried in an analysis.
 */
import { readDefaults, type ReadOptions } from './io/readOptions';

export interface DriftOptions {
  /** PSI at or above which a feature is a warning / critical (common practice: 0.1 / 0.25). */
  psiWarning: number;
  psiCritical: number;
  /** Wasserstein distance ÷ training std at or above which a feature is a warning / critical. */
  wassersteinWarning: number;
  wassersteinCritical: number;
  /** Jensen–Shannon distance (base 2) thresholds, used for categorical features. */
  jsWarning: number;
  jsCritical: number;
  /** Significance level after Benjamini–Hochberg; a drift is only flagged when also significant. */
  alpha: number;
  /** Floor for empty-bin proportions in PSI and JS (so ln(0) never happens). */
  epsilon: number;
  /** Bins for PSI/JS: cut at training quantiles (10 = deciles). */
  bins: number;
  /** KS and Wasserstein use at most this many values per side (uniform sample above it; the Report says so). */
  exactMaxValues: number;
  /** Share of drifted features at or above which the dataset has drifted. */
  datasetDriftShare: number;
  /** Domain classifier: rows sampled per side, CV folds. */
  classifierSample: number;
  classifierFolds: number;
  /** Domain-classifier AUC at or above which dataset drift is a warning / critical. */
  classifierAucWarning: number;
  classifierAucCritical: number;
}

export interface QualityOptions {
  /** Null-rate increase (absolute, prod − train) that is a warning / critical. */
  nullSpikeWarning: number;
  nullSpikeCritical: number;
  /** A production row is out-of-distribution when any numeric feature is beyond k training std from the mean. */
  oodK: number;
  /** Share of production values outside the training range that is a warning / critical. */
  outOfRangeWarning: number;
  outOfRangeCritical: number;
  /** Share of production rows in categories never seen in training that is a warning / critical. */
  newCategoryWarning: number;
  newCategoryCritical: number;
  /** Rename: a missing and an extra column match when PSI and KS are both below these. */
  renameMaxPsi: number;
  renameMaxKs: number;
}

export interface PerformanceOptions {
  /** Threshold turning a score into a class when the prediction is a probability. */
  threshold: number;
  /** Drop of the headline metric (absolute) that is a warning / critical. */
  dropWarning: number;
  dropCritical: number;
  /** Change of the positive rate (absolute) that is a label shift warning / critical. */
  labelShiftWarning: number;
  labelShiftCritical: number;
}

export interface SegmentOptions {
  /** Numeric columns are cut into this many quantile bins to form segments. */
  numericBins: number;
  /** Categorical columns with more categories than this are not segmented (top ones kept). */
  maxCategories: number;
  /** A slice needs at least this many rows in each file (and this share of prod) to be reported. */
  minSupport: number;
  minSupportShare: number;
  /** Family-wise significance after (Bonferroni) correction for the number of slices tried. 0.01 rather than 0.05:
   * the check runs on every batch, and at 0.05 one clean pair in twenty would show a false slice. */
  alpha: number;
  /** Metric gap (absolute) for a segment_degradation warning / critical. */
  gapWarning: number;
  gapCritical: number;
  /** Share change (absolute) for a segment_shift warning / critical. */
  shiftWarning: number;
  shiftCritical: number;
  /** Search pairs of conditions too. */
  pairs: boolean;
  /** Pairs are searched over at most this many columns (those with the worst single-condition gaps). */
  maxPairColumns: number;
  /** A slice whose loss is at least this share carried by one of its sub-slices is ranked after that sub-slice. */
  explainShare: number;
  /** Length of the ranked list of worst slices. */
  topSlices: number;
  /** Most drifted features listed inside each segment. */
  topFeatures: number;
  /** Drift inside segments is computed on a seeded sample of at most this many rows per file (it is descriptive). */
  insideDriftRows: number;
  /** Confidence level of the per-segment metric intervals (descriptive, so the usual 95%, not the test's alpha). */
  ciLevel: number;
  /** Above this many rows per file, segments and slices are computed on a seeded uniform sample of this size. */
  maxRows: number;
}

export interface TimelineOptions {
  /** 'auto' picks day/week/month so that there are 8–60 windows. */
  window: 'auto' | 'day' | 'week' | 'month';
  minWindows: number;
  maxWindows: number;
  /** Per-window PSI against the whole training file above which a window counts as drifted. */
  windowPsi: number;
  /** Windows with fewer rows than this are left out of the course classification (too noisy). */
  minWindowRows: number;
  /** Permutations behind the p-value of a course (step, trend, season) against shuffled windows. */
  permutations: number;
  /** Significance level of a course against its permutation distribution. */
  alpha: number;
  /** When no calendar unit fits the full time range (stray dates), windows cover the trimShare…1−trimShare quantiles. */
  trimShare: number;
}

export interface LeakageOptions {
  /** Univariate AUC (|AUC−0.5|+0.5) in training at or above which a feature is suspicious. */
  leakAuc: number;
  /** …and it must lose at least this much AUC in production (when prod has labels). */
  leakAucDrop: number;
  /** Share of production rows dated before the last training date that is a warning / critical. */
  overlapWarning: number;
  overlapCritical: number;
  /** Share of rows with a feature date after the event time that is a warning / critical. */
  futureWarning: number;
  futureCritical: number;
  rowOverlapWarning: number;
  /** A suspicious feature must beat the best unsuspicious one (AUC below leakAuc) by at least this much AUC. */
  leakAucGap: number;
  /** Univariate AUC needs at least this many rows of each class (fewer: not computed). */
  leakMinRows: number;
  /** A feature with a post-outcome name is only noted (info) when its training AUC is below this. */
  namedMinAuc: number;
  /** Univariate AUCs use at most this many rows per file (a seeded uniform sample above it). */
  aucMaxRows: number;
  /** Categorical AUC: per-category positive rates are shrunk toward the overall rate with this many pseudo-rows. */
  categorySmoothing: number;
  /** Share of production rows that are exact copies of a training row of the same id: warning / critical. */
  idCopyWarning: number;
  idCopyCritical: number;
}

export interface SkewOptions {
  /** Two values of one entity's feature differ when their relative difference exceeds this. */
  relativeTolerance: number;
  /** Share of matched pairs that differ for a warning / critical. */
  differWarning: number;
  differCritical: number;
  /** At least this many matched entities are needed to say anything. */
  minPairs: number;
  /** A direction is consistent when at least this share of the differing pairs moves the same way. */
  consistentShare: number;
  /** A consistent shift is skew when the median ratio prod/train is beyond this factor (either way)… */
  minRatio: number;
  /** …or when at least this share of differing pairs sits within ±relativeTolerance·10 of the median ratio. */
  tightShare: number;
  /** |correlation| of the difference with the days between the paired rows above which change is elapsed time. */
  elapsedCorrelation: number;
  /** The median ratio is named after a window or unit factor (7/30, 1000) when within this relative distance. */
  ratioNameTolerance: number;
  /** At most this many matched pairs are compared (a seeded uniform sample above it). */
  maxPairs: number;
}

export interface SignatureOptions {
  /** Slope a of prod ≈ a·train + b must be at least this far from 1 (as a ratio) to be a scale change. */
  minScaleRatio: number;
  /** Quantile-fit R² needed to call it linear. */
  minR2: number;
  /** A slope within this relative distance of a known unit factor (1000, 2.54, 60…) is named as that factor. */
  unitFactorTolerance: number;
  /** Segment-only scale changes: each category of a categorical column needs this many rows in both files. */
  segmentMinRows: number;
  /** Categorical columns with more categories than this are not searched for segment-only scale changes. */
  segmentMaxCategories: number;
  /** A file is standardized when |mean| and |std − 1| are both within this… */
  standardTolerance: number;
  /** …and exactly standardized (a scaler fit on that very file) within this. */
  exactTolerance: number;
  /** Share of non-null strings that must parse as number+unit to call a string column numeric-with-units. */
  unitParseShare: number;
  /** Quantile fits use at most this many values per file (a seeded uniform sample above it; moments use all). */
  fitMaxValues: number;
}

export interface AnalysisOptions {
  read: ReadOptions;
  drift: DriftOptions;
  quality: QualityOptions;
  performance: PerformanceOptions;
  segments: SegmentOptions;
  timeline: TimelineOptions;
  leakage: LeakageOptions;
  skew: SkewOptions;
  signatures: SignatureOptions;
  /** Seed for every sample and every randomised step, so a report is reproducible. */
  seed: number;
}

export const defaultOptions: AnalysisOptions = {
  read: readDefaults,
  drift: {
    psiWarning: 0.1,
    psiCritical: 0.25,
    wassersteinWarning: 0.1,
    wassersteinCritical: 0.25,
    jsWarning: 0.1,
    jsCritical: 0.2,
    alpha: 0.05,
    epsilon: 1e-4,
    bins: 10,
    exactMaxValues: 2_000_000,
    datasetDriftShare: 0.3,
    classifierSample: 5000,
    classifierFolds: 5,
    classifierAucWarning: 0.6,
    classifierAucCritical: 0.75,
  },
  quality: {
    nullSpikeWarning: 0.05,
    nullSpikeCritical: 0.2,
    oodK: 4,
    outOfRangeWarning: 0.01,
    outOfRangeCritical: 0.1,
    newCategoryWarning: 0.01,
    newCategoryCritical: 0.05,
    renameMaxPsi: 0.02,
    renameMaxKs: 0.03,
  },
  performance: {
    threshold: 0.5,
    dropWarning: 0.03,
    dropCritical: 0.1,
    labelShiftWarning: 0.05,
    labelShiftCritical: 0.15,
  },
  segments: {
    numericBins: 4,
    maxCategories: 30,
    minSupport: 100,
    minSupportShare: 0.01,
    alpha: 0.01,
    gapWarning: 0.05,
    gapCritical: 0.15,
    shiftWarning: 0.1,
    shiftCritical: 0.25,
    pairs: true,
    maxPairColumns: 25,
    explainShare: 0.8,
    topSlices: 10,
    topFeatures: 3,
    insideDriftRows: 20_000,
    ciLevel: 0.95,
    maxRows: 500_000,
  },
  timeline: {
    window: 'auto',
    minWindows: 8,
    maxWindows: 60,
    windowPsi: 0.25,
    minWindowRows: 30,
    permutations: 199,
    alpha: 0.01,
    trimShare: 0.001,
  },
  leakage: {
    leakAuc: 0.9,
    leakAucDrop: 0.15,
    overlapWarning: 0.01,
    overlapCritical: 0.1,
    futureWarning: 0.01,
    futureCritical: 0.1,
    rowOverlapWarning: 0.01,
    leakAucGap: 0.1,
    leakMinRows: 30,
    namedMinAuc: 0.6,
    aucMaxRows: 200_000,
    categorySmoothing: 10,
    idCopyWarning: 0.01,
    idCopyCritical: 0.1,
  },
  skew: {
    relativeTolerance: 0.01,
    differWarning: 0.1,
    differCritical: 0.3,
    minPairs: 30,
    consistentShare: 0.8,
    minRatio: 1.25,
    tightShare: 0.6,
    elapsedCorrelation: 0.7,
    ratioNameTolerance: 0.15,
    maxPairs: 200_000,
  },
  signatures: {
    minScaleRatio: 2,
    minR2: 0.98,
    unitFactorTolerance: 0.05,
    segmentMinRows: 200,
    segmentMaxCategories: 30,
    standardTolerance: 0.05,
    exactTolerance: 1e-6,
    unitParseShare: 0.9,
    fitMaxValues: 200_000,
  },
  seed: 42,
};

/** Deep-merge user overrides (from settings or --config) onto the defaults; unknown keys are ignored. */
export function withOptions(over: DeepPartial<AnalysisOptions> | undefined): AnalysisOptions {
  const out = structuredClone({ ...defaultOptions, read: { ...defaultOptions.read, onProgress: undefined, isCancelled: undefined } }) as AnalysisOptions;
  if (!over) return out;
  for (const key of Object.keys(out) as (keyof AnalysisOptions)[]) {
    const v = over[key];
    if (v === undefined) continue;
    if (typeof out[key] === 'object' && out[key] !== null && typeof v === 'object') {
      Object.assign(out[key] as object, v);
    } else {
      (out as unknown as Record<string, unknown>)[key] = v;
    }
  }
  return out;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
