import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyStrings,
  epochUnit,
  looksLikeIdName,
  looksLikeTimeName,
  nameTokens,
  parseBooleanText,
  parseDatetimeText,
  stringColumnFrom,
} from '../../../../src/core/io/inferKind';
import { readDefaults } from '../../../../src/core/io/readOptions';

test('parseDatetimeText: the accepted forms, as epoch ms UTC', () => {
  // Expected values from Date.UTC, an independent computation of the same instants.
  const cases: [string, number][] = [
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024/03/01', Date.UTC(2024, 2, 1)],
    ['2024-3-1', Date.UTC(2024, 2, 1)],
    ['2024-03-01 12:30', Date.UTC(2024, 2, 1, 12, 30)],
    ['2024-03-01 12:30:15', Date.UTC(2024, 2, 1, 12, 30, 15)],
    ['2024-03-01T12:30:15.5', Date.UTC(2024, 2, 1, 12, 30, 15, 500)],
    ['2024-03-01T12:30:15.123456Z', Date.UTC(2024, 2, 1, 12, 30, 15, 123)],
    ['2024-03-01T12:30:00+01:00', Date.UTC(2024, 2, 1, 11, 30)],
    ['2024-03-01T12:30:00-0530', Date.UTC(2024, 2, 1, 18, 0)],
    ['2024-03-01 12:30:00 +02', Date.UTC(2024, 2, 1, 10, 30)],
    ['  2024-02-29  ', Date.UTC(2024, 1, 29)],
  ];
  for (const [s, want] of cases) assert.equal(parseDatetimeText(s), want, s);
  // Agrees with the JavaScript engine's own ISO parser where both apply.
  assert.equal(parseDatetimeText('2021-07-04T08:09:10.011Z'), Date.parse('2021-07-04T08:09:10.011Z'));
});

test('parseDatetimeText rejects what is not a date', () => {
  for (const s of ['', '2024', '20240301', '2023-02-29', '2024-13-01', '2024-04-31', '2024-03-01 25:00', '2024-03-01T12', '2024-03-01x',
    '2024-03/01', '01/03/2024', 'soon', '2024-03-01T12:30:00+1', '2024-03-01 12:30:00.']) {
    assert.ok(Number.isNaN(parseDatetimeText(s)), JSON.stringify(s));
  }
});

test('name heuristics: time and id names', () => {
  assert.deepEqual(nameTokens('createdAt'), ['created', 'at']);
  assert.deepEqual(nameTokens('Signup Date'), ['signup', 'date']);
  for (const n of ['event_ts', 'timestamp', 'createdAt', 'signup_date', 'birthdate', 'EventTime', 'shipped_on', 'dt', 'epoch_ms', 'last_update']) {
    assert.ok(looksLikeTimeName(n), n);
  }
  for (const n of ['amount', 'at', 'candidate_score', 'state', 'item_count', 'stats']) assert.ok(!looksLikeTimeName(n), n);
  for (const n of ['id', 'customer_id', 'userId', 'USER_ID', 'uuid', 'index', 'Unnamed: 0', '']) assert.ok(looksLikeIdName(n), JSON.stringify(n));
  for (const n of ['paid', 'idle_time', 'video', 'index_fund_share', 'width']) assert.ok(!looksLikeIdName(n), n);
});

test('classifyStrings: categorical, text and id by distinct share and name', () => {
  const o = readDefaults;
  assert.equal(classifyStrings(4, 100_000, 'plan', o), 'categorical');
  assert.equal(classifyStrings(12, 30, 'city', o), 'categorical', 'few distinct in a small file');
  assert.equal(classifyStrings(800, 1000, 'city', o), 'text', 'many distinct, below the id share');
  assert.equal(classifyStrings(990, 1000, 'code', o), 'id');
  assert.equal(classifyStrings(990, 1000, 'review', o, true), 'text', 'unique sentences are text, not ids');
  assert.equal(classifyStrings(300, 1000, 'customer_id', o), 'id', 'id names stay ids when repeated');
  assert.equal(classifyStrings(30, 100_000, 'store_id', o), 'categorical', 'a few stores are categories');
  assert.equal(classifyStrings(5000, 1_000_000, 'sku', o), 'text', 'over maxCategories');
  assert.equal(classifyStrings(0, 0, 'empty', o), 'categorical');
});

test('parseBooleanText and epochUnit', () => {
  assert.equal(parseBooleanText(' TRUE '), 1);
  assert.equal(parseBooleanText('no'), 0);
  assert.equal(parseBooleanText('F'), 0);
  assert.ok(Number.isNaN(parseBooleanText('1')));
  assert.equal(epochUnit('ts', new Float64Array([1.7e9, 1.71e9, NaN])), 's');
  assert.equal(epochUnit('ts', new Float64Array([1.7e12, 1.71e12])), 'ms');
  assert.equal(epochUnit('ts', new Float64Array([0, 1.7e9])), null, 'a zero is not an epoch in range');
  assert.equal(epochUnit('amount', new Float64Array([1.7e9])), null);
  assert.equal(epochUnit('ts', new Float64Array([NaN])), null);
});

test('stringColumnFrom picks boolean, datetime, then the string kinds', () => {
  const codes = new Int32Array([0, 1, -1, 0]);
  const b = stringColumnFrom('flag', codes, ['yes', 'no'], 'string', readDefaults);
  assert.equal(b.kind, 'boolean');
  assert.deepEqual(Array.from((b as { values: Float64Array }).values), [1, 0, NaN, 1]);
  const d = stringColumnFrom('when', codes, ['2024-01-01', '2024-01-02'], 'string', readDefaults);
  assert.equal(d.kind, 'datetime');
  assert.deepEqual(Array.from((d as { values: Float64Array }).values), [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), NaN, Date.UTC(2024, 0, 1)]);
  const c = stringColumnFrom('plan', codes, ['a', 'b'], 'string', readDefaults);
  assert.equal(c.kind, 'categorical');
});
