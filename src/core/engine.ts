/**
 * The engine: reads a pair of files and runs every analysis in order, building one Report.
 * `loadPair` (I/O, slow) is separate from `analyzePair` (CPU) so the worker can keep the tables and re-run the
 * analyses when a threshold or a role changes, without re-reading the files.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { readTables } from './io/parallelRead';
import { profileColumn } from './io/profileBuild';
import { isNumeric, type Column, type Table } from './io/table';
import type { ColumnProfile } from './io/profile';
import { sortedPresent } from './stats/sortedPresent';
import type { AnalysisOptions } from './options';
import type { ColumnReport, Finding, Report, Roles } from './report/types';
import { emptyReport } from './report/emptyReport';
import type { AnalysisContext, ColumnPair } from './analyses/context';
import { guessRoles } from './analyses/roles';
import { analyzeSchema } from './analyses/schema';
import { analyzeQuality } from './analyses/quality';
import { analyzeDrift } from './analyses/drift';
import { analyzePerformance } from './analyses/performance';
import { runLaterAnalyses } from './analyses/registry';
import { summarize } from './report/summary';

export { TOOL_VERSION } from './report/emptyReport';

export interface LoadedPair {
  train: Table;
  prod: Table;
  trainBytes: number;
  prodBytes: number;
}

export type Stage =
  | 'read-train'
  | 'read-prod'
  | 'profile'
  | 'schema'
  | 'drift'
  | 'performance'
  | 'segments'
  | 'timeline'
  | 'leakage'
  | 'diagnosis'
  | 'done';

export interface EngineHooks {
  /** `fraction` in 0..1 of the whole job. */
  onProgress?: (stage: Stage, fraction: number, message: string) => void;
  /** A report that is valid but not complete yet (overview first, then each analysis). */
  onPartial?: (report: Report) => void;
  isCancelled?: () => boolean;
  /**
   * Path of the bundled reader worker (`dist/reader.js`): when set, both files are parsed at the same time in two
   * worker threads. Unset (tests, tsx), they are read one after the other on this thread.
   */
  readerScript?: string;
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Tables already read, keyed by path, size and modification time: comparing the same training file with a new
 * production batch (in the long-lived worker) does not read it again.
 */
const tableCache = new Map<string, Table>();
const TABLE_CACHE_SIZE = 2;

function cacheKey(path: string, options: AnalysisOptions): string {
  const st = statSync(path);
  const r = options.read;
  return JSON.stringify([path, st.size, st.mtimeMs, r.delimiter, r.missingTokens, r.skipBadRows, r.maxRows]);
}

function cacheGet(path: string, options: AnalysisOptions): { key: string | null; hit?: Table } {
  try {
    const key = cacheKey(path, options);
    return { key, hit: tableCache.get(key) };
  } catch {
    // stat failed: the reader reports the problem with a clear message.
    return { key: null };
  }
}

function cachePut(key: string | null, table: Table): void {
  if (!key) return;
  tableCache.set(key, table);
  while (tableCache.size > TABLE_CACHE_SIZE) tableCache.delete(tableCache.keys().next().value as string);
}

export async function loadPair(trainPath: string, prodPath: string, options: AnalysisOptions, hooks: EngineHooks = {}): Promise<LoadedPair> {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  const trainBytes = size(trainPath);
  const prodBytes = size(prodPath);
  const paths = [trainPath, prodPath];
  const cached = paths.map((p) => cacheGet(p, options));
  const missing = paths.map((_, i) => i).filter((i) => !cached[i].hit);
  // Reading is about 60% of the job; progress is the share of bytes read across both files.
  const done = [0, 0];
  const totals = [trainBytes, prodBytes];
  const all = missing.reduce((s, i) => s + totals[i], 0) || 1;
  const report = () => {
    const f = missing.reduce((s, i) => s + done[i], 0) / all;
    hooks.onProgress?.(f < 0.999 && done[0] < totals[0] ? 'read-train' : 'read-prod', 0.6 * f, `Reading ${missing.map((i) => basename(paths[i])).join(' and ')}`);
  };
  const readOpts = missing.map((i) => ({
    ...options.read,
    onProgress: (b: number) => {
      done[i] = b;
      report();
    },
    isCancelled: hooks.isCancelled,
  }));
  const script = hooks.readerScript && existsSync(hooks.readerScript) ? hooks.readerScript : undefined;
  const tables = await readTables(missing.map((i) => paths[i]), readOpts, script);
  missing.forEach((i, k) => {
    cached[i].hit = tables[k];
    cachePut(cached[i].key, tables[k]);
  });
  return { train: cached[0].hit!, prod: cached[1].hit!, trainBytes, prodBytes };
}

