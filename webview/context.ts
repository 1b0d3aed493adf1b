/**
 * What every tab renderer receives: the host state, the UI state, and the few actions a tab may take. Tabs build
 * elements and never talk to `vscode` directly, so they stay simple and the main loop owns every side effect.
 */
import type { ChartPalette, ChartSpec } from '../src/core/report/chartTheme';
import type { Report, UserCheck } from '../src/core/report/types';
import type { State, WebviewMessage } from '../src/panel/protocol';
import type { UiState } from './state';

export interface ViewContext {
  state: State;
  report: Report;
  ui: UiState;
  palette: ChartPalette;
  /** Update UI state (persisted); `rerender` rebuilds the active tab. */
  setUi(patch: Partial<UiState>, rerender?: boolean): void;
  post(message: WebviewMessage): void;
  /** Jump to the tab and feature a finding is about. */
  openFinding(id: string): void;
  /** Current note text for `finding:<id>`, `chart:<id>` or `check:<id>` (local edits win until the host echoes). */
  noteText(key: string): string;
  /** Record a note locally now and post it to the host (debounced per key). */
  setNote(key: string, text: string): void;
  /** Flush a pending note post now (on blur). */
  flushNote(key: string): void;
  check(id: string): UserCheck | undefined;
  setCheck(id: string, checked: boolean): void;
  /** Remember elements that focus/jump messages may scroll to, and widgets to refresh when only user state changes. */
  registerTarget(kind: 'finding' | 'check' | 'chart', id: string, el: HTMLElement): void;
  onUserState(update: () => void): void;
  /** Draw a chart into `el` once it is in the document; disposed on the next render. */
  embed(el: HTMLElement, chart: ChartSpec): void;
}
