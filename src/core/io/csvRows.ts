/**
 * The record sink of the CSV reader's first pass: takes the header, checks each record's width, picks the row slot
 * (every row, or a seeded reservoir sample above `maxRows`) and hands each cell to its column builder.
 */
import { isUtf8 } from 'node:buffer';
import { ColumnBuilder, MissingTokens } from './columnBuilder';
import { CsvTokenizer, FIELD_ESCAPED, FIELD_PLAIN, unquoteField } from './csvTokenizer';
import { mulberry32 } from '../stats/random';
import { DataFileError } from './table';

/** Replacements between checks of the sampled dictionaries' size (a check walks every column). */
const COMPACT_EVERY = 65536;
const INITIAL_CAPACITY = 1024;

export interface RowSinkOptions {
  path: string;
  name: string;
  missingTokens: readonly string[];
  skipBadRows: boolean;
  /** 0: keep every row. */
  maxRows: number;
  seed: number;
}

export class CsvRows {
  tokenizer!: CsvTokenizer;
  columns: ColumnBuilder[] | null = null;
  /** Header cells as read, kept as bytes until the file's text encoding is known. */
  rawHeaderBytes: Buffer[] = [];
  headerInvalidUtf8 = false;
  /** Good data records seen (the file's row count). */
  records = 0;
  /** Row slots in use: `records`, or `maxRows` once sampling. */
  filled = 0;
  badRows = 0;
  badLines: number[] = [];
  /** With sampling: the record number each slot holds (the second pass needs it to find the slot's text again). */
  slotRecord: Float64Array | null = null;
  private capacity = 0;
  private scratch = new Uint8Array(256);
  private readonly missing: MissingTokens;
  private readonly rng: () => number;

  constructor(private readonly opts: RowSinkOptions) {
    this.missing = new MissingTokens(opts.missingTokens);
    this.rng = mulberry32(opts.seed);
  }

  /** The sink passed to the tokenizer (an arrow function so it can be handed over unbound). */
  readonly onRecord = (nf: number, line: number, bytes: Uint8Array): void => {
    const cols = this.columns;
    if (cols === null) {
      this.takeHeader(nf, bytes);
      return;
    }
    const width = cols.length;
    if (nf !== width) {
      this.badRow(nf, width, line);
      return;
    }
    const rec = this.records++;
    const k = this.opts.maxRows;
    let slot: number;
    let filled: number;
    if (k === 0 || rec < k) {
      slot = rec;
      filled = rec;
      if (slot >= this.capacity) this.grow(slot + 1);
      this.filled = rec + 1;
    } else {
      // Algorithm R (Vitter 1985): record rec replaces a uniform slot with probability k/(rec+1).
      slot = Math.floor(this.rng() * (rec + 1));
      if (slot >= k) return;
      filled = k;
      if ((rec & (COMPACT_EVERY - 1)) === 0) this.compactDictionaries();
    }
    if (this.slotRecord !== null) this.slotRecord[slot] = rec;
    const tok = this.tokenizer;
    const fs = tok.fieldStart;
    const fe = tok.fieldEnd;
    const ff = tok.fieldFlags;
    for (let c = 0; c < width; c++) {
      const f = ff[c];
      if (f === FIELD_PLAIN) cols[c].set(slot, bytes, fs[c], fe[c], filled);
      else if (f === FIELD_ESCAPED) {
        const n = unquoteField(bytes, fs[c], fe[c], this.scratchFor(fe[c] - fs[c]));
        cols[c].set(slot, this.scratch, 0, n, filled);
      } else cols[c].set(slot, bytes, fs[c] + 1, fe[c] - 1, filled);
    }
  };

  /** The cell of field `c` of the current record, unquoted: [bytes, start, end]. */
  cell(c: number, bytes: Uint8Array): [Uint8Array, number, number] {
    const tok = this.tokenizer;
    const s = tok.fieldStart[c];
    const e = tok.fieldEnd[c];
    const f = tok.fieldFlags[c];
    if (f === FIELD_PLAIN) return [bytes, s, e];
    if (f === FIELD_ESCAPED) {
      const out = this.scratchFor(e - s);
      return [out, 0, unquoteField(bytes, s, e, out)];
    }
    return [bytes, s + 1, e - 1];
  }

  /** Drops dictionary values that sampled-out rows left behind (`force`: whatever the dictionaries' size). */
  compactDictionaries(force = false): void {
    const limit = force ? 0 : 2 * this.opts.maxRows + COMPACT_EVERY;
    for (const col of this.columns ?? []) {
      if (!col.numeric && col.interner !== null && col.interner.size > limit) col.compact(this.filled);
    }
  }

  private takeHeader(nf: number, bytes: Uint8Array): void {
    for (let c = 0; c < nf; c++) {
      const [b, s, e] = this.cell(c, bytes);
      const copy = Buffer.from(b.subarray(s, e));
      if (!isUtf8(copy)) this.headerInvalidUtf8 = true;
      this.rawHeaderBytes.push(copy);
    }
    this.columns = this.rawHeaderBytes.map(() => new ColumnBuilder(this.missing, 0));
    if (this.opts.maxRows > 0) this.slotRecord = new Float64Array(0);
  }

  private badRow(nf: number, width: number, line: number): void {
    if (!this.opts.skipBadRows) {
      throw new DataFileError(
        this.opts.path,
        `${this.opts.name} line ${line}: ${nf} field${nf === 1 ? '' : 's'}, header has ${width} — fix the row or pass --skip-bad-rows`,
        line,
      );
    }
    this.badRows++;
    if (this.badLines.length < 5) this.badLines.push(line);
  }

  private grow(min: number): void {
    let n = Math.max(INITIAL_CAPACITY, this.capacity * 2, min);
    if (this.opts.maxRows > 0) n = Math.min(n, this.opts.maxRows);
    for (const col of this.columns ?? []) col.grow(n);
    if (this.slotRecord !== null) {
      const s = new Float64Array(n);
      s.set(this.slotRecord);
      this.slotRecord = s;
    }
    this.capacity = n;
  }

  private scratchFor(n: number): Uint8Array {
    if (this.scratch.length < n) this.scratch = new Uint8Array(n * 2);
    return this.scratch;
  }
}
