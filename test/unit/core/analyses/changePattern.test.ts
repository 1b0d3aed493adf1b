// Course classification on series whose course is known by construction (noise from seeded mulberry32).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCourse, type CourseOptions } from '../../../../src/core/analyses/changePattern';
import { mulberry32 } from '../../../../src/core/stats/random';

const opts: CourseOptions = { alpha: 0.01, permutations: 199, seed: 42, minEffect: 0.1 };

/** Positions 0..m−1, values f(i) plus uniform noise of half-width `noise`, equal weights. */
function series(m: number, f: (i: number) => number, noise: number, seed: number) {
  const rng = mulberry32(seed);
  const x = Array.from({ length: m }, (_, i) => i);
  const y = x.map((i) => f(i) + noise * (2 * rng() - 1));
  return { x, y, w: x.map(() => 100) };
}

test('a step at a known position is sudden, dated within one window', () => {
  for (const [m, at] of [[30, 12], [52, 44], [20, 5]] as const) {
    const s = series(m, (i) => (i >= at ? 1.5 : 1), 0.15, m);
    const c = classifyCourse(s.x, s.y, s.w, opts);
    assert.equal(c.pattern, 'sudden', `m=${m} at=${at}: ${JSON.stringify(c.fit)}`);
    assert.ok(Math.abs(c.changeIndex! - at) <= 1, `change at ${c.changeIndex}, planted ${at}`);
    assert.ok(Math.abs(c.after! - c.before! - 0.5) < 0.1);
    assert.ok(c.pValue < 0.01);
  }
});

test('a linear trend is gradual with its slope', () => {
  const s = series(40, (i) => 1 + 0.02 * i, 0.1, 7);
  const c = classifyCourse(s.x, s.y, s.w, opts);
  assert.equal(c.pattern, 'gradual', JSON.stringify(c.fit));
  assert.ok(Math.abs(c.slope! - 0.02) < 0.005);
  assert.ok(c.fit.trend > c.fit.step);
});

test('a sine with period 7 over 8 cycles is seasonal with that period', () => {
  const s = series(56, (i) => 1 + 0.5 * Math.sin((2 * Math.PI * i) / 7), 0.15, 9);
  const c = classifyCourse(s.x, s.y, s.w, opts);
  assert.equal(c.pattern, 'seasonal', JSON.stringify(c.fit));
  assert.equal(c.period, 7);
  assert.ok(c.amplitude > 0.7 && c.amplitude < 1.3);
});

test('noise alone, and a real but tiny step, are none', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const s = series(40, () => 1, 0.2, seed);
    assert.equal(classifyCourse(s.x, s.y, s.w, opts).pattern, 'none', `seed ${seed}`);
  }
  const tiny = series(40, (i) => (i >= 20 ? 1.05 : 1), 0.001, 3);
  const c = classifyCourse(tiny.x, tiny.y, tiny.w, opts);
  assert.equal(c.pattern, 'none');
  assert.ok(c.fit.step > 0.9, 'the step itself is fitted, only too small to matter');
});

test('deterministic, tolerant of short series, and checks its input', () => {
  const s = series(30, (i) => (i >= 15 ? 2 : 1), 0.3, 11);
  assert.deepEqual(classifyCourse(s.x, s.y, s.w, opts), classifyCourse(s.x, s.y, s.w, opts));
  assert.equal(classifyCourse([0, 1, 2], [1, 2, 3], [1, 1, 1], opts).pattern, 'none');
  assert.throws(() => classifyCourse([0, 1], [1], [1, 1], opts), RangeError);
});
