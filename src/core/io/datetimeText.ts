/**
 * Date texts parsed from bytes. One parser serves both the CSV reader's hot path (cells straight from the file) and
 * `parseDatetimeText` (dictionary strings), so a column typed while streaming and one typed from its dictionary
 * accept exactly the same texts.
 */

const SPACE = 32;
const TAB = 9;

/** Parse state, reused: the hot loop allocates nothing. */
let pos = 0;

function digits(b: Uint8Array, end: number, max: number, min: number): number {
  let v = 0;
  let d = 0;
  while (pos < end && d < max) {
    const c = b[pos] - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    d++;
    pos++;
  }
  return d >= min ? v : -1;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Epoch milliseconds (UTC) of the date text in `b[start, end)`, or NaN. Accepts, after trimming blanks,
 * `yyyy-mm-dd` or `yyyy/mm/dd` (month and day may have one digit), optionally followed by `T` or a space and
 * `hh:mm[:ss[.fff…]]`, then optionally `Z` or an offset `±hh[:mm]` (one space allowed before it). No zone means UTC.
 * Fractions beyond milliseconds are truncated.
 * Complexity: O(end − start), no allocation.
 * @example parseDatetimeBytes(Buffer.from('2024-03-01 12:30'), 0, 16) // Date.UTC(2024, 2, 1, 12, 30)
 */
export function parseDatetimeBytes(b: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
  while (e > s && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  if (e - s < 8) return NaN;
  pos = s;
  const year = digits(b, e, 4, 4);
  if (year < 0) return NaN;
  const sep = b[pos];
  if (sep !== 45 && sep !== 47) return NaN; // - or /
  pos++;
  const month = digits(b, e, 2, 1);
  if (month < 1 || month > 12 || b[pos] !== sep) return NaN;
  pos++;
  const day = digits(b, e, 2, 1);
  if (day < 1 || day > daysInMonth(year, month)) return NaN;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  let offsetMin = 0;
  if (pos < e) {
    const t = b[pos];
    if (t !== 84 && t !== 116 && t !== SPACE) return NaN; // T, t or space
    pos++;
    h = digits(b, e, 2, 2);
    if (h < 0 || h > 23 || b[pos] !== 58) return NaN;
    pos++;
    mi = digits(b, e, 2, 2);
    if (mi < 0 || mi > 59) return NaN;
    if (pos < e && b[pos] === 58) {
      pos++;
      sec = digits(b, e, 2, 2);
      if (sec < 0 || sec > 59) return NaN;
      if (pos < e && (b[pos] === 46 || b[pos] === 44)) {
        pos++;
        let scale = 100;
        let n = 0;
        while (pos < e) {
          const c = b[pos] - 48;
          if (c < 0 || c > 9) break;
          if (scale >= 1) ms += c * scale;
          scale /= 10;
          n++;
          pos++;
        }
        if (n === 0) return NaN;
      }
    }
    if (pos < e && b[pos] === SPACE) pos++;
    if (pos < e) {
      const z = b[pos];
      if (z === 90 || z === 122) pos++; // Z or z
      else if (z === 43 || z === 45) {
        pos++;
        const oh = digits(b, e, 2, 2);
        if (oh < 0 || oh > 23) return NaN;
        if (pos < e && b[pos] === 58) pos++;
        const om = pos < e ? digits(b, e, 2, 2) : 0;
        if (om < 0 || om > 59) return NaN;
        offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
      } else return NaN;
    }
    if (pos !== e) return NaN;
  }
  return Date.UTC(year, month - 1, day, h, mi, sec, ms) - offsetMin * 60000;
}

/** Scratch bytes for `parseDatetimeString`. */
let scratch = new Uint8Array(64);

/** `parseDatetimeBytes` for a JavaScript string (any non-ASCII character makes it NaN). */
export function parseDatetimeString(text: string): number {
  const n = text.length;
  if (n > scratch.length) scratch = new Uint8Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return NaN;
    scratch[i] = c;
  }
  return parseDatetimeBytes(scratch, 0, n);
}
