import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from '../../../../src/core/io/csv';
import { findColumn, type NumericColumn, type StringColumn } from '../../../../src/core/io/table';
import { cells, FEW_CHUNK_SIZES, opts, readAllChunkings, writeTemp } from './csvTestUtil';

function rowsText(header: string, n: number, row: (i: number) => string): string {
  const lines = [header];
  for (let i = 0; i < n; i++) lines.push(row(i));
  return lines.join('\n') + '\n';
}

test('a column that turns non-numeric late is re-typed with the exact original texts (canonical numbers)', async () => {
  const n = 3000;
  const text = rowsText('v,w', n, (i) => (i === n - 2 ? 'abc,1' : `${i % 50},${i}`));
  const t = await readAllChunkings('late.csv', text, {}, FEW_CHUNK_SIZES);
  const v = findColumn(t, 'v') as StringColumn;
  assert.equal(v.kind, 'categorical');
  const got = cells(t).v;
  for (let i = 0; i < n; i++) assert.equal(got[i], i === n - 2 ? 'abc' : String(i % 50));
  assert.equal(findColumn(t, 'w')?.kind, 'numeric');
});

test('late re-typing keeps texts that do not print back as numbers (second pass): 1.50, 007, +3, 1e3, -0', async () => {
  const texts = ['1.50', '007', '+3', '1e3', '-0', '2.0', ' 4', '.5', 'NA', ''];
  const n = 400;
  const text = rowsText('code,i', n, (i) => (i === n - 1 ? `x9,${i}` : `${texts[i % texts.length]},${i}`));
  const t = await readAllChunkings('late2.csv', text);
  const got = cells(t).code;
  for (let i = 0; i < n - 1; i++) {
    const want = texts[i % texts.length];
    assert.equal(got[i], want === 'NA' || want === '' ? null : want, `row ${i}`);
  }
  assert.equal(got[n - 1], 'x9');
});

test('each number text alone survives re-typing exactly (canonical or not)', async () => {
  const texts = ['1.50', '007', '-0', '2.0', '.5', '5.', '0.0000001', '1e3', '+3', ' 4', '0.000001', '-12.25', '123456789012345',
    '1234567890123456', '0', '-0.0', '10', '3.14159'];
  for (const text of texts) {
    const t = await readAllChunkings('one.csv', `v\n${text}\n${text}\nx\n`, {}, [1 << 20]);
    assert.deepEqual(cells(t).v, [text, text, 'x'], JSON.stringify(text));
  }
});

test('numbers with units stay strings', async () => {
  const t = await readAllChunkings('units.csv', 'runtime,price\n118 min,$3\n95 min,$4\n');
  assert.equal(findColumn(t, 'runtime')?.kind, 'categorical');
  assert.deepEqual(cells(t).runtime, ['118 min', '95 min']);
});

test('text flags are boolean; 0/1 stays numeric', async () => {
  const t = await readAllChunkings('flags.csv', 'churned,active,label\nTrue,yes,0\nfalse,No,1\nTRUE,,1\n');
  const c = findColumn(t, 'churned') as NumericColumn;
  assert.equal(c.kind, 'boolean');
  assert.deepEqual(Array.from(c.values), [1, 0, 1]);
  const a = findColumn(t, 'active') as NumericColumn;
  assert.equal(a.kind, 'boolean');
  assert.deepEqual(Array.from(a.values).map((v) => (Number.isNaN(v) ? null : v)), [1, 0, null]);
  assert.equal(findColumn(t, 'label')?.kind, 'numeric');
});

test('date texts are datetimes (epoch ms, UTC); a non-date makes the column text again', async () => {
  const t = await readAllChunkings(
    'dates.csv',
    'd,dt,iso,mixed\n2024-01-15,2024-01-15 10:30,2024-01-15T10:30:00Z,2024-01-15\n2024/02/29,2024-02-29 23:59:59.250,2024-01-15T12:30:00+02:00,soon\n',
  );
  assert.deepEqual(Array.from((findColumn(t, 'd') as NumericColumn).values), [Date.UTC(2024, 0, 15), Date.UTC(2024, 1, 29)]);
  assert.deepEqual(Array.from((findColumn(t, 'dt') as NumericColumn).values), [Date.UTC(2024, 0, 15, 10, 30), Date.UTC(2024, 1, 29, 23, 59, 59, 250)]);
  assert.deepEqual(Array.from((findColumn(t, 'iso') as NumericColumn).values), [Date.UTC(2024, 0, 15, 10, 30), Date.UTC(2024, 0, 15, 10, 30)]);
  assert.equal(findColumn(t, 'd')?.kind, 'datetime');
  assert.equal(findColumn(t, 'mixed')?.kind, 'categorical');
  assert.deepEqual(cells(t).mixed, ['2024-01-15', 'soon'], 'a date column re-typed to text keeps its texts');
});

