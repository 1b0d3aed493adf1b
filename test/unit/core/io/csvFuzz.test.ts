import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findColumn, type NumericColumn } from '../../../../src/core/io/table';
import { cells, FEW_CHUNK_SIZES, readAllChunkings } from './csvTestUtil';

// fuzz.csv and its expected cells come from test/fixtures/csv/make_fuzz.py: Python's csv module wrote the file
// (quotes, "" escapes, embedded CRLF/LF, other delimiters unquoted, multi-byte UTF-8) and read it back.
const dir = join(__dirname, '..', '..', '..', 'fixtures', 'csv');
const expected = JSON.parse(readFileSync(join(dir, 'fuzz.expected.json'), 'utf8')) as { header: string[]; rows: string[][] };
const bytes = readFileSync(join(dir, 'fuzz.csv'));

for (const delimiter of [undefined, ','] as const) {
  test(`tricky RFC 4180 text reads as Python's csv module reads it (delimiter ${delimiter ?? 'sniffed'})`, async () => {
    const t = await readAllChunkings('fuzz.csv', bytes, { delimiter }, [16, ...FEW_CHUNK_SIZES]);
    assert.deepEqual(t.columns.map((c) => c.name), expected.header);
    assert.equal(t.rows, expected.rows.length);
    const got = cells(t);
    for (let c = 0; c <= 4; c++) {
      const name = expected.header[c];
      assert.deepEqual(got[name], expected.rows.map((r) => r[c]), name);
    }
    const num = findColumn(t, 'num') as NumericColumn;
    assert.equal(num.kind, 'numeric');
    assert.deepEqual(Array.from(num.values), expected.rows.map((r) => Number(r[5])));
    assert.deepEqual(t.warnings, []);
  });
}
