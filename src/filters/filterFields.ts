/**
 * The kinds of filter field every view is built from: free text checked by a rule, one of a set, a list
 * of values, and a date. Each reads untrusted data by type first, then by the same rule as the menu's
 * input box, and stores a normalised value (trimmed; empty lists and defaults stored as "not set"). Pure.
 */
import * as l10n from '@vscode/l10n';
import { checkDateArgument, shortDate } from './dateInput';
import type { FieldPrompt, FieldRead, FilterField } from './filterSpec';

/** What every field shows in the filter menu. */
interface MenuLook<V> {
  readonly icon: string;
  readonly label: string;
  readonly detail?: string;
  readonly summary: (value: V) => string;
  /** The value as the menu shows it; default: the value, lists joined with commas. */
  readonly shown?: (value: V | undefined) => string | undefined;
}

function shownAsText(value: string | readonly string[] | undefined): string | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? value : value.join(', ');
}

function look<V extends string | readonly string[]>(options: MenuLook<V>, prompt: FieldPrompt): Omit<FilterField<V>, 'read'> {
  return { icon: options.icon, label: options.label, detail: options.detail, summary: options.summary, shown: options.shown ?? shownAsText, prompt };
}

/** Free text that `validate` accepts (the input box's rule), stored trimmed and `normalize`d. */
export function textField(
  options: MenuLook<string> & {
    /** `"KEY" must be NOUN.` when the value is not a string, e.g. "a table name or table ARN". */
    readonly noun: string;
    readonly validate: (text: string) => string | undefined;
    readonly normalize?: (text: string) => string;
    /** How the menu asks; default an input box with this prompt. */
    readonly prompt: FieldPrompt | { readonly title: string; readonly prompt: string };
  },
): FilterField<string> {
  const normalize = options.normalize ?? ((text: string) => text);
  const prompt: FieldPrompt = 'kind' in options.prompt ? options.prompt : { kind: 'text', ...options.prompt, validate: options.validate };
  return {
    ...look(options, prompt),
    read(raw, key): FieldRead<string> {
      if (raw === undefined) {
        return { value: undefined };
      }
      if (typeof raw !== 'string') {
        return { problem: l10n.t('"{0}" must be {1}.', key, options.noun) };
      }
      const problem = options.validate(raw);
      return problem ? { problem } : { value: normalize(raw.trim()) };
    },
  };
}

/** One of `values`; `unset` (the API's default) is stored as not set, so it is never sent. */
export function choiceField<V extends string>(
  options: MenuLook<V> & {
    /** Names the field in the message, e.g. "Backup type must be one of …". */
    readonly what: string;
    readonly values: readonly V[];
    readonly unset?: V;
    readonly title: string;
    readonly choices: readonly { readonly value: V; readonly label: string; readonly description?: string }[];
  },
): FilterField<V> {
  return {
    ...look(options, { kind: 'one', title: options.title, options: options.choices, unset: options.unset ?? options.values[0] }),
    read(raw): FieldRead<V> {
      if (raw === undefined) {
        return { value: undefined };
      }
      if (!(options.values as readonly unknown[]).includes(raw)) {
        return { problem: l10n.t('{0} must be one of {1}.', options.what, options.values.join(', ')) };
      }
      return { value: raw === options.unset ? undefined : (raw as V) };
    },
  };
}

/**
 * A list of values, each checked by `check` (with its own message) or, when `values` is given, one of
 * them after `normalize`. A value given twice is refused (a slip); values equal once normalised (e.g.
 * COMPLETED and completed) are kept once. An empty list is stored as not set.
 */
export function listField<V extends string>(
  options: MenuLook<readonly V[]> & {
    /** Names the field in messages, e.g. "Statuses". */
    readonly what: string;
    /** The message for anything that is not a list of acceptable values. */
    readonly problem: string;
    readonly values?: readonly V[];
    readonly check?: (text: string) => string | undefined;
    readonly normalize?: (text: string) => string;
    /** How the menu asks; default a multi-select of `values`. */
    readonly prompt?: FieldPrompt;
    readonly title: string;
  },
): FilterField<readonly V[]> {
  const normalize = options.normalize ?? ((text: string) => text);
  return {
    ...look(options, options.prompt ?? { kind: 'many', title: options.title, options: options.values ?? [] }),
    read(raw): FieldRead<readonly V[]> {
      if (raw === undefined) {
        return { value: undefined };
      }
      if (!Array.isArray(raw)) {
        return { problem: options.problem };
      }
      const list: V[] = [];
      for (const item of raw as unknown[]) {
        if (typeof item !== 'string') {
          return { problem: options.problem };
        }
        const problem = options.check?.(item);
        if (problem) {
          return { problem };
        }
        const value = normalize(item.trim());
        if (options.values && !(options.values as readonly string[]).includes(value)) {
          return { problem: options.problem };
        }
        list.push(value as V);
      }
      if (new Set(raw).size !== raw.length) {
        return { problem: l10n.t('{0} must not repeat a value.', options.what) };
      }
      return { value: list.length > 0 ? [...new Set(list)] : undefined };
    },
  };
}

/** An ISO 8601 date (the menu offers presets and relative input, and stores ISO). */
export function dateField(options: Omit<MenuLook<string>, 'shown'> & { readonly title: string }): FilterField<string> {
  return {
    ...look({ ...options, shown: (value) => value && shortDate(value) }, { kind: 'date', title: options.title }),
    read(raw, key): FieldRead<string> {
      const problem = checkDateArgument(raw, key);
      return problem ? { problem } : { value: raw as string | undefined };
    },
  };
}
