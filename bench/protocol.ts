// The JSON contract between the runner (bench/runBench.ts, outside VS Code) and the measures that run inside
// the extension host (bench/inHost/index.ts). One run = one fresh extension host = one Sample. Bundled into
// the in-host entry too, so it holds types and constants only.

/** Written by the runner before each page load; the in-host entry reads it to know which run it is. */
export interface BenchPlan {
  readonly iteration: number;
  /** Also time each step of the first page (bench/inHost/diagnose.ts). */
  readonly diagnose?: boolean;
}

export const planFile = 'plan.json';
export const sampleFile = (iteration: number): string => `sample-${iteration}.json`;
/** Created exclusively by the entry: a restarted extension host must not measure the same run twice. */
export const claimFile = (iteration: number): string => `claim-${iteration}`;

/** Environment variable naming the folder that holds the plan and the samples. */
export const benchDirVariable = 'AWS_HISTORY_BENCH_DIR';

/** Page windows compared for "page 100 / page 1" (1-based page numbers; page 1 is the expand). */
export const earlyPages = [2, 11] as const;
export const latePages = [91, 100] as const;
export const pagesToLoad = 100;
export const benchPageSize = 100;

export interface ActivationSample {
  /** `activationMs` from the test API (performance.measure('awsHistory:activate')). */
  activationMs: number;
  /** The same measure read back from the extension host's performance timeline, as a cross-check. */
  timelineMs: number | undefined;
  /** True when something had activated the extension before the benchmark asked (would skew nothing, but is noted). */
  wasActiveBefore: boolean;
  /** Module._cache keys matching /@aws-sdk|[\\/]dist[\\/]sdk[\\/]/ right after activation. */
  sdkModules: string[];
  loadedChunks: string[];
  /** dist/extension.js is in the module cache, so the module check above means something. */
  entryInCache: boolean;
  /** Emulator requests logged between the page load and the first expand. */
  requests: number;
}

export interface FirstPageSample {
  /** expand → rows: `provider.getChildren()` after `refresh()`, plus `getTreeItem` of every row. */
  providerMs: number[];
  /** The same, `getChildren()` alone (TreeItems not asked for). */
  providerChildrenOnlyMs: number[];
  /** `DynamoDBClient.send(new ListBackupsCommand({TableName: 'BigTable', Limit: 100}))`, same process. */
  rawMs: number[];
  ratio: number;
  childrenOnlyRatio: number;
  /** Cold first expand of the run (loads the SDK chunk, creates the client); not part of the ratio. */
  coldExpandMs: number;
  coldExpandRequests: number;
}

/** The round trip the emulator adds to ListBackups for connectionsExpandRatio: a nearby AWS region's. */
export const connectionsRttMs = 50;

export interface ConnectionsSample {
  /** refresh → root → first page, the DynamoDB view with one connection (no filter). */
  oneMs: number[];
  /** The same with four connections: the root's connection rows and each one's first page. */
  fourMs: number[];
  /** With the emulator answering ListBackups after a region-like round trip (see bench/inHost/connections.ts). */
  ratio: number;
  /** On loopback without delay: the four pages' CPU work only. */
  localRatio: number;
}

export interface PagingSample {
  /** Index 0 = page 1 (the expand), then one Load more per page. */
  pageMs: number[];
  ratio: number;
  /** Extension-host CPU time per page (process.cpuUsage, all threads) and the same late ÷ early ratio. */
  pageCpuMs: number[];
  cpuRatio: number;
  /** GC pause milliseconds inside each page (PerformanceObserver 'gc'). */
  pageGcMs: number[];
  items: number;
  /** Requests logged by the emulator for the expand and for each Load more. */
  expandRequests: number;
  loadMoreRequests: number[];
  /** Raw SDK ListBackups for the tokens of the early and late pages: how much the emulator itself slows down. */
  rawEarlyMs: number[];
  rawLateMs: number[];
  rawRatio: number;
  /** Change events fired by the root list's Load mores: undefined is VS Code's only name for a view's root. */
  rootEvents: { undefined: number; node: number };
  /** getChildren() + every TreeItem with 10,000 rows loaded and no request: the provider's O(n) part of a late page. */
  localAt10kMs: number;
}

