// Segments and slice finding on crafted data whose right answer is known by construction (seeded mulberry32).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSegments } from '../../../../src/core/analyses/segments';
import { mulberry32 } from '../../../../src/core/stats/random';
import { contextFor, tableFrom } from '../../helpers/tables';

type Rng = () => number;
const pick = (rng: Rng, values: string[], probs: number[]): string => {
  let u = rng();
  for (let i = 0; i < values.length; i++) {
    if (u < probs[i]) return values[i];
    u -= probs[i];
  }
  return values[values.length - 1];
};

interface Spec {
  rows: number;
  regionProbs: number[];
  userProbs: number[];
  /** Accuracy of a row given its region, device and user type. */
  accuracy: (region: string, device: string, user: string) => number;
}

/** A classification file: region, device, user type, age, income; label 0/1; prediction right with the given rate. */
function file(path: string, s: Spec, seed: number) {
  const rng = mulberry32(seed);
  const region: string[] = [], device: string[] = [], user: string[] = [], age: number[] = [], income: number[] = [];
  const label: number[] = [], pred: number[] = [];
  for (let i = 0; i < s.rows; i++) {
    const r = pick(rng, ['EU', 'US', 'APAC'], s.regionProbs);
    const d = pick(rng, ['mobile', 'desktop'], [0.5, 0.5]);
    const u = pick(rng, ['new', 'returning'], s.userProbs);
    const y = rng() < 0.5 ? 1 : 0;
    region.push(r);
    device.push(d);
    user.push(u);
    age.push(18 + Math.floor(rng() * 62));
    income.push(30000 + 40000 * rng());
    label.push(y);
    pred.push(rng() < s.accuracy(r, d, u) ? y : 1 - y);
  }
  return tableFrom(path, { region, device, user, age, income, label, pred });
}

const roles = { label: 'label', prediction: 'pred' };
const flat = () => 0.85;

test('a planted slice collapse in a file whose overall accuracy barely moves ranks first', () => {
  const base: Spec = { rows: 20000, regionProbs: [0.45, 0.45, 0.1], userProbs: [0.5, 0.5], accuracy: flat };
  const train = file('train.csv', base, 1);
  const prod = file('prod.csv', { ...base, accuracy: (r, d) => (r === 'APAC' && d === 'mobile' ? 0.45 : 0.85) }, 2);
  const { section, findings } = analyzeSegments(contextFor(train, prod, roles));
  assert.ok(section);
  assert.equal(section.metric, 'accuracy');
  assert.equal(section.correction, 'bonferroni');
  // The whole file moves ~2 pts; the slice (5% of rows) ~40 pts.
  const overallDrop = section.overall!.train!.value - section.overall!.prod!.value;
  assert.ok(overallDrop < 0.04, `overall drop ${overallDrop}`);
  assert.equal(section.worst[0].slice, 'region=APAC & device=mobile');
  assert.ok(section.worst[0].gap! < -0.3, 'gap is prod − train');
  assert.ok(section.worst[0].impact! > 0.015, 'impact is the loss × production share');
  assert.ok(section.worst[0].pValueAdjusted! < 1e-6);
  assert.ok(section.slicesTried > 20);
  // The singles that contain the slice say so, and are not listed again under their diluted names.
  const apac = section.segments.find((w) => w.slice === 'region=APAC');
  assert.equal(apac?.explainedBy, 'region=APAC & device=mobile');
  assert.ok(!section.worst.some((w) => w.slice === 'region=APAC' || w.slice === 'device=mobile'));
  const degr = findings.filter((f) => f.type === 'segment_degradation');
  assert.equal(degr.length, 1, degr.map((f) => f.title).join(' | '));
  assert.equal(degr[0].severity, 'critical');
  assert.deepEqual(degr[0].columns, ['region', 'device']);
  assert.equal(degr[0].target, 'segments');
  assert.match(degr[0].evidence, /Bonferroni/);
  assert.ok(!findings.some((f) => f.type === 'segment_shift'));
  // Per-segment table: every category and every age quartile, with a Wilson interval around the value.
  const eu = section.segments.find((s) => s.slice === 'region=EU')!;
  assert.ok(eu.train!.low < eu.train!.value && eu.train!.value < eu.train!.high);
  assert.ok(Math.abs(eu.trainShare - 0.45) < 0.02);
  assert.ok(section.segments.some((s) => /^age∈\(\d+(\.\d+)?, \d+(\.\d+)?\]$/.test(s.slice)), section.segments.map((s) => s.slice).join(','));
});

