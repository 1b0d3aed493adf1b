// A small, complete Report for host tests (no analysis needed to build it).
import type { ChecklistItem, Report } from '../../../src/core/report/types';

export function checklistItem(id: string, auto: ChecklistItem['auto'] = 'warn', group: ChecklistItem['group'] = 'data'): ChecklistItem {
  return { id, group, title: `Check ${id}`, description: `Is ${id} fine?`, auto, reason: `because ${id}`, findings: [] };
}

export function minimalReport(checklist: ChecklistItem[] = [checklistItem('a'), checklistItem('b', 'fail')]): Report {
  const file = (path: string) => ({ path, format: 'csv' as const, rows: 10, totalRows: 10, columns: 2, bytes: 100, warnings: [] });
  return {
    version: '1.0.0',
    generatedAt: '2026-01-01T00:00:00.000Z',
    tool: { name: 'prodgap', version: '0.1.0' },
    train: file('/d/train.csv'),
    prod: file('/d/prod.csv'),
    roles: { label: 'y', prediction: null, time: null, id: null },
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
    checklist,
    findings: [],
    summary: { verdict: 'healthy', headline: 'ok', counts: { info: 0, warning: 0, critical: 0 }, driftedColumns: 0, sharedColumns: 2 },
  };
}
