/**
 * RFC 4180 tokenizer over raw bytes. It finds record and field boundaries only; decoding and typing are the column
 * builders' job, so a cell never becomes a string unless it has to.
 *
 * `feed` tokenizes a whole buffer into a batch of records (flat arrays of field spans) that the caller then walks
 * column by column: each column's loop stays monomorphic and keeps its state in registers, which is where a
 * row-at-a-time callback loses most of its time. The caller feeds buffers that start at a record boundary; `feed`
 * returns where the first incomplete record starts, so the caller carries those bytes into the next read. A record
 * split over reads is thus scanned twice at most — cheap next to copying every chunk into a growing string.
 */

export const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Field flags: how to get the cell's bytes out of its raw span. */
export const FIELD_PLAIN = 0;
/** Quoted, no `""` inside: the content is the span without its first and last byte. */
export const FIELD_QUOTED = 1;
/** Quoted with `""` escapes or text after the closing quote: needs `unquoteField`. */
export const FIELD_ESCAPED = 2;

/** Thrown by the scanner for a quoted field still open at the end of the input (see `CsvTokenizer.openQuoteLine`). */
export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quote at line ${line}`);
    this.name = 'UnterminatedQuoteError';
  }
}

export class CsvTokenizer {
  /** Field spans of the last batch, all records back to back. */
  fieldStart = new Int32Array(4096);
  fieldEnd = new Int32Array(4096);
  fieldFlags = new Uint8Array(4096);
  /** Record r of the last batch has fields [recordField[r], recordField[r + 1]). */
  recordField = new Int32Array(1025);
  /** 1-based physical line where record r starts (quoted newlines count as lines). */
  recordLine = new Float64Array(1024);
  /** Records in the last batch. */
  records = 0;
  /** 1-based physical line where the next record starts. */
  line = 1;
  /**
   * Set by a final `feed` when a quoted field never closes: the line of that record. The batch still holds the
   * records before it, so they are checked (and a ragged row among them reported) before the quote is.
   */
  openQuoteLine = 0;

  constructor(private readonly delimiter: number) {}

  /**
   * Tokenizes `bytes[start, end)` into a new batch. With `final` false, stops before a record that reaches `end` (it
   * may continue in the next read) and returns its offset; with `final` true the end of input closes the last record.
   * Blank lines are skipped (as pandas does), but counted for line numbers.
   */
  feed(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const delim = this.delimiter;
    // Bytes above both the delimiter and CR can be neither (nor LF): one comparison for most bytes of a field.
    const high = Math.max(delim, CR);
    let fs = this.fieldStart;
    let fe = this.fieldEnd;
    let ff = this.fieldFlags;
    let rf = this.recordField;
    let rl = this.recordLine;
    let line = this.line;
    let nfTotal = 0;
    let records = 0;
    rf[0] = 0;
    let pos = start;
    let consumed = start;
    outer: while (pos < end) {
      const recFirst = nfTotal;
      let extraLines = 0;
      for (;;) {
        const fieldStart = pos;
        let flag = FIELD_PLAIN;
        if (pos < end && bytes[pos] === QUOTE) {
          flag = FIELD_QUOTED;
          pos++;
          for (;;) {
            if (pos >= end) {
              if (final) this.openQuoteLine = line;
              break outer;
            }
            const c = bytes[pos];
            if (c === QUOTE) {
              if (pos + 1 >= end && !final) break outer;
              if (pos + 1 < end && bytes[pos + 1] === QUOTE) {
                flag = FIELD_ESCAPED;
                pos += 2;
                continue;
              }
              pos++;
              break;
            }
            if (c === LF) extraLines++;
            else if (c === CR) {
              if (pos + 1 >= end && !final) break outer;
              if (pos + 1 >= end || bytes[pos + 1] !== LF) extraLines++;
            }
            pos++;
          }
          // Bytes after the closing quote (`"a"b`) are kept, leniently, as part of the cell.
          while (pos < end) {
            const c = bytes[pos];
            if (c === delim || c === LF || c === CR) break;
            flag = FIELD_ESCAPED;
            pos++;
          }
        } else {
          while (pos < end) {
            const c = bytes[pos];
            if (c > high) {
              pos++;
              continue;
            }
            if (c === delim || c === LF || c === CR) break;
            pos++;
          }
        }
        if (nfTotal === fs.length) {
          this.growFields();
          fs = this.fieldStart;
          fe = this.fieldEnd;
          ff = this.fieldFlags;
        }
        fs[nfTotal] = fieldStart;
        fe[nfTotal] = pos;
        ff[nfTotal] = flag;
        nfTotal++;
        if (pos >= end) {
          if (!final) break outer;
          break;
        }
        const c = bytes[pos];
        if (c === delim) {
          pos++;
          if (pos >= end && !final) break outer;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= end && !final) break outer;
          pos += pos + 1 < end && bytes[pos + 1] === LF ? 2 : 1;
        } else {
          pos++;
        }
        break;
      }
      consumed = pos;
      const recLine = line;
      line += 1 + extraLines;
      if (nfTotal - recFirst === 1 && fe[recFirst] === fs[recFirst]) {
        nfTotal = recFirst; // blank line
        continue;
      }
      if (records + 1 >= rf.length) {
        this.growRecords();
        rf = this.recordField;
        rl = this.recordLine;
      }
      rl[records] = recLine;
      records++;
      rf[records] = nfTotal;
    }
    this.line = line;
    this.records = records;
    return consumed;
  }

  private growFields(): void {
    const n = this.fieldStart.length * 2;
    const s = new Int32Array(n);
    s.set(this.fieldStart);
    const e = new Int32Array(n);
    e.set(this.fieldEnd);
    const f = new Uint8Array(n);
    f.set(this.fieldFlags);
    this.fieldStart = s;
    this.fieldEnd = e;
    this.fieldFlags = f;
  }

  private growRecords(): void {
    const n = this.recordLine.length * 2;
    const rf = new Int32Array(n + 1);
    rf.set(this.recordField);
    const rl = new Float64Array(n);
    rl.set(this.recordLine);
    this.recordField = rf;
    this.recordLine = rl;
  }
}

/**
 * Writes the content of an escaped quoted field (`"a""b"c` → `a"bc`) into `out` from 0 and returns its length.
 * `out` must hold at least `end − start` bytes.
 */
export function unquoteField(bytes: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let n = 0;
  let i = start + 1;
  let inQuotes = true;
  while (i < end) {
    const c = bytes[i];
    if (inQuotes && c === QUOTE) {
      if (i + 1 < end && bytes[i + 1] === QUOTE) {
        out[n++] = QUOTE;
        i += 2;
        continue;
      }
      inQuotes = false;
      i++;
      continue;
    }
    out[n++] = c;
    i++;
  }
  return n;
}
