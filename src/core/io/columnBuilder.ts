/**
 * Builds one CSV column from cell bytes. A column starts numeric (values straight into a growable Float64Array); a
 * column whose first value is a date text holds dates (epoch ms, same array); either turns into strings at its first
 * cell that does not fit and is not a missing token — at any row, so a file whose row 900 000 holds "abc" is
 * re-typed, never corrupted. Strings go into a byte-keyed dictionary with Int32Array codes.
 *
 * Re-typing needs the exact texts of the numbers already read. When every one of them printed back as itself
 * (`String(value)` equals the cell, the usual case for integers and short decimals), the texts come from the values;
 * otherwise (and always for dates) the slots are marked `PENDING` and the reader fills them in a second pass.
 */
import { ByteInterner } from './byteInterner';
import { lastNumber, parseNumberBytes, POW10 } from './csvNumber';
import { parseDatetimeBytes } from './datetimeText';
import { FIELD_PLAIN, FIELD_QUOTED, unquoteField } from './csvTokenizer';

/** What a column builder holds: numbers or dates in `values`, or dictionary codes. */
export const NUMBERS = 0;
export const DATES = 1;
export const STRINGS = 2;
export type BuilderMode = typeof NUMBERS | typeof DATES | typeof STRINGS;

/** Code of a slot whose text must be re-read from the file (see `ColumnBuilder.pending`). */
export const PENDING = -2;

/** Missing-value tokens as bytes, bucketed by length so a cell is compared only with tokens of its own length. */
export class MissingTokens {
  private readonly byLength: Uint8Array[][] = [];

  constructor(tokens: readonly string[]) {
    for (const t of tokens) {
      const b = Buffer.from(t.trim(), 'utf8');
      (this.byLength[b.length] ??= []).push(b);
    }
  }

  /** True when the trimmed cell is empty or one of the tokens. */
  test(bytes: Uint8Array, start: number, end: number): boolean {
    let s = start;
    let e = end;
    while (s < e && (bytes[s] === 32 || bytes[s] === 9)) s++;
    while (e > s && (bytes[e - 1] === 32 || bytes[e - 1] === 9)) e--;
    const len = e - s;
    if (len === 0) return true;
    const bucket = this.byLength[len];
    if (bucket === undefined) return false;
    outer: for (let t = 0; t < bucket.length; t++) {
      const tok = bucket[t];
      for (let i = 0; i < len; i++) if (tok[i] !== bytes[s + i]) continue outer;
      return true;
    }
    return false;
  }
}

/** Where escaped cells are unquoted to (a Buffer, like the file's chunks, so cell readers see one array type). */
export class CellScratch {
  buf: Buffer = Buffer.alloc(256);

  /** Unquotes `bytes[start, end)` (a FIELD_ESCAPED span) into `buf` and returns the content's length. */
  unquote(bytes: Uint8Array, start: number, end: number): number {
    if (this.buf.length < end - start) this.buf = Buffer.alloc((end - start) * 2);
    return unquoteField(bytes, start, end, this.buf);
  }
}

/** The records of one tokenizer batch that land in the table, with the slot each one goes to. */
export interface RowBatch {
  bytes: Buffer;
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  fieldFlags: Uint8Array;
  /** Index of each row's first field in the field arrays. */
  first: Int32Array;
  slot: Int32Array;
  /** Slots holding earlier rows when this row is stored (what a re-typing must convert). */
  filled: Int32Array;
  count: number;
  scratch: CellScratch;
}

export class ColumnBuilder {
  mode: BuilderMode = NUMBERS;
  values: Float64Array;
  codes: Int32Array | null = null;
  interner: ByteInterner | null = null;
  /** Every number read so far prints back as its own text. */
  canonical = true;
  /** Some number had a decimal point or an exponent. */
  fractional = false;
  /** Some slots hold `PENDING` codes. */
  pending = false;
  /** Numbers read so far: a column that held only missing cells may still become a date column. */
  private numbers = 0;

  constructor(
    private readonly missing: MissingTokens,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
  }

  /** True while the column holds numbers or dates in `values`. */
  get numeric(): boolean {
    return this.mode !== STRINGS;
  }

  /** Grows the row storage to `n` slots, keeping the content. */
  grow(n: number): void {
    if (this.mode !== STRINGS) {
      const v = new Float64Array(n);
      v.set(this.values);
      this.values = v;
    } else {
      const c = new Int32Array(n);
      c.set(this.codes as Int32Array);
      this.codes = c;
    }
  }

