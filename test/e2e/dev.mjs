// Debugging aid (not part of the suite): starts code-server + Chromium like the suite does and keeps them running;
// every time the file named by argv[2] changes, it is imported and its default export is called with
// `{ wb, ws, server, runDir }`, its result/exception printed. Stop with Ctrl+C.
//   node test/e2e/dev.mjs /tmp/step.mjs
import { mkdirSync, watchFile } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBigPair } from './lib/bigPair.mjs';
import { freePort, prepareProfile, startCodeServer } from './lib/codeServer.mjs';
import { paths } from './lib/paths.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { hookKeybinding, Workbench } from './lib/workbench.mjs';

const step = process.argv[2];
const runDir = join(paths.work, `dev-${Date.now()}`);
mkdirSync(runDir, { recursive: true });
const ws = makeWorkspace(runDir, { big: await ensureBigPair(join(paths.work, 'big')) });
const stateFile = join(runDir, 'panel-state.json');
const profile = prepareProfile(runDir, { vsix: join(paths.vsixDir, 'prodgap-0.1.0.vsix'), keybindings: [hookKeybinding(stateFile)] });
const server = await startCodeServer({ runDir, profile, port: await freePort(), folder: ws });
const wb = new Workbench({ url: server.url, folder: ws, runDir, settingsFile: join(profile.ud, 'User', 'settings.json'), stateFile });
await wb.launch();
await wb.open();
console.log(`ready: ${server.url} ${runDir}`);
let n = 0;
const runStep = async () => {
  try {
    const mod = await import(`${pathToFileURL(step).href}?v=${++n}`);
    console.log(`--- step ${n}:`, await mod.default({ wb, ws, server, runDir, profile }));
  } catch (e) {
    console.log(`--- step ${n} failed:`, e?.stack ?? e);
  }
};
watchFile(step, { interval: 300 }, runStep);
process.on('SIGTERM', async () => {
  await wb.close();
  server.stop();
  process.exit(0);
});
