/**
 * The analyses that build on the first pass (schema, quality, drift, performance): segments and time, leakage and
 * skew, cause signatures, then the diagnosis and the checklist that read every finding. Kept apart from engine.ts so
 * the order lives in one list.
 */
import type { Finding } from '../report/types';
import type { AnalysisContext } from './context';
import type { Stage } from '../engine';

type Step = (stage: Stage, fraction: number, message: string) => void;

export function runLaterAnalyses(ctx: AnalysisContext, findings: Finding[], step: Step, partial: () => void): void {
  void ctx;
  void findings;
  void step;
  void partial;
}
