import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { LoadedPair } from '../../../src/core/engine';
import { defaultOptions } from '../../../src/core/options';
import { WorkerClient, type WorkerLike } from '../../../src/host/workerClient';
import type { Engine } from '../../../src/worker/handler';
import type { ToWorker } from '../../../src/worker/protocol';
import { FakeWorker } from './fakeWorker';
import { minimalReport } from './reportFixture';

const pair = {} as LoadedPair;

function engine(over: Partial<Engine> = {}): Engine & { loads: number } {
  const e: Engine & { loads: number } = {
    loads: 0,
    loadPair: async () => (e.loads++, pair),
    analyzePair: () => minimalReport(),
    ...over,
  };
  return e;
}

test('start → done with partials and progress delivered to the sink', async () => {
  const e = engine({
    analyzePair: (_p, _o, _r, h) => {
      h?.onProgress?.('drift', 0.5, 'drift');
      h?.onPartial?.(minimalReport());
      return minimalReport();
    },
  });
  const client = new WorkerClient(() => new FakeWorker(e));
  const seen: string[] = [];
  const o = await client.start('/t', '/p', defaultOptions, {}, { onProgress: (f) => seen.push(`p${f}`), onPartial: () => seen.push('partial') });
  assert.equal(o.kind, 'done');
  assert.deepEqual(seen, ['p0.5', 'partial']);
  assert.ok(client.hasLoaded('/t', '/p'));
  assert.ok(!client.hasLoaded('/t', '/other'));
});

test('reanalyze on the same pair does not read the files again; another pair does', async () => {
  const e = engine();
  const workers: FakeWorker[] = [];
  const client = new WorkerClient(() => {
    const w = new FakeWorker(e);
    workers.push(w);
    return w;
  });
  await client.start('/t', '/p', defaultOptions, {});
  const o = await client.reanalyze('/t', '/p', { ...defaultOptions, drift: { ...defaultOptions.drift, psiWarning: 0.2 } }, { label: 'y' });
  assert.equal(o.kind, 'done');
  assert.equal(e.loads, 1);
  const sent = workers[0].received.at(-1) as Extract<ToWorker, { type: 'reanalyze' }>;
  assert.equal(sent.type, 'reanalyze');
  assert.equal(sent.options.drift.psiWarning, 0.2);
  assert.deepEqual(sent.roles, { label: 'y' });
  await client.reanalyze('/t2', '/p', defaultOptions, {});
  assert.equal(e.loads, 2);
});

test('cancel terminates the worker and resolves cancelled; the next run uses a new worker', async () => {
  const e = engine({ loadPair: () => new Promise<LoadedPair>(() => undefined) });
  const workers: FakeWorker[] = [];
  const client = new WorkerClient(() => {
    const w = new FakeWorker(workers.length === 0 ? e : engine());
    workers.push(w);
    return w;
  });
  const running = client.start('/t', '/p', defaultOptions, {});
  await new Promise((r) => setImmediate(r));
  assert.ok(client.busy);
  client.cancel();
  assert.deepEqual(await running, { kind: 'cancelled' });
  assert.ok(workers[0].terminated);
  assert.ok(!client.hasLoaded('/t', '/p'));
  assert.equal((await client.start('/t', '/p', defaultOptions, {})).kind, 'done');
  assert.equal(workers.length, 2);
});

test('a new start supersedes the running one', async () => {
  let n = 0;
  const client = new WorkerClient(() => new FakeWorker(engine(n++ === 0 ? { loadPair: () => new Promise<LoadedPair>(() => undefined) } : {})));
  const first = client.start('/a', '/b', defaultOptions, {});
  const second = client.start('/c', '/d', defaultOptions, {});
  assert.deepEqual(await first, { kind: 'superseded' });
  assert.equal((await second).kind, 'done');
});

test('a worker that dies mid-job gives an error outcome, not a hang', async () => {
  class Dying extends EventEmitter implements WorkerLike {
    postMessage(): void {
      setImmediate(() => {
        this.emit('error', new Error('Worker terminated due to reaching memory limit: JS heap out of memory'));
        this.emit('exit', 1);
      });
    }
    terminate(): Promise<number> {
      return Promise.resolve(1);
    }
  }
  const client = new WorkerClient(() => new Dying());
  const o = await client.start('/t', '/p', defaultOptions, {});
  assert.equal(o.kind, 'error');
  if (o.kind === 'error') assert.match(o.message, /memory/);
  assert.ok(!client.busy);
});

test('a factory that throws (missing dist/worker.js) is an error outcome', async () => {
  const client = new WorkerClient(() => {
    throw new Error("Cannot find module 'dist/worker.js'");
  });
  const o = await client.start('/t', '/p', defaultOptions, {});
  assert.equal(o.kind, 'error');
});

test('errors from the worker keep file and line', async () => {
  const e = engine({
    loadPair: async () => {
      throw Object.assign(new Error('bad quote'), { name: 'DataFileError', file: '/x/prod.csv', line: 12 });
    },
  });
  const o = await new WorkerClient(() => new FakeWorker(e)).start('/t', '/x/prod.csv', defaultOptions, {});
  assert.equal(o.kind, 'error');
  if (o.kind !== 'error') return;
  assert.equal(o.file, '/x/prod.csv');
  assert.equal(o.line, 12);
  assert.equal(o.message, 'prod.csv line 12: bad quote');
});
