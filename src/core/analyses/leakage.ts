/**
 * Leakage between and inside the two files: overlapping time windows, identical rows, shared entity ids (copies vs
 * later snapshots), features that predict the label too well in training (target leakage), and datetime features dated
 * after the event. Findings: `time_overlap`, `row_overlap`, `id_overlap`, `target_leakage`, `future_timestamp`.
 */
import type { Finding, LeakageSection, Severity } from '../report/types';
import { findingId, isFeature, type AnalysisContext, type AnalysisResult } from './context';
import { alignedValues, comparable, DAY_MS, eventTimes, isoDate, num, pct } from './crossFile';
import { pairEntities } from './entityPairs';
import { buildLeakageTimeline, type TimelineBuild } from './leakageTimeline';
import { rowOverlap, type RowOverlapResult } from './rowOverlap';
import { featurePower, targetLeakageFindings } from './targetLeakage';

function grade(x: number, warning: number, critical: number): Severity | null {
  return x >= critical ? 'critical' : x >= warning ? 'warning' : null;
}

function timeOverlapFinding(ctx: AnalysisContext, tl: TimelineBuild): Finding | null {
  const t = tl.trainRange;
  const p = tl.prodRange;
  if (!t || !p || !tl.timeline?.overlap) return null;
  const o = ctx.options.leakage;
  const timeName = ctx.roles.time!;
  const pTime = eventTimes(ctx.prod.columns.find((c) => c.name === timeName))!;
  const tTime = eventTimes(ctx.train.columns.find((c) => c.name === timeName))!;
  let early = 0;
  const days = new Map<number, number>();
  for (let i = 0; i < pTime.length; i++) {
    const x = pTime[i];
    if (!(x <= t.max)) continue;
    early++;
    const d = Math.floor(x / DAY_MS);
    days.set(d, (days.get(d) ?? 0) + 1);
  }
  let late = 0;
  for (let i = 0; i < tTime.length; i++) if (tTime[i] >= p.min) late++;
  const share = early / p.n;
  const trainShare = late / t.n;
  // Production entirely inside the training window, interleaved with it: one period split at random, not a later
  // batch. Nothing leaks between the files, but the split overstates how the model will do on future data.
  const samePeriod = p.min >= t.min && p.max <= t.max && trainShare >= 0.5;
  const severity = samePeriod ? 'info' : grade(share, o.overlapWarning, o.overlapCritical) ?? 'info';
  const topDays = [...days.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([d, n]) => ({ date: isoDate(d * DAY_MS), rows: n }));
  const start = isoDate(Math.max(t.min, p.min));
  const end = isoDate(Math.min(t.max, p.max));
  return {
    id: findingId('time_overlap', [timeName]),
    type: 'time_overlap',
    severity,
    columns: [timeName],
    title: samePeriod ? `Training and production cover the same period (${start} – ${end}): a random split?` : `Training and production overlap in time (${start} – ${end})`,
    evidence:
      `Training covers ${isoDate(t.min)} – ${isoDate(t.max)}, production ${isoDate(p.min)} – ${isoDate(p.max)}. ` +
      `${pct(share)} of production rows (${early}) are dated at or before the last training date, on ${days.size} distinct days` +
      (topDays.length ? ` (most on ${topDays.map((d) => d.date).join(', ')})` : '') +
      `; ${pct(trainShare)} of training rows are dated inside the production window.` +
      (samePeriod ? ' The production rows lie inside the training window: this looks like one period split at random rather than a later production batch.' : ''),
    mitigation: samePeriod
      ? `If this pair is meant to estimate production performance, evaluate on rows dated after the training window instead (re-split by time with a gap); a random split overstates it.`
      : `Re-split by time: train only on rows before ${isoDate(p.min)} minus a gap at least as long as the label delay, and evaluate on later rows; then retrain and re-measure.`,
    data: { prodShareBeforeTrainEnd: share, prodRows: early, trainShareInProdWindow: trainShare, overlapStart: start, overlapEnd: end, distinctDays: days.size, topDays, samePeriod },
    target: 'leakage',
  };
}

/** When the analyses ran on a sample of training, overlaps found are a lower bound: say so. */
function sampledNote(ctx: AnalysisContext): string {
  const t = ctx.train;
  return t.rows < t.totalRows ? ` Training was sampled (${t.rows} of ${t.totalRows} rows), so the true overlap is likely larger.` : '';
}

