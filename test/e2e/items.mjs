// The ten items of the e2e issue as functions of a running session (`{ wb, ws, server, profile }`), so the suite
// (suite.test.mjs) and the debugging aid (dev.mjs) run the same code.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contrastProblems } from './lib/contrast.mjs';
import { extensionHostCpuSeconds } from './lib/processes.mjs';
import { paths } from './lib/paths.mjs';
import { sleep, until } from './lib/workbench.mjs';
import { HOSTILE_COLUMN, HOSTILE_VALUE } from './fixtures/make.mjs';

export const items = [];
const item = (name, run) => items.push({ name, run });
let ctx; // the session of the item running now
const t0 = Date.now();
const log = (m) => console.log(`# [e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const settle = (s) => s?.state?.status?.phase === 'done' && s.state.report && !s.state.partial;

/** Run item `n` (1-based) against a session. */
export async function runItem(n, session) {
  ctx = session;
  try {
    return await items[n - 1].run();
  } catch (e) {
    await ctx.wb.screenshot(join(paths.screenshots, `failed-item-${n}.png`)).catch(() => {});
    throw e;
  }
}

/** Text of a locator with whitespace collapsed. */
const text = async (loc) => (await loc.innerText()).replace(/\s+/g, ' ').trim();

item('1. the packaged .vsix installs into a fresh profile and the workbench opens the example folder', async () => {
  const installed = readdirSync(ctx.profile.exts).filter((d) => d.startsWith('prodgap.prodgap-'));
  assert.deepEqual(installed, ['prodgap.prodgap-0.1.0'], 'exactly the packaged extension is installed');
  const manifest = JSON.parse(readFileSync(join(ctx.profile.exts, installed[0], 'package.json'), 'utf8'));
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'prodgap.compare'));
  for (const f of ['extension.js', 'worker.js', 'webview.js']) assert.ok(existsSync(join(ctx.profile.exts, installed[0], 'dist', f)), `dist/${f} is in the .vsix`);

  await ctx.wb.open();
  for (const f of ['train.csv', 'prod.csv', 'bad', 'hostile', 'big']) await ctx.wb.explorerRow(f).waitFor();
  // The extension's own view container is in the activity bar (what a person sees after installing).
  await ctx.wb.page.locator('.activitybar .action-item [aria-label^="prodgap"], .activitybar .action-label[aria-label^="prodgap"]').first().waitFor();
  log('workbench ready');
});

item('2. right-click train.csv + prod.csv → Compare: the Overview shows the verdict and the planted causes', async () => {
  await ctx.wb.compareInExplorer('train.csv', 'prod.csv');
  const panel = ctx.wb.panel();
  await panel.locator('.header-box').waitFor({ timeout: 60_000 });
  const snap = await ctx.wb.waitState(settle, { what: 'the example analysis to finish', timeout: 240_000 });
  log(`analysis done: ${snap.state.status.message}`);
  const report = snap.state.report;
  assert.ok(snap.state.pair.train.endsWith('/train.csv') && snap.state.pair.prod.endsWith('/prod.csv'), 'train.csv is training, prod.csv production');

  const verdict = panel.locator('.verdict');
  await until(async () => !(await text(panel.locator('.tab-overview'))).includes('Partial results'), { what: 'the final report on screen', timeout: 60_000 });
  assert.match(await text(verdict), new RegExp(report.summary.verdict, 'i'));
  assert.ok((await text(verdict)).includes(report.summary.headline.slice(0, 40)), 'the headline is shown');
  assert.notEqual(report.summary.verdict, 'ok', 'the sample pair is not judged healthy');

  const cards = await panel.locator('.hypotheses > li.hypothesis').allInnerTexts();
  assert.ok(cards.length >= 3, `at least three hypotheses shown, got ${cards.length}`);
  const top = cards.slice(0, 5).map((c) => c.replace(/\s+/g, ' '));
  const has = (re, what) => assert.ok(top.some((c) => re.test(c)), `${what} among the top hypotheses:\n${top.map((c) => c.slice(0, 160)).join('\n')}`);
  has(/leak[^]*collections_contacted/i, 'leakage through collections_contacted');
  has(/(skew|pipeline)[^]*(txn_count_30d|loan_amount)/i, 'train-serving skew in txn_count_30d / loan_amount');
  has(/account_balance[^]*acct_balance|acct_balance[^]*account_balance/, 'the rename account_balance → acct_balance');
  await ctx.wb.screenshot(join(paths.screenshots, 'overview.png'));
});

item('3. Drift lists every shared feature; credit_score draws an overlaid histogram with a tooltip', async () => {
  const snap = await ctx.wb.readState();
  const shared = snap.state.report.columns.filter((c) => c.train && c.prod).map((c) => c.name);
  assert.ok(shared.includes('credit_score'));
  await ctx.wb.openTab('Drift');
  const panel = ctx.wb.panel();
  const table = panel.locator('table[aria-label="Drift statistics per column"]');
  await table.waitFor();
  const names = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim().split(/\s+/)[0]);
  for (const n of shared) assert.ok(names.includes(n), `${n} is listed on the Drift tab (listed: ${names.join(', ')})`);

  await table.locator('tbody tr', { has: panel.locator('td:first-child', { hasText: /^credit_score/ }) }).first().click();
  const detail = panel.locator('.drift-detail');
  await detail.locator('h3', { hasText: 'credit_score' }).waitFor();
  const svg = detail.locator('.chart svg').first();
  await svg.waitFor({ timeout: 30_000 });
  // Two series: bars in two fills (training, production), and a legend naming both.
  const fills = await svg.evaluate((s) => [...new Set([...s.querySelectorAll('.mark-rect path')].map((p) => p.getAttribute('fill')))]);
  assert.ok(fills.length >= 2, `two bar colours, got ${JSON.stringify(fills)}`);
  const legend = await svg.evaluate((s) => [...s.querySelectorAll('.role-legend text')].map((t) => t.textContent));
  assert.ok(legend.includes('training') && legend.includes('production'), `legend shows both files: ${legend}`);

  const bar = svg.locator('.mark-rect path').nth(5);
  await bar.hover({ force: true });
  const tip = panel.locator('#vg-tooltip-element');
  await until(async () => (await tip.isVisible()) && /training|production/.test(await tip.innerText()), { what: 'the histogram tooltip', timeout: 10_000 });
  assert.match(await tip.innerText(), /Rows|Share/);
  await ctx.wb.screenshot(join(paths.screenshots, 'drift-credit_score.png'));
});

item('4. Timeline shows the leakage timeline; Segments lists the degraded segment', async () => {
  const report = (await ctx.wb.readState()).state.report;
  const panel = ctx.wb.panel();
  await ctx.wb.openTab('Timeline');
  const leak = panel.locator('figure.chart-block', { has: panel.locator('.chart-title', { hasText: 'Leakage timeline' }) });
  await leak.locator('.chart svg').waitFor({ timeout: 30_000 });
  const marks = await leak.locator('.chart svg .mark-rect path, .chart svg .mark-rule line, .chart svg .mark-rule path').count();
  assert.ok(marks >= 2, `the Gantt has its intervals drawn (${marks} marks)`);
  assert.match(await text(panel.locator('.tab-timeline')), /overlap/i);

  await ctx.wb.openTab('Segments');
  const worst = panel.locator('table[aria-label="Worst slices"]');
  await worst.waitFor();
  const slices = (await worst.locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());
  const expected = report.segments.worst.map((s) => s.slice);
  assert.ok(expected.length > 0, 'the report lists worst slices');
  assert.ok(slices.includes(expected[0]), `worst slice "${expected[0]}" is listed (shown: ${slices.join(' | ')})`);
  // The planted segment collapse of the sample pair (examples/README.md, g) is among the slices shown.
  assert.ok(slices.includes('region=west'), `region=west is listed (shown: ${slices.join(' | ')})`);
  const degraded = report.findings.filter((f) => f.type === 'segment_degradation');
  const segText = await text(panel.locator('.tab-segments'));
  for (const f of degraded) assert.ok(segText.includes(f.title.replace(/\s+/g, ' ')), `segment finding shown: ${f.title}`);
  await ctx.wb.screenshot(join(paths.screenshots, 'segments.png'));
});

const NOTE = 'Checked with the data team on Monday; schema diff confirmed';

item('5. checklist ticks sync between the tree and the panel and survive a window reload with a note', async () => {
  const report = (await ctx.wb.readState()).state.report;
  const [a, b] = report.checklist.filter((c) => c.auto === 'fail');
  assert.ok(a && b, 'two failing checklist items to tick');
  const panel = ctx.wb.panel();
  await ctx.wb.openTab('Checklist');

  // Tree → panel
  await ctx.wb.runCommand('prodgap: Focus on Checklist View');
  const treeRow = (title) => ctx.wb.page.locator(`.part.sidebar .monaco-list-row[aria-label^="${title}, automatic status"]`).first();
  const treeBox = (title) => treeRow(title).locator('.custom-view-tree-node-item-checkbox').first();
  await treeRow(a.title).waitFor();
  assert.equal(await treeBox(a.title).getAttribute('aria-checked'), 'false');
  await treeBox(a.title).click();
  await ctx.wb.waitState((s) => s.state.userState.checks[a.id]?.checked === true, { what: 'the tick from the tree', timeout: 20_000 });
  const exact = (t) => new RegExp(`^\\s*${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const panelBox = (title) => panel.locator('vscode-checkbox', { hasText: exact(title) }).first();
  await until(async () => panelBox(a.title).evaluate((el) => el.checked === true), { what: 'panel shows the tree tick', timeout: 15_000 });

  // Panel → tree
  assert.equal(await panelBox(b.title).evaluate((el) => el.checked), false);
  await panelBox(b.title).click();
  await ctx.wb.waitState((s) => s.tree.some((g) => g.items.some((i) => i.id === b.id && i.checked)), { what: 'the tick from the panel in the tree', timeout: 20_000 });
  await until(async () => (await treeBox(b.title).getAttribute('aria-checked')) === 'true', { what: 'tree row shows the panel tick', timeout: 15_000 });
  assert.match(await treeRow(b.title).getAttribute('aria-label'), /, ticked$/);

  // A note on item a, typed like a person would.
  const area = panel.locator(`vscode-textarea[aria-label="Note on ${a.title}"]`);
  await area.click();
  await ctx.wb.page.keyboard.type(NOTE, { delay: 5 });
  await ctx.wb.waitState((s) => s.state.userState.checks[a.id]?.note === NOTE, { what: 'the note saved', timeout: 20_000 });

  // Reload the window: the panel comes back (serializer), ticks and note from workspace state.
  await ctx.wb.page.reload();
  await ctx.wb.waitReady({ explorer: false }); // the side bar still shows the checklist view
  const restored = await ctx.wb.waitState((s) => s.ready && s.state?.report, { what: 'the panel restored after reload', timeout: 120_000 });
  assert.equal(restored.state.userState.checks[a.id]?.checked, true);
  assert.equal(restored.state.userState.checks[b.id]?.checked, true);
  const p2 = ctx.wb.panel();
  await ctx.wb.openTab('Checklist');
  const box2 = (title) => p2.locator('vscode-checkbox', { hasText: exact(title) }).first();
  await until(async () => (await box2(a.title).evaluate((el) => el.checked)) === true, { what: 'tick a after reload', timeout: 20_000 });
  assert.equal(await box2(b.title).evaluate((el) => el.checked), true);
  assert.equal(await p2.locator(`vscode-textarea[aria-label="Note on ${a.title}"]`).evaluate((el) => el.value), NOTE);
  await ctx.wb.runCommand('prodgap: Focus on Checklist View');
  await until(async () => (await treeBox(a.title).getAttribute('aria-checked')) === 'true' && (await treeBox(b.title).getAttribute('aria-checked')) === 'true', {
    what: 'both ticks in the tree after reload',
    timeout: 20_000,
  });
  assert.match(await treeRow(a.title).getAttribute('aria-label'), /, ticked$/);
  await ctx.wb.screenshot(join(paths.screenshots, 'checklist-after-reload.png'));
});

