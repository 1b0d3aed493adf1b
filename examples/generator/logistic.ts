/**
 * The sample's "production model": a logistic regression on standardised numeric features, fitted by Newton's method
 * (IRLS) with a tiny ridge so that a nearly separating feature (the leaky one) still gives finite coefficients.
 * Deterministic: fixed iteration order, no randomness.
 */
import { logistic } from './population';

export interface LogisticModel {
  features: string[];
  /** Training mean per feature; also the value imputed for nulls. */
  mean: number[];
  std: number[];
  /** Training range per feature: scoring clips inputs to it, a common guard in serving code. */
  min: number[];
  max: number[];
  intercept: number;
  /** Per standardised feature. */
  coef: number[];
}

/** Columns of raw feature values (NaN = null), one Float64Array per feature, all of the same length. */
export type FeatureColumns = Float64Array[];

function columnStats(values: Float64Array): { mean: number; std: number; min: number; max: number } {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let ss = 0;
  for (const v of values) if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  const std = Math.sqrt(ss / (n - 1)) || 1;
  return { mean, std, min, max };
}

/** Solves A x = b in place by Gaussian elimination with partial pivoting (A is small and well-conditioned here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
    [a[k], a[p]] = [a[p], a[k]];
    [b[k], b[p]] = [b[p], b[k]];
    for (let i = k + 1; i < n; i++) {
      const f = a[i][k] / a[k][k];
      for (let j = k; j < n; j++) a[i][j] -= f * a[k][j];
      b[i] -= f * b[k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
  return x;
}

function standardise(model: Omit<LogisticModel, 'intercept' | 'coef'>, columns: FeatureColumns, clip: boolean): Float64Array[] {
  return columns.map((col, j) => {
    const out = new Float64Array(col.length);
    for (let i = 0; i < col.length; i++) {
      let v = Number.isNaN(col[i]) ? model.mean[j] : col[i];
      if (clip) v = v < model.min[j] ? model.min[j] : v > model.max[j] ? model.max[j] : v;
      out[i] = (v - model.mean[j]) / model.std[j];
    }
    return out;
  });
}

export function fitLogistic(features: string[], columns: FeatureColumns, labels: ArrayLike<number>, ridge = 1e-3): LogisticModel {
  const stats = columns.map(columnStats);
  const scaling = {
    features,
    mean: stats.map((s) => s.mean),
    std: stats.map((s) => s.std),
    min: stats.map((s) => s.min),
    max: stats.map((s) => s.max),
  };
  const z = standardise(scaling, columns, false);
  const p = features.length + 1;
  const n = labels.length;
  const beta = new Array<number>(p).fill(0);
  const eta = new Float64Array(n);
  for (let iter = 0; iter < 50; iter++) {
    const h = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const g = new Array<number>(p).fill(0);
    const row = new Array<number>(p);
    row[0] = 1;
    for (let i = 0; i < n; i++) {
      let e = beta[0];
      for (let j = 1; j < p; j++) {
        row[j] = z[j - 1][i];
        e += beta[j] * row[j];
      }
      eta[i] = e;
      const mu = logistic(e);
      const w = mu * (1 - mu);
      const r = labels[i] - mu;
      for (let a = 0; a < p; a++) {
        g[a] += row[a] * r;
        const wa = w * row[a];
        for (let b = a; b < p; b++) h[a][b] += wa * row[b];
      }
    }
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < a; b++) h[a][b] = h[b][a];
      // The ridge spares the intercept so the base rate is matched exactly.
      if (a > 0) {
        h[a][a] += ridge * n;
        g[a] -= ridge * n * beta[a];
      }
    }
    const step = solve(h, g);
    let biggest = 0;
    for (let a = 0; a < p; a++) {
      beta[a] += step[a];
      biggest = Math.max(biggest, Math.abs(step[a]));
    }
    if (biggest < 1e-9) break;
  }
  return { ...scaling, intercept: beta[0], coef: beta.slice(1) };
}

/** Predicted probabilities; nulls get the training mean and inputs are clipped to the training range. */
export function scoreLogistic(model: LogisticModel, columns: FeatureColumns): Float64Array {
  const z = standardise(model, columns, true);
  const n = columns[0].length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = model.intercept;
    for (let j = 0; j < z.length; j++) e += model.coef[j] * z[j][i];
    out[i] = logistic(e);
  }
  return out;
}
