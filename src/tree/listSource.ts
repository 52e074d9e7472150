import type { CliCommand } from '../actions/cliCommand';
import type { ClientKey } from '../aws/clientTable';
import type { Connection } from '../aws/session';
import type { Page } from './pagedList';
import type { ItemNode, TreeNode } from './treeNode';

/**
 * What a service supplies for one kind of list: fetching a page and making a node. Paging, rows,
 * de-duplication and refresh live in the core.
 */
export interface ListSource<T, F> {
  /** Plural noun for rows and messages, e.g. "backups". */
  readonly noun: string;
  /** IAM action named in access-denied errors, e.g. `dynamodb:ListBackups`. */
  readonly iamAction: string;
  /** The API's page-size range applied to `awsHistory.pageSize` and to the last page of "Load up to N". */
  clampPageSize(size: number): number;
  /** One page from `connection` (pass it to `clients.get`): a view may show several connections. */
  fetchPage(token: string | undefined, pageSize: number, filters: F, signal: AbortSignal, connection: Connection): Promise<Page<T>>;
  /** Identity for de-duplication and node ids (the ARN, or ARN + id where an item has none). */
  keyOf(item: T): string;
  /** `connection` is the one the item came from (its region for console links, its client for details). */
  makeNode(item: T, id: string, parent: TreeNode | undefined, connection: Connection): ItemNode<T>;
  /** The empty-list row: says which filters are active so the user knows why nothing shows. */
  emptyMessage(filters: F): { message: string; filtered: boolean };
  /** Export…: the API's field names of an item, in CSV column order. Lists without it are not exported. */
  readonly exportColumns?: readonly string[];
  /** Copy as AWS CLI Command: the CLI command that lists what this list shows with these filters. */
  cli?(filters: F): ListCli;
}

/** A list's AWS CLI command, declared by its service next to its filters. */
export interface ListCli {
  readonly command: CliCommand;
  readonly client: ClientKey;
  /**
   * The request's pagination parameter as the CLI's paginator names it (botocore `input_token`, e.g.
   * `ExclusiveStartBackupArn`, `Marker`): `--starting-token` carries the API's token under this name.
   */
  readonly inputToken: string;
}
