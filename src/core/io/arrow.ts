/**
 * The Arrow reader: IPC files (`.arrow`, Feather v2 `.feather`) and IPC streams (`.arrows`, `.ipc`, `.stream`), with
 * LZ4_FRAME / ZSTD compressed batches (codecs in `arrowCodecs.ts`), into the shared columnar model.
 *
 * The file is never read whole: apache-arrow reads it through a file handle, one record batch at a time (the file
 * format seeks to each batch from the footer; the stream format reads forward). Each batch is converted and dropped.
 * Above `options.maxRows` rows a seeded reservoir sample (Algorithm R) keeps a uniform sample; `totalRows` keeps the
 * count. Kind inference is shared with the CSV reader (`inferKind.ts`): integers named like times holding epoch
 * values become datetimes, integers named like ids become strings, strings become categorical / text / id.
 */
import { basename } from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { RecordBatchReader, type Data, type Schema } from 'apache-arrow';
import { registerArrowCodecs } from './arrowCodecs';
import { applyValidity, arrowTypeName, sinkFor, type ArrowSink, type NumericSink, type StringSink } from './arrowColumns';
import { allIntegers, epochColumn, numericKind, stringColumnFrom } from './inferKind';
import { openDataFile, readHead } from './openDataFile';
import { ReadCancelledError, type ReadOptions } from './readOptions';
import { DataFileError, type Column, type Table } from './table';
import { mulberry32 } from '../stats/random';

const DEFAULT_SEED = 42;
const ARROW_MAGIC = 'ARROW1';
/** Largest schema message accepted at the start of a pre-0.15 stream. */
const LEGACY_SCHEMA_MAX = 1 << 24;
/** Integers above this lose precision as doubles. */
const MAX_EXACT_INT = 2 ** 53;

export type ArrowLayout = 'file' | 'stream';

/**
 * Reads an Arrow IPC file or stream into a `Table`.
 * @throws {DataFileError} naming the file for missing, empty, truncated, corrupt, Feather v1 and Parquet files.
 * @throws {ReadCancelledError} when `options.isCancelled()` turns true between batches.
 */
export async function readArrow(path: string, options: ReadOptions): Promise<Table> {
  registerArrowCodecs();
  const name = basename(path);
  const { handle, size } = await openDataFile(path);
  try {
    if (size === 0) throw new DataFileError(path, `${name} is empty (0 bytes) — re-export it`);
    const warnings: string[] = [];
    const head = await readHead(handle, Math.min(size, 8));
    const layout = sniffArrow(path, name, head, size);
    const tail = await readTail(handle, size, 8);
    if (layout === 'file' && tail.subarray(2).toString('latin1') !== ARROW_MAGIC) {
      throw new DataFileError(path, `${name} is truncated or not an Arrow IPC file (it starts with ARROW1 but does not end with it) — re-export it`);
    }
    if (layout === 'stream' && !endsWithEos(head, tail)) {
      warnings.push(`${name} ends without the Arrow end-of-stream marker: the file may be truncated (rows read: see totalRows) — re-export it if rows are missing`);
    }
    const progress = { end: 0 };
    const reader = await openReader(path, name, trackingHandle(handle, progress));
    return await readBatches(path, name, size, reader, options, warnings, progress);
  } finally {
    await handle.close();
  }
}

/** Which IPC layout the first bytes announce; friendly errors for look-alike formats. */
export function sniffArrow(path: string, name: string, head: Buffer, size: number): ArrowLayout {
  if (head.subarray(0, 6).toString('latin1') === ARROW_MAGIC) return 'file';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xffffffff) return 'stream';
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === 'FEA1') {
    throw new DataFileError(
      path,
      `${name} is a Feather v1 file, which prodgap cannot read — re-save it as Feather v2 with pyarrow ` +
        `(pyarrow.feather.write_feather(pyarrow.feather.read_table(path), path)) or pandas (df.to_feather(path))`,
    );
  }
  if (magic === 'PAR1') {
    throw new DataFileError(path, `${name} is a Parquet file; prodgap reads CSV and Arrow IPC / Feather v2 — convert it, e.g. pandas.read_parquet(path).to_feather(out)`);
  }
  // Streams written before Arrow 0.15 start with the schema message's length itself: 8-byte padded, shorter than the
  // file, and small (text files give lengths of hundreds of MB, since printable bytes are ≥ 0x20).
  if (head.length >= 4) {
    const len = head.readInt32LE(0);
    if (len > 0 && len % 8 === 0 && len < size && len < LEGACY_SCHEMA_MAX) return 'stream';
  }
  const shown = [...head.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new DataFileError(path, `${name} is not an Arrow IPC file (it starts with bytes ${shown}, not ARROW1 or an IPC stream header) — re-export it as Arrow/Feather v2, or rename it if it is a CSV file`);
}

/**
 * Whether a stream ends with its end-of-stream marker: 0xFFFFFFFF then a zero length (Arrow ≥ 0.15), or a zero
 * length alone in streams that begin without the 0xFFFFFFFF continuation (older writers).
 */
