/**
 * Columns turned into small per-row bin codes, shared by the segment and time analyses: numeric columns are cut at
 * training quantiles, categorical columns map each category (by its text, so both files agree) to one code. Once
 * every column is an `Int32Array` of codes, a segment is "rows with code k", a segment's distribution is a count
 * array, and per-segment or per-window PSI is one pass over typed arrays — no strings in hot loops.
 */
import { isNumeric, type Column, type NumericColumn } from '../io/table';
import { quantileEdgesSorted } from '../stats/binning';
import { sortedPresent } from '../stats/sortedPresent';

export interface BinnedColumn {
  name: string;
  /** How the bins were made: `numeric` = training-quantile intervals, `categorical` = one bin per category. */
  kind: 'numeric' | 'categorical';
  /** Value text per bin (`EU`, `(35, 52]`, `(other)`, `(missing)`), used in condition objects. */
  values: string[];
  /** Condition text per bin (`region=EU`, `age∈(35, 52]`), used as slice names. */
  labels: string[];
  /** The column holds numbers (also when few distinct values made its bins categories). */
  fromNumeric?: boolean;
  /** Interior cut points (numeric only); bins are right-closed like `binCounts`. */
  edges?: number[];
  /** Bin per row; −1 = null (unless `missingBin`, then nulls take the last bin). Null when the file lacks the column. */
  train: Int32Array | null;
  prod: Int32Array | null;
}

export interface BinOptions {
  /** Quantile bins for numeric columns. */
  bins: number;
  /** Categories kept (most frequent over both files); the rest share one `(other)` bin. */
  maxCategories: number;
  /** Give nulls their own `(missing)` bin instead of −1 (segments want it; drift skips nulls). */
  missingBin: boolean;
  /** A numeric column with at most `bins` distinct training values gets one bin per value (`flag=1`, not `flag>0`). */
  discreteAsCategories?: boolean;
}

const OTHER = '(other)';
const MISSING = '(missing)';

/** Short number text for bin labels: 4 significant digits, no trailing zeros. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-3)) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

/** Bin index of v for interior edges (number of edges strictly below v), the convention of `binCounts`. */
function binOf(edges: Float64Array, v: number): number {
  // Segment and drift bins are few (≤ ~20 edges): a linear scan beats the branchy binary search there.
  if (edges.length <= 16) {
    let b = 0;
    while (b < edges.length && edges[b] < v) b++;
    return b;
  }
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Codes per column array and edge set: the drift bins are cut by segments and by the timeline alike. */
const codesCache = new WeakMap<Float64Array, Map<string, Int32Array>>();

/** Codes for a column; shared from a cache, so callers must not modify them (addMissingBin copies first). */
function codeNumeric(col: NumericColumn | null, edges: Float64Array, missing: number): Int32Array | null {
  if (!col) return null;
  let byEdges = codesCache.get(col.values);
  if (!byEdges) codesCache.set(col.values, (byEdges = new Map()));
  const key = edges.join(',');
  const hit = byEdges.get(key);
  if (hit) return hit;
  const codes = computeCodes(col, edges, missing);
  byEdges.set(key, codes);
  return codes;
}

function computeCodes(col: NumericColumn, edges: Float64Array, missing: number): Int32Array {
  const v = col.values;
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    out[i] = x !== x ? missing : binOf(edges, x);
  }
  return out;
}

function hasMissing(...codes: (Int32Array | null)[]): boolean {
  for (const c of codes) if (c) for (let i = 0; i < c.length; i++) if (c[i] < 0) return true;
  return false;
}

function addMissingBin(b: BinnedColumn): BinnedColumn {
  if (!hasMissing(b.train, b.prod)) return b;
  const k = b.values.length;
  // Copies: numeric codes may be shared through the cache.
  b.train = b.train && Int32Array.from(b.train);
  b.prod = b.prod && Int32Array.from(b.prod);
  for (const c of [b.train, b.prod]) if (c) for (let i = 0; i < c.length; i++) if (c[i] < 0) c[i] = k;
  b.values.push(MISSING);
  b.labels.push(`${b.name}=${MISSING}`);
  return b;
}

/**
 * Numeric column cut at training quantiles (edges from training only, so production cannot move them).
 * Returns null when training has no value to cut on.
 */
