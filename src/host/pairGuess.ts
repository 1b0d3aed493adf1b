/**
 * Which of two files is the training data? Decided from the names, the way a person would read them:
 * words like `train`/`fit`/`reference` versus `prod`/`serving`/`live`, then dates in the names (the earlier one is
 * training), then the same on the parent folders (`data/train/x.csv` vs `data/prod/x.csv`). When nothing decides,
 * `guessPair` returns null and the caller asks the user. Pure: no `vscode`, so it is unit-tested.
 */
import { basename, dirname, extname } from 'node:path';

/** Supported data file extensions (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS = ['.csv', '.tsv', '.arrow', '.feather', '.ipc', '.arrows'] as const;

export function isSupportedFile(path: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

// Strong hints are what people name the files; weak ones (`test`, `new`) are ambiguous in ML naming, so they only
// count when no strong hint decides.
const TRAIN_STRONG = new Set(['train', 'training', 'trainset', 'traindata', 'fit', 'dev', 'development', 'reference', 'ref', 'baseline', 'historical', 'hist']);
const PROD_STRONG = new Set(['prod', 'production', 'serving', 'serve', 'served', 'live', 'inference', 'scoring', 'scored', 'online', 'deployed', 'current']);
const TRAIN_WEAK = new Set(['old', 'before', 'past', 'offline']);
const PROD_WEAK = new Set(['test', 'new', 'after', 'latest', 'recent', 'eval', 'holdout', 'oot']);

export interface PairGuess {
  train: string;
  prod: string;
  /** Why, in words for a status line ("names: 'train' vs 'prod'"). */
  reason: string;
}

/** Lower-case word tokens: splits on punctuation, camelCase and letter/digit boundaries. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** +1 per training word, −1 per production word. */
function score(tokens: string[], trainWords: Set<string>, prodWords: Set<string>): number {
  let s = 0;
  for (const t of tokens) {
    if (trainWords.has(t)) s++;
    if (prodWords.has(t)) s--;
  }
  return s;
}

/**
 * The first date in a name as a sortable number (yyyymmdd, missing parts as 00): `2023-01-31`, `20230131`,
 * `2023_01`, `2023.01.31`. Years 1900–2099 only, so ids and row counts are not mistaken for dates.
 */
export function nameDate(name: string): number | null {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?![0-9])/.exec(name);
  if (!m) {
    const y = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(name);
    return y ? Number(y[1]) * 10_000 : null;
  }
  return Number(m[1]) * 10_000 + Number(m[2]) * 100 + (m[3] ? Number(m[3]) : 0);
}

function stem(path: string): string {
  const b = basename(path);
  const e = extname(b);
  return e ? b.slice(0, -e.length) : b;
}

/** Decide by words in `la` vs `lb` (two labels of the same kind: file stems or folder names). */
function byWords(a: string, b: string, la: string, lb: string, where: string): PairGuess | null {
  const ta = nameTokens(la);
  const tb = nameTokens(lb);
  for (const [tw, pw, strength] of [
    [TRAIN_STRONG, PROD_STRONG, ''],
    [TRAIN_WEAK, PROD_WEAK, 'weak hint, '],
  ] as const) {
    const sa = score(ta, tw, pw);
    const sb = score(tb, tw, pw);
    if (sa > sb) return { train: a, prod: b, reason: `${strength}${where}: '${la}' reads as training, '${lb}' as production` };
    if (sb > sa) return { train: b, prod: a, reason: `${strength}${where}: '${lb}' reads as training, '${la}' as production` };
  }
  return null;
}

function byDates(a: string, b: string, la: string, lb: string, where: string): PairGuess | null {
  const da = nameDate(la);
  const db = nameDate(lb);
  if (da === null || db === null || da === db) return null;
  return da < db
    ? { train: a, prod: b, reason: `${where}: the date in '${la}' is earlier than in '${lb}'` }
    : { train: b, prod: a, reason: `${where}: the date in '${lb}' is earlier than in '${la}'` };
}

/** Guess which of two paths is training; null when the names do not say. */
export function guessPair(a: string, b: string): PairGuess | null {
  const sa = stem(a);
  const sb = stem(b);
  const fa = basename(dirname(a));
  const fb = basename(dirname(b));
  return (
    byWords(a, b, sa, sb, 'file names') ??
    byDates(a, b, sa, sb, 'file names') ??
    (fa !== fb ? byWords(a, b, fa, fb, 'folder names') ?? byDates(a, b, fa, fb, 'folder names') : null)
  );
}

/**
 * The Explorer passes the right-clicked file and the whole selection; its when-clause only saw the clicked file, so
 * both are checked here. Returns the two paths, or a message for the user.
 */
export function checkSelection(clicked: string | undefined, selected: readonly string[] | undefined): { paths: [string, string] } | { error: string } {
  const all = [...new Set([...(selected ?? []), ...(clicked ? [clicked] : [])])];
  if (all.length !== 2) {
    return { error: `Select exactly two data files to compare (${all.length} selected).` };
  }
  const bad = all.filter((p) => !isSupportedFile(p));
  if (bad.length) {
    return { error: `${bad.map((p) => basename(p)).join(' and ')}: not a supported data file (${SUPPORTED_EXTENSIONS.join(', ')}).` };
  }
  return { paths: [all[0], all[1]] };
}
