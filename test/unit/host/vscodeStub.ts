// A minimal stand-in for the `vscode` module, enough to unit-test host classes that import it (the controller).
// Installed into Node's module resolution before the code under test is loaded; records what the code asked of VS Code.
import Module from 'node:module';

type Listener<T> = (e: T) => void;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export const calls = {
  contexts: new Map<string, unknown>(),
  info: [] as string[],
  warnings: [] as string[],
  settings: new Map<string, unknown>(),
};

export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
export class MarkdownString {
  constructor(readonly value: string) {}
}
export class TreeItem {
  [k: string]: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}
export const TreeItemCheckboxState = { Unchecked: 0, Checked: 1 } as const;
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;

/** The last tree view created, with a way to simulate the user ticking a checkbox. */
export const treeViews: { options: unknown; checkbox: EventEmitter<{ items: [unknown, number][] }>; badge?: unknown }[] = [];

export const vscodeStub = {
  EventEmitter,
  ThemeColor,
  ThemeIcon,
  MarkdownString,
  TreeItem,
  TreeItemCheckboxState,
  TreeItemCollapsibleState,
  commands: {
    executeCommand: async (id: string, ...args: unknown[]) => {
      if (id === 'setContext') calls.contexts.set(String(args[0]), args[1]);
    },
  },
  window: {
    showInformationMessage: async (m: string) => void calls.info.push(m),
    showWarningMessage: async (m: string) => void calls.warnings.push(m),
    showErrorMessage: async () => undefined,
    showQuickPick: async () => undefined,
    createTreeView: (_id: string, options: unknown) => {
      const checkbox = new EventEmitter<{ items: [unknown, number][] }>();
      const view = { options, checkbox, badge: undefined as unknown, onDidChangeCheckboxState: checkbox.event, dispose() {} };
      treeViews.push(view);
      return view;
    },
  },
  workspace: {
    getConfiguration: () => ({ inspect: (k: string) => (calls.settings.has(k) ? { key: k, globalValue: calls.settings.get(k) } : undefined) }),
  },
  Uri: { file: (p: string) => ({ fsPath: p, path: p, scheme: 'file' }) },
};

const STUB_ID = '\0vscode-stub';
const M = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _cache: Record<string, unknown>;
};
const original = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? STUB_ID : original.call(this, request, ...rest);
};
M._cache[STUB_ID] = { id: STUB_ID, filename: STUB_ID, loaded: true, exports: vscodeStub };
