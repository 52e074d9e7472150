import { formatNumber } from '../shared/format';
import * as vscode from 'vscode';
import { Command, type CommandId } from '../constants';
import type { ViewRegistry, ServiceView } from '../tree/viewRegistry';
import { isConsoleUrl } from '../aws/console';
import { PagedChildren, type AnyPagedChildren, type ListErrorRow, type ListLoadMoreRow } from '../tree/pagedChildren';
import { ErrorRow, LoadMoreRow, MessageRow } from '../tree/statusRows';
import { hasArn, isItemNode } from '../tree/cachedItemNode';
import type { ItemNode, TreeNode } from '../tree/treeNode';
import { forLabel, forNotification } from '../util/plainText';
import { instanceOf, itemNode, number, oneOf, optional, pagedList, record, selection, text, titleBarArgument, treeNode } from './commandArgs';
import { registerCommand } from './registerCommand';

/** `{ "count": 500 }`: a keybinding's `args` for Load Up to N More. */
const countArgument = record('{ "count": N }', { count: number });
/** `{ "token": "…" }`: a keybinding's `args` for Resume Listing from Token. */
const tokenArgument = record('{ "token": "…" }', { token: text });

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
        ? loadUpTo(views, target instanceof LoadMoreRow ? target.list : target, typeof count === 'number' ? count : undefined)
        : loadUpTo(views, undefined, target?.count),
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
        ? resumeFromToken(views, target, token)
        : resumeFromToken(views, undefined, target && 'token' in target ? target.token : undefined),
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
      const target = node instanceof MessageRow ? views.viewOf(node) : await pickFilteredView(views);
      await target?.filters.clear();
    },
    { args: [titleBarArgument, optional(selection)] },
  );
  registerCopyCommand(context, views, Command.copyArn, (n) => n.arn, { one: vscode.l10n.t('ARN'), many: vscode.l10n.t('ARNs') });
  registerCopyCommand(context, views, Command.copyName, (n) => n.name, { one: vscode.l10n.t('name'), many: vscode.l10n.t('names') });
  registerCommand(context, Command.openInConsole, (node: ItemNode<unknown>) => openInConsole(node), { args: [itemNode, optional(selection)] });
  registerCommand(
    context,
    Command.showDetails,
    async (node?: ItemNode<unknown> | null) => {
      const target = node ?? (await pickLoadedItem(views, vscode.l10n.t('Show details of…'), (n) => typeof n.showDetails === 'function'));
      await target?.showDetails?.();
    },
    { args: [optional(itemNode), optional(selection)] },
  );
}

/** Opens only `https:` pages on the AWS console hosts (isConsoleUrl); anything else is refused with a message. */
async function openInConsole(node: ItemNode<unknown>): Promise<void> {
  const url = node.consoleUrl?.();
  if (!url || !isConsoleUrl(url)) {
    void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Not opened: this row has no AWS Console page for the current region.')));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url.toString(), true));
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
  registerCommand(context, id, (node?: TreeNode, selected?: TreeNode[]) => copyFromNodes(views, node, selected, value, what), {
    args: [optional(treeNode), optional(selection)],
  });
}

/**
 * Copies one value per node, one per line. With a multi-selection VS Code passes the clicked node and
 * the whole selection; from the palette there is no node, so offer the loaded items.
 */
async function copyFromNodes(
  views: ViewRegistry,
  node: TreeNode | undefined,
  selection: readonly TreeNode[] | undefined,
  value: (node: ItemNode<unknown>) => string | undefined,
  /** What is copied, singular and plural, e.g. "ARN" and "ARNs" (already localised). */
  what: { readonly one: string; readonly many: string },
): Promise<string[]> {
  let nodes: readonly unknown[] = selection && selection.length > 0 ? selection : node ? [node] : [];
  if (nodes.length === 0) {
    nodes = await pickLoadedItems(views, vscode.l10n.t('Copy {0} of…', what.one), (n) => value(n) !== undefined);
  }
  const values = nodes
    .filter(isItemNode)
    .map(value)
    .filter((v): v is string => Boolean(v));
  if (values.length > 0) {
    await vscode.env.clipboard.writeText(values.join('\n'));
    const copied = values.length === 1 ? vscode.l10n.t('Copied 1 {0}', what.one) : vscode.l10n.t('Copied {0} {1}', formatNumber(values.length), what.many);
    vscode.window.setStatusBarMessage(`$(check) ${copied}`, 3000);
  }
  return values;
}

interface NodePick extends vscode.QuickPickItem {
  node: ItemNode<unknown>;
}

function loadedItemPicks(views: ViewRegistry, accept: (node: ItemNode<unknown>) => boolean): NodePick[] {
  const picks: NodePick[] = [];
  for (const view of views.all()) {
    for (const list of view.provider.loadedLists()) {
      for (const node of list.itemNodes as ItemNode<unknown>[]) {
        if (accept(node)) {
          const { label, description, detail } = node.pickLabel ?? { label: node.name ?? node.id };
          picks.push({ label: forLabel(label), description: description && forLabel(description), detail: detail && forLabel(detail), node });
        }
      }
    }
  }
  return picks;
}

async function pickLoadedItems(views: ViewRegistry, title: string, accept: (node: ItemNode<unknown>) => boolean): Promise<ItemNode<unknown>[]> {
  const picks = loadedItemPicks(views, (n) => hasArn(n) && accept(n));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(forNotification(vscode.l10n.t('Nothing is loaded yet: expand a view first.')));
    return [];
  }
  const chosen = await vscode.window.showQuickPick(picks, { title, canPickMany: true, matchOnDescription: true, matchOnDetail: true });
  return chosen?.map((p) => p.node) ?? [];
}

