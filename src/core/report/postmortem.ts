/**
 * The post-mortem: markdown an ML engineer would write after the incident — what happened, how we know, what to do
 * now, how to catch it earlier — rendered from the Report and the user's ticks and notes. One renderer serves the
 * CLI's `--markdown` and the extension's Export Post-mortem.
 */
import type { ChecklistItem, Finding, Report, Severity, UserState } from './types';

export interface PostmortemChart {
  /** File name of the SVG. */
  name: string;
  /** Link target relative to the markdown file (defaults to `name`). */
  path?: string;
  title?: string;
  /** The chart's id: its note is keyed `chart:<id>`. */
  id?: string;
  /** A text summary shown under the image (what the chart says, for readers without images). */
  summary?: string;
}

export interface PostmortemOptions {
  userState?: UserState;
  charts?: PostmortemChart[];
}

/** Dataset text is untrusted: keep it from opening HTML, breaking tables or code spans. */
export function md(s: unknown): string {
  return String(s)
    .replace(/\\/g, '\\\\')
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/([|`*_[\]#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

const pct = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(d)}%`);
const num = (x: number | null | undefined, d = 3) =>
  x === null || x === undefined ? '—' : !Number.isFinite(x) ? String(x) : Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(d) : x.toExponential(2);

const ICON: Record<Severity, string> = { critical: '🔴', warning: '🟠', info: '🔵' };
const STATUS: Record<string, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', unknown: '❔ unknown' };

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._\n';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
}

function noteFor(opts: PostmortemOptions, key: string): string {
  const n = opts.userState?.notes[key];
  return n && n.trim() ? `\n  > 📝 ${md(n.trim())}\n` : '';
}

function findingLine(f: Finding, opts: PostmortemOptions): string {
  return `- ${ICON[f.severity]} **${md(f.title)}** (\`${f.type}\`)\n  - Evidence: ${md(f.evidence)}\n  - Mitigation: ${md(f.mitigation)}${noteFor(opts, `finding:${f.id}`)}`;
}

function checklistSection(items: ChecklistItem[], opts: PostmortemOptions): string {
  if (items.length === 0) return '_No checklist in this report._\n';
  const groups = [...new Set(items.map((i) => i.group))];
  const out: string[] = [];
  for (const g of groups) {
    out.push(`**${g[0].toUpperCase()}${g.slice(1)}**\n`);
    for (const it of items.filter((i) => i.group === g)) {
      const user = opts.userState?.checks[it.id] ?? it.user;
      const ticked = user?.checked ? 'x' : ' ';
      out.push(`- [${ticked}] ${md(it.title)} — automatic: ${STATUS[it.auto]}. ${md(it.reason)}`);
      if (user?.note?.trim()) out.push(`  > 📝 ${md(user.note.trim())}`);
      const n = noteFor(opts, `check:${it.id}`);
      if (n) out.push(n.trimEnd());
    }
    out.push('');
  }
  return out.join('\n');
}

function performanceLine(r: Report): string | null {
  const p = r.performance;
  if (!p || !p.train) return null;
  const t = p.train as unknown as Record<string, number | null>;
  const q = p.prod as unknown as Record<string, number | null> | null;
  if (p.task === 'regression') return `MAE ${num(t.mae)} in training → ${q ? num(q.mae) : 'no production labels'} in production.`;
  return `Accuracy ${pct(t.accuracy)} in training → ${q ? pct(q.accuracy) : 'no production labels'} in production` + (q && t.auc !== null && q.auc !== null ? ` (ROC AUC ${num(t.auc)} → ${num(q.auc)}).` : '.');
}

const EARLIER: Partial<Record<Finding['type'], string>> = {
  feature_drift: 'Monitor PSI per feature on every production batch against the training reference; alert at the warning threshold.',
  prediction_drift: 'Monitor the prediction distribution daily — it moves before labels arrive.',
  renamed_column: 'Validate the serving schema against the training schema at deploy time (names, types, order).',
  missing_column: 'Validate the serving schema against the training schema at deploy time.',
  type_change: 'Add type and unit assertions to the feature pipeline.',
  scale_change: 'Add range checks (training min/max) on numeric features at serving time.',
  null_spike: 'Alert on null-rate changes per feature.',
  new_category: 'Alert on unseen categories and decide a default mapping for them.',
  target_leakage: 'Review each feature for availability at prediction time before training; split by time, not at random.',
  time_overlap: 'Split training and evaluation data by time with a gap.',
  entity_skew: 'Log the features the model receives at serving time and compare them with the training pipeline for the same entities.',
  segment_degradation: 'Track the metric per key segment, not only overall.',
  label_shift: 'Monitor the class balance of incoming labels.',
  performance_drop: 'Evaluate on a recent, time-split holdout before every deploy.',
};

export function renderPostmortem(r: Report, opts: PostmortemOptions = {}): string {
  const out: string[] = [];
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  out.push(`# Post-mortem: ${md(base(r.train.path))} → ${md(base(r.prod.path))}\n`);
  out.push(`_Generated by prodgap ${r.tool.version} on ${r.generatedAt.slice(0, 19).replace('T', ' ')} UTC · report format ${r.version}_\n`);

  out.push('## Summary\n');
  out.push(`**Verdict: ${r.summary.verdict.toUpperCase()}** — ${md(r.summary.headline)}.\n`);
  const perf = performanceLine(r);
  if (perf) out.push(`${perf}\n`);
  if (r.timeline?.metricCourse) out.push(`${md(r.timeline.metricCourse)}\n`);
  out.push(
    table(
      ['', 'Training', 'Production'],
      [
        ['File', md(r.train.path), md(r.prod.path)],
        ['Rows', String(r.train.totalRows), String(r.prod.totalRows)],
        ['Columns', String(r.train.columns), String(r.prod.columns)],
      ],
    ),
  );
  out.push(`Findings: ${r.summary.counts.critical} critical, ${r.summary.counts.warning} warning, ${r.summary.counts.info} info. Roles: ${Object.entries(r.roles).map(([k, v]) => `${k} = ${v ? '`' + md(v) + '`' : '—'}`).join(', ')}.\n`);

  out.push('## What happened: ranked root causes\n');
  if (r.hypotheses.length === 0) out.push('_No root-cause hypothesis is supported by the evidence._\n');
  r.hypotheses.forEach((h, i) => {
    out.push(`### ${i + 1}. ${md(h.title)} — ${h.confidence} confidence (${(h.score * 100).toFixed(0)}%)\n`);
    const byId = new Map(r.findings.map((f) => [f.id, f]));
    if (h.supporting.length) {
      out.push('How we know:');
      for (const id of h.supporting) {
        const f = byId.get(id);
        if (f) out.push(`- ${ICON[f.severity]} ${md(f.title)}: ${md(f.evidence)}`);
      }
      out.push('');
    }
    if (h.against.length) {
      out.push('What argues against it:');
      for (const a of h.against) out.push(`- ${md(byId.get(a)?.title ?? a)}`);
      out.push('');
    }
    out.push(`To confirm: ${md(h.confirm)}\n`);
    out.push(`**What to do:** ${md(h.mitigation)}\n`);
  });

  out.push('## What to do now\n');
  const actions = r.hypotheses.filter((h) => h.confidence !== 'low').map((h) => h.mitigation);
  const fallback = r.findings.filter((f) => f.severity === 'critical').map((f) => f.mitigation);
  const list = [...new Set(actions.length ? actions : fallback)].slice(0, 8);
  out.push(list.length ? list.map((a, i) => `${i + 1}. ${md(a)}`).join('\n') + '\n' : '_Nothing urgent._\n');

  out.push('## Debugging checklist\n');
  out.push(checklistSection(r.checklist, opts));

  out.push('## Findings\n');
  for (const sev of ['critical', 'warning', 'info'] as const) {
    const fs = r.findings.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    out.push(`### ${sev[0].toUpperCase()}${sev.slice(1)} (${fs.length})\n`);
    out.push(fs.map((f) => findingLine(f, opts)).join('\n') + '\n');
  }

  if (r.segments) {
    out.push('## Segments\n');
    out.push(`Metric: ${r.segments.metric ?? '—'}; ${r.segments.slicesTried} slices tried, minimum support ${r.segments.minSupport} rows.\n`);
    out.push(
      table(
        ['Slice', 'Train share', 'Prod share', 'Train metric', 'Prod metric', 'Gap', 'Adj. p'],
        r.segments.worst.slice(0, 10).map((s) => [md(s.slice), pct(s.trainShare), pct(s.prodShare), s.train ? num(s.train.value) : '—', s.prod ? num(s.prod.value) : '—', num(s.gap ?? null), num(s.pValueAdjusted ?? null)]),
      ),
    );
  }
  if (r.timeline) {
    out.push('## Timeline\n');
    out.push(`Windows: ${r.timeline.unit}, on \`${md(r.timeline.timeColumn)}\`.${r.timeline.metricCourse ? ' ' + md(r.timeline.metricCourse) : ''}\n`);
    const pats = r.timeline.patterns.filter((p) => p.pattern !== 'none');
    if (pats.length) out.push(table(['Column', 'Pattern', 'Change at', 'Detail'], pats.map((p) => [md(p.column), p.pattern, p.changeAt ?? '—', md(p.detail)])));
  }
  if (r.leakage) {
    out.push('## Leakage\n');
    const t = r.leakage.timeline;
    if (t) {
      out.push(`Training window: ${t.train ? `${t.train.start.slice(0, 10)} → ${t.train.end.slice(0, 10)}` : '—'}; production window: ${t.prod ? `${t.prod.start.slice(0, 10)} → ${t.prod.end.slice(0, 10)}` : '—'}; overlap: ${t.overlap ? `${t.overlap.start.slice(0, 10)} → ${t.overlap.end.slice(0, 10)}` : 'none'}.\n`);
    }
    out.push(`Identical rows across files: ${pct(r.leakage.rowOverlapShare, 2)}; duplicate rows: ${r.leakage.duplicateRows.train} in training, ${r.leakage.duplicateRows.prod} in production; ids seen in both: ${r.leakage.idOverlapShare === null ? '—' : pct(r.leakage.idOverlapShare)}.\n`);
    const power = r.leakage.featurePower.slice(0, 8);
    if (power.length) out.push(table(['Feature', 'Univariate AUC (train)', 'Univariate AUC (prod)'], power.map((p) => [md(p.column), num(p.trainAuc), num(p.prodAuc)])));
  }
  if (r.skew) {
    out.push('## Train-serving skew (same entities)\n');
    out.push(`Joined on ${r.skew.joinedOn.map((j) => '`' + md(j) + '`').join(' and ')}: ${r.skew.matchedEntities} entities in both files.\n`);
    out.push(table(['Feature', 'Pairs', 'Differ', 'Median ratio', 'Median diff', 'Direction'], r.skew.columns.map((c) => [md(c.column), String(c.pairs), pct(c.differShare), num(c.medianRatio), num(c.medianDiff), c.direction])));
  }

  out.push('## Drift\n');
  const drifted = r.columns.filter((c) => c.drift).sort((a, b) => (b.drift!.score ?? 0) - (a.drift!.score ?? 0));
  out.push(
    table(
      ['Feature', 'Kind', 'Severity', 'PSI', 'KS', 'Wasserstein / std', 'JS', 'Adj. p'],
      drifted.map((c) => [md(c.name), c.kind, c.drift!.severity, num(c.drift!.psi), num(c.drift!.ks?.statistic), num(c.drift!.wassersteinNormed), num(c.drift!.jensenShannon), num(c.drift!.pValueAdjusted)]),
    ),
  );
  if (r.datasetDrift?.classifier) {
    const c = r.datasetDrift.classifier;
    out.push(`Domain classifier AUC ${num(c.auc)} (${md(c.model)}, ${c.folds}-fold CV, ${c.sampleSize} rows); most telling features: ${c.topFeatures.slice(0, 5).map((f) => `${md(f.name)} (${pct(f.importance, 0)})`).join(', ')}. Benjamini–Hochberg over ${r.datasetDrift.multipleTesting.tests} tests at α=${r.datasetDrift.multipleTesting.alpha}: ${r.datasetDrift.multipleTesting.rejected} significant.\n`);
  }

  out.push('## Data quality\n');
  out.push(
    table(
      ['Column', 'Kind', 'Nulls (train)', 'Nulls (prod)', 'Train range / top', 'Prod range / top'],
      r.columns.map((c) => {
        const desc = (p: typeof c.train) =>
          !p ? '—' : p.numeric ? `${num(p.numeric.min, 2)} … ${num(p.numeric.max, 2)}` : p.datetime ? `${p.datetime.min.slice(0, 10)} … ${p.datetime.max.slice(0, 10)}` : p.categories ? p.categories.top.slice(0, 3).map((t) => md(t.value)).join(', ') : '—';
        return [md(c.name), c.kind, pct(c.train?.nullRate), pct(c.prod?.nullRate), desc(c.train), desc(c.prod)];
      }),
    ),
  );
  out.push(`Production rows with a feature beyond ${r.quality.oodK} training std: ${pct(r.quality.oodRowShare, 2)}.\n`);

  if (opts.charts?.length) {
    out.push('## Charts\n');
    for (const c of opts.charts) {
      out.push(`### ${md(c.title ?? c.name)}\n`);
      out.push(`![${md(c.title ?? c.name)}](${encodeURI(c.path ?? c.name)})\n`);
      if (c.summary) out.push(`${md(c.summary)}\n`);
      const n = noteFor(opts, `chart:${c.id ?? c.name.replace(/\.svg$/, '')}`);
      if (n) out.push(n.trim() + '\n');
    }
  }

  out.push('## How to catch it earlier next time\n');
  const types = [...new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => f.type))];
  const tips = [...new Set(types.map((t) => EARLIER[t]).filter((x): x is string => !!x))];
  out.push(tips.length ? tips.map((t) => `- ${t}`).join('\n') + '\n' : '- Keep comparing each production batch with the training data (e.g. `prodgap analyze … --fail-on critical` in CI).\n');
  out.push('- Run `prodgap analyze <train> <prod> --fail-on critical` on every new production batch in CI.\n');
  const general = opts.userState?.notes['general'];
  if (general?.trim()) out.push(`## Notes\n\n${md(general.trim())}\n`);
  return out.join('\n');
}
