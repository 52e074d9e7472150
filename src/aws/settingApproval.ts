/**
 * Which value of a setting that decides where signed requests go (endpoints) or whose credentials sign
 * them (profile, region) is in use. A repository's `.vscode/settings.json` is written by whoever wrote
 * the repository, so its values apply only once the user approved them for that workspace; until then
 * the user's own value (or the default) applies. Pure, so the rules are unit-tested without VS Code.
 */
import { createHash } from 'node:crypto';

export const guardedSettings = ['profile', 'region', 'endpoints'] as const;
export type GuardedSetting = (typeof guardedSettings)[number];

/** The layers of `WorkspaceConfiguration.inspect()` this rule looks at. */
export interface SettingLayers {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

export type WorkspaceLayer = 'workspace' | 'workspaceFolder';

/** A workspace-level value that is not in use. */
export interface IgnoredValue {
  readonly key: GuardedSetting;
  readonly value: unknown;
  readonly layer: WorkspaceLayer;
  /** Identifies setting + exact value, for the stored decision. */
  readonly id: string;
  /** True in Restricted Mode: no approval is asked for until the workspace is trusted. */
  readonly restricted: boolean;
}

export interface ResolvedSetting {
  readonly value: unknown;
  readonly ignored: readonly IgnoredValue[];
}

export type Decision = 'use' | 'ignore';

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one value. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * The stored key of a decision about `value` for `key`: a hash, so workspace state never holds the value
 * itself (an endpoint written into a repository could carry anything).
 */
export function decisionId(key: GuardedSetting, value: unknown): string {
  return createHash('sha256')
    .update(`${key}\0${canonical(value)}`)
    .digest('hex');
}

/**
 * The value requests use. `merged` is what VS Code itself would use (`get()`: every layer merged); it
 * applies only when each workspace layer that sets the key is approved or equals the user's own value.
 * Otherwise the user-level value, else the default, and the workspace layers are reported as ignored.
 */
export function resolveSetting(
  key: GuardedSetting,
  layers: SettingLayers,
  merged: unknown,
  trusted: boolean,
  decision: (id: string) => Decision | undefined,
): ResolvedSetting {
  const user = layers.globalValue !== undefined ? layers.globalValue : layers.defaultValue;
  const ignored: IgnoredValue[] = [];
  for (const layer of ['workspace', 'workspaceFolder'] as const) {
    const value = layer === 'workspace' ? layers.workspaceValue : layers.workspaceFolderValue;
    if (value === undefined || canonical(value) === canonical(user)) {
      continue;
    }
    const id = decisionId(key, value);
    if (!trusted || decision(id) !== 'use') {
      ignored.push({ key, value, layer, id, restricted: !trusted });
    }
  }
  const anyWorkspaceValue = layers.workspaceValue !== undefined || layers.workspaceFolderValue !== undefined;
  return { value: ignored.length === 0 && anyWorkspaceValue ? merged : user, ignored };
}

/** The value as the approval modal shows it: one line of JSON for objects, the string itself otherwise. */
export function displayValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : canonical(value);
}
