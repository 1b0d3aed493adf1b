/**
 * The streaming CSV reader: bytes → typed columns in one pass (two when a column turned to text late and its earlier
 * numbers did not print back as their own text), with kind inference over the whole file.
 */
import { basename } from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { ColumnBuilder, DATES, NUMBERS, PENDING } from './columnBuilder';
import { CsvRows } from './csvRows';
import { CsvTokenizer } from './csvTokenizer';
import { scanRecords, StopScan, type ScanOptions } from './csvScan';
import { sniffDelimiter } from './csvSniff';
import { allIntegers, epochColumn, numericKind, stringColumnFrom } from './inferKind';
import { openDataFile, readHead } from './openDataFile';
import type { ReadOptions } from './readOptions';
import { DataFileError, type Column, type Table } from './table';
import type { TextDecoding } from './byteInterner';

/** Knobs for tests and benchmarks, kept out of `ReadOptions` because users have no reason to turn them. */
export interface CsvInternals {
  /** Bytes per read (tests use a few bytes to put chunk boundaries everywhere). */
  chunkSize?: number;
  /** A record longer than this is reported as a runaway quote. */
  maxRecordBytes?: number;
}

const DEFAULT_CHUNK = 1 << 20;
const DEFAULT_MAX_RECORD = 64 << 20;
/** Bytes sniffed for the delimiter and for binary content. */
const SNIFF_BYTES = 64 << 10;
const DEFAULT_SEED = 42;

/**
 * Reads a delimited text file into a `Table`.
 * @throws {DataFileError} naming the file (and the line) for unreadable, empty, binary or malformed files.
 * @throws {ReadCancelledError} when `options.isCancelled()` turns true.
 */
export async function readCsv(path: string, options: ReadOptions, internals: CsvInternals = {}): Promise<Table> {
  const name = basename(path);
  const { handle, size } = await openDataFile(path);
  try {
    if (size === 0) throw new DataFileError(path, `${name} is empty: it has no header row`);
    const head = await readHead(handle, Math.min(size, SNIFF_BYTES));
    if (head.includes(0)) {
      throw new DataFileError(path, `${name} does not look like CSV text: it contains NUL bytes (a binary file, or text saved as UTF-16 — re-save it as UTF-8 CSV)`);
    }
    const delimiter = chooseDelimiter(path, options.delimiter, head);
    const scan: ScanOptions = {
      path,
      name,
      size,
      delimiter: delimiter.charCodeAt(0),
      chunkSize: internals.chunkSize ?? DEFAULT_CHUNK,
      maxRecordBytes: internals.maxRecordBytes ?? DEFAULT_MAX_RECORD,
      onProgress: options.onProgress,
      isCancelled: options.isCancelled,
    };
    const seed = options.seed ?? DEFAULT_SEED;
    const rows = new CsvRows({ path, name, missingTokens: options.missingTokens, skipBadRows: options.skipBadRows, maxRows: Math.max(0, options.maxRows), seed });
    rows.expectRows(estimateRows(head, size));
    rows.tokenizer = new CsvTokenizer(scan.delimiter);
    await scanRecords(handle, scan, rows.tokenizer, rows.onBatch);
    return await finish(handle, scan, rows, options, seed);
  } finally {
    await handle.close();
  }
}

/** Rows the file probably has, from the line length in its first bytes (+5% so a close guess needs no regrowth). */
function estimateRows(head: Buffer, size: number): number {
  let lines = 0;
  for (let i = head.indexOf(10); i >= 0; i = head.indexOf(10, i + 1)) lines++;
  if (lines < 2) return 0;
  return (size / (head.length / lines)) * 1.05 + 16;
}

