/**
 * The columnar model shared by the CSV and Arrow readers and every analysis.
 *
 * Validity is carried in-band so each column is a single typed array:
 * - numeric-like columns (`numeric`, `boolean`, `datetime`) hold `Float64Array` values with `NaN` for null
 *   (booleans are 0/1, datetimes are epoch milliseconds, UTC);
 * - string-like columns (`categorical`, `text`, `id`) hold dictionary codes in an `Int32Array` with `-1` for null.
 * One array per column keeps hot loops branch-light and lets the buffers cross to a worker in a transfer list.
 */

/** What a column holds, as the analyses see it. */
export type ColumnKind = 'numeric' | 'boolean' | 'datetime' | 'categorical' | 'text' | 'id';

export const NUMERIC_KINDS: readonly ColumnKind[] = ['numeric', 'boolean', 'datetime'];
export const STRING_KINDS: readonly ColumnKind[] = ['categorical', 'text', 'id'];

export interface NumericColumn {
  name: string;
  kind: 'numeric' | 'boolean' | 'datetime';
  /** One value per row; `NaN` means null. Datetimes are epoch milliseconds (UTC). */
  values: Float64Array;
  /** The type as the file declared or as inference read it (`float64`, `int64`, `timestamp[ms, UTC]`, `string`…). */
  sourceType: string;
  /** True when every non-null value is an integer (ints from the file, or floats that happen to be whole). */
  integer?: boolean;
}

export interface StringColumn {
  name: string;
  kind: 'categorical' | 'text' | 'id';
  /** One code per row into `dictionary`; `-1` means null. */
  codes: Int32Array;
  /** Distinct values, in first-seen order. */
  dictionary: string[];
  sourceType: string;
}

export type Column = NumericColumn | StringColumn;

export type FileFormat = 'csv' | 'arrow';

export interface Table {
  /** Path as given by the caller. */
  path: string;
  format: FileFormat;
  rows: number;
  columns: Column[];
  /** Non-fatal issues met while reading (latin-1 fallback, skipped rows, skipped columns…). */
  warnings: string[];
  /** Rows in the file when `rows` is a sample of it (see ReadOptions.maxRows); otherwise equal to `rows`. */
  totalRows: number;
}

export function isNumeric(c: Column): c is NumericColumn {
  return c.kind === 'numeric' || c.kind === 'boolean' || c.kind === 'datetime';
}

export function isString(c: Column): c is StringColumn {
  return !isNumeric(c);
}

/** Number of null cells in a column. */
export function nullCount(c: Column): number {
  let n = 0;
  if (isNumeric(c)) {
    const v = c.values;
    for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) n++;
  } else {
    const k = c.codes;
    for (let i = 0; i < k.length; i++) if (k[i] < 0) n++;
  }
  return n;
}

/** The non-null values of a numeric column, copied into a fresh array. */
export function presentValues(c: NumericColumn): Float64Array {
  const v = c.values;
  let n = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) out[j++] = v[i];
  return out;
}

/** A cell rendered as text (for row keys, examples in evidence, and the UI); null is `null`. */
export function cellText(c: Column, row: number): string | null {
  if (isNumeric(c)) {
    const x = c.values[row];
    if (x !== x) return null;
    if (c.kind === 'datetime') return new Date(x).toISOString();
    return String(x);
  }
  const code = c.codes[row];
  return code < 0 ? null : c.dictionary[code];
}

export function findColumn(t: Table, name: string): Column | undefined {
  return t.columns.find((c) => c.name === name);
}

/** Error the user sees: names the file, the place, and what to do. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}
