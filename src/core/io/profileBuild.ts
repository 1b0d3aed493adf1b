/**
 * Builds and merges column profiles (types in `profile.ts`). A profile is a mergeable summary: the profile of two
 * chunks merged equals the profile of both chunks read together — exactly for counts, min, max, mean and std (up to
 * floating-point rounding), within the sketch's rank error for quantiles, and exactly for category counts unless
 * more than `maxTracked` distinct values were seen (then `truncated` is set and counts are lower bounds).
 */
import { QuantileSketch, DEFAULT_SKETCH_K, mergeSketchStates, sketchQuantiles, sketchStateFromSorted } from '../stats/quantileSketch';
import { quantileSorted } from '../stats/descriptive';
import type { CategoryProfile, ColumnProfile, DatetimeProfile, NumericProfile } from './profile';
import { isNumeric, type Column, type NumericColumn, type StringColumn, type Table } from './table';

export interface ProfileOptions {
  /** Most frequent categories listed in `top`. */
  topK: number;
  /** Distinct values whose counts are kept (the merge state); past it the rarest are dropped and `truncated` set. */
  maxTracked: number;
  /** Quantile sketch parameter k (rank error ≤ 2.5/k, memory ≈ 3k numbers). */
  sketchK: number;
}

export const profileDefaults: ProfileOptions = { topK: 20, maxTracked: 10_000, sketchK: DEFAULT_SKETCH_K };

/** Quantiles reported in `NumericProfile.quantiles`, by key. */
export const PROFILE_QUANTILES: readonly [string, number][] = [
  ['p01', 0.01],
  ['p05', 0.05],
  ['p10', 0.1],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
];

/** Profile of one column. O(rows) time; memory bounded by the sketch and the distinct values. */
/**
 * `sorted` (optional): the column's non-null values already sorted (the engine sorts each column once for drift).
 * With it, quantiles are exact and the sketch is built from the sorted array instead of value by value.
 */
export function profileColumn(col: Column, opts: Partial<ProfileOptions> = {}, sorted?: Float64Array): ColumnProfile {
  const o = { ...profileDefaults, ...opts };
  const rows = isNumeric(col) ? col.values.length : col.codes.length;
  const base = { name: col.name, kind: col.kind, rows };
  if (isNumeric(col)) {
    const numeric = numericProfile(col, o.sketchK, sorted);
    const nulls = rows - numeric.count;
    const p: ColumnProfile = { ...base, nulls, nullRate: rate(nulls, rows), numeric };
    if (col.kind === 'datetime') addDatetime(p);
    return p;
  }
  const { categories, nulls } = categoryProfile(col, o);
  return { ...base, nulls, nullRate: rate(nulls, rows), categories };
}

/** Profiles of every column of a table, in column order. */
export function profileTable(t: Table, opts: Partial<ProfileOptions> = {}): ColumnProfile[] {
  return t.columns.map((c) => profileColumn(c, opts));
}

/**
 * The profile of the rows behind `a` and `b` together. Inputs are not modified and may be revived from JSON.
 * @throws {TypeError} when the profiles are of differently named columns or of a numeric and a string kind.
 */
export function mergeProfiles(a: ColumnProfile, b: ColumnProfile, opts: Partial<ProfileOptions> = {}): ColumnProfile {
  if (a.name !== b.name) throw new TypeError(`mergeProfiles requires profiles of the same column, got "${a.name}" and "${b.name}"`);
  const aNum = a.numeric !== undefined;
  if (aNum !== (b.numeric !== undefined) || aNum === (a.categories !== undefined) || aNum === (b.categories !== undefined)) {
    throw new TypeError(`mergeProfiles: column "${a.name}" is ${a.kind} in one profile and ${b.kind} in the other`);
  }
  const o = { ...profileDefaults, ...opts };
  const rows = a.rows + b.rows;
  const nulls = a.nulls + b.nulls;
  // Chunks of one file share a kind; when string kinds differ (a chunk looked unique enough to be ids), the first wins.
  const out: ColumnProfile = { name: a.name, kind: a.kind, rows, nulls, nullRate: rate(nulls, rows) };
  if (a.numeric && b.numeric) {
    out.numeric = mergeNumeric(a.numeric, b.numeric);
    if (a.kind === 'datetime') addDatetime(out);
  } else if (a.categories && b.categories) {
    out.categories = mergeCategories(a.categories, b.categories, o);
  }
  return out;
}

function rate(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function numericProfile(col: NumericColumn, sketchK: number, sorted?: Float64Array): NumericProfile {
  const v = col.values;
  const sketch = sorted ? null : new QuantileSketch(sketchK);
  let count = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  let zeros = 0;
  let integer = true;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    count++;
    // Welford: numerically stable for large offsets (epoch milliseconds), unlike Σx² − n·mean².
    const d = x - mean;
    mean += d / count;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
    if (x === 0) zeros++;
    if (integer && !Number.isInteger(x)) integer = false;
    sketch?.update(x);
  }
  if (sorted) {
    if (sorted.length !== count) throw new RangeError(`profileColumn: sorted has ${sorted.length} values, ${col.name} has ${count}`);
    const exact = PROFILE_QUANTILES.map(([, p]) => (count === 0 ? NaN : quantileSorted(sorted, p)));
    return finishNumeric(count, mean, m2, min, max, zeros, integer, sketchStateFromSorted(sorted, sketchK), exact);
  }
  return finishNumeric(count, mean, m2, min, max, zeros, integer, sketch!.toState());
}

