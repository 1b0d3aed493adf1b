import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doubleWords, KeyIndex } from '../../../../src/core/analyses/keyIndex';

test('KeyIndex gives dense ids in first-seen order, finds them after growing, and misses absent keys', () => {
  const ix = new KeyIndex(1); // starts tiny: forces several grows
  const ids: number[] = [];
  for (let i = 0; i < 5000; i++) ids.push(ix.intern(i * 7919, i % 3 === 0 ? 0xffffffff : i));
  assert.deepEqual(ids.slice(0, 5), [0, 1, 2, 3, 4]);
  assert.equal(ix.size, 5000);
  for (let i = 0; i < 5000; i += 97) assert.equal(ix.find(i * 7919, i % 3 === 0 ? 0xffffffff : i), i);
  assert.equal(ix.intern(7919 * 10, 10), 10); // again: same id, no new key
  assert.equal(ix.size, 5000);
  assert.equal(ix.find(1, 2), -1);
  assert.equal(ix.find(-1, 0), ix.find(0xffffffff, 0)); // words are uint32
});

test('doubleWords folds −0 into 0 and every NaN into one key', () => {
  assert.deepEqual(doubleWords(-0), doubleWords(0));
  assert.deepEqual(doubleWords(NaN), doubleWords(0 / 0));
  assert.notDeepEqual(doubleWords(1), doubleWords(2));
});