item('6. Export Post-mortem writes the markdown and its SVG charts, with ticks and the note', async () => {
  const report = (await ctx.wb.readState()).state.report;
  const [a, b] = report.checklist.filter((c) => c.auto === 'fail');
  const md = join(ctx.ws, 'train-postmortem.md');
  await ctx.wb.runCommand('prodgap: Export Post-mortem');
  // The save dialog (simple file dialog: a quick input holding the default path beside the training file).
  const input = ctx.wb.page.locator('.quick-input-widget input.input').first();
  await until(async () => (await input.inputValue()).endsWith('train-postmortem.md'), { what: 'the save dialog with the default path', timeout: 20_000 });
  await ctx.wb.page.keyboard.press('Enter');
  await until(() => existsSync(md) && statSync(md).size > 1000, { what: `${md} written`, timeout: 120_000 });
  await ctx.wb.waitToast(/post-mortem written/i, 60_000);
  const text = readFileSync(md, 'utf8');
  for (const h of ['# Post-mortem: train.csv → prod.csv', '## Summary', '## What happened', '## Debugging checklist', '## Findings', '## Charts']) {
    assert.ok(text.includes(h), `section "${h}"`);
  }
  const esc = (s) => s.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
  const ticked = (t) => text.includes(`- [x] ${t}`) || text.includes(`- [x] ${esc(t)}`);
  assert.ok(ticked(a.title), `"${a.title}" ticked in the post-mortem`);
  assert.ok(ticked(b.title), `"${b.title}" ticked in the post-mortem`);
  assert.ok(text.includes(NOTE), 'the note is in the post-mortem');
  const links = [...text.matchAll(/\]\((train-postmortem-charts\/[^)]+\.svg)\)/g)].map((m) => decodeURIComponent(m[1]));
  assert.ok(links.length >= 3, `charts linked from the markdown (${links.length})`);
  for (const l of links) {
    const svg = readFileSync(join(ctx.ws, l), 'utf8');
    assert.match(svg, /^<svg[\s>]/, `${l} is an SVG`);
  }
  // The markdown is opened for the reader.
  await ctx.wb.page.locator('.tabs-container .tab', { hasText: 'train-postmortem.md' }).first().waitFor({ timeout: 20_000 });
});

