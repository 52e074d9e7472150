/** What the shared tree commands do (a lazy chunk: treeCommands.ts registers them, this loads at the first run). */
import { formatNumber } from '../shared/format';
import * as vscode from 'vscode';
import type { ViewRegistry, ServiceView } from '../tree/viewRegistry';
import { isConsoleUrl } from '../aws/console';
import type { AnyPagedChildren } from '../tree/pagedChildren';
import { hasArn, isItemNode } from '../tree/cachedItemNode';
import type { ItemNode, TreeNode } from '../tree/treeNode';
import { forLabel, forNotification } from '../util/plainText';

/** Opens only `https:` pages on the AWS console hosts (isConsoleUrl); anything else is refused with a message. */
export async function openInConsole(node: ItemNode<unknown>): Promise<void> {
  const url = node.consoleUrl?.();
  if (!url || !isConsoleUrl(url)) {
    void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Not opened: this row has no AWS Console page for the current region.')));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url.toString(), true));
}

/**
 * Copies one value per node, one per line. With a multi-selection VS Code passes the clicked node and
 * the whole selection; from the palette there is no node, so offer the loaded items.
 */
export async function copyFromNodes(
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

export function loadedItemPicks(views: ViewRegistry, accept: (node: ItemNode<unknown>) => boolean): NodePick[] {
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

export async function pickLoadedItems(views: ViewRegistry, title: string, accept: (node: ItemNode<unknown>) => boolean): Promise<ItemNode<unknown>[]> {
  const picks = loadedItemPicks(views, (n) => hasArn(n) && accept(n));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(forNotification(vscode.l10n.t('Nothing is loaded yet: expand a view first.')));
    return [];
  }
  const chosen = await vscode.window.showQuickPick(picks, { title, canPickMany: true, matchOnDescription: true, matchOnDetail: true });
  return chosen?.map((p) => p.node) ?? [];
}

export async function pickLoadedItem(views: ViewRegistry, title: string, accept: (node: ItemNode<unknown>) => boolean): Promise<ItemNode<unknown> | undefined> {
  const picks = loadedItemPicks(views, accept);
  const chosen = await vscode.window.showQuickPick(picks, { title, matchOnDescription: true, matchOnDetail: true });
  return chosen?.node;
}

export async function pickFilteredView(views: ViewRegistry): Promise<ServiceView | undefined> {
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

export async function pickList(views: ViewRegistry, title: string): Promise<AnyPagedChildren | undefined> {
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
export async function loadUpTo(views: ViewRegistry, list: AnyPagedChildren | undefined, given?: number): Promise<void> {
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

export async function resumeFromToken(views: ViewRegistry, list?: AnyPagedChildren, token?: string): Promise<void> {
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
