/**
 * The leakage timeline: data for a Gantt-like chart of the training window, the production window, their overlap,
 * when labels are present, and where each datetime feature sits relative to the event time (the time role).
 * Also the per-feature "dated after the event" shares that `future_timestamp` findings are made of.
 */
import type { Column, NumericColumn, Table } from '../io/table';
import type { LeakageTimeline } from '../report/types';
import { isFeature, type AnalysisContext } from './context';
import { DAY_MS, eventTimes, isoDate, pct } from './crossFile';

export interface Range {
  min: number;
  max: number;
  n: number;
}

export function range(values: Float64Array): Range | null {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    n++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return n ? { min, max, n } : null;
}

/** True when every event time is midnight UTC: the time role is a date, so compare other dates by day. */
function dateOnly(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i] && values[i] % DAY_MS !== 0) return false;
  return true;
}

export interface DateFeatureStats {
  start: number;
  end: number;
  /** Median of (feature − event) in days, over rows where both are present. */
  medianOffsetDays: number | null;
  /** Share of rows (both present) whose feature date is after the event (by day when the event is a date). */
  afterShare: number | null;
  /** Median days after the event among those rows. */
  medianDaysAfter: number | null;
  compared: number;
}

function medianOf(a: Float64Array): number | null {
  if (a.length === 0) return null;
  a.sort();
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/** Range of a datetime feature and its position relative to the event time in one file. */
export function dateFeatureStats(feature: NumericColumn, event: Float64Array | null): DateFeatureStats | null {
  const r = range(feature.values);
  if (!r) return null;
  if (!event) return { start: r.min, end: r.max, medianOffsetDays: null, afterShare: null, medianDaysAfter: null, compared: 0 };
  const byDay = dateOnly(event);
  const f = feature.values;
  const offsets = new Float64Array(f.length);
  const after = new Float64Array(f.length);
  let n = 0;
  let k = 0;
  for (let i = 0; i < f.length; i++) {
    const x = f[i];
    const t = event[i];
    if (x !== x || t !== t) continue;
    const d = (x - t) / DAY_MS;
    offsets[n++] = d;
    const later = byDay ? Math.floor(x / DAY_MS) > Math.floor(t / DAY_MS) : x > t;
    if (later) after[k++] = d;
  }
  return {
    start: r.min,
    end: r.max,
    medianOffsetDays: medianOf(offsets.subarray(0, n)),
    afterShare: n ? k / n : null,
    medianDaysAfter: medianOf(after.subarray(0, k)),
    compared: n,
  };
}

function column(t: Table, name: string | null): Column | undefined {
  return name ? t.columns.find((c) => c.name === name) : undefined;
}

/** Full ISO 8601 UTC in the report (charts parse it as UTC); the short form is for evidence text only. */
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function window(r: Range | null): { start: string; end: string } | null {
  return r ? { start: iso(r.min), end: iso(r.max) } : null;
}

/** Labelled rows' time range in one file, with a note on how far labels lag behind the rows. */
function labelAvailability(t: Table, file: 'train' | 'prod', labelName: string | null, time: Float64Array | null): NonNullable<LeakageTimeline['labelAvailability']>[number] | null {
  const label = column(t, labelName);
  if (!label || !time) return null;
  const isNull = (i: number): boolean => ('values' in label ? label.values[i] !== label.values[i] : label.codes[i] < 0);
  let min = Infinity;
  let max = -Infinity;
  let labelled = 0;
  let dated = 0;
  let lastRow = -Infinity;
  for (let i = 0; i < time.length; i++) {
    const x = time[i];
    if (x !== x) continue;
    dated++;
    if (x > lastRow) lastRow = x;
    if (isNull(i)) continue;
    labelled++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (!labelled) return null;
  const lag = (lastRow - max) / DAY_MS;
  const note =
    `labels on ${pct(labelled / Math.max(1, dated))} of dated rows` +
    (lag >= 1 ? `; none after ${isoDate(max)} although rows continue ${Math.round(lag)} days longer (labels arrive late)` : '');
  return { file, start: iso(min), end: iso(max), note };
}

export interface TimelineBuild {
  timeline: LeakageTimeline | null;
  /** Per datetime feature: stats per file (for future_timestamp findings). */
  dateFeatures: { column: string; train: DateFeatureStats | null; prod: DateFeatureStats | null }[];
  trainRange: Range | null;
  prodRange: Range | null;
}

export function buildLeakageTimeline(ctx: AnalysisContext): TimelineBuild {
  const timeName = ctx.roles.time;
  const tTime = eventTimes(column(ctx.train, timeName));
  const pTime = eventTimes(column(ctx.prod, timeName));
  const trainRange = tTime ? range(tTime) : null;
  const prodRange = pTime ? range(pTime) : null;
  const overlap =
    trainRange && prodRange && Math.max(trainRange.min, prodRange.min) <= Math.min(trainRange.max, prodRange.max)
      ? { start: iso(Math.max(trainRange.min, prodRange.min)), end: iso(Math.min(trainRange.max, prodRange.max)) }
      : null;

  const dateFeatures: TimelineBuild['dateFeatures'] = [];
  const names = new Set<string>();
  for (const c of [...ctx.train.columns, ...ctx.prod.columns]) if (c.kind === 'datetime' && isFeature(ctx, c.name)) names.add(c.name);
  for (const name of names) {
    const tc = column(ctx.train, name);
    const pc = column(ctx.prod, name);
    dateFeatures.push({
      column: name,
      train: tc?.kind === 'datetime' ? dateFeatureStats(tc, tTime) : null,
      prod: pc?.kind === 'datetime' ? dateFeatureStats(pc, pTime) : null,
    });
  }

  const labelAvail = [labelAvailability(ctx.train, 'train', ctx.roles.label, tTime), labelAvailability(ctx.prod, 'prod', ctx.roles.label, pTime)].filter(
    (x): x is NonNullable<typeof x> => x !== null,
  );
  const side = (s: DateFeatureStats | null) => (s ? { start: iso(s.start), end: iso(s.end), medianOffsetDays: s.medianOffsetDays } : null);
  const empty = !trainRange && !prodRange && dateFeatures.length === 0;
  return {
    timeline: empty
      ? null
      : {
          train: window(trainRange),
          prod: window(prodRange),
          overlap,
          labelAvailability: labelAvail.length ? labelAvail : undefined,
          featureDates: dateFeatures.map((d) => ({ column: d.column, train: side(d.train), prod: side(d.prod) })),
        },
    dateFeatures,
    trainRange,
    prodRange,
  };
}
