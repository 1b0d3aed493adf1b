// Timeline windows and course classification on crafted data whose courses are planted (seeded mulberry32).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTimeline } from '../../../../src/core/analyses/timeline';
import { chooseUnit, windowBounds, windowFloor, windowIndex } from '../../../../src/core/analyses/timeWindows';
import { mulberry32 } from '../../../../src/core/stats/random';
import { contextFor, tableFrom } from '../../helpers/tables';

const DAY = 86_400_000;
const t0 = Date.UTC(2024, 0, 1); // a Monday
const prodStart = Date.UTC(2024, 6, 1); // a Monday: week 26 of the union range
const lateStart = Date.UTC(2024, 10, 4); // a Monday, 8 weeks before the end
const metricStep = Date.UTC(2024, 8, 30); // a Monday, 13 weeks into production
const channelStep = Date.UTC(2024, 7, 26); // a Monday, 8 weeks into production
const nullStep = Date.UTC(2024, 9, 14); // a Monday, 15 weeks into production

type Rng = () => number;
const normal = (rng: Rng) => {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
};

/**
 * Rows at uniform times in [from, to). With `planted`, production carries: `late` doubled from lateStart,
 * `trend` rising 0 → 1.5 std across production, `season` a sine of period 6 weeks, accuracy 85% → 70% at metricStep,
 * channel=web 30% → 70% at channelStep, `income` null 5% → 35% at nullStep (5% null throughout otherwise).
 */
function file(path: string, from: number, to: number, rows: number, planted: boolean, seed: number, withTime = true) {
  const rng = mulberry32(seed);
  const at: Date[] = [], stable: number[] = [], late: number[] = [], trend: number[] = [], season: number[] = [], region: string[] = [];
  const label: number[] = [], pred: number[] = [], channel: string[] = [], income: (number | null)[] = [];
  for (let i = 0; i < rows; i++) {
    const t = from + Math.floor(rng() * (to - from));
    const frac = (t - from) / (to - from);
    const week = (t - t0) / (7 * DAY);
    at.push(new Date(t));
    stable.push(normal(rng));
    const l = 10 + 2 * normal(rng);
    late.push(planted && t >= lateStart ? 2 * l : l);
    trend.push(normal(rng) + (planted ? 1.5 * frac : 0));
    season.push(5 + normal(rng) + (planted ? 2 * Math.sin((2 * Math.PI * week) / 6) : 0));
    region.push(rng() < 0.5 ? 'EU' : 'US');
    channel.push(rng() < (planted && t >= channelStep ? 0.7 : 0.3) ? 'web' : rng() < 0.5 ? 'app' : 'store');
    income.push(rng() < (planted && t >= nullStep ? 0.35 : 0.05) ? null : 40 + 10 * normal(rng));
    const y = rng() < 0.5 ? 1 : 0;
    const acc = planted && t >= metricStep ? 0.7 : 0.85;
    label.push(y);
    pred.push(rng() < acc ? y : 1 - y);
  }
  const data: Record<string, (number | null)[] | string[] | Date[]> = { stable, late, trend, season, region, channel, income, label, pred };
  if (withTime) data.at = at;
  return tableFrom(path, data);
}

const roles = { label: 'label', prediction: 'pred', time: 'at' };
const end = Date.UTC(2024, 11, 30);

