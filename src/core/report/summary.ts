/** The summary block: verdict, headline and counts, derived from the findings and hypotheses. */
import type { Report, Summary } from './types';

export function summarize(r: Report): Summary {
  const counts = { info: 0, warning: 0, critical: 0 };
  for (const f of r.findings) counts[f.severity]++;
  const verdict: Summary['verdict'] = counts.critical > 0 ? 'broken' : counts.warning > 0 ? 'degraded' : 'healthy';
  const drifted = r.columns.filter((c) => c.drift && c.drift.severity !== 'ok').length;
  const perf = r.performance;
  const metric =
    perf && perf.train && perf.prod && perf.delta !== null
      ? perf.metric === 'mae'
        ? `MAE ${(perf.train as { mae: number }).mae.toPrecision(3)} → ${(perf.prod as { mae: number }).mae.toPrecision(3)}`
        : `accuracy ${((perf.train as { accuracy: number }).accuracy * 100).toFixed(1)}% → ${((perf.prod as { accuracy: number }).accuracy * 100).toFixed(1)}%`
      : null;
  const top = r.hypotheses[0];
  const cause = top && top.confidence !== 'low' ? `most likely cause: ${top.title}` : null;
  const parts = [
    verdict === 'healthy' ? 'No significant gap between training and production' : `${counts.critical} critical and ${counts.warning} warning findings`,
    metric,
    `${drifted} of ${r.columns.filter((c) => c.drift).length} features drifted`,
    cause,
  ].filter((p): p is string => p !== null);
  return { verdict, headline: parts.join('; '), counts, driftedColumns: drifted, sharedColumns: r.columns.filter((c) => c.train && c.prod).length };
}
