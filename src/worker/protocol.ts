/**
 * The messages between the extension host and the analysis worker (`dist/worker.js`), declared once.
 *
 * One worker serves one file pair: `start` reads both files and keeps the tables, later `reanalyze` re-runs the
 * analyses on them (a threshold or a role changed) without reading the files again, and `postmortem` renders the
 * markdown and its SVG charts off the host thread. `cancel` asks the worker to stop between chunks; the host also
 * terminates the worker when the user cancels, because a long synchronous analysis cannot look at a flag.
 *
 * Every request carries a `job` number that the replies echo, so a late reply to a superseded job is recognised and
 * dropped. Payloads are plain JSON (the Report already is); options travel without their callbacks.
 */
import type { AnalysisOptions } from '../core/options';
import type { Report, Roles, UserState } from '../core/report/types';

/** AnalysisOptions as they cross a thread boundary: functions cannot be cloned, so the read callbacks are dropped. */
export type WireOptions = Omit<AnalysisOptions, 'read'> & {
  read: Omit<AnalysisOptions['read'], 'onProgress' | 'isCancelled'>;
};

// ---- host → worker ----

export type ToWorker =
  | { type: 'start'; job: number; train: string; prod: string; options: WireOptions; roles: Partial<Roles> }
  | { type: 'reanalyze'; job: number; options: WireOptions; roles: Partial<Roles> }
  | { type: 'postmortem'; job: number; report: Report; userState?: UserState; chartsDir?: string }
  | { type: 'cancel'; job: number };

// ---- worker → host ----

export type FromWorker =
  | { type: 'progress'; job: number; stage: string; fraction: number; message: string }
  | { type: 'partial'; job: number; report: Report }
  | { type: 'done'; job: number; report: Report; elapsedMs: number }
  | { type: 'postmortem'; job: number; markdown: string; charts: { name: string; svg: string }[] }
  | { type: 'cancelled'; job: number }
  | {
      type: 'error';
      job: number;
      /** One line for the user, naming the file and the fix. */
      message: string;
      file?: string;
      line?: number;
      column?: string;
      /** Stack or longer explanation for the output channel. */
      detail: string;
    };

export type ToWorkerType = ToWorker['type'];
export type FromWorkerType = FromWorker['type'];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const toWorkerChecks: { [T in ToWorkerType]: (m: Obj) => boolean } = {
  start: (m) => typeof m.train === 'string' && typeof m.prod === 'string' && isObj(m.options) && isObj(m.roles),
  reanalyze: (m) => isObj(m.options) && isObj(m.roles),
  postmortem: (m) => isObj(m.report),
  cancel: () => true,
};

const fromWorkerChecks: { [T in FromWorkerType]: (m: Obj) => boolean } = {
  progress: (m) => typeof m.stage === 'string' && isNum(m.fraction) && typeof m.message === 'string',
  partial: (m) => isObj(m.report),
  done: (m) => isObj(m.report) && isNum(m.elapsedMs),
  postmortem: (m) => typeof m.markdown === 'string' && Array.isArray(m.charts),
  cancelled: () => true,
  error: (m) => typeof m.message === 'string' && typeof m.detail === 'string',
};

function check(x: unknown, table: Record<string, (m: Obj) => boolean>): boolean {
  return isObj(x) && typeof x.type === 'string' && Object.prototype.hasOwnProperty.call(table, x.type) && isNum(x.job) && table[x.type](x);
}

export function isToWorker(x: unknown): x is ToWorker {
  return check(x, toWorkerChecks);
}

export function isFromWorker(x: unknown): x is FromWorker {
  return check(x, fromWorkerChecks);
}

/** Strip the callbacks from options so they can be posted (structured clone throws on functions). */
export function toWireOptions(o: AnalysisOptions): WireOptions {
  const { onProgress: _p, isCancelled: _c, ...read } = o.read;
  return { ...o, read };
}
