/**
 * A worker that reads one data file into a Table and hands its typed arrays back without copying (transfer list).
 * The engine reads the training and the production file in two of these at once: parsing is most of the work, and
 * the two files are independent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readTable } from '../core/io/readTable';
import { DataFileError, isNumeric, type Table } from '../core/io/table';
import type { ReaderRequest, ReaderReply } from '../core/io/parallelRead';

const port = parentPort;
if (!port) throw new Error('readerWorker must run in a worker thread');
const req = workerData as ReaderRequest;
let lastPost = 0;

readTable(req.path, {
  ...req.options,
  onProgress: (bytes, total) => {
    const now = Date.now();
    if (now - lastPost < 100) return;
    lastPost = now;
    port.postMessage({ type: 'progress', bytes, total } satisfies ReaderReply);
  },
}).then(
  (table: Table) => {
    const transfer = table.columns.map((c) => (isNumeric(c) ? c.values.buffer : c.codes.buffer)) as ArrayBuffer[];
    port.postMessage({ type: 'done', table } satisfies ReaderReply, [...new Set(transfer)]);
  },
  (e: unknown) => {
    const err = e as Error;
    const reply: ReaderReply =
      e instanceof DataFileError
        ? { type: 'error', name: 'DataFileError', message: err.message, file: e.file, line: e.line, column: e.column }
        : { type: 'error', name: err.name ?? 'Error', message: err.message ?? String(e), code: (e as NodeJS.ErrnoException).code, stack: err.stack };
    port.postMessage(reply);
  },
);
