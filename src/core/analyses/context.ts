/**
 * What every analysis receives. Analyses are plain functions `(ctx) => { section, findings }` run in a fixed order
 * by `engine.ts`; a later analysis may read what earlier ones put in `ctx.report` (for example segments read
 * `report.performance`, diagnosis reads every finding).
 */
import type { Column, Table } from '../io/table';
import type { AnalysisOptions } from '../options';
import type { Finding, Report, Roles } from '../report/types';

export interface ColumnPair {
  name: string;
  train: Column;
  prod: Column;
}

export interface AnalysisContext {
  train: Table;
  prod: Table;
  roles: Roles;
  options: AnalysisOptions;
  /** Columns present in both files under the same name (role columns included; filter with `isFeature`). */
  shared: ColumnPair[];
  /** The report as built so far. */
  report: Partial<Report>;
}

export interface AnalysisResult<S> {
  section: S;
  findings: Finding[];
}

/** A column that is a model input: shared, and not the label, prediction, time or id. */
export function isFeature(ctx: AnalysisContext, name: string): boolean {
  const r = ctx.roles;
  return name !== r.label && name !== r.prediction && name !== r.time && name !== r.id;
}

/** Build a finding id: `<type>:<columns>[:<qualifier>]`. */
export function findingId(type: string, columns: string[], qualifier?: string): string {
  return `${type}:${columns.join(',')}${qualifier ? ':' + qualifier : ''}`;
}
