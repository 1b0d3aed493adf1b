import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rocAuc } from '../../../../src/core/stats/auc';
import { assertClose, expected, materialize, num } from './expectedFixture';

// Expected: scipy.stats.mannwhitneyu(pos, neg).statistic / (n_pos·n_neg) (ties get midranks), rows with a NaN
// score or label dropped first. 1e-12 relative.
for (const c of expected.auc as Array<Record<string, never>>) {
  test(`rocAuc ${c.name} = Mann–Whitney U / (n1·n0)`, () => {
    let scores: Float64Array;
    let labels: Float64Array;
    if (c.scoresSpec) {
      const spec = c.scoresSpec as { u: never; labels: never };
      const u = materialize(spec.u);
      const v = materialize(spec.labels);
      labels = v.map((x) => (x < 0.3 ? 1 : 0));
      scores = u.map((x, i) => Math.floor((x + 0.25 * labels[i]) * 1000) / 1000);
    } else {
      scores = Float64Array.from(c.scores as Array<number | string>, num);
      labels = Float64Array.from(c.labels as Array<number | string>, num);
    }
    assertClose(rocAuc(scores, labels), num(c.auc), 1e-12, c.name);
  });
}

test('rocAuc is NaN with a single class and throws RangeError naming the function on misuse', () => {
  assert.ok(Number.isNaN(rocAuc([0.1, 0.2], [1, 1])));
  assert.throws(() => rocAuc([], []), { name: 'RangeError', message: /rocAuc/ });
  assert.throws(() => rocAuc([0.1, 0.2], [1]), { name: 'RangeError', message: /rocAuc/ });
  assert.throws(() => rocAuc([0.1, 0.2], [1, 2]), { name: 'RangeError', message: /labels 0 or 1/ });
});
