import * as vscode from 'vscode';
import { ContextValue } from '../constants';
import { connectionKey } from '../aws/connections';
import type { Connection } from '../aws/session';
import { forLabel } from '../util/plainText';
import { rowAccessibility } from './accessibility';
import type { AnyPagedChildren, TreeHost } from './pagedChildren';
import type { TreeNode } from './treeNode';

/** What a connection scope needs from its view. */
export interface ScopeView {
  pageSize(): number;
  changed(node: TreeNode | undefined): void;
}

/**
 * The lists of one connection in a view: ids, profile, region and the client's connection come from it,
 * and its requests stop when the connection ends (`end`, or the session's switch for the session's own).
 */
export class ConnectionHost implements TreeHost {
  private readonly controller = new AbortController();

  constructor(
    private readonly view: ScopeView,
    private readonly current: () => Connection,
    /** Extra signal of the session (a switch ends the session's own connection). */
    private readonly sessionSignal?: () => AbortSignal,
  ) {}

  scope(): string {
    return connectionKey(this.current());
  }
  profile(): string {
    return this.current().profile;
  }
  region(): string | undefined {
    return this.current().region;
  }
  connection(): Connection {
    return this.current();
  }
  pageSize(): number {
    return this.view.pageSize();
  }
  connectionSignal(): AbortSignal {
    return this.sessionSignal ? AbortSignal.any([this.sessionSignal(), this.controller.signal]) : this.controller.signal;
  }
  changed(node: TreeNode | undefined): void {
    this.view.changed(node);
  }
  /** The connection was removed: its requests in flight stop and nothing more is sent for it. */
  end(): void {
    this.controller.abort();
  }
}

/** Describes the account of a connection for its root row; undefined while unknown. */
export type AccountOf = (connection: Connection) => Promise<string>;

/**
 * The root row of one connection when a view shows several: `profile @ region`, the account id as its
 * description (looked up once per profile, after the row shows), and the connection's own paged list.
 */
export class ConnectionNode implements TreeNode {
  readonly parent = undefined;
  /** Set by the view once the list exists (the list needs this node as its owner). */
  list!: AnyPagedChildren;
  private account: string | undefined;
  private lookup: Promise<void> | undefined;

  constructor(
    readonly host: ConnectionHost,
    private readonly accountOf: AccountOf,
  ) {}

  get id(): string {
    return `connection|${this.host.scope()}`;
  }
  get connection(): Connection {
    return this.host.connection();
  }
  get label(): string {
    return `${this.host.profile()} @ ${this.host.region() ?? ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    this.lookup ??= this.accountOf(this.connection).then(
      (account) => {
        this.account = account;
        this.host.changed(this);
      },
      // The list's own requests say what is wrong with the credentials: the row simply shows no account.
      () => undefined,
    );
    const item = new vscode.TreeItem(forLabel(this.label), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.account;
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.contextValue = ContextValue.connection;
    item.tooltip = [
      vscode.l10n.t('Profile: {0}', this.host.profile()),
      vscode.l10n.t('Region: {0}', this.host.region() ?? ''),
      this.account ? vscode.l10n.t('Account: {0}', this.account) : '',
    ]
      .filter(Boolean)
      .join('\n');
    item.accessibilityInformation = rowAccessibility(vscode.l10n.t('Connection {0}', this.label), this.account && vscode.l10n.t('account {0}', this.account));
    return item;
  }

  /** At once ("Loading…" until the first page, then a change event): one slow connection delays no other row. */
  getChildren(): TreeNode[] {
    return this.list.childrenNow();
  }
}

/**
 * One value per connection, made on first use and kept while the connection object lives: rows of one
 * connection share their actions object instead of one object and closure per row.
 */
export function perConnection<T>(make: (connection: Connection) => T): (connection: Connection) => T {
  const made = new WeakMap<Connection, T>();
  return (connection) => {
    let value = made.get(connection);
    if (value === undefined) {
      value = make(connection);
      made.set(connection, value);
    }
    return value;
  };
}
