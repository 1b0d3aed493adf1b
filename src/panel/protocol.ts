/**
 * The messages between the extension host and the panel's webview, declared once and imported by both sides.
 *
 * Shape (after GitLens' webview IPC): every message is `{ method, params }` with a slash-path method name.
 * Commands go webview → host (`noun/verb`); notifications go host → webview (`noun/did-change`). The receiving side
 * never trusts a message's shape: it checks it with `isWebviewMessage` / `isHostMessage` and then narrows with
 * `isMethod`, so a malformed or stale message is dropped rather than half-applied.
 *
 * Everything in `params` is plain JSON (the Report already is), because `postMessage` structured-clones it and the
 * webview state (`setState`) must be JSON.
 */
import type { Report, UserState } from '../core/report/types';

export type { UserState, UserCheck } from '../core/report/types';

/** The panel's tabs, in display order. */
export const TABS = ['overview', 'schema', 'drift', 'segments', 'timeline', 'checklist'] as const;
export type Tab = (typeof TABS)[number];

export type Phase = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface Status {
  phase: Phase;
  /** One line for the user ("Reading prod.csv…", "Cancelled", "train.csv line 7: 3 fields, header has 5"). */
  message: string;
  /** 0..1 of the whole job while running. */
  progress?: number;
}

/** Absolute paths of the pair under analysis. */
export interface Pair {
  train: string;
  prod: string;
}

/** Everything the webview renders. The host keeps it and re-posts it whole (the webview holds no truth of its own). */
export interface State {
  /** Null before the first (partial) report arrives. */
  report: Report | null;
  /** True while `report` is a partial report still being completed. */
  partial: boolean;
  userState: UserState;
  status: Status;
  /** Null when the panel was opened before any pair was chosen. */
  pair: Pair | null;
}

export interface Focus {
  tab: Tab;
  /** Column name to select (Drift tab) or finding id / checklist item id to scroll to on other tabs. */
  feature?: string;
}

// ---- webview → host ----

export type WebviewMessage =
  /** Sent once the webview's script has loaded; the host answers with `state/did-change`. */
  | { method: 'webview/ready'; params: Record<string, never> }
  /** The user clicked a finding's evidence link; the host answers with `focus/did-change` (tab + feature). */
  | { method: 'finding/open'; params: { id: string } }
  | { method: 'check/set'; params: { id: string; checked: boolean } }
  /** `key` is `finding:<id>`, `check:<id>`, `chart:<id>` or `general` (the investigation's own note); empty text removes it. */
  | { method: 'note/set'; params: { key: string; text: string } }
  /** Open the role quick pick, optionally for one role. */
  | { method: 'roles/change'; params: { role?: RoleName } }
  | { method: 'analysis/rerun'; params: Record<string, never> }
  | { method: 'postmortem/export'; params: Record<string, never> }
  /** The user selected a feature (or a tab); the host remembers it so a re-shown panel opens where it was. */
  | { method: 'feature/select'; params: { name: string; tab?: Tab } };

export type RoleName = 'label' | 'prediction' | 'time' | 'id';
export const ROLE_NAMES: readonly RoleName[] = ['label', 'prediction', 'time', 'id'];

// ---- host → webview ----

export type HostMessage =
  | { method: 'state/did-change'; params: State }
  | { method: 'focus/did-change'; params: Focus };

export type WebviewMethod = WebviewMessage['method'];
export type HostMethod = HostMessage['method'];
export type AnyMessage = WebviewMessage | HostMessage;

/** The params type of one method, e.g. `ParamsOf<'check/set'>`. */
export type ParamsOf<M extends AnyMessage['method']> = Extract<AnyMessage, { method: M }>['params'];

/** Notes and ids are bounded so a runaway message cannot bloat workspace state. */
export const MAX_NOTE_LENGTH = 100_000;
export const MAX_KEY_LENGTH = 2_000;

const NOTE_KEY = /^((finding|check|chart):.+|general)$/s;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max = MAX_KEY_LENGTH): x is string => typeof x === 'string' && x.length <= max;
const isNonEmptyStr = (x: unknown): x is string => isStr(x) && x.length > 0;
const isOptional = (x: unknown, guard: (v: unknown) => boolean): boolean => x === undefined || guard(x);
const isTab = (x: unknown): x is Tab => typeof x === 'string' && (TABS as readonly string[]).includes(x);
const isRole = (x: unknown): x is RoleName => typeof x === 'string' && (ROLE_NAMES as readonly string[]).includes(x);
const isPhase = (x: unknown): x is Phase =>
  x === 'idle' || x === 'running' || x === 'done' || x === 'error' || x === 'cancelled';

