/**
 * Pair production rows with training rows of the same entity (the id role). Used by id overlap (copies vs later
 * snapshots) and same-entity skew.
 *
 * When both files have a datetime time role, a production row is paired with the LATEST training row of its entity
 * dated at or before it: comparing a later snapshot with an earlier one is fair (the entity had time to change) only
 * if the pair is the closest earlier one, and a training row dated after the production row is the entity's future,
 * not its past. Without time, the entity's last training row in file order stands in.
 */
import { isNumeric, type Column } from '../io/table';
import type { AnalysisContext } from './context';
import { codeMap, eventTimes } from './crossFile';
import { doubleWords, KeyIndex } from './keyIndex';

export interface EntityPairs {
  idColumn: string;
  /** Columns joined on: the id, and the time role when pairs were matched by time (see `byTime`). */
  joinedOn: string[];
  byTime: boolean;
  /** Matched pairs: production row `prodRows[k]` with training row `trainRows[k]`. */
  prodRows: Int32Array;
  trainRows: Int32Array;
  /** Production rows with a non-null id, and those whose id occurs in training (paired or not). */
  prodWithId: number;
  prodWithKnownId: number;
  /** Distinct production ids, and those also in training. */
  prodEntities: number;
  sharedEntities: number;
  /** Distinct entities among the pairs. */
  matchedEntities: number;
  /** Production rows whose entity also has a training row dated AFTER it (training saw the entity's future). */
  prodWithLaterTrainRow: number;
}

/**
 * Entity code per row in one code space, −1 for null: ids seen in training get 0..trainCount−1, ids only in
 * production get trainCount..total−1.
 */
function entityCodes(train: Column, prod: Column): { train: Int32Array; prod: Int32Array; trainCount: number; total: number } {
  if (!isNumeric(train) && !isNumeric(prod)) {
    const map = codeMap(train, prod);
    const k = train.dictionary.length;
    const p = new Int32Array(prod.codes.length);
    for (let i = 0; i < p.length; i++) {
      const c = prod.codes[i];
      p[i] = c < 0 ? -1 : map[c] >= 0 ? map[c] : k + c;
    }
    return { train: train.codes, prod: p, trainCount: k, total: k + prod.dictionary.length };
  }
  if (isNumeric(train) && isNumeric(prod)) return numericEntityCodes(train.values, prod.values);
  // One file numeric, the other text: key by the text.
  const keyOf = (c: Column): ((i: number) => number | string | null) => {
    if (isNumeric(c)) {
      const same = isNumeric(train) && isNumeric(prod);
      return (i) => {
        const x = c.values[i];
        return x !== x ? null : same ? x : String(x);
      };
    }
    return (i) => (c.codes[i] < 0 ? null : c.dictionary[c.codes[i]]);
  };
  const index = new Map<number | string, number>();
  const tk = keyOf(train);
  const t = new Int32Array(isNumeric(train) ? train.values.length : train.codes.length);
  for (let i = 0; i < t.length; i++) {
    const k = tk(i);
    if (k === null) {
      t[i] = -1;
      continue;
    }
    let c = index.get(k);
    if (c === undefined) index.set(k, (c = index.size));
    t[i] = c;
  }
  const trainCount = index.size;
  const pk = keyOf(prod);
  const p = new Int32Array(isNumeric(prod) ? prod.values.length : prod.codes.length);
  for (let i = 0; i < p.length; i++) {
    const k = pk(i);
    if (k === null) {
      p[i] = -1;
      continue;
    }
    let c = index.get(k);
    if (c === undefined) index.set(k, (c = index.size));
    p[i] = c;
  }
  return { train: t, prod: p, trainCount, total: index.size };
}

/** Numeric ids on both sides: a typed hash index on the value's bits (a Map of a million doubles is far slower). */
function numericEntityCodes(t: Float64Array, p: Float64Array): { train: Int32Array; prod: Int32Array; trainCount: number; total: number } {
  const index = new KeyIndex(t.length);
  const tc = new Int32Array(t.length);
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== t[i]) {
      tc[i] = -1;
      continue;
    }
    const [lo, hi] = doubleWords(t[i]);
    tc[i] = index.intern(lo, hi);
  }
  const trainCount = index.size;
  const pc = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) {
    if (p[i] !== p[i]) {
      pc[i] = -1;
      continue;
    }
    const [lo, hi] = doubleWords(p[i]);
    pc[i] = index.intern(lo, hi);
  }
  return { train: tc, prod: pc, trainCount, total: index.size };
}

