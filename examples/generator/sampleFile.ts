/**
 * The files' shape: column specs (shared by the CSV and Arrow writers) and the conversion from an observed
 * application to an output row keyed by column name.
 */
import { scoreLogistic, type LogisticModel } from './logistic';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** How a column is written: `time` as ISO text / timestamp[ms, UTC]; `category` and `id` dictionary-encoded. */
export type ColumnType = 'id' | 'time' | 'int' | 'float' | 'category';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export interface SampleFile {
  columns: ColumnSpec[];
  rows: Row[];
}

/** One application as a file records it: the values after any planted problem, in the file's units. */
export interface Observed {
  id: number;
  date: number;
  age: number;
  annualIncome: number;
  loanAmount: number;
  creditScore: number;
  debtToIncome: number;
  employmentYears: number | null;
  numOpenAccounts: number;
  txnCount: number;
  accountBalance: number;
  region: string;
  device: string;
  channel: string;
  homeOwnership: string;
  loanPurpose: string;
  collectionsContacted: number;
  label: number;
}

/** The model's numeric inputs, in this order (names as in the training file). */
export const MODEL_FEATURES = [
  'age',
  'annual_income',
  'loan_amount',
  'credit_score',
  'debt_to_income',
  'employment_years',
  'num_open_accounts',
  'txn_count_30d',
  'account_balance',
  'collections_contacted',
] as const;

export function featureValues(o: Observed): number[] {
  return [
    o.age,
    o.annualIncome,
    o.loanAmount,
    o.creditScore,
    o.debtToIncome,
    o.employmentYears ?? NaN,
    o.numOpenAccounts,
    o.txnCount,
    o.accountBalance,
    o.collectionsContacted,
  ];
}

/** Column-major model inputs for a list of observations. */
export function featureColumns(rows: readonly Observed[]): Float64Array[] {
  const cols = MODEL_FEATURES.map(() => new Float64Array(rows.length));
  rows.forEach((o, i) => featureValues(o).forEach((v, j) => (cols[j][i] = v)));
  return cols;
}

export function columnSpecs(balanceName: string): ColumnSpec[] {
  return [
    { name: 'customer_id', type: 'id' },
    { name: 'application_date', type: 'time' },
    { name: 'age', type: 'int' },
    { name: 'annual_income', type: 'float' },
    { name: 'loan_amount', type: 'float' },
    { name: 'credit_score', type: 'int' },
    { name: 'debt_to_income', type: 'float' },
    { name: 'employment_years', type: 'int' },
    { name: 'num_open_accounts', type: 'int' },
    { name: 'txn_count_30d', type: 'int' },
    { name: balanceName, type: 'float' },
    { name: 'region', type: 'category' },
    { name: 'device', type: 'category' },
    { name: 'channel', type: 'category' },
    { name: 'home_ownership', type: 'category' },
    { name: 'loan_purpose', type: 'category' },
    { name: 'collections_contacted', type: 'int' },
    { name: 'default', type: 'int' },
    { name: 'default_score', type: 'float' },
  ];
}

export function customerId(id: number): string {
  return 'C' + String(id).padStart(6, '0');
}

/** ISO 8601 in UTC to the second (`2024-03-14T09:23:11Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export function toRow(o: Observed, score: number, balanceName: string): Row {
  return {
    customer_id: customerId(o.id),
    application_date: isoSeconds(o.date),
    age: o.age,
    annual_income: o.annualIncome,
    loan_amount: o.loanAmount,
    credit_score: o.creditScore,
    debt_to_income: o.debtToIncome,
    employment_years: o.employmentYears,
    num_open_accounts: o.numOpenAccounts,
    txn_count_30d: o.txnCount,
    [balanceName]: o.accountBalance,
    region: o.region,
    device: o.device,
    channel: o.channel,
    home_ownership: o.homeOwnership,
    loan_purpose: o.loanPurpose,
    collections_contacted: o.collectionsContacted,
    default: o.label,
    // Six decimals: enough for AUC ties to be rare, short enough to keep the CSV small.
    default_score: Math.round(score * 1e6) / 1e6,
  };
}

/** Sorts by date (then id), as exports from a database usually come. */
export function byDate(a: Observed, b: Observed): number {
  return a.date - b.date || a.id - b.id;
}

/** Scores with the one fitted model on the values as this file has them (planted problems included), sorted by date. */
export function toFile(rows: readonly Observed[], model: LogisticModel, balanceName: string): SampleFile {
  const sorted = [...rows].sort(byDate);
  const scores = scoreLogistic(model, featureColumns(sorted));
  return { columns: columnSpecs(balanceName), rows: sorted.map((o, i) => toRow(o, scores[i], balanceName)) };
}
