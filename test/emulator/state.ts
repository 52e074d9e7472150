/**
 * Mutable server state on top of the immutable data set: lookup indexes per
 * region, stopped executions, and the emulator clock.
 */
import { appendStopEvents, buildHistory } from './gen-history';
import {
  ACCOUNT_ID,
  BackupRecord,
  BacktrackRecord,
  ClusterRecord,
  Dataset,
  ErrorObject,
  ExecutionRecord,
  FunctionRecord,
  HistoryEvent,
  RegionData,
  TableRecord,
} from './model';
import { accountRegionData } from './data';
import { LIVE_REGION, liveFunctions, type DurableRuntime } from './durable';

export interface RegionIndex {
  data: RegionData;
  tablesByName: Map<string, TableRecord>;
  backupsByArn: Map<string, BackupRecord>;
  clustersById: Map<string, ClusterRecord>;
  /** Newest first, per cluster. */
  backtracksByCluster: Map<string, BacktrackRecord[]>;
  functionsByName: Map<string, FunctionRecord>;
  /** Newest first, per function. */
  executionsByFunction: Map<string, ExecutionRecord[]>;
  executionsByArn: Map<string, ExecutionRecord>;
}

/** A table made by a restore: CREATING until it has been described `describesUntilActive` more times. */
export interface RestoredTable {
  record: TableRecord;
  describesUntilActive: number;
  sourceBackupArn?: string;
  sourceTableArn?: string;
  restoreMs: number;
}

/** A backup made by CreateBackup: CREATING until it has been described `describesUntilAvailable` more times. */
export interface CreatedBackup {
  record: BackupRecord;
  describesUntilAvailable: number;
}

/**
 * What DynamoDB actions changed in one region, over the generated data (which stays untouched, so a
 * reset is just dropping this). Deleted backups vanish from lists and describes once DeleteBackup answered.
 */
export class DynamoChanges {
  readonly created = new Map<string, CreatedBackup>();
  readonly deleted = new Set<string>();
  readonly tables = new Map<string, RestoredTable>();
  private serial = 0;

  /** A fresh 8-hex-digit suffix for backup ARNs and table ids (deterministic per emulator run). */
  nextSuffix(): string {
    this.serial++;
    return this.serial.toString(16).padStart(8, '0');
  }
}

interface StopRecord {
  stopMs: number;
  error: ErrorObject;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) {
      list.push(item);
    } else {
      map.set(k, [item]);
    }
  }
  return map;
}

function indexRegion(data: RegionData): RegionIndex {
  return {
    data,
    tablesByName: new Map(data.tables.map((t) => [t.name, t])),
    backupsByArn: new Map(data.backups.map((b) => [b.backupArn, b])),
    clustersById: new Map(data.clusters.map((c) => [c.identifier, c])),
    backtracksByCluster: groupBy(data.backtracks, (b) => b.clusterIdentifier),
    functionsByName: new Map(data.functions.map((f) => [f.name, f])),
    executionsByFunction: groupBy(data.executions, (e) => e.functionName),
    executionsByArn: new Map(data.executions.map((e) => [e.arn, e])),
  };
}

const HISTORY_CACHE_SIZE = 16;
const LIST_CACHE_SIZE = 8;

export class EmulatorState {
  private readonly indexes = new Map<string, RegionIndex>();
  private readonly stops = new Map<string, StopRecord>();
  private readonly historyCache = new Map<string, HistoryEvent[]>();
  /** Filtered listings by scope, so paging a 20,000-item list costs one filter, not one per page. */
  private readonly listCache = new Map<string, unknown>();
  /** Backtracks made by BacktrackDBCluster, newest first, per `region/cluster`; dropped on reset. */
  private readonly createdBacktracks = new Map<string, BacktrackRecord[]>();
  private readonly dynamoChanges = new Map<string, DynamoChanges>();

  /**
   * @param durable the real durable functions, when the emulator runs them (their executions are the
   *   runtime's; only their function records join the region's data).
   * @param clock the emulator clock: virtual time runs `timeScale` times faster than real time from `startedAt`.
   */
  constructor(
    readonly dataset: Dataset,
    readonly durable?: DurableRuntime,
    private readonly clock: { startedAt: number; timeScale: number } = { startedAt: Date.now(), timeScale: 1 },
  ) {}