function rowOverlapFindings(ctx: AnalysisContext, r: RowOverlapResult): Finding[] {
  const o = ctx.options.leakage;
  const out: Finding[] = [];
  const chance =
    (r.rowsUnique ? '' : ' The hashed columns hold only a few distinct combinations, so equal rows are expected by chance and are weak evidence.') + sampledNote(ctx);
  if (r.prodRowsInTrain > 0) {
    const sev: Severity = r.rowsUnique ? grade(r.share, o.rowOverlapWarning, o.overlapCritical) ?? 'info' : 'info';
    out.push({
      id: findingId('row_overlap', []),
      type: 'row_overlap',
      severity: sev,
      columns: [],
      title: `${pct(r.share)} of production rows also occur in training`,
      evidence:
        `${r.prodRowsInTrain} of ${ctx.prod.rows} production rows are identical to a training row over ${r.columns.length} shared columns (label and prediction excluded)` +
        (r.examples.length ? `, e.g. production rows ${r.examples.map((i) => i + 1).join(', ')} (1-based).` : '.') +
        chance,
      mitigation: 'Remove the overlapping rows from the evaluation data (or from training), re-split by time with a gap, retrain and re-measure: scores on rows the model was trained on are optimistic.',
      data: { share: r.share, rows: r.prodRowsInTrain, columns: r.columns, rowsUnique: r.rowsUnique, examples: r.examples },
      target: 'leakage',
    });
  }
  for (const file of ['train', 'prod'] as const) {
    const dups = r.duplicates[file];
    const n = file === 'train' ? ctx.train.rows : ctx.prod.rows;
    const share = n ? dups / n : 0;
    if (!r.rowsUnique || share < o.rowOverlapWarning) continue;
    out.push({
      id: findingId('row_overlap', [], `duplicates-${file}`),
      type: 'row_overlap',
      severity: file === 'train' ? 'warning' : 'info',
      columns: [],
      title: `${pct(share)} of ${file === 'train' ? 'training' : 'production'} rows are duplicates`,
      evidence: `${dups} of ${n} ${file === 'train' ? 'training' : 'production'} rows repeat an earlier row exactly.` + (file === 'train' ? ' Duplicates split across folds inflate validation scores.' : ''),
      mitigation: file === 'train' ? 'Deduplicate training rows (or group them in one fold), retrain and re-validate.' : 'Find why production rows repeat (retries, a join fan-out) and deduplicate before scoring.',
      data: { share, rows: dups },
      target: 'leakage',
    });
  }
  return out;
}

interface IdOverlap {
  section: NonNullable<LeakageSection['idOverlap']>;
  share: number;
  finding: Finding | null;
}

function idOverlap(ctx: AnalysisContext): IdOverlap | null {
  const pairs = pairEntities(ctx);
  if (!pairs || pairs.prodWithId === 0) return null;
  const o = ctx.options.leakage;
  // Classify each pair: identical features (a copy), a later-dated row with other values (a snapshot), or other.
  const cols = ctx.shared.filter((p) => isFeature(ctx, p.name) && comparable(p.train, p.prod)).map((p) => alignedValues(p.train, p.prod));
  const timeName = ctx.roles.time;
  const tTime = eventTimes(ctx.train.columns.find((c) => c.name === timeName));
  const pTime = eventTimes(ctx.prod.columns.find((c) => c.name === timeName));
  let copies = 0;
  let later = 0;
  for (let k = 0; k < pairs.prodRows.length; k++) {
    const i = pairs.prodRows[k];
    const j = pairs.trainRows[k];
    let same = true;
    for (const c of cols) {
      const a = c.prod[i];
      const b = c.train[j];
      if (a !== b && (a === a || b === b)) {
        same = false;
        break;
      }
    }
    if (same) copies++;
    else if (tTime && pTime && pTime[i] > tTime[j]) later++;
  }
  const other = pairs.prodRows.length - copies - later;
  const nP = ctx.prod.rows;
  const share = pairs.prodWithKnownId / pairs.prodWithId;
  const section = {
    idColumn: pairs.idColumn,
    prodEntities: pairs.prodEntities,
    sharedEntities: pairs.sharedEntities,
    copies,
    laterSnapshots: later,
    other,
    prodWithLaterTrainRow: pairs.prodWithLaterTrainRow,
  };
  if (pairs.sharedEntities === 0) return { section, share, finding: null };
  const copyShare = copies / nP;
  const futureShare = pairs.prodWithLaterTrainRow / nP;
  const severity: Severity =
    grade(copyShare, o.idCopyWarning, o.idCopyCritical) ?? (futureShare >= o.overlapWarning ? (futureShare >= o.overlapCritical ? 'critical' : 'warning') : 'info');
  const looks = copies >= later && copies >= other ? 'copies of training rows' : later >= other ? 'later snapshots of training entities' : 'the same entities with other values';
  const id = pairs.idColumn;
  const evidence =
    `${pct(share)} of production rows (${pairs.prodWithKnownId}) carry a ${id} seen in training (${pairs.sharedEntities} of ${pairs.prodEntities} production entities). ` +
    `Paired with the ${pairs.byTime ? 'latest earlier' : 'last'} training row of the same entity: ${copies} identical in every feature (copies), ${later} dated later with other values (snapshots), ${other} other.` +
    (pairs.prodWithLaterTrainRow ? ` For ${pairs.prodWithLaterTrainRow} production rows training also holds a row of the same entity dated after them: the model has seen those entities' future.` : '') +
    sampledNote(ctx);
  const mitigation =
    copies > 0 && severity !== 'info'
      ? `Remove production rows that copy training rows from the evaluation, and split train/evaluation by ${id} (group split) and by time with a gap; retrain and re-measure.`
      : pairs.prodWithLaterTrainRow > 0 && severity !== 'info'
        ? `Re-split by time with a gap so that no training row of an entity is dated after its production rows (or split by ${id}); retrain and re-measure.`
        : `Recurring entities are expected; if the model is meant for new entities, evaluate on ${id}s unseen in training.`;
  return {
    section,
    share,
    finding: {
      id: findingId('id_overlap', [id]),
      type: 'id_overlap',
      severity,
      columns: [id],
      title: `${pct(share)} of production rows have a ${id} seen in training (mostly ${looks})`,
      evidence,
      mitigation,
      data: { share, copies, laterSnapshots: later, other, copyShare, prodWithLaterTrainRow: pairs.prodWithLaterTrainRow, byTime: pairs.byTime, sharedEntities: pairs.sharedEntities, prodEntities: pairs.prodEntities },
      target: 'leakage',
    },
  };
}

