import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTable, filterRows, moveIndex, nextSort, sortRows, type TableColumn } from '../../../webview/table';
import { HOSTILE_CATEGORY, HOSTILE_COLUMN } from '../core/report/sampleReport';
import { asFake, installFakeDom } from './fakeDom';

installFakeDom();

interface Row {
  name: string;
  score: number | null;
  severity: string;
}
const rows: Row[] = Object.freeze([
  { name: 'age', score: 0.42, severity: 'critical' },
  { name: HOSTILE_COLUMN, score: 0.01, severity: 'ok' },
  { name: HOSTILE_CATEGORY, score: null, severity: 'ok' },
  { name: 'city', score: 0.36, severity: 'critical' },
]) as Row[];
const columns: TableColumn<Row>[] = [
  { key: 'name', label: 'Column', value: (r) => r.name },
  { key: 'score', label: 'Score', value: (r) => r.score, numeric: true },
  { key: 'severity', label: 'Severity', value: (r) => r.severity },
];

test('sortRows sorts numbers both ways and keeps missing values last', () => {
  assert.deepEqual(sortRows(rows, columns, { key: 'score', dir: 'desc' }).map((r) => r.score), [0.42, 0.36, 0.01, null]);
  assert.deepEqual(sortRows(rows, columns, { key: 'score', dir: 'asc' }).map((r) => r.score), [0.01, 0.36, 0.42, null]);
  assert.deepEqual(sortRows(rows, columns, null), rows);
});

test('filterRows matches any column, or one column with key:text', () => {
  assert.deepEqual(filterRows(rows, columns, 'CIT').map((r) => r.name), ['city']);
  assert.deepEqual(filterRows(rows, columns, 'severity:crit').map((r) => r.name), ['age', 'city']);
  assert.deepEqual(filterRows(rows, columns, '<script').map((r) => r.name), [HOSTILE_CATEGORY]);
  assert.equal(filterRows(rows, columns, '  ').length, 4);
});

test('nextSort starts numbers descending and flips on a second press', () => {
  assert.deepEqual(nextSort(null, columns[1]), { key: 'score', dir: 'desc' });
  assert.deepEqual(nextSort({ key: 'score', dir: 'desc' }, columns[1]), { key: 'score', dir: 'asc' });
  assert.deepEqual(nextSort({ key: 'score', dir: 'desc' }, columns[0]), { key: 'name', dir: 'asc' });
});

test('moveIndex clamps at both ends and ignores other keys', () => {
  assert.equal(moveIndex(0, 'ArrowUp', 4), 0);
  assert.equal(moveIndex(3, 'ArrowDown', 4), 3);
  assert.equal(moveIndex(1, 'End', 4), 3);
  assert.equal(moveIndex(1, 'a', 4), null);
});

test('buildTable renders hostile column and category names as text cells, never as elements', () => {
  const t = buildTable({ caption: 'Drift', columns, rows, rowKey: (r) => r.name, sort: { key: 'score', dir: 'desc' }, filter: '', emptyText: 'none', onSelect: () => {} });
  const el = asFake(t.element);
  assert.equal(el.byTag('img').length, 0);
  assert.equal(el.byTag('script').length, 0);
  const cells = el.byTag('td').map((td) => td.textContent);
  assert.ok(cells.includes(HOSTILE_COLUMN) && cells.includes(HOSTILE_CATEGORY));
  assert.deepEqual(t.keys, ['age', 'city', HOSTILE_COLUMN, HOSTILE_CATEGORY]);
  assert.equal(el.byTag('th')[1].getAttribute('aria-sort'), 'descending');
});

test('buildTable: arrow keys move the cursor row, Enter selects it', () => {
  const picked: string[] = [];
  const t = buildTable({ caption: 'Drift', columns, rows, rowKey: (r) => r.name, sort: null, filter: '', selected: 'age', emptyText: 'none', onSelect: (k) => picked.push(k) });
  const table = asFake(t.element).byTag('table')[0];
  const trs = table.byTag('tbody')[0].byTag('tr');
  assert.equal(trs[0].getAttribute('tabindex'), '0');
  assert.equal(trs[0].getAttribute('aria-selected'), 'true');
  table.dispatch('keydown', { key: 'ArrowDown' });
  table.dispatch('keydown', { key: 'ArrowDown' });
  assert.equal(trs[2].getAttribute('tabindex'), '0');
  assert.ok(trs[2].focused);
  table.dispatch('keydown', { key: 'Enter' });
  assert.deepEqual(picked, [HOSTILE_CATEGORY]);
  assert.equal(trs[2].getAttribute('aria-selected'), 'true');
  assert.equal(trs[0].getAttribute('aria-selected'), 'false');
});

test('buildTable shows the empty text when the filter leaves nothing', () => {
  const t = buildTable({ caption: 'x', columns, rows, rowKey: (r) => r.name, sort: null, filter: 'zzz', emptyText: 'No column matches' , onSort: () => {} });
  assert.equal(asFake(t.element).byTag('tbody')[0].textContent, 'No column matches');
  assert.equal(asFake(t.element).byTag('button').length, 3, 'sortable headers are buttons');
});
