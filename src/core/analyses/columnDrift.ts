/**
 * Drift statistics of one column pair. Numeric: KS, Wasserstein (and ÷ training std), PSI and Jensen–Shannon on
 * bins cut at training quantiles. Categorical: chi-square on the contingency table, PSI and JS over the union of
 * categories. Severity comes from effect size (PSI, normed Wasserstein, JS); significance is applied later, after the
 * Benjamini–Hochberg correction across all columns (see drift.ts), because with a million rows every p-value is ~0.
 */
import { isNumeric, type Column, type NumericColumn, type StringColumn } from '../io/table';
import type { DriftOptions } from '../options';
import type { ColumnDrift, DriftSeverity, Histogram } from '../report/types';
import { binCounts, quantileEdgesSorted } from '../stats/binning';
import { chiSquareContingency } from '../stats/chiSquare';
import { jensenShannon } from '../stats/jensenShannon';
import { ksTwoSampleSorted } from '../stats/ks';
import { psi } from '../stats/psi';
import { mulberry32, sampleIndices } from '../stats/random';
import { wassersteinSorted } from '../stats/wasserstein';
import { std } from '../stats/descriptive';
import { sortedPresent } from '../stats/sortedPresent';

/** Bins of the chart histograms (equal width over the central 99% of both files). */
const CHART_BINS = 30;
/** Categories drawn in a chart; the rest are summed into "(other)". */
const CHART_CATEGORIES = 20;

export function severityOf(value: number, warning: number, critical: number): DriftSeverity {
  return value >= critical ? 'critical' : value >= warning ? 'warning' : 'ok';
}

const RANK: Record<DriftSeverity, number> = { ok: 0, warning: 1, critical: 2 };

/**
 * Non-null values, sorted ascending; above `max` a seeded uniform sample of them. Sampling sorted data at sorted
 * random indices keeps it sorted, so the (cached) full sort is the only sort.
 */
export function sortedValues(c: NumericColumn, max: number, seed: number): { values: Float64Array; sampled: boolean } {
  const all = sortedPresent(c.values);
  if (max <= 0 || all.length <= max) return { values: all, sampled: false };
  const idx = sampleIndices(all.length, max, mulberry32(seed));
  const s = new Float64Array(max);
  for (let k = 0; k < max; k++) s[k] = all[idx[k]];
  return { values: s, sampled: true };
}