item('7. a truncated Arrow file and a ragged CSV give readable errors naming the file; a good pair then succeeds', async () => {
  await ctx.wb.clearNotifications();
  await ctx.wb.showExplorer();
  await ctx.wb.expandFolder('bad');
  await ctx.wb.compareInExplorer('train_truncated.arrow', 'prod_ok.arrow');
  const t1 = await ctx.wb.waitToast(/Show Details.*train_truncated\.arrow/, 60_000); // the error, not the progress toast
  const m1 = await text(t1);
  assert.match(m1, /truncated|not an Arrow/i, m1);
  assert.doesNotMatch(m1, /\bat .*\.js:\d+|Error: /, 'no stack trace in the message');
  assert.match(m1, /Show Details/);
  await ctx.wb.waitState((s) => s.state.status.phase === 'error', { what: 'status error', timeout: 30_000 });
  assert.match(await text(ctx.wb.panel().locator('body')), /failed/i);

  await ctx.wb.clearNotifications();
  await ctx.wb.compareInExplorer('train_ragged.csv', 'prod_ok.csv');
  const t2 = await ctx.wb.waitToast(/Show Details.*train_ragged\.csv/, 60_000);
  const m2 = await text(t2);
  assert.match(m2, /line 7/, m2);
  assert.match(m2, /5 fields, header has 4/, m2);

  await ctx.wb.clearNotifications();
  await ctx.wb.expandFolder('hostile');
  await ctx.wb.compareInExplorer('train_hostile.csv', 'prod_hostile.csv');
  const ok = await ctx.wb.waitState((s) => settle(s) && s.state.pair.train.endsWith('train_hostile.csv'), { what: 'the good comparison after the errors', timeout: 120_000 });
  assert.ok(ok.state.report.columns.length >= 4);
  await ctx.wb.panel().locator('.verdict').waitFor({ timeout: 30_000 });
});