test('a date column that turns to text late keeps every original text; missing cells before dates are fine', async () => {
  const n = 2000;
  const date = (i: number): string => `2024-01-${String((i % 28) + 1).padStart(2, '0')} 0${i % 10}:00`;
  const text = rowsText('when,first_na', n, (i) => `${i === n - 5 ? 'never' : date(i)},${i < 3 ? 'NA' : date(i)}`);
  const t = await readAllChunkings('latedate.csv', text, {}, FEW_CHUNK_SIZES);
  const when = cells(t).when;
  for (let i = 0; i < n; i++) assert.equal(when[i], i === n - 5 ? 'never' : date(i));
  const f = findColumn(t, 'first_na') as NumericColumn;
  assert.equal(f.kind, 'datetime');
  assert.ok(Number.isNaN(f.values[0]));
  assert.equal(f.values[3], Date.UTC(2024, 0, 4, 3));
});

test('epoch seconds and milliseconds are datetimes only when the name says time', async () => {
  const s = 1_700_000_000;
  const t = await readAllChunkings('epoch.csv', `event_ts,createdAt,amount\n${s},${s * 1000},${s}\n${s + 60},${s * 1000 + 5},${s + 1}\n`);
  const ts = findColumn(t, 'event_ts') as NumericColumn;
  assert.equal(ts.kind, 'datetime');
  assert.deepEqual(Array.from(ts.values), [s * 1000, (s + 60) * 1000]);
  assert.match(ts.sourceType, /epoch s/);
  const ms = findColumn(t, 'createdAt') as NumericColumn;
  assert.equal(ms.kind, 'datetime');
  assert.deepEqual(Array.from(ms.values), [s * 1000, s * 1000 + 5]);
  assert.equal(findColumn(t, 'amount')?.kind, 'numeric');
  // Small numbers in a time-named column are durations, not epochs.
  const u = await readAllChunkings('dur.csv', 'wait_time\n12\n30\n');
  assert.equal(findColumn(u, 'wait_time')?.kind, 'numeric');
});

test('identifier detection: integer *_id columns become strings; unique codes are ids; prose is text', async () => {
  const n = 200;
  const text = rowsText('customer_id,uuid,comment,plan,score', n, (i) =>
    [1000 + i, `u-${(i * 7919).toString(16)}-${i}`, `"the customer number ${i} said something"`, ['a', 'b', 'c'][i % 3], i % 10].join(','),
  );
  const t = await readAllChunkings('ids.csv', text, {}, FEW_CHUNK_SIZES);
  const cid = findColumn(t, 'customer_id') as StringColumn;
  assert.equal(cid.kind, 'id');
  assert.equal(cid.dictionary[cid.codes[5]], '1005');
  assert.equal(findColumn(t, 'uuid')?.kind, 'id');
  assert.equal(findColumn(t, 'comment')?.kind, 'text');
  assert.equal(findColumn(t, 'plan')?.kind, 'categorical');
  assert.equal(findColumn(t, 'score')?.kind, 'numeric');
});

test('an integer id column with leading zeros keeps them (texts re-read in the second pass)', async () => {
  const t = await readAllChunkings('zid.csv', 'user_id,x\n0001,1\n0002,2\n0003,3\n');
  assert.deepEqual(cells(t).user_id, ['0001', '0002', '0003']);
});

test('integer ids written as floats by pandas (nulls upcast the column) read as the integer text', async () => {
  const t = await readAllChunkings('fid.csv', 'customer_id,x\n1001.0,1\n\n,2\n1002.0,3\n');
  assert.equal(findColumn(t, 'customer_id')?.kind, 'id');
  assert.deepEqual(cells(t).customer_id, ['1001', null, '1002']);
});