/** Pairs for the id role, or null when there is no id role in both files. */
export function pairEntities(ctx: AnalysisContext): EntityPairs | null {
  const idName = ctx.roles.id;
  if (!idName) return null;
  const pair = ctx.shared.find((p) => p.name === idName);
  if (!pair) return null;
  const timeName = ctx.roles.time;
  const timePair = timeName ? ctx.shared.find((p) => p.name === timeName) : undefined;
  const tTime = eventTimes(timePair?.train);
  const pTime = eventTimes(timePair?.prod);
  const byTime = tTime !== null && pTime !== null;

  const codes = entityCodes(pair.train, pair.prod);
  const nT = codes.train.length;
  // Group training rows by entity (CSR, file order), then order each group by time when joining on time. Groups are
  // small (a few snapshots per entity), so per-group insertion sort beats one global sort with a comparator.
  const count = codes.trainCount;
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < nT; i++) {
    const c = codes.train[i];
    if (c >= 0 && (!byTime || tTime![i] === tTime![i])) offsets[c + 1]++;
  }
  for (let c = 0; c < count; c++) offsets[c + 1] += offsets[c];
  const fill = offsets.slice(0, count);
  const rows = new Int32Array(offsets[count]);
  for (let i = 0; i < nT; i++) {
    const c = codes.train[i];
    if (c >= 0 && (!byTime || tTime![i] === tTime![i])) rows[fill[c]++] = i;
  }
  if (byTime) {
    for (let c = 0; c < count; c++) {
      const lo = offsets[c];
      const hi = offsets[c + 1];
      if (hi - lo > 32) {
        rows.subarray(lo, hi).sort((a, b) => tTime![a] - tTime![b] || a - b);
        continue;
      }
      for (let k = lo + 1; k < hi; k++) {
        const r = rows[k];
        const t = tTime![r];
        let j = k - 1;
        while (j >= lo && tTime![rows[j]] > t) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = r;
      }
    }
  }

  const nP = codes.prod.length;
  const prodRows = new Int32Array(nP);
  const trainRows = new Int32Array(nP);
  const seenProd = new Uint8Array(codes.total);
  const matched = new Uint8Array(count);
  let pairs = 0;
  let prodWithId = 0;
  let prodWithKnownId = 0;
  let prodWithLater = 0;
  let prodEntities = 0;
  let sharedEntities = 0;
  for (let i = 0; i < nP; i++) {
    const c = codes.prod[i];
    if (c < 0) continue;
    prodWithId++;
    if (!seenProd[c]) {
      seenProd[c] = 1;
      prodEntities++;
      if (c < count) sharedEntities++;
    }
    if (c >= count) continue;
    prodWithKnownId++;
    const lo = offsets[c];
    const hi = offsets[c + 1];
    if (hi === lo) continue; // the id occurs in training only on undated rows
    let pick = hi - 1;
    if (byTime) {
      const t = pTime![i];
      if (t !== t) continue;
      if (tTime![rows[hi - 1]] > t) prodWithLater++;
      // Binary search: last training row of the group dated ≤ t.
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (tTime![rows[mid]] <= t) a = mid + 1;
        else b = mid;
      }
      pick = a - 1;
      if (pick < lo) continue;
    }
    prodRows[pairs] = i;
    trainRows[pairs] = rows[pick];
    pairs++;
    matched[c] = 1;
  }
  let matchedEntities = 0;
  for (let c = 0; c < count; c++) matchedEntities += matched[c];
  return {
    idColumn: idName,
    joinedOn: byTime ? [idName, timeName!] : [idName],
    byTime,
    prodRows: prodRows.slice(0, pairs),
    trainRows: trainRows.slice(0, pairs),
    prodWithId,
    prodWithKnownId,
    prodEntities,
    sharedEntities,
    matchedEntities,
    prodWithLaterTrainRow: prodWithLater,
  };
}
