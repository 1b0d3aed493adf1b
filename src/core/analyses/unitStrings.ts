/**
 * Numbers that arrive as strings with units or formatting: "118 min", "12.5 kg", "$1,200", "35%". Parsing is done
 * once per distinct string (dictionary), weighted by how often each occurs, so a million rows cost as much as their
 * distinct values.
 */
import type { StringColumn } from '../io/table';

export interface ParsedCell {
  value: number;
  /** Normalised unit: the prefix and suffix around the number, lower-cased (`min`, `kg`, `$`, `%`), or ''. */
  unit: string;
  /** The number had thousands separators (1,200) or a decimal comma (12,5). */
  formatted: boolean;
}

// prefix (currency or a short word), sign, number with optional thousands separators and decimals, suffix (unit).
const CELL = /^([^\d+\-.,\s]{0,4}?)\s*([+-]?)\s*(\d{1,3}(?:[,\u00a0\u202f' ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)\s*([^\d]{0,12}?)\.?$/;

/**
 * Parse one cell as number + unit; null when it is not one.
 * @example parseUnitCell('$1,200') // { value: 1200, unit: '$', formatted: true }
 * @example parseUnitCell('118 min') // { value: 118, unit: 'min', formatted: false }
 */
export function parseUnitCell(text: string): ParsedCell | null {
  const m = CELL.exec(text.trim());
  if (!m) return null;
  const [, prefix, sign, digits, suffix] = m;
  let body = digits;
  let formatted = false;
  if (/^\d+,\d+$/.test(body) && !/^\d{1,3},\d{3}$/.test(body)) {
    body = body.replace(',', '.'); // a decimal comma: 12,5 kg
    formatted = true;
  } else if (/[,\u00a0\u202f' ]/.test(body)) {
    body = body.replace(/[,\u00a0\u202f' ]/g, '');
    formatted = true;
  }
  const value = Number(sign + body);
  if (!Number.isFinite(value)) return null;
  const unit = (prefix + (prefix && suffix ? ' ' : '') + suffix).trim().toLowerCase();
  return { value, unit, formatted };
}

/** Units we can convert between: factor to the dimension's base unit. */
const UNIT_TABLE: Record<string, { dim: string; toBase: number }> = {};
function units(dim: string, entries: [string[], number][]): void {
  for (const [names, f] of entries) for (const n of names) UNIT_TABLE[n] = { dim, toBase: f };
}
units('time', [
  [['ms', 'msec', 'millisecond', 'milliseconds'], 0.001],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1],
  [['min', 'mins', 'minute', 'minutes'], 60],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 3600],
  [['d', 'day', 'days'], 86400],
]);
units('mass', [
  [['mg'], 0.001],
  [['g', 'gr', 'gram', 'grams'], 1],
  [['kg', 'kgs', 'kilo', 'kilos'], 1000],
  [['lb', 'lbs', 'pound', 'pounds'], 453.59237],
  [['oz'], 28.349523125],
]);
units('length', [
  [['mm'], 0.001],
  [['cm'], 0.01],
  [['m', 'metre', 'metres', 'meter', 'meters'], 1],
  [['km'], 1000],
  [['in', 'inch', 'inches', '"'], 0.0254],
  [['ft', 'feet', "'"], 0.3048],
  [['mi', 'mile', 'miles'], 1609.344],
]);

/** Canonical display name per dimension and factor (the first name listed). */
const CANONICAL = new Map<string, string>();
for (const [name, info] of Object.entries(UNIT_TABLE)) {
  const key = `${info.dim}:${info.toBase}`;
  if (!CANONICAL.has(key)) CANONICAL.set(key, name);
}

/**
 * The unit the other file most likely used, when values in `unit` are `ratio` times the other file's numbers:
 * 60 × minutes → hours. Null when the unit is unknown or no unit of its dimension fits within `tolerance`.
 * @example impliedUnit('min', 60, 0.05) // 'h'
 */
export function impliedUnit(unit: string, ratio: number, tolerance: number): string | null {
  const info = UNIT_TABLE[unit];
  if (!info || !(ratio > 0)) return null;
  const target = info.toBase * ratio;
  for (const [key, name] of CANONICAL) {
    const [dim, base] = key.split(':');
    if (dim === info.dim && Math.abs(Math.log(Number(base) / target)) <= Math.log1p(tolerance)) return name;
  }
  return null;
}

export interface UnitParse {
  /** Share of non-null cells (row-weighted) that parse. */
  parsedShare: number;
  /** Units found, commonest first, with their row share. */
  units: { unit: string; share: number }[];
  /** The unit values were converted to (the commonest), when several convertible units were mixed. */
  convertedTo: string | null;
  /** True when some strings had thousands separators or decimal commas. */
  formatted: boolean;
  /** Parsed value per row (NaN where null or unparseable), in `convertedTo` when set. */
  values: Float64Array;
  /** A few distinct raw strings, for the evidence. */
  examples: string[];
}

/** Parse a string column's cells as numbers with units; null when too few of them parse (see `minShare`). */
export function parseUnitColumn(col: StringColumn, minShare: number): UnitParse | null {
  const counts = new Float64Array(col.dictionary.length);
  let nonNull = 0;
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i];
    if (c >= 0) {
      counts[c]++;
      nonNull++;
    }
  }
  if (nonNull === 0) return null;
  const parsed = col.dictionary.map((s) => parseUnitCell(s));
  let ok = 0;
  let formatted = false;
  const unitRows = new Map<string, number>();
  for (let c = 0; c < parsed.length; c++) {
    const p = parsed[c];
    if (!p || counts[c] === 0) continue;
    ok += counts[c];
    formatted ||= p.formatted;
    unitRows.set(p.unit, (unitRows.get(p.unit) ?? 0) + counts[c]);
  }
  if (ok / nonNull < minShare) return null;
  const unitList = [...unitRows.entries()].sort((a, b) => b[1] - a[1]).map(([unit, n]) => ({ unit, share: n / ok }));
  // Mixed convertible units of one dimension ("90 min", "2 h"): express all in the commonest one.
  const main = unitList[0].unit;
  const mainInfo = UNIT_TABLE[main];
  const convertible = unitList.length > 1 && mainInfo !== undefined && unitList.every((u) => UNIT_TABLE[u.unit]?.dim === mainInfo.dim);
  const factorOf = (unit: string): number => (convertible ? UNIT_TABLE[unit].toBase / mainInfo.toBase : 1);
  const byCode = new Float64Array(parsed.length);
  for (let c = 0; c < parsed.length; c++) byCode[c] = parsed[c] ? parsed[c]!.value * factorOf(parsed[c]!.unit) : NaN;
  const values = new Float64Array(col.codes.length);
  for (let i = 0; i < values.length; i++) values[i] = col.codes[i] < 0 ? NaN : byCode[col.codes[i]];
  const examples: string[] = [];
  for (let c = 0; c < parsed.length && examples.length < 3; c++) if (counts[c] > 0) examples.push(col.dictionary[c]);
  return { parsedShare: ok / nonNull, units: unitList, convertedTo: convertible ? main : null, formatted, values, examples };
}
