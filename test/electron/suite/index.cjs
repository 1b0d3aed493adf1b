// Runs inside the VS Code that @vscode/test-electron downloads (extension host, CommonJS): drives prodgap through its
// command ids and reads what the panel shows through the `prodgap._getPanelState` test hook. No mocha: a few
// sequential checks with node:assert, each named in the output.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitState(pred, what, timeout = 240000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await vscode.commands.executeCommand('prodgap._getPanelState');
    if (pred(last)) return last;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}; last status ${JSON.stringify(last?.state?.status)}`);
}

const checks = [
  ['the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension('prodgap.prodgap');
    assert.ok(ext, 'prodgap.prodgap is installed');
    await ext.activate();
    const all = await vscode.commands.getCommands(true);
    for (const id of ['prodgap.compare', 'prodgap.rerun', 'prodgap.exportPostmortem', 'prodgap._getPanelState']) assert.ok(all.includes(id), id);
  }],
  ['compare train.csv ↔ prod.csv: the panel gets a verdict and the planted causes', async () => {
    const ws = process.env.PRODGAP_ELECTRON_WORKSPACE;
    const train = vscode.Uri.file(path.join(ws, 'train.csv'));
    const prod = vscode.Uri.file(path.join(ws, 'prod.csv'));
    await vscode.commands.executeCommand('prodgap.compare', prod, [train, prod]);
    const s = await waitState((x) => x?.state?.status?.phase === 'done' && x.state.report && !x.state.partial, 'the analysis');
    assert.equal(path.basename(s.state.pair.train), 'train.csv');
    assert.notEqual(s.state.report.summary.verdict, 'ok');
    const titles = s.state.report.hypotheses.map((h) => `${h.title} ${h.columns.join(' ')}`).join('\n');
    assert.match(titles, /collections_contacted/);
    assert.match(titles, /acct_balance/);
    assert.match(titles, /txn_count_30d|loan_amount/);
  }],
  ['the checklist tree and the panel share ticks', async () => {
    const s = await vscode.commands.executeCommand('prodgap._getPanelState');
    assert.ok(s.tree.length > 0, 'the tree has groups');
    const items = s.tree.flatMap((g) => g.items);
    assert.equal(items.length, s.state.report.checklist.length);
  }],
];

exports.run = async function run() {
  let failed = 0;
  for (const [name, fn] of checks) {
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.error(`not ok - ${name}\n${e?.stack ?? e}`);
    }
  }
  if (failed) throw new Error(`${failed} of ${checks.length} checks failed`);
};
