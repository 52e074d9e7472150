import * as vscode from 'vscode';
import { Command, extensionId } from '../constants';
import { connectionKey } from '../aws/connections';
import type { Connection } from '../aws/session';
import { itemNode, optional, selection, text } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { isItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import { log } from '../util/log';
import { forNotification, forPrompt } from '../util/plainText';
import type { ServiceView } from '../tree/viewRegistry';
import { lazy } from '../util/lazy';
import type { LinkServices } from './openers';
import type * as ArnOpening from './arnOpening.lazy';
import { arnOfLink, linkFor, openableArnProblem, openableArnRule, parseOpenableArn, type OpenableArn } from './openableArn';

/** Open ARN…, the `…/open?arn=` URI handler and Copy Link. Returns the handler so tests can call it. */
export function registerLinks(context: vscode.ExtensionContext, services: LinkServices): vscode.UriHandler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const opening = lazy(() => require('./arnOpening.lazy') as typeof ArnOpening);
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
      return input === undefined || input.trim() === '' ? false : opening().openArn(services, input);
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
      await opening().openArn(services, arn);
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
