/** Where Export Post-mortem writes: pure path logic, unit-tested (no `vscode`). */
import * as path from 'node:path';

/** `<training file stem>-postmortem.md` beside the training file. */
export function defaultPostmortemPath(trainPath: string): string {
  const stem = path.basename(trainPath, path.extname(trainPath));
  return path.join(path.dirname(trainPath), `${stem}-postmortem.md`);
}

/** The charts folder, relative to the markdown file: `<md stem>-charts` (the CLI's `--markdown` uses the same). */
export function chartsDirFor(markdownPath: string): string {
  return `${path.basename(markdownPath).replace(/\.md$/i, '')}-charts`;
}

/**
 * Segments of a chart path relative to the markdown folder, or null when it would leave that folder. Chart names come
 * from column names; a worker bug or a hostile name must not write outside the chosen place.
 */
export function safeRelativeSegments(name: string): string[] | null {
  const parts = name.split(/[\\/]+/).filter(Boolean);
  if (parts.length === 0 || path.isAbsolute(name) || /^[a-zA-Z]:/.test(name)) return null;
  if (parts.some((p) => p === '..' || p === '.' || p.includes('\0'))) return null;
  return parts;
}
