/**
 * Every `prodgap.*` setting, declared once: `package.json`'s `contributes.configuration` is generated from this table
 * (`scripts/genConfiguration.ts`) and `settings.ts` reads the same table, so a setting cannot exist in the manifest
 * without reaching `AnalysisOptions` (a unit test checks the manifest against it). Defaults are read from
 * `defaultOptions`, never restated.
 */
import { defaultOptions, type AnalysisOptions } from '../core/options';

type Section = Exclude<keyof AnalysisOptions, 'seed'>;

export interface SettingSpec {
  /** Full key, `prodgap.drift.psiWarning`. */
  key: string;
  /** Where it lands in AnalysisOptions; null for role overrides. */
  path: [Section, string] | ['seed'] | null;
  type: 'number' | 'integer' | 'boolean' | 'string' | 'array';
  default: unknown;
  description: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  /** Changing it means the files must be read again (not just re-analysed). */
  reload: boolean;
}

type Extra = Partial<Pick<SettingSpec, 'minimum' | 'maximum' | 'enum' | 'type'>>;
const share: Extra = { minimum: 0, maximum: 1 };
const positive: Extra = { minimum: 0 };
const count: Extra = { type: 'integer', minimum: 1 };

/** [section, field, description, extra] — order is the order in the Settings UI. */
const TABLE: [Section, string, string, Extra?][] = [
  ['read', 'delimiter', 'CSV field delimiter. Empty: detect among `,` `;` tab `|`. Changing it re-reads the files.', { type: 'string' }],
  ['read', 'missingTokens', 'Cell texts read as missing (compared after trimming, case-sensitive). The empty cell is always missing. Changing it re-reads the files.', { type: 'array' }],
  ['read', 'skipBadRows', 'Skip CSV rows with the wrong number of fields (and report how many) instead of stopping at the first one.', { type: 'boolean' }],
  ['read', 'maxRows', 'Sample size: above this many rows per file, analyse a seeded uniform random sample of this size (the report says so). 0 reads every row.', { type: 'integer', minimum: 0 }],
  ['read', 'categoricalMaxShare', 'A text column is categorical when its distinct values are at most this share of rows (and at most `maxCategories`).', share],
  ['read', 'maxCategories', 'Most distinct values a categorical column may have.', count],
  ['read', 'idMinShare', 'A text column whose distinct values are at least this share of rows is treated as an identifier.', share],

  ['drift', 'psiWarning', 'PSI at or above which a feature has drifted (warning). Common practice: 0.1.', positive],
  ['drift', 'psiCritical', 'PSI at or above which a feature drift is critical. Common practice: 0.25.', positive],
  ['drift', 'wassersteinWarning', 'Wasserstein distance ÷ training standard deviation at or above which a numeric feature has drifted (warning).', positive],
  ['drift', 'wassersteinCritical', 'Wasserstein distance ÷ training standard deviation at or above which a numeric drift is critical.', positive],
  ['drift', 'jsWarning', 'Jensen–Shannon distance (base 2) at or above which a categorical feature has drifted (warning).', share],
  ['drift', 'jsCritical', 'Jensen–Shannon distance (base 2) at or above which a categorical drift is critical.', share],
  ['drift', 'alpha', 'Significance level after Benjamini–Hochberg correction; a drift is only flagged when it is also significant.', share],
  ['drift', 'epsilon', 'Floor for empty-bin proportions in PSI and Jensen–Shannon (so ln(0) never happens).', positive],
  ['drift', 'bins', 'Bins for PSI and Jensen–Shannon, cut at training quantiles (10 = deciles).', { type: 'integer', minimum: 2 }],
  ['drift', 'exactMaxValues', 'KS and Wasserstein use at most this many values per file (a uniform sample above it).', count],
  ['drift', 'datasetDriftShare', 'Share of drifted features at or above which the whole dataset has drifted.', share],
  ['drift', 'classifierSample', 'Rows sampled per file for the train-vs-production domain classifier.', count],
  ['drift', 'classifierFolds', 'Cross-validation folds of the domain classifier.', { type: 'integer', minimum: 2 }],
  ['drift', 'classifierAucWarning', 'Domain-classifier AUC at or above which dataset drift is a warning (0.5 = indistinguishable).', share],
  ['drift', 'classifierAucCritical', 'Domain-classifier AUC at or above which dataset drift is critical.', share],

  ['quality', 'nullSpikeWarning', 'Increase of a column\'s missing share (production − training) that is a warning.', share],
  ['quality', 'nullSpikeCritical', 'Increase of a column\'s missing share (production − training) that is critical.', share],
  ['quality', 'oodK', 'A production row is out of distribution when a numeric feature is more than k training standard deviations from the training mean.', positive],
  ['quality', 'outOfRangeWarning', 'Share of production values outside the training range that is a warning.', share],
  ['quality', 'outOfRangeCritical', 'Share of production values outside the training range that is critical.', share],
  ['quality', 'newCategoryWarning', 'Share of production rows in categories never seen in training that is a warning.', share],
  ['quality', 'newCategoryCritical', 'Share of production rows in categories never seen in training that is critical.', share],
  ['quality', 'renameMaxPsi', 'A missing and an extra column are taken for a rename when their PSI is below this…', positive],
  ['quality', 'renameMaxKs', '…and their KS statistic is below this.', share],

  ['performance', 'threshold', 'Score at or above which a probability-like prediction counts as the positive class.', share],
  ['performance', 'dropWarning', 'Drop of the headline metric (absolute) that is a warning.', positive],
  ['performance', 'dropCritical', 'Drop of the headline metric (absolute) that is critical.', positive],
  ['performance', 'labelShiftWarning', 'Change of the positive-label rate (absolute) that is a label-shift warning.', share],
  ['performance', 'labelShiftCritical', 'Change of the positive-label rate (absolute) that is a critical label shift.', share],

  ['segments', 'numericBins', 'Numeric columns are cut into this many quantile bins to form segments.', { type: 'integer', minimum: 2 }],
  ['segments', 'maxCategories', 'Categorical columns with more categories than this keep only their most frequent ones as segments.', count],
  ['segments', 'minSupport', 'A segment needs at least this many rows in each file to be reported.', count],
  ['segments', 'minSupportShare', '…and at least this share of the production rows.', share],
  ['segments', 'alpha', 'Family-wise significance level for segments, after correcting for the number of segments tried.', share],
  ['segments', 'gapWarning', 'Metric gap of a segment (absolute) that is a warning.', positive],
  ['segments', 'gapCritical', 'Metric gap of a segment (absolute) that is critical.', positive],
  ['segments', 'shiftWarning', 'Change of a segment\'s share of rows (absolute) that is a warning.', share],
  ['segments', 'shiftCritical', 'Change of a segment\'s share of rows (absolute) that is critical.', share],
  ['segments', 'pairs', 'Also search segments defined by pairs of conditions (slower).', { type: 'boolean' }],

  ['timeline', 'window', 'Window size of the timeline. `auto` picks day, week or month so that there are between `minWindows` and `maxWindows` windows.', { type: 'string', enum: ['auto', 'day', 'week', 'month'] }],
  ['timeline', 'minWindows', 'Fewest windows `auto` aims for.', count],
  ['timeline', 'maxWindows', 'Most windows `auto` allows.', count],
  ['timeline', 'windowPsi', 'Per-window PSI against the whole training file above which a window counts as drifted.', positive],

  ['leakage', 'leakAuc', 'Single-feature training AUC (folded, |AUC − 0.5| + 0.5) at or above which a feature is suspected of leaking the label.', share],
  ['leakage', 'leakAucDrop', '…and it must lose at least this much AUC in production (when production has labels).', share],
  ['leakage', 'overlapWarning', 'Share of production rows dated before the last training date that is a warning.', share],
  ['leakage', 'overlapCritical', 'Share of production rows dated before the last training date that is critical.', share],
  ['leakage', 'futureWarning', 'Share of rows with a feature date after the event time that is a warning.', share],
  ['leakage', 'futureCritical', 'Share of rows with a feature date after the event time that is critical.', share],
  ['leakage', 'rowOverlapWarning', 'Share of production rows that also appear in training that is a warning.', share],

  ['skew', 'relativeTolerance', 'Two values of the same entity\'s feature differ when their relative difference exceeds this.', positive],
  ['skew', 'differWarning', 'Share of matched entities whose values differ that is a train-serving skew warning.', share],
  ['skew', 'differCritical', 'Share of matched entities whose values differ that is critical.', share],
  ['skew', 'minPairs', 'Fewest matched entities needed to say anything about train-serving skew.', count],

  ['signatures', 'minScaleRatio', 'The slope a of production ≈ a·training + b must be at least this far from 1 (as a ratio) to be called a unit or scale change.', { minimum: 1 }],
  ['signatures', 'minR2', 'Quantile-fit R² needed to call the relation between training and production linear.', share],
];