function finishNumeric(
  count: number,
  mean: number,
  m2: number,
  min: number,
  max: number,
  zeros: number,
  integer: boolean,
  sketch: NumericProfile['sketch'],
  exact?: number[],
): NumericProfile {
  const empty = count === 0;
  const qs = exact ?? sketchQuantiles(sketch, PROFILE_QUANTILES.map(([, p]) => p));
  const quantiles: Record<string, number> = {};
  PROFILE_QUANTILES.forEach(([key], i) => (quantiles[key] = qs[i]));
  return {
    count,
    min: empty ? NaN : min,
    max: empty ? NaN : max,
    mean: empty ? NaN : mean,
    // Sample std (n − 1) as pandas' Series.std(); undefined for fewer than two values.
    std: count > 1 ? Math.sqrt(m2 / (count - 1)) : NaN,
    m2: empty ? 0 : m2,
    zeros,
    // False for an empty column: nothing shows it holds integers (merging skips empty sides).
    integer: !empty && integer,
    quantiles,
    sketch,
  };
}

/** Chan, Golub & LeVeque (1979) pairwise update of count, mean and M2. */
function mergeNumeric(a: NumericProfile, b: NumericProfile): NumericProfile {
  const sketch = mergeSketchStates(a.sketch, b.sketch);
  if (a.count === 0) return finishNumeric(b.count, b.mean, b.m2, b.min, b.max, b.zeros, b.integer, sketch);
  if (b.count === 0) return finishNumeric(a.count, a.mean, a.m2, a.min, a.max, a.zeros, a.integer, sketch);
  const n = a.count + b.count;
  const delta = b.mean - a.mean;
  const mean = a.mean + (delta * b.count) / n;
  const m2 = a.m2 + b.m2 + (delta * delta * a.count * b.count) / n;
  return finishNumeric(n, mean, m2, Math.min(a.min, b.min), Math.max(a.max, b.max), a.zeros + b.zeros, a.integer && b.integer, sketch);
}

function isoOf(ms: number): string {
  // Dates beyond ±8.64e15 ms have no ISO form; show the number rather than throw.
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

function addDatetime(p: ColumnProfile): void {
  const n = p.numeric;
  if (!n || n.count === 0) return;
  const dt: DatetimeProfile = { min: isoOf(n.min), max: isoOf(n.max) };
  p.datetime = dt;
}

function categoryProfile(col: StringColumn, o: ProfileOptions): { categories: CategoryProfile; nulls: number } {
  const counts = new Float64Array(col.dictionary.length);
  const codes = col.codes;
  let nulls = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) nulls++;
    else counts[c]++;
  }
  // Dictionaries hold distinct values (table.ts), so codes with a count are the distinct values present.
  let cardinality = 0;
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) cardinality++;
  const kept = mostFrequent(counts, cardinality, o.maxTracked);
  const entries: [string, number][] = Array.from(kept, (c) => [col.dictionary[c], counts[c]]);
  return { categories: categoriesFrom(entries, cardinality, cardinality > o.maxTracked, o), nulls };
}

/**
 * Codes of the `limit` most frequent values without sorting them all (an id column has millions): the count
 * threshold comes from a typed sort of the counts, then codes at or above it are taken in code order.
 */
function mostFrequent(counts: Float64Array, present: number, limit: number): Int32Array {
  let threshold = 1;
  if (present > limit) {
    const nonZero = new Float64Array(present);
    let k = 0;
    for (let c = 0; c < counts.length; c++) if (counts[c] > 0) nonZero[k++] = counts[c];
    nonZero.sort();
    threshold = nonZero[present - limit];
  }
  const out = new Int32Array(Math.min(present, limit));
  let o = 0;
  for (let c = 0; c < counts.length && o < out.length; c++) if (counts[c] > threshold) out[o++] = c;
  for (let c = 0; c < counts.length && o < out.length; c++) if (counts[c] === threshold) out[o++] = c;
  return out;
}

/** Sorted by count (desc), then value, so the result does not depend on the order values were met. */
function byCount(x: [string, number], y: [string, number]): number {
  return y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
}

/** `entries` already cut to at most `maxTracked` (or cut here); `truncated` when values were dropped. */
function categoriesFrom(entries: [string, number][], cardinality: number, truncated: boolean, o: ProfileOptions): CategoryProfile {
  entries.sort(byCount);
  const kept = entries.length > o.maxTracked ? entries.slice(0, o.maxTracked) : entries;
  // A null-prototype object: category texts such as "__proto__" or "constructor" stay ordinary keys.
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [v, n] of kept) counts[v] = n;
  return {
    cardinality,
    top: kept.slice(0, o.topK).map(([value, count]) => ({ value, count })),
    counts,
    truncated: truncated || entries.length > o.maxTracked,
  };
}

function mergeCategories(a: CategoryProfile, b: CategoryProfile, o: ProfileOptions): CategoryProfile {
  const m = new Map<string, number>();
  for (const src of [a.counts, b.counts]) {
    for (const key of Object.keys(src)) m.set(key, (m.get(key) ?? 0) + src[key]);
  }
  const truncated = a.truncated || b.truncated;
  // Without truncation the union is exact; with it, values dropped on either side are unknown, so the best
  // honest figure is a lower bound.
  const cardinality = truncated ? Math.max(a.cardinality, b.cardinality, m.size) : m.size;
  return categoriesFrom([...m], cardinality, truncated, o);
}
