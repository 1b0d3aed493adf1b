/**
 * The panel header: the pair (train ↔ prod), the guessed column roles with a Change button, the status line with
 * progress, and the Re-run / Export Post-mortem actions.
 */
import type { Report } from '../src/core/report/types';
import { ROLE_NAMES, type RoleName, type State, type WebviewMessage } from '../src/panel/protocol';
import { baseName, h } from './dom';
import { linkButton } from './widgets';

const ROLE_LABELS: Record<RoleName, string> = { label: 'Label', prediction: 'Prediction', time: 'Time', id: 'ID' };

const PHASE_TEXT: Record<State['status']['phase'], string> = {
  idle: 'Idle',
  running: 'Running',
  done: 'Done',
  error: 'Error',
  cancelled: 'Cancelled',
};

function roles(report: Report | null, post: (m: WebviewMessage) => void): HTMLElement {
  return h(
    'div',
    { class: 'roles', role: 'group', 'aria-label': 'Column roles' },
    ROLE_NAMES.map((role) => {
      const name = report?.roles[role] ?? null;
      const reason = report?.roleReasons[role];
      return h(
        'span',
        { class: 'role' },
        h('span', { class: 'role-name' }, `${ROLE_LABELS[role]}: `),
        linkButton(name ?? 'none', () => post({ method: 'roles/change', params: { role } }), `${reason ? `${reason}. ` : ''}Change the ${ROLE_LABELS[role].toLowerCase()} column`),
      );
    }),
    h('vscode-button', { secondary: true, 'aria-label': 'Change column roles', on: { click: () => post({ method: 'roles/change', params: {} }) } }, 'Change'),
  );
}

function status(state: State): HTMLElement {
  const s = state.status;
  const running = s.phase === 'running';
  const text = [PHASE_TEXT[s.phase], s.message ? ` — ${s.message}` : '', state.partial && !running ? ' (partial results)' : ''].join('');
  return h(
    'div',
    { class: `status status-${s.phase}`, role: 'status', 'aria-live': 'polite' },
    h('span', null, text),
    running
      ? h('vscode-progress-bar', {
          'aria-label': 'Analysis progress',
          props: s.progress === undefined ? { indeterminate: true } : { value: Math.round(s.progress * 100), max: 100 },
        })
      : null,
  );
}

export function renderHeader(state: State, post: (m: WebviewMessage) => void): HTMLElement {
  const r = state.report;
  const train = r?.train.path ?? state.pair?.train ?? null;
  const prod = r?.prod.path ?? state.pair?.prod ?? null;
  const title =
    train && prod
      ? h('h1', null, h('span', { title: train }, baseName(train)), h('span', { class: 'arrow', 'aria-label': 'compared with' }, ' ↔ '), h('span', { title: prod }, baseName(prod)))
      : h('h1', null, 'No file pair yet');
  const busy = state.status.phase === 'running';
  return h(
    'header',
    { class: 'panel-header' },
    h(
      'div',
      { class: 'header-row' },
      title,
      h(
        'div',
        { class: 'actions' },
        h('vscode-button', { secondary: true, disabled: !train || busy, on: { click: () => post({ method: 'analysis/rerun', params: {} }) } }, 'Re-run'),
        h('vscode-button', { disabled: !r || busy, on: { click: () => post({ method: 'postmortem/export', params: {} }) } }, 'Export Post-mortem'),
      ),
    ),
    roles(r, post),
    status(state),
  );
}
