/**
 * Post-mortem rendering inside the worker: SVG charts rendered headless with vega (no browser) and the markdown that
 * links them, so the heavy vega work stays off the extension host thread. The host only writes the files.
 */
import { renderPostmortem } from '../core/report/postmortem';
import { renderChartsSvg } from '../core/report/renderSvg';
import type { Report, UserState } from '../core/report/types';

/**
 * `chartsDir` is the folder of the SVGs relative to the markdown file (`train-postmortem-charts`); the returned chart
 * names are paths relative to the markdown too, so the host writes each at `join(dirname(md), name)`.
 */
export async function renderPostmortemCharts(
  report: Report,
  userState: UserState | undefined,
  chartsDir: string | undefined,
): Promise<{ markdown: string; charts: { name: string; svg: string }[] }> {
  const rendered = chartsDir === undefined ? [] : await renderChartsSvg(report);
  const dir = chartsDir ? chartsDir.replace(/[\\/]+$/, '') + '/' : '';
  const markdown = renderPostmortem(report, {
    userState: userState && chartNotesByFileName(userState, rendered),
    charts: rendered.map((c) => ({ name: c.name, path: dir + c.name, title: c.title })),
  });
  return { markdown, charts: rendered.map((c) => ({ name: dir + c.name, svg: c.svg })) };
}

/**
 * The panel keys a chart's note by chart id (`chart:drift-scores`); the post-mortem looks it up by the SVG's file
 * stem (`chart:01-drift-scores`). Copy each note to the second key so it lands under its image.
 */
export function chartNotesByFileName(state: UserState, charts: { name: string; id: string }[]): UserState {
  const notes = { ...state.notes };
  for (const c of charts) {
    const note = state.notes[`chart:${c.id}`];
    if (note) notes[`chart:${c.name.replace(/\.svg$/, '')}`] = note;
  }
  return { checks: state.checks, notes };
}
