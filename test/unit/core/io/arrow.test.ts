import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  Bool,
  DateDay,
  DateMillisecond,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Null,
  Table as ArrowTable,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint64,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { compressionRegistry, CompressionType } from 'apache-arrow';
import { readArrow } from '../../../../src/core/io/arrow';
import { aligned8, arrowCodecs } from '../../../../src/core/io/arrowCodecs';
import { readDefaults, ReadCancelledError, type ReadOptions } from '../../../../src/core/io/readOptions';
import { DataFileError, cellText, findColumn, isNumeric, type Column, type Table } from '../../../../src/core/io/table';

const FIX = join(__dirname, '../../../fixtures/arrow');
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'prodgap-arrow-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const opts = (o: Partial<ReadOptions> = {}): ReadOptions => ({ ...readDefaults, ...o });

function col(t: Table, name: string): Column {
  const c = findColumn(t, name);
  assert.ok(c, `column ${name} missing; have ${t.columns.map((x) => x.name).join(', ')}`);
  return c;
}

/** Every cell as JS: numbers (null for NaN) for numeric-like columns, strings (null for -1) for string columns. */
function cells(c: Column): (number | string | null)[] {
  if (isNumeric(c)) return Array.from(c.values, (v) => (v !== v ? null : v));
  return Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
}

/** Writes an Arrow table built from vectors with apache-arrow's own writer. */
function writeIpc(name: string, columns: Record<string, Vector>, layout: 'file' | 'stream' = 'file'): string {
  const p = join(dir, name);
  writeFileSync(p, tableToIPC(new ArrowTable(columns), layout));
  return p;
}

/** A vector of raw 64-bit values of `type` (timestamps in their own unit), with nulls where `null`. */
function raw64<T extends DataType>(type: T, values: (bigint | null)[]): Vector<T> {
  const data = new BigInt64Array(values.length);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null) {
      data[i] = v;
      valid[i >> 3] |= 1 << (i & 7);
    }
  });
  const nullCount = values.filter((v) => v === null).length;
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap: valid, data } as never)) as Vector<T>;
}

// ---- files written by Arrow's C++ writers (apache/arrow-testing), compressed ----

interface IntegrationColumn {
  name: string;
  VALIDITY: number[];
  DATA: (string | number)[];
}
interface IntegrationJson {
  batches: { count: number; columns: IntegrationColumn[] }[];
}

for (const base of ['generated_lz4', 'generated_zstd', 'generated_uncompressible_lz4', 'generated_uncompressible_zstd']) {
  for (const ext of ['arrow_file', 'stream']) {
    test(`${base}.${ext} (compressed, Arrow C++ writer) reads as its integration JSON says`, async () => {
      const json = JSON.parse(gunzipSync(readFileSync(join(FIX, `${base}.json.gz`))).toString('utf8')) as IntegrationJson;
      const t = await readArrow(join(FIX, `${base}.${ext}`), opts());
      const total = json.batches.reduce((a, b) => a + b.count, 0);
      assert.equal(t.rows, total);
      assert.equal(t.totalRows, total);
      assert.deepEqual(t.warnings, []);
      for (const [i, c] of json.batches[0].columns.entries()) {
        const expected = json.batches.flatMap((b) => {
          const bc = b.columns[i];
          return bc.DATA.map((v, r) => (bc.VALIDITY[r] ? v : null));
        });
        const got = cells(col(t, c.name));
        // int64 values are strings in the integration JSON; utf8 values are strings anyway.
        const want = expected.map((v) => (v === null ? null : typeof got.find((g) => g !== null) === 'number' ? Number(v) : String(v)));
        assert.deepEqual(got, want, `${base}.${ext} column ${c.name}`);
      }
    });
  }
}

// ---- files written by pandas / pyarrow (make_pandas_feather.py) ----

type Expected = Record<string, (number | string | null)[]> & { rows: number };
const expected = (): Expected => JSON.parse(readFileSync(join(FIX, 'pandas_expected.json'), 'utf8')) as Expected;

