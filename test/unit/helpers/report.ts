/** Builds a minimal valid Report around a list of findings, for tests of what reads findings (diagnosis, checklist, post-mortem). */
import type { Finding, FindingType, Report, Severity } from '../../../src/core/report/types';
import { emptyReport } from '../../../src/core/report/emptyReport';

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
  return emptyReport(file('train.csv'), file('prod.csv'), { label: 'y', prediction: 'score', time: null, id: null }, {
    generatedAt: '2026-01-01T00:00:00.000Z',
    tool: { name: 'prodgap', version: 'test' },
    quality: { oodRowShare: 0, oodK: 4 },
    findings,
    ...over,
  });
}
