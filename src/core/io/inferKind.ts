/**
 * Column kind inference, shared by the CSV and Arrow readers: which columns are numeric features, flags, dates,
 * categories, free text or identifiers. Decisions read the whole column (its distinct values), not a prefix, so a
 * late odd value cannot make a column lie about its kind.
 *
 * Documented choices:
 * - 0/1 columns stay numeric (labels are 0/1 and the analyses treat them as numbers); text flags
 *   (`true/false/yes/no/t/f`, any case) are boolean.
 * - Integers or floats are epoch times only when the column name says time (`ts`, `time`, `date`, `*_at`…) and every
 *   value lies in 1973–5138 as seconds (1e8 ≤ |v| < 1e11) or as milliseconds (1e11 ≤ |v| < 1e14).
 * - Integer columns named like identifiers (`id`, `*_id`, `userId`, `uuid`, `index`, `Unnamed: 0`) become string
 *   columns, so a customer number is never a numeric feature.
 * - Date texts without a zone are read as UTC.
 */
import type { Column, NumericColumn, StringColumn } from './table';
import type { ReadOptions } from './readOptions';
import { parseDatetimeString } from './datetimeText';

export type KindOptions = Pick<ReadOptions, 'categoricalMaxShare' | 'maxCategories' | 'idMinShare' | 'fewCategories'>;

/** Below this many distinct values a string column is categorical whatever its share of rows (small files). */
export const FEW_CATEGORIES_DEFAULT = 20;

/** Epoch ranges (1973-03-03 … 5138-11-16) that tell seconds from milliseconds. */
const EPOCH_S_MIN = 1e8;
const EPOCH_S_MAX = 1e11;
const EPOCH_MS_MAX = 1e14;

/** Splits `createdAt`, `created_at`, `Created At` into lower-case words. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

const TIME_WORDS = new Set(['time', 'date', 'ts', 'timestamp', 'datetime', 'dt', 'epoch']);
/** Words ending in "date" that are not dates. */
const NOT_DATES = new Set(['candidate', 'validate', 'mandate', 'accommodate']);

function isTimeWord(w: string): boolean {
  if (TIME_WORDS.has(w)) return true;
  if (w.endsWith('date')) return !NOT_DATES.has(w); // birthdate, update
  return w.endsWith('time') || w.endsWith('timestamp') || w.endsWith('datetime'); // starttime, eventtimestamp
}

/** True when a column name says it holds a time (`event_ts`, `createdAt`, `signup_date`, `timestamp`). */
export function looksLikeTimeName(name: string): boolean {
  const t = nameTokens(name);
  if (t.some(isTimeWord)) return true;
  // "created_at", "shipped_on": a lone "at" column is more likely something else.
  return t.length > 1 && (t[t.length - 1] === 'at' || t[t.length - 1] === 'on');
}

/** True when a column name says it identifies a row or an entity (`id`, `customer_id`, `userId`, `uuid`, `index`). */
export function looksLikeIdName(name: string): boolean {
  const t = nameTokens(name);
  if (t.length === 0) return true; // pandas writes its index with an empty header
  const last = t[t.length - 1];
  if (last === 'id' || last === 'ids' || last === 'uuid' || last === 'guid') return true;
  if (t.length === 1 && (last === 'index' || last === 'idx' || last === 'key')) return true;
  return t[0] === 'unnamed';
}

/**
 * Which string kind a column of `nonNull` values with `distinct` distinct ones has. `prose` says the values look like
 * sentences (most contain spaces), which makes a unique column free text rather than an identifier.
 * @example classifyStrings(3, 1000, 'plan', readDefaults) // 'categorical'
 */
export function classifyStrings(distinct: number, nonNull: number, name: string, options: KindOptions, prose = false): 'categorical' | 'text' | 'id' {
  if (nonNull === 0) return 'categorical';
  const few = options.fewCategories ?? FEW_CATEGORIES_DEFAULT;
  const share = distinct / nonNull;
  const idName = looksLikeIdName(name);
  if (!prose && share >= options.idMinShare && (idName || distinct > few)) return 'id';
  if (distinct <= options.maxCategories && (share <= options.categoricalMaxShare || distinct <= few)) return 'categorical';
  if (idName && !prose) return 'id';
  return 'text';
}

const BOOLEAN_TEXT = new Map<string, number>([
  ['true', 1],
  ['false', 0],
  ['yes', 1],
  ['no', 0],
  ['t', 1],
  ['f', 0],
]);

/** 1 or 0 for `true/false/yes/no/t/f` (any case, trimmed), otherwise NaN. */
export function parseBooleanText(s: string): number {
  return BOOLEAN_TEXT.get(s.trim().toLowerCase()) ?? NaN;
}

