import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  categoricalBarChart,
  distributionChart,
  driftScoresChart,
  numericHistogramChart,
  reportCharts,
} from '../../../../src/core/report/charts';
import { FIXED_PALETTE, formatNumber, type ChartPalette } from '../../../../src/core/report/chartTheme';
import { leakageTimelineChart, segmentHeatmapChart, windowDriftChart, windowMetricChart } from '../../../../src/core/report/timeCharts';
import { HOSTILE_CATEGORY, HOSTILE_COLUMN, sampleReport } from './sampleReport';
import { matchSnapshot } from './snapshot';

const opts = { palette: FIXED_PALETTE, width: 400, height: 200 } as const;
const col = (name: string) => sampleReport().columns.find((c) => c.name === name)!;

type Row = Record<string, unknown>;
const values = (spec: unknown): Row[] => (spec as { data: { values: Row[] } }).data.values;

test('every chart spec of the sample report matches its JSON snapshot', () => {
  const r = sampleReport();
  matchSnapshot('hist-age-share', numericHistogramChart(col('age'), { ...opts, mode: 'share' }));
  matchSnapshot('hist-age-count', numericHistogramChart(col('age'), { ...opts, mode: 'count' }));
  matchSnapshot('bars-city-share', categoricalBarChart(col('city'), { ...opts, mode: 'share' }));
  matchSnapshot('drift-scores', driftScoresChart(r, opts));
  matchSnapshot('timeline-drift', windowDriftChart(r, opts));
  matchSnapshot('timeline-metric', windowMetricChart(r, opts));
  matchSnapshot('leakage-timeline', leakageTimelineChart(r, opts));
  matchSnapshot('segments-gap', segmentHeatmapChart(r, opts, 'gap'));
  matchSnapshot('segments-share', segmentHeatmapChart(r, opts, 'share'));
});

test('numeric histogram: one row per bin and file, shares sum to 1 per file, counts/shares toggle the y field', () => {
  const share = numericHistogramChart(col('age'), { ...opts, mode: 'share' })!;
  const count = numericHistogramChart(col('age'), { ...opts, mode: 'count' })!;
  const rows = values(share.spec);
  assert.equal(rows.length, 20);
  for (const f of ['training', 'production']) {
    const s = rows.filter((r) => r.file === f).reduce((a, r) => a + (r.share as number), 0);
    assert.ok(Math.abs(s - 1) < 1e-12, `${f} shares sum to ${s}`);
  }
  // The production tail bin holds 172 of 800 rows (sample report), the training one 100 of 1000.
  const last = rows.filter((r) => r.lo === 53);
  assert.deepEqual(last.map((r) => r.count), [100, 172]);
  const y = (c: typeof share) => (c.spec as { encoding: { y: { field: string; stack: null } } }).encoding.y;
  assert.equal(y(share).field, 'share');
  assert.equal(y(count).field, 'count');
  // Overlaid, never stacked: a stacked histogram would misread as one distribution.
  assert.equal(y(share).stack, null);
});

test('colours come from the palette passed in', () => {
  const custom: ChartPalette = { ...FIXED_PALETTE, train: '#010203', prod: '#040506' };
  const c = numericHistogramChart(col('age'), { ...opts, palette: custom })!;
  const scale = (c.spec as { encoding: { color: { scale: { range: string[] } } } }).encoding.color.scale;
  assert.deepEqual(scale.range, ['#010203', '#040506']);
});

test('malformed or absent histograms give no chart rather than a broken one', () => {
  const bad = structuredClone(col('age'));
  bad.drift!.histogram!.edges = [1, 2];
  assert.equal(numericHistogramChart(bad, opts), null);
  assert.equal(distributionChart(col('churned'), opts), null);
  const empty = sampleReport();
  empty.timeline = null;
  empty.leakage = null;
  empty.segments = null;
  assert.equal(windowDriftChart(empty, opts), null);
  assert.equal(leakageTimelineChart(empty, opts), null);
  assert.equal(segmentHeatmapChart(empty, opts, 'share'), null);
});

