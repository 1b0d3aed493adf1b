/**
 * Target leakage: a feature that predicts the label almost perfectly in training and loses that power in
 * production, or whose name says it is only known after the outcome.
 *
 * Power is the univariate ROC AUC of the feature alone, folded to max(AUC, 1−AUC) in training; production keeps the
 * training orientation, so a reversed relation shows as a drop. Numeric features score by value (and by whether the
 * value is missing, placed below or above every value — a chargeback amount that exists only for frauds leaks through
 * its missingness). Categorical features score by the per-category training positive rate, out-of-fold in training
 * (2 folds, shrunk toward the overall rate) so that a high-cardinality column cannot score 1 by memorising its rows.
 * A leaking feature's own distribution may not move at all, so drift statistics miss it; this check does not look at
 * the marginal distribution.
 */
import { isNumeric, type Column, type NumericColumn, type StringColumn } from '../io/table';
import type { Finding, LeakageSection, Severity } from '../report/types';
import { rocAuc } from '../stats/auc';
import { mulberry32 } from '../stats/random';
import { findingId, isFeature, type AnalysisContext } from './context';
import { codeMap, num, pct, rowSample, subsetColumn, subsetValues } from './crossFile';
import { outcomeSpec, rowOutcomes } from './outcome';

export type FeaturePower = LeakageSection['featurePower'][number] & {
  /** Raw (unfolded) training AUC < 0.5: the feature predicts the negative class. */
  reversed: boolean;
  trainNullShare: number;
  prodNullShare: number | null;
};

/** Names of values that exist only after the outcome (collections, chargebacks, refunds, closure, days past due…). */
const POST_OUTCOME_SUBSTRINGS = /chargeback|charge_?off|write_?off|paid_?off|payoff|collection|recover|refund|settle|days_?past_?due|default_?date/i;
/** Short words that are only telling as whole tokens (`after` in `after_call`, not in `rafters`). */
const POST_OUTCOME_TOKENS = new Set(['outcome', 'outcomes', 'resolved', 'closed', 'closure', 'after', 'post', 'dpd']);

/** True when a column name says its value is known only after the outcome. */
export function postOutcomeName(name: string): boolean {
  if (POST_OUTCOME_SUBSTRINGS.test(name)) return true;
  const tokens = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return tokens.some((t) => POST_OUTCOME_TOKENS.has(t));
}

/** Binary labels per file: classification → 0/1 (positive class chosen on training); regression → above the training median. */
export function binaryLabels(ctx: AnalysisContext): { train: Float64Array; prod: Float64Array | null } | null {
  const name = ctx.roles.label;
  if (!name) return null;
  const tl = ctx.train.columns.find((c) => c.name === name);
  if (!tl) return null;
  const pl = ctx.prod.columns.find((c) => c.name === name);
  const spec = outcomeSpec(tl, ctx.options.performance.threshold);
  const train = rowOutcomes(tl, tl, spec).label;
  const prod = pl ? rowOutcomes(pl, pl, spec).label : null;
  if (spec.task === 'classification') {
    // A production label outside the training classes (a 2, a typo) is no evidence either way.
    for (const arr of prod ? [train, prod] : [train]) for (let i = 0; i < arr.length; i++) if (arr[i] !== 0 && arr[i] !== 1) arr[i] = NaN;
  } else {
    const sorted = train.filter((x) => x === x).sort();
    if (sorted.length === 0) return null;
    const med = sorted[sorted.length >> 1];
    for (const arr of prod ? [train, prod] : [train]) for (let i = 0; i < arr.length; i++) if (arr[i] === arr[i]) arr[i] = arr[i] > med ? 1 : 0;
  }
  return { train, prod };
}

function classCounts(y: Float64Array, score?: Float64Array): { pos: number; neg: number } {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < y.length; i++) {
    if (score && score[i] !== score[i]) continue;
    if (y[i] === 1) pos++;
    else if (y[i] === 0) neg++;
  }
  return { pos, neg };
}

