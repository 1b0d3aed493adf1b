/** Helpers for the CSV reader tests: tiny files in a temp folder, read at several chunk sizes. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, type CsvInternals } from '../../../../src/core/io/csv';
import { readDefaults, type ReadOptions } from '../../../../src/core/io/readOptions';
import { cellText, type Table } from '../../../../src/core/io/table';

const dir = mkdtempSync(join(tmpdir(), 'prodgap-csv-'));

/** Writes `content` to a fresh file named `name` and returns its path. */
export function writeTemp(name: string, content: string | Uint8Array): string {
  const sub = mkdtempSync(join(dir, 'f-'));
  const p = join(sub, name);
  writeFileSync(p, content);
  return p;
}

export function opts(over: Partial<ReadOptions> = {}): ReadOptions {
  return { ...readDefaults, ...over };
}

/** Every cell as text (null for missing), column by column: a chunking-independent view of a table. */
export function cells(t: Table): Record<string, (string | null)[]> {
  const out: Record<string, (string | null)[]> = {};
  for (const c of t.columns) out[c.name] = Array.from({ length: t.rows }, (_, r) => cellText(c, r));
  return out;
}

/** Chunk sizes that put read boundaries inside quotes, escapes and CRLF pairs. */
export const CHUNK_SIZES = [1, 2, 3, 5, 8, 64, 1 << 20];
/** For files of thousands of rows (a one-byte read per byte would be slow, and adds nothing). */
export const FEW_CHUNK_SIZES = [7, 333, 1 << 20];

/**
 * Reads `content` as file `name` at every chunk size in `CHUNK_SIZES`, asserts that all reads give the same table,
 * and returns the one read with the default chunk size.
 */
export async function readAllChunkings(
  name: string,
  content: string | Uint8Array,
  over: Partial<ReadOptions> = {},
  chunkSizes: readonly number[] = CHUNK_SIZES,
): Promise<Table> {
  const path = writeTemp(name, content);
  const reference = await readCsv(path, opts(over));
  for (const chunkSize of chunkSizes) {
    const internals: CsvInternals = { chunkSize };
    const t = await readCsv(path, opts(over), internals);
    assert.deepEqual(cells(t), cells(reference), `chunkSize ${chunkSize} gives different cells`);
    assert.deepEqual(t.columns.map((c) => c.kind), reference.columns.map((c) => c.kind), `chunkSize ${chunkSize} gives different kinds`);
    assert.deepEqual(t.warnings, reference.warnings);
  }
  return reference;
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { line?: number; file?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected the read to fail');
}

/** Reads `content` at every chunk size, asserts each read fails with the same message and line, and returns the error. */
export async function failureAllChunkings(name: string, content: string | Uint8Array, over: Partial<ReadOptions> = {}): Promise<Error & { line?: number; file?: string }> {
  const path = writeTemp(name, content);
  const reference = await rejection(readCsv(path, opts(over)));
  for (const chunkSize of CHUNK_SIZES) {
    const e = await rejection(readCsv(path, opts(over), { chunkSize }));
    assert.equal(e.message, reference.message, `chunkSize ${chunkSize}`);
    assert.equal(e.line, reference.line, `chunkSize ${chunkSize}`);
  }
  return reference;
}