export function binNumeric(name: string, train: NumericColumn | null, prod: NumericColumn | null, o: BinOptions): BinnedColumn | null {
  const source = train ?? prod;
  if (!source) return null;
  const sorted = sortedPresent(source.values);
  if (sorted.length === 0) return null; // all null: nothing to cut
  const edges = quantileEdgesSorted(sorted, o.bins);
  const e = Float64Array.from(edges);
  const f = formatNumber;
  const values: string[] = [];
  const labels: string[] = [];
  if (edges.length === 0) {
    values.push('(all)');
    labels.push(`${name}=(all)`);
  } else {
    values.push(`≤${f(edges[0])}`);
    labels.push(`${name}≤${f(edges[0])}`);
    for (let i = 1; i < edges.length; i++) {
      values.push(`(${f(edges[i - 1])}, ${f(edges[i])}]`);
      labels.push(`${name}∈(${f(edges[i - 1])}, ${f(edges[i])}]`);
    }
    values.push(`>${f(edges[edges.length - 1])}`);
    labels.push(`${name}>${f(edges[edges.length - 1])}`);
  }
  const b: BinnedColumn = { name, kind: 'numeric', values, labels, edges, train: codeNumeric(train, e, -1), prod: codeNumeric(prod, e, -1) };
  return o.missingBin ? addMissingBin(b) : b;
}

/** Per-row category text codes into a shared index; returns the row codes and the count per shared index. */
function categoryCodes(col: Column | null, index: Map<string, number>, names: string[], counts: number[]): Int32Array | null {
  if (!col) return null;
  if (isNumeric(col)) {
    const v = col.values;
    const out = new Int32Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x !== x) {
        out[i] = -1;
        continue;
      }
      const key = col.kind === 'boolean' ? (x ? 'true' : 'false') : String(x);
      let c = index.get(key);
      if (c === undefined) {
        c = names.length;
        names.push(key);
        counts.push(0);
        index.set(key, c);
      }
      counts[c]++;
      out[i] = c;
    }
    return out;
  }
  // Map the file's dictionary once, then rows by code: O(dictionary + rows), no string work per row.
  const map = new Int32Array(col.dictionary.length);
  for (let d = 0; d < col.dictionary.length; d++) {
    const key = col.dictionary[d];
    let c = index.get(key);
    if (c === undefined) {
      c = names.length;
      names.push(key);
      counts.push(0);
      index.set(key, c);
    }
    map[d] = c;
  }
  const k = col.codes;
  const out = new Int32Array(k.length);
  for (let i = 0; i < k.length; i++) {
    const c = k[i];
    if (c < 0) out[i] = -1;
    else {
      out[i] = map[c];
      counts[map[c]]++;
    }
  }
  return out;
}

/**
 * Categorical (or boolean, or few-valued) column: one bin per category over both files, the `maxCategories` most
 * frequent kept and the rest pooled into `(other)` — so a high-cardinality column cannot explode the segment count.
 */
export function binCategorical(name: string, train: Column | null, prod: Column | null, o: BinOptions): BinnedColumn | null {
  if (!train && !prod) return null;
  const index = new Map<string, number>();
  const names: string[] = [];
  const counts: number[] = [];
  const t = categoryCodes(train, index, names, counts);
  const p = categoryCodes(prod, index, names, counts);
  if (names.length === 0) return null;
  // Ties broken by name so that the kept set does not depend on row order.
  const order = names.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const keep = order.slice(0, o.maxCategories);
  const remap = new Int32Array(names.length).fill(keep.length);
  keep.forEach((c, j) => (remap[c] = j));
  const values = keep.map((c) => names[c]);
  if (names.length > keep.length) values.push(OTHER);
  for (const codes of [t, p]) if (codes) for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  const b: BinnedColumn = { name, kind: 'categorical', values, labels: values.map((v) => `${name}=${v}`), train: t, prod: p };
  return o.missingBin ? addMissingBin(b) : b;
}

/** Bins any column the analyses can segment or compare: numeric → quantiles, categorical/boolean → categories. */
export function binColumn(name: string, train: Column | null, prod: Column | null, o: BinOptions): BinnedColumn | null {
  const c = train ?? prod;
  if (!c) return null;
  // A type change between files (numeric in one, text in the other) is the schema analysis's finding, not ours.
  if (train && prod && train.kind !== prod.kind) return null;
  if (c.kind === 'numeric') {
    const source = c as NumericColumn;
    if (o.discreteAsCategories && distinctAtMost(sortedPresent(source.values), o.bins)) {
      const b = binCategorical(name, train, prod, o);
      if (b) b.fromNumeric = true;
      return b;
    }
    const b = binNumeric(name, train as NumericColumn | null, prod as NumericColumn | null, o);
    if (b) b.fromNumeric = true;
    return b;
  }
  if (c.kind === 'categorical' || c.kind === 'boolean') return binCategorical(name, train, prod, o);
  return null; // datetime, text and id columns are not segments
}

function distinctAtMost(sorted: Float64Array, k: number): boolean {
  if (sorted.length === 0) return false;
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1] && ++distinct > k) return false;
  return true;
}

/** Count of rows per bin (codes ≥ 0 only), optionally over a subset of rows. */
export function countBins(codes: Int32Array, bins: number, rows?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(bins);
  if (rows) {
    for (let j = 0; j < rows.length; j++) {
      const c = codes[rows[j]];
      if (c >= 0) out[c]++;
    }
  } else {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c >= 0) out[c]++;
    }
  }
  return out;
}
