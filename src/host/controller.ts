/**
 * The one comparison the window is working on: the pair, the latest (partial) report, the run status, the user's
 * ticks and notes and the roles they chose. The panel and the tree read it; commands and webview messages change
 * it through these methods. Results stay here (not in the webview), so hiding or reloading the panel loses nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Report, Roles, UserState } from '../core/report/types';
import { isMethod, type Focus, type Pair, type State, type Status, type WebviewMessage } from '../panel/protocol';
import type { AnalysisRunner } from './analysisRunner';
import { rewordForEditor } from './errorWording';
import { exportPostmortem } from './exportPostmortem';
import { ReportCache } from './reportCache';
import { pickRoles } from './roles';
import { effectiveRoles, optionsFromSettings } from './settings';
import { applyCheck, applyNote, emptyUserState, mergeUserStates, PairStore, userStateFromReport, withUserState } from './userState';

const LAST_PAIR_KEY = 'prodgap.lastPair';

/**
 * Only values the user actually set: unset keys fall through to `defaultOptions`, so a default changed in code is not
 * shadowed by a stale default in the manifest.
 */
function userSetting(key: string): unknown {
  const i = vscode.workspace.getConfiguration().inspect(key);
  return i ? i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue : undefined;
}
const IDLE: Status = { phase: 'idle', message: 'Select a training and a production file to compare.' };

export class Controller implements vscode.Disposable {
  private pair: Pair | null = null;
  private raw: Report | null = null;
  private partial = false;
  private status: Status = IDLE;
  private user: UserState = emptyUserState();
  private pickerRoles: Partial<Roles> = {};
  /** Incremented per run; results of an older run are ignored. */
  private runSeq = 0;
  private warnedSettings = '';

  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly focusRequested = new vscode.EventEmitter<Focus>();
  /** The panel listens: a command or the webview asked to jump somewhere. */
  readonly onDidRequestFocus = this.focusRequested.event;