for (const file of ['pandas_lz4.feather', 'pandas_zstd.feather']) {
  test(`${file} (pandas/pyarrow writer) opens with pandas' values and the expected kinds`, async () => {
    const want = expected();
    const t = await readArrow(join(FIX, file), opts());
    assert.equal(t.format, 'arrow');
    assert.equal(t.rows, want.rows);
    for (const name of ['amount', 'count', 'small', 'maybe', 'flag', 'plan', 'city', 'note', 'created', 'naive_ts', 'customer_id', 'event_ts']) {
      assert.deepEqual(cells(col(t, name)), want[name], `${file} ${name}`);
    }
    const kinds = Object.fromEntries(t.columns.map((c) => [c.name, c.kind]));
    assert.equal(kinds.amount, 'numeric');
    assert.equal(kinds.flag, 'boolean');
    assert.equal(kinds.plan, 'categorical');
    assert.equal(kinds.created, 'datetime');
    assert.equal(kinds.naive_ts, 'datetime');
    assert.equal(kinds.customer_id, 'id', 'integer ids become an id column');
    assert.equal(kinds.event_ts, 'datetime', 'epoch seconds in a column named like a time become datetimes');
    assert.equal(col(t, 'created').sourceType, 'timestamp[us, Europe/Paris]');
    assert.equal((col(t, 'count') as { integer?: boolean }).integer, true);
    // The unused pandas category "unused" is not a category of the data.
    const plan = col(t, 'plan');
    assert.ok(!isNumeric(plan) && !plan.dictionary.includes('unused'));
  });
}

test('pandas_zstd.feather: date32 reads as datetime; decimal and list columns are skipped with a warning naming them', async () => {
  const t = await readArrow(join(FIX, 'pandas_zstd.feather'), opts());
  assert.deepEqual(cells(col(t, 'day')), expected().day);
  assert.equal(findColumn(t, 'price'), undefined);
  assert.equal(findColumn(t, 'tags'), undefined);
  assert.equal(t.warnings.length, 1);
  assert.match(t.warnings[0], /pandas_zstd\.feather: skipped columns .*"price" \(decimal128\(10, 2\)\), "tags" \(list<int32>\)/);
});

test('Feather v1 and Parquet files are refused with a message naming the file and the fix', async () => {
  await assert.rejects(readArrow(join(FIX, 'pandas_v1.feather'), opts()), (e: unknown) => {
    assert.ok(e instanceof DataFileError);
    assert.match(e.message, /^pandas_v1\.feather is a Feather v1 file.*re-save it as Feather v2/);
    return true;
  });
  await assert.rejects(readArrow(join(FIX, 'pandas.parquet'), opts()), /pandas\.parquet is a Parquet file.*convert it/);
});

// ---- files written here with apache-arrow JS ----

test('timestamps in s/ms/us/ns, with and without zones, and dates read as epoch ms UTC', async () => {
  const ms = [Date.UTC(2024, 0, 1, 12), Date.UTC(1969, 11, 31, 23, 59, 59, 999), null];
  const big = (k: bigint) => ms.map((v) => (v === null ? null : BigInt(v) * k));
  const p = writeIpc('times.arrow', {
    s: raw64(new TimestampSecond('UTC'), [BigInt(Date.UTC(2024, 0, 1, 12) / 1000), BigInt(-1), null]),
    ms: raw64(new TimestampMillisecond('America/New_York'), big(BigInt(1))),
    us: raw64(new TimestampMicrosecond(), big(BigInt(1000)).map((v) => (v === null ? null : v + BigInt(999)))),
    ns: raw64(new TimestampNanosecond('+05:30'), big(BigInt(1_000_000)).map((v) => (v === null ? null : v + BigInt(999_999)))),
    dms: raw64(new DateMillisecond(), [BigInt(Date.UTC(2024, 1, 29)), null, BigInt(0)]),
    dday: vectorFromArray([new Date(Date.UTC(2024, 1, 29)), null, new Date(0)], new DateDay()),
  });
  const t = await readArrow(p, opts());
  for (const c of t.columns) assert.equal(c.kind, 'datetime', c.name);
  assert.deepEqual(cells(col(t, 's')), [Date.UTC(2024, 0, 1, 12), -1000, null]);
  assert.deepEqual(cells(col(t, 'ms')), ms);
  // Sub-millisecond digits are floored away (pandas: ts.value // 10**6), also before 1970.
  assert.deepEqual(cells(col(t, 'us')), ms);
  assert.deepEqual(cells(col(t, 'ns')), ms);
  assert.deepEqual(cells(col(t, 'dms')), [Date.UTC(2024, 1, 29), null, 0]);
  assert.deepEqual(cells(col(t, 'dday')), [Date.UTC(2024, 1, 29), null, 0]);
  assert.equal(col(t, 'ns').sourceType, 'timestamp[ns, +05:30]');
  assert.equal(cellText(col(t, 'ms'), 0), '2024-01-01T12:00:00.000Z');
});

