/**
 * Arrow column → prodgap column. One `ArrowSink` per schema field, chosen once from the field's type; each record
 * batch is first decoded into a batch-sized scratch array (a tight loop specialised by type), then scattered into the
 * output slots the row sampler picked. Validity bitmaps become `NaN` / `-1`.
 *
 * Mapping: ints/floats → numeric; bool → boolean; date/timestamp (any unit, any zone) → datetime, epoch ms UTC;
 * utf8 / large_utf8 / dictionary<utf8 or number> → dictionary-coded strings; null type → an all-null string column.
 * Everything else (decimal, binary, nested, time-of-day, duration, interval, views) is skipped by the caller with a
 * warning naming the column and its type.
 */
import { DataType, DateUnit, Precision, TimeUnit, util, type Data, type Vector } from 'apache-arrow';
import { ByteInterner } from './byteInterner';

/** Distinct output slot per batch row, or −1 when the sampler dropped the row. */
export type SlotMap = Int32Array;

export interface NumericSink {
  kind: 'numeric';
  /** 'numeric', 'boolean' or 'datetime' in the output column. */
  target: 'numeric' | 'boolean' | 'datetime';
  /** Values came from an integer type (so they are whole numbers). */
  integerType: boolean;
  sourceType: string;
  values: Float64Array;
  /** Largest |value| of a 64-bit integer column (precision is lost above 2^53). */
  maxAbs64: number;
  decode(data: Data, out: Float64Array): void;
}

export interface StringSink {
  kind: 'string';
  sourceType: string;
  codes: Int32Array;
  /** Distinct values by their UTF-8 bytes (a repeated value costs a hash, not a string decode); `.strings` by code. */
  interner: ByteInterner;
  decode(data: Data, out: Int32Array): void;
}

export type ArrowSink = NumericSink | StringSink;

const TWO32 = 4294967296;

/** Arrow type as pyarrow prints it (`int64`, `timestamp[ns, UTC]`, `dictionary<string>`), for messages and sourceType. */
export function arrowTypeName(t: DataType): string {
  if (DataType.isInt(t)) return `${t.isSigned ? 'int' : 'uint'}${t.bitWidth}`;
  if (DataType.isFloat(t)) return t.precision === Precision.HALF ? 'float16' : t.precision === Precision.SINGLE ? 'float32' : 'float64';
  if (DataType.isBool(t)) return 'bool';
  if (DataType.isUtf8(t)) return 'string';
  if (DataType.isLargeUtf8(t)) return 'large_string';
  if (DataType.isTimestamp(t)) return `timestamp[${unitName(t.unit)}${t.timezone ? `, ${t.timezone}` : ''}]`;
  if (DataType.isDate(t)) return t.unit === DateUnit.DAY ? 'date32[day]' : 'date64[ms]';
  if (DataType.isDictionary(t)) return `dictionary<${arrowTypeName(t.dictionary)}>`;
  if (DataType.isNull(t)) return 'null';
  if (DataType.isDecimal(t)) return `decimal${t.bitWidth}(${t.precision}, ${t.scale})`;
  return String(t).toLowerCase();
}

function unitName(u: TimeUnit): string {
  return u === TimeUnit.SECOND ? 's' : u === TimeUnit.MILLISECOND ? 'ms' : u === TimeUnit.MICROSECOND ? 'us' : 'ns';
}

/** The sink for a field's type, or null when prodgap does not analyse that type. */
export function sinkFor(t: DataType): ArrowSink | null {
  const sourceType = arrowTypeName(t);
  if (DataType.isInt(t)) {
    const wide = t.bitWidth === 64;
    const decode = wide ? (t.isSigned ? decodeInt64 : decodeUint64) : decodeDirect;
    return numericSink('numeric', true, sourceType, decode);
  }
  if (DataType.isFloat(t)) return numericSink('numeric', false, sourceType, t.precision === Precision.HALF ? decodeHalf : decodeDirect);
  if (DataType.isBool(t)) return numericSink('boolean', true, sourceType, decodeBool);
  if (DataType.isTimestamp(t)) {
    const toMs = t.unit === TimeUnit.SECOND ? 1000 : t.unit === TimeUnit.MILLISECOND ? 1 : t.unit === TimeUnit.MICROSECOND ? 1e-3 : 1e-6;
    return numericSink('datetime', false, sourceType, (d, out) => decodeScaled64(d, out, toMs));
  }
  if (DataType.isDate(t)) {
    return numericSink('datetime', false, sourceType, t.unit === DateUnit.DAY ? decodeDays : (d, out) => decodeScaled64(d, out, 1));
  }
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return stringSink(sourceType, (s, d, out) => decodeUtf8(s, d, out));
  if (DataType.isDictionary(t)) {
    const v = t.dictionary;
    if (!(DataType.isUtf8(v) || DataType.isLargeUtf8(v) || DataType.isInt(v) || DataType.isFloat(v) || DataType.isBool(v))) return null;
    const cache = new WeakMap<Vector, Int32Array>();
    return stringSink(sourceType, (s, d, out) => decodeDictionary(s, d, out, cache));
  }
  if (DataType.isNull(t)) return stringSink(sourceType, (_s, d, out) => out.fill(-1, 0, d.length));
  return null;
}

function numericSink(target: NumericSink['target'], integerType: boolean, sourceType: string, decode: (d: Data, out: Float64Array) => void): NumericSink {
  const sink: NumericSink = { kind: 'numeric', target, integerType, sourceType, values: new Float64Array(0), maxAbs64: 0, decode };
  if (sourceType === 'int64' || sourceType === 'uint64') {
    sink.decode = (d, out) => {
      decode(d, out);
      for (let i = 0; i < d.length; i++) {
        const a = Math.abs(out[i]);
        if (a > sink.maxAbs64) sink.maxAbs64 = a;
      }
    };
  }
  return sink;
}

