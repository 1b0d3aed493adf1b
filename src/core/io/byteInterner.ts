/**
 * A dictionary of distinct byte strings, looked up by the bytes themselves: a repeated category costs one hash and
 * one byte comparison, and only a new value is decoded into a JavaScript string. The bytes are kept too, so the
 * whole dictionary can be decoded again as latin-1 when the file turns out not to be UTF-8.
 */
import { isUtf8 } from 'node:buffer';

export type TextDecoding = 'utf8' | 'latin1';

/** Node's native slice decoders (present on every Buffer; `toString` wraps them with argument checks we don't need). */
type SliceBuffer = Buffer & { latin1Slice?(start: number, end: number): string; utf8Slice?(start: number, end: number): string };

export class ByteInterner {
  /** Decoded values, by code. */
  strings: string[] = [];
  private pool = new Uint8Array(1024);
  private poolView: SliceBuffer = Buffer.from(this.pool.buffer);
  private poolUsed = 0;
  /** Per code: the value has a byte ≥ 0x80 (otherwise latin-1 and UTF-8 decode it alike, and latin-1 is faster). */
  private high = new Uint8Array(64);
  private offsets = new Int32Array(64);
  private lengths = new Int32Array(64);
  private hashes = new Int32Array(64);
  /**
   * Open addressing over slot pairs [code, hash]; code -1 is an empty slot. The hash sits beside the code so a probe
   * touches one cache line, not the code's entry in `hashes` too (it matters for million-value id columns).
   */
  private table = new Int32Array(256).fill(-1);
  /** True once a value with bytes ≥ 0x80 that is not valid UTF-8 was added. */
  sawInvalidUtf8 = false;
  /** Entries that `isNull` matched (they stay in the dictionary, unreferenced, until `compact`). */
  nullEntries = 0;
  /** Per code: `isNull` matched the value. */
  private nullFlags = new Uint8Array(64);

  /**
   * @param isNull tells missing-value cells apart once per distinct value, so `internOrNull` costs a repeated
   *   missing token one lookup instead of a token comparison per cell.
   */
  constructor(
    private decoding: TextDecoding = 'utf8',
    private readonly isNull: ((bytes: Uint8Array, start: number, end: number) => boolean) | null = null,
  ) {}

  /** Code of `bytes[start, end)`, or -1 when it is a missing value (see `isNull`). */
  internOrNull(bytes: Uint8Array, start: number, end: number): number {
    const code = this.intern(bytes, start, end);
    return this.nullFlags[code] === 1 ? -1 : code;
  }

  get size(): number {
    return this.strings.length;
  }

  /** Code of `bytes[start, end)`, adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    // FNV's low bits cluster for values like "id_1001", "id_1002"; one avalanche step spreads them over the table.
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = h & mask;
    const len = end - start;
    for (;;) {
      const code = table[slot << 1];
      if (code < 0) break;
      if (table[(slot << 1) + 1] === h && this.lengths[code] === len && this.equals(code, bytes, start, len)) return code;
      slot = (slot + 1) & mask;
    }
    const code = this.strings.length;
    this.add(code, h, bytes, start, len);
    table[slot << 1] = code;
    table[(slot << 1) + 1] = h;
    if (code * 4 >= table.length) this.rehash(table.length * 2);
    return code;
  }

  /** Code of a JavaScript string (ASCII or not), for values that did not come from the file's bytes. */
  internString(s: string): number {
    const b = Buffer.from(s, this.decoding);
    return this.intern(b, 0, b.length);
  }

  /** Re-decodes every value (after the reader decided the file is latin-1). */
  setDecoding(decoding: TextDecoding): void {
    if (decoding === this.decoding) return;
    this.decoding = decoding;
    for (let i = 0; i < this.strings.length; i++) this.strings[i] = this.decode(i);
  }

