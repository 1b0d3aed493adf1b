// The large pair behind the cancel test: big enough that reading and analysing it takes far longer than finding and
// pressing Cancel (3 M rows per file by default, ≈ 110 MB each). Written at test time into a gitignored folder and
// reused while its marker says it was written completely with the same row count.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeCsv(file, rows, seed, shift) {
  const r = rng(seed);
  const out = createWriteStream(file);
  const cats = ['north', 'south', 'east', 'west'];
  out.write('id,amount,income,tenure,ratio,region,label\n');
  const CHUNK = 20000;
  for (let i = 0; i < rows; i += CHUNK) {
    let s = '';
    for (let j = i; j < Math.min(rows, i + CHUNK); j++) {
      s += `${j},${(r() * 1000 + shift).toFixed(2)},${(r() * 90000 + 10000).toFixed(0)},${Math.floor(r() * 30)},${r().toFixed(4)},${cats[Math.floor(r() * 4)]},${r() < 0.2 ? 1 : 0}\n`;
    }
    if (!out.write(s)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Ensures `dir/train_big.csv` and `dir/prod_big.csv` exist with `rows` rows each; returns their paths. */
export async function ensureBigPair(dir, rows = 3_000_000) {
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, 'complete.json');
  const train = join(dir, 'train_big.csv');
  const prod = join(dir, 'prod_big.csv');
  const done = existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).rows === rows && existsSync(train) && existsSync(prod);
  if (!done) {
    await writeCsv(train, rows, 1, 0);
    await writeCsv(prod, rows, 2, 50);
    writeFileSync(marker, JSON.stringify({ rows }));
  }
  return { train, prod };
}
