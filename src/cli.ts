/**
 * `prodgap analyze <train> <prod> …` — the terminal and CI face of the engine. Usage errors, bad paths and
 * unreadable files exit 2 with one clear line on stderr; `--fail-on` makes findings fail a pipeline (exit 1).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { analyzeFiles, CancelledError } from './core/engine';
import { DataFileError } from './core/io/table';
import { withOptions, type DeepPartial, type AnalysisOptions } from './core/options';
import { renderPostmortem } from './core/report/postmortem';
import { renderChartsSvg } from './core/report/renderSvg';
import type { Report, Roles, Severity } from './core/report/types';

const USAGE = `usage: prodgap analyze <train> <prod> [--label C] [--prediction C] [--time C] [--id C]
                       [--json FILE] [--markdown FILE] [--no-charts] [--delimiter D] [--skip-bad-rows]
                       [--max-rows N] [--config FILE.json] [--fail-on warning|critical] [--quiet]`;

class UsageError extends Error {}

interface Args {
  train: string;
  prod: string;
  roles: Partial<Roles>;
  json?: string;
  markdown?: string;
  charts: boolean;
  delimiter?: string;
  skipBadRows: boolean;
  maxRows?: number;
  config?: string;
  failOn?: Severity;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  if (argv[0] === '--help' || argv[0] === '-h' || argv.length === 0) throw new UsageError(USAGE);
  if (argv[0] !== 'analyze') throw new UsageError(`unknown command "${argv[0]}"\n${USAGE}`);
  const positional: string[] = [];
  const a: Args = { train: '', prod: '', roles: {}, charts: true, skipBadRows: false, quiet: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--label':
      case '--prediction':
      case '--time':
      case '--id':
        a.roles[arg.slice(2) as keyof Roles] = value(i++, arg);
        break;
      case '--json': a.json = value(i++, arg); break;
      case '--markdown': a.markdown = value(i++, arg); break;
      case '--no-charts': a.charts = false; break;
      case '--delimiter': a.delimiter = value(i++, arg).replace('\\t', '\t'); break;
      case '--skip-bad-rows': a.skipBadRows = true; break;
      case '--quiet': a.quiet = true; break;
      case '--config': a.config = value(i++, arg); break;
      case '--max-rows': {
        const n = Number(value(i++, arg));
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-rows must be a whole number ≥ 0 (0 = no sampling)`);
        a.maxRows = n;
        break;
      }
      case '--fail-on': {
        const s = value(i++, arg);
        if (s !== 'warning' && s !== 'critical') throw new UsageError(`--fail-on must be "warning" or "critical", not "${s}"`);
        a.failOn = s;
        break;
      }
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
        positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new UsageError(`analyze needs exactly two files (training, production), got ${positional.length}\n${USAGE}`);
  [a.train, a.prod] = positional;
  for (const p of positional) {
    if (!existsSync(p)) throw new UsageError(`${p}: no such file`);
    if (statSync(p).isDirectory()) throw new UsageError(`${p}: is a directory, expected a CSV or Arrow file`);
  }
  return a;
}

function loadOptions(a: Args): AnalysisOptions {
  let over: DeepPartial<AnalysisOptions> = {};
  if (a.config) {
    try {
      over = JSON.parse(readFileSync(a.config, 'utf8')) as DeepPartial<AnalysisOptions>;
    } catch (e) {
      throw new UsageError(`${a.config}: not a readable JSON options file (${(e as Error).message})`);
    }
  }
  const o = withOptions(over);
  if (a.delimiter !== undefined) o.read.delimiter = a.delimiter;
  if (a.skipBadRows) o.read.skipBadRows = true;
  if (a.maxRows !== undefined) o.read.maxRows = a.maxRows;
  return o;
}

function printSummary(r: Report): void {
  const out: string[] = [];
  out.push(`prodgap: ${basename(r.train.path)} (${r.train.rows} rows) ↔ ${basename(r.prod.path)} (${r.prod.rows} rows)`);
  out.push(`verdict: ${r.summary.verdict.toUpperCase()} — ${r.summary.headline}`);
  const roles = Object.entries(r.roles).map(([k, v]) => `${k}=${v ?? '—'}`).join(' ');
  out.push(`roles: ${roles}`);
  if (r.hypotheses.length) {
    out.push('likely causes:');
    for (const h of r.hypotheses.slice(0, 5)) out.push(`  ${(h.score * 100).toFixed(0).padStart(3)}% ${h.confidence.padEnd(6)} ${h.title}`);
  }
  const top = r.findings.filter((f) => f.severity !== 'info').slice(0, 12);
  if (top.length) {
    out.push('findings:');
    for (const f of top) out.push(`  [${f.severity}] ${f.type}: ${f.title}`);
  }
  for (const w of [...r.train.warnings, ...r.prod.warnings]) out.push(`warning: ${w}`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<number> {
  let args: Args;
  let options: AnalysisOptions;
  try {
    args = parseArgs(process.argv.slice(2));
    options = loadOptions(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`prodgap: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let report: Report;
  try {
    report = await analyzeFiles(args.train, args.prod, options, args.roles, { readerScript: join(__dirname, 'reader.js') });
  } catch (e) {
    if (e instanceof DataFileError) {
      process.stderr.write(`prodgap: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RangeError && /no column of that name/.test(e.message)) {
      process.stderr.write(`prodgap: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CancelledError) return 130;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EISDIR') {
      process.stderr.write(`prodgap: ${err.path ?? ''}: ${err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 1));
  if (args.markdown) {
    const charts = args.charts ? await renderChartsSvg(report) : [];
    const chartDir = join(dirname(args.markdown), basename(args.markdown).replace(/\.md$/i, '') + '-charts');
    if (charts.length) mkdirSync(chartDir, { recursive: true });
    for (const c of charts) writeFileSync(join(chartDir, c.name), c.svg);
    const rel = relative(dirname(args.markdown), chartDir).split('\\').join('/');
    writeFileSync(args.markdown, renderPostmortem(report, { charts: charts.map((c) => ({ name: c.name, path: `${rel}/${c.name}`, title: c.title, id: c.id, summary: c.summary })) }));
  }
  if (!args.quiet) printSummary(report);
  if (args.failOn) {
    const bad = report.findings.some((f) => f.severity === 'critical' || (args.failOn === 'warning' && f.severity === 'warning'));
    if (bad) return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`prodgap: internal error: ${(e as Error).stack ?? e}\n`);
    process.exit(3);
  },
);
