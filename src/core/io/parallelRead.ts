/**
 * Reads several files at once, each in its own worker thread (`dist/reader.js`), when a reader script is available;
 * otherwise one after another on this thread. Errors come back as the same error types the readers throw.
 */
import { Worker } from 'node:worker_threads';
import { readTable } from './readTable';
import { ReadCancelledError, type ReadOptions } from './readOptions';
import { DataFileError, type Table } from './table';

export interface ReaderRequest {
  path: string;
  options: Omit<ReadOptions, 'onProgress' | 'isCancelled'>;
}

export type ReaderReply =
  | { type: 'progress'; bytes: number; total: number }
  | { type: 'done'; table: Table }
  | { type: 'error'; name: string; message: string; file?: string; line?: number; column?: string; code?: string; stack?: string };

/** How often a cancelled read is noticed while the readers run. */
const CANCEL_POLL_MS = 100;

function readInWorker(script: string, path: string, options: ReadOptions): Promise<Table> {
  const { onProgress, isCancelled, ...plain } = options;
  return new Promise<Table>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { path, options: plain } satisfies ReaderRequest });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      f();
    };
    const timer = setInterval(() => {
      if (isCancelled?.()) finish(() => reject(new ReadCancelledError()));
    }, CANCEL_POLL_MS);
    worker.on('message', (m: ReaderReply) => {
      if (m.type === 'progress') onProgress?.(m.bytes, m.total);
      else if (m.type === 'done') finish(() => resolve(m.table));
      else
        finish(() => {
          if (m.name === 'DataFileError') reject(new DataFileError(m.file ?? path, m.message, m.line, m.column));
          else if (m.name === 'ReadCancelledError') reject(new ReadCancelledError());
          else reject(Object.assign(new Error(m.message), { name: m.name, code: m.code, stack: m.stack }));
        });
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`reader worker for ${path} exited with code ${code}`))));
  });
}

/**
 * Read every request, in parallel threads when `readerScript` is given (and exists), else sequentially.
 * `options[i]` carries per-file progress callbacks.
 */
export function readTables(paths: string[], options: ReadOptions[], readerScript?: string): Promise<Table[]> {
  if (readerScript) return Promise.all(paths.map((p, i) => readInWorker(readerScript, p, options[i])));
  return paths.reduce<Promise<Table[]>>(async (acc, p, i) => [...(await acc), await readTable(p, options[i])], Promise.resolve([]));
}
