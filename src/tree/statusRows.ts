import { formatNumber } from '../shared/format';
import * as vscode from 'vscode';
import { Command, ContextValue } from '../constants';
import { rowAccessibility } from './accessibility';
import type { UserError } from '../aws/errors';
import type { TreeNode } from './treeNode';

/**
 * The list a status row belongs to; rows carry it so their commands act on the right list. Only its
 * shape is named here (the rows are made by PagedChildren, which imports this file), so the type of
 * the list is a parameter rather than an import back.
 */
export interface RowOwner {
  readonly id: string;
  readonly noun: string;
}

export abstract class StatusRow<L extends RowOwner = RowOwner> implements TreeNode {
  constructor(
    readonly list: L,
    readonly parent: TreeNode | undefined,
  ) {}
  /** One id for all status rows of a list, so "Load more", "Loading…" and the error row replace each other in place. */
  get id(): string {
    return `${this.list.id}#status`;
  }
  abstract getTreeItem(): vscode.TreeItem;
}

export class LoadMoreRow<L extends RowOwner = RowOwner> extends StatusRow<L> {
  constructor(
    list: L,
    parent: TreeNode | undefined,
    private readonly loadedCount: number,
    private readonly noun: string,
  ) {
    super(list, parent);
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
    item.id = this.id;
    item.description = vscode.l10n.t('{0} {1} loaded', formatNumber(this.loadedCount), this.noun);
    item.iconPath = new vscode.ThemeIcon('fold-down');
    item.contextValue = ContextValue.loadMore;
    item.tooltip = vscode.l10n.t('Fetch the next page. Right-click to load several pages or copy the next-page token.');
    item.command = { command: Command.loadMore, title: vscode.l10n.t('Load more'), arguments: [this] };
    item.accessibilityInformation = rowAccessibility(vscode.l10n.t('Load more {0}', this.noun), vscode.l10n.t('{0} loaded', formatNumber(this.loadedCount)));
    return item;
  }
}

export class LoadingRow<L extends RowOwner = RowOwner> extends StatusRow<L> {
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Loading…'));
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = ContextValue.loading;
    item.accessibilityInformation = rowAccessibility(vscode.l10n.t('Loading more {0}, please wait', this.list.noun));
    return item;
  }
}

export class ErrorRow<L extends RowOwner = RowOwner> extends StatusRow<L> {
  constructor(
    list: L,
    parent: TreeNode | undefined,
    readonly error: UserError,
  ) {
    super(list, parent);
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.error.message);
    item.id = this.id;
    const stale = this.error.kind === 'staleToken';
    item.description = stale ? vscode.l10n.t('Start again') : vscode.l10n.t('Retry');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.contextValue = this.error.kind === 'credentials' ? ContextValue.errorCredentials : stale ? ContextValue.errorStaleToken : ContextValue.error;
    // Plain string: the message comes from AWS and must not render as Markdown or links.
    item.tooltip = [this.error.message, this.error.hint, this.error.requestId ? vscode.l10n.t('Request id: {0}', this.error.requestId) : '']
      .filter(Boolean)
      .join('\n');
    item.command = { command: Command.retry, title: vscode.l10n.t('Retry'), arguments: [this] };
    item.accessibilityInformation = rowAccessibility(vscode.l10n.t('Error: {0}', this.error.message), item.description);
    return item;
  }
}

export class MessageRow<L extends RowOwner = RowOwner> extends StatusRow<L> {
  constructor(
    list: L,
    parent: TreeNode | undefined,
    private readonly message: string,
    private readonly filtered: boolean,
  ) {
    super(list, parent);
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.filtered ? 'filter' : 'info');
    item.contextValue = this.filtered ? ContextValue.emptyFiltered : ContextValue.empty;
    item.tooltip = this.message;
    if (this.filtered) {
      item.description = vscode.l10n.t('Clear filters');
      item.command = { command: Command.clearFilters, title: vscode.l10n.t('Clear filters'), arguments: [this] };
    }
    // The icon says why the list is empty: a filter, or nothing there.
    item.accessibilityInformation = this.filtered
      ? rowAccessibility(vscode.l10n.t('Empty, filtered'), this.message, vscode.l10n.t('Clear filters'))
      : rowAccessibility(vscode.l10n.t('Empty'), this.message);
    return item;
  }
}
