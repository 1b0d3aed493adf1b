/**
 * Times the statistics in src/core/stats/ on 1,000,000-value columns (not a test; no assertions).
 * Run: node --import tsx bench/stats.ts
 */
import { ksTwoSample, ksTwoSampleSorted } from '../src/core/stats/ks';
import { wasserstein, wassersteinSorted } from '../src/core/stats/wasserstein';
import { binCounts, quantileEdges, quantileEdgesSorted } from '../src/core/stats/binning';
import { psi } from '../src/core/stats/psi';
import { jensenShannon } from '../src/core/stats/jensenShannon';
import { rocAuc } from '../src/core/stats/auc';
import { mean, median, variance } from '../src/core/stats/descriptive';
import { mulberry32, sampleIndices } from '../src/core/stats/random';
import { chiSquareContingency } from '../src/core/stats/chiSquare';
import { linearFit } from '../src/core/stats/linearFit';
import { sortFloat64 } from '../src/core/stats/sortFloat64';

const N = 1_000_000;
const rng = mulberry32(1);
function normal(n: number, shift: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng() + rng() + rng() + rng() - 2 + shift;
  return out;
}

/** Best of `repeat` runs after a warm-up; CPU time too, since wall time is noisy on a shared machine. */
function time<T>(label: string, fn: () => T, repeat = 3): T {
  let result = fn();
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let r = 0; r < repeat; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    result = fn();
    bestWall = Math.min(bestWall, performance.now() - t);
    const d = process.cpuUsage(c);
    bestCpu = Math.min(bestCpu, (d.user + d.system) / 1000);
  }
  console.log(`${label.padEnd(56)} wall ${bestWall.toFixed(1).padStart(8)} ms   cpu ${bestCpu.toFixed(1).padStart(8)} ms`);
  return result;
}

const a = normal(N, 0);
const b = normal(N, 0.01);
time('Float64Array.prototype.sort (1M)', () => Float64Array.from(a).sort());
const sa = time('sortFloat64 (1M)', () => sortFloat64(Float64Array.from(a)));
const sb = sortFloat64(Float64Array.from(b));
time('ksTwoSample 1M vs 1M (sorts included)', () => ksTwoSample(a, b));
const ks = time('ksTwoSampleSorted 1M vs 1M (asymptotic)', () => ksTwoSampleSorted(sa, sb));
console.log('   ', ks);
const sc = sortFloat64(normal(N, 0.002));
time('ksTwoSampleSorted 1M vs 1M, small drift (Smirnov tail)', () => ksTwoSampleSorted(sa, sc));
time('ksTwoSample 10k vs 10k exact (auto)', () => ksTwoSample(a.subarray(0, 10000), b.subarray(0, 10000)));
time('ksTwoSample 10k vs 9999 exact, D ≈ 0.4 (worst case)', () => ksTwoSample(a.subarray(0, 10000), normal(9999, 1)), 1);
time('wasserstein 1M vs 1M (sorts included)', () => wasserstein(a, b));
time('wassersteinSorted 1M vs 1M', () => wassersteinSorted(sa, sb));
const edges = time('quantileEdges 1M, 10 bins (sort included)', () => quantileEdges(a, 10));
time('quantileEdgesSorted', () => quantileEdgesSorted(sa, 10));
const ca = time('binCounts 1M, 9 edges', () => binCounts(a, edges));
const cb = binCounts(b, edges);
time('psi + jensenShannon on 10 bins', () => psi(ca, cb) + jensenShannon(ca, cb));
const labels = new Float64Array(N);
for (let i = 0; i < N; i++) labels[i] = rng() < 0.3 ? 1 : 0;
const scores = new Float64Array(N);
for (let i = 0; i < N; i++) scores[i] = Math.round((rng() + 0.2 * labels[i]) * 1000) / 1000;
time('rocAuc 1M (with ties)', () => rocAuc(scores, labels));
time('mean + variance 1M', () => mean(a) + variance(a));
time('median 1M', () => median(a));
time('linearFit 1M', () => linearFit(a, b));
time('sampleIndices 100k of 1M', () => sampleIndices(N, 100_000, mulberry32(3)));
time('chiSquareContingency 2 × 1000', () => chiSquareContingency([Array.from(ca.subarray(0, 10)), Array.from(cb.subarray(0, 10))]));
time('quantileEdges on already sorted 1M (columnDrift passes sorted values)', () => quantileEdges(sa, 10));
