import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FINDING_TYPES } from '../../../src/core/report/types';
import { TABS } from '../../../src/panel/protocol';
import { findingDestination, tabForFinding } from '../../../webview/nav';
import { reviveUiState, defaultUiState } from '../../../webview/state';
import { HOSTILE_COLUMN, sampleReport } from '../core/report/sampleReport';

test('every finding type maps to a tab; an explicit target wins; leakage and skew live on Timeline', () => {
  for (const type of FINDING_TYPES) assert.ok(TABS.includes(tabForFinding({ type })), type);
  assert.equal(tabForFinding({ type: 'feature_drift' }), 'drift');
  assert.equal(tabForFinding({ type: 'feature_drift', target: 'segments' }), 'segments');
  assert.equal(tabForFinding({ type: 'row_overlap', target: 'leakage' }), 'timeline');
  assert.equal(tabForFinding({ type: 'entity_skew', target: 'skew' }), 'timeline');
  assert.equal(tabForFinding({ type: 'null_spike' }), 'schema');
});

test('a drift finding opens the Drift tab on its column; other findings open their tab without a feature', () => {
  const r = sampleReport();
  assert.deepEqual(findingDestination(r, 'feature_drift:city'), { tab: 'drift', feature: 'city', findingId: 'feature_drift:city' });
  assert.deepEqual(findingDestination(r, `null_spike:${HOSTILE_COLUMN}`), { tab: 'schema', feature: null, findingId: `null_spike:${HOSTILE_COLUMN}` });
  assert.equal(findingDestination(r, 'no-such-finding'), null);
});

test('reviveUiState keeps well-formed fields and drops the rest (state from an older build)', () => {
  assert.deepEqual(reviveUiState(null), defaultUiState);
  const s = reviveUiState({ tab: 'drift', feature: 'age', sort: { key: 'psi', dir: 'asc' }, filter: 'x', histMode: 'count', heatMode: 'share', scroll: { drift: 120, bogus: 5, overview: 'no' } });
  assert.deepEqual(s, { tab: 'drift', feature: 'age', sort: { key: 'psi', dir: 'asc' }, filter: 'x', histMode: 'count', heatMode: 'share', scroll: { drift: 120 } });
  const bad = reviveUiState({ tab: 'nope', sort: { key: 1 }, histMode: 'pie', scroll: 3 });
  assert.equal(bad.tab, 'overview');
  assert.deepEqual(bad.sort, defaultUiState.sort);
  assert.equal(bad.histMode, 'share');
});
