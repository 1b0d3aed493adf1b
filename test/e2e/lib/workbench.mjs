// Drives the code-server workbench in headless Chromium through playwright-core: the Explorer, context menus, the
// command palette, notifications, the prodgap panel's webview (two iframes deep) and the test hook.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { paths } from './paths.mjs';

const { chromium } = await import(pathToFileURL(paths.playwrightEntry).href);

/** Keybinding of the hidden test hook: it writes the panel snapshot to `stateFile` (a UI test cannot read a return value). */
export const HOOK_KEY = 'ctrl+alt+shift+f9';
const HOOK_PRESS = 'Control+Alt+Shift+F9';
export const hookKeybinding = (stateFile) => ({ key: HOOK_KEY, command: 'prodgap._getPanelState', args: { writeTo: stateFile } });

// Runs in every frame (workbench, webview host, the panel's own document) before its scripts: reports CSP violations
// and alert() calls on the console, where the harness collects them. Injected by the DevTools protocol, so it is not
// itself subject to the page's CSP.
const FRAME_PROBE = `(() => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('[prodgap-e2e csp-violation] ' + e.violatedDirective + ' blocked=' + e.blockedURI + ' in ' + location.href.slice(0, 120) + ' sample=' + (e.sample || ''));
  }, true);
  for (const name of ['alert', 'confirm', 'prompt']) {
    const orig = window[name];
    window[name] = function (...args) {
      console.error('[prodgap-e2e dialog-call] ' + name + '(' + args.map(String).join(',') + ') in ' + location.href.slice(0, 120));
      return orig.apply(this, args);
    };
  }
})();`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns a truthy value; throws the last error / a timeout message. */
export async function until(fn, { timeout = 30_000, interval = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(interval);
  }
}

export class Workbench {
  constructor({ url, folder, runDir, settingsFile, stateFile, log = () => {} }) {
    Object.assign(this, { url, folder, runDir, settingsFile, stateFile, log });
    this.console = []; // { type, text, url }
    this.dialogs = [];
    this.pageErrors = [];
  }

