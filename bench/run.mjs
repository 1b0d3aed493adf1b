// `npm run bench` (after `npm run build`): times `prodgap analyze` against bench/baseline.py (pandas + scipy) on a
// generated CSV pair and prints both wall times, their ratio and both peak memories.
//
//   node bench/run.mjs [--quick] [--rows N] [--runs N] [--cli dist/cli.js]
//
// --quick: 100 000 rows (a smoke run); default 1 000 000 rows × 20 columns per file. --runs: repeat each tool and
// report the median wall time and the largest peak RSS. Data goes to bench/data/ (git-ignored), generated once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

const quick = flag('--quick');
const rows = Number(value('--rows', quick ? '100000' : '1000000'));
const runs = Number(value('--runs', '1'));
const dir = rows === 1000000 ? 'bench/data' : join('bench/data', `rows-${rows}`);
const python = '/usr/bin/python3';
const TIME = '/usr/bin/time';

// 1. Data (skipped when bench/data/meta.json says the files are already there for this size and seed).
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate.ts', '--rows', String(rows), '--out', dir], { stdio: 'inherit' });
if (gen.status !== 0) {
  console.error('bench: generating the data failed');
  process.exit(1);
}
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));

// 2. How peak memory is measured: GNU time's max RSS when it works here, else polling VmHWM in /proc.
const scratch = mkdtempSync(join(tmpdir(), 'prodgap-bench-'));
const gnuTime = existsSync(TIME) && spawnSync(TIME, ['-v', '-o', join(scratch, 'probe'), 'true']).status === 0;
const memoryMethod = gnuTime
  ? '/usr/bin/time -v (max RSS of the process; worker threads included)'
  : existsSync('/proc/self/status')
    ? 'polling VmHWM in /proc/<pid>/status every 50 ms (the process itself, not its children)'
    : 'not measured (neither /usr/bin/time nor /proc available)';

