import * as vscode from 'vscode';
import { forNotification } from '../util/plainText';

/**
 * Actions change AWS, so they are off in Restricted Mode however they are invoked (package.json hides
 * their menu entries too; a keybinding or another extension can still call the command). True = refused.
 */
export function refusedInRestrictedMode(action: string): boolean {
  if (vscode.workspace.isTrusted) {
    return false;
  }
  void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('{0} is off in Restricted Mode. Trust this workspace to use actions that change AWS.', action)));
  return true;
}
