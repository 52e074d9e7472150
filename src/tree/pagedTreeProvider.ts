import * as vscode from 'vscode';
import { ContextKey } from '../constants';
import type { AwsSession } from '../aws/session';
import { pageSize } from '../aws/settings';
import type { ListSource } from './listSource';
import { PagedChildren, type AnyPagedChildren, type TreeHost } from './pagedChildren';
import type { TreeNode } from './treeNode';

/**
 * `credentialsTimeout`: resolving credentials outlasted awsHistory.requestTimeoutSeconds (an SSO login or a
 * credential_process waiting): its own welcome content says so. (TreeView.message would hide the buttons.)
 */
export type SetupState = 'ok' | 'noRegion' | 'noCredentials' | 'credentialsTimeout';

/** The value last given to the `awsHistory.setup` context key; the three views share the key. */
let publishedSetup: SetupState | undefined;

/** Checks that a region and credentials resolve before the first request of a view. */
export type SetupCheck = () => Promise<SetupState>;

/**
 * A view's TreeDataProvider: the root is a paged list, item nodes may own paged lists of their own.
 * Change events name the node whose children changed, never the whole tree unless the root changed.
 */
export class PagedTreeProvider implements vscode.TreeDataProvider<TreeNode>, TreeHost, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly root: AnyPagedChildren;
  private readonly lists = new Set<AnyPagedChildren>();
  readonly treeView: vscode.TreeView<TreeNode>;

  constructor(
    readonly viewId: string,
    readonly title: string,
    private readonly session: AwsSession,
    private readonly setupCheck: SetupCheck,
    makeRoot: (provider: PagedTreeProvider) => AnyPagedChildren,
  ) {
    this.root = makeRoot(this);
    this.lists.add(this.root);
    this.treeView = vscode.window.createTreeView(viewId, {
      treeDataProvider: this,
      canSelectMany: true,
      showCollapseAll: true,
    });
  }

  createList<T, F>(source: ListSource<T, F>, filters: () => F, owner: TreeNode | undefined, title: string): PagedChildren<T, F> {
    const list = new PagedChildren(this, source, filters, owner, title);
    this.lists.add(list);
    return list;
  }

  /** Lists that have been expanded, for the "resume from token" and "load up to" pickers. */
  loadedLists(): AnyPagedChildren[] {
    return [...this.lists].filter((list) => list.isLoaded);
  }

  /** True for this view's lists and for nodes (and rows) that belong to them. */
  contains(target: TreeNode | AnyPagedChildren): boolean {
    if (target instanceof PagedChildren) {
      return this.lists.has(target);
    }
    return target.id.startsWith(`${this.scope()}|`) && [...this.lists].some((list) => list.holds(target));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** Tooltips are built on hover: kept on every row they were half of a row's memory (1.6 of 3.3 KB). */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip ??= node.tooltip?.();
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return (await node.getChildren?.()) ?? [];
    }
    const state = await this.setupCheck();
    // setContext is a round trip to the window (5–9 ms here, as long as the request itself): send it only
    // when the state changes, and never make the rows wait for it.
    if (state !== publishedSetup) {
      publishedSetup = state;
      void vscode.commands.executeCommand('setContext', ContextKey.setup, state);
    }
    if (state !== 'ok') {
      return [];
    }
    return this.root.getChildren();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /**
   * Everything starts again: pages, tokens, child lists (their nodes are recreated). Child lists are reset,
   * not just forgotten, so a request or a "Load up to N" under them stops instead of paging on unseen.
   */
  refresh(): void {
    for (const list of this.lists) {
      if (list !== this.root) {
        list.abandon();
      }
    }
    this.lists.clear();
    this.lists.add(this.root);
    this.root.reset();
  }

  // TreeHost
  scope(): string {
    const { profile, region } = this.session.current;
    return `${profile}|${region ?? ''}`;
  }
  profile(): string {
    return this.session.current.profile;
  }
  region(): string | undefined {
    return this.session.current.region;
  }
  pageSize(): number {
    return pageSize();
  }
  connectionSignal(): AbortSignal {
    return this.session.signal;
  }
  changed(node: TreeNode | undefined): void {
    this.emitter.fire(node);
  }

  dispose(): void {
    this.treeView.dispose();
    this.emitter.dispose();
  }
}
