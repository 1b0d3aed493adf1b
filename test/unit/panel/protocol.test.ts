import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyUserState,
  isHostMessage,
  isMethod,
  isWebviewMessage,
  MAX_NOTE_LENGTH,
  message,
  parseNoteKey,
  type WebviewMessage,
} from '../../../src/panel/protocol';
import { isFromWorker, isToWorker, toWireOptions } from '../../../src/worker/protocol';
import { defaultOptions } from '../../../src/core/options';
import { minimalReport } from '../host/reportFixture';

test('every webview command in its well-formed shape passes the guard', () => {
  const good: WebviewMessage[] = [
    message('webview/ready', {}),
    message('finding/open', { id: 'feature_drift:age' }),
    message('check/set', { id: 'data.drift', checked: true }),
    message('note/set', { key: 'finding:feature_drift:age', text: 'seen before' }),
    message('note/set', { key: 'chart:drift-age', text: '' }),
    message('roles/change', {}),
    message('roles/change', { role: 'label' }),
    message('analysis/rerun', {}),
    message('postmortem/export', {}),
    message('feature/select', { name: 'age' }),
    message('feature/select', { name: 'age', tab: 'drift' }),
  ];
  for (const m of good) assert.ok(isWebviewMessage(JSON.parse(JSON.stringify(m))), JSON.stringify(m));
});

test('malformed or unknown webview messages are rejected', () => {
  const bad: unknown[] = [
    null,
    'webview/ready',
    [],
    { method: 'webview/ready' }, // params missing
    { method: 'nope', params: {} },
    { method: 'toString', params: {} }, // prototype keys are not methods
    { method: 'check/set', params: { id: 'x', checked: 'yes' } },
    { method: 'check/set', params: { id: '', checked: true } },
    { method: 'note/set', params: { key: 'other:x', text: 'n' } },
    { method: 'note/set', params: { key: 'finding:', text: 'n' } },
    { method: 'note/set', params: { key: 'finding:x', text: 'x'.repeat(MAX_NOTE_LENGTH + 1) } },
    { method: 'roles/change', params: { role: 'owner' } },
    { method: 'feature/select', params: { name: 'age', tab: 'nope' } },
    { method: 'finding/open', params: { id: 3 } },
  ];
  for (const m of bad) assert.ok(!isWebviewMessage(m), JSON.stringify(m));
});

test('host messages: state and focus pass; a state with a wrong outline does not', () => {
  const state = {
    report: minimalReport(),
    partial: false,
    userState: emptyUserState(),
    status: { phase: 'done', message: 'Done', progress: 1 },
    pair: { train: '/t', prod: '/p' },
  } as const;
  assert.ok(isHostMessage(JSON.parse(JSON.stringify(message('state/did-change', state)))));
  assert.ok(isHostMessage(message('state/did-change', { ...state, report: null, pair: null })));
  assert.ok(isHostMessage(message('focus/did-change', { tab: 'drift', feature: 'age' })));
  assert.ok(!isHostMessage({ method: 'state/did-change', params: { ...state, status: { phase: 'weird', message: '' } } }));
  assert.ok(!isHostMessage({ method: 'state/did-change', params: { ...state, userState: { checks: { a: { checked: 1 } }, notes: {} } } }));
  assert.ok(!isHostMessage({ method: 'focus/did-change', params: { tab: 'nope' } }));
});

test('isMethod narrows', () => {
  const m = message('check/set', { id: 'a', checked: false }) as WebviewMessage;
  assert.ok(!isMethod(m, 'note/set'));
  assert.ok(isMethod(m, 'check/set') && m.params.checked === false);
});

test('parseNoteKey', () => {
  assert.deepEqual(parseNoteKey('finding:feature_drift:age'), { kind: 'finding', id: 'feature_drift:age' });
  assert.deepEqual(parseNoteKey('check:data.nulls'), { kind: 'check', id: 'data.nulls' });
  assert.equal(parseNoteKey('finding:'), null);
  assert.equal(parseNoteKey('x:y'), null);
});

test('worker protocol guards and wire options', () => {
  const wire = toWireOptions({ ...defaultOptions, read: { ...defaultOptions.read, onProgress: () => undefined, isCancelled: () => false } });
  assert.doesNotThrow(() => structuredClone(wire), 'wire options are cloneable');
  assert.ok(!('onProgress' in wire.read));
  assert.ok(isToWorker({ type: 'start', job: 1, train: '/t', prod: '/p', options: wire, roles: {} }));
  assert.ok(!isToWorker({ type: 'start', job: 1, train: '/t', options: wire, roles: {} }));
  assert.ok(!isToWorker({ type: 'cancel' }));
  assert.ok(isFromWorker({ type: 'error', job: 1, message: 'x', detail: 'y' }));
  assert.ok(!isFromWorker({ type: 'progress', job: 1, stage: 's', fraction: NaN, message: '' }));
});
