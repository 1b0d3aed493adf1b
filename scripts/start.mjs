// `npm start`: try prodgap without a desktop VS Code. Builds and packages the extension, installs it into a fresh
// code-server profile (code-server and Node 24 are installed under test/e2e/.cache/ when missing) and serves a local
// VS Code on 127.0.0.1 at a free port with a temp copy of examples/ open. Ctrl+C stops it.
// PRODGAP_START_SKIP_PACKAGE=1 serves the .vsix already in dist-vsix/; PORT=nnnn picks the port.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, prepareProfile, startCodeServer } from '../test/e2e/lib/codeServer.mjs';
import { paths, repoRoot } from '../test/e2e/lib/paths.mjs';
import { setup } from '../test/e2e/setup.mjs';

setup();
const vsix = join(paths.vsixDir, 'prodgap-0.1.0.vsix');
if (!process.env.PRODGAP_START_SKIP_PACKAGE) {
  if (existsSync(paths.vsixDir) && !statSync(paths.vsixDir).isDirectory()) rmSync(paths.vsixDir);
  mkdirSync(paths.vsixDir, { recursive: true });
  const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}
if (!existsSync(vsix)) {
  console.error(`${vsix} is missing (npm run package)`);
  process.exit(1);
}

const runDir = mkdtempSync(join(tmpdir(), 'prodgap-start-'));
const folder = join(runDir, 'examples');
cpSync(paths.examples, folder, { recursive: true });
const profile = prepareProfile(runDir, { vsix });
const port = Number(process.env.PORT) || (await freePort());
const server = await startCodeServer({ runDir, profile, port, folder });
const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(`\nprodgap is installed in a local VS Code (code-server), with a copy of examples/ open:\n\n    ${url}\n`);
console.log('Open it in a browser, select train.csv and prod.csv in the Explorer (Ctrl+click), right-click, and choose');
console.log('"Compare Training ↔ Production". Press Ctrl+C here to stop.');
console.log(`(profile and logs: ${runDir})`);

const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`code-server exited (${code}); log: ${server.logFile}`);
  process.exit(code ?? 1);
});
