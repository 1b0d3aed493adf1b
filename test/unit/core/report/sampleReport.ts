/**
 * A small hand-built Report for chart snapshot tests and the webview preview harness. It is not produced by the
 * engine: it exists so the renderers can be exercised before (and independently of) the analyses, and it carries
 * hostile names on purpose — a column named `<img src=x onerror=alert(1)>` and a category `<script>alert(1)</script>`
 * — so every renderer is seen to treat dataset strings as text.
 */
import type { ColumnProfile } from '../../../../src/core/io/profile';
import type { ColumnReport, Report } from '../../../../src/core/report/types';

export const HOSTILE_COLUMN = '<img src=x onerror=alert(1)>';
export const HOSTILE_CATEGORY = '<script>alert(1)</script>';

function numericProfile(name: string, rows: number, nulls: number, mean: number, std: number): ColumnProfile {
  return {
    name,
    kind: 'numeric',
    rows,
    nulls,
    nullRate: nulls / rows,
    numeric: {
      count: rows - nulls,
      min: mean - 3 * std,
      max: mean + 3 * std,
      mean,
      std,
      m2: std * std * (rows - nulls - 1),
      zeros: 0,
      integer: false,
      quantiles: { p01: mean - 2.3 * std, p50: mean, p99: mean + 2.3 * std },
      sketch: { k: 8, levels: [], n: rows - nulls },
    },
  };
}

function categoryProfile(name: string, rows: number, nulls: number, counts: Record<string, number>): ColumnProfile {
  const top = Object.entries(counts)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count);
  return {
    name,
    kind: 'categorical',
    rows,
    nulls,
    nullRate: nulls / rows,
    categories: { cardinality: top.length, top, counts, truncated: false },
  };
}

const ageColumn: ColumnReport = {
  name: 'age',
  kind: 'numeric',
  train: numericProfile('age', 1000, 0, 40, 10),
  prod: numericProfile('age', 800, 8, 47, 11),
  drift: {
    ks: { statistic: 0.31, pValue: 1e-12, method: 'asymptotic' },
    wasserstein: 7.1,
    wassersteinNormed: 0.71,
    psi: 0.42,
    jensenShannon: 0.28,
    pValueAdjusted: 3e-12,
    test: 'psi',
    score: 0.42,
    severity: 'critical',
    histogram: {
      edges: [10, 27, 32, 35, 38, 40, 42, 45, 48, 53, 70],
      train: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
      prod: [20, 30, 40, 50, 60, 70, 90, 120, 140, 172],
    },
  },
};

const hostileColumn: ColumnReport = {
  name: HOSTILE_COLUMN,
  kind: 'numeric',
  train: numericProfile(HOSTILE_COLUMN, 1000, 10, 0, 1),
  prod: numericProfile(HOSTILE_COLUMN, 800, 200, 0.02, 1),
  drift: {
    ks: { statistic: 0.02, pValue: 0.8, method: 'asymptotic' },
    wasserstein: 0.03,
    wassersteinNormed: 0.03,
    psi: 0.01,
    jensenShannon: 0.04,
    pValueAdjusted: 0.8,
    test: 'psi',
    score: 0.01,
    severity: 'ok',
    histogram: {
      edges: [-3, -1, 0, 1, 3],
      train: [160, 330, 340, 160],
      prod: [120, 240, 120, 120],
    },
  },
};

const cityColumn: ColumnReport = {
  name: 'city',
  kind: 'categorical',
  train: categoryProfile('city', 1000, 0, { paris: 500, lyon: 300, nice: 200 }),
  prod: categoryProfile('city', 800, 0, { paris: 300, lyon: 200, nice: 100, [HOSTILE_CATEGORY]: 200 }),
  drift: {
    chiSquare: { statistic: 260.5, pValue: 1e-40, dof: 3 },
    psi: 1.9,
    jensenShannon: 0.36,
    pValueAdjusted: 4e-40,
    test: 'jensenShannon',
    score: 0.36,
    severity: 'critical',
    histogram: {
      labels: ['paris', 'lyon', 'nice', HOSTILE_CATEGORY],
      train: [500, 300, 200, 0],
      prod: [300, 200, 100, 200],
    },
  },
};

