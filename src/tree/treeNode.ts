import type * as vscode from 'vscode';

/** Every row in the three trees. Ids are stable across refreshes so selection and expansion survive. */
export interface TreeNode {
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]> | TreeNode[];
  /** The hover text, built when VS Code asks for it (resolveTreeItem), not with the TreeItem. */
  tooltip?(): vscode.MarkdownString | string | undefined;
}

/** Optional capabilities of an item row, found with the guards below (no service knowledge in the core). */
export interface ItemNode<T> extends TreeNode {
  readonly item: T;
  /** Replaces the item (e.g. a status refresh); the node rebuilds its TreeItem on next request. */
  update(item: T): void;
  /** The ARN Copy ARN puts on the clipboard. */
  readonly arn?: string | undefined;
  /** What Copy Link opens when it is not `arn` (a backtrack: its cluster's ARN and its identifier). */
  readonly link?: string | undefined;
  /** What Copy Name copies. */
  readonly name?: string | undefined;
  /** Text for the palette pickers (name, then context). */
  readonly pickLabel?: { label: string; description?: string; detail?: string };
  /** The item's console page; undefined when there is none (no region, or not a console URL). */
  consoleUrl?(): URL | undefined;
  showDetails?(): Promise<void> | void;
}
