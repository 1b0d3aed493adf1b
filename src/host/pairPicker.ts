/**
 * Choosing the pair in the UI: which of two files is training (asked only when the names do not say), and the
 * palette's two file pickers. The deciding logic is in `pairGuess.ts`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Pair } from '../panel/protocol';
import { guessPair, SUPPORTED_EXTENSIONS } from './pairGuess';

const FILTERS = { 'Data files': SUPPORTED_EXTENSIONS.map((e) => e.slice(1)), 'All files': ['*'] };

/** Training first; asks with a quick pick when the names do not decide. Undefined when the user dismisses it. */
export async function orderPair(a: string, b: string): Promise<(Pair & { reason: string }) | undefined> {
  const guess = guessPair(a, b);
  if (guess) return guess;
  const option = (train: string, prod: string) => ({
    label: `$(database) ${path.basename(train)}`,
    description: 'is training',
    detail: `${path.basename(prod)} is production`,
    pair: { train, prod, reason: 'chosen by the user' },
  });
  const pick = await vscode.window.showQuickPick([option(a, b), option(b, a)], {
    title: 'prodgap: which file is the training data?',
    placeHolder: 'The file names do not say which one the model was trained on',
  });
  return pick?.pair;
}

/** The palette flow: pick the training file, then the production file. */
export async function pickPairWithDialogs(defaultTrain?: string): Promise<Pair | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const train = await vscode.window.showOpenDialog({
    title: 'prodgap: choose the TRAINING data file',
    openLabel: 'Use as Training Data',
    canSelectMany: false,
    defaultUri: defaultTrain ? vscode.Uri.file(defaultTrain) : folder,
    filters: FILTERS,
  });
  if (!train?.[0]) return undefined;
  const prod = await vscode.window.showOpenDialog({
    title: 'prodgap: choose the PRODUCTION data file',
    openLabel: 'Use as Production Data',
    canSelectMany: false,
    defaultUri: vscode.Uri.file(path.dirname(train[0].fsPath)),
    filters: FILTERS,
  });
  if (!prod?.[0]) return undefined;
  if (prod[0].fsPath === train[0].fsPath) {
    void vscode.window.showWarningMessage('prodgap: choose two different files.');
    return undefined;
  }
  return { train: train[0].fsPath, prod: prod[0].fsPath };
}

/** Only local files can be streamed by the worker. */
export function localPath(uri: vscode.Uri | undefined): string | undefined {
  return uri && uri.scheme === 'file' ? uri.fsPath : undefined;
}
