import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFiles } from '../../../src/core/engine';
import { defaultOptions } from '../../../src/core/options';
import { renderPostmortemCharts } from '../../../src/worker/postmortemJob';

test('post-mortem in the worker: SVGs under the charts folder, linked from the markdown, with ticks and notes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prodgap-pm-'));
  const rows = (shift: number) => ['x,c,y', ...Array.from({ length: 200 }, (_, i) => `${(i % 50) + shift},${i % 3 ? 'a' : 'b'},${i % 2}`)].join('\n');
  writeFileSync(join(dir, 'train.csv'), rows(0));
  writeFileSync(join(dir, 'prod.csv'), rows(30));
  const report = await analyzeFiles(join(dir, 'train.csv'), join(dir, 'prod.csv'), defaultOptions);
  const first = report.checklist[0];
  const finding = report.findings[0];
  const userState = {
    checks: first ? { [first.id]: { checked: true, note: 'verified with the data team' } } : {},
    notes: { ...(finding ? { [`finding:${finding.id}`]: 'known since Monday' } : {}), 'chart:drift-scores': 'the drift chart note' },
  };
  const { markdown, charts } = await renderPostmortemCharts(report, userState, 'train-postmortem-charts');
  // The panel keys a chart's note by chart id; the post-mortem prints it under that chart's image.
  const at = markdown.indexOf('the drift chart note');
  assert.ok(at > 0, 'chart note printed');
  const image = markdown.slice(markdown.lastIndexOf('![', at), at);
  assert.match(image.split('\n')[0], /drift-scores\.svg\)$/, 'the note sits under the drift-scores image');
  assert.ok(charts.length > 0, 'at least one chart');
  for (const c of charts) {
    assert.match(c.name, /^train-postmortem-charts\/[\w.-]+\.svg$/);
    assert.match(c.svg, /^<svg/);
    assert.ok(markdown.includes(`](${encodeURI(c.name)})`), `markdown links ${c.name}`);
  }
  if (first) {
    assert.ok(markdown.includes('[x]'), 'the tick is in the checklist');
    assert.ok(markdown.includes('verified with the data team'));
  }
  if (finding) assert.ok(markdown.includes('known since Monday'));
});
