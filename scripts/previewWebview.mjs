// Builds a static preview of the panel (webview bundle + CSS + a sample state + a fake VS Code API) under
// dist/preview/, and with --screenshot serves it on 127.0.0.1 and takes headless Chromium screenshots in the dark,
// light and high-contrast themes, reporting CSP violations the page recorded.
//
//   node scripts/previewWebview.mjs [--report report.json] [--screenshot] [--tabs overview,drift] [--feature age]
//                                   [--themes dark,light,hc] [--width 1200] [--height 1600]
//                                   [--do 'click:city drifted;key:ArrowDown;key:Enter']  (replayed actions)
//                                   [--check]  (exit 1 unless every page loaded with zero CSP violations)
//
// --example analyses examples/train.csv vs examples/prod.csv with the built CLI (npm run build first) and previews that.
// Without --report or --example it uses the hand-built sample report (test/unit/core/report/sampleReport.ts), which carries a
// column named `<img src=x onerror=alert(1)>` and a category `<script>alert(1)</script>`.
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { execFile, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const require = createRequire(import.meta.url);
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const out = resolve(root, arg('out', 'dist/preview'));
const themes = arg('themes', 'dark,light').split(',');
const tabs = arg('tabs', 'overview,drift').split(',');
const feature = arg('feature', '');
const actions = arg('do', '');
const width = Number(arg('width', '1200'));
const height = Number(arg('height', '1600'));

mkdirSync(join(out, 'themes'), { recursive: true });

// Same bundle options as esbuild.mjs's webview entry (kept in sync by hand: IIFE for the browser, vega-canvas alias).
const vegaCanvasBrowser = join(dirname(require.resolve('vega-canvas')), 'vega-canvas.browser.js');
await esbuild.build({
  entryPoints: [join(root, 'webview/main.ts')],
  outfile: join(out, 'webview.js'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  sourcemap: false,
  logLevel: 'warning',
  plugins: [{ name: 'alias-vega-canvas', setup: (b) => b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: vegaCanvasBrowser })) }],
});

async function sampleReport() {
  const tmp = join(tmpdir(), `prodgap-sample-${process.pid}.mjs`);
  await esbuild.build({
    stdin: { contents: "import { sampleReport } from './test/unit/core/report/sampleReport'; export default sampleReport();", resolveDir: root, loader: 'ts' },
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  return (await import(tmp)).default;
}

function exampleReport() {
  const json = join(tmpdir(), `prodgap-example-${process.pid}.json`);
  const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'analyze', 'examples/train.csv', 'examples/prod.csv', '--json', json], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(json)) throw new Error(`the CLI wrote no report (exit ${r.status}); run npm run build first`);
  return JSON.parse(readFileSync(json, 'utf8'));
}

const reportPath = arg('report', '');
const report = reportPath
  ? JSON.parse(readFileSync(resolve(reportPath), 'utf8'))
  : process.argv.includes('--example')
    ? exampleReport()
    : await sampleReport();
// --phase running|error|cancelled|idle and --partial show the header's status line and partial-report rendering;
// --no-report shows the empty panel.
const phase = arg('phase', 'done');
const state = {
  report: process.argv.includes('--no-report') ? null : report,
  partial: process.argv.includes('--partial'),
  userState: { checks: {}, notes: { [`finding:${report.findings[0]?.id}`]: 'Asked the data team where these rows come from.' } },
  status: { phase, message: phase === 'running' ? 'Drift: 9 of 14 columns' : phase === 'done' ? 'Analysis finished' : `Analysis ${phase}`, ...(phase === 'running' ? { progress: 0.55 } : {}) },
  pair: { train: report.train.path, prod: report.prod.path },
};
// `<` escaped so no string in the report can close the script element.
writeFileSync(join(out, 'state.js'), `window.__PREVIEW_STATE__ = ${JSON.stringify(state).replace(/</g, '\\u003c')};\n`);
copyFileSync(join(root, 'media/webview.css'), join(out, 'webview.css'));
copyFileSync(join(root, 'media/vega-tooltip.css'), join(out, 'vega-tooltip.css'));
copyFileSync(join(root, 'webview/dev/fakeVscode.js'), join(out, 'fakeVscode.js'));
const bodyClass = { dark: 'vscode-dark', light: 'vscode-light', hc: 'vscode-high-contrast' };
const template = readFileSync(join(root, 'webview/dev/preview.html'), 'utf8');
for (const t of ['dark', 'light', 'hc']) {
  copyFileSync(join(root, `webview/dev/themes/${t}.css`), join(out, `themes/${t}.css`));
  writeFileSync(join(out, `${t}.html`), template.replaceAll('{{THEME}}', t).replaceAll('{{BODY_CLASS}}', bodyClass[t]));
}
console.log(`preview written to ${out}/{dark,light,hc}.html`);

if (process.argv.includes('--screenshot')) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = join(out, new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(out) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const chromium = '/usr/bin/chromium';
  const common = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${width},${height}`, '--virtual-time-budget=8000'];
  const run = (args) =>
    new Promise((r) => {
      // Not spawnSync: it would block the server this process runs while Chromium loads the page from it.
      execFile(chromium, [...common, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => r({ err, stdout, stderr }));
    });
  let failures = 0;
  for (const theme of themes) {
    for (const tab of tabs) {
      const url = `http://127.0.0.1:${port}/${theme}.html?tab=${tab}${feature ? `&feature=${encodeURIComponent(feature)}` : ''}${actions ? `&do=${encodeURIComponent(actions)}` : ''}`;
      const png = join(out, `${theme}-${tab}.png`);
      await run([`--screenshot=${png}`, url]);
      const dom = await run(['--dump-dom', url]);
      const m = /data-csp-violations="(\d+)"/.exec(dom.stdout);
      const last = /data-csp-last="([^"]*)"/.exec(dom.stdout);
      const posted = /data-posted="([^"]*)"/.exec(dom.stdout);
      console.log(`${png}: CSP violations ${m ? m[1] : '?'}${last ? ` (last: ${last[1]})` : ''}`);
      if (!m || m[1] !== '0' || !dom.stdout.includes('vscode-tab-panel')) failures++;
      if (posted) console.log(`  posted: ${posted[1]}`);
      const tip = /<div id="vg-tooltip-element"[^>]*>([\s\S]*?)<\/div>/.exec(dom.stdout);
      if (tip) console.log(`  tooltip: ${tip[1]}`);
      const active = /data-active="([^"]*)"/.exec(dom.stdout);
      if (active) console.log(`  focused: ${active[1]}`);
    }
  }
  server.close();
  if (process.argv.includes('--check') && failures > 0) {
    console.error(`${failures} page(s) had CSP violations or did not render`);
    process.exit(1);
  }
}
