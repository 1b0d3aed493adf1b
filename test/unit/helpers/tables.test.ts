import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tableFrom } from './tables';

test('tableFrom infers numeric, categorical and datetime columns with nulls', () => {
  const t = tableFrom('x.csv', {
    age: [30, null, 41.5],
    region: ['EU', null, 'EU'],
    at: [new Date('2024-01-01T00:00:00Z'), null, new Date('2024-01-02T00:00:00Z')],
  });
  assert.equal(t.rows, 3);
  const [age, region, at] = t.columns;
  assert.equal(age.kind, 'numeric');
  assert.ok(age.kind === 'numeric' && Number.isNaN(age.values[1]) && age.values[2] === 41.5);
  assert.equal(region.kind, 'categorical');
  assert.ok(region.kind === 'categorical' && region.codes[1] === -1 && region.codes[2] === 0 && region.dictionary[0] === 'EU');
  assert.equal(at.kind, 'datetime');
  assert.ok(at.kind === 'datetime' && at.values[0] === Date.UTC(2024, 0, 1));
  assert.throws(() => tableFrom('y.csv', { a: [1], b: [1, 2] }), RangeError);
});
