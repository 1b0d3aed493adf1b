/**
 * vega-embed glue for the panel. The options are what a strict CSP (no `unsafe-eval`, no inline styles) needs:
 * - `ast: true` + `expr: expressionInterpreter`: vega evaluates expressions by walking their AST instead of
 *   generating code with `new Function` (which `script-src` without `unsafe-eval` forbids);
 * - `defaultStyle: false` and `tooltip.disableDefaultStyle`: no `<style>` injected; the styles ship as
 *   `media/webview.css` and `media/vega-tooltip.css`, loaded from the extension like the script;
 * - `renderer: 'svg'`: crisp at any zoom, and text stays text for screen readers;
 * - `actions: false`: no export menu (it would open the vega editor, a network call).
 * vega-tooltip builds its tooltip with innerHTML from the values it is given; its default sanitiser escapes only `&`
 * and `<`, so ours (`escapeHtml`, all five characters) is passed in.
 */
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { FIXED_PALETTE, type ChartPalette } from '../src/core/report/chartTheme';
import type { ChartSpec } from '../src/core/report/chartTheme';
import { escapeHtml } from './dom';

/** The VS Code theme's chart colours, read at render time (they change with the theme). */
export function themePalette(): ChartPalette {
  const cs = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const red = v('--vscode-charts-red', FIXED_PALETTE.critical);
  const blue = v('--vscode-charts-blue', FIXED_PALETTE.train);
  const orange = v('--vscode-charts-orange', FIXED_PALETTE.prod);
  const green = v('--vscode-charts-green', FIXED_PALETTE.ok);
  const yellow = v('--vscode-charts-yellow', FIXED_PALETTE.warning);
  const purple = v('--vscode-charts-purple', '#8e5bb5');
  const fg = v('--vscode-foreground', FIXED_PALETTE.text);
  return {
    train: blue,
    prod: orange,
    overlap: red,
    ok: green,
    warning: yellow,
    critical: red,
    neutral: v('--vscode-editorWidget-background', v('--vscode-editor-background', FIXED_PALETTE.neutral)),
    series: [blue, orange, green, purple, yellow, red],
    text: fg,
    grid: v('--vscode-charts-lines', v('--vscode-widget-border', FIXED_PALETTE.grid)),
    background: null,
    font: v('--vscode-font-family', FIXED_PALETTE.font),
  };
}

/** Embed one chart into `el`; resolves to a disposer. Errors are shown in place, as text. */
export async function embedChart(el: HTMLElement, chart: ChartSpec): Promise<() => void> {
  let result: Result | undefined;
  try {
    result = await embed(el, chart.spec, {
      ast: true,
      expr: expressionInterpreter,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true, sanitize: escapeHtml },
      actions: false,
      renderer: 'svg',
    });
  } catch (err) {
    el.replaceChildren(document.createTextNode(`This chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`));
    el.classList.add('chart-error');
  }
  return () => result?.finalize();
}
