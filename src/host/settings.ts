/**
 * `prodgap.*` settings → `AnalysisOptions` and role overrides. Pure: the caller passes a getter (the extension gives
 * `workspace.getConfiguration().get`), so the mapping is unit-tested without VS Code.
 *
 * A value of the wrong type or outside its bounds falls back to the default and is reported, rather than reaching
 * an analysis as NaN.
 */
import { withOptions, type AnalysisOptions } from '../core/options';
import type { Roles } from '../core/report/types';
import { ROLE_NONE, SETTINGS, type SettingSpec } from './settingsSchema';

export interface SettingsResult {
  options: AnalysisOptions;
  /** Overrides from `prodgap.roles.*`: a name, null for "none", absent for "guess". */
  roles: Partial<Roles>;
  /** One line per rejected value ("prodgap.drift.bins: 1.5 is not an integer ≥ 2; using 10"). */
  warnings: string[];
}

export type SettingGetter = (key: string) => unknown;

function validate(spec: SettingSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' ? null : 'is not true or false';
    case 'string':
      if (typeof v !== 'string') return 'is not text';
      return spec.enum && !spec.enum.includes(v) ? `is not one of ${spec.enum.join(', ')}` : null;
    case 'array':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'is not a list of texts';
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'is not a number';
      if (spec.type === 'integer' && !Number.isInteger(v)) return 'is not an integer';
      if (spec.minimum !== undefined && v < spec.minimum) return `is below ${spec.minimum}`;
      if (spec.maximum !== undefined && v > spec.maximum) return `is above ${spec.maximum}`;
      return null;
    }
  }
}

/** Read every setting through `get` (undefined = unset = default). */
export function optionsFromSettings(get: SettingGetter): SettingsResult {
  const options = withOptions(undefined);
  const roles: Partial<Roles> = {};
  const warnings: string[] = [];
  for (const spec of SETTINGS) {
    const v = get(spec.key);
    if (v === undefined || v === null) continue;
    const problem = validate(spec, v);
    if (problem) {
      warnings.push(`${spec.key}: ${JSON.stringify(v)} ${problem}; using ${JSON.stringify(spec.default)}`);
      continue;
    }
    if (spec.path === null) {
      const role = spec.key.slice('prodgap.roles.'.length) as keyof Roles;
      const name = (v as string).trim();
      if (name === ROLE_NONE) roles[role] = null;
      else if (name) roles[role] = name;
      continue;
    }
    if (spec.path[0] === 'seed') {
      options.seed = v as number;
      continue;
    }
    const [section, field] = spec.path;
    let value: unknown = Array.isArray(v) ? [...v] : v;
    // The manifest cannot hold `undefined`; an empty delimiter means "detect".
    if (section === 'read' && field === 'delimiter') value = v === '' ? undefined : unescapeDelimiter(v as string);
    (options[section] as unknown as Record<string, unknown>)[field] = value;
  }
  return { options, roles, warnings };
}

/** Settings UIs make a tab hard to type: accept `\t` and `tab` for it. */
function unescapeDelimiter(d: string): string {
  return d === '\\t' || d.toLowerCase() === 'tab' ? '\t' : d;
}

/**
 * What a settings change requires: `reload` (a read setting changed, the files must be read again), `reanalyze`
 * (thresholds or roles: re-run the analyses on the loaded tables), or `none`.
 */
export function changeKind(affects: (section: string) => boolean): 'reload' | 'reanalyze' | 'none' {
  if (!affects('prodgap')) return 'none';
  if (SETTINGS.some((s) => s.reload && affects(s.key))) return 'reload';
  return SETTINGS.some((s) => affects(s.key)) ? 'reanalyze' : 'none';
}

/**
 * Roles in effect: the quick pick's choices for this pair win over the settings, which win over guessing.
 * The result is what the engine takes as overrides (name = set, null = none, absent = guess).
 */
export function effectiveRoles(fromSettings: Partial<Roles>, fromPicker: Partial<Roles>): Partial<Roles> {
  return { ...fromSettings, ...fromPicker };
}
