/**
 * Post-mortem rendering inside the worker: markdown from the report and the user's notes, plus SVG charts rendered
 * headless with vega (no browser), so the heavy vega work stays off the extension host thread.
 * Placeholder until the renderer modules land (`core/report/postmortem.ts`, `core/report/renderSvg.ts`).
 */
import type { Report, UserState } from '../core/report/types';

export async function renderPostmortemCharts(
  _report: Report,
  _userState: UserState | undefined,
  _chartsDir: string | undefined,
): Promise<{ markdown: string; charts: { name: string; svg: string }[] }> {
  throw new Error('The post-mortem renderer is not part of this build yet.');
}
