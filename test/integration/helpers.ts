import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, type ServiceKey } from '../../src/constants';
import type { TestApi } from '../../src/testApi';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { ListErrorRow as ErrorRow, ListLoadMoreRow as LoadMoreRow, ListMessageRow as MessageRow } from '../../src/tree/pagedChildren';
import type { TreeNode } from '../../src/tree/treeNode';
import { SAMPLE_FUNCTIONS } from '../durable/functions/catalog';
import { EmulatorControl, type LiveExecutionSummary } from '../emulator/control';
import type { ConfirmationRequest } from '../../src/actions/confirmAction';

/** The extension's test API (the harness sets AWS_HISTORY_TEST=1). */
export async function api(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(extensionId);
  assert.ok(extension, 'extension is installed');
  const exported = await extension.activate();
  assert.ok(exported, 'activate() returned the test API');
  return exported;
}

/**
 * Runs `run` with every action confirmation (modal and typed name) answered by `answer` instead of the user,
 * through the TestApi's hooks (no command argument can skip the confirmation).
 */
export async function withConfirmation<T>(answer: (request: ConfirmationRequest) => Promise<boolean>, run: () => Thenable<T>): Promise<T> {
  const { hooks } = await api();
  hooks.answerConfirmation = answer;
  try {
    return await run();
  } finally {
    hooks.answerConfirmation = undefined;
  }
}

export const confirmYes = (): Promise<boolean> => Promise.resolve(true);

export function emulator(): EmulatorControl {
  const url = process.env.EMULATOR_URL;
  assert.ok(url, 'EMULATOR_URL is set by the harness');
  return new EmulatorControl(url);
}

/** A DynamoDB view as after a fresh start: side bar hidden, no filters, the emulator's data as generated, nothing loaded. */
export async function freshDynamoDbView(p: PagedTreeProvider): Promise<void> {
  await hideViews();
  await (await api()).feature.views.get('dynamodb').filters.clear();
  await emulator().reset();
  p.refresh();
}

export async function provider(service: ServiceKey): Promise<PagedTreeProvider> {
  return (await api()).feature.views.get(service).provider;
}

/**
 * Hides the side bar so the workbench does not call getChildren on its own while a test drives the
 * providers; otherwise its refresh-triggered requests interleave with the ones a test counts.
 */
export async function hideViews(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
}

/** What VS Code does when a user expands a node (or opens the view for the root). */
export async function expand(p: PagedTreeProvider, node?: TreeNode): Promise<TreeNode[]> {
  return p.getChildren(node);
}

export function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function description(node: TreeNode): string {
  const d = node.getTreeItem().description;
  return typeof d === 'string' ? d : '';
}

export function lastRow(rows: TreeNode[]): TreeNode | undefined {
  return rows[rows.length - 1];
}

/*
 * The test bundle has its own copies of the extension's classes, so `instanceof` never matches a row the
 * extension made; rows are told apart by their contextValue, as package.json menus do.
 */
const context = (row: TreeNode | undefined): string => row?.getTreeItem().contextValue ?? '';
export const isLoadMore = (row: TreeNode | undefined): row is LoadMoreRow => context(row) === 'awsHistory:loadMore';
export const isLoading = (row: TreeNode | undefined): boolean => context(row) === 'awsHistory:loading';
export const isError = (row: TreeNode | undefined): row is ErrorRow => context(row).startsWith('awsHistory:error');
export const isMessage = (row: TreeNode | undefined): row is MessageRow => context(row).startsWith('awsHistory:empty');
const statusContext = /^awsHistory:(loadMore|loading|error|empty)/;

export function itemRows(rows: TreeNode[]): TreeNode[] {
  return rows.filter((r) => !statusContext.test(context(r)));
}

/** Runs a row's click command the way the tree does. */
export async function click(row: TreeNode): Promise<void> {
  const command = row.getTreeItem().command;
  assert.ok(command, `${label(row)} has a click command`);
  await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
}

/** Clicks the Load more row the way the tree does (its command with the row as argument). */
export async function clickLoadMore(p: PagedTreeProvider, parent?: TreeNode): Promise<TreeNode[]> {
  const row = lastRow(await expand(p, parent));
  assert.ok(isLoadMore(row), `last row is Load more, got ${row ? label(row) : 'nothing'}`);
  await click(row);
  return expand(p, parent);
}

/** Loads pages until the Load more row disappears; returns the rows and the number of clicks. */
export async function loadAll(p: PagedTreeProvider, parent?: TreeNode, maxClicks = 100_000): Promise<{ rows: TreeNode[]; clicks: number }> {
  let rows = await expand(p, parent);
  let clicks = 0;
  for (let row = lastRow(rows); isLoadMore(row) && clicks < maxClicks; row = lastRow(rows)) {
    await row.list.loadMore();
    rows = await expand(p, parent);
    clicks++;
  }
  return { rows, clicks };
}

/**
 * Polls until the condition holds (no fixed sleeps). `lastSeen`, when given, describes the state at the
 * timeout (what the emulator holds, say), so a failure tells a slow extension from a stuck backend.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  lastSeen?: () => Promise<string>,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > end) {
      throw new Error(`Timed out waiting for ${what}${lastSeen ? ` (last seen: ${await lastSeen().catch((e: unknown) => String(e))})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The emulator's durable execution of that name. */
export async function live(name: string): Promise<LiveExecutionSummary | undefined> {
  return (await emulator().durableExecutions()).find((e) => e.name === name);
}

/** The input a sample durable function is started with (its catalog entry). */
export function sampleInput(functionName: string): unknown {
  return SAMPLE_FUNCTIONS.find((f) => f.name === functionName)?.sampleInput;
}

/** A durable execution as the emulator's runner has it: status and the operations not yet finished. */
export async function describeDurable(name: string): Promise<string> {
  const execution = await live(name);
  if (!execution) {
    return `the emulator has no execution named ${name}`;
  }
  const open = (await emulator().durableOperations(execution.arn)).filter((o) => o.status !== 'SUCCEEDED');
  const ops = open.map((o) => `${o.type ?? '?'} ${o.name ?? o.id} ${o.status ?? '?'}`).join(', ');
  return `the emulator says ${execution.status}; operations not SUCCEEDED: ${ops || 'none'}`;
}
