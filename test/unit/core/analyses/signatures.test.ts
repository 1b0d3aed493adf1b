import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSignatures, quantileFit } from '../../../../src/core/analyses/signatures';
import { impliedUnit, parseUnitCell, parseUnitColumn } from '../../../../src/core/analyses/unitStrings';
import { mulberry32 } from '../../../../src/core/stats/random';
import type { StringColumn } from '../../../../src/core/io/table';
import { columnFrom, contextFor, tableFrom } from '../../helpers/tables';
import expected from '../../../fixtures/signatures/expected.json';

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}
const draw = (n: number, seed: number, f: (rng: () => number, i: number) => number) => {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => f(rng, i));
};
const zscore = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const s = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return xs.map((x) => (x - m) / s);
};

test('scale change: a feature ×1000 gives a ≈ 1000 and names the unit; drifted and unchanged features do not', () => {
  const n = 5000;
  const weight = draw(n, 1, (r) => 70 + 10 * normal(r));
  const shifted = draw(n, 2, (r) => 5 + normal(r));
  const same = draw(n, 3, (r) => r() * 100);
  const prodWeight = draw(n, 4, (r) => 1000 * (70 + 10 * normal(r)));
  const prodShifted = draw(n, 5, (r) => 5.4 + 1.1 * normal(r));
  const prodSame = draw(n, 6, (r) => r() * 100);
  const ctx = contextFor(tableFrom('t', { weight, shifted, same }), tableFrom('p', { weight: prodWeight, shifted: prodShifted, same: prodSame }));
  const r = analyzeSignatures(ctx);
  assert.deepEqual(r.findings.map((f) => f.id), ['scale_change:weight']);
  const d = r.findings[0].data as { slope: number; factor: number; r2: number; intercept: number };
  assert.ok(Math.abs(d.slope / 1000 - 1) < 0.03, String(d.slope));
  assert.equal(d.factor, 1000);
  assert.ok(d.r2 > 0.99);
  assert.equal(r.findings[0].severity, 'critical');
  assert.match(r.findings[0].evidence, /grams where training had kilograms/);
  assert.match(r.findings[0].mitigation, /divide by 1000/);
  assert.equal(r.findings[0].target, 'drift');
  const sampled = analyzeSignatures(contextFor(ctx.train, ctx.prod, {}, { signatures: { fitMaxValues: 500 } }));
  assert.deepEqual(sampled.findings.map((f) => f.id), ['scale_change:weight']);
});

test('scale change: inches → centimetres (×2.54) and Celsius → Fahrenheit are named', () => {
  const n = 3000;
  const height = draw(n, 7, (r) => 65 + 4 * normal(r));
  const temp = draw(n, 8, (r) => 20 + 5 * normal(r));
  const prodHeight = draw(n, 9, (r) => 2.54 * (65 + 4 * normal(r)));
  const prodTemp = draw(n, 10, (r) => 1.8 * (20 + 5 * normal(r)) + 32);
  const r = analyzeSignatures(contextFor(tableFrom('t', { height, temp }), tableFrom('p', { height: prodHeight, temp: prodTemp })));
  const by = new Map(r.findings.map((f) => [f.columns[0], f]));
  assert.equal((by.get('height')!.data as { factor: number }).factor, 2.54);
  assert.match(by.get('temp')!.evidence, /Fahrenheit where training had Celsius/);
});

test('scale change inside one segment only (amount in cents for region EU)', () => {
  const n = 6000;
  const region = draw(n, 11, (r) => Math.floor(r() * 3)).map((k) => ['EU', 'US', 'APAC'][k]);
  const amount = draw(n, 12, (r) => 20 + 200 * r());
  const pRegion = draw(n, 13, (r) => Math.floor(r() * 3)).map((k) => ['EU', 'US', 'APAC'][k]);
  const pAmount = draw(n, 14, (r) => 20 + 200 * r()).map((x, i) => (pRegion[i] === 'EU' ? x * 100 : x));
  const r = analyzeSignatures(contextFor(tableFrom('t', { region, amount }), tableFrom('p', { region: pRegion, amount: pAmount })));
  assert.deepEqual(r.findings.map((f) => f.id), ['scale_change:amount:region=EU']);
  const f = r.findings[0];
  assert.deepEqual(f.columns, ['amount', 'region']);
  assert.equal((f.data as { factor: number }).factor, 100);
  assert.match(f.evidence, /cents where training had dollars/);
});

