/**
 * Column roles (label, prediction/score, event time, entity id), guessed from names first and values second,
 * then overridden by the user (CLI flags, settings, the quick pick). A guess must hold in the training file;
 * the production file may lack the label (labels arrive late) — that is allowed.
 */
import { isNumeric, type Column, type Table } from '../io/table';
import type { RoleGuess, Roles } from '../report/types';

const LABEL_NAMES = /^(label|target|y|class|outcome|is_?fraud|fraud|churn(ed)?|default(ed)?|bad|converted|survived|response)$/i;
const LABEL_HINT = /(^|_)(label|target|outcome)($|_)/i;
const PRED_NAMES = /(^|_)(pred(iction)?s?|score|proba(bility)?|y_?hat|model_?output|p_?hat)($|_)/i;
const EXACT_PRED_NAMES = /^(pred(iction)?s?|y_?pred|y_?hat|predicted(_\w+)?|model_?(score|output)|score|proba(bility)?)$/i;
const TIME_NAMES = /(^|_)(date|time|timestamp|ts|datetime|event_?time|created(_at)?|day)($|_)/i;
const ID_NAMES = /(^|_)(id|uuid|guid|key)$/i;

function distinctShare(c: Column): number {
  if (!isNumeric(c)) {
    const seen = new Set<number>();
    let n = 0;
    for (let i = 0; i < c.codes.length; i++) if (c.codes[i] >= 0) (seen.add(c.codes[i]), n++);
    return n === 0 ? 0 : seen.size / n;
  }
  const seen = new Set<number>();
  let n = 0;
  for (let i = 0; i < c.values.length; i++) if (c.values[i] === c.values[i]) (seen.add(c.values[i]), n++);
  return n === 0 ? 0 : seen.size / n;
}

function isBinary(c: Column): boolean {
  if (!isNumeric(c)) return c.kind === 'categorical' && c.dictionary.length === 2;
  for (let i = 0; i < c.values.length; i++) {
    const x = c.values[i];
    if (x === x && x !== 0 && x !== 1) return false;
  }
  return true;
}

function isUnitScore(c: Column): boolean {
  if (!isNumeric(c) || c.kind !== 'numeric') return false;
  let fractional = false;
  for (let i = 0; i < c.values.length; i++) {
    const x = c.values[i];
    if (x !== x) continue;
    if (x < 0 || x > 1) return false;
    if (x !== 0 && x !== 1) fractional = true;
  }
  return fractional;
}

/** Guess the roles from the training table (the production table only confirms presence). */
export function guessRoles(train: Table, prod: Table, overrides: Partial<Roles> = {}): RoleGuess {
  const roles: Roles = { label: null, prediction: null, time: null, id: null };
  const reasons: RoleGuess['reasons'] = {};
  const cols = train.columns;
  const taken = new Set<string>();
  const pick = (role: keyof Roles, c: Column | undefined, why: string) => {
    if (!c || roles[role] || taken.has(c.name)) return;
    roles[role] = c.name;
    reasons[role] = why;
    taken.add(c.name);
  };
  for (const role of ['label', 'prediction', 'time', 'id'] as const) {
    const o = overrides[role];
    if (o !== undefined && o !== null && o !== '') {
      if (!train.columns.some((c) => c.name === o) && !prod.columns.some((c) => c.name === o)) {
        throw new RangeError(`--${role} ${o}: no column of that name in either file`);
      }
      roles[role] = o;
      reasons[role] = 'set by user';
      taken.add(o);
    } else if (o === null || o === '') {
      taken.add(`\u0000none:${role}`);
      reasons[role] = 'cleared by user';
    }
  }
  const cleared = (r: keyof Roles) => reasons[r] === 'cleared by user';
  if (!cleared('prediction')) {
    // `credit_score` is a feature, `default_score` a model output: prefer names whose values are probabilities.
    pick('prediction', cols.find((c) => PRED_NAMES.test(c.name) && isUnitScore(c)), 'name looks like a score and values are probabilities');
    pick('prediction', cols.find((c) => EXACT_PRED_NAMES.test(c.name)), 'name looks like a prediction');
  }
  if (!cleared('label')) {
    pick('label', cols.find((c) => LABEL_NAMES.test(c.name)), 'name looks like a label');
    pick('label', cols.find((c) => LABEL_HINT.test(c.name)), 'name contains label/target/outcome');
    // A prediction named `<x>_score` points at `<x>` as the label.
    if (roles.prediction) {
      const stem = roles.prediction.replace(/[_-]?(pred(iction)?s?|score|proba(bility)?|y_?hat)$/i, '');
      pick('label', cols.find((c) => c.name === stem && isBinary(c)), `the prediction is named ${roles.prediction}`);
    }
  }
  if (!cleared('time')) {
    pick('time', cols.find((c) => c.kind === 'datetime' && TIME_NAMES.test(c.name)), 'datetime column with a time-like name');
    pick('time', cols.find((c) => c.kind === 'datetime'), 'the only datetime column');
  }
  if (!cleared('id')) {
    pick('id', cols.find((c) => ID_NAMES.test(c.name) && distinctShare(c) > 0.5), 'name ends in id and values are nearly unique');
    pick('id', cols.find((c) => c.kind === 'id'), 'values are unique per row');
  }
  if (!roles.prediction && !cleared('prediction') && roles.label) {
    pick('prediction', cols.find((c) => !taken.has(c.name) && isUnitScore(c) && /prob|score|p_/i.test(c.name)), 'values in [0,1]');
  }
  return { roles, reasons };
}
