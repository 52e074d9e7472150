import { describeError, type UserError } from '../aws/errors';
import type { Connection } from '../aws/session';
import type { ListCli, ListSource } from './listSource';
import { PagedList } from './pagedList';
import { streamPages, type StreamResult } from './pageStream';
import { ErrorRow, LoadingRow, LoadMoreRow, MessageRow } from './statusRows';
import { isItemNode } from './cachedItemNode';
import type { ItemNode, TreeNode } from './treeNode';

/** What a list needs from its tree: identity scope, change events and the current settings. */
export interface TreeHost {
  /** `profile|region`, the prefix of every node id. */
  scope(): string;
  profile(): string;
  region(): string | undefined;
  pageSize(): number;
  /** The profile and region (and endpoints) the list's requests go to. */
  connection(): Connection;
  /** Aborted when the AWS connection is switched (see AwsSession.signal) or removed. */
  connectionSignal(): AbortSignal;
  /** Fires a change for exactly this node (undefined = the view's root). */
  changed(node: TreeNode | undefined): void;
}

// The element type is erased at this boundary: one provider holds lists of different item types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous lists, see above
export type AnyPagedChildren = PagedChildren<any, any>;

/** The status rows a list makes, typed with the list (statusRows.ts cannot import this file back: no cycles). */
export type ListLoadMoreRow = LoadMoreRow<AnyPagedChildren>;
export type ListErrorRow = ErrorRow<AnyPagedChildren>;
export type ListMessageRow = MessageRow<AnyPagedChildren>;

/**
 * The children of one node (or of a view's root) as a paged list: loaded items, then one status row
 * (Load more, Loading…, an error with Retry, or the empty message).
 */
export class PagedChildren<T, F> {
  private list: PagedList<T>;
  private readonly nodes = new Map<string, ItemNode<T>>();
  /** Nodes of the list's items in list order, extended as pages arrive (not rebuilt per getChildren). */
  private readonly nodeRows: ItemNode<T>[] = [];
  private filters: F;
  /** Set when the tree dropped this list (a refresh of its view): a "Load up to N" under it says it stopped. */
  private abandoned = false;
  /** The connection this list's pages belong to: its requests are cancelled when that connection ends. */
  private ended: AbortSignal;
  /** Where the pages come from, fixed per list generation like the signal (at its first use: see newList). */
  private pinned!: () => Connection;
  /** The token the list was resumed from (Resume Listing from Token), undefined when it starts at the beginning. */
  private start: string | undefined;

  constructor(
    readonly host: TreeHost,
    private readonly source: ListSource<T, F>,
    private readonly getFilters: () => F,
    /** The node whose children these are; undefined for a view's root. */
    readonly owner: TreeNode | undefined,
    /** Human name of this list for pickers, e.g. "Aurora backtracks of orders-aurora". */
    readonly title: string,
  ) {
    this.filters = getFilters();
    this.ended = host.connectionSignal();
    this.list = this.newList();
  }

  get id(): string {
    return `${this.host.scope()}|${this.owner?.id ?? this.source.noun}`;
  }
  /** The connection the list's pages come from. */
  get connection(): Connection {
    return this.pinned();
  }
  /** `profile|region` of the connection the list belongs to. */
  get scope(): string {
    return this.host.scope();
  }
  get noun(): string {
    return this.source.noun;
  }
  get nextToken(): string | undefined {
    return this.list.hasMore ? this.list.nextToken : undefined;
  }
  get loadedCount(): number {
    return this.list.size;
  }
  get requestCount(): number {
    return this.list.requestCount;
  }
  get isLoaded(): boolean {
    return this.list.state !== 'unloaded';
  }
  get items(): T[] {
    return this.list.items;
  }
  get startToken(): string | undefined {
    return this.start;
  }
  /** The API's field names Export… writes, or undefined when this kind of list is not exported. */
  get exportColumns(): readonly string[] | undefined {
    return this.source.exportColumns;
  }
  /** The CLI command for what this list shows (its filters), or undefined when its service declares none. */
  cli(): ListCli | undefined {
    return this.source.cli?.(this.filters);
  }

  /**
   * Every page with this list's filters from where it starts, handed to `onPage` one at a time and dropped
   * (Export…): the list's own items and paging state are not touched.
   */
  streamAll(onPage: (items: readonly T[]) => Promise<void> | void, signal: AbortSignal): Promise<StreamResult> {
    const filters = this.filters;
    const connection = this.ended;
    const target = this.connection;
    return streamPages({
      fetcher: (token, size, pageSignal) => this.source.fetchPage(token, size, filters, AbortSignal.any([pageSignal, connection]), target),
      keyOf: (item) => this.source.keyOf(item),
      // The API's largest page: fewer requests for the same items.
      pageSize: this.source.clampPageSize(Number.MAX_SAFE_INTEGER),
      startToken: this.start,
      signal,
      onPage,
    });
  }
  /** Item nodes made so far, in list order. */
  get itemNodes(): ItemNode<T>[] {
    return this.syncedNodeRows().slice();
  }

  /** True for this list's item nodes and status rows. */
  holds(node: TreeNode): boolean {
    if ('list' in node) {
      return node.list === this;
    }
    return isItemNode(node) && this.nodes.get(this.source.keyOf(node.item as T)) === node;
  }

  async getChildren(): Promise<TreeNode[]> {
    // The first page is awaited by every caller (VS Code may ask twice while it loads); later pages
    // show a "Loading…" row instead, because their loadMore fires a change when done.
    if (this.list.state === 'unloaded' || (this.list.loading && this.list.size === 0)) {
      await this.list.loadNext(this.pageSize());
    }
    return this.rows();
  }

