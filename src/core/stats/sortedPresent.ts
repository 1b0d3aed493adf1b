/**
 * The non-null values of a numeric column, sorted ascending, computed once per column array.
 *
 * Why: drift (KS, Wasserstein, decile edges), segments (quartile bins), the timeline and the signatures all need the
 * same sorted training and production columns, and on a million rows the sort is the costly part. Weak keys: the
 * cached copy dies with the table it was made from. Callers must not modify the returned array.
 * Complexity: O(n) (radix sort, see sortFloat64) the first time, O(1) after.
 * @example sortedPresent(Float64Array.of(3, NaN, 1)) // Float64Array [1, 3]
 */
import { sortFloat64 } from './sortFloat64';

const cache = new WeakMap<Float64Array, Float64Array>();

export function sortedPresent(values: Float64Array): Float64Array {
  let s = cache.get(values);
  if (!s) {
    let n = 0;
    for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
    const out = new Float64Array(n);
    let j = 0;
    for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[j++] = values[i];
    s = sortFloat64(out);
    cache.set(values, s);
  }
  return s;
}
