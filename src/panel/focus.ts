/**
 * Where a finding lives in the panel: the tab and the feature (or element) to select. Shared by the host (answering
 * `finding/open`, the tree's clicks) and usable by the webview, so both jump to the same place.
 */
import type { FindingTarget, Report } from '../core/report/types';
import type { Focus, Tab } from './protocol';

const TAB_OF_TARGET: Record<FindingTarget, Tab> = {
  overview: 'overview',
  schema: 'schema',
  drift: 'drift',
  segments: 'segments',
  timeline: 'timeline',
  // Leakage has no tab of its own: its timeline (train/prod windows, feature dates) is on the Timeline tab.
  leakage: 'timeline',
  // Same-entity skew is a per-feature comparison; the Drift tab shows the feature it is about.
  skew: 'drift',
};

/** Tab by finding type when the finding names no target. */
function tabOfType(type: string): Tab {
  if (/^(missing_column|extra_column|renamed_column|type_change|column_order|null_spike|out_of_range|ood_rows|new_category|constant_column)$/.test(type)) return 'schema';
  if (/^segment_/.test(type)) return 'segments';
  if (/^(temporal_pattern|time_overlap|future_timestamp)$/.test(type)) return 'timeline';
  if (/^(feature_drift|prediction_drift|scale_change|restandardized|entity_skew|target_leakage)$/.test(type)) return 'drift';
  return 'overview';
}

/** The focus for a finding id; null when the report has no such finding. */
export function focusForFinding(report: Report, id: string): Focus | null {
  const f = report.findings.find((x) => x.id === id);
  if (!f) return null;
  const tab = f.target ? TAB_OF_TARGET[f.target] : tabOfType(f.type);
  const feature = tab === 'drift' || tab === 'schema' ? f.columns[0] : f.id;
  return feature === undefined ? { tab } : { tab, feature };
}

/** The focus for a checklist item (the Checklist tab, scrolled to the item). */
export function focusForCheck(id: string): Focus {
  return { tab: 'checklist', feature: id };
}