function futureTimestampFindings(ctx: AnalysisContext, tl: TimelineBuild): Finding[] {
  const o = ctx.options.leakage;
  const out: Finding[] = [];
  const timeName = ctx.roles.time;
  for (const d of tl.dateFeatures) {
    const ts = d.train?.afterShare ?? null;
    const ps = d.prod?.afterShare ?? null;
    const worst = Math.max(ts ?? 0, ps ?? 0);
    const severity = grade(worst, o.futureWarning, o.futureCritical);
    if (!severity || !timeName) continue;
    const trainText = ts !== null ? `In ${pct(ts)} of training rows ${d.column} is after ${timeName}` + (d.train?.medianDaysAfter != null ? ` (median ${num(d.train.medianDaysAfter)} days after)` : '') : `${d.column} is not in training`;
    const prodText = ps !== null ? `; in production ${pct(ps)}.` : '; production does not have it.';
    const trainOnly = (ts ?? 0) > (ps ?? 0) * 2;
    out.push({
      id: findingId('future_timestamp', [d.column]),
      type: 'future_timestamp',
      severity,
      columns: [d.column],
      title: `${d.column} is dated after the event (${timeName}) in ${pct(worst)} of ${(ts ?? 0) >= (ps ?? 0) ? 'training' : 'production'} rows`,
      evidence:
        trainText +
        prodText +
        (trainOnly ? ' Training saw values from after the event that production cannot have at prediction time.' : ''),
      mitigation: `Rebuild ${d.column} (and anything derived from it) from data known at ${timeName}: take its value as of the event date, or drop it; then retrain.`,
      data: { trainShare: ts, prodShare: ps, trainMedianDaysAfter: d.train?.medianDaysAfter ?? null, prodMedianDaysAfter: d.prod?.medianDaysAfter ?? null },
      target: 'leakage',
    });
  }
  return out;
}

export function analyzeLeakage(ctx: AnalysisContext): AnalysisResult<LeakageSection | null> {
  const findings: Finding[] = [];
  const tl = buildLeakageTimeline(ctx);
  const overlapF = timeOverlapFinding(ctx, tl);
  if (overlapF) findings.push(overlapF);

  const rows = rowOverlap(ctx);
  if (rows) findings.push(...rowOverlapFindings(ctx, rows));

  const ids = idOverlap(ctx);
  if (ids?.finding) findings.push(ids.finding);

  const powers = featurePower(ctx) ?? [];
  findings.push(...targetLeakageFindings(ctx, powers));
  findings.push(...futureTimestampFindings(ctx, tl));

  if (!rows && !tl.timeline && powers.length === 0 && !ids) return { section: null, findings };
  const section: LeakageSection = {
    timeline: tl.timeline,
    rowOverlapShare: rows?.share ?? 0,
    duplicateRows: rows?.duplicates ?? { train: 0, prod: 0 },
    idOverlapShare: ids ? ids.share : null,
    featurePower: powers.filter((p) => Number.isFinite(p.trainAuc)).map((p) => ({ column: p.column, trainAuc: p.trainAuc, prodAuc: p.prodAuc, via: p.via, postOutcomeName: p.postOutcomeName })),
    rowOverlap: rows ? { columns: rows.columns, prodRowsInTrain: rows.prodRowsInTrain, rowsUnique: rows.rowsUnique } : undefined,
    idOverlap: ids?.section,
    futureTimestamps: tl.dateFeatures
      .filter((d) => d.train?.afterShare != null || d.prod?.afterShare != null)
      .map((d) => ({ column: d.column, trainShare: d.train?.afterShare ?? 0, prodShare: d.prod?.afterShare ?? null, trainMedianDaysAfter: d.train?.medianDaysAfter ?? null })),
  };
  return { section, findings };
}

