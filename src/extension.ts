/**
 * Entry point: wires the commands, the panel (and its serializer), the checklist tree, settings changes and the
 * analysis worker. Logic lives in `host/`, `panel/` and `views/`; this file only connects them.
 * Command ids are stable: the e2e tests drive them, and `prodgap._getPanelState` lets a test read what the panel shows.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AnalysisRunner } from './host/analysisRunner';
import { Controller } from './host/controller';
import { checkSelection, isSupportedFile } from './host/pairGuess';
import { localPath, orderPair, pickPairWithDialogs } from './host/pairPicker';
import { changeKind } from './host/settings';
import { PANEL_VIEW_TYPE, ProdgapPanel } from './panel/panel';
import { TABS, type Focus } from './panel/protocol';
import { ChecklistTreeProvider } from './views/checklistTree';

let runner: AnalysisRunner | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('prodgap');
  runner = new AnalysisRunner(context.extensionPath, output);
  const controller = new Controller(context, runner, (focus) => ProdgapPanel.createOrShow(context.extensionUri, controller, focus));
  const tree = new ChecklistTreeProvider(controller);
  let trainingSelection: string | undefined;

  const setTraining = (p: string | undefined) => {
    trainingSelection = p;
    void vscode.commands.executeCommand('setContext', 'prodgap.hasTrainingSelection', !!p);
  };

  const command = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await (fn as (...a: unknown[]) => unknown)(...args);
        } catch (e) {
          // A command must never leave an unhandled rejection in the extension host.
          output.appendLine(`[${new Date().toISOString()}] ${id} failed: ${(e as Error)?.stack ?? e}`);
          void vscode.window.showErrorMessage(`prodgap: ${(e as Error)?.message ?? e}`, 'Show Details').then((c) => c && output.show(true));
          return undefined;
        }
      }),
    );

  const comparePick = async () => {
    const pair = await pickPairWithDialogs(trainingSelection);
    if (pair) await controller.compare(pair, 'chosen in the file pickers');
  };

  command('prodgap.compare', async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
    if (!clicked && !selected) return comparePick(); // from a keybinding or the API: ask for both files
    const nonLocal = [clicked, ...(selected ?? [])].some((u) => u && !localPath(u));
    if (nonLocal) {
      void vscode.window.showErrorMessage('prodgap: only files on this machine can be compared (not remote or virtual files).');
      return;
    }
    const sel = checkSelection(localPath(clicked), selected?.map((u) => u.fsPath));
    if ('error' in sel) {
      void vscode.window.showErrorMessage(`prodgap: ${sel.error}`);
      return;
    }
    const pair = await orderPair(sel.paths[0], sel.paths[1]);
    if (pair) await controller.compare({ train: pair.train, prod: pair.prod }, pair.reason);
  });

  command('prodgap.selectTraining', (uri?: vscode.Uri) => {
    const p = localPath(uri ?? vscode.window.activeTextEditor?.document.uri);
    if (!p || !isSupportedFile(p)) {
      void vscode.window.showErrorMessage('prodgap: select a CSV, TSV, Arrow or Feather file as training data.');
      return;
    }
    setTraining(p);
    vscode.window.setStatusBarMessage(`prodgap: ${path.basename(p)} selected as training data`, 5000);
  });

  command('prodgap.compareWithTraining', async (uri?: vscode.Uri) => {
    const prod = localPath(uri);
    if (!trainingSelection) {
      void vscode.window.showErrorMessage('prodgap: choose "Select as Training Data" on a file first.');
      return;
    }
    if (!prod || !isSupportedFile(prod)) {
      void vscode.window.showErrorMessage('prodgap: compare with a CSV, TSV, Arrow or Feather file.');
      return;
    }
    if (prod === trainingSelection) {
      void vscode.window.showErrorMessage('prodgap: this is the selected training file; choose the production file.');
      return;
    }
    await controller.compare({ train: trainingSelection, prod }, 'selected as training, then compared');
  });

  command('prodgap.comparePick', comparePick);
  command('prodgap.rerun', () => controller.analyze(true));
  command('prodgap.changeRoles', () => controller.changeRoles());
  command('prodgap.exportPostmortem', () => controller.exportPostmortem());
  command('prodgap.openPanel', (arg?: unknown) => controller.focus(asFocus(arg)));
  command('prodgap.checklist.refresh', () => tree.refresh());
  // Test hook (hidden from the palette): what the panel last received, for e2e assertions. Returned to
  // `executeCommand` callers; with `{ writeTo: '/abs/file.json' }` (e.g. from a keybinding in a browser-driven test
  // profile) it is also written there, since a UI-driven test cannot see a command's return value.
  command('prodgap._getPanelState', async (arg?: unknown) => {
    const snapshot = { ...ProdgapPanel.snapshot(), tree: tree.snapshot(), trainingSelection: trainingSelection ?? null };
    const target = (arg as { writeTo?: unknown } | undefined)?.writeTo;
    if (typeof target === 'string' && path.isAbsolute(target)) {
      await vscode.workspace.fs.writeFile(vscode.Uri.file(target), new TextEncoder().encode(JSON.stringify(snapshot, null, 2)));
    }
    return snapshot;
  });

  let settingsTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    output,
    runner,
    controller,
    tree,
    controller.onDidRequestFocus((f) => ProdgapPanel.current?.showFocus(f)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        ProdgapPanel.revive(panel, context.extensionUri, controller);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const kind = changeKind((s) => e.affectsConfiguration(s));
      if (kind === 'none') return;
      // Typing a number in the Settings editor fires once per keystroke: act on the last one.
      clearTimeout(settingsTimer);
      settingsTimer = setTimeout(() => controller.onSettingsChanged(kind), 400);
    }),
    { dispose: () => clearTimeout(settingsTimer) },
  );
  void vscode.commands.executeCommand('setContext', 'prodgap.hasTrainingSelection', false);
  // The checklist view shows the last comparison after a reload, when its cached report is still valid.
  void controller.restore(false);
}

/** `prodgap.openPanel` takes an optional `{ tab, feature }` (the tree passes one); anything else just opens it. */
function asFocus(arg: unknown): Focus | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as { tab?: unknown; feature?: unknown };
  if (typeof a.tab !== 'string' || !(TABS as readonly string[]).includes(a.tab)) return undefined;
  return typeof a.feature === 'string' ? { tab: a.tab as Focus['tab'], feature: a.feature } : { tab: a.tab as Focus['tab'] };
}

export function deactivate(): void {
  // Terminates the worker: an analysis must not outlive the window.
  runner?.dispose();
  runner = undefined;
}
