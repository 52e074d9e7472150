/**
 * Filters that arrive as data (a command argument from a script or keybinding, or the state an earlier
 * run saved) are untrusted: only a plain object with known keys gets as far as the view's own rules. Pure.
 */

/** The filters to store, or why the given ones break the view's rules (nothing is stored or sent then). */
import * as l10n from '@vscode/l10n';

export type FilterMerge<F> = { filters: F } | { problem: string };

/**
 * Checks `raw` and merges it over `base`: a plain object, only `keys`, `null` meaning "remove this
 * filter" (JSON has no undefined), then `merge` checks every value by type and by the input boxes'
 * rules. Never throws: a rule that trips over an odd value refuses it.
 */
export function parseFilterArgument<F>(
  raw: unknown,
  base: F,
  keys: readonly string[],
  merge: (base: F, known: Readonly<Record<string, unknown>>) => FilterMerge<F>,
): FilterMerge<F> {
  const shape = l10n.t('Filters are an object with the keys {0}.', keys.join(', '));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problem: shape };
  }
  const prototype: unknown = Object.getPrototypeOf(raw);
  if (prototype !== Object.prototype && prototype !== null) {
    return { problem: shape };
  }
  const entries = Object.entries(raw);
  const unknown = entries.find(([key]) => !keys.includes(key));
  if (unknown) {
    return { problem: l10n.t('Unknown filter "{0}"; known: {1}.', unknown[0], keys.join(', ')) };
  }
  try {
    return merge(base, Object.fromEntries(entries.map(([key, value]) => [key, value === null ? undefined : (value as unknown)])));
  } catch {
    return { problem: shape };
  }
}
