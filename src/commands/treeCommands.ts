import * as vscode from 'vscode';
import { Command, type CommandId } from '../constants';
import type { ViewRegistry } from '../tree/viewRegistry';
import { PagedChildren, type AnyPagedChildren, type ListErrorRow, type ListLoadMoreRow } from '../tree/pagedChildren';
import { ErrorRow, LoadMoreRow, MessageRow } from '../tree/statusRows';
import type { ItemNode, TreeNode } from '../tree/treeNode';
import { instanceOf, itemNode, number, oneOf, optional, pagedList, record, selection, text, titleBarArgument, treeNode } from './commandArgs';
import { registerCommand } from './registerCommand';
import { lazy } from '../util/lazy';
import type * as TreeActions from './treeActions.lazy';

/** `{ "count": 500 }`: a keybinding's `args` for Load Up to N More. */
const countArgument = record('{ "count": N }', { count: number });
/** `{ "token": "…" }`: a keybinding's `args` for Resume Listing from Token. */
const tokenArgument = record('{ "token": "…" }', { token: text });

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
const run = lazy(() => require('./treeActions.lazy') as typeof TreeActions);

/** Commands every view shares: paging, refresh, filters, copy, open. None knows a service. */
export function registerTreeCommands(context: vscode.ExtensionContext, views: ViewRegistry): void {
  registerCommand(context, Command.loadMore, (row: ListLoadMoreRow) => row.list.loadMore(), { args: [instanceOf('a "Load more" row', LoadMoreRow)] });
  registerCommand(context, Command.retry, (row: ListErrorRow) => (row.error.kind === 'staleToken' ? row.list.reset() : row.list.retry()), {
    args: [instanceOf('an error row', ErrorRow), optional(selection)],
  });
  registerCommand(
    context,
    Command.loadUpTo,
    (target?: ListLoadMoreRow | AnyPagedChildren | { count: number } | null, count?: number | TreeNode[]) =>
      target instanceof LoadMoreRow || target instanceof PagedChildren
        ? run().loadUpTo(views, target instanceof LoadMoreRow ? target.list : target, typeof count === 'number' ? count : undefined)
        : run().loadUpTo(views, undefined, target?.count),
    { args: [optional(oneOf(instanceOf('a "Load more" row', LoadMoreRow), pagedList, countArgument)), optional(oneOf(number, selection))] },
  );
  registerCommand(
    context,
    Command.copyNextToken,
    async (row: ListLoadMoreRow) => {
      const token = row.list.nextToken;
      if (token) {
        await vscode.env.clipboard.writeText(token);
        vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied the next-page token')}`, 3000);
      }
    },
    { args: [instanceOf('a "Load more" row', LoadMoreRow), optional(selection)] },
  );
  registerCommand(
    context,
    Command.resumeFromToken,
    (target?: AnyPagedChildren | TreeNode | { token: string } | null, token?: string) =>
      target instanceof PagedChildren
        ? run().resumeFromToken(views, target, token)
        : run().resumeFromToken(views, undefined, target && 'token' in target ? target.token : undefined),
    { args: [optional(oneOf(pagedList, treeNode, tokenArgument)), optional(text)] },
  );
  registerCommand(
    context,
    Command.refresh,
    (node?: TreeNode | null) => {
      const view = node ? views.viewOf(node) : views.activeView();
      if (view) {
        view.provider.refresh();
      } else {
        views.refreshAll();
      }
    },
    { args: [titleBarArgument, optional(selection)] },
  );
  registerCommand(
    context,
    Command.clearFilters,
    async (node?: TreeNode | null) => {
      const target = node instanceof MessageRow ? views.viewOf(node) : await run().pickFilteredView(views);
      await target?.filters.clear();
    },
    { args: [titleBarArgument, optional(selection)] },
  );
  registerCopyCommand(context, views, Command.copyArn, (n) => n.arn, { one: vscode.l10n.t('ARN'), many: vscode.l10n.t('ARNs') });
  registerCopyCommand(context, views, Command.copyName, (n) => n.name, { one: vscode.l10n.t('name'), many: vscode.l10n.t('names') });
  registerCommand(context, Command.openInConsole, (node: ItemNode<unknown>) => run().openInConsole(node), { args: [itemNode, optional(selection)] });
  registerCommand(
    context,
    Command.showDetails,
    async (node?: ItemNode<unknown> | null) => {
      const target = node ?? (await run().pickLoadedItem(views, vscode.l10n.t('Show details of…'), (n) => typeof n.showDetails === 'function'));
      await target?.showDetails?.();
    },
    { args: [optional(itemNode), optional(selection)] },
  );
}

/** A Copy … command: from a row (or VS Code's selection of rows), or from the palette with a picker of loaded rows. */
export function registerCopyCommand(
  context: vscode.ExtensionContext,
  views: ViewRegistry,
  id: CommandId,
  value: (node: ItemNode<unknown>) => string | undefined,
  /** What is copied, singular and plural, e.g. "ARN" and "ARNs" (already localised). */
  what: { readonly one: string; readonly many: string },
): void {
  registerCommand(context, id, (node?: TreeNode, selected?: TreeNode[]) => run().copyFromNodes(views, node, selected, value, what), {
    args: [optional(treeNode), optional(selection)],
  });
}
