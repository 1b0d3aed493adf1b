/**
 * The read loop: reads a file in chunks into two alternating buffers, carries the bytes of a record cut by a chunk
 * boundary into the next buffer, and hands each batch of complete records on. Never holds more than one chunk plus one
 * record in memory, whatever the file's size.
 */
import type { FileHandle } from 'node:fs/promises';
import { UnterminatedQuoteError, type CsvTokenizer } from './csvTokenizer';
import { ReadCancelledError } from './readOptions';
import { DataFileError } from './table';

export interface ScanOptions {
  path: string;
  /** File name as shown in messages. */
  name: string;
  size: number;
  delimiter: number;
  chunkSize: number;
  /** A record longer than this is an error (a stray quote would otherwise swallow the rest of the file). */
  maxRecordBytes: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  isCancelled?: () => boolean;
}

/** Thrown by a batch handler to end a scan early (the second pass stops after the last row it needs). */
export class StopScan extends Error {}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Feeds every byte of the file (after a UTF-8 BOM) to `tok`; after each read, `onBatch(bytes)` walks the records
 * the tokenizer found (their spans index into `bytes`, valid until `onBatch` returns).
 */
export async function scanRecords(handle: FileHandle, opts: ScanOptions, tok: CsvTokenizer, onBatch: (bytes: Buffer) => void): Promise<void> {
  const head = Buffer.alloc(3);
  const { bytesRead: headRead } = await handle.read(head, 0, 3, 0);
  let position = headRead === 3 && head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2] ? 3 : 0;
  let buffers = [Buffer.allocUnsafe(opts.chunkSize * 2), Buffer.allocUnsafe(opts.chunkSize * 2)];
  let which = 0;
  let carry: Buffer = Buffer.alloc(0);
  try {
    for (;;) {
      if (opts.isCancelled?.()) throw new ReadCancelledError();
      let buf = buffers[which];
      if (buf.length < carry.length + opts.chunkSize) {
        buf = Buffer.allocUnsafe((carry.length + opts.chunkSize) * 2);
        buffers[which] = buf;
      }
      carry.copy(buf, 0);
      const { bytesRead } = await handle.read(buf, carry.length, opts.chunkSize, position);
      position += bytesRead;
      const end = carry.length + bytesRead;
      const eof = bytesRead === 0 || position >= opts.size;
      const consumed = tok.feed(buf, 0, end, eof);
      if (tok.records > 0) onBatch(buf);
      if (tok.openQuoteLine > 0) throw new UnterminatedQuoteError(tok.openQuoteLine);
      carry = buf.subarray(consumed, end);
      which ^= 1;
      opts.onProgress?.(Math.min(position, opts.size), opts.size);
      if (eof) break;
      if (carry.length > opts.maxRecordBytes) {
        throw new DataFileError(
          opts.path,
          `${opts.name} line ${tok.line}: a record runs on for more than ${Math.round(opts.maxRecordBytes / 1048576)} MiB — ` +
            `most likely a quote (") that is never closed; close it (a quote inside a quoted field is written "")`,
          tok.line,
        );
      }
    }
  } catch (err) {
    if (err instanceof StopScan) return;
    if (err instanceof UnterminatedQuoteError) {
      throw new DataFileError(
        opts.path,
        `${opts.name} line ${err.line}: a quoted field opens in this record and is never closed — ` +
          `add the closing quote (a quote inside a quoted field is written "")`,
        err.line,
      );
    }
    throw err;
  } finally {
    buffers = [];
  }
}
