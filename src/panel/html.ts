/**
 * The panel's HTML shell, pure so its Content-Security-Policy is unit-tested: nothing loads but our own bundle and
 * stylesheets (`cspSource`), scripts only by nonce, no `unsafe-eval`, no `unsafe-inline`. The body is left empty:
 * `dist/webview.js` builds the whole UI.
 */

export interface ShellAssets {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per page load (base64 of 16 random bytes). */
  nonce: string;
  script: string;
  styles: string[];
  /** The codicon stylesheet, when the build ships one (vscode-elements looks it up by this element id). */
  codicons?: string;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(a: ShellAssets): string {
  const links = a.styles.map((href) => `<link rel="stylesheet" href="${attr(href)}">`);
  if (a.codicons) links.push(`<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${attr(a.codicons)}">`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(a.cspSource, a.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links.join('\n')}
<title>prodgap</title>
</head>
<body>
<script nonce="${attr(a.nonce)}" src="${attr(a.script)}"></script>
</body>
</html>`;
}
