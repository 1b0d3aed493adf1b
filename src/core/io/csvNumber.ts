/**
 * Decimal numbers parsed straight from the bytes of a CSV cell, without making a string first: the hot path of the
 * CSV reader, so it avoids allocation and regular expressions.
 */

/** Exact powers of ten 10^0 … 10^22. */
export const POW10: Float64Array = (() => {
  const p = new Float64Array(23);
  p[0] = 1;
  for (let i = 1; i < 23; i++) p[i] = p[i - 1] * 10;
  return p;
})();

/** Largest mantissa that is exact in a double (2^53). */
const EXACT_MANTISSA = 9007199254740992;

/**
 * Facts about the last successful `parseNumberBytes` call, kept in module state so the hot loop allocates nothing.
 * - `canonical`: `String(value)` reproduces the cell text exactly, so a column re-typed to strings later can recover
 *   the text from the value instead of re-reading the file (false for `1.0`, `007`, `+3`, `1e5`, ` 4`, `-0`…).
 * - `fractional`: the text had a decimal point or an exponent (`float64` rather than `int64` in the source type).
 */
export const lastNumber = { canonical: true, fractional: false };

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Parses the decimal number in `bytes[start, end)` (optional surrounding blanks, optional sign, digits with an
 * optional fraction and exponent, or `inf`/`infinity`), returning `NaN` when the cell is not a number.
 *
 * Source: Clinger's fast path (W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990): a mantissa
 * below 2^53 times or divided by an exact power of ten up to 10^22 is one correctly rounded operation; every other
 * case falls back to `parseFloat` on the text, so results always equal JavaScript's own parsing.
 * Complexity: O(end − start), no allocation on the fast path.
 * @example parseNumberBytes(Buffer.from('-12.5e1'), 0, 7) // -125
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  // Fast path for `-?digits[.digits]` with at most 15 digits — nearly every cell of a numeric column. The mantissa
  // is then exact and one division by an exact power of ten rounds correctly.
  let s = start;
  let neg = false;
  if (s < end && bytes[s] === 45) {
    neg = true;
    s++;
  }
  const ds = s;
  let mant = 0;
  while (s < end) {
    const c = bytes[s] - 48;
    if (c < 0 || c > 9) break;
    mant = mant * 10 + c;
    s++;
  }
  const intDigits = s - ds;
  let fracDigits = 0;
  let fractional = false;
  if (s < end && bytes[s] === 46) {
    fractional = true;
    s++;
    const fs = s;
    while (s < end) {
      const c = bytes[s] - 48;
      if (c < 0 || c > 9) break;
      mant = mant * 10 + c;
      s++;
    }
    fracDigits = s - fs;
  }
  const digits = intDigits + fracDigits;
  if (s === end && digits > 0 && digits <= 15) {
    const v = fracDigits === 0 ? mant : mant / POW10[fracDigits];
    let canonical = !(intDigits > 1 && bytes[ds] === 48) && !(neg && mant === 0);
    if (fractional && (fracDigits === 0 || intDigits === 0 || bytes[end - 1] === 48)) canonical = false;
    if (v !== 0 && v < 1e-6) canonical = false;
    lastNumber.canonical = canonical;
    lastNumber.fractional = fractional;
    return neg ? -v : v;
  }
  return parseNumberGeneral(bytes, start, end);
}

/** Every other number: blanks, `+`, exponents, long mantissas, infinities (see `parseNumberBytes`). */
function parseNumberGeneral(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isSpace(bytes[s])) s++;
  while (e > s && isSpace(bytes[e - 1])) e--;
  if (s >= e) return NaN;
  let canonical = s === start && e === end;
  let fractional = false;
  let neg = false;
  let c = bytes[s];
  if (c === 45) {
    neg = true;
    s++;
  } else if (c === 43) {
    canonical = false;
    s++;
  }
  if (s >= e) return NaN;
  const digitsStart = s;
  let mant = 0;
  let exp10 = 0;
  let intDigits = 0;
  let fracDigits = 0;
  while (s < e) {
    c = bytes[s] - 48;
    if (c < 0 || c > 9) break;
    mant = mant * 10 + c;
    intDigits++;
    s++;
  }
  if (intDigits > 1 && bytes[digitsStart] === 48) canonical = false;
  if (s < e && bytes[s] === 46) {
    fractional = true;
    s++;
    let last = -1;
    while (s < e) {
      c = bytes[s] - 48;
      if (c < 0 || c > 9) break;
      mant = mant * 10 + c;
      fracDigits++;
      last = c;
      s++;
    }
    exp10 = -fracDigits;
    // "5." and ".5" and "1.50" all print differently from String(value).
    if (fracDigits === 0 || intDigits === 0 || last === 0) canonical = false;
  }
  if (intDigits + fracDigits === 0) return parseInfinity(bytes, s, e, neg);
  if (s < e && (bytes[s] === 101 || bytes[s] === 69)) {
    fractional = true;
    canonical = false;
    s++;
    let eneg = false;
    if (s < e && (bytes[s] === 45 || bytes[s] === 43)) {
      eneg = bytes[s] === 45;
      s++;
    }
    let ev = 0;
    let edigits = 0;
    while (s < e) {
      c = bytes[s] - 48;
      if (c < 0 || c > 9) break;
      if (ev < 100000) ev = ev * 10 + c;
      edigits++;
      s++;
    }
    if (edigits === 0) return NaN;
    exp10 += eneg ? -ev : ev;
  }
  if (s !== e) return NaN;
  let value: number;
  if (mant < EXACT_MANTISSA && exp10 >= -22 && exp10 <= 22) {
    value = exp10 < 0 ? mant / POW10[-exp10] : mant * POW10[exp10];
  } else {
    value = parseFloat(latin1(bytes, digitsStart, e));
  }
  if (neg) {
    value = -value;
    if (mant === 0) canonical = false; // String(-0) is "0"
  }
  // Beyond 15 significant digits or outside plain notation, String(value) may not give the text back.
  if (canonical && (mant >= 1e15 || (value !== 0 && (Math.abs(value) < 1e-6 || Math.abs(value) >= 1e21)))) canonical = false;
  lastNumber.canonical = canonical;
  lastNumber.fractional = fractional;
  return value;
}

function parseInfinity(bytes: Uint8Array, s: number, e: number, neg: boolean): number {
  const word = latin1(bytes, s, e).toLowerCase();
  if (word !== 'inf' && word !== 'infinity') return NaN;
  lastNumber.canonical = false;
  lastNumber.fractional = true;
  return neg ? -Infinity : Infinity;
}

function latin1(bytes: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(bytes[i]);
  return out;
}
