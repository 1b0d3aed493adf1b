// Is any text drawn in the colour of its background? Computed inside the panel document: for every visible element
// with its own text (HTML text nodes, SVG <text>), the text colour (CSS `color`, or `fill` for SVG) is blended over the
// effective background (the first ancestor — across shadow roots — with a non-transparent background colour, else the
// page's), and the WCAG contrast ratio is computed. "Same colour" = ratio below `minRatio` (1.25 by default: far below
// any readable pair, so only real invisibility fails).
export async function contrastProblems(frame, minRatio = 1.25) {
  return frame.evaluate((minRatio) => {
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c || '');
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const over = (fg, bg) => ({ r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a), a: 1 });
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const parentOf = (el) => el.parentElement ?? (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
    const pageBg = () => {
      for (const el of [document.body, document.documentElement]) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c && c.a > 0) return c;
      }
      return parse(getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim().replace(/^#(..)(..)(..).*/, (_, r, g, b) => `rgb(${parseInt(r, 16)},${parseInt(g, 16)},${parseInt(b, 16)})`)) ?? { r: 255, g: 255, b: 255, a: 1 };
    };
    const base = pageBg();
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = parentOf(e)) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a >= 1) break;
        }
      }
      let bg = base;
      for (const c of layers.reverse()) bg = over(c, bg);
      return bg;
    };
    const visible = (el) => {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const out = { checked: 0, same: [], minRatio: Infinity, minText: '' };
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (['SCRIPT', 'STYLE', 'TITLE', 'LINK', 'META'].includes(el.tagName)) continue;
        const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent.trim()).join(' ');
        if (!own || !visible(el)) continue;
        const cs = getComputedStyle(el);
        const isSvg = el instanceof SVGElement;
        let fg = parse(isSvg ? cs.fill : cs.color);
        if (!fg) continue; // e.g. fill: url(#gradient)
        const bg = background(el);
        fg = over(fg, bg);
        const r = ratio(fg, bg);
        out.checked++;
        if (r < out.minRatio) {
          out.minRatio = r;
          out.minText = own.slice(0, 40);
        }
        if (r < minRatio) out.same.push({ text: own.slice(0, 60), color: `rgb(${fg.r | 0},${fg.g | 0},${fg.b | 0})`, background: `rgb(${bg.r | 0},${bg.g | 0},${bg.b | 0})`, ratio: r });
      }
    };
    visit(document);
    return out;
  }, minRatio);
}