  /** The data of `name` in `account` (the first account's unless the request was signed for another). */
  region(name: string, account = ACCOUNT_ID): RegionIndex {
    const key = `${account}|${name}`;
    let index = this.indexes.get(key);
    if (!index) {
      const data = accountRegionData(this.dataset, account, name);
      const functions =
        this.durable && account === ACCOUNT_ID && name === LIVE_REGION
          ? [...data.functions, ...liveFunctions(this.dataset.now)].sort((a, b) => (a.name < b.name ? -1 : 1))
          : data.functions;
      index = indexRegion({ ...data, functions });
      this.indexes.set(key, index);
    }
    return index;
  }

  /** The DynamoDB actions' changes in a region (created/deleted backups, restored tables). */
  dynamo(region: string): DynamoChanges {
    let changes = this.dynamoChanges.get(region);
    if (!changes) {
      changes = new DynamoChanges();
      this.dynamoChanges.set(region, changes);
    }
    return changes;
  }

  /** Emulator time: the data set's `now`, advancing `timeScale` times as fast as real time since start. */
  clockMs(): number {
    return Math.round(this.dataset.now + (Date.now() - this.clock.startedAt) * this.clock.timeScale);
  }

  /** The record as currently seen by clients (StopDurableExecution applied). */
  effectiveExecution(exec: ExecutionRecord): ExecutionRecord {
    const stop = this.stops.get(exec.arn);
    if (!stop) {
      return exec;
    }
    return { ...exec, status: 'STOPPED', endMs: stop.stopMs, lastEventMs: stop.stopMs };
  }

  stopError(exec: ExecutionRecord): ErrorObject | undefined {
    return this.stops.get(exec.arn)?.error;
  }

  stopExecution(exec: ExecutionRecord, error: ErrorObject): number {
    // Never earlier than the last event, even if the caller picked a `now` in the future.
    const stopMs = Math.max(this.clockMs(), exec.lastEventMs + 1);
    this.stops.set(exec.arn, { stopMs, error });
    this.listCache.clear();
    return stopMs;
  }

  /** Records a BacktrackDBCluster request; it shows first in the cluster's list. */
  addBacktrack(region: string, record: BacktrackRecord): void {
    const key = `${region}/${record.clusterIdentifier}`;
    this.createdBacktracks.set(key, [record, ...(this.createdBacktracks.get(key) ?? [])]);
  }

  /** The cluster's backtracks as clients see them: the ones made here (newest first), then the data set's. */
  backtracksOf(region: string, clusterIdentifier: string): BacktrackRecord[] {
    const generated = this.region(region).backtracksByCluster.get(clusterIdentifier) ?? [];
    const created = this.createdBacktracks.get(`${region}/${clusterIdentifier}`);
    return created ? [...created, ...generated] : generated;
  }

  /**
   * A made backtrack advances one step each time a describe returns it (PENDING → APPLYING → COMPLETED), so
   * a client polling it sees every state, however fast it polls. Generated backtracks never change.
   */
  advanceBacktracks(region: string, shown: readonly BacktrackRecord[]): void {
    const created = new Set(this.createdBacktracks.get(`${region}/${shown[0]?.clusterIdentifier ?? ''}`) ?? []);
    for (const record of shown) {
      if (created.has(record)) {
        record.status = record.status === 'PENDING' ? 'APPLYING' : record.status === 'APPLYING' ? 'COMPLETED' : record.status;
      }
    }
  }

  /** Returns the cached value for `key` (any JSON-able scope) or computes and caches it. */
  memo<T>(key: unknown, compute: () => T): T {
    const k = JSON.stringify(key);
    if (this.listCache.has(k)) {
      return this.listCache.get(k) as T;
    }
    const value = compute();
    if (this.listCache.size >= LIST_CACHE_SIZE) {
      this.listCache.delete(this.listCache.keys().next().value as string);
    }
    this.listCache.set(k, value);
    return value;
  }

  history(exec: ExecutionRecord): HistoryEvent[] {
    let base = this.historyCache.get(exec.arn);
    if (!base) {
      base = buildHistory(exec);
      if (this.historyCache.size >= HISTORY_CACHE_SIZE) {
        this.historyCache.delete(this.historyCache.keys().next().value as string);
      }
      this.historyCache.set(exec.arn, base);
    }
    const stop = this.stops.get(exec.arn);
    return stop ? appendStopEvents(base, exec, stop.stopMs, stop.error) : base;
  }

  /** Back to the data set as generated (the log and faults are reset by their owners). */
  reset(): void {
    this.stops.clear();
    this.listCache.clear();
    this.createdBacktracks.clear();
    this.dynamoChanges.clear();
  }
}
