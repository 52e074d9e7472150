import type { ClientFactory } from '../aws/clientFactory';
import type { DetailSource } from '../webview/detailPanel';
import type { Block, Field, PanelDocument, TimelineBlock, TimelineItem } from '../webview/protocol';
import { bothTimes, humanDuration, relativeTime } from '../util/format';
import { describeBacktrack, type DBCluster, type DBClusterBacktrack } from './api';
import { backtrackTone, clusterIdentifier, localDateTime, rewoundText, windowText } from './backtrackFormat';

function time(date: Date | undefined): string | undefined {
  return date ? bothTimes(date) : undefined;
}

function shortId(id: string | undefined): string {
  return id ? id.slice(0, 8) : '?';
}

/**
 * The timeline picture: the backtrack window as a band ending now, and one arrow per loaded backtrack
 * of the cluster from BacktrackedFrom back to BacktrackTo, the shown one highlighted. Backtracks
 * missing either time cannot be drawn and are left out.
 */
export function backtrackTimeline(
  shown: DBClusterBacktrack,
  cluster: DBCluster | undefined,
  loaded: readonly DBClusterBacktrack[],
  now: number,
): TimelineBlock {
  const byId = new Map<string, DBClusterBacktrack>();
  for (const b of loaded) {
    byId.set(b.BacktrackIdentifier ?? '', b);
  }
  // The shown one is always drawn, with its freshest data.
  byId.set(shown.BacktrackIdentifier ?? '', shown);
  const items: TimelineItem[] = [];
  for (const b of byId.values()) {
    if (!b.BacktrackedFrom || !b.BacktrackTo) {
      continue;
    }
    const highlighted = b.BacktrackIdentifier === shown.BacktrackIdentifier;
    const requested = b.BacktrackRequestCreationTime ? `; requested ${localDateTime(b.BacktrackRequestCreationTime)}` : '';
    items.push({
      id: `backtrack:${b.BacktrackIdentifier ?? items.length}`,
      lane: 'Backtracks',
      shape: 'arrow',
      from: b.BacktrackedFrom.getTime(),
      to: b.BacktrackTo.getTime(),
      tone: backtrackTone(b.Status),
      highlighted,
      title: `${highlighted ? 'This backtrack' : 'Backtrack'} ${b.BacktrackIdentifier ?? ''} (${b.Status ?? 'unknown status'}): from ${localDateTime(b.BacktrackedFrom)} back to ${localDateTime(b.BacktrackTo)}, ${rewoundText(b) ?? ''}${requested}`,
    });
  }
  const windowSeconds = cluster?.BacktrackWindow ?? 0;
  const band =
    windowSeconds > 0 ? { from: now - windowSeconds * 1000, to: now, label: `Backtrack window ${windowText(windowSeconds)} (target), ending now` } : undefined;
  const times = [now, ...items.flatMap((i) => [i.from, i.to]), ...(band ? [band.from] : [])];
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max((max - min) * 0.02, 60_000);
  const here = shown.BacktrackedFrom && shown.BacktrackTo
    ? ` This one went from ${localDateTime(shown.BacktrackedFrom)} back to ${localDateTime(shown.BacktrackTo)} (${rewoundText(shown) ?? ''}).`
    : '';
  return {
    kind: 'timeline',
    id: 'timeline',
    title: 'Timeline',
    start: min - pad,
    end: max + pad,
    band,
    items,
    summary: `${band ? `Backtrack window of ${windowText(windowSeconds)} ending now. ` : ''}${items.length} loaded backtrack${items.length === 1 ? '' : 's'} of this cluster drawn as arrows from the time each backtrack started back to the time it rewound to.${here}`,
  };
}