test('restandardized: scaler skipped in serving, scaler only in serving, scaler re-fit on production; controls', () => {
  const n = 4000;
  const raw = draw(n, 15, (r) => 50 + 10 * normal(r));
  const rawProd = draw(n, 16, (r) => 55 + 12 * normal(r)); // drifted, then (wrongly) standardized on itself
  const t = {
    skipped: zscore(raw), // standardized in training, raw in production
    onlyProd: raw, // raw in training, standardized in production
    refit: zscore(raw),
    control: draw(n, 17, (r) => normal(r)), // N(0,1) draws in both files: approximately, not exactly, standardized
  };
  const p = {
    skipped: rawProd,
    onlyProd: zscore(rawProd),
    refit: zscore(rawProd),
    control: draw(n, 18, (r) => normal(r)),
  };
  const r = analyzeSignatures(contextFor(tableFrom('t', t), tableFrom('p', p)));
  const by = new Map(r.findings.map((f) => [f.columns[0], f]));
  assert.equal(by.get('skipped')?.type, 'restandardized');
  assert.equal(by.get('skipped')?.severity, 'critical');
  assert.match(by.get('skipped')!.evidence, /does not apply the training scaler/);
  assert.equal(by.get('onlyProd')?.severity, 'critical');
  assert.match(by.get('onlyProd')!.title, /standardized in production but not in training/);
  assert.equal(by.get('refit')?.severity, 'warning');
  assert.match(by.get('refit')!.title, /re-fit on production/);
  assert.match(by.get('refit')!.mitigation, /Load the scaler fitted on training data/);
  assert.equal(by.has('control'), false);
  assert.equal(r.findings.filter((f) => f.type === 'scale_change').length, 0);
});

test('unit strings: "118 min" in production for hours in training — strip "min", parsed ratio 60', () => {
  const n = 2000;
  const hours = draw(n, 19, (r) => 1 + 3 * r());
  const prodMin = draw(n, 20, (r) => Math.round(60 * (1 + 3 * r()))).map((m) => `${m} min`);
  const price = draw(n, 21, (r) => Math.round(100 + 2000 * r()));
  const prodPrice = draw(n, 22, (r) => Math.round(100 + 2000 * r())).map((x) => `$${x.toLocaleString('en-US')}`);
  const r = analyzeSignatures(contextFor(tableFrom('t', { duration: hours, price }), tableFrom('p', { duration: prodMin, price: prodPrice })));
  const by = new Map(r.findings.map((f) => [f.columns[0], f]));
  const dur = by.get('duration')!;
  assert.equal(dur.id, 'type_change:duration:unit');
  assert.equal(dur.type, 'type_change');
  const dd = dur.data as { unit: string; parsedShare: number; slope: number; ratio: number };
  assert.equal(dd.unit, 'min');
  assert.equal(dd.parsedShare, 1);
  assert.ok(Math.abs(dd.slope / 60 - 1) < 0.05, String(dd.slope));
  assert.ok(Math.abs(dd.ratio / 60 - 1) < 0.05, String(dd.ratio));
  assert.match(dur.title, /strip "min"/);
  assert.match(dur.evidence, /training numbers are probably in h\b/);
  assert.match(dur.mitigation, /strip "min" and convert min to h/);
  const pr = by.get('price')!;
  assert.equal((pr.data as { unit: string }).unit, '$');
  assert.match(pr.evidence, /match the training distribution/);
  assert.match(pr.title, /thousands separators/);
});

test('unit strings the other way round: text in training, numbers in production', () => {
  const kg = draw(1000, 23, (r) => 50 + 30 * r());
  const kgText = draw(1000, 24, (r) => 50 + 30 * r()).map((x) => `${x.toFixed(1)} kg`);
  const r = analyzeSignatures(contextFor(tableFrom('t', { w: kgText }), tableFrom('p', { w: kg })));
  assert.equal(r.findings.length, 1);
  assert.match(r.findings[0].title, /in training/);
  assert.ok(Math.abs((r.findings[0].data as { slope: number }).slope - 1) < 0.05);
});

