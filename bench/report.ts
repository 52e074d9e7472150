// Turns the runs' samples and the artefact sizes into the rows of the issue's table: figure (median over
// runs), min, max, target and verdict. A measure with no sample says so instead of showing a number.
import { connectionsRttMs, earlyPages, latePages, type Sample } from './protocol';
import type { Sizes } from './sizes';
import { spread, type Spread } from './stats';

export type Verdict = 'PASS' | 'FAIL' | 'NOT MEASURED' | 'INFO';

export interface Row {
  /** Stable across versions (results.json of two releases compare row by row); never reuse one for another measure. */
  id: string;
  measure: string;
  median: string;
  min: string;
  max: string;
  target: string;
  result: Verdict;
  /** How the figure is taken, or why it is missing. */
  note?: string;
  /** Per-run raw values (results.json). */
  values?: unknown[];
}

const KB = 1024;
const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value: number, digits = 1): string => `${value.toFixed(digits)} ms`;
const ratio = (value: number): string => value.toFixed(2);

interface NumericRow {
  id: string;
  measure: string;
  target: string;
  values: number[];
  format: (value: number) => string;
  pass: (s: Spread) => boolean;
  runs: number;
  missing: string;
  note?: string;
}

function numericRow(r: NumericRow): Row {
  const s = spread(r.values);
  if (!s) {
    return {
      id: r.id,
      measure: r.measure,
      median: 'not measured',
      min: '-',
      max: '-',
      target: r.target,
      result: 'NOT MEASURED',
      note: r.missing,
      values: r.values,
    };
  }
  const complete = s.count >= r.runs;
  return {
    id: r.id,
    measure: r.measure,
    median: r.format(s.median),
    min: r.format(s.min),
    max: r.format(s.max),
    target: r.target,
    result: !complete ? 'NOT MEASURED' : r.pass(s) ? 'PASS' : 'FAIL',
    note: complete ? r.note : `only ${s.count} of ${r.runs} runs measured: ${r.missing}`,
    values: r.values,
  };
}

function firstError(samples: readonly Sample[], ...names: string[]): string {
  for (const sample of samples) {
    for (const name of [...names, 'run']) {
      if (sample.errors[name]) {
        return `run ${sample.iteration}: ${sample.errors[name].split('\n')[0]}`;
      }
    }
  }
  return 'no run produced it';
}

function defined<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

