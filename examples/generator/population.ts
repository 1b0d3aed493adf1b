/**
 * The applicant population and the "true" default process, in canonical units (loan amounts in thousands of dollars,
 * transaction counts over 30 days). Planted production problems are applied afterwards, in `production.ts`, so that
 * the same underlying applicant can be written either way.
 */
import { clamp, round, type Draws } from './draws';

export const REGIONS = ['north', 'south', 'east', 'west'] as const;
export const DEVICES = ['mobile', 'desktop', 'tablet'] as const;
export const CHANNELS = ['branch', 'web', 'app'] as const;
export const HOME_OWNERSHIP = ['rent', 'own', 'mortgage'] as const;
export const LOAN_PURPOSES = ['debt_consolidation', 'home_improvement', 'car', 'education', 'medical'] as const;

export interface Applicant {
  id: number;
  /** Epoch ms, whole seconds. */
  date: number;
  age: number;
  annualIncome: number;
  /** Thousands of dollars (the training file's unit). */
  loanK: number;
  creditScore: number;
  debtToIncome: number;
  employmentYears: number;
  numOpenAccounts: number;
  /** Transactions over the last 30 days (the training definition). */
  txn30: number;
  accountBalance: number;
  region: string;
  device: string;
  channel: string;
  homeOwnership: string;
  loanPurpose: string;
}

/** Draws one applicant dated uniformly in [startMs, endMs). No planted problem here. */
export function drawApplicant(d: Draws, id: number, startMs: number, endMs: number): Applicant {
  const date = Math.floor((startMs + d.uniform() * (endMs - startMs)) / 1000) * 1000;
  const age = Math.round(clamp(d.normal(41, 11), 18, 80));
  // Income grows mildly with age, so the features are not all independent (as in real applications).
  const annualIncome = Math.round(clamp(d.logNormal(42000 + 450 * (age - 18), 0.45), 12000, 600000) / 100) * 100;
  const loanK = round(clamp(d.logNormal(14, 0.55), 1, 100), 1);
  const creditScore = Math.round(clamp(d.normal(680, 60), 300, 850));
  const debtToIncome = round(clamp(d.normal(0.32, 0.11), 0.01, 0.95), 3);
  const employmentYears = Math.round(clamp(d.normal(Math.max(0, (age - 22) * 0.35), 4), 0, 45));
  const numOpenAccounts = d.poisson(4);
  const txn30 = d.poisson(36);
  const accountBalance = round(clamp(d.logNormal(4500, 0.9), 0, 500000), 2);
  return {
    id,
    date,
    age,
    annualIncome,
    loanK,
    creditScore,
    debtToIncome,
    employmentYears,
    numOpenAccounts,
    txn30,
    accountBalance,
    region: d.pick(REGIONS, [0.3, 0.25, 0.25, 0.2]),
    device: d.pick(DEVICES, [0.55, 0.35, 0.1]),
    channel: d.pick(CHANNELS, [0.2, 0.45, 0.35]),
    homeOwnership: d.pick(HOME_OWNERSHIP, [0.4, 0.2, 0.4]),
    loanPurpose: d.pick(LOAN_PURPOSES, [0.35, 0.2, 0.2, 0.1, 0.15]),
  };
}

/**
 * The risk part of the true default log-odds (no intercept). Credit score, debt-to-income and loan size drive it;
 * the rest is weak or absent, as in typical credit data.
 */
export function trueRisk(a: Applicant): number {
  return (
    -1.0 * ((a.creditScore - 680) / 60) +
    0.6 * ((a.debtToIncome - 0.32) / 0.11) +
    0.35 * (Math.log(a.loanK / 14) / 0.55) -
    0.15 * ((a.employmentYears - 6.5) / 4.5) -
    0.25 * ((a.txn30 - 36) / 6) +
    (a.homeOwnership === 'rent' ? 0.2 : 0) +
    (a.loanPurpose === 'medical' ? 0.25 : 0)
  );
}

/** Sigmoid. */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The intercept b such that mean(logistic(b + risk_i)) equals `rate`, found by bisection (deterministic; the mean is
 * monotone in b). Holding the base rate fixed keeps label shift out of the sample: it is not a planted problem.
 */
export function interceptForRate(risks: ArrayLike<number>, rate: number): number {
  let lo = -20;
  let hi = 20;
  for (let iter = 0; iter < 100; iter++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let i = 0; i < risks.length; i++) sum += logistic(mid + risks[i]);
    if (sum / risks.length < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