  private readonly store: PairStore;
  private readonly cache: ReportCache | null;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly runner: AnalysisRunner,
    /** Show (create) the panel; the controller does not import the panel class. */
    private readonly showPanel: (focus?: Focus) => void,
  ) {
    this.store = new PairStore(context.workspaceState);
    this.cache = context.storageUri ? new ReportCache(context.storageUri.fsPath) : null;
  }

  // ---- what the views read ----

  get state(): State {
    return {
      report: this.report,
      partial: this.partial,
      userState: this.user,
      status: this.status,
      pair: this.pair,
    };
  }

  /** The latest report with the user's ticks and notes merged in. */
  get report(): Report | null {
    return this.raw && withUserState(this.raw, this.user);
  }

  /** The report as the worker sent it (identity changes only when a new one arrives). */
  get rawReport(): Report | null {
    return this.raw;
  }

  get userState(): UserState {
    return this.user;
  }

  get currentPair(): Pair | null {
    return this.pair;
  }

  log(line: string): void {
    this.runner.log(line);
  }

  // ---- commands ----

  /** Start an investigation of a pair (or restart the current one): saved ticks and notes come back with it. */
  async compare(pair: Pair, reason?: string): Promise<void> {
    if (!this.pair || this.pair.train !== pair.train || this.pair.prod !== pair.prod) {
      this.pair = pair;
      const record = this.store.load(pair.train, pair.prod);
      this.user = record.userState;
      this.pickerRoles = record.roles;
      this.raw = null;
      this.partial = false;
      void vscode.commands.executeCommand('setContext', 'prodgap.hasReport', false);
    }
    void this.context.workspaceState.update(LAST_PAIR_KEY, pair);
    void vscode.commands.executeCommand('setContext', 'prodgap.hasPair', true);
    if (reason) this.log(`pair: training ${pair.train}, production ${pair.prod} (${reason})`);
    this.showPanel({ tab: 'overview' });
    await this.analyze(true);
  }

  /** Run the analyses: `reload` reads the files again, otherwise the worker re-evaluates the tables it holds. */
  async analyze(reload: boolean): Promise<void> {
    const pair = this.pair;
    if (!pair) {
      void vscode.window.showInformationMessage('prodgap: compare two files first (right-click two data files in the Explorer).');
      return;
    }
    const seq = ++this.runSeq;
    const settings = optionsFromSettings(userSetting);
    this.reportSettingWarnings(settings.warnings);
    const roles = effectiveRoles(settings.roles, this.pickerRoles);
    this.setStatus({ phase: 'running', message: reload ? `Reading ${path.basename(pair.train)}…` : 'Re-evaluating…', progress: 0 });
    const outcome = await this.runner.run(
      { train: pair.train, prod: pair.prod, options: settings.options, roles, reload },
      {
        onProgress: (fraction, msg) => {
          if (seq === this.runSeq) this.setStatus({ phase: 'running', message: msg, progress: fraction });
        },
        onPartial: (report) => {
          if (seq !== this.runSeq) return;
          this.raw = report;
          this.partial = true;
          this.changed.fire();
        },
      },
    );
    if (seq !== this.runSeq || outcome.kind === 'superseded') return;
    switch (outcome.kind) {
      case 'done':
        this.raw = outcome.report;
        this.partial = false;
        this.status = { phase: 'done', message: `Analysed in ${(outcome.elapsedMs / 1000).toFixed(1)} s`, progress: 1 };
        void vscode.commands.executeCommand('setContext', 'prodgap.hasReport', true);
        void this.cache?.save(pair, outcome.report).catch((e: unknown) => this.log(`report cache: ${e}`));
        break;
      case 'cancelled':
        // The webview prefixes the phase ("Cancelled — …"), so the message says who stopped it (the webview marks partial results itself).
        this.status = { phase: 'cancelled', message: 'stopped by you' };
        break;
      case 'error':
        this.status = { phase: 'error', message: rewordForEditor(outcome.message).message };
        break;
    }
    this.changed.fire();
  }

  cancel(): void {
    this.runner.cancel();
  }

  async changeRoles(role?: keyof Roles): Promise<void> {
    const report = this.raw;
    if (!this.pair || !report) {
      void vscode.window.showInformationMessage('prodgap: roles can be changed once a comparison has produced a report.');
      return;
    }
    const next = await pickRoles(report, this.pickerRoles, role);
    if (!next) return;
    this.pickerRoles = next;
    this.persist();
    // Roles change what the analyses compute, not what was read: re-evaluate on the loaded tables.
    await this.analyze(false);
  }

  async exportPostmortem(): Promise<void> {
    const report = this.raw;
    if (!report || !this.pair) {
      void vscode.window.showInformationMessage('prodgap: run a comparison before exporting a post-mortem.');
      return;
    }
    if (this.partial) {
      void vscode.window.showWarningMessage('prodgap: the analysis is still running; the post-mortem will cover the partial report.');
    }
    await exportPostmortem(this.runner, report, this.user, this.pair.train);
  }

  setCheck(id: string, checked: boolean): void {
    this.user = applyCheck(this.user, id, checked);
    this.persist();
    this.changed.fire();
  }

  setNote(key: string, text: string): void {
    this.user = applyNote(this.user, key, text);
    this.persist();
    this.changed.fire();
  }

  /** Open the panel at a place (the tree's click, `prodgap.openPanel` with arguments). */
  focus(f?: Focus): void {
    this.showPanel(f);
  }

  // ---- the webview's commands ----

  async handle(msg: WebviewMessage): Promise<void> {
    if (isMethod(msg, 'check/set')) return this.setCheck(msg.params.id, msg.params.checked);
    if (isMethod(msg, 'note/set')) return this.setNote(msg.params.key, msg.params.text);
    // The webview jumps by itself (webview/nav.ts); the host only notes it, so an echo cannot fight the user's clicks.
    if (isMethod(msg, 'finding/open')) return this.log(`panel: opened finding ${msg.params.id}`);
    if (isMethod(msg, 'roles/change')) return this.changeRoles(msg.params.role);
    if (isMethod(msg, 'analysis/rerun')) return this.analyze(true);
    if (isMethod(msg, 'postmortem/export')) return this.exportPostmortem();
    if (isMethod(msg, 'feature/select')) return; // the webview keeps its own selection (setState); nothing to do here
  }

  /**
   * Bring back the last pair after a window reload: from the cached report when the files are unchanged, else (when
   * `analyzeIfStale`, i.e. the panel is showing) by analysing again.
   */
  async restore(analyzeIfStale = true): Promise<void> {
    if (this.pair) return;
    const pair = this.context.workspaceState.get<Pair>(LAST_PAIR_KEY);
    if (!pair || typeof pair.train !== 'string' || typeof pair.prod !== 'string') return;
    const cached = await this.cache?.load(pair).catch(() => null);
    if (this.pair) return; // a compare started meanwhile
    if (!cached && !analyzeIfStale) return;
    this.pair = pair;
    const record = this.store.load(pair.train, pair.prod);
    this.pickerRoles = record.roles;
    void vscode.commands.executeCommand('setContext', 'prodgap.hasPair', true);
    if (cached) {
      this.raw = cached;
      this.user = mergeUserStates(userStateFromReport(cached), record.userState);
      this.status = { phase: 'done', message: 'Restored the last analysis (Re-run Analysis to refresh).' };
      void vscode.commands.executeCommand('setContext', 'prodgap.hasReport', true);
      this.changed.fire();
      return;
    }
    this.user = record.userState;
    await this.analyze(true);
  }

  /** The panel was restored by its serializer after a window reload. */
  onRevive(): void {
    void this.restore();
  }

  /** A `prodgap.*` setting changed. */
  onSettingsChanged(kind: 'reload' | 'reanalyze'): void {
    if (this.pair && (this.raw || this.runner.busy)) void this.analyze(kind === 'reload');
  }

  dispose(): void {
    this.changed.dispose();
    this.focusRequested.dispose();
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.changed.fire();
  }

  private persist(): void {
    const pair = this.pair;
    if (!pair) return;
    void Promise.resolve(this.store.save(pair.train, pair.prod, { userState: this.user, roles: this.pickerRoles })).catch((e: unknown) =>
      this.log(`saving ticks and notes failed: ${e}`),
    );
  }

  private reportSettingWarnings(warnings: string[]): void {
    const text = warnings.join('\n');
    if (!text || text === this.warnedSettings) return;
    this.warnedSettings = text;
    this.log(`settings:\n${text}`);
    void vscode.window.showWarningMessage(`prodgap: ${warnings.length} setting(s) ignored: ${warnings[0]}`);
  }
}
