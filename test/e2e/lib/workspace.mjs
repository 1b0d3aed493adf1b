// The folder code-server opens: a temp copy of the example pair plus the e2e fixtures, so nothing the extension
// writes (post-mortems, charts) lands in the repository.
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from './paths.mjs';

export function makeWorkspace(runDir, { big } = {}) {
  const ws = join(runDir, 'workspace');
  mkdirSync(ws, { recursive: true });
  for (const f of ['train.csv', 'prod.csv', 'README.md']) cpSync(join(paths.examples, f), join(ws, f));
  cpSync(join(paths.fixtures, 'bad'), join(ws, 'bad'), { recursive: true });
  cpSync(join(paths.fixtures, 'hostile'), join(ws, 'hostile'), { recursive: true });
  if (big) {
    // ≈ 220 MB: linked, not copied; the extension only reads them.
    mkdirSync(join(ws, 'big'));
    symlinkSync(big.train, join(ws, 'big', 'train_big.csv'));
    symlinkSync(big.prod, join(ws, 'big', 'prod_big.csv'));
  }
  return ws;
}
