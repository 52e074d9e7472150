import * as vscode from 'vscode';
import { forPrompt } from '../util/plainText';
import { parseDateInput } from './dateInput';

/**
 * An input box for a time an action needs (restore to a point in time, backtrack to): the date box's forms,
 * and `problemOf` the action's own rule for the time (inside its window), checked as the user types and again
 * on Enter. Undefined when cancelled.
 */
export async function askTime(options: {
  readonly title: string;
  readonly prompt: string;
  readonly value: string;
  readonly problemOf: (date: Date) => string | undefined;
}): Promise<Date | undefined> {
  const check = (input: string): string | undefined => {
    const parsed = parseDateInput(input);
    return parsed.ok ? options.problemOf(parsed.date) : parsed.message;
  };
  const typed = await vscode.window.showInputBox({
    title: options.title,
    prompt: forPrompt(options.prompt),
    value: options.value,
    ignoreFocusOut: true,
    validateInput: (input) => {
      const problem = check(input);
      return problem && forPrompt(problem);
    },
  });
  if (typed === undefined || check(typed)) {
    return undefined;
  }
  const parsed = parseDateInput(typed);
  return parsed.ok ? parsed.date : undefined;
}
