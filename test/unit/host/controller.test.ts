import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calls } from './vscodeStub';
import type { AnalysisRunner, RunCallbacks, RunRequest } from '../../../src/host/analysisRunner';
import type { AnalysisOutcome } from '../../../src/host/workerClient';
import type { Focus } from '../../../src/panel/protocol';
import { minimalReport, checklistItem } from './reportFixture';

// Loaded after the stub so its `import 'vscode'` resolves to it.
const { Controller } = require('../../../src/host/controller') as typeof import('../../../src/host/controller');

class Memory {
  data = new Map<string, unknown>();
  get<T>(k: string): T | undefined {
    return this.data.get(k) as T | undefined;
  }
  update(k: string, v: unknown) {
    this.data.set(k, JSON.parse(JSON.stringify(v)));
    return Promise.resolve();
  }
}

/** A runner whose jobs the test finishes by hand. */
class FakeRunner {
  busy = false;
  runs: { req: RunRequest; cb: RunCallbacks; finish: (o: AnalysisOutcome) => void }[] = [];
  logs: string[] = [];
  run(req: RunRequest, cb: RunCallbacks): Promise<AnalysisOutcome> {
    return new Promise((resolve) => this.runs.push({ req, cb, finish: resolve }));
  }
  cancel() {}
  log(l: string) {
    this.logs.push(l);
  }
}

function setup() {
  const runner = new FakeRunner();
  const memento = new Memory();
  const shown: (Focus | undefined)[] = [];
  const ctx = { workspaceState: memento, storageUri: undefined } as unknown as import('vscode').ExtensionContext;
  const c = new Controller(ctx, runner as unknown as AnalysisRunner, (f) => shown.push(f));
  let changes = 0;
  c.onDidChange(() => changes++);
  return { c, runner, memento, shown, changes: () => changes };
}

const tick = () => new Promise((r) => setImmediate(r));
const pair = { train: '/d/train.csv', prod: '/d/prod.csv' };

test('compare: shows the panel, runs with reload, streams the partial, ends done with the report', async () => {
  const { c, runner, shown } = setup();
  const done = c.compare(pair);
  await tick();
  assert.deepEqual(shown, [{ tab: 'overview' }]);
  assert.equal(runner.runs.length, 1);
  assert.equal(runner.runs[0].req.reload, true);
  assert.equal(c.state.status.phase, 'running');
  runner.runs[0].cb.onPartial(minimalReport());
  assert.equal(c.state.partial, true);
  assert.ok(c.state.report);
  runner.runs[0].finish({ kind: 'done', report: minimalReport(), elapsedMs: 1500 });
  await done;
  assert.equal(c.state.partial, false);
  assert.deepEqual(c.state.status, { phase: 'done', message: 'Analysed in 1.5 s', progress: 1 });
  assert.equal(calls.contexts.get('prodgap.hasReport'), true);
  assert.deepEqual(c.state.pair, pair);
});

test('a tick survives re-analysis and is saved per pair', async () => {
  const { c, runner, memento } = setup();
  const p = c.compare(pair);
  await tick();
  runner.runs[0].finish({ kind: 'done', report: minimalReport(), elapsedMs: 1 });
  await p;
  c.setCheck('a', true);
  c.setNote('check:b', 'looked');
  c.setNote('finding:f', 'why');
  const again = c.analyze(false);
  await tick();
  assert.equal(runner.runs[1].req.reload, false, 're-evaluates the loaded tables');
  runner.runs[1].finish({ kind: 'done', report: minimalReport([checklistItem('a'), checklistItem('b')]), elapsedMs: 1 });
  await again;
  const items = c.state.report!.checklist;
  assert.deepEqual(items.map((i) => [i.id, i.user?.checked, i.user?.note]), [
    ['a', true, ''],
    ['b', false, 'looked'],
  ]);
  assert.equal(c.state.report!.notes?.['finding:f'], 'why');
  const saved = [...memento.data.entries()].find(([k]) => k.startsWith('prodgap.pair:'));
  assert.ok(saved, 'stored in workspace state');
  assert.deepEqual((saved[1] as { userState: unknown }).userState, c.state.userState);
});

test('a newer run wins: the superseded run cannot overwrite its result', async () => {
  const { c, runner } = setup();
  const first = c.compare(pair);
  await tick();
  const second = c.analyze(true);
  await tick();
  runner.runs[1].finish({ kind: 'done', report: { ...minimalReport(), generatedAt: 'second' }, elapsedMs: 1 });
  await second;
  runner.runs[0].finish({ kind: 'done', report: { ...minimalReport(), generatedAt: 'first' }, elapsedMs: 1 });
  await first;
  assert.equal(c.state.report!.generatedAt, 'second');
});

test('cancel and error end in their own status; errors are worded for the editor', async () => {
  const { c, runner } = setup();
  const p = c.compare(pair);
  await tick();
  runner.runs[0].finish({ kind: 'cancelled' });
  await p;
  assert.equal(c.state.status.phase, 'cancelled');
  const q = c.analyze(true);
  await tick();
  runner.runs[1].finish({ kind: 'error', message: 'train.csv line 3: 2 fields, header has 3 — fix the row or pass --skip-bad-rows', detail: '' });
  await q;
  assert.equal(c.state.status.phase, 'error');
  assert.match(c.state.status.message, /prodgap\.read\.skipBadRows/);
});

test('user-set settings reach the run; role settings become overrides', async () => {
  const { c, runner } = setup();
  calls.settings.set('prodgap.drift.psiWarning', 0.3);
  calls.settings.set('prodgap.roles.label', 'churned');
  try {
    void c.compare(pair);
    await tick();
    assert.equal(runner.runs[0].req.options.drift.psiWarning, 0.3);
    assert.deepEqual(runner.runs[0].req.roles, { label: 'churned' });
  } finally {
    calls.settings.clear();
  }
});

test('webview messages: check/set and note/set change state; malformed keys never reach here', async () => {
  const { c } = setup();
  void c.compare(pair);
  await tick();
  await c.handle({ method: 'check/set', params: { id: 'x', checked: true } });
  await c.handle({ method: 'note/set', params: { key: 'chart:drift-scores', text: 'odd' } });
  assert.deepEqual(c.state.userState, { checks: { x: { checked: true, note: '' } }, notes: { 'chart:drift-scores': 'odd' } });
});