const labelColumn: ColumnReport = {
  name: 'churned',
  kind: 'boolean',
  role: 'label',
  train: numericProfile('churned', 1000, 0, 0.2, 0.4),
  prod: numericProfile('churned', 800, 0, 0.3, 0.46),
  drift: null,
};

/** Two daily windows per file, enough for the line charts to have something to draw. */
function windows(): Report['timeline'] {
  const day = (d: number) => new Date(Date.UTC(2024, 0, d)).toISOString();
  return {
    timeColumn: 'ts',
    unit: 'day',
    metric: 'accuracy',
    windows: [
      { start: day(1), end: day(2), file: 'train', rows: 500, nullRates: {}, drift: { age: 0.01, city: 0.02 }, metric: 0.9 },
      { start: day(2), end: day(3), file: 'train', rows: 500, nullRates: {}, drift: { age: 0.02, city: 0.01 }, metric: 0.91 },
      { start: day(10), end: day(11), file: 'prod', rows: 400, nullRates: {}, drift: { age: 0.3, city: 0.4 }, metric: 0.8 },
      { start: day(11), end: day(12), file: 'prod', rows: 400, nullRates: {}, drift: { age: 0.5, city: 0.45 }, metric: 0.74 },
    ],
    patterns: [{ column: 'age', pattern: 'sudden', changeAt: day(10), detail: 'jump at the start of production' }],
  };
}

