/** Writes a sample file as CSV: header, `,` delimiter, LF, empty field for null, quotes only where needed. */
import { writeFileSync } from 'node:fs';
import type { Cell, SampleFile } from './sampleFile';

function field(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(file: SampleFile): string {
  const names = file.columns.map((c) => c.name);
  const lines = [names.map(field).join(',')];
  for (const row of file.rows) lines.push(names.map((n) => field(row[n])).join(','));
  return lines.join('\n') + '\n';
}

export function writeCsv(path: string, file: SampleFile): void {
  writeFileSync(path, toCsv(file));
}
