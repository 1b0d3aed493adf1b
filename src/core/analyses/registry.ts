/**
 * The analyses that build on the first pass (schema, quality, drift, performance): segments and time, leakage and
 * skew, cause signatures, then the diagnosis and the checklist that read every finding. Kept apart from engine.ts so
 * the order lives in one list.
 */
import type { Finding, Report } from '../report/types';
import type { AnalysisContext } from './context';
import type { Stage } from '../engine';
import { analyzeSegments } from './segments';
import { analyzeTimeline } from './timeline';
import { analyzeLeakage } from './leakage';
import { analyzeSkew } from './skew';
import { analyzeSignatures } from './signatures';
import { diagnose } from './diagnosis';
import { evaluateChecklist } from '../checklist/evaluate';

type Step = (stage: Stage, fraction: number, message: string) => void;

export function runLaterAnalyses(ctx: AnalysisContext, findings: Finding[], step: Step, partial: () => void): void {
  const report = ctx.report as Report;
  step('segments', 0.78, 'Searching segments and slices');
  const seg = analyzeSegments(ctx);
  report.segments = seg.section;
  findings.push(...seg.findings);

  step('timeline', 0.84, 'Cutting time windows');
  const time = analyzeTimeline(ctx);
  report.timeline = time.section;
  findings.push(...time.findings);
  partial();

  step('leakage', 0.88, 'Looking for leakage and train-serving skew');
  const leak = analyzeLeakage(ctx);
  report.leakage = leak.section;
  findings.push(...leak.findings);
  const skew = analyzeSkew(ctx);
  report.skew = skew.section;
  findings.push(...skew.findings);
  const sig = analyzeSignatures(ctx);
  findings.push(...sig.findings);
  partial();

  step('diagnosis', 0.97, 'Ranking root causes');
  report.findings = findings;
  report.hypotheses = diagnose(report);
  report.checklist = evaluateChecklist(report);
}