/** The details document of one backtrack. Pure: tested with fixed data and a fixed `now`. */
export function backtrackDocument(
  b: DBClusterBacktrack,
  cluster: DBCluster | undefined,
  loaded: readonly DBClusterBacktrack[],
  now = Date.now(),
): PanelDocument {
  const requested = b.BacktrackRequestCreationTime;
  const backtrack: Field[] = [
    { label: 'Backtrack identifier', value: b.BacktrackIdentifier, copyId: 'backtrackId', mono: true },
    { label: 'Status', value: b.Status, badge: backtrackTone(b.Status) },
    { label: 'Backtracked to', value: time(b.BacktrackTo) },
    { label: 'Backtracked from', value: time(b.BacktrackedFrom) },
    {
      label: 'Rewound',
      value: b.BacktrackedFrom && b.BacktrackTo ? humanDuration(b.BacktrackedFrom.getTime() - b.BacktrackTo.getTime()) : undefined,
    },
    { label: 'Requested', value: time(requested), note: requested ? relativeTime(requested, now) : undefined },
    { label: 'DB cluster identifier', value: b.DBClusterIdentifier, copyId: 'clusterId' },
  ];
  const earliest = cluster?.EarliestBacktrackTime;
  const windowSeconds = cluster?.BacktrackWindow;
  const context: Field[] = [
    { label: 'Cluster ARN', value: cluster?.DBClusterArn, copyId: 'clusterArn', mono: true },
    { label: 'Engine', value: cluster ? [cluster.Engine, cluster.EngineVersion, cluster.EngineMode && `(${cluster.EngineMode})`].filter(Boolean).join(' ') : undefined },
    { label: 'Cluster status', value: cluster?.Status },
    { label: 'Backtrack window (target)', value: windowSeconds === undefined ? undefined : windowSeconds > 0 ? windowText(windowSeconds) : 'off', note: windowSeconds ? `${windowSeconds.toLocaleString('en-US')} s` : undefined },
    { label: 'Earliest backtrack time', value: time(earliest), note: earliest ? `actual window ${humanDuration(now - earliest.getTime())}` : undefined },
    { label: 'Consumed change records', value: cluster?.BacktrackConsumedChangeRecords?.toLocaleString('en-US') },
  ];
  const blocks: Block[] = [
    { kind: 'fields', id: 'backtrack', title: 'Backtrack', fields: backtrack },
    cluster
      ? { kind: 'fields', id: 'cluster', title: 'Cluster backtrack context', fields: context }
      : { kind: 'notice', id: 'cluster', tone: 'warn', text: 'The cluster could not be described, so its backtrack window is not shown.' },
    backtrackTimeline(b, cluster, loaded, now),
    { kind: 'code', id: 'raw', title: 'Raw JSON', text: JSON.stringify(b, null, 2), language: 'json', copyId: 'rawJson' },
  ];
  const clusterId = b.DBClusterIdentifier ?? (cluster ? clusterIdentifier(cluster) : undefined);
  return {
    title: `Backtrack ${shortId(b.BacktrackIdentifier)}`,
    subtitle: clusterId ? `Aurora backtrack of ${clusterId}` : 'Aurora backtrack',
    status: b.Status ? { text: b.Status, tone: backtrackTone(b.Status) } : undefined,
    actions: [],
    blocks,
  };
}

/** Key of a backtrack's panel and tree row: backtracks have no ARN of their own. */
export function backtrackKey(clusterArn: string, backtrackId: string): string {
  return `${clusterArn}/${backtrackId}`;
}

/**
 * The first load shows what the tree already holds (no request); Refresh describes the backtrack and its
 * cluster again and hands the fresh backtrack back so the tree row follows.
 */
export class BacktrackDetailSource implements DetailSource {
  readonly viewType = 'awsHistory.backtrackDetails';
  private fresh = false;

  constructor(
    private readonly clients: ClientFactory,
    readonly key: string,
    private backtrack: DBClusterBacktrack,
    private cluster: DBCluster,
    /** The cluster's backtracks loaded in the tree right now. */
    private readonly loaded: () => readonly DBClusterBacktrack[],
    private readonly onUpdated: (backtrack: DBClusterBacktrack) => void,
  ) {}

  title(): string {
    return `Backtrack ${shortId(this.backtrack.BacktrackIdentifier)}`;
  }

  async load(signal: AbortSignal): Promise<PanelDocument> {
    if (this.fresh) {
      const id = this.backtrack.BacktrackIdentifier ?? '';
      const latest = await describeBacktrack(this.clients, clusterIdentifier(this.cluster), id, signal);
      if (!latest.backtrack) {
        throw Object.assign(new Error(`Backtrack ${id} was not found.`), { name: 'DBClusterBacktrackNotFoundFault' });
      }
      this.backtrack = latest.backtrack;
      this.cluster = latest.cluster ?? this.cluster;
      this.onUpdated(latest.backtrack);
    }
    this.fresh = true;
    return backtrackDocument(this.backtrack, this.cluster, this.loaded());
  }
}
