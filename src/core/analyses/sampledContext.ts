/**
 * A context whose tables are seeded uniform row samples of the originals (at most `maxRows` rows per file), for
 * analyses whose cost grows with rows × column pairs (slice search). The sample keeps row order, so time and
 * window logic are unaffected; the report says when it was used.
 */
import { isNumeric, type Column, type Table } from '../io/table';
import { mulberry32, sampleIndices } from '../stats/random';
import type { AnalysisContext, ColumnPair } from './context';

function sampleColumn(c: Column, rows: Uint32Array): Column {
  if (isNumeric(c)) {
    const values = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) values[j] = c.values[rows[j]];
    return { ...c, values };
  }
  const codes = new Int32Array(rows.length);
  for (let j = 0; j < rows.length; j++) codes[j] = c.codes[rows[j]];
  return { ...c, codes };
}

function sampleTable(t: Table, rows: Uint32Array | null): { table: Table; map: Map<Column, Column> } {
  const map = new Map<Column, Column>();
  if (!rows) {
    for (const c of t.columns) map.set(c, c);
    return { table: t, map };
  }
  const columns = t.columns.map((c) => {
    const s = sampleColumn(c, rows);
    map.set(c, s);
    return s;
  });
  return { table: { ...t, columns, rows: rows.length }, map };
}

/** The context itself when both files fit; otherwise one with sampled tables and `sampled` sizes per file. */
export function sampledContext(ctx: AnalysisContext, maxRows: number): { ctx: AnalysisContext; sampled: { train: number; prod: number } | null } {
  if (ctx.train.rows <= maxRows && ctx.prod.rows <= maxRows) return { ctx, sampled: null };
  const rng = mulberry32(ctx.options.seed);
  const pick = (n: number) => (n > maxRows ? sampleIndices(n, maxRows, rng) : null);
  const t = sampleTable(ctx.train, pick(ctx.train.rows));
  const p = sampleTable(ctx.prod, pick(ctx.prod.rows));
  const shared: ColumnPair[] = ctx.shared.map((s) => ({ name: s.name, train: t.map.get(s.train) ?? s.train, prod: p.map.get(s.prod) ?? s.prod }));
  return { ctx: { ...ctx, train: t.table, prod: p.table, shared }, sampled: { train: t.table.rows, prod: p.table.rows } };
}
