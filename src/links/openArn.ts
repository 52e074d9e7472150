import * as vscode from 'vscode';
import { Command, extensionId } from '../constants';
import { connectionKey, type ConnectionStore } from '../aws/connections';
import { describeError } from '../aws/errors';
import type { AccountIds } from '../aws/identity';
import type { AwsSession, Connection } from '../aws/session';
import { itemNode, optional, selection, text } from '../commands/commandArgs';
import { registerCommand, reportError } from '../commands/registerCommand';
import { isItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import { log } from '../util/log';
import { forNotification, forPrompt } from '../util/plainText';
import type { ServiceView } from '../tree/viewRegistry';
import type { DetailPanels } from '../webview/detailPanel';
import { arnOfLink, linkFor, openableArnProblem, openableArnRule, parseOpenableArn, type OpenableArn, type OpenableKind } from './openableArn';

/**
 * Opens one kind of ARN with a connection: a details panel, or the item revealed in its view. `shown` is
 * false when the connection is not one the views show (then a reveal says how to add it). Openers only
 * read: a link or a pasted ARN never starts an action.
 */
export type ArnOpener = (target: OpenableArn, connection: Connection, shown: boolean) => Promise<void>;

/** The openers each service registers for its ARN kinds (no service code here). */
export class ArnOpeners {
  private readonly openers = new Map<OpenableKind, ArnOpener>();

  register(kind: OpenableKind, opener: ArnOpener): void {
    this.openers.set(kind, opener);
  }

  get(kind: OpenableKind): ArnOpener | undefined {
    return this.openers.get(kind);
  }
}

interface LinkServices {
  readonly session: AwsSession;
  readonly connections: ConnectionStore;
  readonly accounts: AccountIds;
  readonly panels: DetailPanels;
  readonly openers: ArnOpeners;
}

/** Open ARN…, the `…/open?arn=` URI handler and Copy Link. Returns the handler so tests can call it. */
export function registerLinks(context: vscode.ExtensionContext, services: LinkServices): vscode.UriHandler {
  registerCommand(
    context,
    Command.openArn,
    async (given?: string | null): Promise<boolean> => {
      const input =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Open ARN'),
              prompt: forPrompt(openableArnRule()),
              placeHolder: vscode.l10n.t('For example {0}', 'arn:aws:lambda:us-east-1:123456789012:function:orders'),
              ignoreFocusOut: true,
              // Refused as typed: nothing is sent for text that is not such an ARN.
              validateInput: (value) => (value.trim() === '' ? undefined : openableArnProblem(value)),
            });
      return input === undefined || input.trim() === '' ? false : openArn(services, input);
    },
    { args: [optional(text)] },
  );

  const handler: vscode.UriHandler = {
    handleUri: async (uri: vscode.Uri): Promise<void> => {
      const arn = arnOfLink(uri, extensionId);
      if (typeof arn !== 'string') {
        log().warn('a link was refused: not an …/open?arn= link');
        void vscode.window.showErrorMessage(forNotification(arn.problem));
        return;
      }
      await openArn(services, arn);
    },
  };
  context.subscriptions.push(vscode.window.registerUriHandler(handler));

  registerCommand(
    context,
    Command.copyLink,
    async (node?: TreeNode | null): Promise<boolean> => {
      const arn = node && isItemNode(node) ? (node.link ?? node.arn) : services.panels.activeKey();
      const target = arn === undefined ? undefined : parseOpenableArn(arn);
      if (!target || 'problem' in target) {
        void vscode.window.showInformationMessage(
          forNotification(vscode.l10n.t('Select a backup, cluster, backtrack, function or execution, or open its details, to copy a link to it.')),
        );
        return false;
      }
      await vscode.env.clipboard.writeText(linkFor(vscode.env.uriScheme, extensionId, target.text));
      vscode.window.setStatusBarMessage(`$(link) ${vscode.l10n.t('Copied a link')}`, 3000);
      return true;
    },
    { args: [optional(itemNode), optional(selection)] },
  );
  return handler;
}

/**
 * Opens `input` (refused before any request unless it parses) with the connection of its region and
 * account; with none, the session's profile in the ARN's region, after checking its account.
 */
export async function openArn(services: LinkServices, input: string): Promise<boolean> {
  const target = parseOpenableArn(input);
  if ('problem' in target) {
    void vscode.window.showErrorMessage(forNotification(target.problem));
    return false;
  }
  const opener = services.openers.get(target.kind);
  if (!opener) {
    return false;
  }
  const accountOf = (connection: Connection): Promise<string | undefined> => services.accounts.of(connection).catch(() => undefined);
  const candidates = services.connections.all().filter((c) => c.region === target.region);
  const accounts = await Promise.all(candidates.map(accountOf));
  const matching = candidates.find((_, i) => accounts[i] === target.account);
  if (matching) {
    return run(opener, target, matching, true);
  }
  const fallback: Connection = { ...services.session.current, region: target.region };
  let account: string;
  try {
    account = await services.accounts.of(fallback);
  } catch (error) {
    const info = describeError(error, { action: 'sts:GetCallerIdentity', profile: fallback.profile, region: fallback.region });
    void vscode.window.showErrorMessage(forNotification(`${info.message} ${info.hint}`.trim()));
    return false;
  }
  if (account !== target.account) {
    // Said before any request of the service: AWS would answer with AccessDenied or "not found".
    void vscode.window.showErrorMessage(
      forNotification(
        vscode.l10n.t(
          'This ARN is in account {0}, but profile {1} signs in to account {2}. Add a connection with a profile of account {0} (Add Connection…) and open it again.',
          target.account,
          fallback.profile,
          account,
        ),
      ),
    );
    return false;
  }
  const shown = services.connections.all().some((c) => connectionKey(c) === connectionKey(fallback));
  void vscode.window.showInformationMessage(
    forNotification(vscode.l10n.t('No connection of account {0} in {1}: opened with profile {2} in {1}.', target.account, target.region, fallback.profile)),
  );
  return run(opener, target, fallback, shown);
}

/** A failure (not found, access denied) is a message with its next step, as for every command. */
async function run(opener: ArnOpener, target: OpenableArn, connection: Connection, shown: boolean): Promise<boolean> {
  try {
    await opener(target, connection, shown);
    return true;
  } catch (error) {
    reportError(error, vscode.l10n.t('the request'), connection.profile);
    return false;
  }
}

/**
 * Shows the item of `target` in `view`: the view gets focus, the connection's root list its first page (the
 * caller set a filter naming the item), and the item's row is revealed and selected.
 */
export async function revealItem(view: ServiceView, target: OpenableArn, connection: Connection, shown: boolean): Promise<boolean> {
  if (!shown) {
    void vscode.window.showInformationMessage(
      forNotification(
        vscode.l10n.t(
          'The views do not show profile {0} in {1}. Add Connection… with that profile and region to see {2} there.',
          connection.profile,
          target.region,
          target.name,
        ),
      ),
    );
    return false;
  }
  await vscode.commands.executeCommand(`${view.provider.viewId}.focus`);
  const key = connectionKey(connection);
  const list = view.provider.rootLists().find((l) => connectionKey(l.connection) === key);
  await list?.getChildren();
  const node = list?.itemNodes.find((n) => n.arn === target.arn);
  if (!node) {
    return false;
  }
  await view.provider.treeView.reveal(node, { select: true, focus: true });
  return true;
}