interface Scorer {
  /** Raw AUC in training (NaN when too few rows) and the scoring used. */
  auc: number;
  via: 'values' | 'missingness' | 'categories';
  /** Raw AUC of the same scoring on production rows. */
  prodAuc: (col: Column, y: Float64Array) => number;
}

/** AUC on present values plus the class counts among present and null rows. */
function presentAuc(values: Float64Array, y: Float64Array): { auc: number; pv: number; nv: number; pn: number; nn: number } {
  let pv = 0;
  let nv = 0;
  let pn = 0;
  let nn = 0;
  for (let i = 0; i < y.length; i++) {
    const lab = y[i];
    if (lab !== 0 && lab !== 1) continue;
    if (values[i] === values[i]) lab === 1 ? pv++ : nv++;
    else lab === 1 ? pn++ : nn++;
  }
  return { auc: pv && nv ? rocAuc(values, y) : NaN, pv, nv, pn, nn };
}

/**
 * AUC when nulls are scored below (`low`) or above every value, from the present-value AUC and the counts alone —
 * no second sort. Pairs: both present → AUC·Pv·Nv; present positive vs null negative → Pv·Nn wins when nulls are low;
 * null positive vs present negative → Pn·Nv wins when nulls are high; null vs null → ties, half each.
 */
function nullPlacedAuc(s: ReturnType<typeof presentAuc>, low: boolean): number {
  const p = s.pv + s.pn;
  const n = s.nv + s.nn;
  if (!p || !n) return NaN;
  const both = s.pv && s.nv ? s.auc * s.pv * s.nv : 0;
  return (both + (low ? s.pv * s.nn : s.pn * s.nv) + (s.pn * s.nn) / 2) / (p * n);
}

function numericScorer(col: NumericColumn, y: Float64Array, minRows: number): Scorer | null {
  const st = presentAuc(col.values, y);
  const candidates: Scorer[] = [];
  if (st.pv >= minRows && st.nv >= minRows) candidates.push({ auc: st.auc, via: 'values', prodAuc: (c, py) => rocAuc((c as NumericColumn).values, py) });
  const nulls = st.pn + st.nn;
  const present = st.pv + st.nv;
  if (nulls >= minRows && present >= minRows) {
    for (const low of [true, false]) {
      candidates.push({ auc: nullPlacedAuc(st, low), via: 'missingness', prodAuc: (c, py) => nullPlacedAuc(presentAuc((c as NumericColumn).values, py), low) });
    }
  }
  let best: Scorer | null = null;
  for (const s of candidates) if (s.auc === s.auc && (!best || Math.abs(s.auc - 0.5) > Math.abs(best.auc - 0.5))) best = s;
  return best;
}

function categoricalScorer(col: StringColumn, y: Float64Array, minRows: number, m: number, seed: number): Scorer | null {
  const cc = classCounts(y);
  if (cc.pos < minRows || cc.neg < minRows) return null;
  const k = col.dictionary.length + 1; // last slot: null as its own category
  const slot = (code: number): number => (code < 0 ? k - 1 : code);
  const prior = cc.pos / (cc.pos + cc.neg);
  const rng = mulberry32(seed);
  const fold = new Uint8Array(y.length);
  const pos = [new Float64Array(k), new Float64Array(k)];
  const cnt = [new Float64Array(k), new Float64Array(k)];
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== y[i]) continue;
    const f = (fold[i] = rng() < 0.5 ? 0 : 1);
    const s = slot(col.codes[i]);
    cnt[f][s]++;
    pos[f][s] += y[i];
  }
  // Out-of-fold: a row is scored by the rate of its category in the other fold.
  const score = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const o = 1 - fold[i];
    const s = slot(col.codes[i]);
    score[i] = (pos[o][s] + m * prior) / (cnt[o][s] + m);
  }
  const rate = new Float64Array(k);
  for (let s = 0; s < k; s++) rate[s] = (pos[0][s] + pos[1][s] + m * prior) / (cnt[0][s] + cnt[1][s] + m);
  return {
    auc: rocAuc(score, y),
    via: 'categories',
    prodAuc: (c, py) => {
      const p = c as StringColumn;
      const map = codeMap(col, p);
      const out = new Float64Array(p.codes.length);
      for (let i = 0; i < out.length; i++) {
        const code = p.codes[i];
        out[i] = code < 0 ? rate[k - 1] : map[code] >= 0 ? rate[map[code]] : prior;
      }
      return rocAuc(out, py);
    },
  };
}

