/**
 * Calendar windows over a time column: UTC days, ISO weeks (Monday first) or calendar months. Calendar-aligned
 * windows, not equal slices of the range, so that "the week of 2024-03-04" means the same rows in both files and a
 * date named in a finding is one a person can look up in a deploy log.
 */

export type WindowUnit = 'day' | 'week' | 'month';

const DAY = 86_400_000;

/** Start of the window holding `ms` (UTC). */
export function windowFloor(ms: number, unit: WindowUnit): number {
  if (unit === 'day') return Math.floor(ms / DAY) * DAY;
  if (unit === 'week') {
    const day = Math.floor(ms / DAY);
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    const sinceMonday = (((day + 3) % 7) + 7) % 7;
    return (day - sinceMonday) * DAY;
  }
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the window after the one starting at `start`. */
export function windowNext(start: number, unit: WindowUnit): number {
  if (unit === 'day') return start + DAY;
  if (unit === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Window boundaries covering [min, max]: W + 1 increasing epoch-ms values for W windows. */
export function windowBounds(min: number, max: number, unit: WindowUnit): number[] {
  if (!(min <= max)) throw new RangeError(`windowBounds requires min ≤ max, got ${min} and ${max}`);
  const bounds = [windowFloor(min, unit)];
  while (bounds[bounds.length - 1] <= max) bounds.push(windowNext(bounds[bounds.length - 1], unit));
  return bounds;
}

/** Number of windows of `unit` that [min, max] touches. */
export function windowCount(min: number, max: number, unit: WindowUnit): number {
  if (unit === 'month') {
    const a = new Date(min);
    const b = new Date(max);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  const size = unit === 'day' ? DAY : 7 * DAY;
  return Math.round((windowFloor(max, unit) - windowFloor(min, unit)) / size) + 1;
}

/**
 * The finest unit giving between minWindows and maxWindows windows over [min, max]: the finest because more windows
 * date a change more precisely. When none fits, day for short ranges and month for long ones.
 */
export function chooseUnit(min: number, max: number, minWindows: number, maxWindows: number): WindowUnit {
  const units: WindowUnit[] = ['day', 'week', 'month'];
  for (const u of units) {
    const n = windowCount(min, max, u);
    if (n >= minWindows && n <= maxWindows) return u;
  }
  return windowCount(min, max, 'day') < minWindows ? 'day' : 'month';
}

/** Window index per row for sorted bounds (−1 for null or outside). O(rows · log windows). */
export function windowIndex(values: Float64Array, bounds: ArrayLike<number>): Int32Array {
  const out = new Int32Array(values.length);
  const last = bounds.length - 1;
  for (let i = 0; i < values.length; i++) {
    const t = values[i];
    if (!(t >= bounds[0] && t < bounds[last])) {
      out[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = last;
    // Largest w with bounds[w] ≤ t.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid] <= t) lo = mid;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}

/** ISO date (YYYY-MM-DD) of a window start, for evidence text. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
