/**
 * Data quality, production against training: null-rate spikes, values outside the training range, rows with any
 * feature far outside the training distribution (out-of-distribution rows), categories never seen in training,
 * and columns that became constant.
 */
import { isNumeric, nullCount, type NumericColumn, type StringColumn } from '../io/table';
import type { Finding, QualitySection, Severity } from '../report/types';
import { categoryCounts } from './columnDrift';
import { findingId, isFeature, type AnalysisContext, type AnalysisResult } from './context';

function pct(x: number): string {
  return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
}

function grade(x: number, warning: number, critical: number): Severity | null {
  return x >= critical ? 'critical' : x >= warning ? 'warning' : null;
}

function moments(c: NumericColumn): { min: number; max: number; mean: number; std: number; n: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  const v = c.values;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max, mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, n };
}

function isZeroOne(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] === v[i] && v[i] !== 0 && v[i] !== 1) return false;
  return true;
}

function distinct(c: NumericColumn | StringColumn): number {
  if (isNumeric(c)) {
    const s = new Set<number>();
    for (let i = 0; i < c.values.length && s.size < 2; i++) if (c.values[i] === c.values[i]) s.add(c.values[i]);
    return s.size;
  }
  return categoryCounts(c).size;
}

export function analyzeQuality(ctx: AnalysisContext): AnalysisResult<QualitySection> {
  const q = ctx.options.quality;
  const findings: Finding[] = [];
  const oodRow = new Uint8Array(ctx.prod.rows);
  const trainOodRow = new Uint8Array(ctx.train.rows);
  let oodColumns = 0;
  for (const pair of ctx.shared) {
    const { name, train, prod } = pair;
    // Null spikes matter for every column, the label and prediction included.
    const tn = train.kind === prod.kind || isNumeric(train) === isNumeric(prod) ? nullCount(train) / Math.max(1, ctx.train.rows) : 0;
    const pn = nullCount(prod) / Math.max(1, ctx.prod.rows);
    const spike = grade(pn - tn, q.nullSpikeWarning, q.nullSpikeCritical);
    if (spike) {
      findings.push({
        id: findingId('null_spike', [name]),
        type: 'null_spike',
        severity: spike,
        columns: [name],
        title: `${name}: nulls ${pct(tn)} → ${pct(pn)}`,
        evidence: `${name} is null in ${pct(tn)} of training rows and ${pct(pn)} of production rows (+${pct(pn - tn)}).`,
        mitigation: `Find where ${name} stops being filled in production (an upstream join, a renamed source field, a timeout); until fixed, impute it as in training.`,
        data: { train: tn, prod: pn },
        target: 'schema',
      });
    }
    if (!isFeature(ctx, name)) continue;
    const dTrain = distinct(train as NumericColumn | StringColumn);
    const dProd = distinct(prod as NumericColumn | StringColumn);
    if (dProd === 1 && dTrain > 1) {
      findings.push({
        id: findingId('constant_column', [name]),
        type: 'constant_column',
        severity: 'warning',
        columns: [name],
        title: `${name} is constant in production`,
        evidence: `${name} takes a single value in every non-null production row, but varies in training.`,
        mitigation: `Check whether ${name} is still being computed in production or is filled with a default.`,
        target: 'schema',
      });
    }
    if (isNumeric(train) && isNumeric(prod) && train.kind === 'numeric' && prod.kind === 'numeric') {
      const t = moments(train);
      const p = prod.values;
      let outside = 0;
      let present = 0;
      const lo = t.mean - q.oodK * t.std;
      const hi = t.mean + q.oodK * t.std;
      let anyOod = false;
      // A 0/1 flag with few ones puts every 1 several std from the mean: std distance means nothing there.
      const zeroOne = isZeroOne(train.values);
      for (let i = 0; i < p.length; i++) {
        const x = p[i];
        if (x !== x) continue;
        present++;
        if (x < t.min || x > t.max) outside++;
        if (t.std > 0 && !zeroOne && (x < lo || x > hi)) {
          oodRow[i] = 1;
          anyOod = true;
        }
      }
      if (anyOod) oodColumns++;
      // The same rule on training rows: heavy-tailed features put some training rows beyond k std too, and only the
      // excess over that baseline says production left the training distribution.
      if (t.std > 0 && !isZeroOne(train.values)) {
        const tv = train.values;
        for (let i = 0; i < tv.length; i++) if (tv[i] < lo || tv[i] > hi) trainOodRow[i] = 1;
      }
      const share = present === 0 ? 0 : outside / present;
      const sev = grade(share, q.outOfRangeWarning, q.outOfRangeCritical);
      if (sev) {
        const pm = moments(prod);
        findings.push({
          id: findingId('out_of_range', [name]),
          type: 'out_of_range',
          severity: sev,
          columns: [name],
          title: `${name}: ${pct(share)} of production values outside the training range`,
          evidence: `Training range [${t.min.toPrecision(6)}, ${t.max.toPrecision(6)}]; production range [${pm.min.toPrecision(6)}, ${pm.max.toPrecision(6)}]; ${outside} of ${present} production values fall outside.`,
          mitigation: `The model never saw such values of ${name}; check the units and the source, and clip or retrain if the values are real.`,
          data: { share, trainMin: t.min, trainMax: t.max, prodMin: pm.min, prodMax: pm.max },
          target: 'drift',
        });
      }
    }
    if (!isNumeric(train) && !isNumeric(prod) && train.kind === 'categorical') {
      const tc = categoryCounts(train);
      const pc = categoryCounts(prod);
      let newRows = 0;
      let total = 0;
      const fresh: [string, number][] = [];
      for (const [v, n] of pc) {
        total += n;
        if (!tc.has(v)) {
          newRows += n;
          fresh.push([v, n]);
        }
      }
      const share = total === 0 ? 0 : newRows / total;
      const sev = grade(share, q.newCategoryWarning, q.newCategoryCritical) ?? (fresh.length > 0 ? 'info' : null);
      if (sev) {
        fresh.sort((a, b) => b[1] - a[1]);
        const list = fresh.slice(0, 5).map(([v, n]) => `"${v}" (${pct(n / total)})`).join(', ');
        findings.push({
          id: findingId('new_category', [name]),
          type: 'new_category',
          severity: sev,
          columns: [name],
          title: `${name}: ${fresh.length} categor${fresh.length === 1 ? 'y' : 'ies'} never seen in training (${pct(share)} of rows)`,
          evidence: `New in production: ${list}${fresh.length > 5 ? ` and ${fresh.length - 5} more` : ''}.`,
          mitigation: `Decide how the model should treat the new values of ${name} (map them to a known category or "other"), and retrain once there is enough labelled data for them.`,
          data: { share, categories: fresh.slice(0, 20).map(([v, n]) => ({ value: v, count: n })) },
          target: 'drift',
        });
      }
    }
  }
  let oodRows = 0;
  for (let i = 0; i < oodRow.length; i++) oodRows += oodRow[i];
  const oodRowShare = ctx.prod.rows === 0 ? 0 : oodRows / ctx.prod.rows;
  let trainOodRows = 0;
  for (let i = 0; i < trainOodRow.length; i++) trainOodRows += trainOodRow[i];
  const trainOodShare = ctx.train.rows === 0 ? 0 : trainOodRows / ctx.train.rows;
  const sev = grade(oodRowShare - trainOodShare, q.outOfRangeWarning, q.outOfRangeCritical);
  if (sev) {
    findings.push({
      id: findingId('ood_rows', []),
      type: 'ood_rows',
      severity: sev,
      columns: [],
      title: `${pct(oodRowShare)} of production rows have a feature beyond ${q.oodK} training std`,
      evidence: `${oodRows} of ${ctx.prod.rows} production rows have at least one numeric feature more than ${q.oodK} standard deviations from its training mean (${oodColumns} features contribute); by the same rule ${pct(trainOodShare)} of training rows are that far out.`,
      mitigation: 'Look at these rows first: they are where the model extrapolates. The drift table names the features responsible.',
      data: { share: oodRowShare, rows: oodRows, trainShare: trainOodShare },
      target: 'drift',
    });
  }
  return { section: { oodRowShare, trainOodRowShare: trainOodShare, oodK: q.oodK }, findings };
}