test('planted step, late doubling, trend, season and a metric step are each found and dated', () => {
  const train = file('train.csv', t0, prodStart, 10000, false, 1);
  const prod = file('prod.csv', prodStart, end, 10000, true, 2);
  const { section, findings } = analyzeTimeline(contextFor(train, prod, roles));
  assert.ok(section);
  assert.equal(section.unit, 'week');
  assert.equal(section.metric, 'accuracy');
  const prodWindows = section.windows.filter((w) => w.file === 'prod');
  assert.equal(prodWindows.length, 26);
  assert.equal(section.windows.filter((w) => w.file === 'train').length, 26);
  assert.ok(prodWindows.every((w) => w.rows > 300 && typeof w.metric === 'number' && w.nullRates.stable === 0));
  assert.ok(prodWindows.every((w) => w.nullRates.label === 0 && typeof w.drift.pred === 'number'), 'label null rate and prediction drift per window');
  const byCol = new Map(section.patterns.map((p) => [p.column, p]));
  const week = 7 * DAY;
  const late = byCol.get('late')!;
  assert.equal(late.pattern, 'sudden', late.detail);
  assert.ok(Math.abs(Date.parse(late.changeAt!) - lateStart) <= week, late.changeAt);
  assert.equal(byCol.get('trend')?.pattern, 'gradual', byCol.get('trend')?.detail);
  const season = byCol.get('season')!;
  assert.equal(season.pattern, 'seasonal', season.detail);
  assert.equal(season.period, 6);
  const metric = byCol.get('metric:accuracy')!;
  assert.equal(metric.pattern, 'sudden', metric.detail);
  assert.ok(Math.abs(Date.parse(metric.changeAt!) - metricStep) <= week, metric.changeAt);
  assert.equal(byCol.get('stable'), undefined, 'a stable feature has no pattern');
  const channel = byCol.get('channel')!;
  assert.equal(channel.pattern, 'sudden', channel.detail);
  assert.equal(channel.series, 'share');
  assert.match(channel.detail, /share of channel=web/i);
  assert.ok(Math.abs(Date.parse(channel.changeAt!) - channelStep) <= week, channel.changeAt);
  const nulls = section.patterns.find((p) => p.column === 'income' && p.series === 'nullRate')!;
  assert.equal(nulls.pattern, 'sudden', nulls.detail);
  assert.ok(Math.abs(Date.parse(nulls.changeAt!) - nullStep) <= week, nulls.changeAt);
  assert.equal(findings.find((f) => f.id === 'temporal_pattern:income:nulls:sudden')?.severity, 'critical');
  assert.equal(section.patterns.find((p) => p.column === 'income' && p.series === 'mean'), undefined);
  // The late doubling drifts its last windows far beyond the window threshold: critical.
  const lateFinding = findings.find((f) => f.id === 'temporal_pattern:late:sudden')!;
  assert.equal(lateFinding.severity, 'critical');
  assert.equal(lateFinding.target, 'timeline');
  assert.match(lateFinding.mitigation, /2024-11-0\d|2024-10-28/);
  const lastLate = prodWindows[prodWindows.length - 1].drift.late;
  const firstLate = prodWindows[0].drift.late;
  assert.ok(lastLate > 1 && firstLate < 0.1, `PSI of late: first window ${firstLate}, last ${lastLate}`);
  const metricFinding = findings.find((f) => f.id === 'temporal_pattern:pred,label:metric:sudden')!;
  assert.equal(metricFinding.severity, 'critical');
  // 26 weeks are shown by month: July–September at ~85%, October–December at ~70%.
  const course = section.metricCourse!;
  assert.match(course, /^accuracy by month \(production, from 2024-07-01\): [\d.]+%( → [\d.]+%){5} \(training: 8\d\.\d%\)$/);
  const shown = [...course.split(': ')[1].matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
  assert.ok(shown[0] > 80 && shown[5] < 75, course);
});

test('control: the same process throughout gives no pattern finding above info', () => {
  const train = file('train.csv', t0, prodStart, 10000, false, 3);
  const prod = file('prod.csv', prodStart, end, 10000, false, 4);
  const { section, findings } = analyzeTimeline(contextFor(train, prod, roles));
  assert.ok(section);
  assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => f.title), []);
  assert.deepEqual(section.patterns.filter((p) => p.pattern !== 'none').map((p) => p.column), []);
});

test('production-only timestamps still give production windows; no time role gives no section', () => {
  const train = file('train.csv', t0, prodStart, 3000, false, 5, false);
  const prod = file('prod.csv', prodStart, end, 10000, true, 6);
  const { section } = analyzeTimeline(contextFor(train, prod, roles));
  assert.ok(section);
  assert.ok(section.windows.every((w) => w.file === 'prod'));
  assert.equal(section.patterns.find((p) => p.column === 'late')?.pattern, 'sudden');
  assert.equal(analyzeTimeline(contextFor(train, prod, { label: 'label', prediction: 'pred' })).section, null);
  // A time role whose column is not a datetime in either file: nothing to cut.
  assert.equal(analyzeTimeline(contextFor(train, prod, { time: 'stable' })).section, null);
});

