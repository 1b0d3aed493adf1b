import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFileError } from '../../../src/core/io/table';
import type { LoadedPair } from '../../../src/core/engine';
import { defaultOptions } from '../../../src/core/options';
import { createHandler, type Engine } from '../../../src/worker/handler';
import { toWireOptions, type FromWorker } from '../../../src/worker/protocol';
import { minimalReport } from '../host/reportFixture';

const pair = { train: { path: 't' }, prod: { path: 'p' }, trainBytes: 1, prodBytes: 1 } as unknown as LoadedPair;
const opts = toWireOptions(defaultOptions);

function harness(engine: Partial<Engine>) {
  const out: FromWorker[] = [];
  const e: Engine = {
    loadPair: async () => pair,
    analyzePair: () => minimalReport(),
    ...engine,
  };
  return { out, handle: createHandler(e, (m) => out.push(m)) };
}

test('start: progress and partial stream, then one done; the options reach the engine without callbacks', async () => {
  let seen: unknown;
  const { out, handle } = harness({
    loadPair: async (_t, _p, o, h) => {
      seen = o;
      h?.onProgress?.('read-train', 0.1, 'reading');
      return pair;
    },
    analyzePair: (_pair, _o, _r, h) => {
      h?.onPartial?.(minimalReport());
      return minimalReport();
    },
  });
  await handle({ type: 'start', job: 1, train: '/t.csv', prod: '/p.csv', options: opts, roles: {} });
  assert.deepEqual(out.map((m) => m.type), ['progress', 'partial', 'done']);
  assert.ok(out.every((m) => m.job === 1));
  assert.equal((seen as typeof defaultOptions).drift.psiWarning, 0.1);
});

test('reanalyze reuses the loaded tables (loadPair runs once)', async () => {
  let loads = 0;
  const pairs: LoadedPair[] = [];
  const { out, handle } = harness({
    loadPair: async () => (loads++, pair),
    analyzePair: (p) => (pairs.push(p), minimalReport()),
  });
  await handle({ type: 'start', job: 1, train: '/t', prod: '/p', options: opts, roles: {} });
  await handle({ type: 'reanalyze', job: 2, options: opts, roles: { label: 'y' } });
  assert.equal(loads, 1);
  assert.equal(pairs[1], pairs[0]);
  assert.deepEqual(out.map((m) => `${m.type}:${m.job}`), ['done:1', 'done:2']);
});

test('reanalyze before any start is an error message, not a throw', async () => {
  const { out, handle } = harness({});
  await handle({ type: 'reanalyze', job: 5, options: opts, roles: {} });
  assert.equal(out[0].type, 'error');
  assert.equal(out[0].job, 5);
});

test('a DataFileError becomes an error naming the file and line', async () => {
  const { out, handle } = harness({
    loadPair: async () => {
      throw new DataFileError('/data/train.csv', '3 fields, header has 5 — fix the row or turn on prodgap.read.skipBadRows', 7);
    },
  });
  await handle({ type: 'start', job: 3, train: '/data/train.csv', prod: '/p', options: opts, roles: {} });
  const m = out[0];
  assert.equal(m.type, 'error');
  if (m.type !== 'error') return;
  assert.equal(m.file, '/data/train.csv');
  assert.equal(m.line, 7);
  assert.match(m.message, /^train\.csv line 7: 3 fields/);
  assert.match(m.detail, /DataFileError/);
});

test('any throw (even a non-Error) is caught and posted', async () => {
  const { out, handle } = harness({
    analyzePair: () => {
      throw 'boom';
    },
  });
  await handle({ type: 'start', job: 4, train: '/t', prod: '/p', options: opts, roles: {} });
  assert.equal(out.at(-1)?.type, 'error');
});

test('cancel between chunks: the read stops and the reply is cancelled', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { out, handle } = harness({
    loadPair: async (_t, _p, _o, h) => {
      await gate;
      if (h?.isCancelled?.()) {
        const e = new Error('read cancelled');
        e.name = 'ReadCancelledError';
        throw e;
      }
      return pair;
    },
  });
  const started = handle({ type: 'start', job: 9, train: '/t', prod: '/p', options: opts, roles: {} });
  await handle({ type: 'cancel', job: 9 });
  release();
  await started;
  assert.deepEqual(out.map((m) => m.type), ['cancelled']);
});

test('malformed requests are answered with an error', async () => {
  const { out, handle } = harness({});
  await handle({ type: 'start', job: 1 });
  await handle('nonsense');
  assert.deepEqual(out.map((m) => [m.type, m.job]), [
    ['error', 1],
    ['error', -1],
  ]);
});

test('postmortem without a renderer is an error; with one it returns markdown and charts', async () => {
  const a = harness({});
  await a.handle({ type: 'postmortem', job: 1, report: minimalReport() });
  assert.equal(a.out[0].type, 'error');
  const b = harness({ postmortem: async (r) => ({ markdown: `# ${r.train.path}`, charts: [{ name: 'c/x.svg', svg: '<svg/>' }] }) });
  await b.handle({ type: 'postmortem', job: 2, report: minimalReport(), chartsDir: 'c' });
  assert.deepEqual(b.out[0], { type: 'postmortem', job: 2, markdown: '# /d/train.csv', charts: [{ name: 'c/x.svg', svg: '<svg/>' }] });
});

test('a message that already names the file is not prefixed twice', async () => {
  const { errorMessage } = await import('../../../src/worker/handler');
  const m = errorMessage(1, new DataFileError('/nonexistent.csv', '/nonexistent.csv does not exist — check the path'));
  assert.equal(m.type === 'error' && m.message, '/nonexistent.csv does not exist — check the path');
  const m2 = errorMessage(1, new DataFileError('/d/prod.csv', 'prod.csv: bad quote', 4));
  assert.equal(m2.type === 'error' && m2.message, 'prod.csv: bad quote (line 4)');
});
