/**
 * Domain classifier: can a model tell a training row from a production row? Gradient-boosted decision stumps
 * (logistic loss, Newton leaves) on binned features, cross-validated AUC on a seeded sample of each file.
 * AUC ≈ 0.5 means the files are indistinguishable; the stumps' summed gain names the features that give production
 * away, and the out-of-fold scores name the production rows least like training.
 * Stumps over bins rather than logistic regression: no scaling, handles missing values and categories, and a
 * feature ×1000 or a new category is caught by one split.
 */
import { cellText, isNumeric, type Column } from '../io/table';
import type { DatasetDriftSection } from '../report/types';
import { rocAuc } from '../stats/auc';
import { mulberry32, sampleIndices, shuffleInPlace } from '../stats/random';
import { isFeature, type AnalysisContext } from './context';

const MAX_BINS = 32;
const ROUNDS = 60;
const LEARNING_RATE = 0.3;
const LAMBDA = 1;
const UNLIKE_ROWS = 10;

interface BinnedFeature {
  name: string;
  bins: Uint8Array;
  nBins: number;
  ordered: boolean;
}

/** Bin 0 is "missing"; numeric values go to quantile bins of the pooled sample, categories to their top-k index. */
function binFeature(name: string, cols: [Column, Column], rows: [Uint32Array, Uint32Array]): BinnedFeature | null {
  const n = rows[0].length + rows[1].length;
  const bins = new Uint8Array(n);
  if (isNumeric(cols[0]) && isNumeric(cols[1])) {
    const vals: number[] = [];
    for (let s = 0; s < 2; s++) {
      const v = (cols[s] as { values: Float64Array }).values;
      for (const r of rows[s]) if (v[r] === v[r]) vals.push(v[r]);
    }
    if (vals.length === 0) return null;
    vals.sort((a, b) => a - b);
    const edges: number[] = [];
    for (let k = 1; k < MAX_BINS - 1; k++) {
      const e = vals[Math.floor((k * vals.length) / (MAX_BINS - 1))];
      if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
    }
    let j = 0;
    for (let s = 0; s < 2; s++) {
      const v = (cols[s] as { values: Float64Array }).values;
      for (const r of rows[s]) {
        const x = v[r];
        if (x !== x) bins[j++] = 0;
        else {
          let lo = 0;
          let hi = edges.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (edges[mid] < x) lo = mid + 1;
            else hi = mid;
          }
          bins[j++] = 1 + lo;
        }
      }
    }
    return { name, bins, nBins: edges.length + 2, ordered: true };
  }
  if (!isNumeric(cols[0]) && !isNumeric(cols[1]) && cols[0].kind === 'categorical') {
    const counts = new Map<string, number>();
    const texts: (string | null)[] = [];
    for (let s = 0; s < 2; s++) for (const r of rows[s]) {
      const t = cellText(cols[s], r);
      texts.push(t);
      if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_BINS - 2).map((e) => e[0]);
    const index = new Map(top.map((t, i) => [t, i + 2]));
    texts.forEach((t, i) => (bins[i] = t === null ? 0 : index.get(t) ?? 1));
    return { name, bins, nBins: top.length + 2, ordered: false };
  }
  return null;
}

interface Stump {
  feature: number;
  threshold: number;
  ordered: boolean;
  left: number;
  right: number;
}

function goesLeft(s: Stump, bin: number): boolean {
  return s.ordered ? bin <= s.threshold : bin === s.threshold;
}

