import * as vscode from 'vscode';
import type { FilterStore } from '../filters/filterStore';
import { clearValue, promptText, type PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import type { FunctionConfiguration } from './api';
import { functionDescription } from './executionFormat';
import type { ExecutionFilters } from './filters';
import { validateFunctionInput, validateQualifier } from './validation';

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
  await store.showMenu({
    function: (current) => pickFunction(loadedFunctions(), current),
    qualifier: (current) => pickQualifier(current),
  });
  return true;
}

async function pickQualifier(current: string | undefined): Promise<PromptResult<string>> {
  const items = [
    { label: '$LATEST', description: vscode.l10n.t('the unpublished version'), value: '$LATEST' },
    { label: '$LATEST.PUBLISHED', description: vscode.l10n.t('the latest published version'), value: '$LATEST.PUBLISHED' },
    { label: `$(edit) ${vscode.l10n.t('Enter a version or alias…')}`, description: '', value: 'enter' },
    ...(current ? [{ label: `$(close) ${vscode.l10n.t('Remove this filter')}`, description: vscode.l10n.t('every version'), value: 'clear' }] : []),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Only executions of qualifier'),
    placeHolder: current ? vscode.l10n.t('Current: {0}', current) : undefined,
  });
  if (!chosen) {
    return undefined;
  }
  if (chosen.value === 'clear') {
    return clearValue;
  }
  if (chosen.value !== 'enter') {
    return chosen.value;
  }
  return promptText(
    vscode.l10n.t('Only executions of qualifier'),
    vscode.l10n.t('A version number or alias (letters, digits, -, _ and $; up to 128).'),
    validateQualifier,
    current ?? '',
  );
}

/** The functions the view has loaded (durable first), or a typed name, partial ARN or ARN. */
function pickFunction(functions: readonly FunctionConfiguration[], current: string | undefined): Promise<PromptResult<string>> {
  const sorted = [...functions].filter((fn) => fn.FunctionName).sort((a, b) => Number(b.DurableConfig !== undefined) - Number(a.DurableConfig !== undefined));
  return pickOrType({
    title: vscode.l10n.t('Show only the executions of function'),
    placeholder: vscode.l10n.t('Pick a loaded function, or type a function name, partial ARN or ARN'),
    validate: validateFunctionInput,
    current,
    clearLabel: vscode.l10n.t('All functions'),
    choices: () => sorted.map((fn) => ({ value: fn.FunctionName!, description: functionDescription(fn) })),
  });
}
