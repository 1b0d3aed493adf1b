import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, panelHtml } from '../../../src/panel/html';

const SRC = 'https://file+.vscode-resource.vscode-cdn.net';

test('CSP: default none, our origin only, scripts by nonce, never eval or inline', () => {
  const csp = contentSecurityPolicy(SRC, 'abc+/=');
  assert.match(csp, /^default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc\+\/='/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|\*/);
  for (const d of ['img-src', 'style-src', 'font-src']) assert.match(csp, new RegExp(`${d} ${SRC.replace(/[.+]/g, '\\$&')}`));
});

test('shell: the one script carries the nonce, styles are links, the body is otherwise empty', () => {
  const html = panelHtml({ cspSource: SRC, nonce: 'N0nce', script: `${SRC}/dist/webview.js`, styles: [`${SRC}/media/webview.css`, `${SRC}/media/vega-tooltip.css`] });
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  assert.deepEqual(scripts, [`<script nonce="N0nce" src="${SRC}/dist/webview.js">`]);
  assert.equal((html.match(/<link rel="stylesheet"/g) ?? []).length, 2);
  assert.doesNotMatch(html, /\sstyle="|<style|\son\w+=/, 'no inline style or handler');
  assert.match(html, /<body>\s*<script/);
});
