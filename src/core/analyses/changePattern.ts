/**
 * The course of a per-window series (a feature's mean, a category's share, the model's metric): sudden, gradual,
 * seasonal or none.
 *
 * Three models are fitted by weighted least squares (weights = rows per window, since a window's value is a mean of
 * its rows):
 * - step: two levels split at one change point — the split maximising the between-segment variance (the
 *   least-squares change point, which is what a CUSUM's peak estimates);
 * - trend: a straight line over window positions;
 * - season: one level per phase (position mod L) for each period L seen at least MIN_CYCLES times — "compare like with
 *   like": the same weekday, the same month.
 * Each is scored by adjusted R² (so a period with many phase levels pays for them), and each family's best score is
 * tested against the same score on the windows shuffled in time (a permutation test: it makes no assumption about the
 * noise between windows, which real data over-disperses well beyond the sampling error). Among the families that
 * beat the shuffles, the best adjusted R² names the course — so a trend wins over a step only if no single step
 * explains the series better, and vice versa. A course whose size is below `minEffect` is `none`: with many rows a
 * tiny but real wobble is significant and still not worth anyone's time.
 */
import type { PatternKind } from '../report/types';
import { mulberry32 } from '../stats/random';

export interface CourseOptions {
  /** Significance level of a model against its permutation distribution. */
  alpha: number;
  permutations: number;
  seed: number;
  /** Smallest course size worth a pattern, in the series' units (step height, trend over the span, season range). */
  minEffect: number;
}

export interface Course {
  pattern: PatternKind;
  /** Sudden: index (into the input) of the first point after the step. */
  changeIndex?: number;
  /** Sudden: levels before and after. */
  before?: number;
  after?: number;
  /** Trend: change per position. */
  slope?: number;
  /** Seasonal: period in positions, and the phase levels. */
  period?: number;
  amplitude: number;
  pValue: number;
  /** Best adjusted R² per model family (NaN when the family could not be fitted). */
  fit: { step: number; trend: number; season: number };
}

interface Fit {
  adjR2: number;
  /** Step: split index; season: period. */
  at: number;
}

const NONE: Fit = { adjR2: NaN, at: -1 };

/**
 * Cycles a period must show before it is called seasonal: with two, each phase level rests on two windows and chance
 * patterns pass too often (seen on a clean random split); three is the least that shows a repeat, not a coincidence.
 */
const MIN_CYCLES = 3;

/** Permutation rounds for a series close to significance, as a multiple of the first round. */
const REFINE = 5;

/** A divisor of the best period is preferred when its adjusted R² is at least this share of the best. */
const SAME_FIT = 0.95;

function weightedTotal(y: ArrayLike<number>, w: ArrayLike<number>): { sw: number; mean: number; sst: number } {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) (sw += w[i]), (swy += w[i] * y[i]);
  const mean = swy / sw;
  let sst = 0;
  for (let i = 0; i < y.length; i++) sst += w[i] * (y[i] - mean) * (y[i] - mean);
  return { sw, mean, sst };
}

/** Adjusted R² from SSE with p fitted parameters over m points (Σw-weighted sums). */
function adjusted(sse: number, sst: number, m: number, p: number): number {
  if (m - p <= 0 || sst <= 0) return NaN;
  return 1 - (sse / (m - p)) / (sst / (m - 1));
}

/** Best single split; both sides keep at least `minSide` points. Parameters: two levels and the location. */
function stepFit(y: ArrayLike<number>, w: ArrayLike<number>, sst: number, minSide: number): Fit {
  const m = y.length;
  if (m < 2 * minSide || sst <= 0) return NONE;
  let tw = 0, twy = 0, twyy = 0;
  for (let i = 0; i < m; i++) (tw += w[i]), (twy += w[i] * y[i]), (twyy += w[i] * y[i] * y[i]);
  let lw = 0, lwy = 0, lwyy = 0;
  let best = Infinity;
  let at = -1;
  for (let k = 1; k < m; k++) {
    lw += w[k - 1];
    lwy += w[k - 1] * y[k - 1];
    lwyy += w[k - 1] * y[k - 1] * y[k - 1];
    if (k < minSide || m - k < minSide) continue;
    const rw = tw - lw, rwy = twy - lwy, rwyy = twyy - lwyy;
    const sse = lwyy - (lwy * lwy) / lw + (rwyy - (rwy * rwy) / rw);
    if (sse < best) (best = sse), (at = k);
  }
  return at < 0 ? NONE : { adjR2: adjusted(Math.max(0, best), sst, m, 3), at };
}