function endsWithEos(head: Buffer, tail: Buffer): boolean {
  const continuation = head.length >= 4 && head.readUInt32LE(0) === 0xffffffff;
  if (continuation) return tail.readUInt32LE(0) === 0xffffffff && tail.readInt32LE(4) === 0;
  return tail.readInt32LE(4) === 0;
}

async function readTail(handle: FileHandle, size: number, length: number): Promise<Buffer> {
  const n = Math.min(size, length);
  const buf = Buffer.alloc(length);
  await handle.read(buf, length - n, n, size - n);
  return buf;
}

/**
 * The handle apache-arrow reads through: it records how far reads reach (for progress), and ignores `close` so the
 * reader's auto-close does not race our own `finally`.
 */
function trackingHandle(handle: FileHandle, progress: { end: number }): FileHandle {
  const proxy = {
    fd: handle.fd,
    stat: () => handle.stat(),
    read: (buffer: Uint8Array, offset: number, length: number, position: number) => {
      progress.end = position + length;
      return handle.read(buffer, offset, length, position);
    },
    close: async () => {},
  };
  return proxy as unknown as FileHandle;
}

type AnyReader = Awaited<ReturnType<typeof RecordBatchReader.from>>;

async function openReader(path: string, name: string, handle: FileHandle): Promise<AnyReader> {
  try {
    const reader = await RecordBatchReader.from(handle);
    await reader.open();
    if (!reader.schema) throw new Error('no schema message');
    return reader;
  } catch (err) {
    throw asFileError(path, name, err);
  }
}

function asFileError(path: string, name: string, err: unknown): Error {
  if (err instanceof DataFileError || err instanceof ReadCancelledError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  if (/codec not found/i.test(detail)) {
    return new DataFileError(
      path,
      `${name} has compressed record batches and no decompressor is available for their codec (${detail}) — ` +
        `re-save it uncompressed, e.g. pyarrow.feather.write_feather(df, path, compression="uncompressed")`,
    );
  }
  return new DataFileError(path, `${name} is truncated or not an Arrow IPC file (${detail}) — re-export it`);
}

interface Planned {
  name: string;
  sink: ArrowSink;
  field: number;
}

/** One sink per analysable field; warnings name skipped columns and renamed duplicates. */
function planColumns(schema: Schema, name: string, warnings: string[]): Planned[] {
  const planned: Planned[] = [];
  const skipped: string[] = [];
  const used = new Set<string>();
  schema.fields.forEach((f, i) => {
    const sink = sinkFor(f.type);
    if (!sink) {
      skipped.push(`"${f.name}" (${arrowTypeName(f.type)})`);
      return;
    }
    let colName = f.name === '' ? `col_${i + 1}` : f.name;
    if (used.has(colName)) {
      const fixed = `${colName}_${i + 1}`;
      warnings.push(`${name}: duplicate column "${colName}" (column ${i + 1}) renamed to ${fixed}`);
      colName = fixed;
    }
    used.add(colName);
    planned.push({ name: colName, sink, field: i });
  });
  if (skipped.length > 0) {
    warnings.push(`${name}: skipped ${skipped.length === 1 ? 'column' : 'columns'} of types prodgap does not analyse: ${skipped.join(', ')}`);
  }
  return planned;
}

/** Seeded reservoir sampling over rows (Algorithm R): which output slot each incoming row goes to. */
class RowSampler {
  seen = 0;
  filled = 0;
  private readonly rng: () => number;

  constructor(
    private readonly maxRows: number,
    seed: number,
  ) {
    this.rng = mulberry32(seed);
  }

  /** Slots for the next `n` rows: `{ base }` when they simply append, else a slot map (−1 = dropped). */
  next(n: number): { base: number; slots: Int32Array | null } {
    const k = this.maxRows;
    const base = this.seen;
    if (k <= 0 || base + n <= k) {
      this.seen += n;
      this.filled = this.seen;
      return { base, slots: null };
    }
    const slots = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = this.seen++;
      if (r < k) slots[i] = r;
      else {
        const j = Math.floor(this.rng() * (r + 1));
        slots[i] = j < k ? j : -1;
      }
    }
    this.filled = Math.min(this.seen, k);
    return { base, slots };
  }
}

