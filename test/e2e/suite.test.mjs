// prodgap end to end, in a real VS Code (code-server) driven through headless Chromium: one test per item of the
// e2e issue, in order, sharing one code-server and one browser (each test builds on what the previous one left open,
// as a person clicking through would). Run with `npm run test:e2e` (installs what is missing, packages the .vsix).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBigPair } from './lib/bigPair.mjs';
import { freePort, prepareProfile, startCodeServer } from './lib/codeServer.mjs';
import { paths } from './lib/paths.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { hookKeybinding, Workbench } from './lib/workbench.mjs';
import { items, runItem } from './items.mjs';

const VSIX = process.env.PRODGAP_VSIX || join(paths.vsixDir, 'prodgap-0.1.0.vsix');
const t0 = Date.now();
const log = (m) => console.log(`# [e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

let runDir, ws, server, wb, profile;

before(async () => {
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` (npm run test:e2e does)`);
  const big = await ensureBigPair(join(paths.work, 'big'));
  log('large pair ready');
  // Keep the two previous runs' folders (profiles, logs) for inspection; older ones go.
  const old = existsSync(paths.work) ? readdirSync(paths.work).filter((d) => /^(run|dev)-/.test(d)).sort() : [];
  for (const d of old.slice(0, Math.max(0, old.length - 2))) rmSync(join(paths.work, d), { recursive: true, force: true });
  runDir = join(paths.work, `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(runDir, { recursive: true });
  mkdirSync(paths.screenshots, { recursive: true });
  ws = makeWorkspace(runDir, { big });
  const stateFile = join(runDir, 'panel-state.json');
  profile = prepareProfile(runDir, { vsix: VSIX, keybindings: [hookKeybinding(stateFile)] });
  log('vsix installed into a fresh profile');
  server = await startCodeServer({ runDir, profile, port: await freePort(), folder: ws });
  log(`code-server at ${server.url}`);
  wb = new Workbench({ url: server.url, folder: ws, runDir, settingsFile: join(profile.ud, 'User', 'settings.json'), stateFile, log });
  await wb.launch();
});

after(async () => {
  if (wb?.page) await wb.screenshot(join(paths.screenshots, 'last.png')).catch(() => {});
  await wb?.close();
  server?.stop();
  log(`run folder: ${runDir} (code-server log, extension host logs under user-data/logs)`);
});

items.forEach((it, i) => test(it.name, () => runItem(i + 1, { wb, ws, server, profile })));
