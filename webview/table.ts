/**
 * A sortable, filterable, keyboard-navigable table (vscode-elements has no data grid). The sorting, filtering and
 * key handling are pure functions so they can be tested without a DOM; `buildTable` only assembles elements with
 * `h()`, so every cell is text.
 *
 * Keyboard: Tab enters the table on the selected row (roving tabindex); ↑/↓, PageUp/PageDown, Home/End move the
 * cursor row; Enter or Space selects it. Header buttons sort (press again to reverse).
 */
import { h, type Child } from './dom';

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}

export interface TableColumn<R> {
  key: string;
  label: string;
  /** What the column sorts and filters by. */
  value: (row: R) => number | string | null | undefined;
  /** Cell content (defaults to the value as text). */
  cell?: (row: R) => Child;
  numeric?: boolean;
  /** Header tooltip: what the statistic means. */
  title?: string;
}

export interface TableOptions<R> {
  /** Accessible name of the table. */
  caption: string;
  columns: TableColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  sort: SortState | null;
  filter: string;
  selected?: string | null;
  onSort?: (sort: SortState) => void;
  onSelect?: (key: string) => void;
  /** Shown instead of the body when no row passes the filter. */
  emptyText: string;
}

/** Compare two cell values: numbers numerically, strings by locale; nulls and NaN always last. */
export function compareValues(a: number | string | null | undefined, b: number | string | null | undefined): number {
  const na = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const nb = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** A stable sort by one column; missing values stay at the bottom in both directions. */
export function sortRows<R>(rows: readonly R[], columns: readonly TableColumn<R>[], sort: SortState | null): R[] {
  const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const indexed = rows.map((row, i) => ({ row, i, v: col?.value(row) }));
  if (!col || !sort) return rows.slice();
  const sign = sort.dir === 'asc' ? 1 : -1;
  const missing = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  indexed.sort((x, y) => {
    if (missing(x.v) || missing(y.v)) return compareValues(x.v, y.v) || x.i - y.i;
    return sign * compareValues(x.v, y.v) || x.i - y.i;
  });
  return indexed.map((x) => x.row);
}

/**
 * Keep rows matching every whitespace-separated token of `query` (case-insensitive substring). A token `key:text`
 * matches only that column (`severity:critical`, `kind:num`); other tokens match any column.
 */
export function filterRows<R>(rows: readonly R[], columns: readonly TableColumn<R>[], query: string): R[] {
  const tokens = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return rows.slice();
  const keyed = new Map(columns.map((c) => [c.key.toLowerCase(), c]));
  const text = (r: R, c: TableColumn<R>) => String(c.value(r) ?? '').toLowerCase();
  return rows.filter((r) =>
    tokens.every((t) => {
      const i = t.indexOf(':');
      const col = i > 0 ? keyed.get(t.slice(0, i)) : undefined;
      if (col) return text(r, col).includes(t.slice(i + 1));
      return columns.some((c) => text(r, c).includes(t));
    }),
  );
}

/** The next sort when a header is pressed: a new column starts descending for numbers (biggest first). */
export function nextSort<R>(current: SortState | null, column: TableColumn<R>): SortState {
  if (current?.key === column.key) return { key: column.key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key: column.key, dir: column.numeric ? 'desc' : 'asc' };
}

const PAGE = 10;

/** Where the cursor row goes for a key, or null when the key is not a navigation key. */
export function moveIndex(current: number, key: string, length: number): number | null {
  if (length === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(length - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + PAGE);
    case 'PageUp':
      return clamp(current - PAGE);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

export interface BuiltTable {
  element: HTMLElement;
  /** Mark a row selected without rebuilding (keeps focus and scroll). */
  setSelected(key: string | null): void;
  /** The keys of the rows shown, in display order. */
  keys: string[];
}

export function buildTable<R>(o: TableOptions<R>): BuiltTable {
  const shown = sortRows(filterRows(o.rows, o.columns, o.filter), o.columns, o.sort);
  const keys = shown.map(o.rowKey);
  const selectable = o.onSelect !== undefined;
  const header = h(
    'tr',
    null,
    o.columns.map((c) => {
      const active = o.sort?.key === c.key;
      const ariaSort = active ? (o.sort!.dir === 'asc' ? 'ascending' : 'descending') : 'none';
      const label = [c.label, active ? (o.sort!.dir === 'asc' ? ' ▲' : ' ▼') : ''];
      return h(
        'th',
        { scope: 'col', 'aria-sort': ariaSort, class: c.numeric ? 'num' : undefined, title: c.title },
        o.onSort ? h('button', { class: 'sort', type: 'button', on: { click: () => o.onSort!(nextSort(o.sort, c)) } }, label) : label,
      );
    }),
  );
  const rows = shown.map((r, i) =>
    h(
      'tr',
      {
        class: selectable ? 'selectable' : undefined,
        tabindex: selectable ? '-1' : undefined,
        'aria-selected': selectable ? 'false' : undefined,
        on: selectable ? { click: () => select(i) } : undefined,
      },
      o.columns.map((c) => h('td', { class: c.numeric ? 'num' : undefined }, c.cell ? c.cell(r) : String(c.value(r) ?? '—'))),
    ),
  );
  let cursor = Math.max(0, o.selected ? keys.indexOf(o.selected) : 0);
  const body = h('tbody', null, rows.length ? rows : h('tr', null, h('td', { class: 'empty', colspan: o.columns.length }, o.emptyText)));
  const table = h(
    'table',
    { class: 'data', role: selectable ? 'grid' : undefined, 'aria-label': o.caption, 'aria-rowcount': shown.length + 1 },
    h('thead', null, header),
    body,
  );

  function setSelected(key: string | null): void {
    rows.forEach((tr, i) => {
      const on = keys[i] === key;
      tr.classList.toggle('selected', on);
      if (selectable) tr.setAttribute('aria-selected', on ? 'true' : 'false');
    });
  }
  function setCursor(i: number, focus: boolean): void {
    rows[cursor]?.setAttribute('tabindex', '-1');
    cursor = i;
    rows[cursor]?.setAttribute('tabindex', '0');
    if (focus) rows[cursor]?.focus();
  }
  function select(i: number): void {
    setCursor(i, false);
    setSelected(keys[i]);
    o.onSelect?.(keys[i]);
  }

  if (selectable && rows.length) {
    setCursor(cursor, false);
    setSelected(o.selected ?? null);
    table.addEventListener('keydown', (e: Event) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'Enter' || k === ' ') {
        e.preventDefault();
        select(cursor);
        return;
      }
      const next = moveIndex(cursor, k, rows.length);
      if (next !== null) {
        e.preventDefault();
        setCursor(next, true);
      }
    });
  }
  return { element: h('div', { class: 'table-wrap' }, table), setSelected, keys };
}