test('categories beyond the cap are folded into one "other" bar per file', () => {
  const many = structuredClone(col('city'));
  const n = 30;
  many.drift!.histogram = {
    labels: Array.from({ length: n }, (_, i) => `c${i}`),
    train: Array.from({ length: n }, (_, i) => n - i),
    prod: Array.from({ length: n }, () => 1),
  };
  const rows = values(categoricalBarChart(many, opts)!.spec);
  assert.equal(rows.length, 2 * 21);
  const other = rows.filter((r) => String(r.category).startsWith('other'));
  assert.deepEqual(other.map((r) => r.count), [55, 10]); // train 10+9+…+1, prod 10×1
});

test('open-ended edges (JSON has no Infinity) are given their neighbour’s width', () => {
  const c = structuredClone(col('age'));
  c.drift!.histogram!.edges![0] = -Infinity;
  c.drift!.histogram!.edges![10] = Infinity;
  const rows = values(numericHistogramChart(c, opts)!.spec);
  assert.equal(rows[0].lo, 27 - 5);
  assert.equal(rows[9].hi, 53 + 5);
  assert.ok(rows.every((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi)));
});

/** Every string in a compiled vega spec that vega evaluates as an expression. */
function expressionStrings(node: unknown, out: string[] = [], key = ''): string[] {
  if (typeof node === 'string') {
    if (['signal', 'expr', 'update', 'test', 'init'].includes(key)) out.push(node);
  } else if (Array.isArray(node)) {
    for (const x of node) expressionStrings(x, out, key);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) expressionStrings(v, out, k);
  }
  return out;
}

test('dataset strings never reach a vega expression or a field name (they travel as data values only)', async () => {
  const vl = await import('vega-lite');
  const r = sampleReport();
  const charts = [...reportCharts(r, opts), distributionChart(col(HOSTILE_COLUMN), opts)!];
  assert.ok(charts.length >= 8);
  for (const c of charts) {
    const compiled = vl.compile(c.spec).spec;
    for (const e of expressionStrings(compiled)) {
      assert.ok(!e.includes('<img') && !e.includes('<script'), `${c.id}: dataset string inside expression ${e}`);
    }
  }
  const city = categoricalBarChart(col('city'), opts)!;
  assert.ok(values(city.spec).some((v) => v.category === HOSTILE_CATEGORY));
  assert.ok(city.summary.includes(HOSTILE_CATEGORY), 'summaries carry the raw text; the UI inserts them as text');
});

test('reportCharts orders drift scores first, then the drifted histograms, then time and segment charts', () => {
  const ids = reportCharts(sampleReport(), opts).map((c) => c.id);
  assert.deepEqual(ids, [
    'drift-scores',
    'hist:age',
    'hist:city',
    'timeline-drift',
    'timeline-metric',
    'leakage-timeline',
    'segments-gap',
    'segments-share',
  ]);
});

test('formatNumber keeps three significant digits and marks missing values', () => {
  assert.equal(formatNumber(0.123456), '0.123');
  assert.equal(formatNumber(42), '42');
  assert.equal(formatNumber(null), '—');
  assert.equal(formatNumber(1e-5), '1.00e-5');
});

test('datetime histograms get a UTC time axis and date bin labels', () => {
  const c = structuredClone(col('age'));
  c.kind = 'datetime';
  const day = Date.UTC(2024, 0, 1);
  c.drift!.histogram = { edges: [day, day + 864e5, day + 2 * 864e5], train: [1, 2], prod: [2, 1] };
  const chart = numericHistogramChart(c, opts)!;
  const x = (chart.spec as { encoding: { x: { type: string; scale: { type: string } } } }).encoding.x;
  assert.equal(x.type, 'temporal');
  assert.equal(x.scale.type, 'utc');
  assert.equal(values(chart.spec)[0].range, '[2024-01-01 00:00, 2024-01-02 00:00]');
});
