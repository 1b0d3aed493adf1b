import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { baseName, debounce, escapeHtml, h } from '../../../webview/dom';
import { HOSTILE_CATEGORY, HOSTILE_COLUMN } from '../core/report/sampleReport';
import { asFake, installFakeDom } from './fakeDom';

installFakeDom();

test('escapeHtml escapes the five HTML-special characters', () => {
  assert.equal(escapeHtml(HOSTILE_COLUMN), '&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(escapeHtml(HOSTILE_CATEGORY), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(escapeHtml(`a&b "c" 'd'`), 'a&amp;b &quot;c&quot; &#39;d&#39;');
  assert.equal(escapeHtml(42), '42');
});

test('h inserts dataset strings as text nodes, never as markup', () => {
  const el = asFake(h('td', { title: HOSTILE_COLUMN }, HOSTILE_COLUMN, ' / ', HOSTILE_CATEGORY));
  assert.deepEqual(el.texts(), [HOSTILE_COLUMN, ' / ', HOSTILE_CATEGORY]);
  assert.equal(el.byTag('img').length + el.byTag('script').length, 0);
  assert.equal(el.getAttribute('title'), HOSTILE_COLUMN, 'attributes are set verbatim through setAttribute');
});

test('h refuses attributes that could run or load code', () => {
  assert.throws(() => h('div', { onclick: 'alert(1)' }), TypeError);
  assert.throws(() => h('a', { href: 'javascript:alert(1)' }), TypeError);
  assert.throws(() => h('img', { src: 'x' }), TypeError);
  assert.throws(() => h('div', { style: 'color:red' }), TypeError);
  let clicked = 0;
  const b = asFake(h('button', { on: { click: () => clicked++ } }, 'ok'));
  b.dispatch('click');
  assert.equal(clicked, 1);
});

test('h skips false/null children and flattens arrays', () => {
  const el = asFake(h('p', null, ['a', null, false, ['b', 3]], undefined));
  assert.deepEqual(el.texts(), ['a', 'b', '3']);
});

test('no webview source parses markup (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js|mjs)$/.test(n)) files.push(p);
    }
  };
  walk('webview');
  assert.ok(files.length >= 5, `found ${files.length} webview sources`);
  for (const f of files) {
    const src = readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    assert.doesNotMatch(src, /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write|new Function|\beval\(/, f);
  }
});

test('baseName takes the last segment of POSIX and Windows paths', () => {
  assert.equal(baseName('/data/train.csv'), 'train.csv');
  assert.equal(baseName('C:\\data\\prod.arrow'), 'prod.arrow');
  assert.equal(baseName('plain'), 'plain');
});

test('debounce calls once with the last arguments, and flush runs it now', async () => {
  const seen: string[] = [];
  const d = debounce((s: string) => seen.push(s), 5);
  d('a');
  d('b');
  d.flush();
  assert.deepEqual(seen, ['b']);
  d('c');
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(seen, ['b', 'c']);
});
