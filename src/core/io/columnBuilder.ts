/**
 * Builds one CSV column from cell bytes. A column starts numeric (values straight into a growable Float64Array) and
 * turns into strings at its first cell that is neither a number nor a missing token — at any row, so a file whose
 * row 900 000 holds "abc" is re-typed, never corrupted. Strings go into a byte-keyed dictionary with Int32Array codes.
 *
 * Re-typing needs the exact texts of the numbers already read. When every one of them printed back as itself
 * (`String(value)` equals the cell, the usual case for integers and short decimals), the texts come from the values;
 * otherwise the slots are marked `PENDING` and the reader fills them in a second pass over the file.
 */
import { ByteInterner } from './byteInterner';
import { lastNumber, parseNumberBytes } from './csvNumber';

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

export class ColumnBuilder {
  numeric = true;
  values: Float64Array;
  codes: Int32Array | null = null;
  interner: ByteInterner | null = null;
  /** Every number read so far prints back as its own text. */
  canonical = true;
  /** Some number had a decimal point or an exponent. */
  fractional = false;
  /** Some slots hold `PENDING` codes. */
  pending = false;

  constructor(
    private readonly missing: MissingTokens,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.numeric ? this.values.length : (this.codes as Int32Array).length;
  }

  /** Grows the row storage to `n` slots, keeping the content. */
  grow(n: number): void {
    if (this.numeric) {
      const v = new Float64Array(n);
      v.set(this.values);
      this.values = v;
    } else {
      const c = new Int32Array(n);
      c.set(this.codes as Int32Array);
      this.codes = c;
    }
  }

  /** Stores the cell `bytes[start, end)` (already unquoted) in row slot `slot`; `filled` slots hold rows so far. */
  set(slot: number, bytes: Uint8Array, start: number, end: number, filled: number): void {
    if (this.numeric) {
      const v = parseNumberBytes(bytes, start, end);
      if (v === v) {
        this.values[slot] = v;
        if (this.canonical && !lastNumber.canonical) this.canonical = false;
        if (lastNumber.fractional) this.fractional = true;
        return;
      }
      if (this.missing.test(bytes, start, end)) {
        this.values[slot] = NaN;
        return;
      }
      this.toStrings(filled);
    }
    const codes = this.codes as Int32Array;
    codes[slot] = this.missing.test(bytes, start, end) ? -1 : (this.interner as ByteInterner).intern(bytes, start, end);
  }

  /** Second pass: the text of a `PENDING` slot. */
  fill(slot: number, bytes: Uint8Array, start: number, end: number): void {
    const codes = this.codes as Int32Array;
    if (codes[slot] !== PENDING) return;
    codes[slot] = this.missing.test(bytes, start, end) ? -1 : (this.interner as ByteInterner).intern(bytes, start, end);
  }

  /** Turns the numbers in slots [0, filled) into dictionary codes (or `PENDING` when their text is not recoverable). */
  toStrings(filled: number): void {
    if (!this.numeric) return;
    const values = this.values;
    const codes = new Int32Array(values.length);
    const interner = new ByteInterner();
    for (let i = 0; i < filled; i++) {
      const v = values[i];
      if (v !== v) codes[i] = -1;
      else if (this.canonical) codes[i] = interner.internString(String(v));
      else {
        codes[i] = PENDING;
        this.pending = true;
      }
    }
    this.numeric = false;
    this.codes = codes;
    this.interner = interner;
    this.values = new Float64Array(0);
  }

  /**
   * Drops dictionary values no slot refers to any more (row sampling replaces rows, leaving their values behind),
   * so the dictionary stays bounded by the sample size rather than by the file.
   */
  compact(filled: number): void {
    if (this.numeric) return;
    const codes = this.codes as Int32Array;
    const interner = this.interner as ByteInterner;
    const keep = new Uint8Array(interner.size);
    for (let i = 0; i < filled; i++) if (codes[i] >= 0) keep[codes[i]] = 1;
    const remap = interner.compact(keep);
    for (let i = 0; i < filled; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
  }
}
