/**
 * Deterministic pseudo-random numbers for sampling. Seeded so that a report computed twice on the same files is
 * identical (sampled KS, domain-classifier folds), which `Math.random` cannot give.
 */

/**
 * mulberry32: a 32-bit state generator returning floats in [0, 1).
 *
 * Source: Tommy Ettinger's mulberry32 (public domain, 2017); passes gjrand and PractRand to 2^32 outputs, enough
 * for sampling rows, not for cryptography.
 * Complexity: O(1) per draw, no allocation.
 * @example const rng = mulberry32(42); rng() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * k distinct indices drawn uniformly from 0..n−1, returned in ascending order (so callers read rows in file order).
 *
 * Source: Floyd's algorithm (Bentley & Floyd, "A sample of brilliance", CACM 1987): every k-subset equally likely,
 * with k draws and O(k) memory — unlike Fisher–Yates, which needs an n-sized permutation.
 * Complexity: O(k + n) time and n bytes when n ≤ max(64k, 2²⁰) (a bitmap scan gives sorted output), else O(k log k)
 * time and O(k) memory (a Set, then a sort).
 * @throws {RangeError} when n or k is not a non-negative integer, or k > n.
 * @example sampleIndices(10, 3, mulberry32(1)) // three sorted distinct indices below 10
 */
export function sampleIndices(n: number, k: number, rng: () => number): Uint32Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RangeError(`sampleIndices requires an integer n in [0, 2^32), got ${n}`);
  }
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`sampleIndices requires an integer k in [0, n], got k=${k}, n=${n}`);
  }
  const out = new Uint32Array(k);
  if (k === n) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  // A bitmap when it is small next to the sample (then one scan yields the indices already sorted), else a Set.
  if (n <= 64 * k || n <= 1 << 20) {
    const chosen = new Uint8Array(n);
    for (let j = n - k; j < n; j++) {
      const t = Math.floor(rng() * (j + 1));
      chosen[chosen[t] === 1 ? j : t] = 1;
    }
    let m = 0;
    for (let i = 0; i < n; i++) if (chosen[i] === 1) out[m++] = i;
    return out;
  }
  const chosen = new Set<number>();
  let m = 0;
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(rng() * (j + 1));
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    out[m++] = pick;
  }
  return out.sort();
}

/**
 * Shuffles an array in place, every permutation equally likely.
 *
 * Source: Fisher–Yates / Durstenfeld (Knuth TAOCP vol. 2, Algorithm P).
 * Complexity: O(n) time, O(1) extra memory.
 * @example shuffleInPlace(new Uint32Array([1, 2, 3]), mulberry32(7)) // a permutation of 1, 2, 3
 */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, rng: () => number): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