function trendFit(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, sst: number, sw: number): Fit & { slope: number } {
  const m = y.length;
  if (m < 3 || sst <= 0) return { ...NONE, slope: 0 };
  let mx = 0, my = 0;
  for (let i = 0; i < m; i++) (mx += w[i] * x[i]), (my += w[i] * y[i]);
  mx /= sw;
  my /= sw;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < m; i++) (sxx += w[i] * (x[i] - mx) * (x[i] - mx)), (sxy += w[i] * (x[i] - mx) * (y[i] - my));
  if (sxx <= 0) return { ...NONE, slope: 0 };
  const sse = Math.max(0, sst - (sxy * sxy) / sxx);
  return { adjR2: adjusted(sse, sst, m, 2), at: -1, slope: sxy / sxx };
}

/** Best period L (2 ≤ L, span ≥ MIN_CYCLES·L positions, every phase seen MIN_CYCLES times). Parameters: L levels. */
function seasonFit(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, sst: number, span: number): Fit {
  const m = y.length;
  if (sst <= 0) return NONE;
  let best: Fit = NONE;
  const maxL = Math.floor(span / MIN_CYCLES);
  const byPeriod = new Float64Array(maxL + 1).fill(NaN);
  const pw = new Float64Array(maxL), pwy = new Float64Array(maxL), pwyy = new Float64Array(maxL), pn = new Int32Array(maxL);
  for (let L = 2; L <= maxL && L < m - 1; L++) {
    pw.fill(0, 0, L);
    pwy.fill(0, 0, L);
    pwyy.fill(0, 0, L);
    pn.fill(0, 0, L);
    for (let i = 0; i < m; i++) {
      const ph = x[i] % L;
      pw[ph] += w[i];
      pwy[ph] += w[i] * y[i];
      pwyy[ph] += w[i] * y[i] * y[i];
      pn[ph]++;
    }
    let sse = 0;
    let ok = true;
    for (let ph = 0; ph < L; ph++) {
      if (pn[ph] < MIN_CYCLES) {
        ok = false;
        break;
      }
      sse += pwyy[ph] - (pwy[ph] * pwy[ph]) / pw[ph];
    }
    if (!ok) continue;
    const a = adjusted(Math.max(0, sse), sst, m, L);
    byPeriod[L] = a;
    if (a === a && !(a <= best.adjR2)) best = { adjR2: a, at: L };
  }
  // A multiple of the true period fits as well up to noise: name the shortest divisor that fits nearly as well.
  for (let d = 2; d < best.at; d++) {
    if (best.at % d === 0 && byPeriod[d] >= SAME_FIT * best.adjR2) return { adjR2: byPeriod[d], at: d };
  }
  return best;
}

function fitAll(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, span: number) {
  const { sw, sst } = weightedTotal(y, w);
  return { step: stepFit(y, w, sst, 2), trend: trendFit(x, y, w, sst, sw), season: seasonFit(x, y, w, sst, span) };
}

/**
 * Classify a series observed at integer positions `x` (window numbers, increasing; gaps allowed) with values `y`
 * and weights `w` (rows per window).
 * Complexity: O(permutations · m · maxPeriod) for m points.
 * @throws {RangeError} when the arrays differ in length.
 */