export type HeapSample =
  { measured: true; method: string; beforeBytes: number; afterBytes: number; items: number; perItemBytes: number } | { measured: false; reason: string };

export interface TreeSample {
  /** Load mores on a nested list (big-function's executions). */
  nestedLoadMores: number;
  eventsForOwner: number;
  eventsUndefined: number;
  eventsOther: number;
  /** Rows already returned before a Load more, checked again after it. */
  checkedRows: number;
  /** Of those, rows whose node object changed. */
  nodesReplaced: number;
  /** Of those, rows whose TreeItem object changed (i.e. was rebuilt). */
  treeItemsRebuilt: number;
  /** Requests for expanding the function node, and for each of its Load mores. */
  nestedExpandRequests: number;
  nestedLoadMoreRequests: number[];
}

export interface PanelSample {
  method: string;
  /** host: command start → arrival of the page's `painted` message. */
  commandToPaintMs: number;
  /** Longest extension-host block over that window: max of the two monitors below. */
  longestBlockMs: number;
  eventLoopDelayMaxMs: number;
  timerDriftMaxMs: number;
  /** The page's own performance.now() at paint (page time origin, for the record). */
  pagePaintMs: number | undefined;
  historyEventsShown: number | undefined;
  /** Host milliseconds after the command: page script ready, document built, document posted, longest drift. */
  phasesMs: { pageReady?: number | undefined; documentBuilt?: number | undefined; documentPosted?: number | undefined; longestDriftEnded?: number };
}

export interface PanelUpdatesSample {
  method: string;
  /** Bytes (JSON length) posted to the page from "Load all" to its end, 10,000 events. */
  loadAllPostedBytes: number;
  finalDocumentBytes: number;
  loadAllBytesRatio: number;
  /** Events loaded in the RUNNING execution's panel before the tick. */
  runningEvents: number;
  /** Emulator requests of one auto-refresh tick, and the bytes it posted. */
  refreshRequests: number;
  refreshPostedBytes: number;
  /** What the tick sent (operation and query) and posted (message type and bytes), for the record. */
  refreshRequestLog: string[];
  refreshMessages: string[];
}

export interface ExportSample {
  method: string;
  /** awsHistory.exportList of the 10,000 BigTable backups (all pages, CSV), per round. */
  exportMs: number[];
  /** The same backups paged with the raw SDK client (Limit 100), per round, taking turns with the export. */
  rawMs: number[];
  /** median(exportMs) ÷ median(rawMs). */
  ratio: number;
  items: number;
  /** The 100,000-backup export (HugeTable): items written and its duration. */
  hugeItems: number;
  hugeMs: number;
  /** Retained heap (after full GCs) before it, and the largest sampled every 10,000 items written. */
  heapBeforeBytes: number;
  heapPeakBytes: number;
  heapGrowthMB: number;
  /** The largest used heap seen at any progress step without a GC (garbage included), minus before. */
  uncollectedGrowthMB: number;
}

export interface Sample {
  iteration: number;
  startedAt: string;
  durationMs: number;
  activation?: ActivationSample;
  firstPage?: FirstPageSample;
  connections?: ConnectionsSample;
  paging?: PagingSample;
  heap?: HeapSample;
  tree?: TreeSample;
  panel?: PanelSample;
  panelUpdates?: PanelUpdatesSample;
  export?: ExportSample;
  /** `--diagnose` only: median milliseconds of each step of the first page. */
  diagnosis?: Record<string, number>;
  /** `--diagnose` only: the heaviest functions (self time) of the details-panel window. */
  profile?: string[];
  /** A failed measure: its name → message. The runner prints "not measured" for it. */
  errors: Record<string, string>;
}
