/**
 * Generates the bundled sample pair (examples/train.*, examples/prod.*) with its planted problems, and the control
 * pair (examples/control/*) with none. Deterministic: same seed, same bytes.
 *
 *   npx tsx examples/generate.ts            writes every output next to this file
 *
 * See examples/README.md for what is planted where and which finding prodgap should raise for it.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { makeDraws } from './generator/draws';
import { drawApplicant, interceptForRate, logistic, trueRisk, type Applicant } from './generator/population';
import { fitLogistic, type LogisticModel } from './generator/logistic';
import { PLANTED, driftedCreditScore, laterApplication, observeProduction, observeTraining } from './generator/planted';
import { MODEL_FEATURES, featureColumns, toFile, type Observed, type SampleFile } from './generator/sampleFile';
import { writeCsv } from './generator/csv';
import { writeArrow } from './generator/arrow';
import { generateControl } from './generator/control';

export { generateControl };

export interface PairOptions {
  seed?: number;
  trainRows?: number;
  /** Production rows, shared customers included. */
  prodRows?: number;
  sharedCustomers?: number;
}

export interface Pair {
  train: SampleFile;
  prod: SampleFile;
  model: LogisticModel;
}

export const DEFAULT_SEED = 20240901;

export const TRAIN_WINDOW = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 9, 1) };
export const PROD_WINDOW = { start: Date.UTC(2024, 8, 1), end: Date.UTC(2025, 0, 1) };
/** Shared customers are picked among training applications before this date, so their second one is later. */
const SHARED_BEFORE = Date.UTC(2024, 7, 1);

export function generatePair(options: PairOptions = {}): Pair {
  const seed = options.seed ?? DEFAULT_SEED;
  const trainRows = options.trainRows ?? 50000;
  const prodRows = options.prodRows ?? 50000;
  const shared = options.sharedCustomers ?? PLANTED.sharedCustomers;
  const d = makeDraws(seed);

  // Training: the true process, labels at the base rate, then the leak (f).
  const trainApplicants: Applicant[] = [];
  for (let i = 0; i < trainRows; i++) trainApplicants.push(drawApplicant(d, i + 1, TRAIN_WINDOW.start, TRAIN_WINDOW.end));
  const trainRisk = trainApplicants.map(trueRisk);
  const b0 = interceptForRate(trainRisk, PLANTED.baseRate);
  const train: Observed[] = trainApplicants.map((a, i) => observeTraining(d, a, d.uniform() < logistic(b0 + trainRisk[i]) ? 1 : 0));
  const model = fitLogistic([...MODEL_FEATURES], featureColumns(train), train.map((o) => o.label));

  // Production: (h) returning customers first, then new applicants with the genuine credit drift (a).
  const eligible = trainApplicants.filter((a) => a.date < SHARED_BEFORE);
  const returning = pickWithoutReplacement(d, eligible, shared);
  const prodApplicants: Applicant[] = returning.map((a) => laterApplication(d, a, dateIn(d, PROD_WINDOW)));
  const creditScale = prodRows / (prodRows - shared);
  for (let i = prodApplicants.length; i < prodRows; i++) {
    const a = drawApplicant(d, trainRows + i + 1, PROD_WINDOW.start, PROD_WINDOW.end);
    const t = (a.date - PROD_WINDOW.start) / (PROD_WINDOW.end - PROD_WINDOW.start);
    a.creditScore = driftedCreditScore(a.creditScore, t, creditScale);
    prodApplicants.push(a);
  }
  // (g) In the collapsing region the risk relationship flips; each group keeps the base rate so no label shift.
  const inCollapse = prodApplicants.map((a) => a.region === PLANTED.collapseRegion);
  const prodRisk = prodApplicants.map((a, i) => (inCollapse[i] ? PLANTED.collapseRiskFactor : 1) * trueRisk(a));
  const bCollapse = interceptForRate(prodRisk.filter((_, i) => inCollapse[i]), PLANTED.baseRate);
  const bOther = interceptForRate(prodRisk.filter((_, i) => !inCollapse[i]), PLANTED.baseRate);
  const sharedIds = new Set(returning.map((a) => a.id));
  const prod: Observed[] = prodApplicants.map((a, i) => {
    const label = d.uniform() < logistic((inCollapse[i] ? bCollapse : bOther) + prodRisk[i]) ? 1 : 0;
    const o = observeProduction(d, a, label);
    // Returning customers keep their channel so that a join on them differs only where the pipeline does (h).
    if (sharedIds.has(a.id)) o.channel = a.channel;
    return o;
  });

  return {
    train: toFile(train, model, 'account_balance'),
    prod: toFile(prod, model, PLANTED.renamedBalance),
    model,
  };
}

function dateIn(d: ReturnType<typeof makeDraws>, w: { start: number; end: number }): number {
  return Math.floor((w.start + d.uniform() * (w.end - w.start)) / 1000) * 1000;
}

/** k items in their original order, by a partial Fisher–Yates over indices. */
function pickWithoutReplacement<T>(d: ReturnType<typeof makeDraws>, items: T[], k: number): T[] {
  const idx = items.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = d.int(i, idx.length);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}

export function writeAll(dir: string, seed = DEFAULT_SEED): void {
  const pair = generatePair({ seed });
  writeCsv(join(dir, 'train.csv'), pair.train);
  writeCsv(join(dir, 'prod.csv'), pair.prod);
  writeArrow(join(dir, 'train.arrow'), pair.train);
  writeArrow(join(dir, 'prod.arrow'), pair.prod);
  const control = generateControl({ seed: seed + 1 });
  mkdirSync(join(dir, 'control'), { recursive: true });
  writeCsv(join(dir, 'control', 'train.csv'), control.train);
  writeCsv(join(dir, 'control', 'prod.csv'), control.prod);
}

// Run only when executed directly (`npx tsx examples/generate.ts`), not when a test imports generatePair.
if (process.argv[1] && /examples[\\/]generate\.ts$/.test(process.argv[1])) {
  writeAll(dirname(resolve(process.argv[1])));
  console.log('wrote examples/{train,prod}.{csv,arrow} and examples/control/');
}
