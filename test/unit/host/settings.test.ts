import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultOptions } from '../../../src/core/options';
import { changeKind, effectiveRoles, optionsFromSettings } from '../../../src/host/settings';
import { configurationContribution, SETTINGS } from '../../../src/host/settingsSchema';
import { optionDocs } from '../../../scripts/optionDocs';

const fromMap = (m: Record<string, unknown>) => (k: string) => m[k];

test('no settings: options equal defaultOptions, no role overrides', () => {
  const r = optionsFromSettings(() => undefined);
  const { onProgress: _a, isCancelled: _b, ...read } = r.options.read;
  assert.deepEqual({ ...r.options, read }, { ...defaultOptions, read: { ...defaultOptions.read } });
  assert.deepEqual(r.roles, {});
  assert.deepEqual(r.warnings, []);
});

test('every AnalysisOptions leaf has exactly one setting in package.json', () => {
  const leaves: string[] = [];
  for (const [section, v] of Object.entries(defaultOptions)) {
    if (typeof v === 'object' && v !== null) for (const field of Object.keys(v)) leaves.push(`prodgap.${section}.${field}`);
    else leaves.push(`prodgap.${section}`);
  }
  // delimiter is `undefined` in readDefaults, so Object.keys still lists it
  const keys = SETTINGS.filter((s) => s.path !== null).map((s) => s.key);
  assert.deepEqual([...keys].sort(), [...leaves].sort());
  const manifest = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties);
  const missing = leaves.filter((k) => !manifest.includes(k));
  assert.deepEqual(missing, [], 'options without a setting: run npx tsx scripts/genConfiguration.ts');
  assert.equal(new Set(SETTINGS.map((s) => s.key)).size, SETTINGS.length);
});

test('thresholds, read options and window map onto their fields', () => {
  const r = optionsFromSettings(
    fromMap({
      'prodgap.drift.psiWarning': 0.2,
      'prodgap.segments.pairs': false,
      'prodgap.timeline.window': 'week',
      'prodgap.read.maxRows': 1000,
      'prodgap.read.missingTokens': ['?', 'missing'],
      'prodgap.read.delimiter': '\\t',
      'prodgap.seed': 7,
    }),
  );
  assert.equal(r.options.drift.psiWarning, 0.2);
  assert.equal(r.options.drift.psiCritical, defaultOptions.drift.psiCritical, 'siblings keep defaults');
  assert.equal(r.options.segments.pairs, false);
  assert.equal(r.options.timeline.window, 'week');
  assert.equal(r.options.read.maxRows, 1000);
  assert.deepEqual(r.options.read.missingTokens, ['?', 'missing']);
  assert.equal(r.options.read.delimiter, '\t');
  assert.equal(r.options.seed, 7);
  assert.equal(defaultOptions.drift.psiWarning, 0.1, 'defaults not mutated');
});

test('empty delimiter means detect (undefined)', () => {
  assert.equal(optionsFromSettings(fromMap({ 'prodgap.read.delimiter': '' })).options.read.delimiter, undefined);
  assert.equal(optionsFromSettings(fromMap({ 'prodgap.read.delimiter': ';' })).options.read.delimiter, ';');
});

test('bad values fall back to the default with a warning naming the key', () => {
  const r = optionsFromSettings(
    fromMap({ 'prodgap.drift.bins': 1.5, 'prodgap.drift.alpha': 2, 'prodgap.timeline.window': 'hour', 'prodgap.quality.oodK': 'x' }),
  );
  assert.equal(r.options.drift.bins, defaultOptions.drift.bins);
  assert.equal(r.options.drift.alpha, defaultOptions.drift.alpha);
  assert.equal(r.options.timeline.window, 'auto');
  assert.equal(r.options.quality.oodK, defaultOptions.quality.oodK);
  assert.equal(r.warnings.length, 4);
  assert.match(r.warnings.join('\n'), /prodgap\.drift\.bins: 1\.5 is not an integer/);
});

test('role settings: name sets, "-" clears, empty guesses', () => {
  const r = optionsFromSettings(fromMap({ 'prodgap.roles.label': ' churned ', 'prodgap.roles.time': '-', 'prodgap.roles.id': '' }));
  assert.deepEqual(r.roles, { label: 'churned', time: null });
  assert.deepEqual(effectiveRoles(r.roles, { label: 'y', id: 'cust' }), { label: 'y', time: null, id: 'cust' });
});

test('changeKind: read settings reload, thresholds and roles re-analyse', () => {
  const affects = (changed: string[]) => (s: string) => changed.some((c) => c === s || c.startsWith(s + '.'));
  assert.equal(changeKind(affects(['prodgap.drift.psiWarning'])), 'reanalyze');
  assert.equal(changeKind(affects(['prodgap.roles.label'])), 'reanalyze');
  assert.equal(changeKind(affects(['prodgap.read.delimiter'])), 'reload');
  assert.equal(changeKind(affects(['editor.fontSize'])), 'none');
});

test('package.json contributes.configuration is generated from the settings table', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(pkg.contributes.configuration, configurationContribution(optionDocs()), 'run: npx tsx scripts/genConfiguration.ts');
  for (const [key, p] of Object.entries(pkg.contributes.configuration.properties as Record<string, { markdownDescription: string }>)) {
    assert.ok(p.markdownDescription.length > 10, `${key} has a description`);
  }
  assert.equal(pkg.contributes.configuration.properties['prodgap.drift.psiCritical'].default, 0.25);
});
