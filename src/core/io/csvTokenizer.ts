/**
 * RFC 4180 tokenizer over raw bytes. It finds record and field boundaries only; decoding and typing are the column
 * builders' job, so a cell never becomes a string unless it has to.
 *
 * The caller feeds it buffers that start at a record boundary; it reports each complete record and returns where the
 * first incomplete one starts, so the caller carries those bytes into the next read. A record split over reads is
 * thus scanned twice at most — cheap next to copying every chunk into a growing string.
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

/** Receives one complete record; the field spans are in the tokenizer's arrays, valid until the call returns. */
export type RecordSink = (fieldCount: number, line: number, bytes: Uint8Array) => void;

/** Thrown by `feed` on a quoted field that is still open at the end of the input. */
export class UnterminatedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unterminated quote at line ${line}`);
    this.name = 'UnterminatedQuoteError';
  }
}

export class CsvTokenizer {
  fieldStart = new Int32Array(64);
  fieldEnd = new Int32Array(64);
  fieldFlags = new Uint8Array(64);
  /** 1-based physical line where the next record starts (quoted newlines count as lines). */
  line = 1;

  constructor(
    private readonly delimiter: number,
    private readonly sink: RecordSink,
  ) {}

  /**
   * Tokenizes `bytes[start, end)`. With `final` false, stops before a record that reaches `end` (it may continue in
   * the next read) and returns its offset; with `final` true the end of input closes the last record.
   * Blank lines are skipped (as pandas does), but counted for line numbers.
   * @throws {UnterminatedQuoteError} when `final` and a quoted field never closes.
   */
  feed(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const delim = this.delimiter;
    let pos = start;
    while (pos < end) {
      const recStart = pos;
      let nf = 0;
      let extraLines = 0;
      let done = false;
      while (!done) {
        const fs = pos;
        let flag = FIELD_PLAIN;
        if (pos < end && bytes[pos] === QUOTE) {
          flag = FIELD_QUOTED;
          pos++;
          for (;;) {
            if (pos >= end) {
              if (!final) return recStart;
              throw new UnterminatedQuoteError(this.line);
            }
            const c = bytes[pos];
            if (c === QUOTE) {
              if (pos + 1 >= end && !final) return recStart;
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
              if (pos + 1 >= end && !final) return recStart;
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
            if (c === delim || c === LF || c === CR) break;
            pos++;
          }
        }
        if (nf === this.fieldStart.length) this.grow();
        this.fieldStart[nf] = fs;
        this.fieldEnd[nf] = pos;
        this.fieldFlags[nf] = flag;
        nf++;
        if (pos >= end) {
          if (!final) return recStart;
          done = true;
          break;
        }
        const c = bytes[pos];
        if (c === delim) {
          pos++;
          if (pos >= end && !final) return recStart;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= end && !final) return recStart;
          pos += pos + 1 < end && bytes[pos + 1] === LF ? 2 : 1;
        } else {
          pos++;
        }
        done = true;
      }
      const line = this.line;
      this.line += 1 + extraLines;
      if (nf === 1 && this.fieldEnd[0] === this.fieldStart[0]) continue;
      this.sink(nf, line, bytes);
    }
    return pos;
  }

  private grow(): void {
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
