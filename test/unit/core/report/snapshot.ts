/**
 * JSON snapshots for chart specs: the first run (or `UPDATE_SNAPSHOTS=1`) writes `__snapshots__/<name>.json`; later
 * runs compare against it, so any change to a spec shows up as a reviewable diff in git.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dir = join(dirname(new URL(import.meta.url).pathname), '__snapshots__');

export function matchSnapshot(name: string, value: unknown): void {
  const file = join(dir, `${name}.json`);
  const text = JSON.stringify(value, null, 2) + '\n';
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.deepEqual(JSON.parse(text), JSON.parse(readFileSync(file, 'utf8')), `snapshot ${name} changed (UPDATE_SNAPSHOTS=1 to accept)`);
}
