import * as vscode from 'vscode';
import type { FilterStore } from '../filters/filterStore';
import { applyPrompt, clearValue, dateRangeEntries, pickMany, pickOne, promptText, showFilterMenu, type PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import type { FunctionConfiguration } from './api';
import { functionDescription } from './executionFormat';
import { executionStatuses, orderLabel, type ExecutionFilters, type ExecutionOrder } from './filters';
import { normalizeExecutionFilters, validateFunctionInput, validateQualifier, validateExecutionName } from './validation';

/**
 * The filter menu, or (with a filters object as argument, for scripts, keybindings and tests) the same
 * rules applied without any UI. Returns false when the argument was refused; nothing is sent then.
 */
export async function runExecutionFilterCommand(
  store: FilterStore<ExecutionFilters>,
  loadedFunctions: () => readonly FunctionConfiguration[],
  arg?: unknown,
): Promise<boolean> {
  if (arg !== undefined) {
    return store.applyArgument(arg);
  }
  const f = store.current;
  const update = (patch: Partial<ExecutionFilters>): Promise<void> => store.set(normalizeExecutionFilters({ ...store.current, ...patch }));
  await showFilterMenu(
    vscode.l10n.t('Filter Lambda durable executions ({0})', orderLabel(f.order)),
    [
      {
        label: `$(symbol-function) ${vscode.l10n.t('Function')}`,
        current: f.function,
        detail: vscode.l10n.t('Show only this function (a name, partial ARN or ARN)'),
        run: async () => applyPrompt(await pickFunction(loadedFunctions(), f.function), (fn) => update({ function: fn })),
      },
      {
        label: `$(versions) ${vscode.l10n.t('Qualifier')}`,
        current: f.qualifier,
        detail: vscode.l10n.t('$LATEST, $LATEST.PUBLISHED, a version or an alias'),
        run: async () => applyPrompt(await pickQualifier(f.qualifier), (qualifier) => update({ qualifier })),
      },
      {
        label: `$(symbol-string) ${vscode.l10n.t('Execution name')}`,
        current: f.name,
        detail: vscode.l10n.t('DurableExecutionName: 1 to 64 letters, digits, - and _'),
        run: async () =>
          applyPrompt(await promptText(vscode.l10n.t('Only executions named'), vscode.l10n.t('An execution name (1 to 64 letters, digits, - and _).'), validateExecutionName, f.name ?? ''), (name) =>
            update({ name }),
          ),
      },
      {
        label: `$(pulse) ${vscode.l10n.t('Statuses')}`,
        current: f.statuses?.join(', '),
        run: async () => {
          const statuses = await pickMany(vscode.l10n.t('Only executions with status'), executionStatuses, f.statuses ?? []);
          if (statuses !== undefined) {
            await update({ statuses });
          }
        },
      },
      ...dateRangeEntries(
        f,
        {
          after: { label: vscode.l10n.t('Started after'), detail: 'StartedAfter', title: vscode.l10n.t('Started after') },
          before: { label: vscode.l10n.t('Started before'), detail: 'StartedBefore', title: vscode.l10n.t('Started before') },
        },
        update,
      ),
      {
        label: `$(arrow-swap) ${vscode.l10n.t('Order')}`,
        current: f.order === 'oldest' ? vscode.l10n.t('Oldest first (ReverseOrder)') : vscode.l10n.t('Newest first (API default)'),
        run: async () => {
          const order = await pickOne<ExecutionOrder>(
            vscode.l10n.t('Order of executions'),
            [
              { value: 'newest', label: vscode.l10n.t('Newest first'), description: vscode.l10n.t('the API default') },
              { value: 'oldest', label: vscode.l10n.t('Oldest first'), description: vscode.l10n.t('sends ReverseOrder=true') },
            ],
            f.order ?? 'newest',
          );
          if (order) {
            await update({ order });
          }
        },
      },
    ],
    () => store.clear(),
  );
  return true;
}

async function pickQualifier(current: string | undefined): Promise<PromptResult<string>> {
  const items = [
    { label: '$LATEST', description: vscode.l10n.t('the unpublished version'), value: '$LATEST' },
    { label: '$LATEST.PUBLISHED', description: vscode.l10n.t('the latest published version'), value: '$LATEST.PUBLISHED' },
    { label: `$(edit) ${vscode.l10n.t('Enter a version or alias…')}`, description: '', value: 'enter' },
    ...(current ? [{ label: `$(close) ${vscode.l10n.t('Remove this filter')}`, description: vscode.l10n.t('every version'), value: 'clear' }] : []),
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Only executions of qualifier'), placeHolder: current ? vscode.l10n.t('Current: {0}', current) : undefined });
  if (!chosen) {
    return undefined;
  }
  if (chosen.value === 'clear') {
    return clearValue;
  }
  if (chosen.value !== 'enter') {
    return chosen.value;
  }
  return promptText(vscode.l10n.t('Only executions of qualifier'), vscode.l10n.t('A version number or alias (letters, digits, -, _ and $; up to 128).'), validateQualifier, current ?? '');
}

/** The functions the view has loaded (durable first), or a typed name, partial ARN or ARN. */
function pickFunction(functions: readonly FunctionConfiguration[], current: string | undefined): Promise<PromptResult<string>> {
  const sorted = [...functions]
    .filter((fn) => fn.FunctionName)
    .sort((a, b) => Number(b.DurableConfig !== undefined) - Number(a.DurableConfig !== undefined));
  return pickOrType({
    title: vscode.l10n.t('Show only the executions of function'),
    placeholder: vscode.l10n.t('Pick a loaded function, or type a function name, partial ARN or ARN'),
    validate: validateFunctionInput,
    current,
    clearLabel: vscode.l10n.t('All functions'),
    choices: () => sorted.map((fn) => ({ value: fn.FunctionName!, description: functionDescription(fn) })),
  });
}