item('8. cancelling a large analysis from the notification stops the worker', async () => {
  await ctx.wb.clearNotifications();
  await ctx.wb.showExplorer();
  await ctx.wb.expandFolder('big');
  await ctx.wb.compareInExplorer('train_big.csv', 'prod_big.csv');
  await ctx.wb.waitToast(/train_big\.csv ↔ prod_big\.csv/, 60_000);
  await ctx.wb.waitState((s) => s.state.status.phase === 'running' && s.state.pair.train.endsWith('train_big.csv'), { what: 'the big analysis running', timeout: 30_000 });
  const busy = await extensionHostCpuSeconds(ctx.server.child.pid, 2000);
  const where = await ctx.wb.pressNotificationButton('train_big.csv ↔ prod_big.csv', 'Cancel');
  log(`pressed Cancel on the progress notification (${where})`);
  const cancelled = await ctx.wb.waitState((s) => s.state.status.phase === 'cancelled', { what: 'the cancelled status', timeout: 30_000 });
  log(`status after cancel: ${cancelled.state.status.message}`);
  await until(async () => /cancelled/i.test(await text(ctx.wb.panel().locator('body'))), { what: 'the panel saying it was cancelled', timeout: 20_000 });
  await until(async () => !(await ctx.wb.page.locator('.notifications-toasts, .notifications-center').allInnerTexts()).join(' ').includes('train_big.csv ↔ prod_big.csv'), {
    what: 'the progress notification to close',
    timeout: 10_000,
  });
  await ctx.wb.page.keyboard.press('Escape');
  await sleep(1000);
  const idle = await extensionHostCpuSeconds(ctx.server.child.pid, 3000);
  log(`extension host CPU: ${busy.toFixed(2)} s in 2 s while reading, ${idle.toFixed(2)} s in 3 s after cancel`);
  // worker_threads run inside the extension host process: a worker still parsing 110 MB would keep using CPU.
  assert.ok(idle < 0.6, `the worker stopped after cancelling (${idle.toFixed(2)} s CPU in 3 s; ${busy.toFixed(2)} s in 2 s before)`);
  await ctx.wb.screenshot(join(paths.screenshots, 'cancelled.png'));
});

