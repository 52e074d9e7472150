// 100 pages of 100 backups (BigTable), one Load more at a time, the way the tree does it: the Load more
// row's command, then getChildren and every row's TreeItem. Also: requests per expand and per Load more,
// the root's change events, and the heap the loaded items keep.
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { benchPageSize, earlyPages, latePages, pagesToLoad, type HeapSample, type PagingSample } from '../protocol';
import { heapMethod, exposeGc, settledHeapBytes } from './heap';
import { RequestCursor, clickRow, isLoadMore, itemRows, median, touchTreeItems } from './host';
import { rawListBackups } from './rawClient';

const rawRepeats = 3;
const localRepeats = 11;

function windowOf<T>(values: readonly T[], [first, last]: readonly [number, number]): T[] {
  return values.slice(first - 1, last);
}

export async function measurePaging(provider: PagedTreeProvider, table: string): Promise<{ paging: PagingSample; heap: HeapSample }> {
  const gc = exposeGc();
  provider.refresh();
  const heapBefore = gc ? settledHeapBytes(gc) : undefined;
  const cursor = await RequestCursor.start();
  const rootEvents = { undefined: 0, node: 0 };
  const subscription = provider.onDidChangeTreeData((node) => {
    if (node === undefined) {
      rootEvents.undefined++;
    } else {
      rootEvents.node++;
    }
  });
  const pageMs: number[] = [];
  /** Extension-host CPU time (all threads) per page: insensitive to other processes taking the cores. */
  const pageCpuMs: number[] = [];
  /** GC pause time inside each page's window. */
  const pageGcMs: number[] = [];
  const localMs: number[] = [];
  // GC entries arrive in batches after the fact: kept with their start times and matched to the pages' windows.
  const gcPauses: { start: number; duration: number }[] = [];
  const pageWindows: { start: number; end: number }[] = [];
  const keepPauses = (entries: readonly PerformanceEntry[]): void => {
    for (const entry of entries) {
      gcPauses.push({ start: entry.startTime, duration: entry.duration });
    }
  };
  const gcObserver = new PerformanceObserver((list) => keepPauses(list.getEntries()));
  gcObserver.observe({ entryTypes: ['gc'] });
  let cpu = process.cpuUsage();
  const startPage = (): number => {
    cpu = process.cpuUsage();
    return performance.now();
  };
  const endPage = (t0: number): void => {
    const end = performance.now();
    pageMs.push(end - t0);
    pageWindows.push({ start: t0, end });
    const used = process.cpuUsage(cpu);
    pageCpuMs.push((used.user + used.system) / 1000);
  };
  const loadMoreRequests: number[] = [];
  const tokens: (string | undefined)[] = [undefined];
  let expandRequests = 0;
  let items = 0;
  try {
    let t0 = startPage();
    let rows: TreeNode[] | undefined = await provider.getChildren();
    touchTreeItems(provider, rows);
    endPage(t0);
    expandRequests = (await cursor.take()).length;
    for (let page = 2; page <= pagesToLoad; page++) {
      const loadMore = rows.at(-1);
      if (!isLoadMore(loadMore)) {
        throw new Error(`page ${page}: the last row is not Load more`);
      }
      t0 = startPage();
      await clickRow(loadMore);
      rows = await provider.getChildren();
      touchTreeItems(provider, rows);
      endPage(t0);
      const sent = await cursor.take();
      loadMoreRequests.push(sent.length);
      tokens.push(sent.find((e) => e.operation === 'ListBackups')?.params.ExclusiveStartBackupArn as string | undefined);
    }
    items = itemRows(rows).length;
    if (items !== pagesToLoad * benchPageSize) {
      throw new Error(`${items} items after ${pagesToLoad} pages, expected ${pagesToLoad * benchPageSize}`);
    }
    rows = undefined; // the heap figure is what the extension keeps, not this loop
    // The provider's own share of a late page: getChildren + TreeItems of 10,000 loaded rows, no request.
    for (let i = 0; i < localRepeats; i++) {
      const t1 = performance.now();
      touchTreeItems(provider, await provider.getChildren());
      localMs.push(performance.now() - t1);
    }
  } finally {
    subscription.dispose();
    keepPauses(gcObserver.takeRecords());
    gcObserver.disconnect();
  }
  for (const window of pageWindows) {
    pageGcMs.push(gcPauses.filter((p) => p.start >= window.start && p.start < window.end).reduce((sum, p) => sum + p.duration, 0));
  }
  const heap: HeapSample =
    gc && heapBefore !== undefined
      ? (() => {
          const afterBytes = settledHeapBytes(gc);
          return { measured: true, method: heapMethod, beforeBytes: heapBefore, afterBytes, items, perItemBytes: (afterBytes - heapBefore) / items };
        })()
      : { measured: false, reason: 'no gc function could be obtained in the extension host (--expose-gc refused)' };

  // The emulator's own share: the same early and late pages fetched with the raw client, interleaved.
  const raw = rawListBackups(table, benchPageSize);
  const earlyTokens = windowOf(tokens, earlyPages);
  const lateTokens = windowOf(tokens, latePages);
  const rawEarlyMs: number[] = [];
  const rawLateMs: number[] = [];
  for (let r = 0; r < rawRepeats; r++) {
    for (let i = 0; i < earlyTokens.length; i++) {
      rawEarlyMs.push(await raw.timePage(earlyTokens[i]));
      rawLateMs.push(await raw.timePage(lateTokens[i]));
    }
  }
  const paging: PagingSample = {
    pageMs,
    ratio: median(windowOf(pageMs, latePages)) / median(windowOf(pageMs, earlyPages)),
    pageCpuMs,
    cpuRatio: median(windowOf(pageCpuMs, latePages)) / median(windowOf(pageCpuMs, earlyPages)),
    pageGcMs,
    items,
    expandRequests,
    loadMoreRequests,
    rawEarlyMs,
    rawLateMs,
    rawRatio: median(rawLateMs) / median(rawEarlyMs),
    rootEvents,
    localAt10kMs: median(localMs),
  };
  provider.refresh();
  return { paging, heap };
}