test('a pure mix change (shares move, per-segment accuracy equal) is a segment_shift, not a degradation', () => {
  const acc = (_r: string, _d: string, u: string) => (u === 'new' ? 0.6 : 0.9);
  const train = file('train.csv', { rows: 20000, regionProbs: [0.4, 0.4, 0.2], userProbs: [0.1, 0.9], accuracy: acc }, 3);
  const prod = file('prod.csv', { rows: 20000, regionProbs: [0.4, 0.4, 0.2], userProbs: [0.6, 0.4], accuracy: acc }, 4);
  const { section, findings } = analyzeSegments(contextFor(train, prod, roles));
  assert.ok(section);
  assert.deepEqual(findings.filter((f) => f.type === 'segment_degradation').map((f) => f.title), []);
  const shift = findings.filter((f) => f.type === 'segment_shift');
  assert.deepEqual(shift.map((f) => f.columns[0]), ['user']);
  assert.equal(shift[0].severity, 'critical');
  // Mix decomposition: Σ Δshare × training accuracy = 0.5·0.6 − 0.5·0.9 = −0.15.
  const mix = shift[0].data!.mixEffect as number;
  assert.ok(Math.abs(mix + 0.15) < 0.02, `mix effect ${mix}`);
  assert.match(shift[0].evidence, /mix change alone can move the overall metric/);
  // The per-segment accuracies did not move, so the mix accounts for (nearly) all of the observed drop.
  assert.ok((shift[0].data!.mixShare as number) > 0.85, String(shift[0].data!.mixShare));
  assert.match(shift[0].evidence, /the mix alone accounts for about \d+% of it/);
});

test('control: the same process in both files gives no finding above info', () => {
  const base: Spec = { rows: 20000, regionProbs: [0.45, 0.45, 0.1], userProbs: [0.5, 0.5], accuracy: flat };
  const { section, findings } = analyzeSegments(contextFor(file('train.csv', base, 5), file('prod.csv', base, 6), roles));
  assert.ok(section);
  assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => f.title), []);
  assert.equal(section.worst.length, 0);
});

test('regression: a slice whose errors triple is found with MAE and a Welch test', () => {
  const make = (path: string, seed: number, planted: boolean) => {
    const rng = mulberry32(seed);
    const plan: string[] = [], size: number[] = [], label: number[] = [], pred: number[] = [];
    for (let i = 0; i < 10000; i++) {
      const p = pick(rng, ['basic', 'pro', 'team'], [0.5, 0.3, 0.2]);
      const y = 100 + 50 * rng();
      const scale = planted && p === 'team' ? 15 : 5;
      plan.push(p);
      size.push(rng() * 10);
      label.push(y);
      pred.push(y + scale * (rng() - 0.5) * 2);
    }
    return tableFrom(path, { plan, size, label, pred });
  };
  const { section, findings } = analyzeSegments(contextFor(make('t.csv', 7, false), make('p.csv', 8, true), roles));
  assert.equal(section!.metric, 'mae');
  assert.equal(section!.worst[0].slice, 'plan=team');
  const f = findings.find((x) => x.type === 'segment_degradation')!;
  assert.ok(f, 'a segment_degradation finding');
  assert.match(f.evidence, /Welch/);
  assert.ok(Math.abs((f.data!.prod as { value: number }).value - 7.5) < 0.5);
});

test('no segmentable column, or an empty file, gives no section', () => {
  const t = tableFrom('t.csv', { at: [new Date(0), new Date(1)] });
  assert.equal(analyzeSegments(contextFor(t, t)).section, null);
  const full = tableFrom('t.csv', { c: ['x', 'y', 'x', null], label: [1, 0, 1, 0], pred: [1, 0, 0, 0] });
  const empty = tableFrom('p.csv', { c: [], label: [], pred: [] });
  assert.deepEqual(analyzeSegments(contextFor(full, empty, roles)), { section: null, findings: [] });
});

test('production without labels: shares, shift and drift inside segments, no metric and no slice test', () => {
  const base: Spec = { rows: 5000, regionProbs: [0.45, 0.45, 0.1], userProbs: [0.5, 0.5], accuracy: flat };
  const train = file('train.csv', base, 9);
  const full = file('prod.csv', { ...base, userProbs: [0.9, 0.1] }, 10);
  const prod = { ...full, columns: full.columns.filter((c) => c.name !== 'label') };
  const { section, findings } = analyzeSegments(contextFor(train, prod, roles));
  assert.ok(section);
  assert.equal(section.metric, 'accuracy');
  assert.equal(section.slicesTried, 0);
  assert.deepEqual(section.worst, []);
  const user = section.segments.find((s) => s.slice === 'user=new')!;
  assert.ok(user.train && user.prod === null && user.gap === null);
  assert.ok(Array.isArray(user.topFeatureDrift) && typeof user.predictionPsi === 'number');
  assert.deepEqual(findings.map((f) => f.id), ['segment_shift:user']);
});

