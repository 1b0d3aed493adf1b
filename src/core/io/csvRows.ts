/**
 * The first pass of the CSV reader over each batch of records: takes the header, checks each record's width, picks
 * the row slot (every row, or a seeded reservoir sample above `maxRows`) and hands the cells to the column builders.
 */
import { isUtf8 } from 'node:buffer';
import { CellScratch, ColumnBuilder, MissingTokens, type RowBatch } from './columnBuilder';
import { FIELD_PLAIN, FIELD_QUOTED, type CsvTokenizer } from './csvTokenizer';
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
  readonly scratch = new CellScratch();
  private capacity = 0;
  private expected = 0;
  private sinceCompact = 0;
  private batch: RowBatch | null = null;
  private readonly missing: MissingTokens;
  private readonly rng: () => number;

  constructor(private readonly opts: RowSinkOptions) {
    this.missing = new MissingTokens(opts.missingTokens);
    this.rng = mulberry32(opts.seed);
  }

  /** Pre-sizes the columns for about `rows` rows (an estimate from the first bytes), saving the doubling copies. */
  expectRows(rows: number): void {
    this.expected = Math.max(0, Math.ceil(rows));
  }

  /**
   * Takes the tokenizer's current batch: the header if not yet seen, then each record's width check and row slot,
   * then the cells column by column. An arrow function so it can be handed to the scanner unbound.
   */
  readonly onBatch = (bytes: Buffer): void => {
    const tok = this.tokenizer;
    const nRec = tok.records;
    const rf = tok.recordField;
    let r = 0;
    if (this.columns === null) {
      this.takeHeader(rf[0], rf[1], bytes);
      r = 1;
    }
    const cols = this.columns as ColumnBuilder[];
    const width = cols.length;
    const batch = this.batchFor(nRec, bytes);
    const k = this.opts.maxRows;
    let m = 0;
    for (; r < nRec; r++) {
      const nf = rf[r + 1] - rf[r];
      if (nf !== width) {
        this.badRow(nf, width, tok.recordLine[r]);
        continue;
      }
      const rec = this.records++;
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
        if (slot >= k) continue;
        filled = k;
        this.sinceCompact++;
      }
      if (this.slotRecord !== null) this.slotRecord[slot] = rec;
      batch.first[m] = rf[r];
      batch.slot[m] = slot;
      batch.filled[m] = filled;
      m++;
    }
    batch.count = m;
    for (let c = 0; c < width; c++) cols[c].setBatch(batch, c);
    if (this.sinceCompact >= COMPACT_EVERY) {
      this.sinceCompact = 0;
      this.compactDictionaries();
    }
  };

  /** The content of field `f` (an index into the tokenizer's field arrays), unquoted: [bytes, start, end]. */
  cell(f: number, bytes: Buffer): [Buffer, number, number] {
    const tok = this.tokenizer;
    const s = tok.fieldStart[f];
    const e = tok.fieldEnd[f];
    const flag = tok.fieldFlags[f];
    if (flag === FIELD_PLAIN) return [bytes, s, e];
    if (flag === FIELD_QUOTED) return [bytes, s + 1, e - 1];
    const n = this.scratch.unquote(bytes, s, e);
    return [this.scratch.buf, 0, n];
  }

  /** Drops dictionary values that sampled-out rows left behind (`force`: whatever the dictionaries' size). */
  compactDictionaries(force = false): void {
    const limit = force ? 0 : 2 * this.opts.maxRows + COMPACT_EVERY;
    for (const col of this.columns ?? []) {
      if (!col.numeric && col.interner !== null && col.interner.size > limit) col.compact(this.filled);
    }
  }

  private batchFor(records: number, bytes: Buffer): RowBatch {
    const tok = this.tokenizer;
    let b = this.batch;
    if (b === null || b.first.length < records) {
      const n = Math.max(records, 1024);
      b = { bytes, fieldStart: tok.fieldStart, fieldEnd: tok.fieldEnd, fieldFlags: tok.fieldFlags, first: new Int32Array(n), slot: new Int32Array(n), filled: new Int32Array(n), count: 0, scratch: this.scratch };
      this.batch = b;
    }
    // The tokenizer may have grown its arrays since the last batch.
    b.bytes = bytes;
    b.fieldStart = tok.fieldStart;
    b.fieldEnd = tok.fieldEnd;
    b.fieldFlags = tok.fieldFlags;
    return b;
  }

  private takeHeader(from: number, to: number, bytes: Buffer): void {
    for (let f = from; f < to; f++) {
      const [b, s, e] = this.cell(f, bytes);
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
    if (this.capacity === 0 && this.expected > n) n = this.expected;
    if (this.opts.maxRows > 0) n = Math.min(n, this.opts.maxRows);
    for (const col of this.columns ?? []) col.grow(n);
    if (this.slotRecord !== null) {
      const s = new Float64Array(n);
      s.set(this.slotRecord);
      this.slotRecord = s;
    }
    this.capacity = n;
  }
}