async function pickLoadedItem(views: ViewRegistry, title: string, accept: (node: ItemNode<unknown>) => boolean): Promise<ItemNode<unknown> | undefined> {
  const picks = loadedItemPicks(views, accept);
  const chosen = await vscode.window.showQuickPick(picks, { title, matchOnDescription: true, matchOnDetail: true });
  return chosen?.node;
}

async function pickFilteredView(views: ViewRegistry): Promise<ServiceView | undefined> {
  const filtered = views.all().filter((v) => v.filters.active);
  const active = views.activeView();
  if (active && filtered.includes(active)) {
    return active;
  }
  if (filtered.length <= 1) {
    return filtered[0];
  }
  const chosen = await vscode.window.showQuickPick(
    filtered.map((view) => ({ label: view.provider.title, description: forLabel(view.filters.describe()), view })),
    { title: vscode.l10n.t('Clear the filters of…') },
  );
  return chosen?.view;
}

async function pickList(views: ViewRegistry, title: string): Promise<AnyPagedChildren | undefined> {
  const lists = views.all().flatMap((view) => (view.provider.loadedLists().length > 0 ? view.provider.loadedLists() : [view.provider.root]));
  const active = views.activeView();
  const ordered = active ? [...active.provider.loadedLists(), ...lists.filter((l) => !active.provider.contains(l))] : lists;
  const chosen = await vscode.window.showQuickPick(
    ordered.map((list) => ({ label: forLabel(list.title), description: vscode.l10n.t('{0} loaded', formatNumber(list.loadedCount)), list })),
    { title },
  );
  return chosen?.list;
}

/** `count` skips the input box (keybindings, scripts, tests); it is checked by the same rule. */
async function loadUpTo(views: ViewRegistry, list: AnyPagedChildren | undefined, given?: number): Promise<void> {
  const target = list ?? (await pickList(views, vscode.l10n.t('Load more items into…')));
  if (!target || (target.isLoaded && !target.nextToken)) {
    return;
  }
  const answer =
    given !== undefined
      ? String(given)
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Load up to N more {0}', target.noun),
          prompt: vscode.l10n.t('How many more items to load (boto3 MaxItems). Pages are requested one after another; you can cancel.'),
          value: '500',
          validateInput: (text) => (validateCount(text) === undefined ? countRule() : undefined),
        });
  const count = answer === undefined ? undefined : validateCount(answer);
  if (count === undefined) {
    if (given !== undefined) {
      // The box refuses bad counts as they are typed; an argument (keybinding, script) is told the same rule.
      void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Nothing loaded: {0}', countRule())));
    }
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading up to {0} {1}', formatNumber(count), target.noun), cancellable: true },
    async (progress, token) => {
      let last = 0;
      const { loaded, stopped } = await target.loadUpTo(
        count,
        (n) => {
          progress.report({ message: vscode.l10n.t('{0} of {1}', formatNumber(n), formatNumber(count)), increment: ((n - last) / count) * 100 });
          last = n;
        },
        () => token.isCancellationRequested,
      );
      if (stopped) {
        void vscode.window.showWarningMessage(
          forNotification(vscode.l10n.t('Stopped loading {0} after {1}: {2}. Nothing more is requested for the old list.', target.noun, loaded, stopped)),
        );
      } else {
        vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Loaded {0} more {1}', formatNumber(loaded), target.noun)}`, 4000);
      }
    },
  );
}

const countRule = (): string => vscode.l10n.t('Enter a whole number from 1 to {0}.', 100_000);

function validateCount(text: string): number | undefined {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= 1 && n <= 100_000 ? n : undefined;
}

async function resumeFromToken(views: ViewRegistry, list?: AnyPagedChildren, token?: string): Promise<void> {
  const target = list ?? (await pickList(views, vscode.l10n.t('Resume which list from a page token?')));
  if (!target) {
    return;
  }
  const value =
    token ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Resume {0} from a page token', target.title),
      prompt: vscode.l10n.t('Paste a next-page token (boto3 StartingToken), e.g. one copied with "Copy Next-Page Token".'),
      ignoreFocusOut: true,
      validateInput: validateToken,
    }));
  if (value === undefined) {
    return;
  }
  const problem = validateToken(value);
  if (problem) {
    if (token !== undefined) {
      // The box refuses bad tokens as they are typed; an argument (keybinding, script) is told why.
      void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Token not used: {0}', problem)));
    }
    return;
  }
  target.reset(value.trim());
  const view = views.viewOf(target);
  if (view && target.owner === undefined) {
    await vscode.commands.executeCommand(`${view.provider.viewId}.focus`);
  }
}

export function validateToken(text: string): string | undefined {
  const value = text.trim();
  if (value === '') {
    return vscode.l10n.t('Paste a page token.');
  }
  if (value.length > 4096) {
    // Limits are written as they are typed (no grouping): the box takes digits only.
    return vscode.l10n.t('A page token is at most {0} characters.', 4096);
  }
  if (/\s/.test(value)) {
    return vscode.l10n.t('A page token has no spaces or line breaks.');
  }
  return undefined;
}
