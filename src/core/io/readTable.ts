/**
 * Opens any supported data file: the format comes from the file's first bytes (its magic number), then from its
 * extension, so a mis-named file still opens or fails with a message that says what it really is.
 */
import { basename, extname } from 'node:path';
import { readArrow } from './arrow';
import { readCsv } from './csv';
import { openDataFile, readHead } from './openDataFile';
import type { ReadOptions } from './readOptions';
import { DataFileError, type Table } from './table';

export type SniffedFormat = 'arrow-file' | 'arrow-stream' | 'csv';

const MAGIC_BYTES = 8;

/**
 * The format of a file from its first bytes and its name.
 * @throws {DataFileError} for formats we recognise but do not read (Feather v1, Parquet, gzip, zip/Excel).
 */
export function sniffFormat(path: string, head: Uint8Array): SniffedFormat {
  const name = basename(path);
  const ascii = Buffer.from(head.subarray(0, 6)).toString('latin1');
  if (ascii === 'ARROW1') return 'arrow-file';
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) return 'arrow-stream';
  if (ascii.startsWith('FEA1')) {
    throw new DataFileError(
      path,
      `${name} is Feather v1, which is not supported — re-save it with pyarrow as Feather v2 (pyarrow.feather.write_feather(df, path, version=2))`,
    );
  }
  if (ascii.startsWith('PAR1')) throw new DataFileError(path, `${name} is Parquet, which is not supported yet — convert it to Arrow/Feather or CSV`);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    throw new DataFileError(path, `${name} is gzip-compressed — decompress it first (gunzip ${name}) and open the result`);
  }
  if (ascii.startsWith('PK\x03\x04')) {
    throw new DataFileError(path, `${name} is a zip archive (or an Excel workbook) — extract it, or export the sheet as CSV`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.arrow' || ext === '.feather' || ext === '.ipc' || ext === '.arrows') {
    throw new DataFileError(path, `${name} does not start like an Arrow IPC file or stream — is it really ${ext}? Re-export it with pyarrow`);
  }
  return 'csv';
}

/**
 * Reads a CSV/TSV or Arrow IPC (file, Feather v2, stream) into a `Table`.
 * `.tsv` files default to a tab delimiter; other text files have theirs sniffed.
 * @throws {DataFileError} for missing, unreadable, unsupported or malformed files.
 */
export async function readTable(path: string, options: ReadOptions): Promise<Table> {
  const { handle, size } = await openDataFile(path);
  let head: Buffer;
  try {
    head = await readHead(handle, Math.min(size, MAGIC_BYTES));
  } finally {
    await handle.close();
  }
  if (size === 0) throw new DataFileError(path, `${basename(path)} is empty: it has no header row`);
  const format = sniffFormat(path, head);
  if (format !== 'csv') return readArrow(path, options);
  const isTsv = extname(path).toLowerCase() === '.tsv';
  return readCsv(path, isTsv && options.delimiter === undefined ? { ...options, delimiter: '\t' } : options);
}