test('dictionary strings, plain strings, booleans and nulls', async () => {
  const plans = ['basic', null, 'pro', 'basic', 'ünïcode', 'pro', null, 'basic'];
  const p = writeIpc(
    'kinds.arrows',
    {
      plan: vectorFromArray(plans, new Dictionary(new Utf8(), new Int32())),
      word: vectorFromArray(['a', 'b', null, 'a', 'a', 'b', 'c', 'a'], new Utf8()),
      ok: vectorFromArray([true, false, null, true, true, false, true, true], new Bool()),
      x: vectorFromArray([1.5, null, 2.5, NaN, 0, -1, 3, 4], new Float64()),
      nothing: vectorFromArray([null, null, null, null, null, null, null, null], new Null()),
    },
    'stream',
  );
  const t = await readArrow(p, opts());
  assert.deepEqual(cells(col(t, 'plan')), plans);
  assert.equal(col(t, 'plan').kind, 'categorical');
  assert.equal(col(t, 'plan').sourceType, 'dictionary<string>');
  assert.deepEqual(cells(col(t, 'word')), ['a', 'b', null, 'a', 'a', 'b', 'c', 'a']);
  assert.deepEqual(cells(col(t, 'ok')), [1, 0, null, 1, 1, 0, 1, 1]);
  assert.equal(col(t, 'ok').kind, 'boolean');
  assert.deepEqual(cells(col(t, 'x')), [1.5, null, 2.5, null, 0, -1, 3, 4]);
  const nothing = col(t, 'nothing');
  assert.equal(nothing.sourceType, 'null');
  assert.deepEqual(cells(nothing), new Array(8).fill(null));
});

test('int64/uint64: exact below 2^53, a warning above it', async () => {
  const p = writeIpc('ints.arrow', {
    exact: raw64(new Int64(), [BigInt(2) ** BigInt(53) - BigInt(1), -(BigInt(2) ** BigInt(53) - BigInt(1)), BigInt(-5), null]),
    huge: raw64(new Int64(), [BigInt(2) ** BigInt(62) + BigInt(1), BigInt(1), BigInt(2), BigInt(3)]),
    unsigned: raw64(new Uint64(), [BigInt(2) ** BigInt(32) + BigInt(7), BigInt(0), null, BigInt(1)]),
  });
  const t = await readArrow(p, opts());
  assert.deepEqual(cells(col(t, 'exact')), [2 ** 53 - 1, -(2 ** 53 - 1), -5, null]);
  assert.deepEqual(cells(col(t, 'unsigned')), [2 ** 32 + 7, 0, null, 1]);
  assert.equal(cells(col(t, 'huge'))[0], 2 ** 62);
  assert.equal(t.warnings.length, 1);
  assert.match(t.warnings[0], /ints\.arrow: column "huge" \(int64\) holds integers beyond 2\^53/);
});

