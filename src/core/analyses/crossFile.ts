/**
 * Small helpers for analyses that compare individual rows across the two files (row overlap, entity pairing, skew):
 * string columns carry per-file dictionaries, so a code means nothing in the other file until it is translated.
 */
import { isNumeric, type Column, type NumericColumn, type StringColumn } from '../io/table';
import { mulberry32, sampleIndices } from '../stats/random';

/** Code for a production category never seen in training: it can equal nothing on the training side. */
export const UNSEEN = -2;

/**
 * Translate production dictionary codes into training codes: `out[prodCode]` is the training code of the same string,
 * or `UNSEEN`. One Map lookup per distinct value, not per row.
 */
export function codeMap(train: StringColumn, prod: StringColumn): Int32Array {
  const index = new Map<string, number>();
  for (let i = 0; i < train.dictionary.length; i++) index.set(train.dictionary[i], i);
  const out = new Int32Array(prod.dictionary.length);
  for (let i = 0; i < prod.dictionary.length; i++) out[i] = index.get(prod.dictionary[i]) ?? UNSEEN;
  return out;
}

/** True when both columns store values the same way (numbers vs dictionary strings), so cells can be compared. */
export function comparable(a: Column, b: Column): boolean {
  return isNumeric(a) === isNumeric(b) && (a.kind === 'datetime') === (b.kind === 'datetime');
}

/** A column's per-row values as numbers comparable across files: numeric values, or training-space string codes. */
export function alignedValues(train: Column, prod: Column): { train: Float64Array; prod: Float64Array } {
  if (isNumeric(train) && isNumeric(prod)) return { train: train.values, prod: prod.values };
  const t = train as StringColumn;
  const p = prod as StringColumn;
  const map = codeMap(t, p);
  const tv = new Float64Array(t.codes.length);
  for (let i = 0; i < tv.length; i++) tv[i] = t.codes[i] < 0 ? NaN : t.codes[i];
  const pv = new Float64Array(p.codes.length);
  for (let i = 0; i < pv.length; i++) pv[i] = p.codes[i] < 0 ? NaN : map[p.codes[i]];
  return { train: tv, prod: pv };
}

/** The time role as epoch ms per row, when it is a datetime column (other kinds cannot be compared with dates). */
export function eventTimes(col: Column | undefined): Float64Array | null {
  return col && col.kind === 'datetime' ? (col as NumericColumn).values : null;
}

export const DAY_MS = 86_400_000;

/** ISO date (day precision when the value is midnight UTC, else minutes). */
export function isoDate(ms: number): string {
  const s = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? s.slice(0, 10) : s.slice(0, 16).replace('T', ' ');
}

/** Percentage for evidence text: two decimals below 1 %, one above. */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
}

/** A number for evidence text: 3 significant digits, exponent form for the very large and very small. */
export function num(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(3)));
}

/** Rows to keep when a file has more than `cap` rows: a seeded uniform sample in file order; null = keep all. */
export function rowSample(rows: number, cap: number, seed: number): Uint32Array | null {
  return rows > cap ? sampleIndices(rows, cap, mulberry32(seed)) : null;
}

/** A column restricted to the given rows (same dictionary), or the column itself when `rows` is null. */
export function subsetColumn<C extends Column>(col: C, rows: Uint32Array | null): C {
  if (!rows) return col;
  if (isNumeric(col)) {
    const v = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) v[k] = col.values[rows[k]];
    return { ...col, values: v };
  }
  const c = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) c[k] = (col as StringColumn).codes[rows[k]];
  return { ...col, codes: c };
}

/** Values of a Float64Array at the given rows, or the array itself when `rows` is null. */
export function subsetValues(values: Float64Array, rows: Uint32Array | null): Float64Array {
  if (!rows) return values;
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}