const ROLE_DESCRIPTIONS: Record<'label' | 'prediction' | 'time' | 'id', string> = {
  label: 'Column holding the true outcome (the label). Empty: guess from names and values. `-`: there is none.',
  prediction: 'Column holding the model\'s prediction or score. Empty: guess. `-`: there is none.',
  time: 'Column holding the event time, for the timeline and leakage checks. Empty: guess. `-`: there is none.',
  id: 'Column holding the entity id, for overlap and train-serving skew checks. Empty: guess. `-`: there is none.',
};

/** The value of a role setting that means "this file pair has no such column". */
export const ROLE_NONE = '-';

function typeOf(v: unknown): SettingSpec['type'] {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'number';
}

const described = new Map(TABLE.map(([section, field, description, extra]) => [`${section}.${field}`, { description, extra }]));

/**
 * One setting per leaf of `defaultOptions`, walked in its order, so an option another module adds becomes a setting
 * as soon as the manifest is regenerated. Leaves missing from TABLE get `description: ''`; the generator fills it
 * from the option's doc comment in `options.ts`.
 */
function optionSettings(): SettingSpec[] {
  const out: SettingSpec[] = [];
  for (const [section, sub] of Object.entries(defaultOptions) as [keyof AnalysisOptions, unknown][]) {
    if (section === 'seed') continue;
    const fields = Object.keys(sub as object).filter((f) => typeof (sub as Record<string, unknown>)[f] !== 'function');
    // Read callbacks (onProgress, isCancelled) are not settings; `delimiter: undefined` is one.
    for (const field of fields) {
      if (section === 'read' && (field === 'onProgress' || field === 'isCancelled')) continue;
      const raw = (sub as Record<string, unknown>)[field];
      // `delimiter: undefined` means "sniff"; settings cannot hold undefined, so it is the empty string there.
      const def = raw === undefined ? '' : raw;
      const known = described.get(`${section}.${field}`);
      const extra = known?.extra;
      out.push({
        key: `prodgap.${section}.${field}`,
        path: [section, field],
        type: extra?.type ?? typeOf(def),
        default: Array.isArray(def) ? [...def] : def,
        description: known?.description ?? '',
        minimum: extra?.minimum,
        maximum: extra?.maximum,
        enum: extra?.enum,
        reload: section === 'read',
      });
    }
  }
  return out;
}