  async launch() {
    this.context = await chromium.launchPersistentContext(join(this.runDir, 'chromium'), {
      executablePath: paths.chromium,
      headless: true,
      viewport: { width: 1500, height: 950 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    await this.context.addInitScript({ content: FRAME_PROBE });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(30_000);
    this.page.on('console', (m) => this.console.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' }));
    this.page.on('pageerror', (e) => this.pageErrors.push(String(e?.message ?? e)));
    this.page.on('dialog', (d) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
  }

  async open() {
    await this.page.goto(`${this.url}/?folder=${encodeURIComponent(this.folder)}`);
    await this.waitReady();
  }

  /** The workbench painted and the Explorer shows the workspace (the remote file system is connected). */
  async waitReady({ explorer = true } = {}) {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    if (explorer) await this.explorerRow('train.csv').waitFor({ timeout: 90_000 });
  }

  async close() {
    await this.context?.close().catch(() => {});
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
  }

  // ---- Explorer ----

  explorerRow(name) {
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"], .explorer-folders-view .monaco-list-row[aria-label^="${name} "]`).first();
  }

  async showExplorer() {
    await this.page.keyboard.press('Control+Shift+E');
    await this.explorerRow('train.csv').waitFor();
  }

  async expandFolder(name) {
    const row = this.explorerRow(name);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await until(async () => (await row.getAttribute('aria-expanded')) === 'true', { what: `folder ${name} expanded` });
  }

  /**
   * Click the first file, ctrl+click the second, right-click it and choose `item` from the context menu. The menu
   * lists contributed entries only once the extension host has registered the extension: retry until it does.
   */
  async compareInExplorer(first, second, item = 'Compare Training ↔ Production', timeout = 60_000) {
    await this.showExplorer();
    const a = this.explorerRow(first);
    const b = this.explorerRow(second);
    const entry = this.page.locator('.context-view .monaco-menu .action-item', { hasText: item }).first();
    const end = Date.now() + timeout;
    for (;;) {
      // Ctrl+click both (after Escape cleared the old selection): selects without opening the files in editors
      // (a plain click would open a 110 MB CSV in a preview editor and take the focus).
      await a.click({ modifiers: ['Control'] });
      await this.page.keyboard.press('Escape');
      await a.click({ modifiers: ['Control'] });
      await b.click({ modifiers: ['Control'] });
      await until(async () => (await a.getAttribute('aria-selected')) === 'true' && (await b.getAttribute('aria-selected')) === 'true', {
        what: `${first} and ${second} selected`,
      });
      await b.click({ button: 'right' });
      try {
        await entry.waitFor({ timeout: 4000 });
        break;
      } catch (e) {
        if (Date.now() > end) throw new Error(`no "${item}" in the Explorer context menu: ${e.message}`);
        await this.page.keyboard.press('Escape');
        await sleep(1000);
      }
    }
    await this.pickMenuEntry(entry);
  }

  /**
   * Click an entry of an open context menu. A menu ignores a click that comes too soon after it opened; then it
   * stays open with the entry highlighted, and Enter activates it.
   */
  async pickMenuEntry(entry) {
    const menu = this.page.locator('.context-view .monaco-menu');
    await entry.hover();
    await sleep(250);
    await entry.click();
    try {
      await menu.first().waitFor({ state: 'hidden', timeout: 2000 });
    } catch {
      await entry.hover();
      await this.page.keyboard.press('Enter');
      await menu.first().waitFor({ state: 'hidden', timeout: 5000 });
    }
  }

  // ---- command palette ----

  /** Run a palette command by its title; contributed commands appear only once the extension host has scanned. */
  async runCommand(title, { timeout = 60_000 } = {}) {
    const input = this.page.locator('.quick-input-widget input.input').first();
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const end = Date.now() + timeout;
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 2500 });
        break;
      } catch (e) {
        if (Date.now() > end) throw new Error(`palette has no "${title}": ${e.message}`);
        await this.page.keyboard.press('Escape');
        await sleep(500);
      }
    }
    await row.click();
  }

  // ---- notifications ----

  toasts() {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  async toastTexts() {
    return (await this.toasts().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Wait for a notification toast whose text matches `re`; returns its locator. */
  async waitToast(re, timeout = 60_000) {
    await until(async () => (await this.toastTexts()).some((t) => re.test(t)), { timeout, what: `a notification matching ${re}` });
    return this.toasts().filter({ hasText: re }).first();
  }

  /**
   * Press `button` on the notification whose text contains `hasText`: on its toast when shown, else in the
   * notification center (VS Code moves a toast there after a while; a running progress stays listed).
   */
  async pressNotificationButton(hasText, button) {
    const inToast = this.toasts().filter({ hasText }).locator('a.monaco-button', { hasText: button }).first();
    try {
      await inToast.click({ timeout: 2000 });
      return 'toast';
    } catch {
      await this.runCommand('Notifications: Show Notifications');
      const center = this.page.locator('.notifications-center .monaco-list-row', { hasText }).first();
      await center.waitFor({ timeout: 10_000 });
      await center.hover();
      await center.locator('a.monaco-button', { hasText: button }).first().click({ timeout: 10_000 });
      return 'center';
    }
  }

  async clearNotifications() {
    // "Clear All Notifications" also closes progress toasts that are already done.
    await this.runCommand('Notifications: Clear All Notifications').catch(() => {});
    await this.page.keyboard.press('Escape').catch(() => {});
  }

  // ---- the prodgap panel ----

  /** The panel document (outer webview host iframe → inner `active-frame`). */
  panel() {
    return this.page
      .locator('iframe.webview.ready')
      .last()
      .contentFrame()
      .locator('iframe#active-frame')
      .contentFrame();
  }

  /** The Playwright Frame of the panel document, for `evaluate`. */
  async panelFrame() {
    const handle = await this.page.locator('iframe.webview.ready').last().elementHandle();
    const outer = await handle.contentFrame();
    const innerHandle = await outer.locator('iframe#active-frame').elementHandle();
    return innerHandle.contentFrame();
  }

  async openTab(title) {
    const header = this.panel().locator('vscode-tab-header', { hasText: title }).first();
    await header.click();
    await until(async () => (await header.getAttribute('aria-selected')) === 'true' || (await header.evaluate((el) => el.selected === true || el.hasAttribute('active'))), {
      what: `tab ${title} selected`,
      timeout: 10_000,
    });
  }

  // ---- test hook ----

  /** Press the hook keybinding; the extension writes its panel snapshot to `stateFile`. */
  async readState() {
    rmSync(this.stateFile, { force: true });
    // Keybindings are dispatched by the workbench (the webview forwards its keys); make sure focus is not in an input.
    for (let i = 0; i < 3; i++) {
      await this.page.keyboard.press(HOOK_PRESS);
      try {
        await until(() => existsSync(this.stateFile) && statSync(this.stateFile).size > 0, { timeout: 5000, what: 'the test hook to write the panel state' });
        return JSON.parse(readFileSync(this.stateFile, 'utf8'));
      } catch (e) {
        if (i === 2) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Wait until the hook reports a state for which `pred` holds; returns that snapshot. */
  async waitState(pred, { timeout = 120_000, what = 'panel state' } = {}) {
    let last;
    try {
      return await until(async () => {
        last = await this.readState();
        return pred(last) ? last : null;
      }, { timeout, interval: 1000, what });
    } catch (e) {
      const s = last?.state?.status;
      throw new Error(`${e.message} (last status: ${JSON.stringify(s)})`);
    }
  }

  // ---- settings ----

  /** Preferences: Color Theme → pick the theme labelled `name` (e.g. 'Light Modern') in the quick pick (as a person would; also what reloads the theme). */
  async setColorTheme(name) {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget input.input').first();
    await input.fill(name);
    const label = this.page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
    await label.waitFor();
    await label.click();
    await this.page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
  }

  updateSettings(patch) {
    const cur = JSON.parse(readFileSync(this.settingsFile, 'utf8'));
    writeFileSync(this.settingsFile, JSON.stringify({ ...cur, ...patch }, null, 2));
  }

  /** Console messages reporting CSP violations (ours, from the probe, or Chromium's own "Refused to …" lines). */
  cspViolations() {
    return this.console.filter((m) => /prodgap-e2e csp-violation|Content Security Policy|Content-Security-Policy/i.test(m.text));
  }
}
