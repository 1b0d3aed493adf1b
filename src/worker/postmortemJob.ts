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
    userState,
    charts: rendered.map((c) => ({ name: c.name, path: dir + c.name, title: c.title, id: c.id, summary: c.summary })),
  });
  return { markdown, charts: rendered.map((c) => ({ name: dir + c.name, svg: c.svg })) };
}
