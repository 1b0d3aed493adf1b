/**
 * The control pair: ONE file drawn from the training process without any planted problem (collections_contacted an
 * honest weak signal, no unit change, no rename, same null rate, no new category, no flip, distinct customers), split
 * 50/50 at random. Nothing above info should be flagged on it; it guards against false alarms.
 */
import { makeDraws } from './draws';
import { drawApplicant, interceptForRate, logistic, trueRisk } from './population';
import { fitLogistic } from './logistic';
import { PLANTED } from './planted';
import { MODEL_FEATURES, featureColumns, toFile, type Observed, type SampleFile } from './sampleFile';

export interface ControlOptions {
  seed: number;
  rows?: number;
}

export const CONTROL_WINDOW = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 6, 1) };

export function generateControl(options: ControlOptions): { train: SampleFile; prod: SampleFile } {
  const d = makeDraws(options.seed);
  const n = options.rows ?? 20000;
  const applicants = Array.from({ length: n }, (_, i) => drawApplicant(d, i + 1, CONTROL_WINDOW.start, CONTROL_WINDOW.end));
  const risk = applicants.map(trueRisk);
  const b0 = interceptForRate(risk, PLANTED.baseRate);
  const rows: Observed[] = applicants.map((a, i) => {
    const label = d.uniform() < logistic(b0 + risk[i]) ? 1 : 0;
    return {
      ...a,
      loanAmount: a.loanK,
      employmentYears: d.uniform() < PLANTED.employmentNullTrain ? null : a.employmentYears,
      txnCount: a.txn30,
      // Known before the decision here (a past-collections flag), so only mildly related to the label.
      collectionsContacted: d.uniform() < (label ? 0.12 : 0.04) ? 1 : 0,
      label,
    };
  });
  const train: Observed[] = [];
  const prod: Observed[] = [];
  for (const o of rows) (d.uniform() < 0.5 ? train : prod).push(o);
  const model = fitLogistic([...MODEL_FEATURES], featureColumns(train), train.map((o) => o.label));
  return { train: toFile(train, model, 'account_balance'), prod: toFile(prod, model, 'account_balance') };
}