/**
 * Epoch milliseconds (UTC) of a date text, or NaN. Accepts `yyyy-mm-dd`, `yyyy/mm/dd`, either followed by `T` or a
 * space and `hh:mm[:ss[.fff…]]`, then optionally `Z` or an offset `±hh[:mm]`. No zone means UTC.
 * The same parser reads CSV cells from bytes (`parseDatetimeBytes`), so both paths accept the same texts.
 * @example parseDatetimeText('2024-03-01T12:30:00+01:00') // Date.UTC(2024, 2, 1, 11, 30)
 */
export function parseDatetimeText(text: string): number {
  return parseDatetimeString(text);
}

/** 's' or 'ms' when a numeric column named like a time holds epoch values, else null. */
export function epochUnit(name: string, values: Float64Array): 's' | 'ms' | null {
  if (!looksLikeTimeName(name)) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a !== a) continue;
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  if (lo === Infinity) return null;
  if (lo >= EPOCH_S_MIN && hi < EPOCH_S_MAX) return 's';
  if (lo >= EPOCH_S_MAX && hi < EPOCH_MS_MAX) return 'ms';
  return null;
}

/** True when every non-null value is a whole number. */
export function allIntegers(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && Math.floor(v) !== v) return false;
  }
  return true;
}

/**
 * What a numeric column should become: itself, an epoch datetime, or a string column (integer identifiers).
 * `integer` is whether every value is whole.
 */
export function numericKind(name: string, values: Float64Array, integer: boolean): 'numeric' | 'datetime-s' | 'datetime-ms' | 'strings' {
  const unit = epochUnit(name, values);
  if (unit !== null) return unit === 's' ? 'datetime-s' : 'datetime-ms';
  if (integer && looksLikeIdName(name)) return 'strings';
  return 'numeric';
}

/** A numeric column of epoch values in `unit`, converted to milliseconds in place. */
export function epochColumn(name: string, values: Float64Array, unit: 's' | 'ms', sourceType: string): NumericColumn {
  if (unit === 's') for (let i = 0; i < values.length; i++) values[i] *= 1000;
  return { name, kind: 'datetime', values, sourceType: `${sourceType} (epoch ${unit})`, integer: false };
}

/** Share of sampled dictionary values containing a space at or above which a unique column is prose, not ids. */
const PROSE_SHARE = 0.5;
const PROSE_SAMPLE = 1000;

/**
 * The typed column for dictionary-coded strings: boolean when every value is a flag word, datetime when every value
 * is a date text, else categorical / text / id by `classifyStrings`. Unused dictionary entries must be dropped first.
 */
export function stringColumnFrom(name: string, codes: Int32Array, dictionary: string[], sourceType: string, options: KindOptions): Column {
  const distinct = dictionary.length;
  if (distinct > 0) {
    const asBool = mapDictionary(dictionary, parseBooleanText);
    if (asBool) return { name, kind: 'boolean', values: decodeCodes(codes, asBool), sourceType, integer: true };
    const asDate = mapDictionary(dictionary, parseDatetimeText);
    if (asDate) return { name, kind: 'datetime', values: decodeCodes(codes, asDate), sourceType, integer: false };
  }
  let nonNull = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) nonNull++;
  let spaced = 0;
  const sample = Math.min(distinct, PROSE_SAMPLE);
  for (let i = 0; i < sample; i++) if (dictionary[i].trim().includes(' ')) spaced++;
  const prose = sample > 0 && spaced / sample >= PROSE_SHARE;
  const kind = classifyStrings(distinct, nonNull, name, options, prose);
  const col: StringColumn = { name, kind, codes, dictionary, sourceType };
  return col;
}

/** The value of every dictionary entry under `parse`, or null as soon as one does not parse. */
function mapDictionary(dictionary: string[], parse: (s: string) => number): Float64Array | null {
  const out = new Float64Array(dictionary.length);
  for (let i = 0; i < dictionary.length; i++) {
    const v = parse(dictionary[i]);
    if (v !== v) return null;
    out[i] = v;
  }
  return out;
}

function decodeCodes(codes: Int32Array, byCode: Float64Array): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? NaN : byCode[codes[i]];
  return out;
}

/** Distinct non-null values of a numeric column (for classifying integer identifiers). */
export function distinctCount(values: Float64Array): { distinct: number; nonNull: number } {
  const seen = new Set<number>();
  let nonNull = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    nonNull++;
    seen.add(v);
  }
  return { distinct: seen.size, nonNull };
}