  /**
   * Stores field `c` of every row of the batch. Each mode has its own tight loop with the column's state in locals;
   * a cell that does not fit the mode goes through `set`, which re-types the column, and the loop of the new mode
   * takes over from the next row.
   */
  setBatch(b: RowBatch, c: number): void {
    const n = b.count;
    let i = 0;
    while (i < n) {
      if (this.mode === NUMBERS) i = this.numbersLoop(b, c, i);
      else if (this.mode === DATES) i = this.datesLoop(b, c, i);
      else {
        this.stringsLoop(b, c, i);
        return;
      }
      if (i < n) {
        const fo = b.first[i] + c;
        let s = b.fieldStart[fo];
        let e = b.fieldEnd[fo];
        let bytes = b.bytes;
        const f = b.fieldFlags[fo];
        if (f === FIELD_QUOTED) {
          s++;
          e--;
        } else if (f !== FIELD_PLAIN) {
          e = b.scratch.unquote(bytes, s, e);
          s = 0;
          bytes = b.scratch.buf;
        }
        this.set(b.slot[i], bytes, s, e, b.filled[i]);
        i++;
      }
    }
  }

  /** Numbers from row `i` on; returns the first row whose cell is neither a number nor missing (or `count`). */
  private numbersLoop(b: RowBatch, c: number, from: number): number {
    const { bytes, fieldStart, fieldEnd, fieldFlags, first, slot, count, scratch } = b;
    const values = this.values;
    const missing = this.missing;
    let canonical = this.canonical;
    let fractional = this.fractional;
    let numbers = this.numbers;
    let i = from;
    for (; i < count; i++) {
      const fo = first[i] + c;
      let s = fieldStart[fo];
      let e = fieldEnd[fo];
      const f = fieldFlags[fo];
      let src = bytes;
      if (f === FIELD_PLAIN) {
        // parseNumberBytes' fast path, inlined by hand: this loop runs once per numeric cell of the file, and keeping
        // the canonical/fractional facts in locals instead of module state is a measurable share of the reader.
        let p = s;
        let neg = false;
        if (p < e && bytes[p] === 45) {
          neg = true;
          p++;
        }
        const ds = p;
        let mant = 0;
        while (p < e) {
          const d = bytes[p] - 48;
          if (d < 0 || d > 9) break;
          mant = mant * 10 + d;
          p++;
        }
        const intDigits = p - ds;
        let fracDigits = 0;
        let dot = false;
        if (p < e && bytes[p] === 46) {
          dot = true;
          p++;
          const fs = p;
          while (p < e) {
            const d = bytes[p] - 48;
            if (d < 0 || d > 9) break;
            mant = mant * 10 + d;
            p++;
          }
          fracDigits = p - fs;
        }
        const digits = intDigits + fracDigits;
        if (p === e && digits > 0 && digits <= 15) {
          const v = fracDigits === 0 ? mant : mant / POW10[fracDigits];
          if (canonical) {
            if ((intDigits > 1 && bytes[ds] === 48) || (neg && mant === 0) || (v !== 0 && v < 1e-6)) canonical = false;
            else if (dot && (fracDigits === 0 || intDigits === 0 || bytes[e - 1] === 48)) canonical = false;
          }
          if (dot) fractional = true;
          values[slot[i]] = neg ? -v : v;
          numbers++;
          continue;
        }
      } else if (f === FIELD_QUOTED) {
        s++;
        e--;
      } else {
        e = scratch.unquote(bytes, s, e);
        s = 0;
        src = scratch.buf;
      }
      const v = parseNumberBytes(src, s, e);
      if (v === v) {
        values[slot[i]] = v;
        numbers++;
        if (!lastNumber.canonical) canonical = false;
        if (lastNumber.fractional) fractional = true;
      } else if (missing.test(src, s, e)) {
        values[slot[i]] = NaN;
      } else break;
    }
    this.canonical = canonical;
    this.fractional = fractional;
    this.numbers = numbers;
    return i;
  }