export function sampleReport(): Report {
  return {
    version: '1.0.0',
    generatedAt: '2024-02-01T00:00:00.000Z',
    tool: { name: 'prodgap', version: '0.1.0' },
    train: { path: '/data/train.csv', format: 'csv', rows: 1000, totalRows: 1000, columns: 5, bytes: 40_000, warnings: [] },
    prod: { path: '/data/prod.csv', format: 'csv', rows: 800, totalRows: 800, columns: 5, bytes: 32_000, warnings: [] },
    roles: { label: 'churned', prediction: 'score', time: 'ts', id: null },
    roleReasons: { label: "name matches 'churn'", prediction: "name matches 'score'", time: 'ISO dates' },
    options: {},
    columns: [ageColumn, cityColumn, hostileColumn, labelColumn],
    schema: { missing: ['income'], extra: ['income_k'], renamed: [], typeChanges: [], orderChanged: false },
    quality: { oodRowShare: 0.04, oodK: 4 },
    datasetDrift: null,
    performance: {
      task: 'classification',
      threshold: 0.5,
      train: { n: 1000, accuracy: 0.9, precision: 0.8, recall: 0.7, f1: 0.75, auc: 0.93, positiveRate: 0.2, predictedPositiveRate: 0.19 },
      prod: { n: 800, accuracy: 0.77, precision: 0.6, recall: 0.5, f1: 0.55, auc: 0.81, positiveRate: 0.3, predictedPositiveRate: 0.2 },
      metric: 'accuracy',
      delta: -0.13,
    },
    segments: {
      columns: ['city'],
      metric: 'accuracy',
      minSupport: 100,
      slicesTried: 4,
      segments: [
        seg('city', 'paris', 0.5, 0.375, 0.92, 0.85),
        seg('city', 'lyon', 0.3, 0.25, 0.9, 0.84),
        seg('city', 'nice', 0.2, 0.125, 0.88, 0.8),
        seg('city', HOSTILE_CATEGORY, 0, 0.25, null, 0.55),
      ],
      worst: [seg('city', HOSTILE_CATEGORY, 0, 0.25, null, 0.55)],
    },
    timeline: windows(),
    leakage: {
      timeline: {
        train: { start: '2024-01-01T00:00:00.000Z', end: '2024-01-03T00:00:00.000Z' },
        prod: { start: '2024-01-02T12:00:00.000Z', end: '2024-01-12T00:00:00.000Z' },
        overlap: { start: '2024-01-02T12:00:00.000Z', end: '2024-01-03T00:00:00.000Z' },
        featureDates: [
          {
            column: 'last_login',
            train: { start: '2023-12-01T00:00:00.000Z', end: '2024-01-05T00:00:00.000Z', medianOffsetDays: 2 },
            prod: { start: '2024-01-01T00:00:00.000Z', end: '2024-01-11T00:00:00.000Z', medianOffsetDays: -1 },
          },
        ],
      },
      rowOverlapShare: 0,
      duplicateRows: { train: 0, prod: 0 },
      idOverlapShare: null,
      featurePower: [],
    },
    skew: null,
    hypotheses: [
      {
        kind: 'population_change',
        title: 'A new city appeared in production',
        score: 0.8,
        confidence: 'high',
        supporting: ['new_category:city', 'feature_drift:city'],
        against: [],
        confirm: 'Check where the new city comes from.',
        mitigation: 'Retrain with recent data that includes the new city.',
        columns: ['city'],
      },
    ],
    checklist: [
      {
        id: 'schema-match',
        group: 'data',
        title: 'Columns match between training and production',
        description: 'Every training feature exists in production under the same name and type.',
        auto: 'fail',
        reason: '1 column missing in production',
        findings: ['missing_column:income'],
      },
      {
        id: 'time-split',
        group: 'deployment',
        title: 'Training ends before production starts',
        description: 'No production row is dated inside the training window.',
        auto: 'warn',
        reason: 'Production starts 12 hours before training ends',
        findings: ['time_overlap:ts'],
      },
    ],
    findings: [
      finding('new_category', 'critical', ['city'], 'New category in city', `25% of production rows have city = ${HOSTILE_CATEGORY}, unseen in training.`, 'schema'),
      finding('feature_drift', 'critical', ['city'], 'city drifted', 'JS distance 0.36 (critical ≥ 0.2).', 'drift'),
      finding('feature_drift', 'critical', ['age'], 'age drifted', 'PSI 0.42 (critical ≥ 0.25).', 'drift'),
      finding('null_spike', 'warning', [HOSTILE_COLUMN], `Null spike in ${HOSTILE_COLUMN}`, 'Null rate 1% → 25%.', 'schema'),
      finding('missing_column', 'warning', ['income'], 'income is missing in production', 'Present in training only.', 'schema'),
      finding('time_overlap', 'warning', ['ts'], 'Training and production windows overlap', '12 hours of overlap.', 'leakage'),
    ],
    summary: {
      verdict: 'degraded',
      headline: 'Accuracy fell 0.90 → 0.77; city and age drifted, a new city appeared.',
      counts: { info: 0, warning: 3, critical: 3 },
      driftedColumns: 2,
      sharedColumns: 4,
    },
  };
}

function seg(column: string, value: string, trainShare: number, prodShare: number, train: number | null, prod: number) {
  const ci = (v: number, n: number) => ({ value: v, low: v - 0.03, high: v + 0.03, n });
  return {
    slice: `${column}=${value}`,
    conditions: [{ column, value }],
    trainShare,
    prodShare,
    trainRows: Math.round(trainShare * 1000),
    prodRows: Math.round(prodShare * 800),
    metric: 'accuracy',
    train: train === null ? null : ci(train, Math.round(trainShare * 1000)),
    prod: ci(prod, Math.round(prodShare * 800)),
    gap: train === null ? null : prod - train,
    pValue: 0.01,
    pValueAdjusted: 0.04,
    impact: prodShare * (train === null ? 0.3 : train - prod),
  };
}

function finding(
  type: Report['findings'][number]['type'],
  severity: Report['findings'][number]['severity'],
  columns: string[],
  title: string,
  evidence: string,
  target: Report['findings'][number]['target'],
): Report['findings'][number] {
  return { id: `${type}:${columns.join(',')}`, type, severity, columns, title, evidence, mitigation: 'Investigate the source.', target };
}
