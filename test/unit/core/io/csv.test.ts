import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from '../../../../src/core/io/csv';
import { DataFileError, findColumn, type NumericColumn, type StringColumn } from '../../../../src/core/io/table';
import { cells, failureAllChunkings, opts, readAllChunkings, writeTemp } from './csvTestUtil';

test('numbers, integers and categories from a plain file', async () => {
  const t = await readAllChunkings('plain.csv', 'a,b,c\n1,2.5,x\n2,-3e2,y\n3,.5,x\n');
  assert.equal(t.format, 'csv');
  assert.equal(t.rows, 3);
  assert.equal(t.totalRows, 3);
  const a = findColumn(t, 'a') as NumericColumn;
  assert.equal(a.kind, 'numeric');
  assert.equal(a.sourceType, 'int64');
  assert.equal(a.integer, true);
  assert.deepEqual(Array.from(a.values), [1, 2, 3]);
  const b = findColumn(t, 'b') as NumericColumn;
  assert.equal(b.sourceType, 'float64');
  assert.equal(b.integer, false);
  assert.deepEqual(Array.from(b.values), [2.5, -300, 0.5]);
  const c = findColumn(t, 'c') as StringColumn;
  assert.equal(c.kind, 'categorical');
  assert.deepEqual(c.dictionary, ['x', 'y']);
  assert.deepEqual(Array.from(c.codes), [0, 1, 0]);
  assert.deepEqual(t.warnings, []);
});

test('RFC 4180 quoting: embedded delimiters, newlines and "" escapes', async () => {
  const t = await readAllChunkings('quotes.csv', 'id,text,n\n1,"a, b",1\n2,"line1\nline2",2\n3,"say ""hi""",3\n4,"",4\n5,"x""",5\n');
  assert.deepEqual(cells(t).text, ['a, b', 'line1\nline2', 'say "hi"', null, 'x"']);
  assert.deepEqual(cells(t).n, ['1', '2', '3', '4', '5']);
});

test('quoted numbers are numbers', async () => {
  const t = await readAllChunkings('qnum.csv', 'a,b\n"1","2.5"\n"3",4\n');
  assert.deepEqual(Array.from((findColumn(t, 'a') as NumericColumn).values), [1, 3]);
  assert.deepEqual(Array.from((findColumn(t, 'b') as NumericColumn).values), [2.5, 4]);
});

test('CRLF, CR-only and mixed line ends, with and without a final newline', async () => {
  for (const [name, text] of [
    ['crlf.csv', 'a,b\r\n1,x\r\n2,y\r\n'],
    ['cr.csv', 'a,b\r1,x\r2,y\r'],
    ['mixed.csv', 'a,b\r\n1,x\n2,y'],
    ['crlfq.csv', 'a,b\r\n1,"x"\r\n2,"y"'],
  ]) {
    const t = await readAllChunkings(name, text);
    assert.deepEqual(cells(t), { a: ['1', '2'], b: ['x', 'y'] }, name);
  }
});

test('a quoted CRLF stays inside the cell', async () => {
  const t = await readAllChunkings('qcrlf.csv', 'a,b\r\n1,"p\r\nq"\r\n2,r\r\n');
  assert.deepEqual(cells(t).b, ['p\r\nq', 'r']);
});

test('UTF-8 BOM is dropped from the first header name', async () => {
  const t = await readAllChunkings('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,v\nÅsa,1\n')]));
  assert.deepEqual(t.columns.map((c) => c.name), ['name', 'v']);
  assert.deepEqual(cells(t).name, ['Åsa']);
  assert.deepEqual(t.warnings, []);
});

test('each delimiter is sniffed; an explicit delimiter overrides the sniffer', async () => {
  for (const d of [',', ';', '\t', '|']) {
    const t = await readAllChunkings('d.csv', `a${d}b${d}c\n1${d}2${d}x,y\n3${d}4${d}z\n`.replace('x,y', d === ',' ? '"x,y"' : 'x,y'));
    assert.deepEqual(t.columns.map((c) => c.name), ['a', 'b', 'c'], JSON.stringify(d));
    assert.deepEqual(cells(t).c, ['x,y', 'z'], JSON.stringify(d));
  }
  // Semicolons in the data would win the sniff; the option says commas.
  const t = await readAllChunkings('forced.csv', 'a;x,b\n1;2,3\n', { delimiter: ',' });
  assert.deepEqual(t.columns.map((c) => c.name), ['a;x', 'b']);
});