test('window units: the finest calendar unit giving 8–60 windows; Monday weeks; explicit override', () => {
  assert.equal(chooseUnit(t0, t0 + 20 * DAY, 8, 60), 'day');
  assert.equal(chooseUnit(t0, t0 + 200 * DAY, 8, 60), 'week');
  assert.equal(chooseUnit(t0, t0 + 3 * 365 * DAY, 8, 60), 'month');
  assert.equal(chooseUnit(t0, t0 + 3 * DAY, 8, 60), 'day');
  assert.equal(chooseUnit(t0, t0 + 20 * 365 * DAY, 8, 60), 'month');
  assert.equal(windowFloor(Date.UTC(2024, 0, 7, 23), 'week'), Date.UTC(2024, 0, 1)); // Sunday → its Monday
  assert.equal(windowFloor(Date.UTC(2024, 1, 29, 5), 'month'), Date.UTC(2024, 1, 1));
  const bounds = windowBounds(Date.UTC(2024, 0, 15), Date.UTC(2024, 2, 3), 'month');
  assert.deepEqual(bounds, [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1), Date.UTC(2024, 3, 1)]);
  assert.deepEqual([...windowIndex(Float64Array.of(Date.UTC(2024, 1, 1), NaN, Date.UTC(2024, 0, 31), Date.UTC(2024, 3, 1)), bounds)], [1, -1, 0, -1]);
  const train = file('train.csv', t0, prodStart, 2000, false, 7);
  const prod = file('prod.csv', prodStart, end, 2000, false, 8);
  const { section } = analyzeTimeline(contextFor(train, prod, roles, { timeline: { window: 'month' } }));
  assert.equal(section!.unit, 'month');
  assert.equal(section!.windows.length, 12);
});

test('a forced fine unit over a long range is classified on grouped windows and still dated', () => {
  const train = file('train.csv', t0, prodStart, 3000, false, 9);
  const prod = file('prod.csv', prodStart, end, 12000, true, 10);
  const { section, findings } = analyzeTimeline(contextFor(train, prod, roles, { timeline: { window: 'day' } }));
  assert.equal(section!.unit, 'day');
  assert.ok(section!.windows.filter((w) => w.file === 'prod').length > 150);
  const late = section!.patterns.find((p) => p.column === 'late')!;
  assert.equal(late.pattern, 'sudden', late.detail);
  // 365 days → groups of 7 days (maxWindows 60): the date is the first day of the group holding the step.
  assert.ok(Math.abs(Date.parse(late.changeAt!) - lateStart) <= 7 * DAY, late.changeAt);
  assert.ok(findings.some((f) => f.id === 'temporal_pattern:late:sudden'));
  // Training-only timestamps: its course is described, never above info.
  const trainOnly = analyzeTimeline(contextFor(file('t.csv', t0, end, 6000, true, 11), file('p.csv', t0, end, 2000, false, 12, false), roles));
  assert.ok(trainOnly.section!.windows.every((w) => w.file === 'train'));
  assert.ok(trainOnly.findings.length > 0 && trainOnly.findings.every((f) => f.severity === 'info'));
});

test('a stray date (year 2999) does not stretch the windows; the row is counted outside', () => {
  const train = file('train.csv', t0, prodStart, 4000, false, 13);
  const prod = file('prod.csv', prodStart, end, 4000, false, 14);
  const at = prod.columns.find((c) => c.name === 'at')!;
  assert.ok(at.kind === 'datetime');
  at.values[17] = Date.UTC(2999, 0, 1);
  const { section } = analyzeTimeline(contextFor(train, prod, roles));
  assert.equal(section!.unit, 'week');
  assert.ok(section!.windows.length <= 60);
  assert.deepEqual(section!.outsideRows, { train: 0, prod: 1 });
});
