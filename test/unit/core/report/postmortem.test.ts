import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPostmortem, md } from '../../../../src/core/report/postmortem';
import { diagnose } from '../../../../src/core/analyses/diagnosis';
import { evaluateChecklist } from '../../../../src/core/checklist/evaluate';
import { finding, reportWith } from '../../helpers/report';

function sample() {
  const r = reportWith([finding('target_leakage', 'critical', ['collections_contacted']), finding('feature_drift', 'warning', ['<img src=x onerror=alert(1)>'])]);
  r.hypotheses = diagnose(r);
  r.checklist = evaluateChecklist(r);
  return r;
}

test('the post-mortem has the sections an engineer expects, in order', () => {
  const text = renderPostmortem(sample());
  const order = ['## Summary', '## What happened: ranked root causes', '## What to do now', '## Debugging checklist', '## Findings', '## Drift', '## Data quality', '## How to catch it earlier next time'];
  let last = -1;
  for (const h of order) {
    const at = text.indexOf(h);
    assert.ok(at > last, `${h} missing or out of order`);
    last = at;
  }
  assert.match(text, /### 1\. Leakage in training through collections\\_contacted — high confidence/);
});

test('user ticks and notes appear next to what they annotate', () => {
  const r = sample();
  const text = renderPostmortem(r, {
    userState: {
      checks: { 'model.no-leakage': { checked: true, note: 'confirmed with the data owner' } },
      notes: { 'finding:target_leakage:collections_contacted': 'filled by the collections team after default' },
    },
  });
  assert.match(text, /- \[x\] The training evaluation is free of leakage — automatic: ❌ fail/);
  assert.match(text, /> 📝 confirmed with the data owner/);
  assert.match(text, /collections\\_contacted[^\n]*\n[^\n]*\n[^\n]*\n\s*> 📝 filled by the collections team after default/);
  assert.match(text, /- \[ \] The schema is unchanged/);
});

test('dataset strings cannot inject HTML or break tables', () => {
  const text = renderPostmortem(sample());
  assert.ok(!text.includes('<img'), 'raw HTML from a column name leaked into the markdown');
  assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.equal(md('a|b'), 'a\\|b');
  assert.equal(md('line\nbreak'), 'line break');
});

test('charts are linked relative to the markdown', () => {
  const text = renderPostmortem(sample(), { charts: [{ name: 'drift-age.svg', path: 'pm-charts/drift-age.svg', title: 'age: train vs prod' }] });
  assert.match(text, /!\[age: train vs prod\]\(pm-charts\/drift-age\.svg\)/);
});
