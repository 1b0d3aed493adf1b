/**
 * Export Post-mortem: choose where (default `<train>-postmortem.md` beside the training file), render the markdown
 * and the SVG charts in the worker, write them (charts in `<name>-charts/` beside the markdown), open the markdown
 * and offer its preview.
 */
import * as vscode from 'vscode';
import type { Report, UserState } from '../core/report/types';
import type { AnalysisRunner } from './analysisRunner';
import { chartsDirFor, defaultPostmortemPath, safeRelativeSegments } from './postmortemPaths';

/** Resolves to the markdown's uri, or undefined when the user cancelled or rendering failed (already reported). */
export async function exportPostmortem(runner: AnalysisRunner, report: Report, userState: UserState, trainPath: string): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({
    title: 'prodgap: export the post-mortem',
    saveLabel: 'Export Post-mortem',
    defaultUri: vscode.Uri.file(defaultPostmortemPath(trainPath)),
    filters: { Markdown: ['md'] },
  });
  if (!target) return undefined;
  const outcome = await runner.postmortem(report, userState, chartsDirFor(target.path));
  if (outcome.kind !== 'postmortem') return undefined;
  const folder = vscode.Uri.joinPath(target, '..');
  const enc = new TextEncoder();
  try {
    for (const c of outcome.charts) {
      const segs = safeRelativeSegments(c.name);
      if (!segs) {
        runner.log(`post-mortem: skipped chart with unsafe name ${JSON.stringify(c.name)}`);
        continue;
      }
      const file = vscode.Uri.joinPath(folder, ...segs);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..')); // mkdirp semantics
      await vscode.workspace.fs.writeFile(file, enc.encode(c.svg));
    }
    await vscode.workspace.fs.writeFile(target, enc.encode(outcome.markdown));
  } catch (e) {
    await runner.showError({ kind: 'error', message: `Could not write the post-mortem to ${target.fsPath}: ${(e as Error).message}`, file: target.fsPath, detail: (e as Error).stack ?? String(e) });
    return undefined;
  }
  runner.log(`post-mortem written: ${target.fsPath} (${outcome.charts.length} charts)`);
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window
    .showInformationMessage(`prodgap: post-mortem written with ${outcome.charts.length} chart(s).`, 'Open Preview')
    .then((choice) => {
      if (choice === 'Open Preview') void vscode.commands.executeCommand('markdown.showPreview', target);
    });
  return target;
}