  /** Dates from row `i` on; returns the first row whose cell is neither a date nor missing (or `count`). */
  private datesLoop(b: RowBatch, c: number, from: number): number {
    const { bytes, fieldStart, fieldEnd, fieldFlags, first, slot, count, scratch } = b;
    const values = this.values;
    const missing = this.missing;
    let i = from;
    for (; i < count; i++) {
      const fo = first[i] + c;
      let s = fieldStart[fo];
      let e = fieldEnd[fo];
      const f = fieldFlags[fo];
      let src = bytes;
      if (f !== FIELD_PLAIN) {
        if (f === FIELD_QUOTED) {
          s++;
          e--;
        } else {
          e = scratch.unquote(bytes, s, e);
          s = 0;
          src = scratch.buf;
        }
      }
      const v = parseDatetimeBytes(src, s, e);
      if (v === v) values[slot[i]] = v;
      else if (missing.test(src, s, e)) values[slot[i]] = NaN;
      else break;
    }
    return i;
  }

  private stringsLoop(b: RowBatch, c: number, from: number): void {
    const { bytes, fieldStart, fieldEnd, fieldFlags, first, slot, count, scratch } = b;
    const codes = this.codes as Int32Array;
    const interner = this.interner as ByteInterner;
    for (let i = from; i < count; i++) {
      const fo = first[i] + c;
      let s = fieldStart[fo];
      let e = fieldEnd[fo];
      const f = fieldFlags[fo];
      let src = bytes;
      if (f !== FIELD_PLAIN) {
        if (f === FIELD_QUOTED) {
          s++;
          e--;
        } else {
          e = scratch.unquote(bytes, s, e);
          s = 0;
          src = scratch.buf;
        }
      }
      codes[slot[i]] = interner.internOrNull(src, s, e);
    }
  }

  /** Stores the cell `bytes[start, end)` (already unquoted) in row slot `slot`; `filled` slots hold rows so far. */
  set(slot: number, bytes: Uint8Array, start: number, end: number, filled: number): void {
    const mode = this.mode;
    if (mode === NUMBERS) {
      const v = parseNumberBytes(bytes, start, end);
      if (v === v) {
        this.values[slot] = v;
        this.numbers++;
        if (this.canonical && !lastNumber.canonical) this.canonical = false;
        if (lastNumber.fractional) this.fractional = true;
        return;
      }
      if (this.missing.test(bytes, start, end)) {
        this.values[slot] = NaN;
        return;
      }
      if (this.numbers === 0) {
        const d = parseDatetimeBytes(bytes, start, end);
        if (d === d) {
          this.mode = DATES;
          this.canonical = false;
          this.values[slot] = d;
          return;
        }
      }
      this.toStrings(filled);
    } else if (mode === DATES) {
      const d = parseDatetimeBytes(bytes, start, end);
      if (d === d) {
        this.values[slot] = d;
        return;
      }
      if (this.missing.test(bytes, start, end)) {
        this.values[slot] = NaN;
        return;
      }
      this.toStrings(filled);
    }
    const codes = this.codes as Int32Array;
    codes[slot] = (this.interner as ByteInterner).internOrNull(bytes, start, end);
  }

  /** Second pass: the text of a `PENDING` slot. */
  fill(slot: number, bytes: Uint8Array, start: number, end: number): void {
    const codes = this.codes as Int32Array;
    if (codes[slot] !== PENDING) return;
    codes[slot] = (this.interner as ByteInterner).internOrNull(bytes, start, end);
  }

  /** Turns the values in slots [0, filled) into dictionary codes (or `PENDING` when their text is not recoverable). */
  toStrings(filled: number): void {
    if (this.mode === STRINGS) return;
    const values = this.values;
    const codes = new Int32Array(values.length);
    const missing = this.missing;
    const interner = new ByteInterner('utf8', (b, s, e) => missing.test(b, s, e));
    for (let i = 0; i < filled; i++) {
      const v = values[i];
      if (v !== v) codes[i] = -1;
      else if (this.canonical) codes[i] = interner.internString(String(v));
      else {
        codes[i] = PENDING;
        this.pending = true;
      }
    }
    this.mode = STRINGS;
    this.codes = codes;
    this.interner = interner;
    this.values = new Float64Array(0);
  }

  /**
   * Drops dictionary values no slot refers to any more (row sampling replaces rows, leaving their values behind),
   * so the dictionary stays bounded by the sample size rather than by the file.
   */
  compact(filled: number): void {
    if (this.mode !== STRINGS) return;
    const codes = this.codes as Int32Array;
    const interner = this.interner as ByteInterner;
    const keep = new Uint8Array(interner.size);
    for (let i = 0; i < filled; i++) if (codes[i] >= 0) keep[codes[i]] = 1;
    const remap = interner.compact(keep);
    for (let i = 0; i < filled; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  }
}
