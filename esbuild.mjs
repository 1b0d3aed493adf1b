// Bundles the four entry points: extension host (CJS, `vscode` external), analysis worker, CLI, and webview (browser).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// vega-canvas's node build does a top-level `await import('canvas')`, which a CJS bundle cannot hold; the browser
// build is a no-op fallback that is all headless SVG rendering needs (see DESIGN.md, known pitfalls).
// The package's `exports` hides `./build/*`, so resolve its node entry and take the sibling file.
const vegaCanvasBrowser = join(dirname(require.resolve('vega-canvas')), 'vega-canvas.browser.js');
const aliasVegaCanvas = {
  name: 'alias-vega-canvas',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: vegaCanvasBrowser }));
  },
};

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  plugins: [aliasVegaCanvas],
};

const nodeCommon = { ...common, platform: 'node', target: 'node18', format: 'cjs' };

const builds = [
  { ...nodeCommon, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...nodeCommon, entryPoints: { worker: 'src/worker/worker.ts' }, outdir: 'dist' },
  { ...nodeCommon, entryPoints: { reader: 'src/worker/readerWorker.ts' }, outdir: 'dist' },
  { ...nodeCommon, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    loader: { '.css': 'text' },
  },
];

const existing = (await import('node:fs')).existsSync;
const active = builds.filter((b) => Object.values(b.entryPoints).every((p) => existing(p)));
if (watch) {
  for (const b of active) (await esbuild.context(b)).watch();
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
}
