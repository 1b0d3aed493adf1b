import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withOptions } from '../../src/core/options';
test('options merge', () => { assert.equal(withOptions({ drift: { psiWarning: 0.2 } }).drift.psiWarning, 0.2); });
