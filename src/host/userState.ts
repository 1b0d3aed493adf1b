/**
 * The user's ticks and notes for one file pair: applied, merged into a report, and persisted in `workspaceState`.
 *
 * The state lives apart from the Report and is only ever merged *into* a copy of it, so a re-analysis (which builds a
 * new Report) cannot lose a tick or a note. Items that disappear from a newer checklist keep their state: the next
 * analysis may bring them back (a threshold moved back), and the post-mortem still lists orphaned notes.
 * Pure apart from a structural `Memento` (no `vscode` import), so it is unit-tested.
 */
import type { Report, Roles, UserState } from '../core/report/types';
import { emptyUserState, isUserState, MAX_NOTE_LENGTH, parseNoteKey } from '../panel/protocol';

export { emptyUserState };

/** A tick set or cleared; the note on the item is kept. */
export function applyCheck(state: UserState, id: string, checked: boolean): UserState {
  const prev = state.checks[id];
  const checks = { ...state.checks, [id]: { checked, note: prev?.note ?? '' } };
  if (!checked && !checks[id].note) delete checks[id];
  return { checks, notes: state.notes };
}

/** A note set (empty text removes it). `check:<id>` notes live on the checklist item next to its tick. */
export function applyNote(state: UserState, key: string, text: string): UserState {
  const parsed = parseNoteKey(key);
  if (!parsed) throw new RangeError(`applyNote: note key must be finding:<id>, check:<id> or chart:<id>, got '${key}'`);
  const note = text.length > MAX_NOTE_LENGTH ? text.slice(0, MAX_NOTE_LENGTH) : text;
  if (parsed.kind === 'check') {
    const prev = state.checks[parsed.id];
    const checks = { ...state.checks, [parsed.id]: { checked: prev?.checked ?? false, note } };
    if (!checks[parsed.id].checked && !note) delete checks[parsed.id];
    return { checks, notes: state.notes };
  }
  const notes = { ...state.notes };
  if (note) notes[key] = note;
  else delete notes[key];
  return { checks: state.checks, notes };
}

/**
 * Merge two user states; `over` wins item by item, but an empty note never erases a non-empty one (so an older
 * saved state and edits made since cannot cancel each other out).
 */
export function mergeUserStates(base: UserState, over: UserState): UserState {
  const checks = { ...base.checks };
  for (const [id, c] of Object.entries(over.checks)) {
    const b = checks[id];
    checks[id] = { checked: c.checked, note: c.note || b?.note || '' };
  }
  const notes = { ...base.notes };
  for (const [k, v] of Object.entries(over.notes)) if (v) notes[k] = v;
  return { checks, notes };
}

/**
 * Lift ticks and notes that a report already carries (`checklist[].user`, `notes`) into a user state — for a report
 * restored from the webview's saved state or loaded from JSON. The user state passed in wins.
 */
export function userStateFromReport(report: Report): UserState {
  const s = emptyUserState();
  for (const item of report.checklist) {
    if (item.user && (item.user.checked || item.user.note)) s.checks[item.id] = { ...item.user };
  }
  for (const [k, v] of Object.entries(report.notes ?? {})) if (v && parseNoteKey(k)) s.notes[k] = v;
  return s;
}

/** A copy of the report with the user's ticks and notes filled in (the report passed in is not changed). */
export function withUserState(report: Report, state: UserState): Report {
  const checklist = report.checklist.map((item) => {
    const u = state.checks[item.id];
    return { ...item, user: u ? { checked: u.checked, note: u.note } : { checked: false, note: '' } };
  });
  const notes: Record<string, string> = { ...state.notes };
  for (const [id, c] of Object.entries(state.checks)) if (c.note) notes[`check:${id}`] = c.note;
  return { ...report, checklist, notes };
}

/** Drop anything malformed from a stored value (an older version or a hand-edited store must not break the panel). */
export function sanitizeUserState(x: unknown): UserState {
  if (isUserState(x)) return { checks: { ...x.checks }, notes: { ...x.notes } };
  const s = emptyUserState();
  if (typeof x !== 'object' || x === null) return s;
  const o = x as { checks?: unknown; notes?: unknown };
  if (typeof o.checks === 'object' && o.checks !== null) {
    for (const [id, c] of Object.entries(o.checks as Record<string, unknown>)) {
      const v = c as { checked?: unknown; note?: unknown } | null;
      if (v && typeof v.checked === 'boolean') s.checks[id] = { checked: v.checked, note: typeof v.note === 'string' ? v.note : '' };
    }
  }
  if (typeof o.notes === 'object' && o.notes !== null) {
    for (const [k, v] of Object.entries(o.notes as Record<string, unknown>)) if (typeof v === 'string' && v) s.notes[k] = v;
  }
  return s;
}

// ---- persistence ----

/** The part of `vscode.Memento` used here. */
export interface Memento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** What is stored per pair: the user's state and the roles they chose in the quick pick. */
export interface PairRecord {
  userState: UserState;
  roles: Partial<Roles>;
  /** Epoch ms of the last write, to prune the oldest records some day. */
  savedAt: number;
}

/** Keyed by both absolute paths in order, so swapping training and production is a different investigation. */
export function pairKey(train: string, prod: string): string {
  return `prodgap.pair:${JSON.stringify([train, prod])}`;
}

export function sanitizeRoles(x: unknown): Partial<Roles> {
  const out: Partial<Roles> = {};
  if (typeof x !== 'object' || x === null) return out;
  for (const r of ['label', 'prediction', 'time', 'id'] as const) {
    const v = (x as Record<string, unknown>)[r];
    if (typeof v === 'string' || v === null) out[r] = v;
  }
  return out;
}

export class PairStore {
  constructor(private readonly memento: Memento) {}

  load(train: string, prod: string): PairRecord {
    const raw = this.memento.get<Record<string, unknown>>(pairKey(train, prod));
    return {
      userState: sanitizeUserState(raw?.userState),
      roles: sanitizeRoles(raw?.roles),
      savedAt: typeof raw?.savedAt === 'number' ? raw.savedAt : 0,
    };
  }

  save(train: string, prod: string, record: Omit<PairRecord, 'savedAt'>): PromiseLike<void> {
    return this.memento.update(pairKey(train, prod), { ...record, savedAt: Date.now() });
  }
}
