/**
 * Per-feature drift over every shared feature, the Benjamini–Hochberg correction across them, and dataset drift
 * (share of drifted features plus a domain classifier). Findings: `feature_drift`, `dataset_drift`.
 */
import type { ColumnDrift, DatasetDriftSection, Finding, Severity } from '../report/types';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { columnDrift, driftPValue } from './columnDrift';
import { isFeature, findingId, type AnalysisContext, type AnalysisResult } from './context';
import { domainClassifier } from './domainClassifier';

export interface DriftSection {
  byColumn: Map<string, ColumnDrift>;
  dataset: DatasetDriftSection;
}

function fmt(x: number | undefined, digits = 3): string {
  if (x === undefined || !Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(digits) : x.toExponential(2);
}

export function analyzeDrift(ctx: AnalysisContext): AnalysisResult<DriftSection> {
  const o = ctx.options.drift;
  const byColumn = new Map<string, ColumnDrift>();
  ctx.shared.forEach((pair, i) => {
    if (!isFeature(ctx, pair.name)) return;
    const d = columnDrift(pair.train, pair.prod, o, ctx.options.seed + 7 * i);
    if (d) byColumn.set(pair.name, d);
  });

  // BH across every drift test in the report; a drift is flagged only when it is large AND significant.
  const names = [...byColumn.keys()].filter((n) => driftPValue(byColumn.get(n)!) !== undefined);
  const adjusted = benjaminiHochberg(names.map((n) => driftPValue(byColumn.get(n)!)!));
  let rejected = 0;
  names.forEach((n, i) => {
    const d = byColumn.get(n)!;
    d.pValueAdjusted = adjusted[i];
    if (adjusted[i] < o.alpha) rejected++;
    else d.severity = 'ok';
  });

  const findings: Finding[] = [];
  const drifted: string[] = [];
  for (const [name, d] of byColumn) {
    if (d.severity === 'ok') continue;
    drifted.push(name);
    const numeric = d.ks !== undefined;
    const evidence = numeric
      ? `PSI ${fmt(d.psi)}, KS ${fmt(d.ks!.statistic)} (adjusted p ${fmt(d.pValueAdjusted)}), Wasserstein ${fmt(d.wasserstein)} = ${fmt(d.wassersteinNormed)} training std, JS ${fmt(d.jensenShannon)}.`
      : `PSI ${fmt(d.psi)}, Jensen–Shannon ${fmt(d.jensenShannon)}, chi² ${fmt(d.chiSquare!.statistic, 1)} (dof ${d.chiSquare!.dof}, adjusted p ${fmt(d.pValueAdjusted)}).`;
    findings.push({
      id: findingId('feature_drift', [name]),
      type: 'feature_drift',
      severity: d.severity === 'critical' ? 'critical' : 'warning',
      columns: [name],
      title: `${name} drifted (${d.test} ${fmt(d.score)})`,
      evidence,
      mitigation: `Check whether ${name} changed at its source (new population, upstream change) or in the pipeline; if the change is real, retrain or fine-tune on recent data that covers it.`,
      data: { psi: d.psi, ks: d.ks?.statistic, wassersteinNormed: d.wassersteinNormed, jensenShannon: d.jensenShannon, pValueAdjusted: d.pValueAdjusted },
      target: 'drift',
    });
  }

  const features = byColumn.size;
  const driftedShare = features === 0 ? 0 : drifted.length / features;
  const classifier = domainClassifier(ctx);
  const dataset: DatasetDriftSection = {
    driftedShare,
    driftedColumns: drifted,
    classifier,
    multipleTesting: { method: 'benjamini-hochberg', tests: names.length, alpha: o.alpha, rejected },
  };
  const aucSeverity: Severity | null =
    classifier === null ? null : classifier.auc >= o.classifierAucCritical ? 'critical' : classifier.auc >= o.classifierAucWarning ? 'warning' : null;
  const shareSeverity: Severity | null = driftedShare >= o.datasetDriftShare ? 'critical' : drifted.length > 0 ? 'warning' : null;
  const severity: Severity | null = aucSeverity === 'critical' || shareSeverity === 'critical' ? 'critical' : aucSeverity ?? (driftedShare >= o.datasetDriftShare / 2 ? shareSeverity : null);
  if (severity) {
    const top = classifier?.topFeatures.slice(0, 3).map((f) => f.name).join(', ');
    findings.push({
      id: findingId('dataset_drift', []),
      type: 'dataset_drift',
      severity,
      columns: drifted,
      title: `${drifted.length} of ${features} features drifted${classifier ? `; a classifier tells the files apart with AUC ${classifier.auc.toFixed(2)}` : ''}`,
      evidence:
        `${(driftedShare * 100).toFixed(0)}% of features drifted (threshold ${(o.datasetDriftShare * 100).toFixed(0)}%; ` +
        `${rejected} of ${names.length} tests significant after Benjamini–Hochberg at α=${o.alpha}).` +
        (classifier ? ` Domain classifier (${classifier.model}, ${classifier.folds}-fold CV on ${classifier.sampleSize} rows): AUC ${classifier.auc.toFixed(3)}; it relies most on ${top}.` : ''),
      mitigation: 'Investigate the most drifted features first; if the production population has genuinely changed, retrain on data that represents it.',
      data: { driftedShare, classifierAuc: classifier?.auc ?? null },
      target: 'drift',
    });
  }
  return { section: { byColumn, dataset }, findings };
}
