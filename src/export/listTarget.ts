import * as vscode from 'vscode';
import { isItemNode } from '../tree/cachedItemNode';
import { PagedChildren, type AnyPagedChildren } from '../tree/pagedChildren';
import { StatusRow } from '../tree/statusRows';
import type { TreeNode } from '../tree/treeNode';
import type { ServiceView, ViewRegistry } from '../tree/viewRegistry';
import { formatNumber } from '../shared/format';
import { forLabel, forNotification } from '../util/plainText';

/**
 * The list a list command (Export…, Copy as AWS CLI Command) acts on: the list given; the list a row owns (a
 * cluster's backtracks, a function's executions, made if not yet expanded); the list a row sits in; or,
 * from a view's title bar or the palette, the view's root list when it qualifies, else a picker of the
 * view's lists that do. Undefined when there is none (the user was told) or the picker was dismissed.
 */
export async function resolveList(
  views: ViewRegistry,
  target: AnyPagedChildren | TreeNode | null | undefined,
  qualifies: (list: AnyPagedChildren) => boolean,
  title: string,
): Promise<AnyPagedChildren | undefined> {
  const direct = target ? listOf(views, target) : undefined;
  if (direct && qualifies(direct)) {
    return direct;
  }
  const view = (target && views.viewOf(target)) || views.activeView();
  const scope: readonly ServiceView[] = view ? [view] : views.all();
  const roots = scope.map((v) => v.provider.root).filter(qualifies);
  if (view && roots.length === 1) {
    return roots[0];
  }
  const lists = [...new Set([...roots, ...scope.flatMap((v) => v.provider.loadedLists().filter(qualifies))])];
  if (lists.length === 0) {
    void vscode.window.showInformationMessage(
      forNotification(vscode.l10n.t('No list to use here: expand a cluster or a function first, or run the command on its row.')),
    );
    return undefined;
  }
  if (lists.length === 1) {
    return lists[0];
  }
  const chosen = await vscode.window.showQuickPick(
    lists.map((list) => ({ label: forLabel(list.title), description: vscode.l10n.t('{0} loaded', formatNumber(list.loadedCount)), list })),
    { title },
  );
  return chosen?.list;
}

/** A row whose children are a paged list (a cluster, a durable function): `childList` makes it if not yet expanded. */
interface ListOwner {
  childList(): AnyPagedChildren | undefined;
}

function ownsList(node: unknown): node is ListOwner {
  return isItemNode(node) && typeof (node as Partial<ListOwner>).childList === 'function';
}

function listOf(views: ViewRegistry, target: AnyPagedChildren | TreeNode): AnyPagedChildren | undefined {
  if (target instanceof PagedChildren) {
    return target;
  }
  if (target instanceof StatusRow) {
    const list: unknown = target.list;
    return list instanceof PagedChildren ? list : undefined;
  }
  if (ownsList(target)) {
    return target.childList();
  }
  return views
    .viewOf(target)
    ?.provider.loadedLists()
    .find((list) => list.holds(target));
}
