/**
 * The choices of the Change Column Roles quick pick, built from a report; pure so the list and the resulting
 * overrides are unit-tested. Overrides follow the engine's convention: a name sets the role, null clears it,
 * an absent key lets the engine guess.
 */
import type { Report, Roles } from '../core/report/types';

export type RoleName = keyof Roles;
export const ROLE_LABELS: Record<RoleName, string> = {
  label: 'Label (true outcome)',
  prediction: 'Prediction / score',
  time: 'Event time',
  id: 'Entity id',
};

export type RoleChoice = { kind: 'guess' } | { kind: 'none' } | { kind: 'column'; name: string };

export interface ChoiceItem {
  label: string;
  description?: string;
  detail?: string;
  picked: boolean;
  choice: RoleChoice;
}

/** One line per role for the first step: what it is now and why. */
export function roleSummary(report: Report | null, overrides: Partial<Roles>): { role: RoleName; label: string; description: string; detail: string }[] {
  return (Object.keys(ROLE_LABELS) as RoleName[]).map((role) => {
    const current = report?.roles[role] ?? null;
    const why = overrides[role] !== undefined ? (overrides[role] === null ? 'cleared by you' : 'set by you') : report?.roleReasons[role] ?? 'not guessed yet';
    return { role, label: ROLE_LABELS[role], description: current ?? '(none)', detail: why };
  });
}

/** Candidate columns for a role: every column, the ones of a fitting kind first. */
export function roleChoices(report: Report, role: RoleName, overrides: Partial<Roles>): ChoiceItem[] {
  const current = report.roles[role];
  const o = overrides[role];
  const fits = (kind: string) =>
    role === 'time' ? kind === 'datetime' : role === 'id' ? kind === 'id' || kind === 'categorical' || kind === 'numeric' : kind !== 'datetime' && kind !== 'text';
  const cols = [...report.columns].sort((a, b) => Number(fits(b.kind)) - Number(fits(a.kind)));
  const items: ChoiceItem[] = [
    { label: '$(sparkle) Guess automatically', description: o === undefined && current ? `now: ${current}` : undefined, picked: o === undefined, choice: { kind: 'guess' } },
    { label: '$(circle-slash) None', description: `there is no ${ROLE_LABELS[role].toLowerCase()} column`, picked: o === null, choice: { kind: 'none' } },
  ];
  for (const c of cols) {
    const where = c.train && c.prod ? 'in both files' : c.train ? 'in training only' : 'in production only';
    const otherRole = (Object.keys(ROLE_LABELS) as RoleName[]).find((r) => r !== role && report.roles[r] === c.name);
    items.push({
      label: `${c.name === current ? '$(check) ' : ''}${c.name}`,
      description: `${c.kind}, ${where}`,
      detail: otherRole ? `currently the ${ROLE_LABELS[otherRole].toLowerCase()}` : undefined,
      picked: o === c.name,
      choice: { kind: 'column', name: c.name },
    });
  }
  return items;
}

/** New overrides after a choice. A column taken from another role leaves that role to be guessed again. */
export function applyRoleChoice(overrides: Partial<Roles>, role: RoleName, choice: RoleChoice): Partial<Roles> {
  const out: Partial<Roles> = { ...overrides };
  if (choice.kind === 'guess') delete out[role];
  else if (choice.kind === 'none') out[role] = null;
  else {
    for (const r of Object.keys(out) as RoleName[]) if (r !== role && out[r] === choice.name) delete out[r];
    out[role] = choice.name;
  }
  return out;
}
