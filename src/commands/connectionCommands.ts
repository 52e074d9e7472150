import * as vscode from 'vscode';
import { Command } from '../constants';
import type { ConnectionStore } from '../aws/connections';
import type { AwsSession } from '../aws/session';
import { customEndpoints } from '../aws/settings';
import { ConnectionNode } from '../tree/connectionScope';
import { lazy } from '../util/lazy';
import { log } from '../util/log';
import { forLabel } from '../util/plainText';
import { instanceOf, oneOf, optional, selection, text, textList, treeNode } from './commandArgs';
import type * as ConnectionActions from './connectionActions.lazy';
import { registerCommand, registerLazyCommands } from './registerCommand';

/** What VS Code passes after a clicked connection row when several rows are selected. */
const connectionRows = {
  what: 'the selected rows',
  accepts: (value: unknown) => Array.isArray(value) && value.every((v) => v instanceof ConnectionNode || treeNode.accepts(v)),
};

/**
 * Profile and region pickers, Add Connection… (a profile, then one or more regions), Remove Connection (a
 * connection row, or a pick of the added ones), plus the `profile @ region` status-bar item that opens them.
 */
export function registerConnectionCommands(context: vscode.ExtensionContext, session: AwsSession, connections: ConnectionStore): void {
  // From the view menu VS Code passes the focused row, from an error row's inline action that row: both mean "pick".
  const nameOrRow = [optional(oneOf(text, treeNode)), optional(selection)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const handlers = lazy(() => (require('./connectionActions.lazy') as typeof ConnectionActions).connectionActions(session, connections));
  registerLazyCommands(context, handlers, {
    [Command.selectProfile]: { args: nameOrRow },
    [Command.selectRegion]: { args: nameOrRow },
    [Command.pickConnection]: {},
    [Command.addConnection]: { args: [optional(text), optional(textList)] },
    [Command.removeConnection]: { args: [optional(oneOf(instanceOf('a connection row', ConnectionNode), text)), optional(connectionRows)] },
  });
  registerCommand(context, Command.showLog, () => log().show(true));

  const item = vscode.window.createStatusBarItem('awsHistory.connection', vscode.StatusBarAlignment.Left, 0);
  item.name = vscode.l10n.t('AWS History: profile and region');
  item.command = { command: Command.pickConnection, title: vscode.l10n.t('Change AWS profile or region') };
  const render = (): void => {
    const { profile, region } = session.current;
    const custom = Object.entries(customEndpoints());
    const all = connections.all();
    const connection =
      all.length > 1 ? vscode.l10n.t('{0} connections', all.length) : `${forLabel(profile)} @ ${forLabel(region ?? vscode.l10n.t('no region'))}`;
    // A plain-string tooltip is plain text: profile names show as written.
    const tooltip = [
      vscode.l10n.t('AWS History Explorer: click to change the AWS profile or region'),
      ...(all.length > 1 ? ['', ...all.map((c) => `${c.profile} @ ${c.region ?? vscode.l10n.t('no region')}`)] : []),
    ].join('\n');
    if (custom.length === 0) {
      item.text = `$(cloud) ${connection}`;
      item.tooltip = tooltip;
      item.backgroundColor = undefined;
    } else {
      // Requests signed with the user's credentials go somewhere that is not AWS: always visible.
      item.text = `$(warning) ${connection} ${vscode.l10n.t('(custom endpoint)')}`;
      // A plain-string tooltip is plain text: the URLs show as written, never as links.
      item.tooltip = [tooltip, '', vscode.l10n.t('Requests go to endpoints that are not AWS:'), ...custom.map(([service, url]) => `${service}: ${url}`)].join(
        '\n',
      );
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    item.show();
  };
  // Just after activation, not in it: the text reads the settings, whose first reads cost milliseconds.
  const first = setImmediate(render);
  context.subscriptions.push(item, connections.onDidChange(render), { dispose: () => clearImmediate(first) });
}