/** A `params` check per method: one table, so adding a method without a validator is a type error. */
const webviewParams: { [M in WebviewMethod]: (p: Obj) => boolean } = {
  'webview/ready': () => true,
  'finding/open': (p) => isNonEmptyStr(p.id),
  'check/set': (p) => isNonEmptyStr(p.id) && typeof p.checked === 'boolean',
  'note/set': (p) => isStr(p.key) && NOTE_KEY.test(p.key) && isStr(p.text, MAX_NOTE_LENGTH),
  'roles/change': (p) => isOptional(p.role, isRole),
  'analysis/rerun': () => true,
  'postmortem/export': () => true,
  'feature/select': (p) => isStr(p.name) && isOptional(p.tab, isTab),
};

export function isUserState(x: unknown): x is UserState {
  if (!isObj(x) || !isObj(x.checks) || !isObj(x.notes)) return false;
  for (const v of Object.values(x.checks)) {
    if (!isObj(v) || typeof v.checked !== 'boolean' || typeof v.note !== 'string') return false;
  }
  return Object.values(x.notes).every((v) => typeof v === 'string');
}

function isStatus(x: unknown): x is Status {
  return isObj(x) && isPhase(x.phase) && typeof x.message === 'string' && isOptional(x.progress, (v) => typeof v === 'number');
}

function isPair(x: unknown): x is Pair {
  return isObj(x) && typeof x.train === 'string' && typeof x.prod === 'string';
}

const hostParams: { [M in HostMethod]: (p: Obj) => boolean } = {
  // The report itself is produced by our own engine; checking its outline is enough to reject stale shapes.
  'state/did-change': (p) =>
    (p.report === null || (isObj(p.report) && typeof p.report.version === 'string' && Array.isArray(p.report.findings))) &&
    typeof p.partial === 'boolean' &&
    isUserState(p.userState) &&
    isStatus(p.status) &&
    (p.pair === null || isPair(p.pair)),
  'focus/did-change': (p) => isTab(p.tab) && isOptional(p.feature, (v) => isStr(v)),
};

function checkMessage(x: unknown, table: Record<string, (p: Obj) => boolean>): boolean {
  if (!isObj(x) || typeof x.method !== 'string' || !Object.prototype.hasOwnProperty.call(table, x.method)) return false;
  return isObj(x.params) && table[x.method](x.params);
}

/** True when `x` is a well-formed webview → host message (method known, params of the right shape). */
export function isWebviewMessage(x: unknown): x is WebviewMessage {
  return checkMessage(x, webviewParams);
}

/** True when `x` is a well-formed host → webview message. */
export function isHostMessage(x: unknown): x is HostMessage {
  return checkMessage(x, hostParams);
}

/** Narrow a validated message to one method: `if (isMethod(msg, 'check/set')) msg.params.checked…`. */
export function isMethod<T extends AnyMessage, M extends T['method']>(msg: T, method: M): msg is Extract<T, { method: M }> {
  return msg.method === method;
}

/** Build a message with its params type-checked against the method. */
export function message<M extends AnyMessage['method']>(method: M, params: ParamsOf<M>): Extract<AnyMessage, { method: M }> {
  return { method, params } as Extract<AnyMessage, { method: M }>;
}

/** Split a note key into what it annotates: `check:abc` → `{ kind: 'check', id: 'abc' }`; `general` → id ''. */
export function parseNoteKey(key: string): { kind: 'finding' | 'check' | 'chart' | 'general'; id: string } | null {
  if (key === 'general') return { kind: 'general', id: '' };
  const i = key.indexOf(':');
  if (i < 0) return null;
  const kind = key.slice(0, i);
  const id = key.slice(i + 1);
  if ((kind !== 'finding' && kind !== 'check' && kind !== 'chart') || id.length === 0) return null;
  return { kind, id };
}

export function emptyUserState(): UserState {
  return { checks: {}, notes: {} };
}