export const SETTINGS: readonly SettingSpec[] = [
  ...optionSettings(),
  {
    key: 'prodgap.seed',
    path: ['seed'],
    type: 'integer',
    default: defaultOptions.seed,
    description: 'Seed of every sample and randomised step, so a report is reproducible.',
    reload: true,
  },
  ...(['label', 'prediction', 'time', 'id'] as const).map(
    (r): SettingSpec => ({ key: `prodgap.roles.${r}`, path: null, type: 'string', default: '', description: ROLE_DESCRIPTIONS[r], reload: false }),
  ),
];

/**
 * The `contributes.configuration` object for package.json. `docs` supplies descriptions for settings TABLE does not
 * word (keyed `section.field`, from the doc comments in options.ts).
 */
export function configurationContribution(docs: Record<string, string> = {}): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  // Worded settings keep their TABLE position as `order` (read options first); the rest follow alphabetically, so an
  // option added later does not renumber every other entry.
  const tableOrder = new Map(TABLE.map(([section, field], i) => [`prodgap.${section}.${field}`, i]));
  SETTINGS.forEach((s) => {
    const order = tableOrder.get(s.key) ?? (s.key === 'prodgap.seed' ? TABLE.length : s.path === null ? TABLE.length + 1 : undefined);
    const description = s.description || docs[s.key.slice('prodgap.'.length)] || `${s.key.slice('prodgap.'.length)} (see README).`;
    const p: Record<string, unknown> = { type: s.type, default: s.default, markdownDescription: description };
    if (order !== undefined) p.order = order;
    if (s.type === 'array') p.items = { type: 'string' };
    if (s.minimum !== undefined) p.minimum = s.minimum;
    if (s.maximum !== undefined) p.maximum = s.maximum;
    if (s.enum) p.enum = s.enum;
    properties[s.key] = p;
  });
  return { title: 'prodgap', properties };
}