export function buildRows(samples: readonly Sample[], sizes: Sizes | undefined, runs: number, sizeError?: string): Row[] {
  const rows: Row[] = [];
  const activation = defined(samples.map((s) => s.activation));
  rows.push(
    numericRow({
      id: 'activate',
      measure: '`activate()` duration (performance marks inside the extension)',
      target: '≤ 15 ms',
      values: activation.map((a) => a.activationMs),
      format: (v) => ms(v, 2),
      pass: (s) => s.median <= 15,
      runs,
      missing: firstError(samples, 'activation'),
      note: "performance.measure('awsHistory:activate') around activate()'s body, production build, one fresh extension host per run",
    }),
  );
  const sdkCounts = activation.map((a) => (a.entryInCache ? a.sdkModules.length + a.loadedChunks.length : Number.NaN));
  rows.push(
    numericRow({
      id: 'sdkModulesAtActivation',
      measure: '`@aws-sdk` modules loaded after activation, before any view is expanded',
      target: '0',
      values: sdkCounts,
      format: (v) => String(v),
      pass: (s) => s.max === 0,
      runs,
      missing: activation.some((a) => !a.entryInCache) ? 'dist/extension.js not found in Module._cache' : firstError(samples, 'activation'),
      note: 'Module._cache keys matching /@aws-sdk|[\\\\/]dist[\\\\/]sdk[\\\\/]/ + clients.loadedChunks',
    }),
  );
  rows.push(requestsRow(samples, runs));
  rows.push(...sizeRows(sizes, sizeError));
  const firstPage = defined(samples.map((s) => s.firstPage));
  rows.push(
    numericRow({
      id: 'firstPageRatio',
      measure: 'first page: expand → rows returned by the provider ÷ same `fetchPage` with the raw SDK client',
      target: '≤ 1.2',
      values: firstPage.map((f) => f.ratio),
      format: ratio,
      pass: (s) => s.median <= 1.2,
      runs,
      missing: firstError(samples, 'firstPage'),
      note:
        'per run: median over 21 rounds (after 3 warm-up rounds) of refresh() + getChildren() + getTreeItem of each of the 100 rows, ÷ median of ' +
        'DynamoDBClient.send(ListBackupsCommand {TableName: BigTable, Limit: 100}) from the bench bundle in the same extension host; ' +
        'the kinds take turns in a rotating order',
    }),
  );
  const connections = defined(samples.map((s) => s.connections));
  rows.push(
    numericRow({
      id: 'connectionsExpandRatio',
      measure: 'first page of a view with 4 connections ÷ with one connection',
      target: '≤ 1.3',
      values: connections.map((c) => c.ratio),
      format: ratio,
      pass: (s) => s.median <= 1.3,
      runs,
      missing: firstError(samples, 'connections'),
      note:
        "per run: median over 15 rounds (after 3 warm-up rounds) of refresh() + getChildren() of the root + every connection's first page, " +
        'DynamoDB view without filter; 4 = default and prod (two accounts) × us-east-1 and eu-west-1; the kinds take turns; ' +
        `the emulator answers ListBackups after a ${connectionsRttMs} ms round trip, as a region does (loopback without it: connectionsLocalRatio)`,
    }),
  );
  const paging = defined(samples.map((s) => s.paging));
  rows.push(
    numericRow({
      id: 'pagingRatio',
      measure: 'page 100 / page 1 time, 100 pages of 100 items, one Load more at a time',
      target: '≤ 1.5',
      values: paging.map((p) => p.ratio),
      format: ratio,
      pass: (s) => s.median <= 1.5,
      runs,
      missing: firstError(samples, 'paging'),
      note: `per run: median of pages ${latePages.join('–')} ÷ median of pages ${earlyPages.join('–')} (Load more command → getChildren + getTreeItem of every row)`,
    }),
  );
  const heap = defined(samples.map((s) => s.heap));
  const heapMeasured = heap.filter((h) => h.measured);
  const heapUnmeasured = heap.find((h) => !h.measured);
  rows.push(
    numericRow({
      id: 'heapPerItem',
      measure: 'extension-host heap growth per loaded item at 10,000 items',
      target: '≤ 2 KB',
      values: heapMeasured.map((h) => h.perItemBytes),
      format: (v) => `${Math.round(v)} B`,
      pass: (s) => s.median <= 2 * KB,
      runs,
      missing: heapUnmeasured && !heapUnmeasured.measured ? heapUnmeasured.reason : firstError(samples, 'paging'),
      note: heapMeasured[0]?.method,
    }),
  );
  const panelMeasured = defined(samples.map((s) => s.panel));
  const panelMissing = firstError(samples, 'panel');
  rows.push(
    numericRow({
      id: 'panelFirstPaint',
      measure: 'details panel, 10,000-event history: command → first paint in the webview',
      target: '≤ 1 s',
      values: panelMeasured.map((p) => p.commandToPaintMs),
      format: (v) => ms(v, 0),
      pass: (s) => s.median <= 1000,
      runs,
      missing: panelMissing,
      note: panelMeasured[0]?.method,
    }),
    numericRow({
      id: 'panelLongestBlock',
      measure: 'longest extension-host block during that',
      target: '≤ 200 ms',
      values: panelMeasured.map((p) => p.longestBlockMs),
      format: (v) => ms(v, 0),
      pass: (s) => s.median <= 200,
      runs,
      missing: panelMissing,
      note: 'max(monitorEventLoopDelay({resolution: 10}).max, drift of a 10 ms setInterval)',
    }),
  );
  rows.push(...treeRows(samples, runs));
  rows.push(...panelUpdateRows(samples, runs));
  rows.push(...exportRows(samples, runs));
  rows.push(...infoRows(samples));
  return rows;
}

function panelUpdateRows(samples: readonly Sample[], runs: number): Row[] {
  const updates = defined(samples.map((s) => s.panelUpdates));
  const missing = firstError(samples, 'panelUpdates');
  const note = updates[0]?.method;
  return [
    numericRow({
      id: 'historyLoadAllBytesRatio',
      measure: 'details panel "Load all" of 10,000 events: bytes posted to the page ÷ bytes of the final document',
      target: '≤ 2',
      values: updates.map((u) => u.loadAllBytesRatio),
      format: ratio,
      pass: (s) => s.median <= 2,
      runs,
      missing,
      note,
    }),
    numericRow({
      id: 'runningRefreshRequests',
      measure: 'requests per auto-refresh tick of a RUNNING execution with 10,000 events loaded',
      target: '≤ 2',
      values: updates.map((u) => u.refreshRequests),
      format: (v) => String(v),
      pass: (s) => s.max <= 2,
      runs,
      missing,
    }),
    numericRow({
      id: 'runningRefreshKB',
      measure: 'KB posted to the page per such tick',
      target: '≤ 64 KB',
      values: updates.map((u) => u.refreshPostedBytes),
      format: kb,
      pass: (s) => s.median <= 64 * KB,
      runs,
      missing,
    }),
  ];
}

