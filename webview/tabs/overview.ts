/**
 * Overview: the verdict and headline, key numbers, ranked hypotheses with their evidence, and every finding by
 * severity (each one jumps to the tab and feature it is about).
 */
import { formatNumber, formatShare } from '../../src/core/report/chartTheme';
import type { Hypothesis, PerformanceSection, Severity } from '../../src/core/report/types';
import type { ViewContext } from '../context';
import { h } from '../dom';
import { badge, emptyState, evidenceLinks, findingList, section, stat } from '../widgets';

const int = (n: number) => n.toLocaleString('en-US');

const SEVERITIES: [Severity, string][] = [
  ['critical', 'Critical'],
  ['warning', 'Warning'],
  ['info', 'Info'],
];

function metricValue(perf: PerformanceSection, side: 'train' | 'prod'): number | null {
  const m = perf[side] as Record<string, unknown> | null;
  const v = m?.[perf.metric];
  return typeof v === 'number' ? v : null;
}

function keyNumbers(ctx: ViewContext): HTMLElement {
  const r = ctx.report;
  const rows = (f: typeof r.train) => (f.totalRows > f.rows ? `${int(f.rows)} (sample of ${int(f.totalRows)})` : int(f.rows));
  const perf = r.performance;
  const metric = perf
    ? stat(
        perf.metric,
        `${formatNumber(metricValue(perf, 'train'))} → ${formatNumber(metricValue(perf, 'prod'))}`,
        perf.delta === null ? 'no production labels' : `change ${perf.delta > 0 ? '+' : ''}${formatNumber(perf.delta)}`,
      )
    : stat('Model metric', '—', 'needs label and prediction columns');
  return h(
    'div',
    { class: 'stats' },
    stat('Rows', `${rows(r.train)} → ${rows(r.prod)}`, 'training → production'),
    stat('Columns', `${r.summary.sharedColumns} shared`, `${r.schema.missing.length} missing, ${r.schema.extra.length} extra in production`),
    stat('Drifted features', String(r.summary.driftedColumns), r.datasetDrift ? `${formatShare(r.datasetDrift.driftedShare)} of features` : undefined),
    metric,
    stat('Findings', `${r.summary.counts.critical} critical`, `${r.summary.counts.warning} warning, ${r.summary.counts.info} info`),
  );
}

function hypothesisCard(ctx: ViewContext, hyp: Hypothesis, rank: number): HTMLElement {
  return h(
    'li',
    { class: 'hypothesis' },
    h(
      'div',
      { class: 'hypothesis-head' },
      h('span', { class: 'rank' }, `${rank}.`),
      h('strong', null, hyp.title),
      badge(`${hyp.confidence} confidence`, `confidence-${hyp.confidence}`),
      h('span', { class: 'muted', title: 'Score in 0..1 (see README for how it is computed)' }, `score ${formatNumber(hyp.score)}`),
    ),
    hyp.columns.length ? h('p', { class: 'columns' }, 'Columns: ', hyp.columns.join(', ')) : null,
    hyp.supporting.length ? h('div', { class: 'evidence-group' }, h('span', { class: 'label' }, 'Supporting evidence'), evidenceLinks(ctx, hyp.supporting)) : null,
    hyp.against.length ? h('div', { class: 'evidence-group' }, h('span', { class: 'label' }, 'Against'), evidenceLinks(ctx, hyp.against)) : null,
    hyp.confirm ? h('p', null, h('span', { class: 'label' }, 'To confirm: '), hyp.confirm) : null,
    hyp.mitigation ? h('p', null, h('span', { class: 'label' }, 'Mitigation: '), hyp.mitigation) : null,
  );
}

export function renderOverview(ctx: ViewContext): HTMLElement {
  const r = ctx.report;
  const verdict = h(
    'div',
    { class: `verdict verdict-${r.summary.verdict}` },
    badge(r.summary.verdict, `verdict-${r.summary.verdict}`),
    h('p', { class: 'headline' }, r.summary.headline),
    ctx.state.partial ? h('p', { class: 'muted' }, 'Partial results: the remaining analyses are still running.') : null,
  );
  const hyps = r.hypotheses.slice().sort((a, b) => b.score - a.score);
  return h(
    'div',
    { class: 'tab-overview' },
    verdict,
    keyNumbers(ctx),
    section(
      'Likely causes',
      hyps.length
        ? h('ol', { class: 'hypotheses' }, hyps.map((x, i) => hypothesisCard(ctx, x, i + 1)))
        : emptyState(ctx.state.partial ? 'Causes are ranked once every analysis has run.' : 'No cause stands out: the evidence is weak or absent.'),
    ),
    section(
      'Findings',
      r.findings.length === 0
        ? emptyState('No findings: training and production look alike on every check.')
        : SEVERITIES.map(([sev, label]) => {
            const mine = r.findings.filter((f) => f.severity === sev);
            return mine.length ? h('div', { class: `severity-group` }, h('h3', null, `${label} (${mine.length})`), findingList(ctx, mine, '')) : null;
          }),
    ),
  );
}
