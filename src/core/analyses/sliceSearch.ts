/**
 * Slice finding: which single conditions (`region=EU`) and pairs of conditions from different columns
 * (`region=EU & device=mobile`) lost the most metric from train to prod.
 *
 * Each slice is tested (two-proportion z for accuracy, Welch z for MAE) and the p-values are Bonferroni-corrected over
 * every slice tested — family-wise, because the list is read as "these slices really broke", and one false slice at
 * the top sends an engineer down the wrong path. `impact` = loss × production share is about the share of all
 * production rows that the slice's loss costs.
 *
 * The list ranks by the part of that impact beyond the whole file's loss, (loss − overall loss) × share, and keeps
 * only slices whose loss exceeds the whole file's by gapWarning: when the whole file drops 30 pts, every slice
 * holding most rows has a large impact and says nothing; the slice that lost 50 pts is the lead. When the whole file
 * barely moves, the two rankings agree.
 *
 * Impact ties a slice with every superset of it (EU&mobile lost 45 pts on 10% of rows; EU, 30% of rows, lost
 * 15 pts because of it: same impact). So a slice whose loss is carried (≥ explainShare) by one of its sub-slices is
 * marked `explainedBy` and ranked right after it: the list then names where the loss lives, not where it is diluted.
 *
 * Pairs are scanned column pair by column pair, one pass over the rows each, accumulating (rows, n, Σ, Σ²) per cell
 * of the two columns' codes: O(rows × column pairs), independent of how many conditions the columns hold.
 */
import type { SegmentOptions } from '../options';
import type { BinnedColumn } from './binnedColumns';
import { degradation, type SliceMetricKind, type Sums } from './sliceMetric';

export interface Condition {
  /** Index into the searched columns. */
  col: number;
  bin: number;
}

export interface Slice {
  conditions: Condition[];
  train: Sums;
  prod: Sums;
  trainShare: number;
  prodShare: number;
  /** Degradation (positive = worse in prod), null without outcomes on both sides. */
  gap: number | null;
  pValue: number | null;
  pValueAdjusted: number | null;
  impact: number | null;
  /** (gap − overall loss) × production share: the ranking key. */
  excessImpact: number | null;
  /** Index in `slices` of the sub-slice that carries this slice's loss. */
  explainedBy?: number;
}

export interface SliceSearchInput {
  columns: BinnedColumn[];
  kind: SliceMetricKind;
  /** Per-row outcome (outcome.ts `perRow`), NaN where missing; null when the file has no outcomes. */
  trainOutcome: Float64Array | null;
  prodOutcome: Float64Array | null;
  trainRows: number;
  prodRows: number;
  /** Whole-file degradation (same sign as `gap`), and the unit the gap thresholds are read in (1 for accuracy,
   * the training MAE for MAE). */
  overallLoss: number;
  scale: number;
  options: SegmentOptions;
}

export interface SliceSearchResult {
  /** Every slice that met the support rule, singles first. */
  slices: Slice[];
  /** Indices into `slices` of significant degradations beyond the whole file's, worst first, without slices that
   * another listed slice explains (length ≤ topSlices). */
  ranked: number[];
  /** Number of slices tested (the Bonferroni factor). */
  tried: number;
}

interface CellSums {
  rows: Float64Array;
  n: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
}

/** (rows, n, Σ, Σ²) per cell a·kb + b in one pass; `b` null means single column cells. */
function cellSums(a: Int32Array, b: Int32Array | null, kb: number, cells: number, y: Float64Array | null): CellSums {
  const rows = new Float64Array(cells);
  const n = new Float64Array(cells);
  const sum = new Float64Array(cells);
  const sumSq = new Float64Array(cells);
  const len = a.length;
  if (b && y && !hasNaN(y) && isBinary(y)) {
    // Fast path for pairs under accuracy (the bulk of the work): outcomes are 0/1 without gaps, so n = rows and
    // Σ² = Σ — two accumulators instead of four.
    for (let i = 0; i < len; i++) {
      const ca = a[i];
      const cb = b[i];
      if (ca < 0 || cb < 0) continue;
      const cell = ca * kb + cb;
      rows[cell]++;
      sum[cell] += y[i];
    }
    n.set(rows);
    sumSq.set(sum);
    return { rows, n, sum, sumSq };
  }
  for (let i = 0; i < len; i++) {
    const ca = a[i];
    if (ca < 0) continue;
    let cell = ca;
    if (b) {
      const cb = b[i];
      if (cb < 0) continue;
      cell = ca * kb + cb;
    }
    rows[cell]++;
    if (y) {
      const v = y[i];
      if (v === v) {
        n[cell]++;
        sum[cell] += v;
        sumSq[cell] += v * v;
      }
    }
  }
  return { rows, n, sum, sumSq };
}