function exportRows(samples: readonly Sample[], runs: number): Row[] {
  const exports = defined(samples.map((s) => s.export));
  const missing = firstError(samples, 'export');
  return [
    numericRow({
      id: 'exportRatio',
      measure: 'Export… all 10,000 backups to CSV ÷ paging them with the raw SDK',
      target: '≤ 1.2',
      values: exports.map((e) => e.ratio),
      format: ratio,
      pass: (s) => s.median <= 1.2,
      runs,
      missing,
      note: exports[0] ? `per run: median of ${exports[0].exportMs.length} rounds each, taking turns; ${exports[0].method}` : undefined,
    }),
    numericRow({
      id: 'exportHeapMB',
      measure: 'extension-host heap growth while exporting 100,000 items',
      target: '≤ 32 MB',
      values: exports.map((e) => e.heapGrowthMB),
      format: (v) => `${v.toFixed(1)} MB`,
      pass: (s) => s.median <= 32,
      runs,
      missing,
      note: exports[0]
        ? `retained heap (two full GCs) every 10,000 items written, largest minus before; without GC (garbage included) the largest used heap grew ${exports.map((e) => e.uncollectedGrowthMB.toFixed(0)).join(', ')} MB; 100,000-item export took ${exports.map((e) => (e.hugeMs / 1000).toFixed(1)).join(', ')} s`
        : undefined,
    }),
  ];
}

function requestsRow(samples: readonly Sample[], runs: number): Row {
  const measure = 'requests sent at activation; per expand; per Load more';
  const target = '0; 1; 1';
  const usable = samples.filter((s) => s.activation && s.firstPage && s.paging && s.tree);
  const id = 'requestsPerAction';
  if (usable.length === 0) {
    return {
      id,
      measure,
      median: 'not measured',
      min: '-',
      max: '-',
      target,
      result: 'NOT MEASURED',
      note: firstError(samples, 'activation', 'firstPage', 'paging', 'tree'),
    };
  }
  const perRun = usable.map((s) => ({
    activation: s.activation?.requests ?? Number.NaN,
    expands: [s.firstPage?.coldExpandRequests ?? Number.NaN, s.paging?.expandRequests ?? Number.NaN, s.tree?.nestedExpandRequests ?? Number.NaN],
    loadMores: [...(s.paging?.loadMoreRequests ?? []), ...(s.tree?.nestedLoadMoreRequests ?? [])],
  }));
  const all = {
    activation: perRun.map((r) => r.activation),
    expand: perRun.flatMap((r) => r.expands),
    loadMore: perRun.flatMap((r) => r.loadMores),
  };
  const pick = (f: (s: Spread) => number): string =>
    [all.activation, all.expand, all.loadMore]
      .map((v) => {
        const s = spread(v);
        return s ? String(f(s)) : '?';
      })
      .join('; ');
  const exact = all.activation.every((v) => v === 0) && all.expand.every((v) => v === 1) && all.loadMore.every((v) => v === 1);
  return {
    id,
    measure,
    median: pick((s) => s.median),
    min: pick((s) => s.min),
    max: pick((s) => s.max),
    target,
    result: usable.length < runs ? 'NOT MEASURED' : exact ? 'PASS' : 'FAIL',
    note:
      `emulator request log; over ${perRun.length} runs: ${all.expand.length} expands (DynamoDB root cold and warm, a Lambda function node) ` +
      `and ${all.loadMore.length} Load mores (DynamoDB root, Lambda executions), every one must match`,
    values: perRun,
  };
}