test("pandas' unnamed index column is an id, not a numeric feature", async () => {
  const text = rowsText(',x', 100, (i) => `${i},${i % 3}`);
  const t = await readAllChunkings('indexed.csv', text, {}, FEW_CHUNK_SIZES);
  const idx = t.columns[0];
  assert.equal(idx.name, 'col_1');
  assert.equal(idx.kind, 'id');
  assert.equal(findColumn(t, 'x')?.kind, 'numeric');
});

test('an all-missing column is numeric and all null', async () => {
  const t = await readAllChunkings('allna.csv', 'a,b\n1,\n2,NA\n');
  const b = findColumn(t, 'b') as NumericColumn;
  assert.equal(b.kind, 'numeric');
  assert.ok(Array.from(b.values).every(Number.isNaN));
});

test('reservoir sampling keeps totalRows, a uniform-looking sample, and whole rows', async () => {
  const n = 20000;
  const k = 2000;
  const text = rowsText('i,twice,tag', n, (i) => `${i},${2 * i},t${i % 5}`);
  const path = writeTemp('big.csv', text);
  const t = await readCsv(path, opts({ maxRows: k, seed: 7 }), { chunkSize: 4096 });
  assert.equal(t.rows, k);
  assert.equal(t.totalRows, n);
  assert.match(t.warnings[0], /^big\.csv has 20,000 rows; the analyses use a uniform random sample of 2,000 \(seed 7\)/);
  const i = (findColumn(t, 'i') as NumericColumn).values;
  const twice = (findColumn(t, 'twice') as NumericColumn).values;
  const tag = findColumn(t, 'tag') as StringColumn;
  assert.equal(new Set(i).size, k, 'no row twice');
  for (let r = 0; r < k; r++) {
    assert.equal(twice[r], 2 * i[r], 'cells of one row stay together');
    assert.equal(tag.dictionary[tag.codes[r]], `t${i[r] % 5}`);
  }
  // Deciles of the row index: each should hold about k/10 = 200 rows (binomial sd ≈ 13; 5 sd bounds).
  const deciles = new Array(10).fill(0);
  for (const v of i) deciles[Math.floor((v / n) * 10)]++;
  for (const d of deciles) assert.ok(d > 135 && d < 265, `decile count ${d}`);
  // Same seed, same sample; another seed, another one.
  const again = await readCsv(path, opts({ maxRows: k, seed: 7 }));
  assert.deepEqual(Array.from((findColumn(again, 'i') as NumericColumn).values), Array.from(i));
  const other = await readCsv(path, opts({ maxRows: k, seed: 8 }));
  assert.notDeepEqual(Array.from((findColumn(other, 'i') as NumericColumn).values), Array.from(i));
});

test('sampling with late re-typing: the second pass finds each kept row its own text', async () => {
  const n = 5000;
  const k = 300;
  // The last 1000 rows are text, so the sample surely holds some and the column turns to strings.
  const want = (i: number): string => (i >= n - 1000 ? `late${i}` : (i / 4).toFixed(2));
  const text = rowsText('i,code', n, (i) => `${i},${want(i)}`);
  const path = writeTemp('samplate.csv', text);
  const t = await readCsv(path, opts({ maxRows: k, seed: 3 }), { chunkSize: 1000 });
  const i = (findColumn(t, 'i') as NumericColumn).values;
  const code = cells(t).code;
  let early = 0;
  for (let r = 0; r < k; r++) {
    assert.equal(code[r], want(i[r]), `row ${i[r]}`);
    if (i[r] < n - 1000) early++;
  }
  assert.ok(early > 100, 'most kept rows were read as numbers first');
});

test('sampling keeps string dictionaries bounded by the sample, not the file', async () => {
  const n = 30000;
  const k = 100;
  const text = rowsText('name', n, (i) => `n${i}`);
  const path = writeTemp('dict.csv', text);
  const t = await readCsv(path, opts({ maxRows: k }));
  const c = findColumn(t, 'name') as StringColumn;
  assert.equal(c.dictionary.length, k);
  assert.equal(new Set(Array.from(c.codes)).size, k);
});
