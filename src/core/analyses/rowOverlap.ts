/**
 * Identical rows across the two files, and duplicate rows inside each. Rows are hashed over the shared columns other
 * than the label and the prediction (a copied row keeps its features, its id and its date; its label may be refreshed
 * and its prediction re-scored). A 64-bit hash makes a chance collision among a few million rows improbable (~n²/2⁶⁵).
 */
import { isNumeric, type Column } from '../io/table';
import type { AnalysisContext } from './context';
import { alignedValues, comparable } from './crossFile';
import { KeyIndex } from './keyIndex';

export interface RowOverlapResult {
  columns: string[];
  /** Production rows whose exact row also occurs in training. */
  prodRowsInTrain: number;
  share: number;
  /** Rows that repeat an earlier row of the same file. */
  duplicates: { train: number; prod: number };
  /**
   * True when some hashed column is near-unique (an id, a timestamp, a continuous measurement): equal rows then mean
   * copies; so do rows that rarely repeat inside training. With only a few discrete columns, equal rows happen by
   * chance and are no evidence.
   */
  rowsUnique: boolean;
  /** First few production rows (0-based) that occur in training. */
  examples: number[];
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Mix one 32-bit word into a running hash (murmur3's body step). */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Fold one column into the per-row hash pair (two independent seeds → 64 bits). */
function hashColumn(values: Float64Array, h1: Int32Array, h2: Int32Array): void {
  for (let i = 0; i < values.length; i++) {
    let x = values[i];
    // One bit pattern per value: every NaN is null, and −0 equals 0.
    if (x !== x) x = Number.MAX_VALUE;
    else if (x === 0) x = 0;
    f64[0] = x;
    const lo = u32[0];
    const hi = u32[1];
    h1[i] = mix(mix(h1[i], lo), hi);
    h2[i] = mix(mix(h2[i], hi ^ 0x5bd1e995), lo);
  }
}

/** Share of distinct values in a sample of a column's non-null cells. */
function distinctShare(c: Column, sample: number): number {
  const n = isNumeric(c) ? c.values.length : c.codes.length;
  const step = Math.max(1, Math.floor(n / sample));
  const seen = new Set<number>();
  let m = 0;
  for (let i = 0; i < n; i += step) {
    const v = isNumeric(c) ? c.values[i] : c.codes[i];
    if (v !== v || (!isNumeric(c) && v < 0)) continue;
    seen.add(v);
    m++;
  }
  return m === 0 ? 0 : seen.size / m;
}

/** Row overlap over the comparable shared columns other than label and prediction; null when none is left. */
export function rowOverlap(ctx: AnalysisContext): RowOverlapResult | null {
  const skip = new Set([ctx.roles.label, ctx.roles.prediction]);
  const pairs = ctx.shared.filter((p) => !skip.has(p.name) && comparable(p.train, p.prod));
  if (pairs.length === 0) return null;
  const nT = ctx.train.rows;
  const nP = ctx.prod.rows;
  const t1 = new Int32Array(nT).fill(0x12345678);
  const t2 = new Int32Array(nT).fill(0x0badcafe);
  const p1 = new Int32Array(nP).fill(0x12345678);
  const p2 = new Int32Array(nP).fill(0x0badcafe);
  let rowsUnique = false;
  for (const pair of pairs) {
    const v = alignedValues(pair.train, pair.prod);
    hashColumn(v.train, t1, t2);
    hashColumn(v.prod, p1, p2);
    if (!rowsUnique && distinctShare(pair.train, 2000) >= 0.9) rowsUnique = true;
  }
  const trainIndex = new KeyIndex(nT);
  for (let i = 0; i < nT; i++) trainIndex.intern(t1[i], t2[i]);
  const prodIndex = new KeyIndex(nP);
  let inTrain = 0;
  const examples: number[] = [];
  for (let i = 0; i < nP; i++) {
    prodIndex.intern(p1[i], p2[i]);
    if (trainIndex.find(p1[i], p2[i]) >= 0) {
      inTrain++;
      if (examples.length < 5) examples.push(i);
    }
  }
  // Rows that rarely repeat inside training are effectively unique too (many discrete columns, many combinations).
  if (nT > 0 && (nT - trainIndex.size) / nT < ctx.options.leakage.rowOverlapWarning) rowsUnique = true;
  return {
    columns: pairs.map((p) => p.name),
    prodRowsInTrain: inTrain,
    share: nP ? inTrain / nP : 0,
    duplicates: { train: nT - trainIndex.size, prod: nP - prodIndex.size },
    rowsUnique,
    examples,
  };
}