const flags = new WeakMap<Float64Array, { nan: boolean; binary: boolean }>();

function flagsOf(y: Float64Array): { nan: boolean; binary: boolean } {
  let f = flags.get(y);
  if (!f) {
    f = { nan: false, binary: true };
    for (let i = 0; i < y.length; i++) {
      const v = y[i];
      if (v !== v) f.nan = true;
      else if (v !== 0 && v !== 1) f.binary = false;
    }
    flags.set(y, f);
  }
  return f;
}

const hasNaN = (y: Float64Array) => flagsOf(y).nan;
const isBinary = (y: Float64Array) => flagsOf(y).binary;

function sumsAt(c: CellSums, i: number): Sums {
  return { rows: c.rows[i], n: c.n[i], sum: c.sum[i], sumSq: c.sumSq[i] };
}

function supported(t: Sums, p: Sums, input: SliceSearchInput): boolean {
  const o = input.options;
  return t.rows >= o.minSupport && p.rows >= o.minSupport && p.rows >= o.minSupportShare * input.prodRows;
}

function makeSlice(conditions: Condition[], t: Sums, p: Sums, input: SliceSearchInput): Slice {
  const d = degradation(input.kind, t, p);
  const prodShare = input.prodRows ? p.rows / input.prodRows : 0;
  return {
    conditions,
    train: t,
    prod: p,
    trainShare: input.trainRows ? t.rows / input.trainRows : 0,
    prodShare,
    gap: d ? d.gap : null,
    pValue: d ? d.pValue : null,
    pValueAdjusted: null,
    impact: d ? d.gap * prodShare : null,
    excessImpact: d ? (d.gap - input.overallLoss) * prodShare : null,
  };
}

/** Search singles and (optionally) pairs; see the module comment for the ranking rule. */
export function searchSlices(input: SliceSearchInput): SliceSearchResult {
  const { columns, options: o } = input;
  const slices: Slice[] = [];
  const colScore = new Float64Array(columns.length).fill(-Infinity);
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c];
    const k = col.values.length;
    if (!col.train || !col.prod) continue;
    const t = cellSums(col.train, null, 0, k, input.trainOutcome);
    const p = cellSums(col.prod, null, 0, k, input.prodOutcome);
    for (let b = 0; b < k; b++) {
      const ts = sumsAt(t, b);
      const ps = sumsAt(p, b);
      if (!supported(ts, ps, input)) continue;
      const s = makeSlice([{ col: c, bin: b }], ts, ps, input);
      slices.push(s);
      if (s.excessImpact !== null) colScore[c] = Math.max(colScore[c], s.excessImpact);
    }
  }
  const singles = slices.length;
  const canPair = o.pairs && input.trainOutcome !== null && input.prodOutcome !== null;
  if (canPair) {
    // Cap the column pairs: the columns whose single conditions already lose most are where pairs pay off.
    const pairCols = [...colScore.keys()]
      .filter((c) => colScore[c] > -Infinity)
      .sort((a, b) => colScore[b] - colScore[a] || a - b)
      .slice(0, o.maxPairColumns)
      .sort((a, b) => a - b);
    const singleOk = new Set(slices.map((s) => `${s.conditions[0].col}:${s.conditions[0].bin}`));
    for (let i = 0; i < pairCols.length; i++) {
      for (let j = i + 1; j < pairCols.length; j++) {
        const ca = columns[pairCols[i]];
        const cb = columns[pairCols[j]];
        const ka = ca.values.length;
        const kb = cb.values.length;
        const t = cellSums(ca.train!, cb.train!, kb, ka * kb, input.trainOutcome);
        const p = cellSums(ca.prod!, cb.prod!, kb, ka * kb, input.prodOutcome);
        for (let a = 0; a < ka; a++) {
          if (!singleOk.has(`${pairCols[i]}:${a}`)) continue;
          for (let b = 0; b < kb; b++) {
            if (!singleOk.has(`${pairCols[j]}:${b}`)) continue;
            const cell = a * kb + b;
            const ts = sumsAt(t, cell);
            const ps = sumsAt(p, cell);
            if (!supported(ts, ps, input)) continue;
            slices.push(makeSlice([{ col: pairCols[i], bin: a }, { col: pairCols[j], bin: b }], ts, ps, input));
          }
        }
      }
    }
  }
  let tried = 0;
  for (const s of slices) if (s.pValue !== null) tried++;
  for (const s of slices) if (s.pValue !== null) s.pValueAdjusted = Math.min(1, s.pValue * tried);
  markExplained(slices, singles, o.explainShare, o.gapWarning * input.scale);
  return { slices, ranked: rank(slices, input), tried };
}