function fileInfo(t: Table, bytes: Report['train']['bytes']): Report['train'] {
  return { path: t.path, format: t.format, rows: t.rows, totalRows: t.totalRows, columns: t.columns.length, bytes, warnings: t.warnings };
}

/** Profile a column, reusing its sorted values (cached by drift and the other analyses) for numeric columns. */
function profile(c: Column): ColumnProfile {
  return profileColumn(c, {}, isNumeric(c) ? sortedPresent(c.values) : undefined);
}

function columnReports(ctx: AnalysisContext, drift: Map<string, NonNullable<ColumnReport['drift']>>): ColumnReport[] {
  const prodByName = new Map(ctx.prod.columns.map((c) => [c.name, c]));
  const roleOf = (name: string) => (Object.keys(ctx.roles) as (keyof Roles)[]).find((r) => ctx.roles[r] === name);
  const out: ColumnReport[] = [];
  for (const c of ctx.train.columns) {
    const p = prodByName.get(c.name);
    out.push({ name: c.name, kind: c.kind, role: roleOf(c.name), train: profile(c), prod: p ? profile(p) : null, drift: drift.get(c.name) ?? null });
  }
  const trainNames = new Set(ctx.train.columns.map((c) => c.name));
  for (const p of ctx.prod.columns) {
    if (!trainNames.has(p.name)) out.push({ name: p.name, kind: p.kind, role: roleOf(p.name), train: null, prod: profile(p), drift: null });
  }
  return out;
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

export function sortFindings(f: Finding[]): Finding[] {
  return [...f].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Run every analysis on a loaded pair. Synchronous and CPU-bound: call it from the worker, not a UI thread. */
export function analyzePair(pair: LoadedPair, options: AnalysisOptions, roleOverrides: Partial<Roles> = {}, hooks: EngineHooks = {}): Report {
  const { train, prod } = pair;
  const guess = guessRoles(train, prod, roleOverrides);
  const prodByName = new Map(prod.columns.map((c) => [c.name, c]));
  const shared: ColumnPair[] = [];
  for (const c of train.columns) {
    const p = prodByName.get(c.name);
    if (p) shared.push({ name: c.name, train: c, prod: p });
  }
  const findings: Finding[] = [];
  const report = emptyReport(fileInfo(train, pair.trainBytes), fileInfo(prod, pair.prodBytes), guess.roles, {
    roleReasons: guess.reasons,
    options: { ...options, read: { ...options.read, onProgress: undefined, isCancelled: undefined } } as unknown as Record<string, unknown>,
    quality: { oodRowShare: 0, oodK: options.quality.oodK },
    findings,
  });
  report.summary.sharedColumns = shared.length;
  const ctx: AnalysisContext = { train, prod, roles: guess.roles, options, shared, report };
  const step = (stage: Stage, fraction: number, message: string) => {
    if (hooks.isCancelled?.()) throw new CancelledError();
    hooks.onProgress?.(stage, fraction, message);
  };
  const partial = () => {
    report.findings = sortFindings(findings);
    report.summary = summarize(report);
    hooks.onPartial?.(structuredClone(report));
  };

  step('schema', 0.62, 'Comparing schemas');
  const schema = analyzeSchema(ctx);
  report.schema = schema.section;
  findings.push(...schema.findings);
  const quality = analyzeQuality(ctx);
  report.quality = quality.section;
  findings.push(...quality.findings);

  step('drift', 0.68, 'Measuring drift');
  const drift = analyzeDrift(ctx);
  report.datasetDrift = drift.section.dataset;
  report.columns = columnReports(ctx, drift.section.byColumn);
  findings.push(...drift.findings);

  step('performance', 0.75, 'Scoring the model in each file');
  const perf = analyzePerformance(ctx);
  report.performance = perf.section;
  findings.push(...perf.findings);
  partial();

  runLaterAnalyses(ctx, findings, (stage, fraction, message) => {
    step(stage, fraction, message);
  }, partial);

  step('done', 1, 'Done');
  report.findings = sortFindings(findings);
  report.summary = summarize(report);
  return report;
}

export async function analyzeFiles(trainPath: string, prodPath: string, options: AnalysisOptions, roleOverrides: Partial<Roles> = {}, hooks: EngineHooks = {}): Promise<Report> {
  const pair = await loadPair(trainPath, prodPath, options, hooks);
  return analyzePair(pair, options, roleOverrides, hooks);
}
