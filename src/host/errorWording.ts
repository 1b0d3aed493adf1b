/**
 * Error messages come from the shared core, which words its fixes for the CLI ("pass --skip-bad-rows"). In the editor
 * the same fix is a setting or a command: reword, and name the setting so the notification can offer to open it.
 */

export interface Reworded {
  message: string;
  /** A `prodgap.*` setting the fix refers to, for an "Open Setting" button. */
  setting?: string;
}

const RULES: { pattern: RegExp; replace: string; setting?: string }[] = [
  { pattern: /\b(?:pass|use|add) --skip-bad-rows\b/g, replace: 'turn on the setting prodgap.read.skipBadRows', setting: 'prodgap.read.skipBadRows' },
  { pattern: /--skip-bad-rows\b/g, replace: 'the setting prodgap.read.skipBadRows', setting: 'prodgap.read.skipBadRows' },
  { pattern: /--delimiter(?: \S+)?/g, replace: 'the setting prodgap.read.delimiter', setting: 'prodgap.read.delimiter' },
  { pattern: /--(label|prediction|time|id)\b/g, replace: 'the $1 role (prodgap: Change Column Roles)' },
];

export function rewordForEditor(message: string): Reworded {
  // A role set (by the quick pick or a setting) to a column neither file has.
  const role = /--(label|prediction|time|id) (.+?): no column of that name in either file/.exec(message);
  if (role) {
    return {
      message: `The ${role[1]} column '${role[2]}' is in neither file — pick another with prodgap: Change Column Roles, or fix the setting prodgap.roles.${role[1]}.`,
      setting: `prodgap.roles.${role[1]}`,
    };
  }
  let out = message;
  let setting: string | undefined;
  for (const r of RULES) {
    if (r.pattern.test(out)) {
      r.pattern.lastIndex = 0;
      out = out.replace(r.pattern, r.replace);
      setting ??= r.setting;
    }
    r.pattern.lastIndex = 0;
  }
  return setting ? { message: out, setting } : { message: out };
}