function fit(features: BinnedFeature[], y: Uint8Array, train: Uint32Array, gains: Float64Array): Stump[] {
  const F = new Float64Array(y.length);
  const stumps: Stump[] = [];
  const G = new Float64Array(MAX_BINS);
  const H = new Float64Array(MAX_BINS);
  const g = new Float64Array(y.length);
  const h = new Float64Array(y.length);
  for (let round = 0; round < ROUNDS; round++) {
    let gT = 0;
    let hT = 0;
    for (const i of train) {
      const p = 1 / (1 + Math.exp(-F[i]));
      g[i] = y[i] - p;
      h[i] = p * (1 - p);
      gT += g[i];
      hT += h[i];
    }
    let best: Stump | null = null;
    let bestGain = 0;
    const parent = (gT * gT) / (hT + LAMBDA);
    features.forEach((f, fi) => {
      G.fill(0);
      H.fill(0);
      for (const i of train) {
        G[f.bins[i]] += g[i];
        H[f.bins[i]] += h[i];
      }
      let gl = 0;
      let hl = 0;
      for (let t = 0; t < f.nBins - 1; t++) {
        if (f.ordered) {
          gl += G[t];
          hl += H[t];
        } else {
          gl = G[t];
          hl = H[t];
        }
        const gr = gT - gl;
        const hr = hT - hl;
        const gain = (gl * gl) / (hl + LAMBDA) + (gr * gr) / (hr + LAMBDA) - parent;
        if (gain > bestGain) {
          bestGain = gain;
          best = { feature: fi, threshold: t, ordered: f.ordered, left: gl / (hl + LAMBDA), right: gr / (hr + LAMBDA) };
        }
      }
    });
    if (!best) break;
    const s: Stump = best;
    gains[s.feature] += bestGain;
    stumps.push(s);
    const bins = features[s.feature].bins;
    for (const i of train) F[i] += LEARNING_RATE * (goesLeft(s, bins[i]) ? s.left : s.right);
  }
  return stumps;
}

function predict(stumps: Stump[], features: BinnedFeature[], i: number): number {
  let f = 0;
  for (const s of stumps) f += LEARNING_RATE * (goesLeft(s, features[s.feature].bins[i]) ? s.left : s.right);
  return 1 / (1 + Math.exp(-f));
}

export function domainClassifier(ctx: AnalysisContext): DatasetDriftSection['classifier'] {
  const o = ctx.options.drift;
  const rng = mulberry32(ctx.options.seed);
  const nT = Math.min(ctx.train.rows, o.classifierSample);
  const nP = Math.min(ctx.prod.rows, o.classifierSample);
  if (nT < 20 || nP < 20) return null;
  const rows: [Uint32Array, Uint32Array] = [sampleIndices(ctx.train.rows, nT, rng), sampleIndices(ctx.prod.rows, nP, rng)];
  const features: BinnedFeature[] = [];
  for (const pair of ctx.shared) {
    if (!isFeature(ctx, pair.name)) continue;
    const f = binFeature(pair.name, [pair.train, pair.prod], rows);
    if (f) features.push(f);
  }
  if (features.length === 0) return null;
  const n = nT + nP;
  const y = new Uint8Array(n);
  y.fill(1, nT);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, rng);
  const folds = Math.max(2, o.classifierFolds);
  const oof = new Float64Array(n);
  const gains = new Float64Array(features.length);
  const aucs: number[] = [];
  for (let k = 0; k < folds; k++) {
    const test: number[] = [];
    const train: number[] = [];
    order.forEach((i, j) => (j % folds === k ? test : train).push(i));
    const stumps = fit(features, y, Uint32Array.from(train), gains);
    const scores = test.map((i) => (oof[i] = predict(stumps, features, i)));
    aucs.push(rocAuc(scores, test.map((i) => y[i])));
  }
  const auc = aucs.reduce((s, a) => s + a, 0) / aucs.length;
  const totalGain = gains.reduce((s, g) => s + g, 0) || 1;
  const topFeatures = features
    .map((f, i) => ({ name: f.name, importance: gains[i] / totalGain }))
    .sort((a, b) => b.importance - a.importance)
    .slice(0, 10);
  const shown = topFeatures.slice(0, 6).map((f) => f.name);
  const prodCols = new Map(ctx.prod.columns.map((c) => [c.name, c]));
  const mostUnlikeRows = Array.from({ length: nP }, (_, j) => ({ row: rows[1][j], score: oof[nT + j] }))
    .sort((a, b) => b.score - a.score)
    .slice(0, UNLIKE_ROWS)
    .map((r) => ({
      row: r.row,
      score: r.score,
      values: Object.fromEntries(shown.map((name) => [name, cellText(prodCols.get(name)!, r.row)])),
    }));
  return { auc, folds, sampleSize: n, model: `boosted stumps (${ROUNDS} rounds)`, topFeatures, mostUnlikeRows };
}
