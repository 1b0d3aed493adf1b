/**
 * UI state that belongs to the webview alone (active tab, selection, sort, filter, scroll, toggles). It is saved with
 * `vscode.setState` so a hidden or reloaded panel comes back where the user was; the report itself is never saved
 * here — the host re-posts it after `webview/ready`.
 */
import { TABS, type Tab } from '../src/panel/protocol';
import type { SortState } from './table';
import type { HistogramMode } from '../src/core/report/chartTheme';
import type { HeatmapMode } from '../src/core/report/timeCharts';

export interface UiState {
  tab: Tab;
  /** Column selected on the Drift tab. */
  feature: string | null;
  sort: SortState | null;
  filter: string;
  histMode: HistogramMode;
  heatMode: HeatmapMode;
  /** Window scroll offset per tab. */
  scroll: Partial<Record<Tab, number>>;
}

export const defaultUiState: UiState = {
  tab: 'overview',
  feature: null,
  sort: { key: 'score', dir: 'desc' },
  filter: '',
  histMode: 'share',
  heatMode: 'gap',
  scroll: {},
};

/** Accept whatever `getState()` returned (it may be from an older build) and keep only well-formed fields. */
export function reviveUiState(x: unknown): UiState {
  const s = { ...defaultUiState, scroll: {} as UiState['scroll'] };
  if (typeof x !== 'object' || x === null) return s;
  const o = x as Record<string, unknown>;
  if (typeof o.tab === 'string' && (TABS as readonly string[]).includes(o.tab)) s.tab = o.tab as Tab;
  if (typeof o.feature === 'string') s.feature = o.feature;
  if (typeof o.filter === 'string') s.filter = o.filter;
  if (o.histMode === 'count' || o.histMode === 'share') s.histMode = o.histMode;
  if (o.heatMode === 'gap' || o.heatMode === 'share') s.heatMode = o.heatMode;
  const sort = o.sort as Record<string, unknown> | null | undefined;
  if (sort === null) s.sort = null;
  else if (sort && typeof sort.key === 'string' && (sort.dir === 'asc' || sort.dir === 'desc')) s.sort = { key: sort.key, dir: sort.dir };
  if (typeof o.scroll === 'object' && o.scroll !== null) {
    for (const [k, v] of Object.entries(o.scroll)) {
      if ((TABS as readonly string[]).includes(k) && typeof v === 'number' && Number.isFinite(v)) s.scroll[k as Tab] = v;
    }
  }
  return s;
}