test('parseUnitCell', () => {
  assert.deepEqual(parseUnitCell('118 min'), { value: 118, unit: 'min', formatted: false });
  assert.deepEqual(parseUnitCell('12.5 kg'), { value: 12.5, unit: 'kg', formatted: false });
  assert.deepEqual(parseUnitCell('$1,200'), { value: 1200, unit: '$', formatted: true });
  assert.deepEqual(parseUnitCell('12,5 kg'), { value: 12.5, unit: 'kg', formatted: true });
  assert.deepEqual(parseUnitCell('35%'), { value: 35, unit: '%', formatted: false });
  assert.deepEqual(parseUnitCell('-4 °C'), { value: -4, unit: '°c', formatted: false });
  assert.deepEqual(parseUnitCell('USD 1,234.50'), { value: 1234.5, unit: 'usd', formatted: true });
  assert.equal(parseUnitCell('2024-01-05'), null);
  assert.equal(parseUnitCell('hello'), null);
  assert.equal(parseUnitCell(''), null);
});

test('impliedUnit names the other file\'s unit from the ratio', () => {
  assert.equal(impliedUnit('min', 60, 0.05), 'h');
  assert.equal(impliedUnit('g', 1000, 0.05), 'kg');
  assert.equal(impliedUnit('cm', 2.54, 0.05), 'in');
  assert.equal(impliedUnit('min', 7, 0.05), null);
  assert.equal(impliedUnit('$', 100, 0.05), null);
});

test('mixed convertible units are converted to the commonest one', () => {
  const col = columnFrom('d', ['90 min', '2 h', '30 min', null, '45 min']) as StringColumn;
  const p = parseUnitColumn(col, 0.9)!;
  assert.equal(p.convertedTo, 'min');
  assert.deepEqual([...p.values], [90, 120, 30, NaN, 45]);
  assert.equal(p.units[0].unit, 'min');
  assert.equal(parseUnitColumn(columnFrom('c', ['red', 'blue', '3 kg']) as StringColumn, 0.9), null);
});

test('control: a 0/1 flag or a small count whose rate changes inside a segment is not a scale change', () => {
  const n = 6000;
  const region = draw(n, 25, (r) => Math.floor(r() * 4)).map((k) => ['n', 's', 'e', 'w'][k]);
  const flag = draw(n, 26, (r) => (r() < 0.2 ? 1 : 0));
  const count = draw(n, 27, (r) => Math.floor(r() * 3));
  const pFlag = draw(n, 28, (r) => (r() < 0.2 ? 1 : 0)).map((x, i) => (region[i] === 'w' ? 0 : x));
  const pCount = draw(n, 29, (r) => Math.floor(r() * 3)).map((x, i) => (region[i] === 'w' ? x * 3 : x));
  const r = analyzeSignatures(contextFor(tableFrom('t', { region, flag, count }), tableFrom('p', { region, flag: pFlag, count: pCount })));
  assert.deepEqual(r.findings, []);
});

test('control: genuine drift of a standardized feature (mean +0.6 std) is not a skipped scaler', () => {
  const t = { z: zscore(draw(4000, 30, (r) => normal(r))) };
  const p = { z: draw(4000, 31, (r) => 0.6 + 1.2 * normal(r)) };
  assert.deepEqual(analyzeSignatures(contextFor(tableFrom('t', t), tableFrom('p', p))).findings, []);
});

// Expected values from numpy (np.quantile linear, np.polyfit, np.corrcoef²): test/fixtures/signatures/make_expected.py

const close = (a: number, b: number, rel: number, what: string) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('quantile fit matches numpy (quantiles, polyfit, R²)', () => {
  for (const c of expected.fits) {
    const f = quantileFit(Float64Array.from(c.train).sort(), Float64Array.from(c.prod).sort())!;
    close(f.slope, c.slope, 1e-9, `${c.name} slope`);
    close(f.intercept, c.intercept, 1e-8, `${c.name} intercept`);
    close(f.r2, c.r2, 1e-9, `${c.name} r2`);
    close(f.trainMedian, c.trainMedian, 1e-12, `${c.name} train median`);
    close(f.prodMedian, c.prodMedian, 1e-12, `${c.name} prod median`);
  }
});

test('moments behind restandardized match numpy (mean, std ddof=1 and ddof=0)', () => {
  const v = expected.moments.values;
  const r = analyzeSignatures(contextFor(tableFrom('t', { z: v }), tableFrom('p', { z: v })));
  const m = r.section.moments.find((x) => x.column === 'z')!.train;
  close(m.mean, expected.moments.mean, 1e-12, 'mean');
  close(m.std, expected.moments.std, 1e-12, 'std');
  close(m.stdPop, expected.moments.stdPop, 1e-12, 'stdPop');
});