export function classifyCourse(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, o: CourseOptions): Course {
  const m = y.length;
  if (x.length !== m || w.length !== m) throw new RangeError(`classifyCourse requires x, y and w of equal length, got ${x.length}, ${m}, ${w.length}`);
  const none = (fit = { step: NaN, trend: NaN, season: NaN }): Course => ({ pattern: 'none', amplitude: 0, pValue: 1, fit });
  if (m < 4) return none();
  const span = x[m - 1] - x[0] + 1;
  const obs = fitAll(x, y, w, span);
  const fit = { step: obs.step.adjR2, trend: obs.trend.adjR2, season: obs.season.adjR2 };
  if (!(fit.step === fit.step || fit.trend === fit.trend || fit.season === fit.season)) return none(fit);

  // Permutation test: shuffle (value, weight) pairs over the positions, refit, count fits at least as good.
  // The three families are tested together, so their p-values are Bonferroni-corrected (× 3). A first round of
  // `permutations` settles most series; when one family comes close to significance, rounds continue (up to
  // REFINE × as many) so that its p-value can get below alpha / 3 at all — sequential, so clear cases stay cheap.
  const rng = mulberry32(o.seed);
  const order = Array.from({ length: m }, (_, i) => i);
  const py = new Float64Array(m), pw = new Float64Array(m);
  const beat = { step: 0, trend: 0, season: 0 };
  let done = 0;
  const round = (count: number) => {
    for (let r = 0; r < count; r++) {
      for (let i = m - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (let i = 0; i < m; i++) (py[i] = y[order[i]]), (pw[i] = w[order[i]]);
      const f = fitAll(x, py, pw, span);
      if (!(f.step.adjR2 < fit.step)) beat.step++;
      if (!(f.trend.adjR2 < fit.trend)) beat.trend++;
      if (!(f.season.adjR2 < fit.season)) beat.season++;
    }
    done += count;
  };
  const FAMILIES = 3;
  const p = (k: number) => Math.min(1, (FAMILIES * (k + 1)) / (done + 1));
  round(o.permutations);
  const close = () => Math.min(p(beat.step), p(beat.trend), p(beat.season)) <= FAMILIES * o.alpha;
  if (close()) round(o.permutations * (REFINE - 1));
  const pv = { step: p(beat.step), trend: p(beat.trend), season: p(beat.season) };

  type Family = 'step' | 'trend' | 'season';
  const families: Family[] = ['step', 'trend', 'season'];
  const candidates = families.filter((f) => fit[f] === fit[f] && pv[f] < o.alpha).sort((a, b) => fit[b] - fit[a]);
  for (const family of candidates) {
    const c = describe(family, x, y, w, obs, pv[family], fit);
    if (c.amplitude >= o.minEffect) return c;
  }
  return none(fit);
}

function describe(family: 'step' | 'trend' | 'season', x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, obs: ReturnType<typeof fitAll>, pValue: number, fit: Course['fit']): Course {
  const m = y.length;
  if (family === 'step') {
    const k = obs.step.at;
    const level = (from: number, to: number) => {
      let sw = 0, swy = 0;
      for (let i = from; i < to; i++) (sw += w[i]), (swy += w[i] * y[i]);
      return swy / sw;
    };
    const before = level(0, k);
    const after = level(k, m);
    return { pattern: 'sudden', changeIndex: k, before, after, amplitude: Math.abs(after - before), pValue, fit };
  }
  if (family === 'trend') {
    const slope = obs.trend.slope;
    return { pattern: 'gradual', slope, amplitude: Math.abs(slope) * (x[m - 1] - x[0]), pValue, fit };
  }
  const L = obs.season.at;
  const sw = new Float64Array(L), swy = new Float64Array(L);
  for (let i = 0; i < m; i++) (sw[x[i] % L] += w[i]), (swy[x[i] % L] += w[i] * y[i]);
  let lo = Infinity, hi = -Infinity;
  for (let ph = 0; ph < L; ph++) {
    const v = swy[ph] / sw[ph];
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { pattern: 'seasonal', period: L, amplitude: hi - lo, pValue, fit };
}
