/**
 * Where a finding lives in the panel: which tab, and which feature to select there. Pure, so it is unit-tested.
 */
import type { Finding, FindingType, Report } from '../src/core/report/types';
import type { Tab } from '../src/panel/protocol';

const TAB_BY_TYPE: Record<FindingType, Tab> = {
  missing_column: 'schema',
  extra_column: 'schema',
  renamed_column: 'schema',
  type_change: 'schema',
  column_order: 'schema',
  null_spike: 'schema',
  out_of_range: 'schema',
  ood_rows: 'schema',
  new_category: 'schema',
  constant_column: 'schema',
  feature_drift: 'drift',
  dataset_drift: 'drift',
  label_shift: 'drift',
  prediction_drift: 'drift',
  performance_drop: 'overview',
  segment_degradation: 'segments',
  segment_shift: 'segments',
  temporal_pattern: 'timeline',
  time_overlap: 'timeline',
  row_overlap: 'timeline',
  id_overlap: 'timeline',
  target_leakage: 'timeline',
  future_timestamp: 'timeline',
  entity_skew: 'timeline',
  scale_change: 'drift',
  restandardized: 'drift',
};

/** The tab a finding is about: its explicit `target` when set, else by type. Leakage and skew live on Timeline. */
export function tabForFinding(f: Pick<Finding, 'type' | 'target'>): Tab {
  switch (f.target) {
    case 'schema':
    case 'drift':
    case 'segments':
    case 'timeline':
    case 'overview':
      return f.target;
    case 'leakage':
    case 'skew':
      return 'timeline';
    default:
      return TAB_BY_TYPE[f.type] ?? 'overview';
  }
}

/** The column to select on the Drift tab for a finding: its first column that has a drift chart, if any. */
export function driftFeatureFor(report: Report, f: Pick<Finding, 'columns'>): string | null {
  for (const name of f.columns) {
    if (report.columns.some((c) => c.name === name && c.drift)) return name;
  }
  return null;
}

/** Where to go for a finding: the tab, the Drift feature to select (or null), and the finding id to scroll to. */
export function findingDestination(report: Report, id: string): { tab: Tab; feature: string | null; findingId: string } | null {
  const f = report.findings.find((x) => x.id === id);
  if (!f) return null;
  const tab = tabForFinding(f);
  return { tab, feature: tab === 'drift' ? driftFeatureFor(report, f) : null, findingId: id };
}
