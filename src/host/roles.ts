/** The Change Column Roles quick pick: which role, then which column (or guess / none). */
import * as vscode from 'vscode';
import type { Report, Roles } from '../core/report/types';
import { applyRoleChoice, roleChoices, roleSummary, ROLE_LABELS, type RoleName } from './roleChoices';

/** New overrides, or undefined when the user backs out. */
export async function pickRoles(report: Report, overrides: Partial<Roles>, role?: RoleName): Promise<Partial<Roles> | undefined> {
  let which = role;
  if (!which) {
    const pick = await vscode.window.showQuickPick(roleSummary(report, overrides), {
      title: 'prodgap: change a column role',
      placeHolder: 'Roles decide what is the label, the prediction, the event time and the entity id',
      matchOnDescription: true,
    });
    if (!pick) return undefined;
    which = pick.role;
  }
  const items = roleChoices(report, which, overrides);
  const pick = await vscode.window.showQuickPick(items, {
    title: `prodgap: ${ROLE_LABELS[which]}`,
    placeHolder: `Column to use as the ${ROLE_LABELS[which].toLowerCase()} (now: ${report.roles[which] ?? 'none'})`,
    matchOnDescription: true,
  });
  if (!pick) return undefined;
  return applyRoleChoice(overrides, which, pick.choice);
}
