/**
 * Cause signatures: drift with a recognisable mechanical cause, named so that the fix is obvious.
 * - `scale_change`: production ≈ a·training + b on matched quantiles (p05…p95) with a far from 1 — a unit change
 *   (×1000, cents/dollars, inches/cm…), globally or inside one segment of a categorical column;
 * - `restandardized`: mean≈0 / std≈1 in one file and not in the other (scaler skipped, applied twice, or re-fit on
 *   production data), or exactly 0/1 in production (a scaler fit on production itself);
 * - `type_change` (qualifier `unit`): a numeric column that arrives as strings with units ("118 min", "$1,200") or
 *   vice versa — which unit to strip, and whether the parsed numbers match training.
 * Matched quantiles make the fit insensitive to row order and sample size: a pure unit change maps every training
 * quantile to a·quantile exactly, whatever else happens to the rows.
 */
import { sortedPresent } from '../stats/sortedPresent';
import { presentValues, type Column, type NumericColumn, type StringColumn } from '../io/table';
import type { Finding, Severity } from '../report/types';
import type { SignatureOptions } from '../options';
import { linearFit } from '../stats/linearFit';
import { mean, quantileSorted, std } from '../stats/descriptive';
import { findingId, isFeature, type AnalysisContext, type AnalysisResult } from './context';
import { codeMap, num, pct, rowSample, subsetValues } from './crossFile';
import { factorLabel, nameFactor, UNIT_FACTORS } from './scaleFactors';
import { impliedUnit, parseUnitColumn, type UnitParse } from './unitStrings';

const PROBS = Array.from({ length: 19 }, (_, i) => (i + 1) * 0.05);
/** Fewer distinct values among the 19 quantiles than this: the column is too discrete for a scale fit. */
const MIN_DISTINCT_QUANTILES = 5;

export interface QuantileFit {
  slope: number;
  intercept: number;
  r2: number;
  trainMedian: number;
  prodMedian: number;
  /** Production p95 − p05: the yardstick for "the intercept is small". */
  prodSpread: number;
}

/** prod ≈ slope·train + intercept on quantiles p05…p95 of sorted present values; null when either side is too discrete. */
export function quantileFit(trainSorted: Float64Array, prodSorted: Float64Array): QuantileFit | null {
  if (trainSorted.length < 2 || prodSorted.length < 2) return null;
  const x = PROBS.map((p) => quantileSorted(trainSorted, p));
  const y = PROBS.map((p) => quantileSorted(prodSorted, p));
  // A flag or a small count has a handful of quantile values: a line through them says nothing about units.
  if (new Set(x).size < MIN_DISTINCT_QUANTILES || new Set(y).size < MIN_DISTINCT_QUANTILES) return null;
  const f = linearFit(x, y);
  return { ...f, trainMedian: x[9], prodMedian: y[9], prodSpread: y[y.length - 1] - y[0] };
}

/** Affine conversions that a pure ratio cannot name. */
const AFFINE = [
  { slope: 1.8, intercept: 32, meaning: 'Fahrenheit where training had Celsius' },
  { slope: 5 / 9, intercept: -160 / 9, meaning: 'Celsius where training had Fahrenheit' },
];

export interface ScaleVerdict {
  factor: number | null;
  meaning: string | null;
}