test('a uniform drop is no segment finding; a slice dropping far more than the whole file leads the list', () => {
  const base: Spec = { rows: 20000, regionProbs: [0.45, 0.45, 0.1], userProbs: [0.5, 0.5], accuracy: flat };
  const train = file('train.csv', base, 13);
  const uniform = file('prod.csv', { ...base, accuracy: () => 0.65 }, 14);
  const u = analyzeSegments(contextFor(train, uniform, roles));
  assert.deepEqual(u.findings.filter((f) => f.type === 'segment_degradation').map((f) => f.title), []);
  assert.deepEqual(u.section!.worst, [], 'every slice lost about what the whole file lost');
  // Whole file −20 pts; APAC (10% of rows) −55 pts: the slice holding most rows has the larger raw impact, APAC the
  // larger loss beyond the file's.
  const collapse = file('prod.csv', { ...base, accuracy: (r) => (r === 'APAC' ? 0.3 : 0.65) }, 15);
  const c = analyzeSegments(contextFor(train, collapse, roles));
  assert.equal(c.section!.worst[0].slice, 'region=APAC');
  const degr = c.findings.filter((f) => f.type === 'segment_degradation');
  assert.deepEqual(degr.map((f) => f.id), ['segment_degradation:region:region=APAC']);
  assert.equal(degr[0].severity, 'critical');
});

test('few-valued numeric columns segment by value; a pair holding nearly all of a single is named by the single', () => {
  const make = (path: string, seed: number, planted: boolean) => {
    const rng = mulberry32(seed);
    const flag: number[] = [], zone: string[] = [], label: number[] = [], pred: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const f = rng() < 0.97 ? 0 : 1; // flag=0 holds 97% of rows, so zone=B & flag=0 is nearly all of zone=B
      const z = rng() < 0.2 ? 'B' : 'A';
      const y = rng() < 0.5 ? 1 : 0;
      flag.push(f);
      zone.push(z);
      label.push(y);
      pred.push(rng() < (planted && z === 'B' ? 0.4 : 0.9) ? y : 1 - y);
    }
    return tableFrom(path, { flag, zone, label, pred });
  };
  const { section, findings } = analyzeSegments(contextFor(make('t.csv', 16, false), make('p.csv', 17, true), roles));
  assert.deepEqual(section!.segments.filter((s) => s.conditions[0].column === 'flag').map((s) => s.slice), ['flag=0', 'flag=1']);
  assert.equal(section!.worst[0].slice, 'zone=B');
  assert.ok(!section!.worst.some((s) => s.slice === 'flag=0 & zone=B' || s.slice === 'zone=B & flag=0'), 'the pair is zone=B under a longer name');
  assert.deepEqual(findings.filter((f) => f.type === 'segment_degradation').map((f) => f.id), ['segment_degradation:zone:zone=B']);
});

test('with a probability score, AUC inside the slice shows a flipped relationship', () => {
  const make = (path: string, seed: number, flip: boolean) => {
    const rng = mulberry32(seed);
    const zone: string[] = [], label: number[] = [], score: number[] = [];
    for (let i = 0; i < 8000; i++) {
      const z = rng() < 0.25 ? 'B' : 'A';
      const y = rng() < 0.5 ? 1 : 0;
      const s = Math.min(1, Math.max(0, 0.5 + (y ? 0.25 : -0.25) + 0.2 * (rng() - 0.5)));
      zone.push(z);
      label.push(y);
      score.push(flip && z === 'B' ? 1 - s : s);
    }
    return tableFrom(path, { zone, label, score });
  };
  const { section, findings } = analyzeSegments(contextFor(make('t.csv', 18, false), make('p.csv', 19, true), { label: 'label', prediction: 'score' }));
  const b = section!.segments.find((s) => s.slice === 'zone=B')!;
  assert.ok(b.auc!.train! > 0.95 && b.auc!.prod! < 0.05, JSON.stringify(b.auc));
  const f = findings.find((x) => x.id === 'segment_degradation:zone:zone=B')!;
  assert.match(f.evidence, /ROC AUC of the score inside the slice 1\.00 → 0\.00 \(below 0\.5/);
  assert.match(f.evidence, /p < 1e-300|p = /);
});

test('above segments.maxRows the search runs on a seeded sample, says so, and still finds the slice', () => {
  const base: Spec = { rows: 20000, regionProbs: [0.45, 0.45, 0.1], userProbs: [0.5, 0.5], accuracy: flat };
  const train = file('train.csv', base, 1);
  const prod = file('prod.csv', { ...base, accuracy: (r, d) => (r === 'APAC' && d === 'mobile' ? 0.45 : 0.85) }, 2);
  const ctx = contextFor(train, prod, roles, { segments: { maxRows: 8000 } });
  const a = analyzeSegments(ctx);
  assert.deepEqual(a.section!.sampled, { train: 8000, prod: 8000 });
  assert.equal(a.section!.worst[0].slice, 'region=APAC & device=mobile');
  assert.ok(Math.abs(a.section!.segments.find((s) => s.slice === 'region=EU')!.prodRows - 3600) < 300);
  assert.deepEqual(analyzeSegments(ctx), a, 'deterministic');
});