test('integer columns named like ids become strings; epoch milliseconds named like a time become datetimes', async () => {
  const n = 50;
  const p = writeIpc('roles.arrow', {
    user_id: vectorFromArray(Array.from({ length: n }, (_, i) => 9000 + i), new Int32()),
    event_time: raw64(new Int64(), Array.from({ length: n }, (_, i) => BigInt(1.7e12 + i * 60_000))),
    amount: vectorFromArray(Array.from({ length: n }, (_, i) => i % 7), new Int32()),
  });
  const t = await readArrow(p, opts());
  assert.equal(col(t, 'user_id').kind, 'id');
  assert.equal(cells(col(t, 'user_id'))[3], '9003');
  assert.equal(col(t, 'event_time').kind, 'datetime');
  assert.equal(cells(col(t, 'event_time'))[1], 1.7e12 + 60_000);
  assert.equal(col(t, 'amount').kind, 'numeric');
});

test('above maxRows a seeded reservoir sample keeps rows whole across columns, and totalRows the count', async () => {
  const n = 10_000;
  const a = Array.from({ length: n }, (_, i) => i);
  const table = new ArrowTable({ a: vectorFromArray(a, new Int32()), b: vectorFromArray(a.map((i) => `r${i}`), new Utf8()) });
  // Several record batches, so the sampler crosses batch boundaries.
  const batches = [0, 1, 2, 3, 4].map((k) => table.slice(k * 2000, (k + 1) * 2000));
  const p = join(dir, 'many.arrow');
  writeFileSync(p, tableToIPC(new ArrowTable(batches.flatMap((b) => b.batches)), 'file'));
  const t = await readArrow(p, opts({ maxRows: 1000, seed: 7 }));
  assert.equal(t.rows, 1000);
  assert.equal(t.totalRows, n);
  const av = cells(col(t, 'a')) as number[];
  const bv = cells(col(t, 'b')) as string[];
  av.forEach((v, i) => assert.equal(bv[i], `r${v}`));
  assert.equal(new Set(av).size, 1000, 'no row twice');
  assert.ok(av.some((v) => v >= 8000), 'late rows can enter the sample');
  assert.match(t.warnings.at(-1) ?? '', /many\.arrow has 10,000 rows; the analyses use a uniform random sample of 1,000 \(seed 7\)/);
  const again = await readArrow(p, opts({ maxRows: 1000, seed: 7 }));
  assert.deepEqual(cells(col(again, 'a')), av, 'same seed, same sample');
  const other = await readArrow(p, opts({ maxRows: 1000, seed: 8 }));
  assert.notDeepEqual(cells(col(other, 'a')), av);
  const all = await readArrow(p, opts({ maxRows: 0 }));
  assert.equal(all.rows, n);
  assert.deepEqual(cells(col(all, 'a')), a);
});

test('progress reaches the file size; cancelling stops the read', async () => {
  const seen: [number, number][] = [];
  const p = join(FIX, 'pandas_zstd.feather');
  await readArrow(p, opts({ onProgress: (done, total) => seen.push([done, total]) }));
  assert.ok(seen.length >= 2);
  const size = readFileSync(p).length;
  assert.deepEqual(seen.at(-1), [size, size]);
  await assert.rejects(readArrow(p, opts({ isCancelled: () => true })), ReadCancelledError);
});

test('a truncated file names the file and says to re-export it', async () => {
  const bytes = readFileSync(join(FIX, 'pandas_lz4.feather'));
  const cut = join(dir, 'cut.feather');
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await assert.rejects(readArrow(cut, opts()), (e: unknown) => {
    assert.ok(e instanceof DataFileError);
    assert.equal(e.file, cut);
    assert.match(e.message, /^cut\.feather is truncated or not an Arrow IPC file \(.+\) — re-export it$/);
    return true;
  });
});