/** Is this fit a scale change? Named (a unit factor) or a large ratio with a negligible intercept. */
export function judgeScale(fit: QuantileFit, o: SignatureOptions): ScaleVerdict | null {
  if (!(fit.r2 >= o.minR2) || !(fit.slope > 0)) return null;
  const spread = Math.max(Math.abs(fit.prodSpread), Number.MIN_VALUE);
  for (const a of AFFINE) {
    if (Math.abs(Math.log(fit.slope / a.slope)) <= Math.log1p(o.unitFactorTolerance) && Math.abs(fit.intercept - a.intercept) <= 0.1 * spread) {
      return { factor: a.slope, meaning: a.meaning };
    }
  }
  if (Math.abs(fit.intercept) > 0.1 * spread) return null; // a spread change around a moved centre: drift, not units
  const logA = Math.abs(Math.log(fit.slope));
  const named = nameFactor(fit.slope, UNIT_FACTORS, o.unitFactorTolerance);
  // A named factor needs less distance from 1 (2.54, 1.61 are units too); an unnamed one must be large.
  if (named && logA >= Math.log(1.2)) return { factor: named.factor, meaning: named.meaning };
  if (logA >= Math.log(o.minScaleRatio)) return { factor: null, meaning: null };
  return null;
}

interface Moments {
  mean: number;
  std: number;
  stdPop: number;
}

function moments(values: Float64Array): Moments | null {
  if (values.length < 3) return null;
  const s = std(values);
  return { mean: mean(values), std: s, stdPop: s * Math.sqrt((values.length - 1) / values.length) };
}

/**
 * The column's values sorted (the shared per-column sort, read-only), or a seeded uniform sample of `cap` of its
 * present values, sorted.
 */
function sortedSample(col: NumericColumn, values: Float64Array, cap: number, seed: number): Float64Array {
  const keep = rowSample(values.length, cap, seed);
  return keep ? subsetValues(values, keep).sort() : sortedPresent(col.values);
}

function standardized(m: Moments, tol: number): boolean {
  return Math.abs(m.mean) <= tol && (Math.abs(m.std - 1) <= tol || Math.abs(m.stdPop - 1) <= tol);
}

/**
 * Far from standardized: mean beyond ±20·tol or std outside [1/(1+20·tol), 1+20·tol] (±1 and ×2 at the default) —
 * further than genuine drift of a standardized feature usually goes, so drift is not mistaken for a skipped scaler.
 */
function clearlyNot(m: Moments, tol: number): boolean {
  return Math.abs(m.mean) > 20 * tol || Math.abs(Math.log(m.std)) >= Math.log1p(20 * tol);
}

function restandardizedFinding(name: string, t: Moments, p: Moments, o: SignatureOptions): Finding | null {
  const tStd = standardized(t, o.standardTolerance);
  const pStd = standardized(p, o.standardTolerance);
  const pExact = standardized(p, o.exactTolerance);
  const tExact = standardized(t, o.exactTolerance);
  const nums = `training mean ${num(t.mean)}, std ${num(t.std)}; production mean ${num(p.mean)}, std ${num(p.std)}`;
  let severity: Severity;
  let title: string;
  let why: string;
  if (tStd && clearlyNot(p, o.standardTolerance)) {
    severity = 'critical';
    const twice = Math.abs(p.mean) <= 20 * o.standardTolerance && p.std < 1;
    title = `${name} is standardized in training but not in production`;
    why = twice
      ? 'Production is centred but shrunk: it looks scaled twice.'
      : 'Production looks like raw values: the serving pipeline does not apply the training scaler.';
  } else if (pStd && clearlyNot(t, o.standardTolerance)) {
    severity = 'critical';
    title = `${name} is standardized in production but not in training`;
    why = 'A scaler is applied in serving that training did not use (or one fit on production data).';
  } else if (pExact && tStd) {
    severity = 'warning';
    title = `${name} is exactly standardized in production: a scaler re-fit on production data?`;
    why = `Production has mean 0 and std 1 to within ${o.exactTolerance}${tExact ? ', as does training' : ''}; the training scaler applied to new data would not land exactly there. A scaler re-fit on production hides real drift and shifts every value the model sees.`;
  } else return null;
  return {
    id: findingId('restandardized', [name]),
    type: 'restandardized',
    severity,
    columns: [name],
    title,
    evidence: `${nums}. ${why}`,
    mitigation: `Load the scaler fitted on training data in the serving pipeline (do not re-fit it on production batches) and apply it exactly once to ${name}; then re-check.`,
    data: { train: t, prod: p },
    target: 'drift',
  };
}

