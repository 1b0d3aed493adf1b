/**
 * Loads test/fixtures/stats/expected.json (written by make_expected.py from scipy/numpy/mpmath) and rebuilds the
 * inputs stored as generator specs, with the same integer LCG and the same IEEE operations in the same order as
 * the python script, so both sides see bit-identical arrays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export interface LcgSpec {
  lcg: { kind: 'uniform' | 'normal4'; n: number; seed: number; scale?: number; shift?: number; decimals?: number };
}
export type Input = Array<number | string> | LcgSpec;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const expected: any = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/stats/expected.json'), 'utf8'));

/** Uniforms in [0, 1) from x ← 1664525·x + 1013904223 mod 2³², u = x / 2³² (make_expected.py: lcg). */
export function lcg(seed: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    out[i] = x / 4294967296;
  }
  return out;
}

/** JSON numbers, or the strings "NaN" / "Infinity" / "-Infinity" the script writes for non-finite values. */
export function num(v: number | string | null): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN' || v === null) return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  throw new TypeError(`num: unexpected fixture value ${String(v)}`);
}

export function materialize(spec: Input): Float64Array {
  if (Array.isArray(spec)) return Float64Array.from(spec, num);
  const { kind, n, seed } = spec.lcg;
  const scale = spec.lcg.scale ?? 1;
  const shift = spec.lcg.shift ?? 0;
  let x: Float64Array;
  if (kind === 'uniform') {
    const u = lcg(seed, n);
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = u[i] * scale + shift;
  } else {
    const u = lcg(seed, 4 * n);
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = (u[4 * i] + u[4 * i + 1] + u[4 * i + 2] + u[4 * i + 3] - 2) * scale + shift;
  }
  if (spec.lcg.decimals !== undefined) {
    const k = 10 ** spec.lcg.decimals;
    for (let i = 0; i < n; i++) x[i] = Math.floor(x[i] * k) / k;
  }
  return x;
}

/** |actual − expected| ≤ rel·|expected| (or both NaN / both equal); the message names the case. */
export function assertClose(actual: number, want: number, rel: number, what: string, abs = 0): void {
  if (Number.isNaN(want)) {
    assert.ok(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`);
    return;
  }
  if (actual === want) return;
  const err = Math.abs(actual - want);
  assert.ok(err <= rel * Math.abs(want) || err <= abs, `${what}: got ${actual}, expected ${want} (relative error ${err / Math.abs(want)}, allowed ${rel})`);
}
