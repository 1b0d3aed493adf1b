/**
 * Generates the benchmark pair (NOT committed; into bench/data/, which git ignores): `train.csv` and `prod.csv`,
 * each `rows` × 20 columns (14 numeric, 6 categorical), with some drift in production. Deterministic for a seed.
 * Skips the work when the files already exist with the sizes and seed recorded in `meta.json`.
 *
 *   node --import tsx bench/generate.ts [--rows 1000000] [--out bench/data] [--seed 1]
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeDraws, type Draws } from '../examples/generator/draws';

/** Bump when the column recipe changes, so that stale files are regenerated. */
const RECIPE_VERSION = 1;

interface BenchColumn {
  name: string;
  /** One value as CSV text ('' = null); `prod` says which side is drawn. */
  draw: (d: Draws, prod: boolean) => string;
}

const fixed = (x: number, decimals: number) => x.toFixed(decimals);
const pickOf = (values: readonly string[], weights: readonly number[]) => (d: Draws) => d.pick(values, weights);
const COUNTRIES = Array.from({ length: 30 }, (_, i) => `country_${String(i).padStart(2, '0')}`);
const countryWeights = COUNTRIES.map((_, i) => 1 / (i + 1));
// Production favours the tail countries a little: a mild categorical drift.
const countryWeightsProd = COUNTRIES.map((_, i) => 1 / (i + 1) + (i >= 20 ? 0.03 : 0));
const CATEGORIES = Array.from({ length: 12 }, (_, i) => `cat_${i}`);

export const COLUMNS: BenchColumn[] = [
  { name: 'age', draw: (d) => String(Math.round(Math.min(90, Math.max(18, d.normal(40, 12))))) },
  { name: 'income', draw: (d) => String(Math.round(d.logNormal(50000, 0.5))) },
  { name: 'balance', draw: (d) => fixed(d.logNormal(3000, 1), 2) },
  // Drifted: mean +0.3 std in production.
  { name: 'risk_score', draw: (d, prod) => fixed(d.normal(prod ? 0.3 : 0, 1), 4) },
  { name: 'utilisation', draw: (d) => fixed(d.uniform(), 4) },
  { name: 'num_products', draw: (d) => String(d.poisson(5)) },
  { name: 'tenure_months', draw: (d) => String(Math.floor(-36 * Math.log(1 - d.uniform()))) },
  { name: 'amount', draw: (d) => fixed(d.logNormal(250, 0.8), 2) },
  { name: 'interest_rate', draw: (d) => fixed(d.normal(5, 1), 3) },
  // Drifted: production latencies 30% longer.
  { name: 'latency_ms', draw: (d, prod) => fixed(-200 * (prod ? 1.3 : 1) * Math.log(1 - d.uniform()), 1) },
  { name: 'visits_30d', draw: (d) => String(d.poisson(20)) },
  // Null spike: 2% → 10%.
  { name: 'temperature', draw: (d, prod) => (d.uniform() < (prod ? 0.1 : 0.02) ? '' : fixed(d.normal(20, 5), 2)) },
  { name: 'clicks', draw: (d) => String(d.poisson(2)) },
  { name: 'discount', draw: (d) => fixed(d.uniform() < 0.7 ? 0 : d.uniform() * 0.5, 3) },
  { name: 'region', draw: pickOf(['north', 'south', 'east', 'west'], [0.3, 0.25, 0.25, 0.2]) },
  { name: 'device', draw: pickOf(['mobile', 'desktop', 'tablet'], [0.55, 0.35, 0.1]) },
  { name: 'plan', draw: pickOf(['free', 'basic', 'plus', 'pro', 'enterprise'], [0.4, 0.25, 0.2, 0.1, 0.05]) },
  { name: 'country', draw: (d, prod) => d.pick(COUNTRIES, prod ? countryWeightsProd : countryWeights) },
  // New category in production (5%).
  { name: 'category', draw: (d, prod) => (prod && d.uniform() < 0.05 ? 'cat_new' : d.pick(CATEGORIES, CATEGORIES.map(() => 1))) },
  { name: 'segment', draw: pickOf(['a', 'b'], [0.6, 0.4]) },
];

export interface BenchMeta {
  recipe: number;
  seed: number;
  rows: number;
  bytes: { train: number; prod: number };
}

function writeFile(path: string, rows: number, seed: number, prod: boolean): number {
  const d = makeDraws(seed);
  const fd = openSync(path, 'w');
  try {
    let chunk: string[] = [COLUMNS.map((c) => c.name).join(',')];
    const cells = new Array<string>(COLUMNS.length);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < COLUMNS.length; j++) cells[j] = COLUMNS[j].draw(d, prod);
      chunk.push(cells.join(','));
      // Written in chunks: the files are too big to hold as one string.
      if (chunk.length >= 20000) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}

function upToDate(dir: string, rows: number, seed: number): boolean {
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) return false;
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as BenchMeta;
    const size = (name: string) => (existsSync(join(dir, name)) ? statSync(join(dir, name)).size : -1);
    return meta.recipe === RECIPE_VERSION && meta.seed === seed && meta.rows === rows && meta.bytes.train === size('train.csv') && meta.bytes.prod === size('prod.csv');
  } catch {
    return false;
  }
}

/** Writes `dir/train.csv`, `dir/prod.csv` and `dir/meta.json` unless they are already there for this seed and size. */
export function generateBenchPair(dir: string, rows: number, seed: number): { generated: boolean; meta: BenchMeta } {
  if (upToDate(dir, rows, seed)) return { generated: false, meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BenchMeta };
  mkdirSync(dir, { recursive: true });
  // Different seeds per side, so production is not the training rows with a shift added.
  const train = writeFile(join(dir, 'train.csv'), rows, seed * 2 + 1, false);
  const prod = writeFile(join(dir, 'prod.csv'), rows, seed * 2 + 2, true);
  const meta: BenchMeta = { recipe: RECIPE_VERSION, seed, rows, bytes: { train, prod } };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  return { generated: true, meta };
}

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && /bench[\\/]generate\.ts$/.test(process.argv[1])) {
  const rows = Number(argValue('--rows', '1000000'));
  const seed = Number(argValue('--seed', '1'));
  const dir = argValue('--out', 'bench/data');
  if (!Number.isInteger(rows) || rows <= 0) throw new RangeError(`bench/generate: --rows must be a positive integer, got ${rows}`);
  const t0 = performance.now();
  const { generated, meta } = generateBenchPair(dir, rows, seed);
  const mb = (b: number) => (b / 1e6).toFixed(1) + ' MB';
  console.log(
    generated
      ? `generated ${dir}/train.csv (${mb(meta.bytes.train)}) and prod.csv (${mb(meta.bytes.prod)}), ${rows} rows × ${COLUMNS.length} columns, in ${((performance.now() - t0) / 1000).toFixed(1)} s`
      : `${dir}: ${rows} rows × ${COLUMNS.length} columns already generated (seed ${seed}), reusing`,
  );
}