  /**
   * The rows without waiting for the first page (a "Loading…" row until it arrives, then a change event):
   * one view's connections load side by side, and a slow one never holds back the others' rows.
   */
  childrenNow(): TreeNode[] {
    if (this.list.state === 'unloaded') {
      void this.loadMore();
    }
    return this.rows();
  }

  /** Exactly one page, appended; the status row shows "Loading…" meanwhile. */
  async loadMore(): Promise<void> {
    if (this.list.loading || !this.list.hasMore) {
      return;
    }
    const pending = this.list.loadNext(this.pageSize());
    this.host.changed(this.owner);
    const result = await pending;
    if (result.applied) {
      this.host.changed(this.owner);
    }
  }

  /** Retry asks for the same token that failed. */
  retry(): Promise<void> {
    return this.loadMore();
  }

  /**
   * boto3's MaxItems: as many pages as needed for `count` more items. `stopped` says why it ended early
   * when the list was reset under it (a connection switch, a refresh, new filters).
   */
  async loadUpTo(count: number, onProgress: (loaded: number) => void, isCancelled: () => boolean): Promise<{ loaded: number; stopped?: string }> {
    this.host.changed(this.owner);
    const list = this.list;
    const connection = this.ended;
    const scope = this.host.scope();
    const loaded = await list.loadUpTo(count, {
      clampPageSize: (size) => this.source.clampPageSize(size),
      onProgress: (n) => {
        onProgress(n);
        this.host.changed(this.owner);
      },
      isCancelled,
    });
    this.host.changed(this.owner);
    if (connection.aborted || this.host.scope() !== scope) {
      return { loaded, stopped: 'the AWS connection changed' };
    }
    if (list !== this.list || this.abandoned) {
      return { loaded, stopped: 'the list was refreshed' };
    }
    return { loaded };
  }

  /** For a list its tree forgets: the request in flight is aborted and nothing more is loaded into it. */
  abandon(): void {
    this.abandoned = true;
    this.list.reset();
  }

  /** Drops pages and tokens (optionally resuming from a token) and re-reads the filters. */
  reset(startToken?: string): void {
    this.start = startToken;
    this.list.reset(startToken);
    this.filters = this.getFilters();
    this.ended = this.host.connectionSignal();
    this.list = this.newList(startToken);
    this.nodes.clear();
    this.nodeRows.length = 0;
    this.host.changed(this.owner);
  }

  /** Replaces one item in place (no paging reset) and refreshes only its row. */
  updateItem(item: T): void {
    if (this.list.update(item)) {
      this.updateNode(item);
    }
  }

  private updateNode(item: T): void {
    const node = this.nodes.get(this.source.keyOf(item));
    if (node) {
      node.update(item);
      this.host.changed(node);
    }
  }

  /**
   * An item shown in place: its row is replaced, or (a new item) it becomes the first row. Only a list
   * already loaded takes it: an unloaded one will show it with its first page. Returns false when not taken.
   */
  upsert(item: T): boolean {
    if (!this.isLoaded) {
      return false;
    }
    if (this.list.upsert(item) === 'updated') {
      this.updateNode(item);
      return true;
    }
    // The rows no longer only append: rebuild them (nodes are kept, so no row is remade).
    this.nodeRows.length = 0;
    this.host.changed(this.owner);
    return true;
  }

  describeError(error: unknown): UserError {
    return describeError(error, {
      action: this.source.iamAction,
      profile: this.host.profile(),
      region: this.host.region(),
      withToken: this.list.nextToken !== undefined,
    });
  }

  private newList(startToken?: string): PagedList<T> {
    const connection = this.ended;
    // Read when the list is first used, not when it is made: views are made in activate(), which reads no
    // setting (the configuration's first reads cost milliseconds). A switch makes a new list anyway.
    let target: Connection | undefined;
    const pinned = (): Connection => (target ??= this.host.connection());
    this.pinned = pinned;
    const list = new PagedList<T>(
      (token, size, signal) => this.source.fetchPage(token, size, this.filters, AbortSignal.any([signal, connection]), pinned()),
      (item) => this.source.keyOf(item),
      this.pageSize(),
    );
    if (startToken) {
      list.reset(startToken);
    }
    return list;
  }

  private pageSize(): number {
    return this.source.clampPageSize(this.host.pageSize());
  }

  /** Nodes for the items that arrived since the last call: the list only appends (an update keeps its node). */
  private syncedNodeRows(): ItemNode<T>[] {
    const items = this.list.view;
    for (let i = this.nodeRows.length; i < items.length; i++) {
      this.nodeRows.push(this.nodeFor(items[i]));
    }
    return this.nodeRows;
  }

  private rows(): TreeNode[] {
    const rows: TreeNode[] = this.syncedNodeRows().slice();
    const parent = this.owner;
    switch (this.list.state) {
      case 'loading':
        rows.push(new LoadingRow<AnyPagedChildren>(this, parent));
        break;
      case 'more':
        rows.push(new LoadMoreRow<AnyPagedChildren>(this, parent, this.list.size, this.source.noun));
        break;
      case 'error': {
        const error = this.describeError(this.list.error);
        if (error.kind !== 'cancelled') {
          rows.push(new ErrorRow<AnyPagedChildren>(this, parent, error));
        }
        break;
      }
      case 'done':
        if (rows.length === 0) {
          const { message, filtered } = this.source.emptyMessage(this.filters);
          rows.push(new MessageRow<AnyPagedChildren>(this, parent, message, filtered));
        }
        break;
      case 'unloaded':
        break;
    }
    return rows;
  }

  private nodeFor(item: T): ItemNode<T> {
    const key = this.source.keyOf(item);
    let node = this.nodes.get(key);
    if (!node) {
      node = this.source.makeNode(item, `${this.host.scope()}|${key}`, this.owner, this.connection);
      this.nodes.set(key, node);
    }
    return node;
  }
}
