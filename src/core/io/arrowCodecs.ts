/**
 * Decompression codecs for Arrow IPC record batches. apache-arrow (≥ 21.1) decompresses buffers itself but ships no
 * codec: without one registered it fails with "Record batch is compressed but codec not found". pandas' `to_feather`
 * writes LZ4_FRAME by default and pyarrow offers ZSTD, so both are registered here from small pure-JS packages.
 *
 * The table is data: one entry per Arrow compression, each a `decode` (and an `encode` where the package has one,
 * which tests use to write compressed files). Registering is idempotent and happens before the first read.
 */
import { compressionRegistry, CompressionType } from 'apache-arrow';
import * as lz4 from 'lz4js';
import { decompress as zstdDecompress } from 'fzstd';

export interface ArrowCodec {
  name: string;
  decode(data: Uint8Array): Uint8Array;
  encode?(data: Uint8Array): Uint8Array;
}

/**
 * A copy at offset 0 of a fresh buffer when `bytes` starts off an 8-byte boundary. Arrow views decompressed buffers
 * as typed arrays in place; `BigInt64Array` (int64, timestamps) throws on a misaligned offset, and fzstd may return
 * a subarray of its window at any offset.
 */
export function aligned8(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset % 8 === 0) return bytes;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

export const arrowCodecs: ReadonlyMap<CompressionType, ArrowCodec> = new Map<CompressionType, ArrowCodec>([
  [
    CompressionType.LZ4_FRAME,
    {
      name: 'LZ4_FRAME (lz4js)',
      decode: (data) => aligned8(lz4.decompress(data)),
      encode: (data) => lz4.compress(data),
    },
  ],
  [CompressionType.ZSTD, { name: 'ZSTD (fzstd)', decode: (data) => aligned8(zstdDecompress(data)) }],
]);

let registered = false;

/** Puts every codec of `arrowCodecs` into apache-arrow's registry (once). */
export function registerArrowCodecs(): void {
  if (registered) return;
  for (const [type, codec] of arrowCodecs) {
    // Decoders only: apache-arrow validates an encoder by compressing a probe, and reading needs none.
    compressionRegistry.set(type, { decode: codec.decode });
  }
  registered = true;
}
