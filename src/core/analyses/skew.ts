/**
 * Same-entity train-serving skew: rows of one entity (the id role) in both files, compared feature by feature.
 * A feature computed differently at serving time (a 7-day window instead of 30, another unit, a stale source) shows
 * here even when its overall distribution looks plausible, because the same entity gets a different value.
 *
 * Values of one entity also change legitimately between a training snapshot and a later production row. Such change
 * goes both ways, or tracks the time elapsed between the two rows; skew is a change in ONE direction by a consistent
 * factor or offset, or a consistent remapping of categories. Only that is called skew (finding `entity_skew`).
 */
import { centredSums } from '../stats/centredSums';
import { isNumeric, type Column } from '../io/table';
import type { Finding, Severity, SkewColumn, SkewSection } from '../report/types';
import { findingId, isFeature, type AnalysisContext, type AnalysisResult } from './context';
import { alignedValues, comparable, DAY_MS, eventTimes, num, pct, rowSample } from './crossFile';
import { pairEntities, type EntityPairs } from './entityPairs';
import { factorLabel, nameFactor, UNIT_FACTORS, WINDOW_FACTORS } from './scaleFactors';

function median(a: Float64Array): number | null {
  if (a.length === 0) return null;
  a.sort();
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/** Median of all present production values ÷ median of all present training values (null when undefined). */
function wholeColumnRatio(t: Float64Array, p: Float64Array): number | null {
  const present = (a: Float64Array) => a.filter((x) => x === x);
  const mt = median(present(t));
  const mp = median(present(p));
  return mt !== null && mp !== null && mt !== 0 && mp / mt > 0 ? mp / mt : null;
}

function pearson(x: Float64Array, y: Float64Array, n: number): number | null {
  if (n < 3) return null;
  const { sxx, syy, sxy } = centredSums(x, y, n);
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

interface ColumnVerdict {
  stat: SkewColumn;
  /** Systematic: one direction by a consistent factor/offset, or a consistent remap. */
  systematic: boolean;
  /** Consistent direction without a systematic factor (or explained by elapsed time). */
  drifting: boolean;
  /** Share of pairs where production is null and training is not. */
  prodNullShare: number;
}

function numericSkew(ctx: AnalysisContext, name: string, t: Float64Array, p: Float64Array, pairs: EntityPairs, gaps: Float64Array | null): ColumnVerdict | null {
  const o = ctx.options.skew;
  const n = pairs.prodRows.length;
  const diffs = new Float64Array(n);
  const ratios = new Float64Array(n);
  const gapOf = new Float64Array(n);
  let m = 0;
  let nr = 0;
  let compared = 0;
  let higher = 0;
  let lower = 0;
  let prodNull = 0;
  let trainNull = 0;
  for (let k = 0; k < n; k++) {
    const a = p[pairs.prodRows[k]];
    const b = t[pairs.trainRows[k]];
    const an = a !== a;
    const bn = b !== b;
    if (an && bn) continue;
    compared++;
    if (an || bn) {
      if (an) prodNull++;
      else trainNull++;
      continue;
    }
    if (Math.abs(a - b) <= o.relativeTolerance * Math.max(Math.abs(a), Math.abs(b))) continue;
    if (a > b) higher++;
    else lower++;
    if (gaps) gapOf[m] = gaps[k];
    diffs[m++] = a - b;
    if (b !== 0 && a / b > 0) ratios[nr++] = a / b;
  }
  if (compared < o.minPairs) return null;
  const differ = m + prodNull + trainNull;
  const differShare = differ / compared;
  const elapsed = gaps ? pearson(diffs, gapOf, m) : null;
  const ratioArr = ratios.slice(0, nr);
  const diffArr = diffs.slice(0, m);
  const medianRatio = median(ratioArr);
  const medianDiff = median(diffArr);
  // Tightness around the median: a systematic factor (or offset) puts most pairs close to it.
  const band = 10 * o.relativeTolerance;
  let tightR = 0;
  // Within ±band of the median ratio, and never wider than a tenth of its own distance from 1 (so 1.02 ± 10 % is not tight).
  const logBand = medianRatio !== null ? Math.min(Math.log1p(band), Math.max(Math.log1p(o.relativeTolerance), 0.1 * Math.abs(Math.log(medianRatio)))) : 0;
  if (medianRatio !== null) for (let i = 0; i < nr; i++) if (Math.abs(Math.log(ratioArr[i] / medianRatio)) <= logBand) tightR++;
  let tightD = 0;
  if (medianDiff !== null) for (let i = 0; i < m; i++) if (Math.abs(diffArr[i] - medianDiff) <= band * Math.abs(medianDiff)) tightD++;
  const ratioTightShare = nr ? tightR / nr : 0;
  const diffTightShare = m ? tightD / m : 0;
  const higherShare = m ? higher / m : 0;
  const lowerShare = m ? lower / m : 0;
  const direction: SkewColumn['direction'] =
    differShare < o.differWarning ? 'same' : higherShare >= o.consistentShare ? 'higher' : lowerShare >= o.consistentShare ? 'lower' : 'mixed';
  const consistent = direction === 'higher' || direction === 'lower';
  const factorLike = medianRatio !== null && Math.abs(Math.log(medianRatio)) >= Math.log(o.minRatio);
  const explainedByTime = elapsed !== null && Math.abs(elapsed) >= o.elapsedCorrelation;
  // A tight but small change (+1 year of age for half the entities) is what time does; a serving bug with a
  // consistent offset or factor hits (nearly) every entity. So tightness only counts when most pairs differ.
  const tight = (ratioTightShare >= o.tightShare || diffTightShare >= o.tightShare) && differShare >= o.consistentShare;
  const systematic = consistent && (factorLike || tight) && !explainedByTime;
  // Is the whole column scaled the same way? Then it is a unit change visible without the join, not entity skew alone.
  const columnRatio = factorLike ? wholeColumnRatio(t, p) : null;
  const named = medianRatio !== null && factorLike ? nameFactor(medianRatio, [...WINDOW_FACTORS, ...UNIT_FACTORS], o.ratioNameTolerance) : null;
  return {
    stat: {
      column: name,
      pairs: compared,
      differShare,
      medianRatio,
      medianDiff,
      direction,
      higherShare,
      lowerShare,
      ratioTightShare,
      nullMismatchShare: (prodNull + trainNull) / compared,
      elapsedCorrelation: elapsed,
      ratioName: named ? `${factorLabel(named.factor)}: ${named.meaning}` : undefined,
      columnMedianRatio: columnRatio,
    },
    systematic,
    drifting: consistent && !systematic,
    prodNullShare: prodNull / compared,
  };
}

function categoricalSkew(ctx: AnalysisContext, name: string, train: Column, prod: Column, t: Float64Array, p: Float64Array, pairs: EntityPairs): ColumnVerdict | null {
  const o = ctx.options.skew;
  const label = (c: Column, v: number): string => (v !== v ? 'null' : isNumeric(c) ? String(v) : (c.dictionary[v] ?? 'unseen'));
  const fromTotal = new Map<number, number>();
  const moves = new Map<number, Map<number, number>>();
  let compared = 0;
  let differ = 0;
  let prodNull = 0;
  const NULL = -1e308; // a null as a map key
  // Destinations are keyed by the production cell itself, so a value unseen in training keeps its own name.
  const raw = isNumeric(prod) ? prod.values : null;
  const codes = isNumeric(prod) ? null : prod.codes;
  for (let k = 0; k < pairs.prodRows.length; k++) {
    const i = pairs.prodRows[k];
    const a = p[i];
    const b = t[pairs.trainRows[k]];
    if (a !== a && b !== b) continue;
    compared++;
    const from = b === b ? b : NULL;
    fromTotal.set(from, (fromTotal.get(from) ?? 0) + 1);
    if (a === b) continue;
    differ++;
    if (a !== a) prodNull++;
    const to = a !== a ? NULL : raw ? raw[i] : codes![i];
    let row = moves.get(from);
    if (!row) moves.set(from, (row = new Map()));
    row.set(to, (row.get(to) ?? 0) + 1);
  }
  if (compared < o.minPairs) return null;
  // A remap changes (nearly) every entity of a value, always to the same value; genuine change does neither.
  let remapped = 0;
  const transitions: { from: string; to: string; share: number }[] = [];
  for (const [from, row] of moves) {
    let best = 0;
    let bestTo = 0;
    let changed = 0;
    for (const [to, c] of row) {
      changed += c;
      if (c > best) {
        best = c;
        bestTo = to;
      }
    }
    if (changed / fromTotal.get(from)! >= o.consistentShare) remapped += best;
    // Prod codes were aligned to training codes; unseen production strings have no training label to show.
    transitions.push({ from: label(train, from === NULL ? NaN : from), to: label(prod, bestTo === NULL ? NaN : bestTo), share: differ ? best / differ : 0 });
  }
  transitions.sort((x, y) => y.share - x.share);
  const differShare = differ / compared;
  const systematic = differShare >= o.differWarning && differ > 0 && remapped / differ >= o.consistentShare;
  return {
    stat: {
      column: name,
      pairs: compared,
      differShare,
      medianRatio: null,
      medianDiff: null,
      direction: differShare < o.differWarning ? 'same' : 'mixed',
      transitions: transitions.slice(0, 5),
      nullMismatchShare: prodNull / compared,
    },
    systematic,
    drifting: false,
    prodNullShare: prodNull / compared,
  };
}

function skewFinding(ctx: AnalysisContext, v: ColumnVerdict, pairs: EntityPairs): Finding | null {
  const o = ctx.options.skew;
  const s = v.stat;
  const nullSkew = v.prodNullShare >= o.differWarning;
  if (!v.systematic && !v.drifting && !nullSkew) return null;
  const severity: Severity = v.systematic || nullSkew ? (s.differShare >= o.differCritical ? 'critical' : 'warning') : 'info';
  const join = pairs.byTime ? `paired on ${pairs.idColumn} with the latest earlier training row` : `paired on ${pairs.idColumn}`;
  const parts = [`For ${s.pairs} production rows ${join}, ${s.column} differs in ${pct(s.differShare)} of pairs`];
  if (s.direction === 'higher' || s.direction === 'lower') {
    const share = s.direction === 'higher' ? s.higherShare! : s.lowerShare!;
    parts[0] += `; production is ${s.direction} in ${pct(share)} of them, median ratio prod/train ${num(s.medianRatio)}, median difference ${num(s.medianDiff)}`;
  }
  if (s.transitions?.length) parts[0] += `; commonest changes ${s.transitions.slice(0, 3).map((x) => `${x.from} → ${x.to} (${pct(x.share)})`).join(', ')}`;
  parts[0] += '.';
  if (s.ratioName) parts.push(`The ratio ≈ ${s.ratioName}`);
  const whole = s.columnMedianRatio;
  if (whole != null && s.medianRatio !== null && Math.abs(Math.log(whole / s.medianRatio)) <= Math.log1p(10 * o.relativeTolerance)) {
    parts.push(`The whole production column is scaled the same way (median ×${num(whole)}), so this shows without the join too (see scale_change).`);
  }
  if (nullSkew) parts.push(`Production has no value in ${pct(v.prodNullShare)} of pairs where training had one.`);
  if (v.drifting) {
    parts.push(
      s.elapsedCorrelation !== null && s.elapsedCorrelation !== undefined && Math.abs(s.elapsedCorrelation) >= o.elapsedCorrelation
        ? `The change tracks the time between the two rows (correlation ${num(s.elapsedCorrelation)}): a later snapshot, not skew.`
        : 'The change has no consistent factor: possibly a later snapshot with genuinely changed values; check before calling it skew.',
    );
  }
  const drift = ctx.report.columns?.find((c) => c.name === s.column)?.drift;
  if (drift && severity !== 'info') parts.push(`Its overall distribution ${drift.severity === 'ok' ? 'looks plausible' : 'also drifted'} (${drift.test} ${num(drift.score)}).`);
  return {
    id: findingId('entity_skew', [s.column]),
    type: 'entity_skew',
    severity,
    columns: [s.column],
    title:
      severity === 'info'
        ? `${s.column} changed for the same entities (consistently ${s.direction}), without a skew signature`
        : nullSkew && !v.systematic
          ? `${s.column} is missing in production for ${pct(v.prodNullShare)} of entities that had it in training`
          : s.transitions?.length
          ? `${s.column} is remapped in production for the same entities (${s.transitions[0].from} → ${s.transitions[0].to})`
          : `${s.column} is computed differently in production for the same entities` + (s.medianRatio !== null ? ` (×${num(s.medianRatio)})` : ''),
    evidence: parts.join(' '),
    mitigation:
      severity === 'info'
        ? `Compare how ${s.column} is computed in training and serving for a few of these entities to rule out skew.`
        : `Fix the serving pipeline so ${s.column} is computed exactly as in training (same window, unit, source and null handling), then re-run this comparison; retraining will not help while serving differs.`,
    data: { ...s },
    target: 'skew',
  };
}

/** Keep a seeded uniform sample of `cap` pairs (medians and shares need no more). */
function capPairs(p: EntityPairs, cap: number, seed: number): EntityPairs {
  const keep = rowSample(p.prodRows.length, cap, seed);
  if (!keep) return p;
  const prodRows = new Int32Array(keep.length);
  const trainRows = new Int32Array(keep.length);
  for (let k = 0; k < keep.length; k++) {
    prodRows[k] = p.prodRows[keep[k]];
    trainRows[k] = p.trainRows[keep[k]];
  }
  return { ...p, prodRows, trainRows };
}

export function analyzeSkew(ctx: AnalysisContext): AnalysisResult<SkewSection | null> {
  const all = pairEntities(ctx);
  if (!all || all.sharedEntities === 0) return { section: null, findings: [] };
  const o = ctx.options.skew;
  const pairs = capPairs(all, o.maxPairs, ctx.options.seed);
  let gaps: Float64Array | null = null;
  if (pairs.byTime) {
    const tt = eventTimes(ctx.train.columns.find((c) => c.name === ctx.roles.time))!;
    const pt = eventTimes(ctx.prod.columns.find((c) => c.name === ctx.roles.time))!;
    gaps = new Float64Array(pairs.prodRows.length);
    for (let k = 0; k < gaps.length; k++) gaps[k] = (pt[pairs.prodRows[k]] - tt[pairs.trainRows[k]]) / DAY_MS;
  }
  const verdicts: ColumnVerdict[] = [];
  if (pairs.matchedEntities >= o.minPairs) {
    for (const pair of ctx.shared) {
      // Dates move with every snapshot and free text has no direction: neither says anything about serving skew.
      const k = pair.train.kind;
      if (!isFeature(ctx, pair.name) || !comparable(pair.train, pair.prod) || k === 'datetime' || k === 'text' || k === 'id') continue;
      const v = alignedValues(pair.train, pair.prod);
      const verdict =
        pair.train.kind === 'numeric' && pair.prod.kind === 'numeric'
          ? numericSkew(ctx, pair.name, v.train, v.prod, pairs, gaps)
          : categoricalSkew(ctx, pair.name, pair.train, pair.prod, v.train, v.prod, pairs);
      if (verdict) verdicts.push(verdict);
    }
  }
  const findings: Finding[] = [];
  for (const v of verdicts) {
    const f = skewFinding(ctx, v, pairs);
    if (f) {
      findings.push(f);
      if (f.severity !== 'info') v.stat.skewed = true;
    }
  }
  verdicts.sort((a, b) => Number(b.systematic) - Number(a.systematic) || b.stat.differShare - a.stat.differShare);
  const joinNote = pairs.byTime
    ? `Each production row is paired with the latest training row of the same ${pairs.idColumn} dated at or before it, so later snapshots are not compared with earlier ones.`
    : `Each production row is paired with the last training row of the same ${pairs.idColumn} (no shared datetime time role to order them).`;
  return {
    section: {
      idColumn: pairs.idColumn,
      joinedOn: pairs.joinedOn,
      matchedEntities: pairs.matchedEntities,
      columns: verdicts.map((v) => v.stat),
      pairs: all.prodRows.length,
      joinNote:
        (pairs.matchedEntities < o.minPairs ? `${joinNote} Only ${pairs.matchedEntities} entities matched (fewer than ${o.minPairs}): not compared.` : joinNote) +
        (pairs !== all ? ` ${pairs.prodRows.length} of the ${all.prodRows.length} pairs were compared (seeded uniform sample).` : ''),
    },
    findings,
  };
}