/** Runs one command; resolves with wall ms (spawn to exit), peak RSS in KiB (or null), exit code and output. */
function measure(command, commandArgs) {
  return new Promise((resolve) => {
    const timeFile = join(scratch, `time-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    const [cmd, cmdArgs] = gnuTime ? [TIME, ['-v', '-o', timeFile, command, ...commandArgs]] : [command, commandArgs];
    const t0 = performance.now();
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    let polledKb = null;
    const poll =
      !gnuTime && existsSync('/proc/self/status')
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) polledKb = Math.max(polledKb ?? 0, Number(m[1]));
            } catch {
              // the process has just exited
            }
          }, 50)
        : null;
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      let peakKb = polledKb;
      let cpuMs = null;
      if (gnuTime && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        if (m) peakKb = Number(m[1]);
        const user = /User time \(seconds\): ([\d.]+)/.exec(text);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
      }
      resolve({ wallMs, cpuMs, peakKb, code, stdout, stderr });
    });
  });
}

async function bench(label, command, commandArgs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(command, commandArgs);
    results.push(r);
    if (r.code !== 0) {
      console.error(`\n${label} exited with ${r.code}:\n${(r.stderr || r.stdout).trim().split('\n').slice(-15).join('\n')}`);
      return { label, ok: false, wallMs: r.wallMs, cpuMs: r.cpuMs, peakKb: r.peakKb, results };
    }
  }
  const walls = results.map((r) => r.wallMs).sort((a, b) => a - b);
  const peaks = results.map((r) => r.peakKb).filter((k) => k !== null);
  const cpus = results.map((r) => r.cpuMs).filter((c) => c !== null).sort((a, b) => a - b);
  return {
    label,
    ok: true,
    wallMs: walls[Math.floor(walls.length / 2)],
    cpuMs: cpus.length ? cpus[Math.floor(cpus.length / 2)] : null,
    peakKb: peaks.length ? Math.max(...peaks) : null,
    results,
  };
}

// 3. The two contenders, on the same files (already in the page cache after generation, for both alike).
const train = join(dir, 'train.csv');
const prod = join(dir, 'prod.csv');
// --cli: time another build of the CLI (e.g. a bundle made outside dist/); the default is what `npm run build` writes.
const cli = value('--cli', 'dist/cli.js');
const reportPath = join(tmpdir(), 'bench-report.json');
console.log(`\nbench: ${rows.toLocaleString('en-US')} rows × 20 columns per file (train ${(meta.bytes.train / 1e6).toFixed(0)} MB, prod ${(meta.bytes.prod / 1e6).toFixed(0)} MB), ${runs} run(s) each\n`);

let prodgap;
if (!existsSync(cli)) {
  console.error(`bench: ${cli} not found — run \`npm run build\` first (npm run bench does)`);
  prodgap = { label: 'prodgap', ok: false, wallMs: NaN, cpuMs: null, peakKb: null, results: [] };
} else {
  process.stdout.write('running prodgap analyze … ');
  prodgap = await bench('prodgap analyze', process.execPath, [cli, 'analyze', train, prod, '--json', reportPath]);
  console.log(prodgap.ok ? `${(prodgap.wallMs / 1000).toFixed(2)} s` : 'failed');
}
process.stdout.write('running pandas + scipy baseline … ');
const baseline = await bench('baseline.py', python, ['bench/baseline.py', train, prod]);
console.log(baseline.ok ? `${(baseline.wallMs / 1000).toFixed(2)} s` : 'failed');
rmSync(scratch, { recursive: true, force: true });

// 4. The table.
const secs = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
const mib = (kb) => (kb === null || kb === undefined ? '—' : `${(kb / 1024).toFixed(0)} MiB`);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const timeRatio = prodgap.ok && baseline.ok ? ratio(prodgap.wallMs, baseline.wallMs) : NaN;
const memRatio = prodgap.ok && baseline.ok && prodgap.peakKb && baseline.peakKb ? ratio(prodgap.peakKb, baseline.peakKb) : NaN;
const cpuRatio = prodgap.ok && baseline.ok && prodgap.cpuMs && baseline.cpuMs ? ratio(prodgap.cpuMs, baseline.cpuMs) : NaN;
const fmtRatio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
const cpu = (ms) => (ms === null || ms === undefined ? '—' : secs(ms));
const verdict = (r, target, strict) => (!Number.isFinite(r) ? 'n/a' : (strict ? r < target : r <= target) ? 'met' : 'NOT met');
const rowsOut = [
  ['', 'wall time', 'peak RSS', 'CPU (user+sys)'],
  [`prodgap analyze (node ${cli})`, secs(prodgap.wallMs), mib(prodgap.peakKb), cpu(prodgap.cpuMs)],
  ['baseline (pandas + scipy)', secs(baseline.wallMs), mib(baseline.peakKb), cpu(baseline.cpuMs)],
  ['ratio prodgap / baseline', fmtRatio(timeRatio), fmtRatio(memRatio), fmtRatio(cpuRatio)],
  ['target', '≤ 0.50×', '< 1.00×', ''],
  ['', verdict(timeRatio, 0.5, false), verdict(memRatio, 1, true), ''],
];
const widths = [0, 1, 2, 3].map((j) => Math.max(...rowsOut.map((r) => r[j].length)));
const line = (r) => `  ${r[0].padEnd(widths[0])}   ${r.slice(1).map((c, j) => c.padStart(widths[j + 1])).join('   ')}`;
console.log('\n' + rowsOut.map(line).join('\n'));
console.log(`\n  wall time: spawn to exit of the whole process (interpreter start, imports and file reading included)`);
console.log(`  CPU time: user + system seconds of the process (from /usr/bin/time); on a busy machine it is steadier than wall time`);
console.log(`  peak memory: ${memoryMethod}`);
const selfReported = /baseline wall time: ([\d.]+) s/.exec(baseline.results.at(-1)?.stdout ?? '');
if (selfReported) console.log(`  baseline's own timer (after python start-up, imports included): ${selfReported[1]} s`);

mkdirSync('bench/data', { recursive: true });
writeFileSync(
  'bench/data/last-run.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      rows,
      columns: 20,
      bytes: meta.bytes,
      runs,
      memoryMethod,
      prodgap: { ok: prodgap.ok, wallSeconds: prodgap.wallMs / 1000, cpuSeconds: prodgap.cpuMs === null ? null : prodgap.cpuMs / 1000, peakRssKiB: prodgap.peakKb },
      baseline: { ok: baseline.ok, wallSeconds: baseline.wallMs / 1000, cpuSeconds: baseline.cpuMs === null ? null : baseline.cpuMs / 1000, peakRssKiB: baseline.peakKb },
      timeRatio,
      memoryRatio: memRatio,
      cpuRatio,
    },
    null,
    2,
  ) + '\n',
);
console.log('  (saved to bench/data/last-run.json)');
process.exit(prodgap.ok && baseline.ok ? 0 : 1);
