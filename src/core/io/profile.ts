/**
 * Column profiles: what each file looks like, column by column. A profile is plain JSON and *mergeable*:
 * `mergeProfiles(profileOf(a), profileOf(b))` equals (up to the quantile sketch's stated error) `profileOf(a ++ b)`,
 * so profiles of chunks can be computed in parallel, cached, or produced by another engine.
 *
 * How: numeric moments by Welford's update and Chan et al.'s pairwise merge (exact up to rounding), quantiles from
 * the bounded KLL-style sketch in `stats/quantileSketch.ts` (rank error ≤ 2.5/k), category counts kept in full up to
 * `maxTracked` distinct values. Empty statistics are `NaN` (JSON writes them as null; merging looks at `count` first,
 * so a revived profile still merges correctly).
 */
import type { ColumnKind } from './table';

export interface NumericProfile {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  std: number;
  /** Sum of squared deviations from the mean (Chan et al. merge state). */
  m2: number;
  zeros: number;
  integer: boolean;
  /** p01, p05, p10, p25, p50, p75, p90, p95, p99 (from the sketch). */
  quantiles: Record<string, number>;
  /** Serialized mergeable quantile sketch. */
  sketch: QuantileSketchState;
}

export interface QuantileSketchState {
  k: number;
  /** Compactor levels: level i holds items of weight 2^i, sorted. */
  levels: number[][];
  n: number;
}

export interface CategoryProfile {
  /** Distinct non-null values; exact, except after merging a `truncated` profile (then a lower bound). */
  cardinality: number;
  /** Most frequent values, most frequent first (at most `topK`). */
  top: { value: string; count: number }[];
  /** Full counts up to `maxTracked` distinct values (merge state); `truncated` when more were seen. */
  counts: Record<string, number>;
  truncated: boolean;
}

export interface DatetimeProfile {
  min: string;
  max: string;
}

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  rows: number;
  nulls: number;
  nullRate: number;
  numeric?: NumericProfile;
  categories?: CategoryProfile;
  datetime?: DatetimeProfile;
}

export { profileColumn, profileTable, mergeProfiles, profileDefaults, PROFILE_QUANTILES } from './profileBuild';
export type { ProfileOptions } from './profileBuild';
