/**
 * Drift inside segments: the prediction's PSI and the most drifted features among the rows of one segment, on the
 * drift analysis's bins (training deciles / categories). Helpers for segments.ts, kept apart so each file stays small.
 */
import type { SegmentStat } from '../report/types';
import { psi } from '../stats/psi';
import { countBins, type BinnedColumn } from './binnedColumns';

/** Rows of each bin, grouped by a counting sort: rows of bin b are order[start[b] .. start[b+1]). */
export interface RowGroups {
  order: Uint32Array;
  start: Int32Array;
}

export function groupRows(codes: Int32Array, bins: number): RowGroups {
  const start = new Int32Array(bins + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) start[codes[i] + 1]++;
  for (let b = 0; b < bins; b++) start[b + 1] += start[b];
  const fill = start.slice(0, bins);
  const order = new Uint32Array(start[bins]);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) order[fill[codes[i]]++] = i;
  return { order, start };
}


/** PSI of a binned column between two row subsets (train rows vs prod rows); null when a side is empty. */
function psiInside(col: BinnedColumn, trainRows: ArrayLike<number>, prodRows: ArrayLike<number>, epsilon: number): number | null {
  if (!col.train || !col.prod) return null;
  const k = col.values.length;
  const t = countBins(col.train, k, trainRows);
  const p = countBins(col.prod, k, prodRows);
  let tt = 0;
  let pp = 0;
  for (let i = 0; i < k; i++) (tt += t[i]), (pp += p[i]);
  return tt > 0 && pp > 0 ? psi(t, p, epsilon) : null;
}

export interface SliceDriftInput {
  features: BinnedColumn[];
  prediction: BinnedColumn | null;
  epsilon: number;
  top: number;
}

/** Prediction PSI and the most drifted features inside one slice (skipping the slice's own columns). */
export function driftInside(input: SliceDriftInput, exclude: string[], trainRows: ArrayLike<number>, prodRows: ArrayLike<number>): Pick<SegmentStat, 'predictionPsi' | 'topFeatureDrift'> {
  const predictionPsi = input.prediction ? psiInside(input.prediction, trainRows, prodRows, input.epsilon) : null;
  const drifts: { column: string; psi: number }[] = [];
  for (const f of input.features) {
    if (exclude.includes(f.name)) continue;
    const v = psiInside(f, trainRows, prodRows, input.epsilon);
    if (v !== null) drifts.push({ column: f.name, psi: v });
  }
  drifts.sort((a, b) => b.psi - a.psi || (a.column < b.column ? -1 : 1));
  return { predictionPsi, topFeatureDrift: drifts.slice(0, input.top) };
}

/** Counts per (segment bin, feature bin) over rows (ascending), segment-major, kf feature bins per segment. */
function jointCounts(seg: Int32Array, f: Int32Array, k: number, kf: number, rows: Uint32Array): Float64Array {
  const out = new Float64Array(k * kf);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const a = seg[i];
    const b = f[i];
    if (a >= 0 && b >= 0) out[a * kf + b]++;
  }
  return out;
}

function psiOfCounts(t: Float64Array, p: Float64Array, epsilon: number): number | null {
  let tt = 0;
  let pp = 0;
  for (let i = 0; i < t.length; i++) (tt += t[i]), (pp += p[i]);
  return tt > 0 && pp > 0 ? psi(t, p, epsilon) : null;
}

/**
 * `driftInside` for every bin of a segment column at once: joint counts by sequential passes instead of gathering
 * each segment's rows per feature (random access), which dominated the segment analysis.
 */
export function driftBySegment(col: BinnedColumn, input: SliceDriftInput, wanted: boolean[], sample: { train: Uint32Array; prod: Uint32Array }): Pick<SegmentStat, 'predictionPsi' | 'topFeatureDrift'>[] {
  const k = col.values.length;
  const out: Pick<SegmentStat, 'predictionPsi' | 'topFeatureDrift'>[] = Array.from({ length: k }, () => ({ predictionPsi: null, topFeatureDrift: [] }));
  const per = (f: BinnedColumn, each: (b: number, v: number | null) => void) => {
    if (!f.train || !f.prod) return;
    const kf = f.values.length;
    const jt = jointCounts(col.train!, f.train, k, kf, sample.train);
    const jp = jointCounts(col.prod!, f.prod, k, kf, sample.prod);
    for (let b = 0; b < k; b++) {
      if (wanted[b]) each(b, psiOfCounts(jt.subarray(b * kf, (b + 1) * kf), jp.subarray(b * kf, (b + 1) * kf), input.epsilon));
    }
  };
  if (input.prediction) per(input.prediction, (b, v) => (out[b].predictionPsi = v));
  for (const f of input.features) {
    if (f.name === col.name) continue;
    per(f, (b, v) => {
      if (v !== null) out[b].topFeatureDrift!.push({ column: f.name, psi: v });
    });
  }
  for (const o of out) {
    o.topFeatureDrift!.sort((a, b) => b.psi - a.psi || (a.column < b.column ? -1 : 1));
    o.topFeatureDrift = o.topFeatureDrift!.slice(0, input.top);
  }
  return out;
}

/** Row indices of a slice (every condition holds) in one file. */
export function sliceRows(codes: Int32Array[], bins: number[], rows: number): Uint32Array {
  const out: number[] = [];
  outer: for (let i = 0; i < rows; i++) {
    for (let c = 0; c < codes.length; c++) if (codes[c][i] !== bins[c]) continue outer;
    out.push(i);
  }
  return Uint32Array.from(out);
}
