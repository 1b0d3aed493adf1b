/**
 * A hash index from 64-bit keys (two uint32 words) to dense ids 0, 1, 2…, in typed arrays with open addressing.
 * A JS `Map`/`Set` keyed by doubles boxes every non-small-integer key; at a million rows that costs seconds, this
 * costs tens of milliseconds. Used for row hashes (row overlap) and numeric entity ids (entity pairing).
 */

/** The 32-bit finaliser of murmur3: spreads every input bit over the slot index. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyIndex {
  private lo: Uint32Array;
  private hi: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  /** Number of distinct keys. */
  size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private slot(lo: number, hi: number): number {
    let s = fmix((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) & this.mask;
    while (this.ids[s] >= 0 && (this.lo[s] !== lo || this.hi[s] !== hi)) s = (s + 1) & this.mask;
    return s;
  }

  /** The id of a key, or −1 when absent. Words are taken as uint32 (`x >>> 0`). */
  find(lo: number, hi: number): number {
    return this.ids[this.slot(lo >>> 0, hi >>> 0)];
  }

  /** The id of a key, adding it (with the next id) when absent. */
  intern(lo: number, hi: number): number {
    lo >>>= 0;
    hi >>>= 0;
    let s = this.slot(lo, hi);
    if (this.ids[s] >= 0) return this.ids[s];
    if ((this.size + 1) * 2 > this.ids.length) {
      this.grow();
      s = this.slot(lo, hi);
    }
    this.lo[s] = lo;
    this.hi[s] = hi;
    this.ids[s] = this.size;
    return this.size++;
  }

  private grow(): void {
    const { lo, hi, ids } = this;
    const cap = ids.length * 2;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let s = 0; s < ids.length; s++) {
      if (ids[s] < 0) continue;
      const t = this.slot(lo[s], hi[s]);
      this.lo[t] = lo[s];
      this.hi[t] = hi[s];
      this.ids[t] = ids[s];
    }
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The two words of a double, with −0 folded into 0 and every NaN into one pattern, for use as a KeyIndex key. */
export function doubleWords(x: number): [number, number] {
  f64[0] = x !== x ? NaN : x === 0 ? 0 : x;
  return [u32[0], u32[1]];
}
