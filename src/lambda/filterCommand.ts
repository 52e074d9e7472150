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
    `Filter Lambda durable executions (${orderLabel(f.order)})`,
    [
      {
        label: '$(symbol-function) Function',
        current: f.function,
        detail: 'Show only this function (a name, partial ARN or ARN)',
        run: async () => applyPrompt(await pickFunction(loadedFunctions(), f.function), (fn) => update({ function: fn })),
      },
      {
        label: '$(versions) Qualifier',
        current: f.qualifier,
        detail: '$LATEST, $LATEST.PUBLISHED, a version or an alias',
        run: async () => applyPrompt(await pickQualifier(f.qualifier), (qualifier) => update({ qualifier })),
      },
      {
        label: '$(symbol-string) Execution name',
        current: f.name,
        detail: 'DurableExecutionName: 1 to 64 letters, digits, - and _',
        run: async () =>
          applyPrompt(await promptText('Only executions named', 'An execution name (1 to 64 letters, digits, - and _).', validateExecutionName, f.name ?? ''), (name) =>
            update({ name }),
          ),
      },
      {
        label: '$(pulse) Statuses',
        current: f.statuses?.join(', '),
        run: async () => {
          const statuses = await pickMany('Only executions with status', executionStatuses, f.statuses ?? []);
          if (statuses !== undefined) {
            await update({ statuses });
          }
        },
      },
      ...dateRangeEntries(
        f,
        {
          after: { label: 'Started after', detail: 'StartedAfter', title: 'Started after' },
          before: { label: 'Started before', detail: 'StartedBefore', title: 'Started before' },
        },
        update,
      ),
      {
        label: '$(arrow-swap) Order',
        current: f.order === 'oldest' ? 'Oldest first (ReverseOrder)' : 'Newest first (API default)',
        run: async () => {
          const order = await pickOne<ExecutionOrder>(
            'Order of executions',
            [
              { value: 'newest', label: 'Newest first', description: 'the API default' },
              { value: 'oldest', label: 'Oldest first', description: 'sends ReverseOrder=true' },
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
    { label: '$LATEST', description: 'the unpublished version', value: '$LATEST' },
    { label: '$LATEST.PUBLISHED', description: 'the latest published version', value: '$LATEST.PUBLISHED' },
    { label: '$(edit) Enter a version or alias…', description: '', value: 'enter' },
    ...(current ? [{ label: '$(close) Remove this filter', description: 'every version', value: 'clear' }] : []),
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: 'Only executions of qualifier', placeHolder: current ? `Current: ${current}` : undefined });
  if (!chosen) {
    return undefined;
  }
  if (chosen.value === 'clear') {
    return clearValue;
  }
  if (chosen.value !== 'enter') {
    return chosen.value;
  }
  return promptText('Only executions of qualifier', 'A version number or alias (letters, digits, -, _ and $; up to 128).', validateQualifier, current ?? '');
}

/** The functions the view has loaded (durable first), or a typed name, partial ARN or ARN. */
function pickFunction(functions: readonly FunctionConfiguration[], current: string | undefined): Promise<PromptResult<string>> {
  const sorted = [...functions]
    .filter((fn) => fn.FunctionName)
    .sort((a, b) => Number(b.DurableConfig !== undefined) - Number(a.DurableConfig !== undefined));
  return pickOrType({
    title: 'Show only the executions of function',
    placeholder: 'Pick a loaded function, or type a function name, partial ARN or ARN',
    validate: validateFunctionInput,
    current,
    clearLabel: 'All functions',
    choices: () => sorted.map((fn) => ({ value: fn.FunctionName!, description: functionDescription(fn) })),
  });
}
