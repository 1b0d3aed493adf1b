/**
 * Schema & Quality: missing / extra / renamed columns, type changes, null rates, new categories, out-of-distribution
 * share, file warnings and the findings about them.
 */
import { formatNumber, formatShare } from '../../src/core/report/chartTheme';
import { SCHEMA_QUALITY_FINDING_TYPES, type ColumnReport, type FileInfo, type FindingType } from '../../src/core/report/types';
import type { ViewContext } from '../context';
import { h } from '../dom';
import { tabForFinding } from '../nav';
import { buildTable, type TableColumn } from '../table';
import { emptyState, findingList, section } from '../widgets';

const int = (n: number) => n.toLocaleString('en-US');

const QUALITY_TYPES = new Set<FindingType>(SCHEMA_QUALITY_FINDING_TYPES);

function fileCard(label: string, f: FileInfo): HTMLElement {
  return h(
    'div',
    { class: 'file-card' },
    h('h3', null, label),
    h('p', { class: 'path', title: f.path }, f.path),
    h('p', { class: 'muted' }, `${f.format.toUpperCase()} · ${int(f.totalRows)} rows${f.totalRows > f.rows ? ` (${int(f.rows)} analysed)` : ''} · ${f.columns} columns · ${formatNumber(f.bytes / 1e6)} MB`),
    f.warnings.length ? h('ul', { class: 'warnings' }, f.warnings.map((w) => h('li', null, w))) : null,
  );
}

function schemaChanges(ctx: ViewContext): HTMLElement {
  const s = ctx.report.schema;
  const parts: HTMLElement[] = [];
  const list = (title: string, names: string[], hint: string) =>
    names.length ? parts.push(h('div', { class: 'schema-list' }, h('h3', null, `${title} (${names.length})`), h('p', { class: 'muted' }, hint), h('ul', null, names.map((n) => h('li', null, h('code', null, n)))))) : 0;
  list('Missing in production', s.missing, 'In training, absent from production: the model gets nulls or defaults for them.');
  list('Extra in production', s.extra, 'In production only.');
  if (s.renamed.length) {
    parts.push(
      h(
        'div',
        { class: 'schema-list' },
        h('h3', null, `Probably renamed (${s.renamed.length})`),
        h('ul', null, s.renamed.map((x) => h('li', null, h('code', null, x.from), ' → ', h('code', null, x.to), h('span', { class: 'muted' }, ` (PSI ${formatNumber(x.psi)}, KS ${formatNumber(x.ks)})`)))),
      ),
    );
  }
  if (s.typeChanges.length) {
    parts.push(
      h(
        'div',
        { class: 'schema-list' },
        h('h3', null, `Type changes (${s.typeChanges.length})`),
        h('ul', null, s.typeChanges.map((x) => h('li', null, h('code', null, x.column), `: ${x.train} → ${x.prod}`))),
      ),
    );
  }
  if (s.orderChanged) parts.push(h('p', null, 'The column order differs between the files (harmless for name-based pipelines, fatal for positional ones).'));
  return parts.length ? h('div', { class: 'schema-changes' }, parts) : emptyState('Same columns, names and types in both files.');
}

function nullRates(ctx: ViewContext): HTMLElement {
  const rows = ctx.report.columns.filter((c) => c.train || c.prod);
  const rate = (c: ColumnReport, side: 'train' | 'prod') => c[side]?.nullRate ?? null;
  const change = (c: ColumnReport) => {
    const t = rate(c, 'train');
    const p = rate(c, 'prod');
    return t === null || p === null ? null : p - t;
  };
  const columns: TableColumn<ColumnReport>[] = [
    { key: 'name', label: 'Column', value: (c) => c.name },
    { key: 'kind', label: 'Kind', value: (c) => c.kind },
    { key: 'train', label: 'Null rate, training', value: (c) => rate(c, 'train'), cell: (c) => formatShare(rate(c, 'train')), numeric: true },
    { key: 'prod', label: 'Null rate, production', value: (c) => rate(c, 'prod'), cell: (c) => formatShare(rate(c, 'prod')), numeric: true },
    {
      key: 'change',
      label: 'Change',
      value: change,
      cell: (c) => {
        const d = change(c);
        return d === null ? '—' : `${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} pp`;
      },
      numeric: true,
      title: 'Production null rate minus training null rate, in percentage points',
    },
  ];
  if (rows.length === 0) return emptyState('No column profiles yet.');
  return buildTable({ caption: 'Null rates per column', columns, rows, rowKey: (c) => c.name, sort: { key: 'change', dir: 'desc' }, filter: '', emptyText: 'No columns.' }).element;
}

export function renderSchema(ctx: ViewContext): HTMLElement {
  const r = ctx.report;
  // Quality findings are listed here whatever their jump target (the engine points out-of-range and new categories
  // at the Drift tab, where their column's histogram is).
  const findings = r.findings.filter((f) => QUALITY_TYPES.has(f.type) || tabForFinding(f) === 'schema');
  const newCats = findings.filter((f) => f.type === 'new_category');
  return h(
    'div',
    { class: 'tab-schema' },
    section('Files', h('div', { class: 'file-cards' }, fileCard('Training', r.train), fileCard('Production', r.prod))),
    section('Schema changes', schemaChanges(ctx)),
    section('Null rates', nullRates(ctx)),
    section('New categories', findingList(ctx, newCats, 'No production category is unseen in training.', true)),
    section(
      'Out of distribution',
      h('p', null, `${formatShare(r.quality.oodRowShare)} of production rows have a numeric feature more than ${formatNumber(r.quality.oodK)} training standard deviations from its training mean.`),
    ),
    section('Schema and quality findings', findingList(ctx, findings.filter((f) => f.type !== 'new_category'), 'No schema or quality problems found.', true)),
  );
}