function stringSink(sourceType: string, decode: (s: StringSink, d: Data, out: Int32Array) => void): StringSink {
  const sink: StringSink = {
    kind: 'string',
    sourceType,
    codes: new Int32Array(0),
    interner: new ByteInterner(),
    decode: (d, out) => decode(sink, d, out),
  };
  return sink;
}

function decodeDirect(d: Data, out: Float64Array): void {
  const v = d.values as ArrayLike<number>;
  for (let i = 0; i < d.length; i++) out[i] = v[i];
}

function decodeHalf(d: Data, out: Float64Array): void {
  const v = d.values as Uint16Array;
  for (let i = 0; i < d.length; i++) out[i] = util.uint16ToFloat64(v[i]);
}

/**
 * int64 read as two 32-bit halves: hi·2^32 + lo is exact below 2^53 and correctly rounded above, with no BigInt per
 * value (BigInt conversion is several times slower on millions of rows).
 */
function decodeInt64(d: Data, out: Float64Array): void {
  const v = d.values as BigInt64Array;
  const w = new Int32Array(v.buffer, v.byteOffset, d.length * 2);
  for (let i = 0; i < d.length; i++) out[i] = w[2 * i + 1] * TWO32 + (w[2 * i] >>> 0);
}

function decodeUint64(d: Data, out: Float64Array): void {
  const v = d.values as BigUint64Array;
  const w = new Uint32Array(v.buffer, v.byteOffset, d.length * 2);
  for (let i = 0; i < d.length; i++) out[i] = w[2 * i + 1] * TWO32 + w[2 * i];
}

/**
 * 64-bit epoch counts in some unit, as whole epoch milliseconds. Sub-millisecond digits of us/ns timestamps are
 * floored away (as pandas' `ts.value // 10**6`), so every datetime in the model is a whole millisecond, as from CSV.
 */
function decodeScaled64(d: Data, out: Float64Array, toMs: number): void {
  if (toMs === 1e-6) return decodeNanos(d, out);
  decodeInt64(d, out);
  if (toMs === 1000) for (let i = 0; i < d.length; i++) out[i] *= 1000;
  else if (toMs < 1) {
    const per = Math.round(1 / toMs);
    for (let i = 0; i < d.length; i++) out[i] = Math.floor(out[i] / per);
  }
}

/**
 * Nanosecond counts of today's dates exceed 2^53, so a double would round them before the division and could land
 * on the neighbouring millisecond; BigInt division is exact (and floors negatives like pandas).
 */
function decodeNanos(d: Data, out: Float64Array): void {
  const v = d.values as BigInt64Array;
  const perMs = BigInt(1_000_000);
  const zero = BigInt(0);
  for (let i = 0; i < d.length; i++) {
    const x = v[i];
    let q = x / perMs;
    if (x < zero && q * perMs !== x) q -= BigInt(1);
    out[i] = Number(q);
  }
}

function decodeDays(d: Data, out: Float64Array): void {
  const v = d.values as Int32Array;
  for (let i = 0; i < d.length; i++) out[i] = v[i] * 86_400_000;
}

function decodeBool(d: Data, out: Float64Array): void {
  const bits = d.values as Uint8Array;
  const off = d.offset;
  for (let i = 0; i < d.length; i++) {
    const p = off + i;
    out[i] = (bits[p >> 3] >> (p & 7)) & 1;
  }
}

/** Value offsets as plain numbers: large_string offsets are int64, read as 32-bit halves (no BigInt per row). */
function offsetsOf(d: Data): ArrayLike<number> {
  const o = d.valueOffsets as Int32Array | BigInt64Array;
  if (!(o instanceof BigInt64Array)) return o;
  const n = d.length + 1;
  const w = new Int32Array(o.buffer, o.byteOffset, n * 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = w[2 * i + 1] * TWO32 + (w[2 * i] >>> 0);
  return out;
}

function decodeUtf8(sink: StringSink, d: Data, out: Int32Array): void {
  const offsets = offsetsOf(d);
  const bytes = d.values as Uint8Array;
  const interner = sink.interner;
  for (let i = 0; i < d.length; i++) out[i] = interner.intern(bytes, offsets[i], offsets[i + 1]);
}

/** Arrow dictionary indices → this sink's codes, through a per-dictionary lookup table built once. */
function decodeDictionary(sink: StringSink, d: Data, out: Int32Array, cache: WeakMap<Vector, Int32Array>): void {
  const dict = d.dictionary as Vector | undefined;
  if (!dict) {
    out.fill(-1, 0, d.length);
    return;
  }
  let lookup = cache.get(dict);
  if (!lookup) {
    lookup = new Int32Array(dict.length);
    for (let j = 0; j < dict.length; j++) {
      const v: unknown = dict.get(j);
      lookup[j] = v === null || v === undefined || (typeof v === 'number' && v !== v) ? -1 : sink.interner.internString(String(v));
    }
    cache.set(dict, lookup);
  }
  const idx = d.values as ArrayLike<number | bigint>;
  for (let i = 0; i < d.length; i++) out[i] = lookup[Number(idx[i])];
}

/** Marks rows whose validity bit is clear: `NaN` in numeric scratch, `-1` in code scratch. */
export function applyValidity(d: Data, out: Float64Array | Int32Array, nullValue: number): void {
  if (d.nullCount === 0 || !d.nullBitmap || d.nullBitmap.length === 0) return;
  const bits = d.nullBitmap;
  const off = d.offset;
  for (let i = 0; i < d.length; i++) {
    const p = off + i;
    if (((bits[p >> 3] >> (p & 7)) & 1) === 0) out[i] = nullValue;
  }
}
