import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { readTable, sniffFormat } from '../../../../src/core/io/readTable';
import { describeOpenError } from '../../../../src/core/io/openDataFile';
import { DataFileError, findColumn, type NumericColumn } from '../../../../src/core/io/table';
import { cells, opts, rejection, writeTemp } from './csvTestUtil';

async function failure(name: string, content: string | Uint8Array): Promise<Error> {
  const e = await rejection(readTable(writeTemp(name, content), opts()));
  assert.ok(e instanceof DataFileError, `${name}: ${e.message}`);
  return e;
}

test('formats we recognise but do not read get a message saying what to do', async () => {
  assert.equal(
    (await failure('old.feather', Buffer.from('FEA1\x00\x00\x00\x00rest', 'latin1'))).message,
    'old.feather is Feather v1, which is not supported — re-save it with pyarrow as Feather v2 (pyarrow.feather.write_feather(df, path, version=2))',
  );
  assert.equal(
    (await failure('data.parquet', Buffer.from('PAR1\x15\x04\x15\x00', 'latin1'))).message,
    'data.parquet is Parquet, which is not supported yet — convert it to Arrow/Feather or CSV',
  );
  assert.match((await failure('data.csv.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).message, /^data\.csv\.gz is gzip-compressed — decompress it first/);
  assert.match((await failure('book.xlsx', Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'))).message, /^book\.xlsx is a zip archive \(or an Excel workbook\)/);
  assert.match((await failure('fake.arrow', 'a,b\n1,2\n')).message, /^fake\.arrow does not start like an Arrow IPC file or stream/);
  assert.equal((await failure('empty.csv', '')).message, 'empty.csv is empty: it has no header row');
});

test('missing files, folders and unreadable files are one clear line', async () => {
  const missing = join(tmpdir(), 'prodgap-no-such-dir', 'train.csv');
  let e = await rejection(readTable(missing, opts()));
  assert.ok(e instanceof DataFileError);
  assert.equal(e.message, `${missing} does not exist — check the path`);
  const dir = mkdtempSync(join(tmpdir(), 'prodgap-dir-'));
  e = await rejection(readTable(dir, opts()));
  assert.equal(e.message, `${dir} is a folder, not a data file — pick a .csv, .tsv, .arrow or .feather file`);
  const locked = writeTemp('locked.csv', 'a\n1\n');
  chmodSync(locked, 0o000);
  try {
    // root reads anything: only check the message where permissions apply.
    if (process.getuid?.() !== 0) {
      e = await rejection(readTable(locked, opts()));
      assert.equal(e.message, `${locked} cannot be read: permission denied — check the file's permissions`);
    }
  } finally {
    chmodSync(locked, 0o644);
  }
});

test('permission and path errors read as one line (also where the tests run as root)', () => {
  const err = (code: string) => Object.assign(new Error(`${code}: boom`), { code });
  assert.equal(describeOpenError('/d/train.csv', err('EACCES')), "/d/train.csv cannot be read: permission denied — check the file's permissions");
  assert.equal(describeOpenError('/d/train.csv', err('EPERM')), "/d/train.csv cannot be read: permission denied — check the file's permissions");
  assert.equal(describeOpenError('/d/train.csv', err('ENOTDIR')), '/d/train.csv does not exist: a part of the path is not a folder');
  assert.equal(describeOpenError('/d/train.csv', err('EIO')), '/d/train.csv cannot be opened: EIO: boom');
});

test('.tsv defaults to tabs, other text files are sniffed', async () => {
  // Commas inside the cells would win a sniff; the .tsv extension says tabs.
  const t = await readTable(writeTemp('data.tsv', 'a\tb\n1,5\tx\n2,5\ty\n'), opts());
  assert.deepEqual(cells(t), { a: ['1,5', '2,5'], b: ['x', 'y'] });
  const u = await readTable(writeTemp('data.txt', 'a;b\n1;x\n'), opts());
  assert.deepEqual(cells(u), { a: ['1'], b: ['x'] });
  assert.equal(u.format, 'csv');
});

test('Arrow files and streams are recognised by their magic bytes, whatever their extension', async () => {
  const table = tableFromArrays({ x: Float64Array.from([1.5, 2.5, 3.5]), tag: ['a', 'b', 'a'] });
  for (const [name, layout] of [['data.arrow', 'file'], ['data.feather', 'file'], ['data.arrows', 'stream'], ['misnamed.csv', 'file']] as const) {
    const path = writeTemp(name, tableToIPC(table, layout));
    const t = await readTable(path, opts());
    assert.equal(t.format, 'arrow', name);
    assert.deepEqual(Array.from((findColumn(t, 'x') as NumericColumn).values), [1.5, 2.5, 3.5], name);
    assert.deepEqual(cells(t).tag, ['a', 'b', 'a'], name);
  }
});

test('sniffFormat reads magic numbers', () => {
  assert.equal(sniffFormat('a.bin', Buffer.from('ARROW1\0\0')), 'arrow-file');
  assert.equal(sniffFormat('a.bin', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0])), 'arrow-stream');
  assert.equal(sniffFormat('a.csv', Buffer.from('a,b\n1,2')), 'csv');
  assert.equal(sniffFormat('a.dat', Buffer.from('a,b\n1,2')), 'csv');
});