test('a one-column file has no delimiter to sniff', async () => {
  const t = await readAllChunkings('one.csv', 'v\n1\n2\n\n3\n');
  assert.deepEqual(cells(t), { v: ['1', '2', '3'] });
});

test('missing tokens (trimmed) are null; numeric columns stay numeric', async () => {
  const t = await readAllChunkings('na.csv', 'a,b\n1,x\nNA,\n ,N/A\n4, null \n-,y\n', { missingTokens: ['NA', 'N/A', 'null', '-'] });
  const a = findColumn(t, 'a') as NumericColumn;
  assert.equal(a.kind, 'numeric');
  assert.deepEqual(Array.from(a.values).map((v) => (Number.isNaN(v) ? null : v)), [1, null, null, 4, null]);
  assert.deepEqual(cells(t).b, ['x', null, null, null, 'y']);
  assert.deepEqual((findColumn(t, 'b') as StringColumn).dictionary, ['x', 'y'], 'missing tokens are not categories');
  // Without the token, "NA" is a value and the column is text.
  const u = await readAllChunkings('na2.csv', 'a\n1\nNA\n', { missingTokens: [] });
  assert.deepEqual(cells(u).a, ['1', 'NA']);
});

test('invalid UTF-8 falls back to latin-1 with a warning naming the file', async () => {
  const bytes = Buffer.concat([Buffer.from('city,n\n'), Buffer.from([0x4d, 0xe1, 0x6c, 0x61, 0x67, 0x61]), Buffer.from(',1\nRoma,2\n')]);
  const t = await readAllChunkings('latin.csv', bytes);
  assert.deepEqual(cells(t).city, ['Málaga', 'Roma']);
  assert.equal(t.warnings.length, 1);
  assert.match(t.warnings[0], /^latin\.csv is not valid UTF-8; it was read as latin-1/);
});

test('latin-1 header names are re-decoded too', async () => {
  const bytes = Buffer.concat([Buffer.from([0x70, 0x72, 0x69, 0xe9, 0x73]), Buffer.from(',n\na,1\n')]);
  const t = await readAllChunkings('lh.csv', bytes);
  assert.deepEqual(t.columns.map((c) => c.name), ['priés', 'n']);
  assert.match(t.warnings[0], /latin-1/);
});

test('valid UTF-8 multi-byte text is kept', async () => {
  const t = await readAllChunkings('utf.csv', 'w,n\nnaïve,1\n東京,2\n😀,3\n');
  assert.deepEqual(cells(t).w, ['naïve', '東京', '😀']);
  assert.deepEqual(t.warnings, []);
});

test('a ragged row is an error naming the file, the line and the fix', async () => {
  const e = await failureAllChunkings('train.csv', 'a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5\n"x\ny",2,3,4,5\n1,2,3,4,5\n1,2,3\n');
  assert.ok(e instanceof DataFileError);
  // Line 7: the quoted newline on line 4 counts as a line.
  assert.equal(e.message, 'train.csv line 7: 3 fields, header has 5 — fix the row or pass --skip-bad-rows');
  assert.equal(e.line, 7);
  assert.ok(e.file?.endsWith('train.csv'));
});

test('skipBadRows skips ragged rows and counts them in a warning', async () => {
  const t = await readAllChunkings('bad.csv', 'a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n', { skipBadRows: true });
  assert.deepEqual(cells(t).a, ['1', '4', '9']);
  assert.equal(t.rows, 3);
  assert.deepEqual(t.warnings, ["bad.csv: skipped 2 rows whose field count differs from the header's 2 (lines 3, 5)"]);
});

test('an unterminated quote names the line where the quoted field opens', async () => {
  const e = await failureAllChunkings('q.csv', 'a,b\n1,2\n3,"open\n4,5\n6,7\n');
  assert.ok(e instanceof DataFileError);
  assert.equal(e.line, 3);
  assert.match(e.message, /^q\.csv line 3: a quoted field opens in this record and is never closed/);
});

test('a runaway quote is stopped at the record size limit', async () => {
  const path = writeTemp('runaway.csv', 'a,b\n1,"' + 'x,'.repeat(5000) + '\n');
  const e = await readCsv(path, opts(), { chunkSize: 100, maxRecordBytes: 1000 }).catch((err: Error) => err);
  assert.ok(e instanceof DataFileError);
  assert.match(e.message, /^runaway\.csv line 2: a record runs on for more than/);
});

