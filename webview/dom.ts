/**
 * The webview's only way to make DOM. Every string from a report (column names, category values, file paths, finding
 * text) can be hostile, so children are always inserted as text nodes and attributes through `setAttribute`; nothing
 * here (or anywhere in `webview/`) assigns `innerHTML`. A unit test greps the sources to keep it that way.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

type Listener = (event: Event) => void;

export interface Attrs {
  class?: string;
  /** DOM properties (custom elements read `checked`, `value`… as properties, not attributes). */
  props?: Record<string, unknown>;
  /** Event listeners by event name (`click`, `keydown`, `vsc-tabs-select`…). */
  on?: Record<string, Listener>;
  [attribute: string]: string | number | boolean | null | undefined | Record<string, unknown> | Record<string, Listener>;
}

/** Attributes that could run or load something: never set from here (nothing in the UI needs them). */
const FORBIDDEN_ATTRIBUTE = /^(on|href$|src$|srcdoc$|action$|formaction$|style$|xlink:href$)/i;

/** Escape text for an HTML context (text or quoted attribute). Used where a library takes HTML (vega-tooltip). */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Append children: strings and numbers become text nodes, arrays are flattened, null/false/undefined skipped. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, ...c);
    else if (typeof c === 'string' || typeof c === 'number') parent.appendChild(document.createTextNode(String(c)));
    else parent.appendChild(c);
  }
}

/** Create an element: `h('td', { class: 'num' }, value)`. Text is text, always. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs | null, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs?: Attrs | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'props') Object.assign(el, v);
      else if (k === 'on') for (const [type, fn] of Object.entries(v as Record<string, Listener>)) el.addEventListener(type, fn);
      else if (FORBIDDEN_ATTRIBUTE.test(k)) throw new TypeError(`h: attribute ${k} is not allowed; use attrs.on for events`);
      else if (typeof v === 'object') throw new TypeError(`h: attribute ${k} needs a string, number or boolean`);
      else el.setAttribute(k === 'class' ? 'class' : k, v === true ? '' : String(v));
    }
  }
  append(el, ...children);
  return el;
}

/** Replace all children of `el`. */
export function setChildren(el: Node & ParentNode, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** The last path segment, for headings; the full path goes in a tooltip. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

/** Call `fn` once `ms` after the last call (notes are posted while typing, not on every key). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: A | undefined;
  const run = () => {
    timer = undefined;
    if (last) fn(...last);
    last = undefined;
  };
  const d = (...args: A) => {
    last = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  d.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  return d;
}
