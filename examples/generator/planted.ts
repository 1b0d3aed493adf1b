/**
 * The planted problems, each a small function over one application, with its size in one place (`PLANTED`) so that
 * README, tests and generator agree. Letters follow examples/README.md.
 */
import { clamp, round, type Draws } from './draws';
import type { Applicant } from './population';
import type { Observed } from './sampleFile';

export const PLANTED = {
  /** (a) Mean credit score drop over the whole production file; gradual: 0.6× the drop in September, 1.4× in December. */
  creditScoreDrop: 45,
  /** (b) Production writes loan_amount in dollars, training in thousands. */
  loanAmountFactor: 1000,
  /** (c) account_balance is exported under this name in production. */
  renamedBalance: 'acct_balance',
  /** (d) Null rate of employment_years. */
  employmentNullTrain: 0.01,
  employmentNullProd: 0.3,
  /** (e) New channel value and its share among new production customers (returning ones keep their channel): ≈15% overall. */
  newChannel: 'partner_api',
  newChannelShare: 0.16,
  /** (f) Training rows where collections_contacted equals the label; production rows where it is 1 (at random). */
  leakAgreementTrain: 0.97,
  leakOnesProd: 0.01,
  /** (g) The segment whose label relationship flips in production. */
  collapseRegion: 'west',
  /** In that region the true risk is multiplied by this (negative: what made default likely now makes it unlikely). */
  collapseRiskFactor: -2,
  /** (h) Customers with a row in both files; txn_count_30d covers this many days in production. */
  sharedCustomers: 3000,
  txnWindowDaysProd: 7,
  /** Label base rate, held in both files (label shift is not planted). */
  baseRate: 0.2,
} as const;

/** Training view of an application: only the leak (f) and the baseline 1% nulls. */
export function observeTraining(d: Draws, a: Applicant, label: number): Observed {
  const leak = d.uniform() < PLANTED.leakAgreementTrain ? label : 1 - label;
  return {
    ...common(a),
    loanAmount: a.loanK,
    employmentYears: d.uniform() < PLANTED.employmentNullTrain ? null : a.employmentYears,
    txnCount: a.txn30,
    channel: a.channel,
    collectionsContacted: leak,
    label,
  };
}

/** Production view: (b) dollars, (d) null spike, (e) new channel, (f) leak unknown at scoring time, (h) 7-day count. */
export function observeProduction(d: Draws, a: Applicant, label: number): Observed {
  return {
    ...common(a),
    loanAmount: Math.round(a.loanK * PLANTED.loanAmountFactor),
    employmentYears: d.uniform() < PLANTED.employmentNullProd ? null : a.employmentYears,
    txnCount: d.binomial(a.txn30, PLANTED.txnWindowDaysProd / 30),
    channel: d.uniform() < PLANTED.newChannelShare ? PLANTED.newChannel : a.channel,
    collectionsContacted: d.uniform() < PLANTED.leakOnesProd ? 1 : 0,
    label,
  };
}

function common(a: Applicant): Omit<Observed, 'loanAmount' | 'employmentYears' | 'txnCount' | 'channel' | 'collectionsContacted' | 'label'> {
  return {
    id: a.id,
    date: a.date,
    age: a.age,
    annualIncome: a.annualIncome,
    creditScore: a.creditScore,
    debtToIncome: a.debtToIncome,
    numOpenAccounts: a.numOpenAccounts,
    accountBalance: a.accountBalance,
    region: a.region,
    device: a.device,
    homeOwnership: a.homeOwnership,
    loanPurpose: a.loanPurpose,
  };
}

/**
 * (a) A new production applicant's credit score after the genuine drift. `t` in [0, 1] is the position in the
 * production window; `scale` compensates for the shared customers, who keep their score, so the file-wide mean
 * drop is still PLANTED.creditScoreDrop.
 */
export function driftedCreditScore(score: number, t: number, scale: number): number {
  return Math.round(clamp(score - PLANTED.creditScoreDrop * scale * (0.6 + 0.8 * t), 300, 850));
}

/**
 * (h) The same customer applying again later: the applicant's profile nearly unchanged (age +1 if a year boundary
 * passed, small noise on money amounts), so that only the feature computed differently disagrees across a join.
 */
export function laterApplication(d: Draws, a: Applicant, date: number): Applicant {
  const years = (date - a.date) / (365.25 * 86400000);
  return {
    ...a,
    date,
    age: a.age + (d.uniform() < years ? 1 : 0),
    annualIncome: Math.round((a.annualIncome * (1 + d.normal(0, 0.01))) / 100) * 100,
    creditScore: Math.round(clamp(a.creditScore + d.normal(0, 3), 300, 850)),
    accountBalance: round(Math.max(0, a.accountBalance * (1 + d.normal(0, 0.02))), 2),
  };
}
