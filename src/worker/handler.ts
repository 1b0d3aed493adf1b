/**
 * The worker's logic, apart from `worker_threads` so tests can drive it with a fake engine and a fake `post`.
 *
 * Rules it keeps: every request gets exactly one terminal reply (`done`, `postmortem`, `cancelled` or `error`);
 * nothing thrown escapes (a crashed worker would only show the host an opaque exit code); the loaded tables stay
 * between requests so `reanalyze` never re-reads the files.
 */
import { basename } from 'node:path';
import type { EngineHooks, LoadedPair, Stage } from '../core/engine';
import type { AnalysisOptions } from '../core/options';
import type { Report, Roles, UserState } from '../core/report/types';
import { isToWorker, type FromWorker, type ToWorker, type WireOptions } from './protocol';

export interface Engine {
  loadPair(train: string, prod: string, options: AnalysisOptions, hooks?: EngineHooks): Promise<LoadedPair>;
  analyzePair(pair: LoadedPair, options: AnalysisOptions, roles?: Partial<Roles>, hooks?: EngineHooks): Report;
  /** Markdown and SVG charts for a report; optional so the worker still analyses when the renderer is missing. */
  postmortem?(report: Report, userState: UserState | undefined, chartsDir: string | undefined): Promise<{ markdown: string; charts: { name: string; svg: string }[] }>;
}

export type Post = (msg: FromWorker) => void;

/** Progress is posted at most once per this share of the job, so a fast reader does not flood the host. */
const PROGRESS_STEP = 0.005;

export function createHandler(engine: Engine, post: Post): (raw: unknown) => Promise<void> {
  let loaded: LoadedPair | null = null;
  /** Jobs the host asked to cancel; checked by the engine between chunks and stages. */
  const cancelled = new Set<number>();

  function hooks(job: number): EngineHooks {
    let last = -1;
    let lastStage: Stage | null = null;
    return {
      onProgress(stage, fraction, message) {
        if (stage === lastStage && fraction - last < PROGRESS_STEP && fraction < 1) return;
        last = fraction;
        lastStage = stage;
        post({ type: 'progress', job, stage, fraction, message });
      },
      onPartial(report) {
        post({ type: 'partial', job, report });
      },
      isCancelled: () => cancelled.has(job),
    };
  }

  async function run(msg: ToWorker): Promise<void> {
    const t0 = Date.now();
    switch (msg.type) {
      case 'cancel':
        cancelled.add(msg.job);
        return;
      case 'start': {
        loaded = null;
        const options = fromWire(msg.options);
        const h = hooks(msg.job);
        const pair = await engine.loadPair(msg.train, msg.prod, options, h);
        if (cancelled.has(msg.job)) return post({ type: 'cancelled', job: msg.job });
        loaded = pair;
        const report = engine.analyzePair(pair, options, msg.roles, h);
        if (cancelled.has(msg.job)) return post({ type: 'cancelled', job: msg.job });
        return post({ type: 'done', job: msg.job, report, elapsedMs: Date.now() - t0 });
      }
      case 'reanalyze': {
        if (!loaded) {
          return post({ type: 'error', job: msg.job, message: 'No files are loaded in the analysis worker; run the comparison again.', detail: 'reanalyze before a successful start' });
        }
        const h = hooks(msg.job);
        const report = engine.analyzePair(loaded, fromWire(msg.options), msg.roles, h);
        if (cancelled.has(msg.job)) return post({ type: 'cancelled', job: msg.job });
        return post({ type: 'done', job: msg.job, report, elapsedMs: Date.now() - t0 });
      }
      case 'postmortem': {
        if (!engine.postmortem) {
          return post({ type: 'error', job: msg.job, message: 'The post-mortem renderer is not available in this build.', detail: 'engine.postmortem missing' });
        }
        const { markdown, charts } = await engine.postmortem(msg.report, msg.userState, msg.chartsDir);
        return post({ type: 'postmortem', job: msg.job, markdown, charts });
      }
    }
  }

  return async (raw: unknown) => {
    if (!isToWorker(raw)) {
      const job = typeof (raw as { job?: unknown })?.job === 'number' ? (raw as { job: number }).job : -1;
      post({ type: 'error', job, message: 'The analysis worker received a malformed request.', detail: safeJson(raw) });
      return;
    }
    try {
      await run(raw);
    } catch (e) {
      if (isCancelError(e) || cancelled.has(raw.job)) post({ type: 'cancelled', job: raw.job });
      else post(errorMessage(raw.job, e));
    } finally {
      if (raw.type !== 'cancel') cancelled.delete(raw.job);
    }
  };
}

/** The engine's options with inert callbacks (the wire form has none). */
function fromWire(o: WireOptions): AnalysisOptions {
  return { ...o, read: { ...o.read } };
}

function isCancelError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ReadCancelledError' || e.name === 'CancelledError' || e.name === 'AbortError');
}

/** Turn anything thrown into a message naming the file and the line when the error knows them (DataFileError). */
export function errorMessage(job: number, e: unknown): FromWorker {
  if (e instanceof Error) {
    const d = e as Error & { file?: unknown; line?: unknown; column?: unknown };
    const file = typeof d.file === 'string' ? d.file : undefined;
    const line = typeof d.line === 'number' ? d.line : undefined;
    const column = typeof d.column === 'string' ? d.column : undefined;
    const where = file ? `${basename(file)}${line !== undefined ? ` line ${line}` : ''}: ` : '';
    // Readers often name the file themselves ("/x/prod.csv does not exist"): prefix only when the message does not.
    const text = file && (e.message.includes(file) || e.message.startsWith(basename(file))) ? (line !== undefined && !/line \d/.test(e.message) ? `${e.message} (line ${line})` : e.message) : where + e.message;
    return { type: 'error', job, message: text, file, line, column, detail: e.stack ?? e.message };
  }
  return { type: 'error', job, message: `Analysis failed: ${String(e)}`, detail: safeJson(e) };
}

function safeJson(x: unknown): string {
  try {
    return JSON.stringify(x)?.slice(0, 2000) ?? String(x);
  } catch {
    return String(x);
  }
}
