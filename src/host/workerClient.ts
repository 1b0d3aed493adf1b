/**
 * The host's side of the worker protocol, without `vscode`: owns one worker, numbers jobs, matches replies to jobs,
 * and turns a worker that dies (crash, out of memory, terminate) into an outcome instead of a hang. The worker is
 * created lazily through a factory, so tests drive this with a fake and the extension with `worker_threads`.
 *
 * One job at a time: a new analysis supersedes the running one (its promise resolves `superseded`), because the user
 * only ever wants the latest request; the worker is terminated when it was still reading, since reads cannot be
 * interrupted mid-chunk from outside.
 */
import type { AnalysisOptions } from '../core/options';
import type { Report, Roles, UserState } from '../core/report/types';
import { isFromWorker, toWireOptions, type FromWorker, type ToWorker } from '../worker/protocol';

/** What the client needs from a `worker_threads.Worker`. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  on(event: 'message', cb: (m: unknown) => void): unknown;
  on(event: 'error', cb: (e: Error) => void): unknown;
  on(event: 'exit', cb: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface ErrorOutcome {
  kind: 'error';
  message: string;
  file?: string;
  line?: number;
  column?: string;
  detail: string;
}

export type AnalysisOutcome =
  | { kind: 'done'; report: Report; elapsedMs: number }
  | { kind: 'cancelled' }
  | { kind: 'superseded' }
  | ErrorOutcome;

export type PostmortemOutcome = { kind: 'postmortem'; markdown: string; charts: { name: string; svg: string }[] } | { kind: 'cancelled' } | { kind: 'superseded' } | ErrorOutcome;

export interface AnalysisSink {
  onProgress?(fraction: number, message: string, stage: string): void;
  onPartial?(report: Report): void;
}

interface Pending {
  job: number;
  sink: AnalysisSink;
  resolve(o: FromWorker | { type: 'cancelled' | 'superseded' } | ErrorOutcome): void;
}

export class WorkerClient {
  private worker: WorkerLike | null = null;
  private nextJob = 1;
  private pending: Pending | null = null;
  /** The pair whose tables the live worker holds (set after a successful start). */
  private loadedPair: { train: string; prod: string } | null = null;

  constructor(private readonly create: () => WorkerLike) {}

  /** True when `reanalyze` can reuse the tables already read for this pair. */
  hasLoaded(train: string, prod: string): boolean {
    return this.worker !== null && this.loadedPair?.train === train && this.loadedPair.prod === prod;
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Read both files and analyse them. An idle worker is reused (the engine keeps recently read tables, so a new
   * production batch against the same training file does not read training again); a busy one is replaced.
   */
  start(train: string, prod: string, options: AnalysisOptions, roles: Partial<Roles>, sink: AnalysisSink = {}): Promise<AnalysisOutcome> {
    if (this.pending) this.kill();
    this.loadedPair = null;
    const job = this.nextJob++;
    const p = this.request({ type: 'start', job, train, prod, options: toWireOptions(options), roles }, sink).then((m) =>
      this.analysisOutcome(m),
    );
    void p.then((o) => {
      if (o.kind === 'done') this.loadedPair = { train, prod };
    });
    return p;
  }

  /** Re-run the analyses on the tables the worker holds; falls back to `start` when it holds none for this pair. */
  reanalyze(train: string, prod: string, options: AnalysisOptions, roles: Partial<Roles>, sink: AnalysisSink = {}): Promise<AnalysisOutcome> {
    if (!this.hasLoaded(train, prod) || this.pending) return this.start(train, prod, options, roles, sink);
    const job = this.nextJob++;
    return this.request({ type: 'reanalyze', job, options: toWireOptions(options), roles }, sink).then((m) => this.analysisOutcome(m));
  }

  /** Render the post-mortem (markdown + SVG) in the worker; waits for nothing else, supersedes a running job. */
  postmortem(report: Report, userState: UserState, chartsDir: string): Promise<PostmortemOutcome> {
    if (this.pending) this.kill();
    const job = this.nextJob++;
    return this.request({ type: 'postmortem', job, report, userState, chartsDir }, {}).then((m): PostmortemOutcome => {
      if ('type' in m && m.type === 'postmortem') return { kind: 'postmortem', markdown: m.markdown, charts: m.charts };
      return this.terminal(m);
    });
  }

  /** Stop the running job now: the worker is terminated (a synchronous analysis cannot look at a flag). */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.terminateWorker();
    p.resolve({ type: 'cancelled' });
  }

  dispose(): void {
    this.kill();
  }

  private kill(): void {
    const p = this.pending;
    this.pending = null;
    this.terminateWorker();
    p?.resolve({ type: 'superseded' });
  }

  private terminateWorker(): void {
    const w = this.worker;
    this.worker = null;
    this.loadedPair = null;
    if (w) void w.terminate().catch(() => undefined);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.create();
    this.worker = w;
    w.on('message', (m) => this.onMessage(w, m));
    w.on('error', (e) => this.onDeath(w, { kind: 'error', message: `The analysis worker failed: ${e.message}`, detail: e.stack ?? e.message }));
    w.on('exit', (code) =>
      this.onDeath(w, { kind: 'error', message: `The analysis worker stopped unexpectedly (exit code ${code}).`, detail: `worker exit code ${code}` }),
    );
    return w;
  }

  private request(msg: ToWorker, sink: AnalysisSink): Promise<FromWorker | { type: 'cancelled' | 'superseded' } | ErrorOutcome> {
    return new Promise((resolve) => {
      let worker: WorkerLike;
      try {
        worker = this.ensureWorker();
      } catch (e) {
        const err = e as Error;
        resolve({ kind: 'error', message: `Could not start the analysis worker: ${err.message}`, detail: err.stack ?? String(e) });
        return;
      }
      this.pending = { job: msg.job, sink, resolve };
      worker.postMessage(msg);
    });
  }

  private onMessage(from: WorkerLike, m: unknown): void {
    if (from !== this.worker || !isFromWorker(m)) return;
    const p = this.pending;
    // A reply to a job that was superseded or cancelled is dropped; job -1 is an uncaught error in the worker.
    if (!p || (m.job !== p.job && m.job !== -1)) return;
    if (m.type === 'progress') return p.sink.onProgress?.(m.fraction, m.message, m.stage);
    if (m.type === 'partial') return p.sink.onPartial?.(m.report);
    this.pending = null;
    p.resolve(m);
  }

  private onDeath(w: WorkerLike, outcome: ErrorOutcome): void {
    if (w !== this.worker) return; // terminated on purpose
    this.worker = null;
    this.loadedPair = null;
    const p = this.pending;
    this.pending = null;
    p?.resolve(outcome);
  }

  private analysisOutcome(m: FromWorker | { type: 'cancelled' | 'superseded' } | ErrorOutcome): AnalysisOutcome {
    if ('type' in m && m.type === 'done') return { kind: 'done', report: m.report, elapsedMs: m.elapsedMs };
    return this.terminal(m);
  }

  private terminal(m: FromWorker | { type: 'cancelled' | 'superseded' } | ErrorOutcome): { kind: 'cancelled' } | { kind: 'superseded' } | ErrorOutcome {
    if ('kind' in m) return m;
    switch (m.type) {
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'superseded':
        return { kind: 'superseded' };
      case 'error':
        return { kind: 'error', message: m.message, file: m.file, line: m.line, column: m.column, detail: m.detail };
      default:
        return { kind: 'error', message: `Unexpected reply '${m.type}' from the analysis worker.`, detail: JSON.stringify(m).slice(0, 2000) };
    }
  }
}
