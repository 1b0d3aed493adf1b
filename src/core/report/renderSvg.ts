/**
 * Headless SVG rendering of the report's charts for the post-mortem and the CLI's `--markdown`: vega-lite → vega →
 * a View with the `none` renderer → `toSVG()`. No browser and no `canvas` package: text widths are estimated.
 *
 * vega 6 is ESM-only and its `vega-canvas` dependency has a top-level `await import('canvas')` in its node build.
 * The bundles alias `vega-canvas` to its browser build (esbuild.mjs). Under tsx (unit tests) a static `import` would
 * be rewritten to `require()`, which cannot load a module with top-level await; a dynamic `import()` stays native
 * ESM in both worlds, so vega is loaded lazily here (it also keeps vega off the startup path of the CLI and worker).
 */
import type { Report } from './types';
import { FIXED_PALETTE, type ChartOptions, type ChartPalette, type ChartSpec } from './chartTheme';
import { reportCharts } from './charts';

export interface RenderedChart {
  /** A file name unique within one export (`01-drift-scores.svg`), safe on every file system. */
  name: string;
  svg: string;
  /** The chart's id (`chart:<id>` keys its note), title and text summary, for the markdown around the image. */
  id: string;
  title: string;
  summary: string;
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let libs: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

function loadVega(): Promise<{ vega: Vega; vl: VegaLite }> {
  libs ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, vl }));
  return libs;
}

/** Render one vega-lite spec to an SVG string. */
export async function renderSpecSvg(spec: ChartSpec['spec']): Promise<string> {
  const { vega, vl } = await loadVega();
  // vega-lite's compile-time warnings (a legend property merged across layers) are for spec authors, not for the
  // user exporting a post-mortem: keep them off the terminal.
  const view = new vega.View(vega.parse(vl.compile(spec, { logger: vega.logger(vega.None) }).spec), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** File-name stem from a chart id: dataset column names can hold anything, so keep only a safe, short slug. */
export function chartFileName(index: number, id: string): string {
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `${String(index + 1).padStart(2, '0')}-${slug || 'chart'}.svg`;
}

/** Every chart of the report as SVG, in reading order, on a fixed light palette. */
export async function renderChartsSvg(report: Report, palette: ChartPalette = FIXED_PALETTE): Promise<RenderedChart[]> {
  const opts: ChartOptions = { palette, mode: 'share', title: true };
  const out: RenderedChart[] = [];
  const charts = reportCharts(report, opts);
  for (let i = 0; i < charts.length; i++) {
    const c = charts[i];
    out.push({ name: chartFileName(i, c.id), svg: await renderSpecSvg(c.spec), id: c.id, title: c.title, summary: c.summary });
  }
  return out;
}
