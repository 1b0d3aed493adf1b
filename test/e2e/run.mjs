// `npm run test:e2e`: install what the suite needs when missing (test/e2e/setup.mjs), build and package the
// extension (`npm run package` → dist-vsix/prodgap-0.1.0.vsix), then run the suite with node:test. Prints how long
// the install and the whole run took. PRODGAP_E2E_SKIP_PACKAGE=1 reuses an existing .vsix (when iterating on tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths, repoRoot } from './lib/paths.mjs';
import { setup } from './setup.mjs';

const t0 = Date.now();
const secs = (t) => ((Date.now() - t) / 1000).toFixed(1);

function step(title, cmd, args) {
  console.log(`\n== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`e2e: ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

try {
  setup();
} catch (e) {
  console.error(String(e?.message ?? e));
  process.exit(1);
}
const installS = secs(t0);

if (!process.env.PRODGAP_E2E_SKIP_PACKAGE) {
  // vsce's `-o dist-vsix/` writes a file named dist-vsix when the folder does not exist yet.
  if (existsSync(paths.vsixDir) && !statSync(paths.vsixDir).isDirectory()) rmSync(paths.vsixDir);
  mkdirSync(paths.vsixDir, { recursive: true });
  step('package', 'npm', ['run', 'package', '--silent']);
}
const packagedS = secs(t0);

const tSuite = Date.now();
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=900000', join('test', 'e2e', 'suite.test.mjs')], {
  cwd: repoRoot,
  stdio: 'inherit',
});
const timings = { setupSeconds: Number(installS), untilPackagedSeconds: Number(packagedS), suiteSeconds: Number(secs(tSuite)), totalSeconds: Number(secs(t0)), exit: r.status };
mkdirSync(paths.work, { recursive: true });
writeFileSync(join(paths.work, 'last-timings.json'), JSON.stringify(timings, null, 2));
console.log(`\ne2e timings: install/check ${installS} s, build+package ${(packagedS - installS).toFixed(1)} s, suite ${timings.suiteSeconds} s, total ${timings.totalSeconds} s`);
process.exit(r.status ?? 1);