/** The first `n` slots of a column buffer: a view when little is wasted, else a tight copy (it may cross to a worker). */
function fit<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  return (a.length <= n * 1.1 + 16 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

function chooseDelimiter(path: string, given: string | undefined, head: Buffer): string {
  if (given !== undefined) {
    if (given.length !== 1 || given.charCodeAt(0) > 127 || given === '"' || given === '\n' || given === '\r') {
      throw new DataFileError(path, `delimiter ${JSON.stringify(given)} is not usable — give one ASCII character such as , ; | or \\t`);
    }
    return given;
  }
  return sniffDelimiter(head, ',');
}

async function finish(handle: FileHandle, scan: ScanOptions, rows: CsvRows, options: ReadOptions, seed: number): Promise<Table> {
  const { name, path } = scan;
  const warnings: string[] = [];
  const builders = rows.columns;
  if (builders === null) throw new DataFileError(path, `${name} is empty: it has no header row`);
  if (rows.records === 0) {
    const why = rows.badRows > 0 ? ` (all ${rows.badRows} were skipped as bad rows)` : '';
    throw new DataFileError(path, `${name} has a header but no data rows${why}`);
  }
  const n = rows.filled;

  // Integer identifiers become strings before the second pass, so their texts are recovered with the rest.
  const numericPlans = new Map<ColumnBuilder, ReturnType<typeof numericKind>>();
  const names = fixHeader(rows, name, warnings, 'utf8');
  // An unnamed column is what pandas writes for its index (`to_csv` with index=True): infer it as such, not as
  // the `col_N` it was renamed to.
  const inferName = (c: number): string => (rows.rawHeaderBytes[c].toString('latin1').trim() === '' ? '' : names[c]);
  builders.forEach((b, c) => {
    if (b.mode === DATES) b.values = fit(b.values, n);
    if (b.mode !== NUMBERS) return;
    const values = fit(b.values, n);
    b.values = values;
    const plan = numericKind(inferName(c), values, allIntegers(values));
    if (plan === 'strings') {
      // pandas writes an integer id column holding nulls as floats ("1001.0"): the id is "1001", as in a file
      // without nulls, so that ids match across files. Other non-canonical texts ("0042") are kept as written.
      if (b.fractional) b.canonical = true;
      b.toStrings(n);
    } else numericPlans.set(b, plan);
  });

  let decoding: TextDecoding = rows.headerInvalidUtf8 || builders.some((b) => b.interner?.sawInvalidUtf8) ? 'latin1' : 'utf8';
  if (decoding === 'latin1') for (const b of builders) b.interner?.setDecoding('latin1');
  if (builders.some((b) => b.pending)) {
    await fillPending(handle, scan, rows, options, seed);
    if (decoding === 'utf8' && builders.some((b) => b.interner?.sawInvalidUtf8)) {
      decoding = 'latin1';
      for (const b of builders) b.interner?.setDecoding('latin1');
    }
  }
  if (decoding === 'latin1') {
    warnings.unshift(`${name} is not valid UTF-8; it was read as latin-1 (ISO-8859-1) — check accented characters, or re-save the file as UTF-8`);
  }
  const finalNames = decoding === 'latin1' ? fixHeader(rows, name, [], 'latin1') : names;
  // Missing tokens and values of rows the sample replaced sit unreferenced in the dictionaries: drop them.
  const sampled = n < rows.records;
  for (const b of builders) if (b.interner !== null && (sampled || b.interner.nullEntries > 0)) b.compact(n);

  const columns: Column[] = builders.map((b, c) => {
    const colName = finalNames[c];
    if (b.mode === DATES) return { name: colName, kind: 'datetime', values: b.values, sourceType: 'string', integer: false };
    if (b.mode === NUMBERS) {
      const plan = numericPlans.get(b);
      const sourceType = b.fractional ? 'float64' : 'int64';
      if (plan === 'datetime-s' || plan === 'datetime-ms') return epochColumn(colName, b.values, plan === 'datetime-s' ? 's' : 'ms', sourceType);
      return { name: colName, kind: 'numeric', values: b.values, sourceType, integer: allIntegers(b.values) };
    }
    const codes = b.codes as Int32Array;
    const col = stringColumnFrom(inferName(c), fit(codes, n), b.interner?.strings ?? [], 'string', options);
    col.name = colName;
    return col;
  });

  if (rows.badRows > 0) {
    const more = rows.badRows > rows.badLines.length ? ', …' : '';
    warnings.push(
      `${name}: skipped ${rows.badRows} row${rows.badRows === 1 ? '' : 's'} whose field count differs from the header's ${builders.length} ` +
        `(line${rows.badLines.length === 1 ? '' : 's'} ${rows.badLines.join(', ')}${more})`,
    );
  }
  if (n < rows.records) {
    warnings.push(
      `${name} has ${rows.records.toLocaleString('en-US')} rows; the analyses use a uniform random sample of ${n.toLocaleString('en-US')} ` +
        `(seed ${seed}) — raise the row limit (maxRows) to read them all`,
    );
  }
  return { path, format: 'csv', rows: n, columns, warnings, totalRows: rows.records };
}

/** Column names with empty and duplicate ones fixed (warnings say which), decoded as the file's text. */
function fixHeader(rows: CsvRows, name: string, warnings: string[], decoding: TextDecoding): string[] {
  const raw = rows.rawHeaderBytes.map((b) => b.toString(decoding).trim());
  const used = new Set<string>();
  const out: string[] = [];
  const renamed: string[] = [];
  raw.forEach((h, i) => {
    let fixed = h === '' ? `col_${i + 1}` : h;
    if (used.has(fixed)) fixed = `${fixed}_${i + 1}`;
    while (used.has(fixed)) fixed = `${fixed}_`;
    if (fixed !== h) renamed.push(h === '' ? `empty column ${i + 1} → ${fixed}` : `duplicate "${h}" (column ${i + 1}) → ${fixed}`);
    used.add(fixed);
    out.push(fixed);
  });
  if (renamed.length > 0) {
    warnings.push(`${name}: header names fixed: ${renamed.join('; ')} — give every column a unique name in the file`);
  }
  return out;
}

/**
 * Second pass: re-reads the texts of slots whose column turned to strings after they were read as numbers that do
 * not print back as themselves (`1.50`, `007`). Replays the first pass's record numbering (same bad-row rule), and
 * stops after the last record it needs.
 */
async function fillPending(handle: FileHandle, scan: ScanOptions, rows: CsvRows, options: ReadOptions, seed: number): Promise<void> {
  const builders = rows.columns as ColumnBuilder[];
  const pending = builders.map((b, c) => (b.pending ? c : -1)).filter((c) => c >= 0);
  // Slots to fill, ordered by the record they hold.
  const slots: number[] = [];
  for (let s = 0; s < rows.filled; s++) {
    if (pending.some((c) => (builders[c].codes as Int32Array)[s] === PENDING)) slots.push(s);
  }
  const recordOf = (s: number): number => (rows.slotRecord !== null ? rows.slotRecord[s] : s);
  slots.sort((a, b) => recordOf(a) - recordOf(b));
  if (slots.length === 0) return;
  const replay = new CsvRows({ path: scan.path, name: scan.name, missingTokens: options.missingTokens, skipBadRows: true, maxRows: 0, seed });
  const tok = new CsvTokenizer(scan.delimiter);
  replay.tokenizer = tok;
  let next = 0;
  let header = true;
  let record = 0;
  const width = builders.length;
  await scanRecords(handle, { ...scan, onProgress: undefined }, tok, (bytes) => {
    const rf = tok.recordField;
    for (let r = header ? 1 : 0; r < tok.records; r++) {
      if (rf[r + 1] - rf[r] !== width) continue;
      const rec = record++;
      if (rec < recordOf(slots[next])) continue;
      const slot = slots[next++];
      for (const c of pending) {
        const [b, s, e] = replay.cell(rf[r] + c, bytes);
        builders[c].fill(slot, b, s, e);
      }
      if (next === slots.length) throw new StopScan();
    }
    header = false;
  });
  for (const c of pending) builders[c].pending = false;
}