function scaleFinding(name: string, fit: QuantileFit, v: ScaleVerdict, segment: { column: string; value: string } | null): Finding {
  const where = segment ? ` in segment ${segment.column}=${segment.value}` : '';
  const label = v.factor !== null ? factorLabel(v.factor) : num(fit.slope);
  return {
    id: findingId('scale_change', [name], segment ? `${segment.column}=${segment.value}` : undefined),
    type: 'scale_change',
    severity: v.factor !== null || Math.abs(Math.log10(fit.slope)) >= 1 ? 'critical' : 'warning',
    columns: segment ? [name, segment.column] : [name],
    title: `${name}${where}: production ≈ ${num(fit.slope)} × training` + (v.factor !== null ? ` (unit factor ${label})` : ''),
    evidence:
      `On matched quantiles p05…p95${where}, production ≈ ${num(fit.slope)}·training ${fit.intercept >= 0 ? '+' : '−'} ${num(Math.abs(fit.intercept) < 1e-9 * Math.abs(fit.prodSpread) ? 0 : Math.abs(fit.intercept))} (R² ${fit.r2.toFixed(4)}); ` +
      `median ${num(fit.trainMedian)} → ${num(fit.prodMedian)}.` +
      (v.meaning ? ` Likely ${v.meaning}.` : ' No common unit factor matches; a different unit or an upstream rescaling.') +
      (segment ? ' Other segments keep the training scale: one source or region changed its unit.' : ''),
    mitigation: `Convert ${name}${where} to the training unit at the source or in the serving pipeline (${v.factor !== null ? `divide by ${label}` : `divide by ${num(fit.slope)}`}), then re-check; retrain only if the new unit is meant to stay.`,
    data: { slope: fit.slope, intercept: fit.intercept, r2: fit.r2, factor: v.factor, meaning: v.meaning, segment },
    target: 'drift',
  };
}

/** Row indices per category, matched across files by string; only categories with enough rows in both. */
function segmentRows(train: StringColumn, prod: StringColumn, minRows: number): { value: string; train: Int32Array; prod: Int32Array }[] {
  const map = codeMap(train, prod);
  const group = (codes: Int32Array, k: number, translate?: Int32Array): Int32Array[] => {
    const counts = new Int32Array(k);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] < 0 ? -1 : translate ? translate[codes[i]] : codes[i];
      if (c >= 0) counts[c]++;
    }
    const out = Array.from({ length: k }, (_, c) => new Int32Array(counts[c]));
    const fill = new Int32Array(k);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] < 0 ? -1 : translate ? translate[codes[i]] : codes[i];
      if (c >= 0) out[c][fill[c]++] = i;
    }
    return out;
  };
  const k = train.dictionary.length;
  const t = group(train.codes, k);
  const p = group(prod.codes, k, map);
  const out: { value: string; train: Int32Array; prod: Int32Array }[] = [];
  for (let c = 0; c < k; c++) if (t[c].length >= minRows && p[c].length >= minRows) out.push({ value: train.dictionary[c], train: t[c], prod: p[c] });
  return out;
}

/** Sorted present values at the given rows (a strided sample of at most `cap` rows keeps segments cheap). */
function sortedAt(values: Float64Array, rows: Int32Array, cap: number): Float64Array {
  const step = Math.max(1, Math.floor(rows.length / cap));
  const out = new Float64Array(Math.ceil(rows.length / step));
  let m = 0;
  for (let k = 0; k < rows.length; k += step) {
    const x = values[rows[k]];
    if (x === x) out[m++] = x;
  }
  return out.subarray(0, m).sort();
}

/** Rows per segment sampled for the quantile fit: 19 quantiles of 2,000 values are within ~1 % in rank, plenty to see a ×10 factor. */
const SEGMENT_SAMPLE = 2000;

