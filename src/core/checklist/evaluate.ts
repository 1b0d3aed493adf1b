/** Evaluates the checklist catalogue against a report: one item per check, with its automatic status. */
import type { ChecklistItem, Report, UserState } from '../report/types';
import { CHECKLIST } from './catalogue';

export function evaluateChecklist(r: Report): ChecklistItem[] {
  return CHECKLIST.map((c) => {
    const v = c.evaluate(r);
    return { id: c.id, group: c.group, title: c.title, description: c.description, auto: v.status, reason: v.reason, findings: v.findings };
  });
}

/** The checklist with the user's ticks and notes merged in (ticks for items no longer in the catalogue are kept in state, not shown). */
export function withUserChecks(items: ChecklistItem[], state: UserState | undefined): ChecklistItem[] {
  if (!state) return items;
  return items.map((it) => (state.checks[it.id] ? { ...it, user: { ...state.checks[it.id] } } : it));
}