/**
 * For each single, the pair containing its condition that carries ≥ share of its excess impact (the largest such).
 * The other way round, a single explains a pair that is the same rows under a longer name (the pair holds ≥ share
 * of the single's production rows) or that is no worse than the single (loss within `margin`): such a pair only
 * repeats its single's problem.
 */
function markExplained(slices: Slice[], singles: number, share: number, margin: number): void {
  const byCondition = new Map<string, number>();
  for (let i = 0; i < singles; i++) byCondition.set(key(slices[i].conditions[0]), i);
  for (let i = singles; i < slices.length; i++) {
    const pair = slices[i];
    const pi = pair.excessImpact;
    if (!(pi !== null && pi > 0)) continue;
    for (const cond of pair.conditions) {
      const parentIndex = byCondition.get(key(cond));
      if (parentIndex === undefined) continue;
      const parent = slices[parentIndex];
      const sameRows = pair.prodShare >= share * parent.prodShare;
      const noWorse = (parent.excessImpact ?? 0) > 0 && pair.gap !== null && parent.gap !== null && pair.gap <= parent.gap + margin;
      if (sameRows || noWorse) {
        pair.explainedBy = parentIndex;
        break;
      }
      const qi = parent.excessImpact;
      if (!(qi !== null && qi > 0) || pi < share * qi) continue;
      const current = parent.explainedBy === undefined ? null : slices[parent.explainedBy];
      if (!current || (current.excessImpact ?? 0) < pi) parent.explainedBy = i;
    }
  }
}

function key(c: Condition): string {
  return `${c.col}:${c.bin}`;
}

/** Significant degradations, worst first; an explained slice sorts with its explaining sub-slice, just after it. */
function rank(slices: Slice[], input: SliceSearchInput): number[] {
  const o = input.options;
  const sortKey = (i: number): number => {
    const s = slices[i];
    const own = s.excessImpact ?? 0;
    return s.explainedBy === undefined ? own : Math.min(own, slices[s.explainedBy].excessImpact ?? 0);
  };
  const candidates: number[] = [];
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i];
    if (s.gap === null || !(s.gap > 0) || s.pValueAdjusted === null || !(s.pValueAdjusted < o.alpha)) continue;
    if ((s.gap - input.overallLoss) / input.scale >= o.gapWarning) candidates.push(i);
  }
  const explained = (i: number) => (slices[i].explainedBy === undefined ? 0 : 1);
  candidates.sort((a, b) => sortKey(b) - sortKey(a) || explained(a) - explained(b) || (slices[b].gap ?? 0) - (slices[a].gap ?? 0) || a - b);
  // One name per problem: a slice whose explaining slice is listed would only repeat it under another name.
  const listed = new Set(candidates);
  return candidates.filter((i) => slices[i].explainedBy === undefined || !listed.has(slices[i].explainedBy!)).slice(0, o.topSlices);
}
