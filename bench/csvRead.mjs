// Times the CSV reader alone against pandas.read_csv on the same file: wall time, CPU time (user+sys, all threads)
// and throughput. Bundles src/core/io/csv.ts with esbuild first, as the shipped extension does (tsx's CommonJS
// transform puts a getter behind every imported binding, which slows the hot loops and would misstate the reader).
//
//   node bench/csvRead.mjs [FILE] [--runs N] [--no-pandas]
//
// FILE defaults to bench/data/train.csv (1M rows × 20 columns; `npm run bench -- --quick` or bench/generate.ts makes it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
const file = resolve(args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--runs') ?? 'bench/data/train.csv');
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
if (!existsSync(file)) {
  console.error(`csvRead: ${file} does not exist — run: node --import tsx bench/generate.ts`);
  process.exit(2);
}
const out = join(mkdtempSync(join(tmpdir(), 'prodgap-csvbench-')), 'csv.mjs');
await esbuild.build({
  stdin: {
    contents: "export { readCsv } from './src/core/io/csv'; export { readDefaults } from './src/core/io/readOptions';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { readCsv, readDefaults } = await import(pathToFileURL(out).href);
const mb = statSync(file).size / 1e6;

const ours = [];
for (let r = 0; r < runs; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const t = await readCsv(file, { ...readDefaults });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  ours.push({ wall, cpu: (c.user + c.system) / 1000, rows: t.rows, cols: t.columns.length });
}
const best = (xs, k) => Math.min(...xs.map((x) => x[k]));
const o = { wall: best(ours, 'wall'), cpu: best(ours, 'cpu') };
console.log(`file: ${file} (${mb.toFixed(1)} MB, ${ours[0].rows} rows × ${ours[0].cols} columns); best of ${runs}`);
console.log(`prodgap readCsv : wall ${o.wall.toFixed(0)} ms (${(mb / (o.wall / 1000)).toFixed(0)} MB/s), cpu ${o.cpu.toFixed(0)} ms`);

if (!args.includes('--no-pandas')) {
  const py = [
    'import pandas as pd, sys, time',
    'w = []; c = []',
    `for _ in range(${runs}):`,
    '    t0 = time.perf_counter(); p0 = time.process_time(); pd.read_csv(sys.argv[1])',
    '    w.append(time.perf_counter() - t0); c.append(time.process_time() - p0)',
    'print(min(w) * 1000, min(c) * 1000)',
  ].join('\n');
  const r = spawnSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' });
  if (r.status !== 0) console.log(`pandas: not run (${(r.stderr || '').trim().split('\n').pop()})`);
  else {
    const [pw, pc] = r.stdout.trim().split(/\s+/).map(Number);
    console.log(`pandas.read_csv : wall ${pw.toFixed(0)} ms (${(mb / (pw / 1000)).toFixed(0)} MB/s), cpu ${pc.toFixed(0)} ms`);
    console.log(`ratio prodgap/pandas: wall ${(o.wall / pw).toFixed(2)}, cpu ${(o.cpu / pc).toFixed(2)}`);
  }
}