async function readBatches(
  path: string,
  name: string,
  size: number,
  reader: AnyReader,
  options: ReadOptions,
  warnings: string[],
  progress: { end: number },
): Promise<Table> {
  const planned = planColumns(reader.schema, name, warnings);
  const maxRows = Math.max(0, options.maxRows);
  const seed = options.seed ?? DEFAULT_SEED;
  const sampler = new RowSampler(maxRows, seed);
  let numScratch = new Float64Array(0);
  let codeScratch = new Int32Array(0);
  let capacity = 0;
  try {
    for await (const batch of reader) {
      if (options.isCancelled?.()) throw new ReadCancelledError();
      const n = batch.numRows;
      if (n === 0) continue;
      const { base, slots } = sampler.next(n);
      if (sampler.filled > capacity) {
        capacity = grownCapacity(capacity, sampler.filled, maxRows);
        for (const p of planned) grow(p.sink, capacity);
      }
      if (numScratch.length < n) {
        numScratch = new Float64Array(n);
        codeScratch = new Int32Array(n);
      }
      for (const p of planned) {
        const data = batch.data.children[p.field] as Data;
        if (p.sink.kind === 'numeric') {
          p.sink.decode(data, numScratch);
          applyValidity(data, numScratch, NaN);
          scatter(numScratch, p.sink.values, n, base, slots);
        } else {
          p.sink.decode(data, codeScratch);
          applyValidity(data, codeScratch, -1);
          scatter(codeScratch, p.sink.codes, n, base, slots);
        }
      }
      options.onProgress?.(Math.min(progress.end, size), size);
    }
  } catch (err) {
    throw asFileError(path, name, err);
  }
  options.onProgress?.(size, size);
  const rows = sampler.filled;
  if (rows === 0) throw new DataFileError(path, `${name} has a schema but no rows — re-export it with its data`);
  const columns = planned.map((p) => finishColumn(p, rows, options, warnings, name));
  if (rows < sampler.seen) {
    warnings.push(
      `${name} has ${sampler.seen.toLocaleString('en-US')} rows; the analyses use a uniform random sample of ${rows.toLocaleString('en-US')} ` +
        `(seed ${seed}) — raise the row limit (maxRows) to read them all`,
    );
  }
  return { path, format: 'arrow', rows, columns, warnings, totalRows: sampler.seen };
}

function grownCapacity(current: number, needed: number, maxRows: number): number {
  let c = Math.max(1024, current);
  while (c < needed) c *= 2;
  return maxRows > 0 ? Math.min(c, maxRows) : c;
}

function grow(sink: ArrowSink, capacity: number): void {
  if (sink.kind === 'numeric') {
    const v = new Float64Array(capacity);
    v.set(sink.values);
    sink.values = v;
  } else {
    const c = new Int32Array(capacity);
    c.set(sink.codes);
    sink.codes = c;
  }
}

function scatter<A extends Float64Array | Int32Array>(from: A, to: A, n: number, base: number, slots: Int32Array | null): void {
  if (slots === null) {
    to.set(from.subarray(0, n), base);
    return;
  }
  for (let i = 0; i < n; i++) {
    const s = slots[i];
    if (s >= 0) to[s] = from[i];
  }
}

function finishColumn(p: Planned, rows: number, options: ReadOptions, warnings: string[], file: string): Column {
  const { sink, name } = p;
  if (sink.kind === 'string') return finishStrings(name, sink, rows, options);
  return finishNumbers(name, sink, rows, options, warnings, file);
}

function finishNumbers(name: string, sink: NumericSink, rows: number, options: ReadOptions, warnings: string[], file: string): Column {
  const values = sink.values.length === rows ? sink.values : sink.values.slice(0, rows);
  const sourceType = sink.sourceType;
  if (sink.maxAbs64 > MAX_EXACT_INT) {
    warnings.push(`${file}: column "${name}" (${sourceType}) holds integers beyond 2^53 (up to ${sink.maxAbs64}); they were rounded to the nearest double`);
  }
  if (sink.target === 'boolean') return { name, kind: 'boolean', values, sourceType, integer: true };
  if (sink.target === 'datetime') return { name, kind: 'datetime', values, sourceType, integer: false };
  const integer = sink.integerType || allIntegers(values);
  const plan = numericKind(name, values, integer);
  if (plan === 'datetime-s' || plan === 'datetime-ms') return epochColumn(name, values, plan === 'datetime-s' ? 's' : 'ms', sourceType);
  if (plan === 'strings') {
    // Integer identifiers: compared as labels, never averaged (same rule as the CSV reader).
    const dictionary: string[] = [];
    const index = new Map<number, number>();
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v !== v) {
        codes[i] = -1;
        continue;
      }
      let c = index.get(v);
      if (c === undefined) {
        c = dictionary.push(String(v)) - 1;
        index.set(v, c);
      }
      codes[i] = c;
    }
    return stringColumnFrom(name, codes, dictionary, sourceType, options);
  }
  return { name, kind: 'numeric', values, sourceType, integer };
}

/** Drops dictionary entries no row uses (sampled-out rows, unused pandas categories) and renumbers in row order. */
function finishStrings(name: string, sink: StringSink, rows: number, options: ReadOptions): Column {
  const old = sink.codes;
  const codes = new Int32Array(rows);
  const all = sink.interner.strings;
  const remap = new Int32Array(all.length).fill(-1);
  const dictionary: string[] = [];
  for (let i = 0; i < rows; i++) {
    const c = old[i];
    if (c < 0) {
      codes[i] = -1;
      continue;
    }
    let m = remap[c];
    if (m < 0) {
      m = remap[c] = dictionary.length;
      dictionary.push(all[c]);
    }
    codes[i] = m;
  }
  return stringColumnFrom(name, codes, dictionary, sink.sourceType, options);
}