function quantileOfSorted(s: Float64Array, p: number): number {
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

function chartHistogram(a: Float64Array, b: Float64Array): Histogram {
  let lo = Math.min(quantileOfSorted(a, 0.005), quantileOfSorted(b, 0.005));
  let hi = Math.max(quantileOfSorted(a, 0.995), quantileOfSorted(b, 0.995));
  if (!(hi > lo)) {
    lo = Math.min(a[0] ?? 0, b[0] ?? 0);
    hi = Math.max(a[a.length - 1] ?? 0, b[b.length - 1] ?? 0);
    if (!(hi > lo)) hi = lo + 1;
  }
  const width = (hi - lo) / CHART_BINS;
  const edges: number[] = [];
  for (let i = 0; i <= CHART_BINS; i++) edges.push(lo + i * width);
  const count = (s: Float64Array) => {
    const out = new Array<number>(CHART_BINS).fill(0);
    for (let i = 0; i < s.length; i++) {
      // Values outside the central range are clamped into the end bins, so nothing disappears from the chart.
      const k = Math.min(CHART_BINS - 1, Math.max(0, Math.floor((s[i] - lo) / width)));
      out[k]++;
    }
    return out;
  };
  return { edges, train: count(a), prod: count(b) };
}

/** Drift of a numeric (or boolean or datetime) column pair. Returns null when either side has no values. */
export function numericDrift(train: NumericColumn, prod: NumericColumn, o: DriftOptions, seed: number): ColumnDrift | null {
  const ta = sortedValues(train, o.exactMaxValues, seed);
  const pa = sortedValues(prod, o.exactMaxValues, seed + 1);
  const a = ta.values;
  const b = pa.values;
  if (a.length === 0 || b.length === 0) return null;
  const ks = ksTwoSampleSorted(a, b);
  const w = wassersteinSorted(a, b);
  const sd = a.length > 1 ? std(a) : 0;
  // A constant training column has no spread to normalise by: any movement at all is then infinitely large.
  const wn = sd > 0 ? w / sd : w === 0 ? 0 : Number.POSITIVE_INFINITY;
  const edges = quantileEdgesSorted(a, o.bins);
  const tc = binCounts(a, edges);
  const pc = binCounts(b, edges);
  const p = psi(tc, pc, o.epsilon);
  const js = jensenShannon(tc, pc, o.epsilon);
  const sPsi = severityOf(p, o.psiWarning, o.psiCritical);
  const sW = severityOf(wn, o.wassersteinWarning, o.wassersteinCritical);
  const usePsi = RANK[sPsi] >= RANK[sW];
  const drift: ColumnDrift = {
    ks: { statistic: ks.statistic, pValue: ks.pValue, method: ks.method },
    wasserstein: w,
    wassersteinNormed: wn,
    psi: p,
    jensenShannon: js,
    test: usePsi ? 'psi' : 'wassersteinNormed',
    score: usePsi ? p : wn,
    severity: usePsi ? sPsi : sW,
    histogram: chartHistogram(a, b),
  };
  if (ta.sampled || pa.sampled) drift.sampled = { train: a.length, prod: b.length };
  return drift;
}

/** Category counts by value text (codes differ between files, values do not). */
export function categoryCounts(c: StringColumn): Map<string, number> {
  const byCode = new Float64Array(c.dictionary.length);
  for (let i = 0; i < c.codes.length; i++) if (c.codes[i] >= 0) byCode[c.codes[i]]++;
  const out = new Map<string, number>();
  for (let k = 0; k < byCode.length; k++) if (byCode[k] > 0) out.set(c.dictionary[k], (out.get(c.dictionary[k]) ?? 0) + byCode[k]);
  return out;
}

/** Drift of a categorical column pair over the union of categories. */
export function categoricalDrift(train: StringColumn, prod: StringColumn, o: DriftOptions): ColumnDrift | null {
  const tc = categoryCounts(train);
  const pc = categoryCounts(prod);
  if (tc.size === 0 || pc.size === 0) return null;
  const labels = [...new Set([...tc.keys(), ...pc.keys()])].sort((x, y) => (tc.get(y) ?? 0) + (pc.get(y) ?? 0) - (tc.get(x) ?? 0) - (pc.get(x) ?? 0));
  const t = labels.map((l) => tc.get(l) ?? 0);
  const p = labels.map((l) => pc.get(l) ?? 0);
  const chi = labels.length > 1 ? chiSquareContingency([t, p]) : { statistic: 0, pValue: 1, dof: 0 };
  const ps = psi(t, p, o.epsilon);
  const js = jensenShannon(t, p, o.epsilon);
  const sPsi = severityOf(ps, o.psiWarning, o.psiCritical);
  const sJs = severityOf(js, o.jsWarning, o.jsCritical);
  const usePsi = RANK[sPsi] >= RANK[sJs];
  let hist: Histogram = { labels, train: t, prod: p };
  if (labels.length > CHART_CATEGORIES) {
    const keep = CHART_CATEGORIES - 1;
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    hist = {
      labels: [...labels.slice(0, keep), '(other)'],
      train: [...t.slice(0, keep), sum(t.slice(keep))],
      prod: [...p.slice(0, keep), sum(p.slice(keep))],
    };
  }
  return {
    chiSquare: { statistic: chi.statistic, pValue: chi.pValue, dof: chi.dof },
    psi: ps,
    jensenShannon: js,
    test: usePsi ? 'psi' : 'jensenShannon',
    score: usePsi ? ps : js,
    severity: usePsi ? sPsi : sJs,
    histogram: hist,
  };
}

/** Drift for any column pair of compatible kinds; null for text/id columns or incompatible kinds. */
export function columnDrift(train: Column, prod: Column, o: DriftOptions, seed: number): ColumnDrift | null {
  if (isNumeric(train) && isNumeric(prod)) return numericDrift(train, prod, o, seed);
  if (!isNumeric(train) && !isNumeric(prod) && train.kind === 'categorical' && prod.kind !== 'id') {
    return categoricalDrift(train, prod, o);
  }
  return null;
}

/** The p-value a drift's significance rests on (KS for numeric, chi-square for categorical). */
export function driftPValue(d: ColumnDrift): number | undefined {
  return d.ks?.pValue ?? d.chiSquare?.pValue;
}

export function moreSevere(a: DriftSeverity, b: DriftSeverity): DriftSeverity {
  return RANK[a] >= RANK[b] ? a : b;
}
