// `npm run test:electron`: the @vscode/test-electron integration suite, for machines that can download VS Code
// (it fetches a VS Code build from update.code.visualstudio.com; offline machines use `npm run test:e2e` instead).
// @vscode/test-electron is not a project dependency, so `npm ci` never needs that download: it is installed here on
// first use into test/e2e/.cache/electron (gitignored). VSCODE_VERSION picks the build (default: stable).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const toolDir = join(root, 'test', 'e2e', '.cache', 'electron');
const entry = join(toolDir, 'node_modules', '@vscode', 'test-electron', 'out', 'index.js');

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

if (!existsSync(entry)) {
  mkdirSync(toolDir, { recursive: true });
  if (!existsSync(join(toolDir, 'package.json'))) writeFileSync(join(toolDir, 'package.json'), '{"name":"prodgap-electron-tools","private":true}\n');
  run('npm', ['install', '--no-audit', '--no-fund', '@vscode/test-electron@^2'], toolDir);
}
run('npm', ['run', 'build', '--silent'], root);

const { runTests } = createRequire(import.meta.url)(entry);
const workspace = mkdtempSync(join(tmpdir(), 'prodgap-electron-'));
run('cp', ['-r', join(root, 'examples', 'train.csv'), join(root, 'examples', 'prod.csv'), workspace], root);
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(here, 'suite', 'index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { PRODGAP_ELECTRON_WORKSPACE: workspace },
  });
} catch (e) {
  console.error(`test:electron failed: ${e?.message ?? e}`);
  console.error(`(${pathToFileURL(workspace).href})`);
  process.exit(1);
}
