// A small, complete Report for host tests (no analysis needed to build it).
import type { ChecklistItem, Report } from '../../../src/core/report/types';
import { emptyReport } from '../../../src/core/report/emptyReport';

export function checklistItem(id: string, auto: ChecklistItem['auto'] = 'warn', group: ChecklistItem['group'] = 'data'): ChecklistItem {
  return { id, group, title: `Check ${id}`, description: `Is ${id} fine?`, auto, reason: `because ${id}`, findings: [] };
}

export function minimalReport(checklist: ChecklistItem[] = [checklistItem('a'), checklistItem('b', 'fail')]): Report {
  const file = (path: string) => ({ path, format: 'csv' as const, rows: 10, totalRows: 10, columns: 2, bytes: 100, warnings: [] });
  return emptyReport(file('/d/train.csv'), file('/d/prod.csv'), { label: 'y', prediction: null, time: null, id: null }, {
    generatedAt: '2026-01-01T00:00:00.000Z',
    quality: { oodRowShare: 0, oodK: 4 },
    checklist,
    summary: { verdict: 'healthy', headline: 'ok', counts: { info: 0, warning: 0, critical: 0 }, driftedColumns: 0, sharedColumns: 2 },
  });
}
