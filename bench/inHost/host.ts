// Helpers shared by the measures that run inside the extension host. The bench bundle has its own copies
// of the extension's classes, so rows are told apart by contextValue, never instanceof.
import * as vscode from 'vscode';
import { extensionId } from '../../src/constants';
import type { TestApi } from '../../src/testApi';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { EmulatorControl, type RequestLogEntry } from '../../test/emulator/control';

export async function testApi(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(extensionId);
  if (!extension) {
    throw new Error(`${extensionId} is not installed in the extension host`);
  }
  const api = await extension.activate();
  if (!api) {
    throw new Error('activate() did not return the test API (AWS_HISTORY_TEST=1 missing?)');
  }
  return api;
}

export function emulator(): EmulatorControl {
  const url = process.env.EMULATOR_URL;
  if (!url) {
    throw new Error('EMULATOR_URL is not set');
  }
  return new EmulatorControl(url);
}

/** Requests the emulator has logged so far (the runner clears the log before each page load). */
export async function requestCount(): Promise<number> {
  return (await emulator().requests()).length;
}

/** Counts the requests logged after a point, by the log's sequence numbers. */
export class RequestCursor {
  private lastSeq = 0;

  static async start(): Promise<RequestCursor> {
    const cursor = new RequestCursor();
    await cursor.mark();
    return cursor;
  }

  async mark(): Promise<void> {
    this.lastSeq = (await emulator().requests({ sinceSeq: this.lastSeq })).at(-1)?.seq ?? this.lastSeq;
  }

  /** The entries since the last mark; moves the mark past them. */
  async take(): Promise<RequestLogEntry[]> {
    const entries = await emulator().requests({ sinceSeq: this.lastSeq });
    this.lastSeq = entries.at(-1)?.seq ?? this.lastSeq;
    return entries;
  }
}

export function contextOf(node: TreeNode | undefined): string {
  return node?.getTreeItem().contextValue ?? '';
}

export interface LoadMoreLike extends TreeNode {
  readonly list: { loadMore(): Promise<void> };
}

export function isLoadMore(node: TreeNode | undefined): node is LoadMoreLike {
  return contextOf(node) === 'awsHistory:loadMore';
}

const statusRow = /^awsHistory:(loadMore|loading|error|empty)/;
export function itemRows(rows: readonly TreeNode[]): TreeNode[] {
  return rows.filter((r) => !statusRow.test(contextOf(r)));
}

/**
 * What VS Code's tree does with the children of a node: it asks for each one's TreeItem. Done in every
 * timed expand so a provider that builds TreeItems lazily pays for them inside the measure.
 */
export function touchTreeItems(provider: PagedTreeProvider, rows: readonly TreeNode[]): number {
  let count = 0;
  for (const row of rows) {
    if (provider.getTreeItem(row)) {
      count++;
    }
  }
  return count;
}

/** Runs a row's click command the way the tree does (command + arguments from its TreeItem). */
export async function clickRow(row: TreeNode): Promise<void> {
  const command = row.getTreeItem().command;
  if (!command) {
    throw new Error(`row ${row.id} has no click command`);
  }
  await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function message(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
