// Runs vega in Node under tsx: renderSvg.ts loads vega with a dynamic import(), which stays native ESM, so vega's
// top-level-await in vega-canvas's node build is fine here (a static import would be rewritten to require() and fail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartFileName, renderChartsSvg, renderSpecSvg } from '../../../../src/core/report/renderSvg';
import { numericHistogramChart } from '../../../../src/core/report/charts';
import { FIXED_PALETTE } from '../../../../src/core/report/chartTheme';
import { HOSTILE_CATEGORY, HOSTILE_COLUMN, sampleReport } from './sampleReport';

/** Fill colours of the bars in an SVG (vega writes one `<path … fill="#xxxxxx"…>` per mark item). */
function barFills(svg: string): string[] {
  return [...svg.matchAll(/<path[^>]*fill="(#[0-9a-f]{6})"/gi)].map((m) => m[1].toLowerCase());
}

test('the overlaid histogram renders as one SVG with both series in their palette colours', async () => {
  const age = sampleReport().columns.find((c) => c.name === 'age')!;
  const svg = await renderSpecSvg(numericHistogramChart(age, { palette: FIXED_PALETTE })!.spec);
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const fills = barFills(svg);
  const train = fills.filter((f) => f === FIXED_PALETTE.train).length;
  const prod = fills.filter((f) => f === FIXED_PALETTE.prod).length;
  // Ten bins per file, plus one legend symbol each.
  assert.ok(train >= 10 && prod >= 10, `train bars ${train}, prod bars ${prod}`);
  assert.match(svg, />training</);
  assert.match(svg, />production</);
});

test('renderChartsSvg exports every chart with a safe unique file name, and escapes dataset strings', async () => {
  const charts = await renderChartsSvg(sampleReport());
  assert.deepEqual(
    charts.map((c) => c.name),
    [
      '01-drift-scores.svg',
      '02-hist-age.svg',
      '03-hist-city.svg',
      '04-timeline-drift.svg',
      '05-timeline-metric.svg',
      '06-leakage-timeline.svg',
      '07-segments-gap.svg',
      '08-segments-share.svg',
    ],
  );
  const all = charts.map((c) => c.svg).join('\n');
  assert.ok(!all.includes(HOSTILE_CATEGORY) && !all.includes('<img'), 'raw markup from the dataset in an SVG');
  // The category and the column are still there, as escaped text.
  assert.ok(all.includes('&lt;script&gt;'));
  assert.ok(charts[0].svg.includes('&lt;img src=x'), 'the hostile column appears (escaped) in the drift-score chart');
  for (const c of charts) assert.ok(c.summary.length > 20 && c.title.length > 0);
});

test('chartFileName keeps only a short lowercase slug of the chart id', () => {
  assert.equal(chartFileName(0, `hist:${HOSTILE_COLUMN}`), '01-hist-img-src-x-onerror-alert-1.svg');
  assert.equal(chartFileName(11, 'hist:../../etc/passwd'), '12-hist-etc-passwd.svg');
  assert.equal(chartFileName(2, 'hist:日本'), '03-hist.svg');
  assert.equal(chartFileName(2, '::'), '03-chart.svg');
});
