/**
 * A view's filters, declared once: each field says how it is read from untrusted data (a command
 * argument from a script or keybinding, or state an earlier run saved), how it reads in the view's
 * description, and how the filter menu asks for it. The engine below merges, checks and summarises any
 * service's filters from its spec, so the menu, command arguments and saved state apply the same rules.
 * Pure: unit-tested without VS Code (the menu that runs the prompts is src/filters/filterMenu.ts).
 */
import * as l10n from '@vscode/l10n';
import { checkRange } from './dateInput';

/** A value read from data, or why it breaks the field's rule. */
export type FieldRead<V> = { readonly value: V | undefined } | { readonly problem: string };

export type FilterMerge<F> = { filters: F } | { problem: string };

/** How the filter menu asks for a field; `custom` prompts are supplied by the service's filter command. */
export type FieldPrompt =
  | {
      readonly kind: 'text';
      readonly title: string;
      readonly prompt: string;
      readonly validate: (text: string) => string | undefined;
      /** The value the typed text stands for (e.g. a comma-separated list); default the text. */
      readonly toValue?: (text: string) => unknown;
    }
  | { readonly kind: 'date'; readonly title: string }
  | {
      readonly kind: 'one';
      readonly title: string;
      readonly options: readonly { readonly value: string; readonly label: string; readonly description?: string }[];
      readonly unset: string;
    }
  | { readonly kind: 'many'; readonly title: string; readonly options: readonly string[] }
  | { readonly kind: 'custom' };

export interface FilterField<V> {
  /** Reads a value given as data under `key`; undefined (or JSON null) removes the filter. */
  read(raw: unknown, key: string): FieldRead<V>;
  /** The phrase in the view description ("table Orders"), '' to leave the value out. */
  summary(value: V): string;
  /** Menu entry: codicon, label and detail line. */
  readonly icon: string;
  readonly label: string;
  readonly detail?: string;
  /** The value as the menu shows it (undefined: "not set"). */
  shown(value: V | undefined): string | undefined;
  readonly prompt: FieldPrompt;
}

export type FilterFields<F> = { readonly [K in keyof F]-?: FilterField<NonNullable<F[K]>> };

export interface FilterSpec<F extends object> {
  /** The filter menu's title for the current filters. */
  title(filters: F): string;
  /** In menu order; the order of the keys is also the order of the summary and of error messages. */
  readonly fields: FilterFields<F>;
  /**
   * The names of two date fields (ISO strings) forming a [lower, upper) range: lower must be before upper.
   * Plain strings, not `keyof F`, so a store of any filters is still a store of `object` filters.
   */
  readonly range?: readonly [string, string];
}

export function filterKeys<F extends object>(spec: FilterSpec<F>): (keyof F & string)[] {
  return Object.keys(spec.fields) as (keyof F & string)[];
}

/**
 * Checks `raw` and merges it over `base`: a plain object, only the spec's keys, `null` meaning "remove this
 * filter" (JSON has no undefined), every value read by its field, then the range rule. Never throws: a
 * rule that trips over an odd value refuses it. Returns the filters to store, or the first problem.
 */
export function mergeFilters<F extends object>(spec: FilterSpec<F>, base: F, raw: unknown): FilterMerge<F> {
  const keys = filterKeys(spec);
  const shape = l10n.t('Filters are an object with the keys {0}.', keys.join(', '));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { problem: shape };
  }
  const prototype: unknown = Object.getPrototypeOf(raw);
  if (prototype !== Object.prototype && prototype !== null) {
    return { problem: shape };
  }
  const entries = Object.entries(raw);
  const unknown = entries.find(([key]) => !(keys as string[]).includes(key));
  if (unknown) {
    return { problem: l10n.t('Unknown filter "{0}"; known: {1}.', unknown[0], keys.join(', ')) };
  }
  const next: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  try {
    for (const key of keys) {
      if (!Object.hasOwn(raw, key)) {
        continue;
      }
      const value: unknown = (raw as Record<string, unknown>)[key];
      const read = (spec.fields[key] as FilterField<unknown>).read(value === null ? undefined : value, key);
      if ('problem' in read) {
        return { problem: read.problem };
      }
      next[key] = read.value;
    }
  } catch {
    return { problem: shape };
  }
  const rangeProblem = spec.range && checkRange(dateOf(next[spec.range[0]]), dateOf(next[spec.range[1]]));
  return rangeProblem ? { problem: rangeProblem } : { filters: next as F };
}

function dateOf(value: unknown): Date | undefined {
  return typeof value === 'string' ? new Date(value) : undefined;
}

/** One short phrase per active filter, in field order: the view description and empty messages. */
export function summarizeFilters<F extends object>(spec: FilterSpec<F>, filters: F): string[] {
  return filterKeys(spec)
    .map((key) => {
      const value = filters[key];
      return value === undefined || value === null ? '' : (spec.fields[key] as FilterField<unknown>).summary(value);
    })
    .filter(Boolean);
}