  /**
   * Keeps only the codes marked in `keep` (renumbered in order) and returns old code → new code (-1 for dropped).
   * Used by row sampling, where replaced rows leave values that no row refers to any more.
   */
  compact(keep: Uint8Array): Int32Array {
    const remap = new Int32Array(this.strings.length).fill(-1);
    const old = { pool: this.pool, offsets: this.offsets, lengths: this.lengths, hashes: this.hashes, high: this.high, strings: this.strings };
    this.strings = [];
    this.pool = new Uint8Array(Math.max(1024, this.poolUsed));
    this.poolView = Buffer.from(this.pool.buffer);
    this.poolUsed = 0;
    this.offsets = new Int32Array(Math.max(64, old.strings.length));
    this.lengths = new Int32Array(this.offsets.length);
    this.hashes = new Int32Array(this.offsets.length);
    this.high = new Uint8Array(this.offsets.length);
    const oldNull = this.nullFlags;
    this.nullFlags = new Uint8Array(this.offsets.length);
    this.nullEntries = 0;
    let n = 0;
    for (let i = 0; i < old.strings.length; i++) if (keep[i]) n++;
    let tableSize = 256;
    while (tableSize < n * 4 + 4) tableSize *= 2;
    this.table = new Int32Array(tableSize).fill(-1);
    for (let i = 0; i < old.strings.length; i++) {
      if (!keep[i]) continue;
      const code = this.strings.length;
      this.addRaw(code, old.hashes[i], old.pool, old.offsets[i], old.lengths[i], old.high[i] === 1, old.strings[i]);
      this.place(code);
      if (oldNull[i] === 1) {
        this.nullFlags[code] = 1;
        this.nullEntries++;
      }
      remap[i] = code;
    }
    return remap;
  }

  private equals(code: number, bytes: Uint8Array, start: number, len: number): boolean {
    const pool = this.pool;
    const off = this.offsets[code];
    for (let i = 0; i < len; i++) if (pool[off + i] !== bytes[start + i]) return false;
    return true;
  }

  private add(code: number, h: number, bytes: Uint8Array, start: number, len: number): void {
    let high = false;
    for (let i = start; i < start + len; i++) {
      if (bytes[i] >= 0x80) {
        high = true;
        break;
      }
    }
    if (high && !this.sawInvalidUtf8 && !isUtf8(bytes.subarray(start, start + len))) this.sawInvalidUtf8 = true;
    this.addRaw(code, h, bytes, start, len, high, undefined);
    if (this.isNull !== null && this.isNull(bytes, start, start + len)) {
      this.nullFlags[code] = 1;
      this.nullEntries++;
    }
  }

  private addRaw(code: number, h: number, bytes: Uint8Array, start: number, len: number, high: boolean, decoded: string | undefined): void {
    if (code === this.offsets.length) {
      const n = code * 2;
      this.offsets = growInt32(this.offsets, n);
      this.lengths = growInt32(this.lengths, n);
      this.hashes = growInt32(this.hashes, n);
      const hi = new Uint8Array(n);
      hi.set(this.high);
      this.high = hi;
      const nf = new Uint8Array(n);
      nf.set(this.nullFlags);
      this.nullFlags = nf;
    }
    if (this.poolUsed + len > this.pool.length) {
      const p = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      p.set(this.pool.subarray(0, this.poolUsed));
      this.pool = p;
      this.poolView = Buffer.from(p.buffer);
    }
    // A byte loop: cells are short, and subarray() would allocate an object per value.
    const pool = this.pool;
    const off = this.poolUsed;
    for (let i = 0; i < len; i++) pool[off + i] = bytes[start + i];
    this.offsets[code] = off;
    this.lengths[code] = len;
    this.hashes[code] = h;
    this.high[code] = high ? 1 : 0;
    this.poolUsed += len;
    this.strings.push(decoded ?? this.decode(code));
  }

  private decode(code: number): string {
    const s = this.offsets[code];
    const e = s + this.lengths[code];
    const v = this.poolView;
    if (this.high[code] === 0 || this.decoding === 'latin1') return v.latin1Slice ? v.latin1Slice(s, e) : v.toString('latin1', s, e);
    return v.utf8Slice ? v.utf8Slice(s, e) : v.toString('utf8', s, e);
  }

  private place(code: number): void {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const h = this.hashes[code];
    let slot = h & mask;
    while (table[slot << 1] >= 0) slot = (slot + 1) & mask;
    table[slot << 1] = code;
    table[(slot << 1) + 1] = h;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size).fill(-1);
    for (let code = 0; code < this.strings.length; code++) this.place(code);
  }
}

function growInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