test('a stream cut inside a record batch is an error; one cut between messages is a warning', async () => {
  const bytes = readFileSync(join(FIX, 'generated_lz4.stream'));
  const mid = join(dir, 'mid.arrows');
  writeFileSync(mid, bytes.subarray(0, bytes.length - 100));
  await assert.rejects(readArrow(mid, opts()), /^DataFileError: mid\.arrows is truncated or not an Arrow IPC file/);
  const clean = join(dir, 'clean.arrows');
  writeFileSync(clean, bytes.subarray(0, bytes.length - 8)); // drop the end-of-stream marker only
  const t = await readArrow(clean, opts());
  assert.equal(t.rows, 60);
  assert.match(t.warnings.join('\n'), /clean\.arrows ends without the Arrow end-of-stream marker/);
});

test('empty, CSV-named-arrow and Feather v1 magic files fail with clear messages, never a crash', async () => {
  const empty = join(dir, 'empty.arrow');
  writeFileSync(empty, '');
  await assert.rejects(readArrow(empty, opts()), /empty\.arrow is empty/);
  const csv = join(dir, 'text.arrow');
  writeFileSync(csv, 'a,b\n1,2\n');
  await assert.rejects(readArrow(csv, opts()), /text\.arrow is not an Arrow IPC file \(it starts with bytes 61 2c 62 0a/);
  const v1 = join(dir, 'old.feather');
  writeFileSync(v1, Buffer.concat([Buffer.from('FEA1'), Buffer.alloc(64)]));
  await assert.rejects(readArrow(v1, opts()), /old\.feather is a Feather v1 file/);
  await assert.rejects(readArrow(join(dir, 'missing.arrow'), opts()), /missing\.arrow does not exist/);
});

test('a schema with no rows is an error naming the file', async () => {
  const p = join(dir, 'norows.arrow');
  writeFileSync(p, tableToIPC(new ArrowTable({ a: vectorFromArray([] as number[], new Float64()) }), 'file'));
  await assert.rejects(readArrow(p, opts()), /norows\.arrow has a schema but no rows/);
});

test('a stream whose dictionary is replaced between batches keeps every value right', async () => {
  const type = () => new Dictionary(new Utf8(), new Int32(), 0);
  const first = new ArrowTable({ plan: vectorFromArray(['a', 'b', 'a'], type()) });
  const second = new ArrowTable({ plan: vectorFromArray(['c', null, 'b', 'c'], type()) });
  const p = join(dir, 'replaced.arrows');
  // Batch 1's dictionary is [a, b], batch 2's is [c, b]: index 0 means "a", then "c".
  writeFileSync(p, tableToIPC(first.concat(second), 'stream'));
  const t = await readArrow(p, opts());
  assert.deepEqual(cells(col(t, 'plan')), ['a', 'b', 'a', 'c', null, 'b', 'c']);
  const plan = col(t, 'plan');
  assert.ok(!isNumeric(plan));
  assert.deepEqual(plan.dictionary, ['a', 'b', 'c']);
});

test('a compressed file whose codec is missing gets a clear message', async () => {
  const p = join(FIX, 'generated_lz4.arrow_file');
  await readArrow(p, opts()); // registers the codecs
  compressionRegistry.set(CompressionType.LZ4_FRAME, {});
  try {
    await assert.rejects(readArrow(p, opts()), /generated_lz4\.arrow_file has compressed record batches and no decompressor is available .* re-save it uncompressed/);
  } finally {
    compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: arrowCodecs.get(CompressionType.LZ4_FRAME)!.decode });
  }
  assert.equal((await readArrow(p, opts())).rows, 60);
});

test('decoded buffers at odd offsets are copied to an 8-byte boundary (BigInt64Array needs it)', () => {
  const backing = new Uint8Array(32).map((_, i) => i);
  const odd = backing.subarray(3, 19);
  const fixed = aligned8(odd);
  assert.equal(fixed.byteOffset % 8, 0);
  assert.deepEqual(Array.from(fixed), Array.from(odd));
  assert.doesNotThrow(() => new BigInt64Array(fixed.buffer, fixed.byteOffset, 2));
  const already = backing.subarray(8, 16);
  assert.equal(aligned8(already), already, 'aligned input is not copied');
});