function sizeRows(sizes: Sizes | undefined, error?: string): Row[] {
  const measure = 'main extension bundle (minified) / each lazily loaded service chunk / webview bundle';
  const vsixMeasure = 'VSIX size';
  if (!sizes) {
    const missing = (id: string, m: string, target: string): Row => ({
      id,
      measure: m,
      median: 'not measured',
      min: '-',
      max: '-',
      target,
      result: 'NOT MEASURED',
      note: error,
    });
    return [missing('bundleSizes', measure, '≤ 150 KB / report / ≤ 200 KB'), missing('vsixSize', vsixMeasure, '≤ 1.5 MB')];
  }
  const chunks = Object.entries(sizes.chunks)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
  const figure = `${kb(sizes.mainBytes)} / ${chunks} / ${kb(sizes.webviewJsBytes)}`;
  const vsix = `${(sizes.vsixBytes / KB / KB).toFixed(2)} MB`;
  const lazyBytes = Object.values(sizes.lazyChunks);
  const lazy = `lazy chunks of the extension's code (dist/lazy, loaded at first use): ${lazyBytes.length} files, ${kb(lazyBytes.reduce((a, b) => a + b, 0))} in all, the largest ${kb(Math.max(0, ...lazyBytes))}`;
  return [
    {
      id: 'bundleSizes',
      measure,
      median: figure,
      min: '=',
      max: '=',
      target: '≤ 150 KB / report / ≤ 200 KB',
      result: sizes.mainBytes <= 150 * KB && sizes.webviewJsBytes <= 200 * KB ? 'PASS' : 'FAIL',
      note: `node esbuild.mjs --production; 1 KB = 1,024 bytes; deterministic, measured once; webview CSS (not counted) ${kb(sizes.webviewCssBytes)}; ${lazy}`,
      values: [sizes],
    },
    {
      id: 'vsixSize',
      measure: vsixMeasure,
      median: vsix,
      min: '=',
      max: '=',
      target: '≤ 1.5 MB',
      result: sizes.vsixBytes <= 1.5 * KB * KB ? 'PASS' : 'FAIL',
      note: 'vsce package --no-dependencies of the production build',
      values: [sizes.vsixBytes],
    },
  ];
}

function treeRows(samples: readonly Sample[], runs: number): Row[] {
  const tree = defined(samples.map((s) => s.tree));
  const paging = defined(samples.map((s) => s.paging));
  const eventsMeasure = 'Load more refreshes only the node that changed (no full-tree refresh)';
  const itemsMeasure = 'the provider does not rebuild TreeItems of items it already returned';
  if (tree.length === 0) {
    const note = firstError(samples, 'tree');
    return [
      {
        id: 'treeEventsScoped',
        measure: eventsMeasure,
        median: 'not measured',
        min: '-',
        max: '-',
        target: '0 full-tree events',
        result: 'NOT MEASURED',
        note,
      },
      { id: 'treeItemsReused', measure: itemsMeasure, median: 'not measured', min: '-', max: '-', target: '0 rebuilt', result: 'NOT MEASURED', note },
    ];
  }
  const sum = (f: (t: (typeof tree)[number]) => number): number => tree.reduce((n, t) => n + f(t), 0);
  const undefinedEvents = sum((t) => t.eventsUndefined);
  const ownerEvents = sum((t) => t.eventsForOwner);
  const otherEvents = sum((t) => t.eventsOther);
  const rootUndefined = paging.reduce((n, p) => n + p.rootEvents.undefined, 0);
  const rootNode = paging.reduce((n, p) => n + p.rootEvents.node, 0);
  const rebuilt = sum((t) => t.treeItemsRebuilt);
  const replaced = sum((t) => t.nodesReplaced);
  const checked = sum((t) => t.checkedRows);
  const complete = tree.length >= runs;
  return [
    {
      id: 'treeEventsScoped',
      measure: eventsMeasure,
      median: `${undefinedEvents} full-tree / ${ownerEvents} owner-node / ${otherEvents} other events`,
      min: '-',
      max: '-',
      target: '0 full-tree events',
      result: !complete ? 'NOT MEASURED' : undefinedEvents === 0 && ownerEvents > 0 ? 'PASS' : 'FAIL',
      note:
        `nested list (big-function's executions), ${sum((t) => t.nestedLoadMores)} Load mores over ${tree.length} runs; ` +
        `root list (DynamoDB): ${rootUndefined} events with undefined (VS Code's only name for a view's root, which is the node that changed) and ${rootNode} with a node`,
      values: tree,
    },
    {
      id: 'treeItemsReused',
      measure: itemsMeasure,
      median: `${rebuilt} TreeItems rebuilt, ${replaced} nodes replaced of ${checked} rows`,
      min: '-',
      max: '-',
      target: '0 rebuilt',
      result: !complete ? 'NOT MEASURED' : rebuilt === 0 && replaced === 0 ? 'PASS' : 'FAIL',
      note: 'rows returned before a Load more compared by identity (node and getTreeItem result) after it',
    },
  ];
}