test('empty, header-only and binary files get clear errors', async () => {
  let e = await failureAllChunkings('empty.csv', '');
  assert.equal(e.message, 'empty.csv is empty: it has no header row');
  e = await failureAllChunkings('blank.csv', '\n\n\r\n');
  assert.equal(e.message, 'blank.csv is empty: it has no header row');
  e = await failureAllChunkings('head.csv', 'a,b,c\n');
  assert.equal(e.message, 'head.csv has a header but no data rows');
  e = await failureAllChunkings('headbad.csv', 'a,b,c\n1,2\n', { skipBadRows: true });
  assert.equal(e.message, 'headbad.csv has a header but no data rows (all 1 were skipped as bad rows)');
  e = await failureAllChunkings('bin.csv', Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02, 0x00, 0x0a]));
  assert.match(e.message, /^bin\.csv does not look like CSV text: it contains NUL bytes/);
  e = await failureAllChunkings('utf16.csv', Buffer.from('\ufeffa,b\n1,2\n', 'utf16le'));
  assert.match(e.message, /UTF-16/);
});

test('empty and duplicate header names are renamed with a warning', async () => {
  const t = await readAllChunkings('hdr.csv', 'a,,a, b ,a_3\n1,2,3,4,5\n');
  assert.deepEqual(t.columns.map((c) => c.name), ['a', 'col_2', 'a_3', 'b', 'a_3_5']);
  assert.equal(t.warnings.length, 1);
  assert.match(t.warnings[0], /^hdr\.csv: header names fixed: empty column 2 → col_2; duplicate "a" \(column 3\) → a_3; duplicate "a_3" \(column 5\) → a_3_5/);
});

test('blank lines are skipped but counted for line numbers', async () => {
  const e = await failureAllChunkings('gap.csv', 'a,b\n1,2\n\n\n3\n');
  assert.equal(e.line, 5);
});

test('bytes after a closing quote are kept (lenient, like pandas)', async () => {
  const t = await readAllChunkings('after.csv', 'a,b\n"x"y,1\n"p""q"r,2\nm"n,3\n');
  assert.deepEqual(cells(t).a, ['xy', 'p"qr', 'm"n'], 'a quote inside an unquoted cell is a plain character');
});

test('progress is reported up to the file size, and cancellation stops the read', async () => {
  const text = 'a,b\n' + Array.from({ length: 500 }, (_, i) => `${i},${i % 7}`).join('\n') + '\n';
  const path = writeTemp('prog.csv', text);
  const seen: [number, number][] = [];
  await readCsv(path, opts({ onProgress: (r, t) => seen.push([r, t]) }), { chunkSize: 256 });
  assert.ok(seen.length > 5);
  assert.deepEqual(seen[seen.length - 1], [Buffer.byteLength(text), Buffer.byteLength(text)]);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] >= seen[i - 1][0]);
  let calls = 0;
  const e = await readCsv(path, opts({ isCancelled: () => ++calls > 3 }), { chunkSize: 256 }).catch((err: Error) => err);
  assert.equal((e as Error).name, 'ReadCancelledError');
  assert.equal(calls, 4);
});

test('an invalid delimiter option is a clear error', async () => {
  const path = writeTemp('d.csv', 'a,b\n1,2\n');
  const e = await readCsv(path, opts({ delimiter: '::' })).catch((err: Error) => err);
  assert.ok(e instanceof DataFileError);
  assert.match(e.message, /delimiter "::" is not usable/);
});

test('wide rows (more fields than one batch array holds) and long cells', async () => {
  const w = 5000;
  const header = Array.from({ length: w }, (_, i) => `c${i}`).join(',');
  const row = (r: number) => Array.from({ length: w }, (_, i) => String(r * w + i)).join(',');
  const long = 'x'.repeat(100_000);
  const t = await readAllChunkings('wide.csv', `${header},big\n${row(0)},${long}\n${row(1)},"${long}"\n`, {}, [4096, 1 << 20]);
  assert.equal(t.columns.length, w + 1);
  assert.equal(cells(t).c4999[1], String(w + 4999));
  assert.deepEqual(cells(t).big, [long, long]);
});
