import type * as vscode from 'vscode';
import type { ItemNode, TreeNode } from './treeNode';

/**
 * An item row whose TreeItem is built once and reused until the item changes, so a Load more never
 * rebuilds rows VS Code already has. Services supply only `buildTreeItem`.
 */
export abstract class CachedItemNode<T> implements ItemNode<T> {
  protected treeItem: vscode.TreeItem | undefined;

  constructor(
    public item: T,
    readonly id: string,
    readonly parent: TreeNode | undefined,
  ) {}

  update(item: T): void {
    this.item = item;
    this.treeItem = undefined;
  }

  getTreeItem(): vscode.TreeItem {
    this.treeItem ??= this.buildTreeItem();
    return this.treeItem;
  }

  protected abstract buildTreeItem(): vscode.TreeItem;
}

/** By class, not by shape: an object that merely looks like a row (a command argument) is not one of ours. */
export function isItemNode(node: unknown): node is ItemNode<unknown> {
  return node instanceof CachedItemNode;
}

export function hasArn(node: unknown): node is ItemNode<unknown> & { arn: string } {
  return isItemNode(node) && typeof node.arn === 'string' && node.arn.length > 0;
}
