/**
 * The last report per pair, kept as JSON in the extension's workspace storage so a window reload shows it again
 * without re-reading gigabytes. A cached report is used only while both files still have the size and modification
 * time they had when it was made. No `vscode` import (tested with a temporary folder).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../core/report/types';

interface Stamp {
  size: number;
  mtimeMs: number;
}

interface Entry {
  train: string;
  prod: string;
  trainStamp: Stamp;
  prodStamp: Stamp;
  report: Report;
}

/** Reports larger than this are not cached (workspace storage is not meant for bulk data). */
const MAX_BYTES = 64 * 1024 * 1024;

async function stamp(file: string): Promise<Stamp> {
  const s = await fs.stat(file);
  return { size: s.size, mtimeMs: s.mtimeMs };
}

export class ReportCache {
  constructor(private readonly dir: string) {}

  private file(pair: { train: string; prod: string }): string {
    const h = createHash('sha256').update(JSON.stringify([pair.train, pair.prod])).digest('hex').slice(0, 32);
    return path.join(this.dir, 'reports', `${h}.json`);
  }

  async save(pair: { train: string; prod: string }, report: Report): Promise<void> {
    const entry: Entry = { train: pair.train, prod: pair.prod, trainStamp: await stamp(pair.train), prodStamp: await stamp(pair.prod), report };
    const text = JSON.stringify(entry);
    if (text.length > MAX_BYTES) return;
    const target = this.file(pair);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reload during the write never finds half a file.
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, target);
  }

  /** The cached report, or null when there is none or either file changed since. */
  async load(pair: { train: string; prod: string }): Promise<Report | null> {
    let entry: Entry;
    try {
      entry = JSON.parse(await fs.readFile(this.file(pair), 'utf8')) as Entry;
    } catch {
      return null;
    }
    if (entry.train !== pair.train || entry.prod !== pair.prod || typeof entry.report?.version !== 'string') return null;
    try {
      const [t, p] = await Promise.all([stamp(pair.train), stamp(pair.prod)]);
      const same = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs;
      return same(t, entry.trainStamp) && same(p, entry.prodStamp) ? entry.report : null;
    } catch {
      return null;
    }
  }
}
