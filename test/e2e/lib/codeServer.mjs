// Starts code-server (Node 24, loopback, no auth) on a fresh profile with one .vsix installed, and stops it.
// Used by the e2e suite and by `npm start`.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { paths } from './paths.mjs';

/** Settings that keep the workbench quiet and predictable (no welcome page, trust prompt, telemetry, chat). */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Dark Modern',
  // The save dialog as a quick input (code-server's remote files): a test can accept the default path with Enter.
  'files.simpleDialog.enable': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** A free TCP port on 127.0.0.1 (the OS picks; closed again before code-server binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Prepare a profile under `runDir` (user data, extensions, XDG dirs), install `vsix`, write settings and keybindings.
 * Returns the folders and the environment code-server must run with.
 */
export function prepareProfile(runDir, { vsix, settings = {}, keybindings = [] }) {
  const ud = join(runDir, 'user-data');
  const exts = join(runDir, 'extensions');
  mkdirSync(join(ud, 'User'), { recursive: true });
  mkdirSync(exts, { recursive: true });
  writeFileSync(join(ud, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  writeFileSync(join(ud, 'User', 'keybindings.json'), JSON.stringify(keybindings, null, 2));
  // Per-run XDG dirs: otherwise code-server writes ~/.config/code-server/config.yaml and shares state between runs.
  const env = { ...process.env, XDG_CONFIG_HOME: join(runDir, 'xdg-config'), XDG_DATA_HOME: join(runDir, 'xdg-data') };
  delete env.VSCODE_IPC_HOOK_CLI; // started from inside a VS Code terminal, code-server would talk to that window
  execFileSync(paths.node24, [paths.codeServerEntry, '--install-extension', vsix, '--extensions-dir', exts, '--user-data-dir', ud], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ud, exts, env };
}

/** Start code-server on 127.0.0.1:`port` serving `folder`; resolves once /healthz answers. */
export async function startCodeServer({ runDir, profile, port, folder, logFile = join(runDir, 'code-server.log') }) {
  const args = [
    paths.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', profile.ud,
    '--extensions-dir', profile.exts,
    folder,
  ];
  // Its own process group, so stopping it also stops the extension host and file watcher it forked.
  const child = spawn(paths.node24, args, { env: profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > end) throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    logFile,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}
