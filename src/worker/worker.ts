/**
 * The analysis worker (`dist/worker.js`): a `worker_threads` entry that wires the engine to the host's messages.
 * Logic lives in `handler.ts`; this file only connects `parentPort` and keeps an uncaught error from killing the
 * thread silently (it is posted, then the thread carries on).
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { analyzePair, loadPair } from '../core/engine';
import { createHandler, errorMessage, type Engine } from './handler';
import type { FromWorker } from './protocol';
import { renderPostmortemCharts } from './postmortemJob';

const port = parentPort;
if (!port) throw new Error('worker.ts must run inside a worker_threads Worker');

// The report is plain JSON, so nothing goes in a transfer list: structured clone copies it once.
const post = (msg: FromWorker): void => port.postMessage(msg);

// Both files are parsed at once, each in a reader thread bundled beside this file (dist/reader.js).
const readerScript = join(__dirname, 'reader.js');
const engine: Engine = {
  loadPair: (train, prod, options, hooks) => loadPair(train, prod, options, { ...hooks, readerScript }),
  analyzePair,
  postmortem: renderPostmortemCharts,
};
const handle = createHandler(engine, post);

port.on('message', (m: unknown) => void handle(m));
process.on('uncaughtException', (e) => post(errorMessage(-1, e)));
process.on('unhandledRejection', (e) => post(errorMessage(-1, e)));
