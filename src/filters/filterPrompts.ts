import { localTime } from '../shared/format';
import * as vscode from 'vscode';
import { forLabel, forNotification, forPrompt } from '../util/plainText';
import { checkRange, datePresets, dateInputHelp, parseDateInput } from './dateInput';
import { filterKeys, type FilterField, type FilterSpec } from './filterSpec';

/** Returned by a prompt when the user chose to remove the filter (undefined means cancelled). */
export const clearValue = Symbol('clear');
export type PromptResult<T> = T | typeof clearValue | undefined;

/** Applies a prompt's answer: cancelled changes nothing, "remove" stores undefined. */
export function applyPrompt<T>(result: PromptResult<T>, set: (value: T | undefined) => Promise<void>): Promise<void> {
  if (result === undefined) {
    return Promise.resolve();
  }
  return set(result === clearValue ? undefined : result);
}

export interface FilterMenuEntry {
  readonly label: string;
  readonly current: string | undefined;
  readonly detail?: string;
  run(): Promise<void>;
}

/** A QuickPick listing each filter with its current value; picking one edits it. */
export async function showFilterMenu(title: string, entries: readonly FilterMenuEntry[], clearAll: () => Promise<void>): Promise<void> {
  const items = [
    ...entries.map((entry) => ({
      label: entry.label,
      description: entry.current === undefined ? vscode.l10n.t('not set') : forLabel(entry.current),
      detail: entry.detail,
      run: () => entry.run(),
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: () => Promise.resolve() },
    { label: `$(clear-all) ${vscode.l10n.t('Clear all filters')}`, description: '', detail: undefined, run: clearAll },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Pick a filter to change') });
  await chosen?.run();
}

/** An input box that refuses invalid text with the validator's message, so nothing invalid is ever sent. */
export async function promptText(title: string, prompt: string, validate: (text: string) => string | undefined, value = ''): Promise<PromptResult<string>> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('{0} Leave empty to remove this filter.', prompt),
    value,
    ignoreFocusOut: true,
    // Rules may quote the typed text; the message renders links and codicons, so it is shown as plain text.
    validateInput: (input) => {
      const problem = input.trim() === '' ? undefined : validate(input);
      return problem && forPrompt(problem);
    },
  });
  if (text === undefined) {
    return undefined;
  }
  if (text.trim() === '') {
    return clearValue;
  }
  return validate(text) === undefined ? text.trim() : undefined;
}

/** Presets, then a box that accepts ISO 8601 or relative input (`30m`, `24h`, `7d`); returns ISO. */
export async function promptDate(title: string, current: string | undefined, check?: (date: Date) => string | undefined): Promise<PromptResult<string>> {
  const now = Date.now();
  const presets = datePresets().map((preset) => ({
    label: preset.label,
    description: localTime(now - preset.ms),
    iso: new Date(now - preset.ms).toISOString(),
  }));
  const items = [
    { label: `$(edit) ${vscode.l10n.t('Enter a date…')}`, description: dateInputHelp(), iso: 'enter' },
    ...presets,
    ...(current ? [{ label: `$(close) ${vscode.l10n.t('Remove this filter')}`, description: '', iso: 'clear' }] : []),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: current ? vscode.l10n.t('Current: {0}', current) : vscode.l10n.t('Pick a preset or enter a date'),
  });
  if (!chosen) {
    return undefined;
  }
  if (chosen.iso === 'clear') {
    return clearValue;
  }
  if (chosen.iso !== 'enter') {
    const preset = new Date(chosen.iso);
    const problem = check?.(preset);
    if (problem) {
      void vscode.window.showWarningMessage(forNotification(problem));
      return undefined;
    }
    return chosen.iso;
  }
  const validate = (text: string): string | undefined => {
    const parsed = parseDateInput(text);
    return parsed.ok ? check?.(parsed.date) : parsed.message;
  };
  const text = await promptText(title, `${dateInputHelp()}.`, validate, current ?? '');
  if (text === undefined || text === clearValue) {
    return text;
  }
  const parsed = parseDateInput(text);
  return parsed.ok ? parsed.date.toISOString() : undefined;
}

export async function pickOne<T extends string>(
  title: string,
  options: readonly { value: T; label: string; description?: string }[],
  current?: T,
): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(
    options.map((o) => ({
      ...o,
      picked: o.value === current,
      description: o.value === current ? vscode.l10n.t('{0} (current)', o.description ?? '').trim() : o.description,
    })),
    { title },
  );
  return chosen?.value;
}

export async function pickMany<T extends string>(title: string, options: readonly T[], current: readonly T[]): Promise<T[] | undefined> {
  const chosen = await vscode.window.showQuickPick(
    options.map((value) => ({ label: value, picked: current.includes(value) })),
    { title, canPickMany: true, placeHolder: vscode.l10n.t('None selected = no filter') },
  );
  return chosen?.map((c) => c.label);
}

/** The prompts a spec leaves to the service (`custom`), by field: they get the current value. */
export type CustomPrompts<F> = { readonly [K in keyof F]?: (current: F[K]) => Promise<PromptResult<unknown>> };

/**
 * The filter menu of a view, from its spec: one entry per field showing its value; picking one asks with
 * the field's prompt (`custom` prompts come from the service, e.g. pickers of loaded items) and stores the
 * answer through the store, which reads it by the same rules as a command argument. A date bound is
 * checked against the other bound, so a range that selects nothing is refused before any request.
 */
export async function runFilterMenu<F extends object>(
  spec: FilterSpec<F>,
  store: { readonly current: F; update(patch: Partial<F>): Promise<boolean>; clear(): Promise<void> },
  custom: CustomPrompts<F>,
): Promise<void> {
  const f = store.current;
  const entries = filterKeys(spec).map((key): FilterMenuEntry => {
    const field = spec.fields[key] as FilterField<unknown>;
    const current = f[key];
    const shown = field.shown(current ?? undefined);
    const ask = (): Promise<PromptResult<unknown>> => {
      const prompt = field.prompt;
      switch (prompt.kind) {
        case 'text':
          return promptText(prompt.title, prompt.prompt, prompt.validate, shown ?? '').then((text) =>
            text === undefined || text === clearValue || !prompt.toValue ? text : prompt.toValue(text),
          );
        case 'date':
          return promptDate(prompt.title, current as string | undefined, (date) => rangeProblem(spec, f, key, date));
        case 'one':
          return pickOne(prompt.title, prompt.options, (current as string | undefined) ?? prompt.unset);
        case 'many':
          return pickMany(prompt.title, prompt.options, (current as readonly string[] | undefined) ?? []);
        case 'custom':
          return custom[key]?.(current) ?? Promise.resolve(undefined);
      }
    };
    return {
      label: `$(${field.icon}) ${field.label}`,
      current: shown,
      detail: field.detail,
      run: async () => applyPrompt(await ask(), async (value) => void (await store.update({ [key]: value } as unknown as Partial<F>))),
    };
  });
  await showFilterMenu(spec.title(f), entries, () => store.clear());
}

function rangeProblem<F extends object>(spec: FilterSpec<F>, f: F, key: string, date: Date): string | undefined {
  const bound = (name: string): Date | undefined => {
    const value = (f as Record<string, unknown>)[name];
    return typeof value === 'string' ? new Date(value) : undefined;
  };
  if (!spec.range) {
    return undefined;
  }
  const [lower, upper] = spec.range;
  return key === lower ? checkRange(date, bound(upper)) : key === upper ? checkRange(bound(lower), date) : undefined;
}
