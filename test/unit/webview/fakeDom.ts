/**
 * Just enough of a DOM for the webview's builders (`h`, `buildTable`) to run in Node. It has no HTML parser and its
 * `innerHTML` throws: a builder that tried to parse markup would fail the test instead of silently passing.
 */
export class FakeNode {
  parentNode: FakeElement | null = null;
  constructor(public nodeType: number) {}
}

export class FakeText extends FakeNode {
  constructor(public data: string) {
    super(3);
  }
  get textContent(): string {
    return this.data;
  }
}

export class FakeElement extends FakeNode {
  readonly tagName: string;
  readonly attributes = new Map<string, string>();
  childNodes: FakeNode[] = [];
  readonly listeners = new Map<string, ((e: unknown) => void)[]>();
  focused = false;
  [prop: string]: unknown;

  constructor(tag: string) {
    super(1);
    this.tagName = tag.toUpperCase();
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, String(v));
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  appendChild<T extends FakeNode>(n: T): T {
    n.parentNode = this;
    this.childNodes.push(n);
    return n;
  }
  replaceChildren(...nodes: FakeNode[]): void {
    this.childNodes = [];
    for (const n of nodes) this.appendChild(n);
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  dispatch(type: string, event: Record<string, unknown> = {}): void {
    const e = { type, preventDefault() {}, ...event };
    for (let n: FakeElement | null = this; n; n = n.parentNode) for (const fn of n.listeners.get(type) ?? []) fn(e);
  }
  focus(): void {
    this.focused = true;
  }
  get classList() {
    const get = () => new Set((this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
    const put = (s: Set<string>) => this.setAttribute('class', [...s].join(' '));
    return {
      contains: (c: string) => get().has(c),
      add: (c: string) => put(get().add(c)),
      remove: (c: string) => {
        const s = get();
        s.delete(c);
        put(s);
      },
      toggle: (c: string, on?: boolean) => {
        const s = get();
        const want = on ?? !s.has(c);
        if (want) s.add(c);
        else s.delete(c);
        put(s);
        return want;
      },
    };
  }
  get textContent(): string {
    return this.childNodes.map((n) => (n as FakeText | FakeElement).textContent).join('');
  }
  set textContent(v: string) {
    this.replaceChildren(new FakeText(v));
  }
  set innerHTML(_v: string) {
    throw new Error('innerHTML used');
  }
  get children(): FakeElement[] {
    return this.childNodes.filter((n): n is FakeElement => n instanceof FakeElement);
  }
  /** Every element below (and including) this one. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => c.all())];
  }
  byTag(tag: string): FakeElement[] {
    return this.all().filter((e) => e.tagName === tag.toUpperCase());
  }
  texts(): string[] {
    return this.childNodes.flatMap((n) => (n instanceof FakeText ? [n.data] : (n as FakeElement).texts()));
  }
}

/** Install the fake as `globalThis.document` (what `webview/dom.ts` calls). */
export function installFakeDom(): void {
  (globalThis as { document?: unknown }).document = {
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (data: string) => new FakeText(data),
  };
}

export const asFake = (x: unknown): FakeElement => x as FakeElement;
