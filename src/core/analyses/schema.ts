/**
 * Schema: missing and extra columns, kind changes, column order, and rename detection — a column missing in
 * production and an extra one whose distribution matches it (same kind family, PSI and KS near zero) is reported as a
 * probable rename rather than as one missing and one new column.
 */
import { isNumeric, type Column, type ColumnKind } from '../io/table';
import type { Finding, SchemaSection } from '../report/types';
import { columnDrift } from './columnDrift';
import { findingId, type AnalysisContext, type AnalysisResult } from './context';

type Family = 'number' | 'boolean' | 'datetime' | 'string';

export function kindFamily(k: ColumnKind): Family {
  return k === 'numeric' ? 'number' : k === 'boolean' ? 'boolean' : k === 'datetime' ? 'datetime' : 'string';
}

/** Edit-distance similarity of two names in 0..1 (1 = equal), ignoring case and separators. */
function nameSimilarity(a: string, b: string): number {
  const x = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const y = b.toLowerCase().replace(/[^a-z0-9]/g, '');
  const d: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return 1 - d[y.length] / Math.max(1, x.length, y.length);
}

interface RenameCandidate {
  from: Column;
  to: Column;
  psi: number;
  ks: number;
  nameSimilarity: number;
}

function renameCandidates(ctx: AnalysisContext, missing: Column[], extra: Column[]): RenameCandidate[] {
  const q = ctx.options.quality;
  const out: RenameCandidate[] = [];
  for (const m of missing) {
    for (const e of extra) {
      if (kindFamily(m.kind) !== kindFamily(e.kind)) continue;
      if (!isNumeric(m) && (m.kind !== 'categorical' || e.kind !== 'categorical')) continue;
      const d = columnDrift(m, e, ctx.options.drift, ctx.options.seed);
      if (!d || d.psi === undefined) continue;
      const ks = d.ks?.statistic ?? d.jensenShannon ?? 1;
      if (d.psi <= q.renameMaxPsi && ks <= q.renameMaxKs) out.push({ from: m, to: e, psi: d.psi, ks, nameSimilarity: nameSimilarity(m.name, e.name) });
    }
  }
  // Best matches first: closest distributions, names as the tie-break; each column is used once.
  out.sort((a, b) => a.psi + a.ks - (b.psi + b.ks) || b.nameSimilarity - a.nameSimilarity);
  const used = new Set<string>();
  return out.filter((c) => {
    if (used.has('m:' + c.from.name) || used.has('e:' + c.to.name)) return false;
    used.add('m:' + c.from.name);
    used.add('e:' + c.to.name);
    return true;
  });
}

export function analyzeSchema(ctx: AnalysisContext): AnalysisResult<SchemaSection> {
  const prodByName = new Map(ctx.prod.columns.map((c) => [c.name, c]));
  const trainByName = new Map(ctx.train.columns.map((c) => [c.name, c]));
  const missingCols = ctx.train.columns.filter((c) => !prodByName.has(c.name));
  const extraCols = ctx.prod.columns.filter((c) => !trainByName.has(c.name));
  const renames = renameCandidates(ctx, missingCols, extraCols);
  const renamedFrom = new Set(renames.map((r) => r.from.name));
  const renamedTo = new Set(renames.map((r) => r.to.name));
  const findings: Finding[] = [];
  const roleOf = (name: string) => (Object.entries(ctx.roles).find(([, v]) => v === name)?.[0] ?? null);

  for (const r of renames) {
    findings.push({
      id: findingId('renamed_column', [r.from.name, r.to.name]),
      type: 'renamed_column',
      severity: 'critical',
      columns: [r.from.name, r.to.name],
      title: `${r.from.name} appears to be renamed to ${r.to.name} in production`,
      evidence: `${r.from.name} is missing in production and ${r.to.name} is new; their distributions match (PSI ${r.psi.toFixed(4)}, ${isNumeric(r.from) ? 'KS' : 'JS'} ${r.ks.toFixed(4)}; name similarity ${(r.nameSimilarity * 100).toFixed(0)}%). A model that looks the feature up by name sees it as missing.`,
      mitigation: `Map ${r.to.name} back to ${r.from.name} in the serving pipeline (or rename at the source), then re-check that the model receives the feature.`,
      data: { from: r.from.name, to: r.to.name, psi: r.psi, ks: r.ks },
      target: 'schema',
    });
  }
  for (const c of missingCols) {
    if (renamedFrom.has(c.name)) continue;
    const role = roleOf(c.name);
    findings.push({
      id: findingId('missing_column', [c.name]),
      type: 'missing_column',
      severity: role === 'label' ? 'info' : 'critical',
      columns: [c.name],
      title: `${c.name} is missing in production`,
      evidence: role === 'label' ? `The label ${c.name} is not in the production file (labels may arrive later); performance cannot be measured.` : `The training file has ${c.name} (${c.kind}); the production file does not. The model receives a null or default value for it.`,
      mitigation: role === 'label' ? 'Join the production labels when they arrive, then re-run.' : `Restore ${c.name} in the production pipeline, or retrain without it.`,
      target: 'schema',
    });
  }
  for (const c of extraCols) {
    if (renamedTo.has(c.name)) continue;
    findings.push({
      id: findingId('extra_column', [c.name]),
      type: 'extra_column',
      severity: 'info',
      columns: [c.name],
      title: `${c.name} is new in production`,
      evidence: `The production file has ${c.name} (${c.kind}), which the training file does not.`,
      mitigation: 'Harmless if the model ignores it; if it replaces a training feature under a new name, map it back.',
      target: 'schema',
    });
  }
  const typeChanges: SchemaSection['typeChanges'] = [];
  for (const pair of ctx.shared) {
    if (kindFamily(pair.train.kind) === kindFamily(pair.prod.kind)) continue;
    typeChanges.push({ column: pair.name, train: pair.train.kind, prod: pair.prod.kind });
    findings.push({
      id: findingId('type_change', [pair.name]),
      type: 'type_change',
      severity: 'critical',
      columns: [pair.name],
      title: `${pair.name} changed type: ${pair.train.kind} → ${pair.prod.kind}`,
      evidence: `In training ${pair.name} is ${pair.train.kind} (${pair.train.sourceType}); in production it is ${pair.prod.kind} (${pair.prod.sourceType}).`,
      mitigation: `Parse ${pair.name} in production the way training did (strip units or formatting at the source), then re-check its distribution.`,
      target: 'schema',
    });
  }
  const sharedOrderTrain = ctx.train.columns.map((c) => c.name).filter((n) => prodByName.has(n));
  const sharedOrderProd = ctx.prod.columns.map((c) => c.name).filter((n) => trainByName.has(n));
  const orderChanged = sharedOrderTrain.some((n, i) => sharedOrderProd[i] !== n);
  if (orderChanged) {
    findings.push({
      id: findingId('column_order', []),
      type: 'column_order',
      severity: 'info',
      columns: [],
      title: 'Column order differs between the files',
      evidence: `Shared columns appear in a different order in production. Harmless when features are looked up by name; a bug when a pipeline passes them by position.`,
      mitigation: 'Make sure the serving code selects features by name, not by position.',
      target: 'schema',
    });
  }
  return {
    section: {
      missing: missingCols.filter((c) => !renamedFrom.has(c.name)).map((c) => c.name),
      extra: extraCols.filter((c) => !renamedTo.has(c.name)).map((c) => c.name),
      renamed: renames.map((r) => ({ from: r.from.name, to: r.to.name, psi: r.psi, ks: r.ks })),
      typeChanges,
      orderChanged,
    },
    findings,
  };
}
