/** Builds a minimal valid Report around a list of findings, for tests of what reads findings (diagnosis, checklist, post-mortem). */
import { REPORT_VERSION, type Finding, type FindingType, type Report, type Severity } from '../../../src/core/report/types';

export function finding(type: FindingType, severity: Severity, columns: string[] = [], extra: Partial<Finding> = {}): Finding {
  return {
    id: `${type}:${columns.join(',')}`,
    type,
    severity,
    columns,
    title: `${type} in ${columns.join(', ') || 'dataset'}`,
    evidence: 'test evidence',
    mitigation: 'test mitigation',
    ...extra,
  };
}

export function reportWith(findings: Finding[], over: Partial<Report> = {}): Report {
  const file = (path: string) => ({ path, format: 'csv' as const, rows: 100, totalRows: 100, columns: 3, bytes: 1000, warnings: [] });
  return {
    version: REPORT_VERSION,
    generatedAt: '2026-01-01T00:00:00.000Z',
    tool: { name: 'prodgap', version: 'test' },
    train: file('train.csv'),
    prod: file('prod.csv'),
    roles: { label: 'y', prediction: 'score', time: null, id: null },
    roleReasons: {},
    options: {},
    columns: [],
    schema: { missing: [], extra: [], renamed: [], typeChanges: [], orderChanged: false },
    quality: { oodRowShare: 0, oodK: 4 },
    datasetDrift: null,
    performance: null,
    segments: null,
    timeline: null,
    leakage: null,
    skew: null,
    hypotheses: [],
    checklist: [],
    findings,
    summary: { verdict: 'healthy', headline: '', counts: { info: 0, warning: 0, critical: 0 }, driftedColumns: 0, sharedColumns: 0 },
    ...over,
  };
}
