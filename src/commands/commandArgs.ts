/**
 * What a command accepts, position by position. Commands run from menus, keybindings, scripts and other
 * extensions, so their arguments are untrusted: nodes are checked by class (an object of the right
 * shape is not a node of ours), values by type, objects by their keys. The handler then checks values
 * by the input boxes' rules.
 */
import * as l10n from '@vscode/l10n';
import { PagedChildren } from '../tree/pagedChildren';
import { CachedItemNode } from '../tree/cachedItemNode';
import { StatusRow } from '../tree/statusRows';

export interface ArgumentRule {
  /** How the refusal names what is accepted, e.g. `a "Load more" row`. */
  readonly what: string;
  accepts(value: unknown): boolean;
}

// Constructors of any signature: only `instanceof` is asked of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyClass = abstract new (...args: any[]) => unknown;

export function instanceOf(what: string, ...classes: readonly AnyClass[]): ArgumentRule {
  return { what, accepts: (value) => classes.some((c) => value instanceof c) };
}

/** Nothing is `undefined`, or `null` (what VS Code passes a title-bar command when the view has no focused row). */
export function isNothing(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

export function optional(rule: ArgumentRule): ArgumentRule {
  return { what: `nothing or ${rule.what}`, accepts: (value) => isNothing(value) || rule.accepts(value) };
}

export function oneOf(...rules: readonly ArgumentRule[]): ArgumentRule {
  return { what: rules.map((r) => r.what).join(' or '), accepts: (value) => rules.some((r) => r.accepts(value)) };
}

export const text: ArgumentRule = { what: 'a string', accepts: (value) => typeof value === 'string' };
/** A list of strings, e.g. region codes. */
export const textList: ArgumentRule = { what: 'a list of strings', accepts: (value) => Array.isArray(value) && value.every((v) => typeof v === 'string') };
export const number: ArgumentRule = { what: 'a number', accepts: (value) => typeof value === 'number' };

/** A row of one of the three trees (an item or a status row). */
export const treeNode = instanceOf('a row of an AWS History view', CachedItemNode, StatusRow);
export const itemNode = instanceOf('an item row (backup, cluster, backtrack, function or execution)', CachedItemNode);
export const pagedList = instanceOf('a list of an AWS History view', PagedChildren);

/** What VS Code passes after the clicked row when several rows are selected. */
export const selection: ArgumentRule = {
  what: 'the selected rows',
  accepts: (value) => Array.isArray(value) && value.every((v) => treeNode.accepts(v)),
};

/** A plain object (a keybinding's `args`) whose keys are all known and whose values pass their rules. */
export function record(what: string, fields: Readonly<Record<string, ArgumentRule>>): ArgumentRule {
  return {
    what,
    accepts: (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return false;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      return (
        (prototype === Object.prototype || prototype === null) &&
        Object.entries(value).every(([key, v]) => Object.hasOwn(fields, key) && fields[key].accepts(v))
      );
    },
  };
}

/**
 * A filter command's argument: nothing or the focused row (from the title bar: the filter menu opens), or
 * anything else, passed on to FilterStore.applyArgument, which checks shape, keys and values itself.
 */
export const filtersArgument: ArgumentRule = { what: 'a filters object', accepts: () => true };

/** A title-bar click passes the view's focused row (or nothing): the command then acts on no particular row. */
export const titleBarArgument = optional(treeNode);

/** Why `args` break `rules` (too many, or one of the wrong kind), or undefined. */
export function argumentProblem(args: readonly unknown[], rules: readonly ArgumentRule[]): string | undefined {
  for (let i = 0; i < Math.max(args.length, rules.length); i++) {
    const rule = rules[i];
    const value = args[i];
    if (!rule) {
      if (!isNothing(value)) {
        return rules.length === 0
          ? l10n.t('it takes no argument.')
          : rules.length === 1
            ? l10n.t('it takes at most 1 argument.')
            : l10n.t('it takes at most {0} arguments.', rules.length);
      }
    } else if (!rule.accepts(value)) {
      return l10n.t('argument {0} must be {1}.', i + 1, rule.what);
    }
  }
  return undefined;
}

/** What a filter command does with its argument: undefined opens the menu (nothing, or a title-bar row), the rest is checked as filters. */
export function filterArgumentOf(arg: unknown): unknown {
  return isNothing(arg) || treeNode.accepts(arg) ? undefined : arg;
}