function unitFinding(name: string, numericSide: 'train' | 'prod', parse: UnitParse, numericSorted: Float64Array, o: SignatureOptions): Finding {
  const stringSide = numericSide === 'train' ? 'production' : 'training';
  const parsedSorted = presentValues({ name, kind: 'numeric', values: parse.values, sourceType: 'parsed' }).sort();
  // Always express as production ≈ a·training.
  const fit = numericSide === 'train' ? quantileFit(numericSorted, parsedSorted) : quantileFit(parsedSorted, numericSorted);
  const unit = parse.units[0].unit;
  const strip = unit ? `strip "${unit}"` : 'parse the text as a number';
  const sep = parse.formatted ? ' and the thousands separators' : '';
  let match = '';
  let convert = '';
  if (fit) {
    const named = nameFactor(fit.slope, UNIT_FACTORS, o.unitFactorTolerance);
    const same = Math.abs(Math.log(fit.slope)) <= Math.log1p(o.unitFactorTolerance * 2) && fit.r2 >= o.minR2;
    // Parsed text values are `ratio` × the numeric side's values; knowing the text's unit names the numeric one.
    const ratio = numericSide === 'train' ? fit.slope : 1 / fit.slope;
    const other = impliedUnit(unit, ratio, o.unitFactorTolerance);
    const likely = other ? `the ${numericSide === 'train' ? 'training' : 'production'} numbers are probably in ${other}` : named ? `likely ${named.meaning}` : '';
    match = same
      ? ` Parsed, the numbers match the training distribution (production ≈ ${num(fit.slope)}·training, R² ${fit.r2.toFixed(3)}).`
      : ` Parsed, production ≈ ${num(fit.slope)}·training (R² ${fit.r2.toFixed(3)})${likely ? `: ${likely}` : ''}.`;
    if (!same && other) convert = ` and convert ${unit} to ${other}`;
    if (!same && !other) convert = named ? ` and convert (divide by ${factorLabel(named.factor)})` : ` and rescale (÷${num(fit.slope)})`;
  }
  const units = parse.units.slice(0, 4).map((u) => `${u.unit || '(none)'} ${pct(u.share)}`).join(', ');
  return {
    id: findingId('type_change', [name], 'unit'),
    type: 'type_change',
    severity: 'critical',
    columns: [name],
    title: `${name} arrives as text with units in ${stringSide} ("${parse.examples[0]}"): ${strip}${sep}`,
    evidence:
      `${name} is numeric in ${numericSide === 'train' ? 'training' : 'production'} but text in ${stringSide}, e.g. ${parse.examples.map((e) => `"${e}"`).join(', ')}. ` +
      `${pct(parse.parsedShare)} of the values parse as a number with a unit (${units})` +
      (parse.convertedTo ? `; mixed units were converted to ${parse.convertedTo}` : '') +
      '.' +
      match,
    mitigation: `In the ${stringSide === 'production' ? 'serving pipeline' : 'training pipeline'} (or at the source), ${strip}${sep}${convert} and cast ${name} to a number, then re-check.`,
    data: {
      unit,
      units: parse.units,
      parsedShare: parse.parsedShare,
      convertedTo: parse.convertedTo,
      formatted: parse.formatted,
      examples: parse.examples,
      slope: fit?.slope ?? null,
      intercept: fit?.intercept ?? null,
      r2: fit?.r2 ?? null,
      ratio: fit ? fit.prodMedian / fit.trainMedian : null,
    },
    target: 'drift',
  };
}

export interface SignaturesSection {
  /** Per numeric feature: the quantile fit prod ≈ a·train + b (null when training is constant). */
  fits: { column: string; slope: number; intercept: number; r2: number }[];
  /** Per numeric feature: mean and std per file. */
  moments: { column: string; train: Moments; prod: Moments }[];
}