function infoRows(samples: readonly Sample[]): Row[] {
  const info = (id: string, measure: string, values: number[], format: (v: number) => string, note: string): Row => {
    const s = spread(values);
    return s
      ? { id, measure, median: format(s.median), min: format(s.min), max: format(s.max), target: 'report', result: 'INFO', note, values }
      : { id, measure, median: 'not measured', min: '-', max: '-', target: 'report', result: 'INFO', note };
  };
  const firstPage = defined(samples.map((s) => s.firstPage));
  const paging = defined(samples.map((s) => s.paging));
  const panel = defined(samples.map((s) => s.panel));
  const median = (values: number[]): number => spread(values)?.median ?? Number.NaN;
  const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);
  return [
    info(
      'firstPageProviderMs',
      'first page, provider (median ms per run)',
      firstPage.map((f) => median(f.providerMs)),
      (v) => ms(v),
      'refresh + getChildren() + getTreeItem of every row',
    ),
    info(
      'firstPageRawMs',
      'first page, raw SDK (median ms per run)',
      firstPage.map((f) => median(f.rawMs)),
      (v) => ms(v),
      'DynamoDBClient.send(ListBackupsCommand), same process',
    ),
    info(
      'connectionsLocalRatio',
      '4 connections ÷ 1, loopback without round trip',
      defined(samples.map((s) => s.connections)).map((c) => c.localRatio),
      ratio,
      'only the CPU of four pages on a 2-core machine: nothing for parallel requests to overlap',
    ),
    info(
      'firstPageChildrenOnlyRatio',
      'first page ratio, getChildren() alone',
      firstPage.map((f) => f.childrenOnlyRatio),
      ratio,
      'TreeItems not asked for',
    ),
    info(
      'coldExpandMs',
      'first expand of a run (SDK chunk load + client)',
      firstPage.map((f) => f.coldExpandMs),
      (v) => ms(v),
      'one-time cost, not in the ratio',
    ),
    info(
      'earlyPagesMs',
      `pages ${earlyPages.join('–')}, Load more (median ms)`,
      paging.map((p) => median(p.pageMs.slice(earlyPages[0] - 1, earlyPages[1]))),
      (v) => ms(v),
      'Load more command → getChildren + every TreeItem',
    ),
    info(
      'latePagesMs',
      `pages ${latePages.join('–')}, Load more (median ms)`,
      paging.map((p) => median(p.pageMs.slice(latePages[0] - 1, latePages[1]))),
      (v) => ms(v),
      'same',
    ),
    info(
      'pagingCpuRatio',
      'page 100 / page 1, extension-host CPU time instead of wall time',
      paging.map((p) => p.cpuRatio),
      ratio,
      'process.cpuUsage() per page, same windows: not inflated by other processes on the machine',
    ),
    info(
      'gcPausesDelta',
      `GC pauses per page, pages ${earlyPages.join('–')} → ${latePages.join('–')} (mean ms)`,
      paging.map((p) => mean(p.pageGcMs.slice(latePages[0] - 1, latePages[1])) - mean(p.pageGcMs.slice(earlyPages[0] - 1, earlyPages[1]))),
      (v) => `${v >= 0 ? '+' : ''}${v.toFixed(2)} ms`,
      'late minus early window, PerformanceObserver gc entries',
    ),
    info(
      'localAt10kMs',
      'getChildren + TreeItems at 10,000 rows, no request (ms)',
      paging.map((p) => p.localAt10kMs),
      (v) => ms(v, 2),
      "the provider's own cost of a refresh at 10,000 rows (includes the root's setup check and any setContext it awaits)",
    ),
    info(
      'emulatorRawRatio',
      'emulator alone: raw SDK late ÷ early page',
      paging.map((p) => p.rawRatio),
      ratio,
      `raw client, same tokens as pages ${latePages.join('–')} and ${earlyPages.join('–')}: the part of the page ratio that is not the extension`,
    ),
    info(
      'panelEventsShown',
      'history events shown at first paint',
      panel.map((p) => p.historyEventsShown ?? Number.NaN),
      (v) => String(v),
      'first history page (awsHistory.pageSize)',
    ),
    info(
      'panelPageReadyMs',
      'details panel: page script ready after the command',
      panel.map((p) => p.phasesMs.pageReady ?? Number.NaN),
      (v) => ms(v, 0),
      "the webview's own boot (VS Code), the longest step of the paint",
    ),
    info(
      'panelDocumentBuiltMs',
      'details panel: document built after the command',
      panel.map((p) => p.phasesMs.documentBuilt ?? Number.NaN),
      (v) => ms(v, 0),
      'GetDurableExecution + first history page + document, in parallel with the boot',
    ),
  ];
}
