import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessPair, isSupportedFile, nameDate, nameTokens } from '../../../src/host/pairGuess';

test('names with train / prod decide, in either order', () => {
  for (const [a, b] of [
    ['/d/train.csv', '/d/prod.csv'],
    ['/d/prod.csv', '/d/train.csv'],
  ]) {
    const g = guessPair(a, b);
    assert.equal(g?.train, '/d/train.csv');
    assert.equal(g?.prod, '/d/prod.csv');
  }
});

test('training / serving / live / fit / reference vocabulary', () => {
  assert.equal(guessPair('/x/churn_serving.arrow', '/x/churn_training.arrow')?.train, '/x/churn_training.arrow');
  assert.equal(guessPair('/x/liveData.csv', '/x/fitData.csv')?.train, '/x/fitData.csv');
  assert.equal(guessPair('/x/reference.feather', '/x/current.feather')?.train, '/x/reference.feather');
  assert.equal(guessPair('/x/model_dev.tsv', '/x/model_production.tsv')?.train, '/x/model_dev.tsv');
});

test('a shared word does not decide; the other words do', () => {
  // both contain "prod(uct)"-like tokens: only whole words count, so "products" is neutral
  const g = guessPair('/x/products_train.csv', '/x/products_prod.csv');
  assert.equal(g?.train, '/x/products_train.csv');
});

test('words inside other words are not hints', () => {
  // "constraint" contains "train", "reproduce" contains "prod": neither is a word of its own
  assert.equal(guessPair('/x/constraint.csv', '/x/reproduce.csv'), null);
});

test('test is a weak hint, used only when nothing strong decides', () => {
  assert.equal(guessPair('/x/data_test.csv', '/x/data.csv')?.train, '/x/data.csv');
  // strong "train" wins over weak "test" on the same side
  assert.equal(guessPair('/x/train_test_split_a.csv', '/x/serving.csv')?.train, '/x/train_test_split_a.csv');
});

test('dates in names: the earlier file is training', () => {
  const g = guessPair('/x/events_2024-03-01.csv', '/x/events_2023-12-31.csv');
  assert.equal(g?.train, '/x/events_2023-12-31.csv');
  assert.match(g!.reason, /earlier/);
  assert.equal(guessPair('/x/sales_202402.arrow', '/x/sales_202401.arrow')?.train, '/x/sales_202401.arrow');
  assert.equal(guessPair('/x/q_2022.csv', '/x/q_2023.csv')?.train, '/x/q_2022.csv');
});

test('folder names decide when file names are equal', () => {
  assert.equal(guessPair('/d/prod/data.csv', '/d/train/data.csv')?.train, '/d/train/data.csv');
});

test('undecidable pairs return null', () => {
  assert.equal(guessPair('/x/a.csv', '/x/b.csv'), null);
  assert.equal(guessPair('/x/train_a.csv', '/x/train_b.csv'), null);
  assert.equal(guessPair('/x/d_2023-01-01.csv', '/x/e_2023-01-01.csv'), null);
});

test('nameTokens splits camelCase, digits and punctuation', () => {
  assert.deepEqual(nameTokens('liveData2024-01_v2'), ['live', 'data', '2024', '01', 'v', '2']);
});

test('nameDate reads common date spellings and ignores long ids', () => {
  assert.equal(nameDate('x_2023-01-31'), 20230131);
  assert.equal(nameDate('x20230131'), 20230131);
  assert.equal(nameDate('x_2023_07'), 20230700);
  assert.equal(nameDate('batch_123456789'), null);
  assert.equal(nameDate('nodate'), null);
});

test('supported extensions, case-insensitive', () => {
  for (const f of ['a.csv', 'a.TSV', 'a.arrow', 'a.feather', 'a.ipc', 'a.arrows']) assert.ok(isSupportedFile(f), f);
  for (const f of ['a.parquet', 'a.json', 'csv']) assert.ok(!isSupportedFile(f), f);
});

test('checkSelection validates the Explorer selection, not only the clicked file', async () => {
  const { checkSelection } = await import('../../../src/host/pairGuess');
  assert.deepEqual(checkSelection('/d/b.csv', ['/d/a.csv', '/d/b.csv']), { paths: ['/d/a.csv', '/d/b.csv'] });
  assert.match((checkSelection('/d/a.csv', ['/d/a.csv', '/d/b.csv', '/d/c.csv']) as { error: string }).error, /exactly two.*3/);
  assert.match((checkSelection('/d/a.csv', ['/d/a.csv', '/d/notes.txt']) as { error: string }).error, /notes\.txt: not a supported/);
  assert.match((checkSelection('/d/a.csv', undefined) as { error: string }).error, /1 selected/);
});
