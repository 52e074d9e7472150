import * as vscode from 'vscode';
import type { CommandId } from '../constants';
import { Command } from '../constants';
import { describeError } from '../aws/errors';
import { log } from '../util/log';

type Handler = (...args: never[]) => unknown;

/**
 * Registers a command behind the one error wrapper: failures become a readable message with the
 * right next step, and are logged without any request data.
 */
export function registerCommand(context: vscode.ExtensionContext, id: CommandId, handler: Handler, iamAction = vscode.l10n.t('the request')): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (handler as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        reportError(error, iamAction);
        return undefined;
      }
    }),
  );
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
  void vscode.window.showErrorMessage(`${info.message} ${info.hint}`.trim(), ...actions).then((choice) => {
    if (choice === selectProfile) {
      void vscode.commands.executeCommand(Command.selectProfile);
    } else if (choice === showLog) {
      log().show(true);
    }
  });
}
