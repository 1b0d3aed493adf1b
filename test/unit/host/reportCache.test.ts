import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportCache } from '../../../src/host/reportCache';
import { minimalReport } from './reportFixture';

test('a cached report comes back while the files are unchanged, and not after one changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prodgap-cache-'));
  const pair = { train: join(dir, 'train.csv'), prod: join(dir, 'prod.csv') };
  writeFileSync(pair.train, 'a\n1\n');
  writeFileSync(pair.prod, 'a\n2\n');
  const cache = new ReportCache(join(dir, 'storage'));
  assert.equal(await cache.load(pair), null);
  const r = minimalReport();
  await cache.save(pair, r);
  assert.deepEqual(await cache.load(pair), r);
  assert.equal(await cache.load({ train: pair.prod, prod: pair.train }), null, 'swapped pair is not the same entry');
  writeFileSync(pair.prod, 'a\n2\n3\n');
  utimesSync(pair.prod, new Date(), new Date(Date.now() + 5000));
  assert.equal(await cache.load(pair), null);
});