const THEMES = [
  { name: 'Dark Modern', bodyClass: 'vscode-dark', file: 'dark' },
  { name: 'Light Modern', bodyClass: 'vscode-light', file: 'light' },
  { name: 'Dark High Contrast', bodyClass: 'vscode-high-contrast', file: 'high-contrast' },
];

item('9. Dark, Light and High Contrast: screenshots, and no text in the colour of its background', async () => {
  await ctx.wb.clearNotifications();
  await ctx.wb.showExplorer();
  await ctx.wb.compareInExplorer('train.csv', 'prod.csv');
  await ctx.wb.waitState((s) => settle(s) && s.state.pair.train.endsWith('/train.csv'), { what: 'the example analysis', timeout: 240_000 });
  const failures = [];
  for (const theme of THEMES) {
    await ctx.wb.setColorTheme(theme.name);
    const frame = () => ctx.wb.panelFrame();
    await until(async () => (await frame()).evaluate((cls) => document.body.classList.contains(cls), theme.bodyClass), { what: `panel in ${theme.name}`, timeout: 30_000 });
    for (const tab of ['Overview', 'Drift', 'Checklist']) {
      await ctx.wb.openTab(tab);
      if (tab === 'Drift') await ctx.wb.panel().locator('.drift-detail .chart svg').first().waitFor({ timeout: 30_000 }).catch(() => {});
      await sleep(800); // charts redraw in the theme's colours
      await ctx.wb.screenshot(join(paths.screenshots, `${theme.file}-${tab.toLowerCase()}.png`));
      const problems = await contrastProblems(await frame());
      if (problems.checked < 20) failures.push(`${theme.name} / ${tab}: only ${problems.checked} text elements checked`);
      for (const p of problems.same) failures.push(`${theme.name} / ${tab}: "${p.text}" ${p.color} on ${p.background}`);
      log(`${theme.name} / ${tab}: ${problems.checked} text elements, lowest contrast ${problems.minRatio.toFixed(2)} ("${problems.minText}")`);
    }
  }
  await ctx.wb.setColorTheme('Dark Modern');
  assert.deepEqual(failures, []);
});

