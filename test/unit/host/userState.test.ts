import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyCheck,
  applyNote,
  emptyUserState,
  mergeUserStates,
  pairKey,
  PairStore,
  sanitizeUserState,
  userStateFromReport,
  withUserState,
  type Memento,
} from '../../../src/host/userState';
import { checklistItem, minimalReport } from './reportFixture';

test('a tick keeps the note on the same item, and unticking an item with a note keeps the note', () => {
  let s = applyNote(emptyUserState(), 'check:a', 'looked at the pipeline');
  s = applyCheck(s, 'a', true);
  assert.deepEqual(s.checks.a, { checked: true, note: 'looked at the pipeline' });
  s = applyCheck(s, 'a', false);
  assert.deepEqual(s.checks.a, { checked: false, note: 'looked at the pipeline' });
});

test('an item with neither tick nor note is dropped from the state', () => {
  const s = applyCheck(applyCheck(emptyUserState(), 'a', true), 'a', false);
  assert.deepEqual(s.checks, {});
});

test('finding and chart notes go to notes; an empty text removes them', () => {
  let s = applyNote(emptyUserState(), 'finding:feature_drift:age', 'expected: new market');
  s = applyNote(s, 'chart:drift-age', 'bimodal');
  assert.deepEqual(s.notes, { 'finding:feature_drift:age': 'expected: new market', 'chart:drift-age': 'bimodal' });
  s = applyNote(s, 'chart:drift-age', '');
  assert.deepEqual(Object.keys(s.notes), ['finding:feature_drift:age']);
  assert.throws(() => applyNote(s, 'bogus', 'x'), RangeError);
});

test('apply functions do not mutate their input', () => {
  const s0 = Object.freeze({ checks: Object.freeze({}), notes: Object.freeze({}) });
  applyCheck(s0, 'a', true);
  applyNote(s0, 'finding:x', 'n');
  assert.deepEqual(s0, { checks: {}, notes: {} });
});

test('re-analysis: a new report gets the ticks and notes; items gone from the checklist keep their state', () => {
  let s = applyCheck(emptyUserState(), 'a', true);
  s = applyNote(s, 'check:b', 'b note');
  s = applyNote(s, 'finding:f1', 'f note');
  // the new analysis no longer has item b and brings a new item c
  const r2 = minimalReport([checklistItem('a', 'pass'), checklistItem('c')]);
  const merged = withUserState(r2, s);
  assert.deepEqual(merged.checklist.map((i) => [i.id, i.user?.checked, i.user?.note]), [
    ['a', true, ''],
    ['c', false, ''],
  ]);
  assert.equal(merged.notes?.['finding:f1'], 'f note');
  assert.equal(merged.notes?.['check:b'], 'b note', 'orphaned note still reaches the post-mortem');
  // and the state itself still holds b for when it comes back
  const r3 = minimalReport([checklistItem('b')]);
  assert.equal(withUserState(r3, s).checklist[0].user?.note, 'b note');
  assert.equal(r2.checklist[0].user, undefined, 'input report untouched');
});

test('mergeUserStates: later wins, but an empty note never erases a saved one', () => {
  const saved = { checks: { a: { checked: true, note: 'saved' } }, notes: { 'finding:x': 'keep' } };
  const later = { checks: { a: { checked: false, note: '' }, b: { checked: true, note: 'new' } }, notes: { 'finding:x': '', 'chart:y': 'c' } };
  assert.deepEqual(mergeUserStates(saved, later), {
    checks: { a: { checked: false, note: 'saved' }, b: { checked: true, note: 'new' } },
    notes: { 'finding:x': 'keep', 'chart:y': 'c' },
  });
});

test('userStateFromReport lifts ticks and notes carried in a report', () => {
  const r = minimalReport([{ ...checklistItem('a'), user: { checked: true, note: 'n' } }, { ...checklistItem('b'), user: { checked: false, note: '' } }]);
  r.notes = { 'finding:z': 'why', junk: 'dropped' };
  assert.deepEqual(userStateFromReport(r), { checks: { a: { checked: true, note: 'n' } }, notes: { 'finding:z': 'why' } });
});

test('sanitizeUserState keeps good entries from a damaged store', () => {
  assert.deepEqual(sanitizeUserState(undefined), emptyUserState());
  assert.deepEqual(sanitizeUserState('x'), emptyUserState());
  assert.deepEqual(
    sanitizeUserState({ checks: { a: { checked: true }, b: { checked: 'yes' } }, notes: { 'finding:x': 'n', y: 3 } }),
    { checks: { a: { checked: true, note: '' } }, notes: { 'finding:x': 'n' } },
  );
});

class MemoryMemento implements Memento {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    // a real Memento stores JSON: make the round trip explicit
    this.data.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

test('PairStore: per pair, keyed by both paths in order, round-trips state and roles', async () => {
  const m = new MemoryMemento();
  const store = new PairStore(m);
  const us = applyNote(applyCheck(emptyUserState(), 'a', true), 'finding:f', 'n');
  await store.save('/d/train.csv', '/d/prod.csv', { userState: us, roles: { label: 'y', time: null } });
  const back = store.load('/d/train.csv', '/d/prod.csv');
  assert.deepEqual(back.userState, us);
  assert.deepEqual(back.roles, { label: 'y', time: null });
  assert.ok(back.savedAt > 0);
  assert.deepEqual(store.load('/d/prod.csv', '/d/train.csv').userState, emptyUserState(), 'swapped pair is another record');
  assert.notEqual(pairKey('/a', '/b'), pairKey('/b', '/a'));
  assert.notEqual(pairKey('/a,', '/b'), pairKey('/a', ',/b'), 'paths with separators cannot collide');
});
