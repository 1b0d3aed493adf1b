// lz4js ships no type declarations; only the two calls arrowCodecs.ts uses are declared.
declare module 'lz4js' {
  /** Decompresses one LZ4 frame; `maxSize` (the uncompressed length, when known) avoids a scan for the bound. */
  export function decompress(src: Uint8Array, maxSize?: number): Uint8Array;
  /** Compresses into one LZ4 frame. */
  export function compress(src: Uint8Array, maxSize?: number): Uint8Array;
}
