import * as vscode from 'vscode';
import type { CommandId } from '../constants';
import { Command } from '../constants';
import { describeError } from '../aws/errors';
import { log } from '../util/log';
import { forNotification } from '../util/plainText';
import { argumentProblem, type ArgumentRule } from './commandArgs';

export type Handler = (...args: never[]) => unknown;

export interface CommandOptions {
  /** The IAM action an access-denied failure names. */
  readonly iamAction?: string;
  /** What each argument may be (commandArgs.ts); anything else, or more arguments, is refused. Default: none. */
  readonly args?: readonly ArgumentRule[];
}

/**
 * Registers a command behind the one wrapper: arguments that break `options.args` are refused with a
 * message before the handler runs (so nothing is sent), and failures become a readable message with the
 * right next step, logged without any request data.
 */
export function registerCommand(context: vscode.ExtensionContext, id: CommandId, handler: Handler, options: CommandOptions = {}): void {
  const rules = options.args ?? [];
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      const problem = argumentProblem(args, rules);
      if (problem) {
        log().warn(`${id} refused: ${problem}`);
        void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Command {0} not run: {1}', id, problem)));
        return undefined;
      }
      try {
        return await (handler as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        reportError(error, options.iamAction ?? 'the request');
        return undefined;
      }
    }),
  );
}

/**
 * Commands whose handlers live in a lazy chunk (src/util/lazy.ts): each is registered now with its rules, as
 * `registerCommand` does, and `handlers` loads the chunk at the first run of any of them.
 */
export function registerLazyCommands<Id extends CommandId>(
  context: vscode.ExtensionContext,
  handlers: () => Readonly<Record<Id, Handler>>,
  options: Readonly<Record<Id, CommandOptions>>,
): void {
  for (const id of Object.keys(options) as Id[]) {
    registerCommand(context, id, (...args: never[]) => handlers()[id](...args), options[id]);
  }
}

/** Not awaited by callers: a command must finish even while its message stays open. */
export function reportError(error: unknown, iamAction: string, profile = ''): void {
  const info = describeError(error, { action: iamAction, profile: profile || vscode.l10n.t('current') });
  if (info.kind === 'cancelled') {
    return;
  }
  log().error(`${info.code}: ${info.message}`);
  const selectProfile = vscode.l10n.t('Select Profile');
  const showLog = vscode.l10n.t('Show Log');
  const actions = info.kind === 'credentials' ? [selectProfile, showLog] : [showLog];
  void vscode.window.showErrorMessage(forNotification(`${info.message} ${info.hint}`.trim()), ...actions).then((choice) => {
    if (choice === selectProfile) {
      void vscode.commands.executeCommand(Command.selectProfile);
    } else if (choice === showLog) {
      log().show(true);
    }
  });
}
