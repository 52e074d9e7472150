import * as vscode from 'vscode';
import { Command } from '../constants';
import { ignoredWorkspaceValues } from '../aws/settings';
import { ignoredValuesMessage, type WorkspaceSettingApprovals } from '../aws/workspaceApprovals';
import type { FeatureContext } from '../feature';
import { registerCommand } from './registerCommand';

/**
 * Approval of workspace values of profile, region and endpoints: asks once the views are registered,
 * reloads the connection when a value comes into use, and keeps each view's message saying what is ignored.
 */
export function registerWorkspaceApprovals(ctx: FeatureContext, approvals: WorkspaceSettingApprovals): void {
  const showIgnored = (): void => ctx.views.setMessage('ignoredWorkspaceSettings', ignoredValuesMessage(ignoredWorkspaceValues()));
  ctx.extension.subscriptions.push(
    approvals,
    approvals.onDidChange(() => ctx.session.reload()),
    ctx.session.onDidChange(showIgnored),
    vscode.workspace.onDidChangeConfiguration(showIgnored),
  );
  registerCommand(ctx.extension, Command.resetWorkspaceSettingApprovals, () => approvals.reset());
  // Just after activation, not in it (reading the settings' layers costs milliseconds the first time).
  const first = setImmediate(() => {
    showIgnored();
    void approvals.review();
  });
  ctx.extension.subscriptions.push({ dispose: () => clearImmediate(first) });
}
