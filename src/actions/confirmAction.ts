import * as vscode from 'vscode';
import type { AccountIds } from '../aws/identity';
import type { Connection } from '../aws/session';
import { configuredEndpoints, undecidedWorkspaceValues } from '../aws/settings';
import type { ClientKey } from '../aws/clientTable';
import { forNotification } from '../util/plainText';
import { formatCliCommands, type CliCommand } from './cliCommand';

/** Everything a confirmation says about one action that changes AWS. Texts are plain; data is neutralised here. */
export interface ActionPlan {
  /** The question, e.g. "Delete 3 backups?". */
  readonly title: string;
  /** What exactly will happen, one line each (plain text; may hold names from AWS). */
  readonly details: readonly string[];
  /** The resources acted on (names or ARNs), listed under the question. */
  readonly resources: readonly string[];
  /** The button that goes ahead, e.g. "Delete". */
  readonly confirmLabel: string;
  /** The equivalent AWS CLI command(s), copied by the confirmation's "Copy as AWS CLI Command". */
  readonly cli: readonly CliCommand[];
  /** The client whose endpoint the CLI command needs (`--endpoint-url` when it is not AWS's own). */
  readonly client: ClientKey;
  /** Irreversible or disruptive actions: the user types this text (the resource name) before anything is sent. */
  readonly typeToConfirm?: string | undefined;
}

/** What a confirmation is shown (and what tests' answer hook receives). */
export interface ConfirmationRequest extends ActionPlan {
  readonly connection: Connection;
  /** The 12-digit account id, or undefined when STS could not tell (the modal then says so). */
  readonly accountId: string | undefined;
  /** The CLI text "Copy as AWS CLI Command" copies. */
  readonly cliText: string;
}

export interface ConfirmDeps {
  readonly accounts: AccountIds;
  /** Test harness only (AWS_HISTORY_TEST=1): when set, answers instead of the modal and the typed-name box. */
  readonly hooks?: { readonly answerConfirmation?: ((request: ConfirmationRequest) => Promise<boolean>) | undefined } | undefined;
}

/**
 * Actions change AWS, so they are off in Restricted Mode and while a workspace setting that chooses the
 * endpoint, profile or region waits for approval (the connection may not be the one the workspace means),
 * however they are invoked. Returns the refusal shown to the user, or undefined when the action may run.
 */
export function actionRefusal(action: string): string | undefined {
  if (!vscode.workspace.isTrusted) {
    return vscode.l10n.t('{0} is off in Restricted Mode. Trust this workspace to use actions that change AWS.', action);
  }
  const waiting = undecidedWorkspaceValues();
  if (waiting.length > 0) {
    return vscode.l10n.t(
      "{0} is off while this workspace's setting awsHistory.{1} waits for your approval. Use or ignore it first (AWS History: Reset Approved Workspace Settings asks again).",
      action,
      waiting[0]?.key ?? '',
    );
  }
  return undefined;
}

/** Shows the refusal and returns true when the action may not run. */
export function refuseAction(action: string): boolean {
  const refusal = actionRefusal(action);
  if (refusal) {
    void vscode.window.showWarningMessage(forNotification(refusal));
  }
  return refusal !== undefined;
}

/**
 * Actions run on the current connection (the one the status bar names): a row or panel of another connection
 * of the view is refused with the way to act on it, so nothing is ever sent where the user did not look.
 * Returns true (and says why) when `connection` is not the current one.
 */
export function refuseOtherConnection(connection: Connection, current: Connection): boolean {
  if (connection.profile === current.profile && connection.region === current.region && connection.endpoints === current.endpoints) {
    return false;
  }
  void vscode.window.showWarningMessage(
    forNotification(
      vscode.l10n.t(
        'Actions run on the current connection ({0} @ {1}). To act on this item of {2} @ {3}, select that profile and region first.',
        current.profile,
        current.region ?? vscode.l10n.t('none'),
        connection.profile,
        connection.region ?? vscode.l10n.t('none'),
      ),
    ),
  );
  return true;
}

/** The CLI text of a plan for a connection, with `--endpoint-url` when the client's endpoint is not AWS's own. */
export function cliTextOf(plan: Pick<ActionPlan, 'cli' | 'client'>, connection: Connection): string {
  const endpoint = configuredEndpoints()[plan.client] || undefined;
  return formatCliCommands(plan.cli, () => ({ connection, endpoint }));
}

export async function copyCliText(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the AWS CLI command'), 4000);
}