function nullShare(c: Column): number {
  const n = isNumeric(c) ? c.values.length : c.codes.length;
  let k = 0;
  if (isNumeric(c)) for (let i = 0; i < n; i++) k += c.values[i] !== c.values[i] ? 1 : 0;
  else for (let i = 0; i < n; i++) k += c.codes[i] < 0 ? 1 : 0;
  return n ? k / n : 0;
}

/** Univariate power of every feature (training columns that are features; production where the column exists). */
export function featurePower(ctx: AnalysisContext): FeaturePower[] | null {
  const labels = binaryLabels(ctx);
  if (!labels) return null;
  const o = ctx.options.leakage;
  // Above aucMaxRows rows per file, AUCs run on a seeded uniform sample (±0.002 at 200k rows): sorting every feature
  // of a multi-million-row file buys no decision.
  const tRows = rowSample(ctx.train.rows, o.aucMaxRows, ctx.options.seed);
  const pRows = rowSample(ctx.prod.rows, o.aucMaxRows, ctx.options.seed + 1);
  const trainY = subsetValues(labels.train, tRows);
  const prodY = labels.prod ? subsetValues(labels.prod, pRows) : null;
  const prodLabels = prodY && classCounts(prodY).pos >= o.leakMinRows && classCounts(prodY).neg >= o.leakMinRows ? prodY : null;
  const out: FeaturePower[] = [];
  ctx.train.columns.forEach((full, idx) => {
    if (!isFeature(ctx, full.name) || full.kind === 'text' || full.kind === 'id') return;
    const col = subsetColumn(full, tRows);
    const scorer = isNumeric(col)
      ? numericScorer(col, trainY, o.leakMinRows)
      : categoricalScorer(col, trainY, o.leakMinRows, o.categorySmoothing, ctx.options.seed + idx);
    const named = postOutcomeName(col.name);
    if (!scorer && !named) return;
    const prodFull = ctx.prod.columns.find((c) => c.name === col.name && isNumeric(c) === isNumeric(col));
    const prodCol = prodFull ? subsetColumn(prodFull, pRows) : undefined;
    const reversed = scorer ? scorer.auc < 0.5 : false;
    let prodAuc: number | null = null;
    if (scorer && prodCol && prodLabels) {
      const raw = scorer.prodAuc(prodCol, prodLabels);
      // A feature that is all null in production has no power there at all.
      prodAuc = raw === raw ? (reversed ? 1 - raw : raw) : 0.5;
    }
    out.push({
      column: col.name,
      trainAuc: scorer ? Math.max(scorer.auc, 1 - scorer.auc) : NaN,
      prodAuc,
      via: scorer?.via,
      postOutcomeName: named || undefined,
      reversed,
      trainNullShare: nullShare(col),
      prodNullShare: prodCol ? nullShare(prodCol) : null,
    });
  });
  out.sort((a, b) => (b.trainAuc || 0) - (a.trainAuc || 0));
  return out;
}

