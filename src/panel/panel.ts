/**
 * The prodgap panel: one webview panel showing the current comparison (shape of the webview sample: private
 * constructor, `createOrShow`, `revive` for the serializer, every listener in `disposables`).
 *
 * The host keeps all results; the webview holds only UI state. No `retainContextWhenHidden`: a hidden webview is
 * discarded by VS Code and gets no messages anyway, so when it is shown again it sends `webview/ready` and the host
 * re-posts the state. CSP: nothing but our bundle and stylesheet, scripts by nonce, no eval, no inline styles.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { panelHtml } from './html';
import { isMethod, isWebviewMessage, message, type Focus, type HostMessage, type State, type WebviewMessage } from './protocol';

export const PANEL_VIEW_TYPE = 'prodgap.panel';

/** What the panel needs from the rest of the extension (the controller implements it). */
export interface PanelHost {
  readonly state: State;
  readonly onDidChange: vscode.Event<void>;
  /** A validated command from the webview (everything except `webview/ready`, which the panel answers itself). */
  handle(msg: WebviewMessage): void | Promise<void>;
  /** Once, from the serializer: the panel was restored after a window reload. */
  onRevive?(): void;
  log(line: string): void;
}

/** What the e2e test hook returns: the last state and focus actually posted to the webview. */
export interface PanelSnapshot {
  open: boolean;
  visible: boolean;
  ready: boolean;
  posts: number;
  state: State | null;
  focus: Focus | null;
}

/** Coalesce bursts of changes (progress, partial reports, typing in a note) into one post. */
const POST_DELAY_MS = 60;

export class ProdgapPanel {
  static current: ProdgapPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private posts = 0;
  private lastState: State | null = null;
  private lastFocus: Focus | null = null;
  /** A jump asked for while the webview was not listening; delivered after its next `webview/ready`. */
  private pendingFocus: Focus | null = null;
  private timer: NodeJS.Timeout | undefined;

  /** Show the panel (creating it if needed), optionally jumping to a tab and feature. */
  static createOrShow(extensionUri: vscode.Uri, host: PanelHost, focus?: Focus): ProdgapPanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (ProdgapPanel.current) {
      ProdgapPanel.current.panel.reveal(undefined, false);
      if (focus) ProdgapPanel.current.showFocus(focus);
      return ProdgapPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'prodgap', column, ProdgapPanel.options(extensionUri));
    ProdgapPanel.current = new ProdgapPanel(panel, extensionUri, host);
    if (focus) ProdgapPanel.current.showFocus(focus);
    return ProdgapPanel.current;
  }

  /** Restore a panel VS Code kept across a window reload (`registerWebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, host: PanelHost): ProdgapPanel {
    ProdgapPanel.current?.dispose();
    // The serializer hands back a panel whose options are not restored: set them again before setting the HTML.
    panel.webview.options = ProdgapPanel.options(extensionUri);
    ProdgapPanel.current = new ProdgapPanel(panel, extensionUri, host);
    host.onRevive?.();
    return ProdgapPanel.current;
  }

  static snapshot(): PanelSnapshot {
    const p = ProdgapPanel.current;
    return {
      open: !!p,
      visible: p?.panel.visible ?? false,
      ready: p?.ready ?? false,
      posts: p?.posts ?? 0,
      state: p?.lastState ?? null,
      focus: p?.lastFocus ?? null,
    };
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly host: PanelHost,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.updateTitle();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState(() => {
        // Without retainContextWhenHidden a hidden webview is destroyed: wait for the new page's `webview/ready`
        // before posting again (a post before it would be lost, and so would a pending jump).
        if (!panel.visible) this.ready = false;
        else this.postNow(); // still ready: it stayed visible (e.g. moved to another editor group)
      }),
      host.onDidChange(() => {
        this.updateTitle();
        this.schedulePost();
      }),
    );
  }

  /** Jump the webview to a tab and feature (now if it is listening, else after it is ready). */
  showFocus(focus: Focus): void {
    this.pendingFocus = focus;
    if (this.ready && this.panel.visible) this.flushFocus();
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (ProdgapPanel.current === this) ProdgapPanel.current = undefined;
    clearTimeout(this.timer);
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private onMessage(raw: unknown): void {
    if (!isWebviewMessage(raw)) {
      this.host.log(`panel: dropped a malformed message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (isMethod(raw, 'webview/ready')) {
      this.ready = true;
      this.postNow();
      this.flushFocus();
      return;
    }
    void Promise.resolve(this.host.handle(raw)).catch((e: unknown) => this.host.log(`panel: ${raw.method} failed: ${(e as Error)?.stack ?? e}`));
  }

  private schedulePost(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.postNow();
    }, POST_DELAY_MS);
  }

  private postNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.ready || !this.panel.visible) return;
    const state = this.host.state;
    this.post(message('state/did-change', state));
    this.lastState = state;
  }

  private flushFocus(): void {
    const f = this.pendingFocus;
    if (!f || !this.ready) return;
    this.pendingFocus = null;
    this.post(message('focus/did-change', f));
    this.lastFocus = f;
  }

  private post(msg: HostMessage): void {
    this.posts++;
    void this.panel.webview.postMessage(msg).then(undefined, (e: unknown) => this.host.log(`panel: post failed: ${e}`));
  }

  private updateTitle(): void {
    const pair = this.host.state.pair;
    this.panel.title = pair ? `prodgap: ${path.basename(pair.train)} ↔ ${path.basename(pair.prod)}` : 'prodgap';
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    const hasCodicons = existsSync(path.join(this.extensionUri.fsPath, 'dist', 'codicons', 'codicon.css'));
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      script: asset('dist', 'webview.js'),
      styles: [asset('media', 'webview.css'), asset('media', 'vega-tooltip.css')],
      codicons: hasCodicons ? asset('dist', 'codicons', 'codicon.css') : undefined,
    });
  }
}
