import * as vscode from 'vscode';
import { ContextKey } from '../constants';
import { connectionKey } from '../aws/connections';
import type { AwsSession, Connection } from '../aws/session';
import { pageSize } from '../aws/settings';
import type { ListSource } from './listSource';
import { ConnectionHost, ConnectionNode, type AccountOf } from './connectionScope';
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

/** The connections a view shows (src/aws/connections.ts): the session's first. */
export interface ConnectionList {
  all(): Connection[];
  hasAdded(): boolean;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * A view's TreeDataProvider: the root is a paged list, item nodes may own paged lists of their own.
 * With several connections the root is one row per connection, each owning the root list of its connection
 * (the generic connection scope: services only see the connection their fetch is given).
 * Change events name the node whose children changed, never the whole tree unless the root changed.
 */
export class PagedTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The root list of the session's connection when the view shows one connection. */
  private readonly single: AnyPagedChildren;
  /** With two or more connections: one root row each, the session's first. */
  private connectionNodes: ConnectionNode[] = [];
  private readonly lists = new Set<AnyPagedChildren>();
  private readonly sessionHost: ConnectionHost;
  readonly treeView: vscode.TreeView<TreeNode>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly viewId: string,
    readonly title: string,
    private readonly session: AwsSession,
    private readonly setupCheck: SetupCheck,
    private readonly makeRoot: (provider: PagedTreeProvider, owner: TreeNode | undefined) => AnyPagedChildren,
    private readonly connections?: ConnectionList,
    private readonly accountOf: AccountOf = () => Promise.reject(new Error('no account lookup')),
  ) {
    this.sessionHost = new ConnectionHost(
      this,
      () => this.session.current,
      () => this.session.signal,
    );
    this.single = makeRoot(this, undefined);
    this.lists.add(this.single);
    this.syncConnections();
    this.treeView = vscode.window.createTreeView(viewId, {
      treeDataProvider: this,
      canSelectMany: true,
      showCollapseAll: true,
    });
    if (connections) {
      this.subscriptions.push(connections.onDidChange(() => this.syncConnections()));
    }
  }

  /** The session's root list (with several connections, the one under the first connection row). */
  get root(): AnyPagedChildren {
    return this.connectionNodes[0]?.list ?? this.single;
  }

  /** Every connection's root list, in the order shown. */
  rootLists(): AnyPagedChildren[] {
    return this.connectionNodes.length > 0 ? this.connectionNodes.map((node) => node.list) : [this.single];
  }

  /** The connection rows shown at the root (empty with one connection). */
  connectionRows(): readonly ConnectionNode[] {
    return this.connectionNodes;
  }

  /**
   * A list of `source` under `owner`: a child list belongs to its owner's connection; without an owner (or
   * with a connection row as owner) it is a connection's root list.
   */
  createList<T, F>(source: ListSource<T, F>, filters: () => F, owner: TreeNode | undefined, title: string): PagedChildren<T, F> {
    const list = new PagedChildren(this.hostOf(owner), source, filters, owner, title);
    this.lists.add(list);
    return list;
  }

  /** Lists that have been expanded, for the "resume from token" and "load up to" pickers. */
  loadedLists(): AnyPagedChildren[] {
    return [...this.lists].filter((list) => list.isLoaded);
  }

  /** True for this view's lists and for nodes (and rows) that belong to them, in their current connection. */
  contains(target: TreeNode | AnyPagedChildren): boolean {
    if (target instanceof PagedChildren) {
      return this.lists.has(target);
    }
    if (target instanceof ConnectionNode) {
      return this.connectionNodes.includes(target);
    }
    return [...this.lists].some((list) => list.holds(target) && target.id.startsWith(`${list.scope}|`));
  }

  /** The connection a node's data came from (the session's for a node of no list of this view). */
  connectionOf(node: TreeNode): Connection {
    if (node instanceof ConnectionNode) {
      return node.connection;
    }
    return [...this.lists].find((list) => list.holds(node))?.connection ?? this.session.current;
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
    if (this.connectionNodes.length > 0) {
      // Every connection's first request leaves now, side by side; each row shows its own when it arrives.
      for (const row of this.connectionNodes) {
        row.list.childrenNow();
      }
      return [...this.connectionNodes];
    }
    return this.single.getChildren();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /**
   * Everything starts again: pages, tokens, child lists (their nodes are recreated). Child lists are reset,
   * not just forgotten, so a request or a "Load up to N" under them stops instead of paging on unseen.
   */
  refresh(): void {
    const roots = new Set(this.rootLists());
    for (const list of this.lists) {
      if (!roots.has(list)) {
        list.abandon();
      }
    }
    this.lists.clear();
    for (const list of roots) {
      this.lists.add(list);
      list.reset();
    }
  }

  pageSize(): number {
    return pageSize();
  }
  changed(node: TreeNode | undefined): void {
    this.emitter.fire(node);
  }

  /**
   * Follows the connection list: one connection shows the session's list as the root, as always; with more,
   * rows are kept for connections still listed, made for new ones, and removed ones stop their requests.
   */
  private syncConnections(): void {
    // Without added connections there is one, the session's, and nothing to read (no setting at activation).
    const all = this.connections?.hasAdded() ? this.connections.all() : [];
    const before = this.connectionNodes;
    if (all.length <= 1) {
      if (before.length === 0) {
        return;
      }
      this.connectionNodes = [];
      this.drop(before);
      this.single.reset();
      this.emitter.fire(undefined);
      return;
    }
    const identity = (connection: Connection): string => `${connectionKey(connection)}|${connection.endpoints}`;
    const kept = new Map(before.slice(1).map((row) => [identity(row.connection), row]));
    const sessionRow = before[0] ?? this.newRow(this.sessionHost);
    const next = [sessionRow, ...all.slice(1).map((connection) => kept.get(identity(connection)) ?? this.newRow(new ConnectionHost(this, () => connection)))];
    this.drop(before.filter((row) => !next.includes(row)));
    const changed = next.length !== before.length || next.some((row, i) => row !== before[i]);
    this.connectionNodes = next;
    if (changed) {
      this.emitter.fire(undefined);
    }
  }

  private newRow(host: ConnectionHost): ConnectionNode {
    const row = new ConnectionNode(host, this.accountOf);
    row.list = this.makeRoot(this, row);
    return row;
  }

  /** Rows of connections no longer shown: their lists (root and children) stop and are forgotten. */
  private drop(rows: readonly ConnectionNode[]): void {
    for (const row of rows) {
      if (row.host !== this.sessionHost) {
        row.host.end();
      }
      for (const list of [...this.lists]) {
        if (list.host === row.host && list !== this.single) {
          list.abandon();
          this.lists.delete(list);
        }
      }
    }
  }

  /** The connection a new list belongs to: its owner's (a connection row's, or that of the list holding the owner). */
  private hostOf(owner: TreeNode | undefined): TreeHost {
    if (owner === undefined) {
      return this.sessionHost;
    }
    if (owner instanceof ConnectionNode) {
      return owner.host;
    }
    return [...this.lists].find((list) => list.holds(owner))?.host ?? this.sessionHost;
  }

  dispose(): void {
    this.drop(this.connectionNodes);
    vscode.Disposable.from(this.treeView, this.emitter, ...this.subscriptions).dispose();
  }
}