/** Findings from the feature powers: standouts that lose power in production, and post-outcome names. */
export function targetLeakageFindings(ctx: AnalysisContext, powers: FeaturePower[]): Finding[] {
  const o = ctx.options.leakage;
  // The best feature that is not itself suspicious is the yardstick: a leak stands far above honest features.
  let baseline = 0.5;
  let baselineName: string | null = null;
  for (const p of powers) {
    if (p.trainAuc === p.trainAuc && p.trainAuc < o.leakAuc && p.trainAuc > baseline) {
      baseline = p.trainAuc;
      baselineName = p.column;
    }
  }
  const findings: Finding[] = [];
  for (const p of powers) {
    const standout = p.trainAuc >= o.leakAuc && p.trainAuc - baseline >= o.leakAucGap;
    const dropped = p.prodAuc === null ? null : p.trainAuc - p.prodAuc >= o.leakAucDrop;
    // Present in training, (nearly) absent in production: the value is not available at prediction time.
    // (At least half of the values training had are missing in production.)
    const absent = p.prodNullShare === null;
    const vanished = absent || (p.prodNullShare! > p.trainNullShare && p.prodNullShare! >= p.trainNullShare + (1 - p.trainNullShare) / 2);
    const named = p.postOutcomeName === true;
    if (!standout && !named) continue;
    let severity: Severity;
    // Two independent signs (power that vanishes in production, a post-outcome name, standing far above the rest)
    // make it critical; one makes it a warning; a standout that keeps its power in production is only noted.
    // Going missing only counts as losing power when there was power to lose.
    const lost = dropped === true || (vanished && p.trainAuc >= o.namedMinAuc);
    // A post-outcome name on a feature measured to carry (almost) no signal cannot leak much: only noted.
    const powerless = named && !standout && !lost && p.trainAuc === p.trainAuc && p.trainAuc < o.namedMinAuc;
    if ((standout && lost) || (named && (lost || (standout && dropped === null)))) severity = 'critical';
    else if (((standout && dropped === null) || named) && !powerless) severity = 'warning';
    else severity = 'info';
    const parts: string[] = [];
    if (p.trainAuc === p.trainAuc) {
      const how = p.via === 'missingness' ? ' (through whether it is missing)' : p.via === 'categories' ? ' (per-category positive rate)' : '';
      parts.push(
        `Alone, ${p.column} separates the classes in training with AUC ${num(p.trainAuc)}${how}` +
          (baselineName ? `; the best other feature, ${baselineName}, reaches ${num(baseline)}.` : '.'),
      );
    }
    if (p.prodAuc !== null) {
      parts.push(
        dropped
          ? `In production its AUC is ${num(p.prodAuc)} (−${num(p.trainAuc - p.prodAuc)}): the power does not carry over.`
          : `In production its AUC is still ${num(p.prodAuc)}, so the relation holds there too.`,
      );
    } else if (standout && !absent) {
      parts.push('Production has no usable labels, so the drop cannot be measured.');
    }
    if (absent) parts.push('It is absent from the production file: not available at prediction time.');
    else if (vanished) parts.push(`It is null in ${pct(p.prodNullShare!)} of production rows against ${pct(p.trainNullShare)} in training: not available at prediction time.`);
    if (named) parts.push(powerless ? `Its name suggests a value recorded after the outcome, but it carries almost no signal (AUC ${num(p.trainAuc)}).` : `Its name suggests a value recorded after the outcome.`);
    const drift = ctx.report.columns?.find((c) => c.name === p.column)?.drift;
    if (drift && drift.severity === 'ok' && (standout || named)) parts.push(`Its own distribution did not drift (${drift.test} ${num(drift.score)}), which is why drift checks miss it.`);
    findings.push({
      id: findingId('target_leakage', [p.column]),
      type: 'target_leakage',
      severity,
      columns: [p.column],
      title: powerless
        ? `${p.column}: the name suggests a post-outcome value, but it carries almost no signal`
        : severity === 'info'
          ? `${p.column} is a very strong predictor (AUC ${num(p.trainAuc)}) that holds in production`
          : `${p.column} looks like target leakage${p.trainAuc === p.trainAuc ? ` (training AUC ${num(p.trainAuc)}${p.prodAuc !== null ? ` → ${num(p.prodAuc)}` : ''})` : ''}`,
      evidence: parts.join(' '),
      mitigation:
        severity === 'info'
          ? `Confirm that ${p.column} is known at prediction time (check when it is written relative to the label); if it is, no action.`
          : `Drop ${p.column} from the features and retrain; check when ${p.column} is recorded relative to the label, and rebuild it from data available at prediction time if it is needed.`,
      data: { trainAuc: p.trainAuc, prodAuc: p.prodAuc, baselineAuc: baseline, baselineColumn: baselineName, via: p.via, postOutcomeName: named, standout, dropped, vanished },
      target: 'leakage',
    });
  }
  return findings;
}