item('10. no CSP violation during the run, and dataset strings render as text (no script runs)', async () => {
  await ctx.wb.clearNotifications();
  await ctx.wb.showExplorer();
  await ctx.wb.expandFolder('hostile');
  await ctx.wb.compareInExplorer('train_hostile.csv', 'prod_hostile.csv');
  const snap = await ctx.wb.waitState((s) => settle(s) && s.state.pair.train.endsWith('train_hostile.csv'), { what: 'the hostile pair analysed', timeout: 120_000 });
  assert.ok(snap.state.report.columns.some((c) => c.name === HOSTILE_COLUMN));
  const panel = ctx.wb.panel();
  await ctx.wb.openTab('Drift');
  const table = panel.locator('table[aria-label="Drift statistics per column"]');
  const row = table.locator('tbody tr', { has: panel.locator('td:first-child', { hasText: HOSTILE_COLUMN }) }).first();
  await row.waitFor();
  await row.click();
  const detail = panel.locator('.drift-detail');
  await detail.locator('h3', { hasText: HOSTILE_COLUMN }).waitFor();
  await detail.locator('.chart svg').first().waitFor({ timeout: 30_000 });
  assert.ok((await text(detail)).includes(HOSTILE_VALUE), 'the script-tag category shows as text');
  const svgLabels = await detail.locator('.chart svg').first().evaluate((s) => [...s.querySelectorAll('text')].map((t) => t.textContent));
  assert.ok(svgLabels.some((t) => t.includes('<script>')), `the chart labels the category as text: ${svgLabels.slice(0, 12)}`);
  await detail.locator('.chart svg .mark-rect path').first().hover({ force: true });
  await sleep(500);
  const frame = await ctx.wb.panelFrame();
  const dom = await frame.evaluate(() => ({
    imgs: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
    // VS Code injects its own script (acquireVsCodeApi) beside ours; none may carry dataset text.
    scripts: [...document.querySelectorAll('script')].map((s) => `${s.getAttribute('src') ?? ''} ${s.textContent.slice(0, 10000)}`),
    injected: document.body.innerHTML.includes('<img src=x') || document.body.innerHTML.includes('<script>alert'),
  }));
  assert.deepEqual(dom.imgs.filter((s) => s === 'x'), [], 'no <img src=x> element was created');
  assert.deepEqual(dom.scripts.filter((s) => s.includes('alert(1)')), [], 'no script element from the dataset');
  assert.ok(dom.scripts.some((s) => /webview\.js/.test(s)), 'the bundle is loaded');
  assert.equal(dom.injected, false, 'the strings are escaped in the markup');
  await ctx.wb.screenshot(join(paths.screenshots, 'hostile-names.png'));

  const dialogCalls = ctx.wb.console.filter((m) => m.text.includes('[prodgap-e2e dialog-call]') || /Ignored call to 'alert\(\)'/.test(m.text));
  assert.deepEqual(dialogCalls.map((m) => m.text), [], 'no alert() was called');
  assert.deepEqual(ctx.wb.dialogs, [], 'no dialog opened');
  assert.deepEqual(ctx.wb.cspViolations().map((m) => `${m.text} (${m.url})`), [], 'no CSP violation in any frame during the whole run');
});