export function analyzeSignatures(ctx: AnalysisContext): AnalysisResult<SignaturesSection> {
  const o = ctx.options.signatures;
  const findings: Finding[] = [];
  const section: SignaturesSection = { fits: [], moments: [] };
  const numericPairs = ctx.shared.filter((p) => isFeature(ctx, p.name) && p.train.kind === 'numeric' && p.prod.kind === 'numeric') as {
    name: string;
    train: NumericColumn;
    prod: NumericColumn;
  }[];
  const flagged = new Set<string>();
  for (const [i, pair] of numericPairs.entries()) {
    const tv = presentValues(pair.train);
    const pv = presentValues(pair.prod);
    // Moments on every value (an exact 0/1 must be exact); quantiles from a sorted sample of at most fitMaxValues.
    const tm = moments(tv);
    const pm = moments(pv);
    if (tm && pm) {
      section.moments.push({ column: pair.name, train: tm, prod: pm });
      const rf = restandardizedFinding(pair.name, tm, pm, o);
      if (rf) {
        findings.push(rf);
        flagged.add(pair.name); // the scaler explains any slope; one finding per cause
        continue;
      }
    }
    const fit = quantileFit(sortedSample(pair.train, tv, o.fitMaxValues, ctx.options.seed + 2 * i), sortedSample(pair.prod, pv, o.fitMaxValues, ctx.options.seed + 2 * i + 1));
    if (!fit) continue;
    section.fits.push({ column: pair.name, slope: fit.slope, intercept: fit.intercept, r2: fit.r2 });
    const v = judgeScale(fit, o);
    if (v) {
      findings.push(scaleFinding(pair.name, fit, v, null));
      flagged.add(pair.name);
    }
  }

  // Scale changes inside one segment: the mixture hides them globally (the fit is not linear, or a is near 1).
  const segmentCols = ctx.shared.filter(
    (p) => isFeature(ctx, p.name) && p.train.kind === 'categorical' && p.prod.kind === 'categorical' && (p.train as StringColumn).dictionary.length <= o.segmentMaxCategories,
  );
  for (const seg of segmentCols) {
    const groups = segmentRows(seg.train as StringColumn, seg.prod as StringColumn, o.segmentMinRows);
    if (groups.length < 2) continue;
    for (const pair of numericPairs) {
      if (flagged.has(pair.name)) continue;
      const hits: { value: string; fit: QuantileFit; v: ScaleVerdict }[] = [];
      for (const g of groups) {
        const fit = quantileFit(sortedAt(pair.train.values, g.train, SEGMENT_SAMPLE), sortedAt(pair.prod.values, g.prod, SEGMENT_SAMPLE));
        const v = fit && judgeScale(fit, o);
        if (fit && v) hits.push({ value: g.value, fit, v });
      }
      // Only a minority of segments: when most segments changed, it is a global change the mixture blurred.
      if (hits.length === 0 || hits.length > groups.length / 2) continue;
      for (const h of hits) findings.push(scaleFinding(pair.name, h.fit, h.v, { column: seg.name, value: h.value }));
      flagged.add(pair.name);
    }
  }

  // Numbers that arrive as text with units (or the other way round).
  for (const pair of ctx.shared) {
    if (!isFeature(ctx, pair.name)) continue;
    const numericSide = pair.train.kind === 'numeric' && isText(pair.prod) ? 'train' : pair.prod.kind === 'numeric' && isText(pair.train) ? 'prod' : null;
    if (!numericSide) continue;
    const strCol = (numericSide === 'train' ? pair.prod : pair.train) as StringColumn;
    const numCol = (numericSide === 'train' ? pair.train : pair.prod) as NumericColumn;
    const parse = parseUnitColumn(strCol, o.unitParseShare);
    if (parse) findings.push(unitFinding(pair.name, numericSide, parse, presentValues(numCol).sort(), o));
  }
  return { section, findings };
}

function isText(c: Column): boolean {
  return c.kind === 'categorical' || c.kind === 'text' || c.kind === 'id';
}
