// `--diagnose`: where the first page's time goes. Each step of the provider's expand is timed on its own,
// interleaved with the raw SDK page, so a ratio above target can be traced to one step.
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/treeNode';
import { benchPageSize, pagesToLoad } from '../protocol';
import { exposeGc, settledHeapBytes } from './heap';
import { isLoadMore, itemRows, median, touchTreeItems } from './host';
import { rawListBackups } from './rawClient';

const rounds = 21;

export async function diagnoseFirstPage(api: TestApi, table: string): Promise<Record<string, number>> {
  const { provider } = api.feature.views.get('dynamodb');
  const { clients, setupCheck } = api.feature;
  const raw = rawListBackups(table, benchPageSize);
  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const steps: Record<string, () => Promise<unknown>> = {
    raw: () => raw.timePage(),
    setupCheck: () => setupCheck(),
    setContext: async () => vscode.commands.executeCommand('setContext', 'awsHistory.setup', 'ok'),
    clientsGet: () => clients.get('dynamodb'),
    extensionClientSend: async () => {
      const { client, sdk } = await clients.get('dynamodb');
      return client.send(new sdk.ListBackupsCommand({ TableName: table, Limit: benchPageSize }));
    },
    rootListGetChildren: () => {
      provider.root.reset();
      return provider.root.getChildren();
    },
    providerGetChildren: () => {
      provider.refresh();
      return provider.getChildren();
    },
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  const names = Object.keys(steps);
  for (let round = 0; round < rounds + 3; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      const ms = await timed(steps[name]);
      if (round >= 3) {
        samples[name].push(ms);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

/**
 * `--diagnose`: what the heap per item is made of. The SDK's own page objects (raw client, kept in an
 * array), the provider's items and nodes (getChildren only), then the TreeItems VS Code would ask for.
 */
export async function diagnoseHeap(api: TestApi, table: string): Promise<Record<string, number>> {
  const gc = exposeGc();
  if (!gc) {
    return {};
  }
  const { provider } = api.feature.views.get('dynamodb');
  const raw = rawListBackups(table, benchPageSize);
  const result: Record<string, number> = {};

  let kept: unknown[][] = [];
  let before = settledHeapBytes(gc);
  let token: string | undefined;
  for (let page = 0; page < pagesToLoad; page++) {
    const { items, next } = await raw.page(token);
    kept.push(items);
    token = next;
  }
  const rawItems = kept.reduce((n, items) => n + items.length, 0);
  result.sdkItemsBytesPerItem = (settledHeapBytes(gc) - before) / rawItems;
  kept = [];

  // Calls that do not come from this loop come from VS Code's own tree (it keeps a copy of each TreeItem).
  let ours = false;
  let externalGetChildren = 0;
  let externalGetTreeItem = 0;
  const getChildren = provider.getChildren.bind(provider);
  const getTreeItem = provider.getTreeItem.bind(provider);
  provider.getChildren = (node) => {
    if (!ours) {
      externalGetChildren++;
    }
    return getChildren(node);
  };
  provider.getTreeItem = (node) => {
    if (!ours) {
      externalGetTreeItem++;
    }
    return getTreeItem(node);
  };
  result.treeViewVisible = provider.treeView.visible ? 1 : 0;
  provider.refresh();
  before = settledHeapBytes(gc);
  ours = true;
  let rows: TreeNode[] | undefined = await provider.getChildren();
  for (let page = 2; page <= pagesToLoad; page++) {
    const loadMore = rows.at(-1);
    if (!isLoadMore(loadMore)) {
      throw new Error(`page ${page}: no Load more row`);
    }
    ours = false;
    await loadMore.list.loadMore();
    ours = true;
    rows = await provider.getChildren();
  }
  ours = false;
  // Counted without asking for TreeItems (itemRows would build them).
  const items = rows.filter((row) => 'item' in row).length;
  rows = undefined;
  const withNodes = settledHeapBytes(gc);
  if (process.env.AWS_HISTORY_BENCH_SNAPSHOT) {
    v8.writeHeapSnapshot(process.env.AWS_HISTORY_BENCH_SNAPSHOT);
  }
  result.itemsAndNodesBytesPerItem = (withNodes - before) / items;
  rows = await provider.getChildren();
  touchTreeItems(provider, rows);
  const tooltips = itemRows(rows)
    .slice(0, 100)
    .map((row) => {
      const tooltip = provider.getTreeItem(row).tooltip;
      return typeof tooltip === 'string' ? tooltip.length : (tooltip?.value.length ?? 0);
    });
  rows = undefined;
  result.treeItemsBytesPerItem = (settledHeapBytes(gc) - withNodes) / items;
  result.tooltipCharsPerItem = median(tooltips);
  result.externalGetChildren = externalGetChildren;
  result.externalGetTreeItem = externalGetTreeItem;
  Reflect.deleteProperty(provider, 'getChildren');
  Reflect.deleteProperty(provider, 'getTreeItem');
  provider.refresh();
  return result;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** `--diagnose`: a CPU profile of the extension host around `work`, as "self ms  function  file:line" lines. */
export async function profileTop<T>(work: () => Promise<T>, top = 15): Promise<{ result: T; lines: string[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] } };
    return { result, lines: summarizeProfile(profile, top) };
  } finally {
    session.disconnect();
  }
}

function summarizeProfile(profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }, top: number): string[] {
  const samples = profile.samples?.length ?? 0;
  const msPerSample = samples ? (profile.endTime - profile.startTime) / 1000 / samples : 0;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0) * msPerSample);
  }
  return [...self.entries()]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${key}`);
}
