/**
 * Runs analyses in the worker (`dist/worker.js`) with the VS Code UI around them: a cancellable progress
 * notification (cancel terminates the worker), partial reports streamed to the caller, and errors shown with the file
 * and line plus a "Show Details" button that opens the `prodgap` output channel. The extension host never runs an
 * analysis itself and never sees an exception from one.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { AnalysisOptions } from '../core/options';
import type { Report, Roles, UserState } from '../core/report/types';
import { rewordForEditor } from './errorWording';
import { WorkerClient, type AnalysisOutcome, type ErrorOutcome, type PostmortemOutcome, type WorkerLike } from './workerClient';

export interface RunRequest {
  train: string;
  prod: string;
  options: AnalysisOptions;
  roles: Partial<Roles>;
  /** Read the files again even when the worker holds them (Re-run Analysis, a read setting changed). */
  reload: boolean;
}

export interface RunCallbacks {
  onProgress(fraction: number, message: string): void;
  onPartial(report: Report): void;
}

export class AnalysisRunner implements vscode.Disposable {
  private readonly client: WorkerClient;

  constructor(
    extensionPath: string,
    private readonly output: vscode.OutputChannel,
  ) {
    const script = path.join(extensionPath, 'dist', 'worker.js');
    // No inherited execArgv: the extension host may run with inspector or process-wide flags a worker rejects.
    this.client = new WorkerClient(() => new Worker(script, { execArgv: [], name: 'prodgap-analysis' }) as unknown as WorkerLike);
  }

  get busy(): boolean {
    return this.client.busy;
  }

  /** Analyse with a progress notification; resolves when the job ends in any way (never rejects). */
  run(req: RunRequest, cb: RunCallbacks): Promise<AnalysisOutcome> {
    const name = `${path.basename(req.train)} ↔ ${path.basename(req.prod)}`;
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `prodgap: ${name}`, cancellable: true },
        async (progress, token) => {
          let reported = 0;
          const cancel = token.onCancellationRequested(() => this.client.cancel());
          const sink = {
            onProgress: (fraction: number, message: string) => {
              // withProgress takes increments; the worker sends the fraction done so far.
              const pct = Math.max(0, Math.min(100, fraction * 100));
              progress.report({ message, increment: Math.max(0, pct - reported) });
              reported = Math.max(reported, pct);
              cb.onProgress(fraction, message);
            },
            onPartial: (r: Report) => cb.onPartial(r),
          };
          try {
            const started = Date.now();
            this.log(`${req.reload ? 'analyse' : 're-evaluate'} ${req.train} ↔ ${req.prod}`);
            const outcome = req.reload
              ? await this.client.start(req.train, req.prod, req.options, req.roles, sink)
              : await this.client.reanalyze(req.train, req.prod, req.options, req.roles, sink);
            this.log(`${outcome.kind} after ${Date.now() - started} ms`);
            if (outcome.kind === 'error') void this.showError(outcome);
            return outcome;
          } finally {
            cancel.dispose();
          }
        },
      ),
    );
  }

  /** Render the post-mortem markdown and its SVG charts in the worker. */
  postmortem(report: Report, userState: UserState, chartsDir: string): Promise<PostmortemOutcome> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'prodgap: rendering the post-mortem…', cancellable: true },
        async (_progress, token) => {
          const cancel = token.onCancellationRequested(() => this.client.cancel());
          try {
            const o = await this.client.postmortem(report, userState, chartsDir);
            if (o.kind === 'error') void this.showError(o);
            return o;
          } finally {
            cancel.dispose();
          }
        },
      ),
    );
  }

  cancel(): void {
    this.client.cancel();
  }

  /** The message names the file and line; the stack goes to the output channel behind "Show Details". */
  async showError(e: ErrorOutcome): Promise<void> {
    this.log(`error: ${e.message}${e.file ? ` (file ${e.file}${e.line !== undefined ? `, line ${e.line}` : ''})` : ''}\n${e.detail}`);
    const { message, setting } = rewordForEditor(e.message);
    const buttons = setting ? ['Open Setting', 'Show Details'] : ['Show Details'];
    const choice = await vscode.window.showErrorMessage(`prodgap: ${message}`, ...buttons);
    if (choice === 'Show Details') this.output.show(true);
    if (choice === 'Open Setting' && setting) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
  }

  log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${line}`);
  }

  dispose(): void {
    this.client.dispose();
  }
}
