import * as vscode from 'vscode';
import { copyCliText, cliTextOf } from '../actions/confirmAction';
import { optional, oneOf, pagedList, record, selection, treeNode, type ArgumentRule } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { Command } from '../constants';
import type { FeatureContext } from '../feature';
import type { AnyPagedChildren } from '../tree/pagedChildren';
import type { TreeNode } from '../tree/treeNode';
import { formatNumber } from '../shared/format';
import { forNotification } from '../util/plainText';
import { listCommand } from './cliList';
import { resolveList } from './listTarget';

/** Where a part-way list's command starts: at the list's start, or at the page after the last one loaded. */
export type CliStart = 'start' | 'next';

const startArgument: ArgumentRule = record('{ "from": "start" | "next" }', {
  from: { what: '"start" or "next"', accepts: (value) => value === 'start' || value === 'next' },
});

/**
 * Copy as AWS CLI Command: for a list (view title, a cluster's or function's row, or a list given), the
 * command that lists what it shows, with its filters; for the details panel that is the active editor
 * (palette), the describe/get command of its item. Region, profile and a custom endpoint are added.
 */
export function registerCopyAsCliCommand(ctx: FeatureContext): void {
  registerCommand(
    ctx.extension,
    Command.copyAsCliCommand,
    async (target?: AnyPagedChildren | TreeNode | { from: CliStart } | null, second?: TreeNode[] | { from: CliStart }): Promise<string | undefined> => {
      const options = [target, second].find((a): a is { from: CliStart } => typeof a === 'object' && a !== null && 'from' in a);
      const given = target && !('from' in target) ? target : undefined;
      const panel = given ? undefined : ctx.panels.activePanel();
      if (panel) {
        const cli = panel.cli();
        if (panel.frozen || !cli) {
          void vscode.window.showWarningMessage(
            forNotification(vscode.l10n.t('This panel shows an item of the previous AWS connection; open it again from a view to copy its command.')),
          );
          return undefined;
        }
        return copy(cliTextOf({ cli: [cli.command], client: cli.client }, cli.connection ?? ctx.session.current));
      }
      const list = await resolveList(ctx.views, given, (l) => l.cli() !== undefined, vscode.l10n.t('Copy the AWS CLI command of…'));
      const cli = list?.cli();
      if (!list || !cli) {
        return undefined;
      }
      const from = options?.from ?? (list.loadedCount > 0 && list.nextToken ? await pickStart(list) : 'start');
      if (!from) {
        return undefined;
      }
      const token = from === 'next' ? list.nextToken : list.startToken;
      // The list's own connection: a root of an added connection lists with that profile and region.
      return copy(cliTextOf({ cli: [listCommand(cli, token)], client: cli.client }, list.connection));
    },
    { args: [optional(oneOf(pagedList, treeNode, startArgument)), optional(oneOf(selection, startArgument))] },
  );
}

async function copy(text: string): Promise<string> {
  await copyCliText(text);
  return text;
}

/** A list loaded part-way: the command can list it all again, or go on where the list stopped. */
async function pickStart(list: AnyPagedChildren): Promise<CliStart | undefined> {
  const chosen = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('From where the list stopped'),
        description: vscode.l10n.t('--starting-token of the next page, after the {0} loaded', formatNumber(list.loadedCount)),
        from: 'next' as const,
      },
      {
        label: vscode.l10n.t('The whole list'),
        description: list.startToken ? vscode.l10n.t('from the token the list was resumed from') : vscode.l10n.t('from the first page'),
        from: 'start' as const,
      },
    ],
    { title: vscode.l10n.t('Copy as AWS CLI Command') },
  );
  return chosen?.from;
}
