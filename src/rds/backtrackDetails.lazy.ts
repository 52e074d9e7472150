import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type { DetailSource } from '../webview/detailSource';
import type { Block, Field, PanelDocument, TimelineBlock, TimelineItem } from '../shared/protocol';
import { bothTimes, formatNumber, humanDuration, localDateTime, relativeTime } from '../shared/format';
import { describeBacktrack, type DBCluster, type DBClusterBacktrack } from './api';
import type { CliCommand } from '../actions/cliCommand';
import { describeBacktrackCli } from './cli';
import { backtrackStatus, backtrackSupport, clusterIdentifier, rewoundText, windowText } from './backtrackFormat';
import { backtrackWindowOf } from './backtrackPlan';

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
    const requested = b.BacktrackRequestCreationTime ? l10n.t('; requested {0}', localDateTime(b.BacktrackRequestCreationTime)) : '';
    const titleArgs = [
      b.BacktrackIdentifier ?? '',
      b.Status ?? l10n.t('unknown status'),
      localDateTime(b.BacktrackedFrom),
      localDateTime(b.BacktrackTo),
      rewoundText(b) ?? '',
    ];
    items.push({
      id: `backtrack:${b.BacktrackIdentifier ?? items.length}`,
      lane: l10n.t('Backtracks'),
      shape: 'arrow',
      from: b.BacktrackedFrom.getTime(),
      to: b.BacktrackTo.getTime(),
      tone: backtrackStatus(b.Status).tone,
      highlighted,
      title:
        (highlighted
          ? l10n.t('This backtrack {0} ({1}): from {2} back to {3}, {4}', ...titleArgs)
          : l10n.t('Backtrack {0} ({1}): from {2} back to {3}, {4}', ...titleArgs)) + requested,
    });
  }
  const windowSeconds = cluster?.BacktrackWindow ?? 0;
  const band =
    windowSeconds > 0
      ? { from: now - windowSeconds * 1000, to: now, label: l10n.t('Backtrack window {0} (target), ending now', windowText(windowSeconds)) }
      : undefined;
  const opened = cluster ? backtrackWindowOf(cluster, now) : undefined;
  // Only the actual window [EarliestBacktrackTime, now] can be chosen, which may be shorter than the target band.
  const pick =
    opened && 'window' in opened
      ? { actionId: backtrackToAction, from: opened.window.earliest.getTime(), to: now, label: l10n.t('Backtrack the cluster to:') }
      : undefined;
  const times = [now, ...items.flatMap((i) => [i.from, i.to]), ...(band ? [band.from] : []), ...(pick ? [pick.from] : [])];
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max((max - min) * 0.02, 60_000);
  const here =
    shown.BacktrackedFrom && shown.BacktrackTo
      ? ' ' +
        l10n.t('This one went from {0} back to {1} ({2}).', localDateTime(shown.BacktrackedFrom), localDateTime(shown.BacktrackTo), rewoundText(shown) ?? '')
      : '';
  return {
    kind: 'timeline',
    id: 'timeline',
    title: l10n.t('Timeline'),
    start: min - pad,
    end: max + pad,
    band,
    items,
    pick,
    summary:
      (band ? l10n.t('Backtrack window of {0} ending now.', windowText(windowSeconds)) + ' ' : '') +
      (items.length === 1
        ? l10n.t('1 loaded backtrack of this cluster drawn as an arrow from the time the backtrack started back to the time it rewound to.')
        : l10n.t(
            '{0} loaded backtracks of this cluster drawn as arrows from the time each backtrack started back to the time it rewound to.',
            formatNumber(items.length),
          )) +
      here,
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
    { label: l10n.t('Backtrack identifier'), value: b.BacktrackIdentifier, copyId: 'backtrackId', mono: true },
    { label: l10n.t('Status'), value: b.Status, badge: backtrackStatus(b.Status).tone },
    { label: l10n.t('Backtracked to'), value: time(b.BacktrackTo) },
    { label: l10n.t('Backtracked from'), value: time(b.BacktrackedFrom) },
    {
      label: l10n.t('Rewound'),
      value: b.BacktrackedFrom && b.BacktrackTo ? humanDuration(b.BacktrackedFrom.getTime() - b.BacktrackTo.getTime()) : undefined,
    },
    { label: l10n.t('Requested'), value: time(requested), note: requested ? relativeTime(requested, now) : undefined },
    { label: l10n.t('DB cluster identifier'), value: b.DBClusterIdentifier, copyId: 'clusterId' },
  ];
  const earliest = cluster?.EarliestBacktrackTime;
  const windowSeconds = cluster?.BacktrackWindow;
  const context: Field[] = [
    { label: l10n.t('Cluster ARN'), value: cluster?.DBClusterArn, copyId: 'clusterArn', mono: true },
    {
      label: l10n.t('Engine'),
      value: cluster ? [cluster.Engine, cluster.EngineVersion, cluster.EngineMode && `(${cluster.EngineMode})`].filter(Boolean).join(' ') : undefined,
    },
    { label: l10n.t('Cluster status'), value: cluster?.Status },
    {
      label: l10n.t('Backtrack window (target)'),
      value: windowSeconds === undefined ? undefined : windowSeconds > 0 ? windowText(windowSeconds) : l10n.t('off'),
      note: windowSeconds ? l10n.t('{0} s', formatNumber(windowSeconds)) : undefined,
    },
    {
      label: l10n.t('Earliest backtrack time'),
      value: time(earliest),
      note: earliest ? l10n.t('actual window {0}', humanDuration(now - earliest.getTime())) : undefined,
    },
    {
      label: l10n.t('Consumed change records'),
      value: cluster?.BacktrackConsumedChangeRecords === undefined ? undefined : formatNumber(cluster.BacktrackConsumedChangeRecords),
    },
  ];
  const timeline = backtrackTimeline(b, cluster, loaded, now);
  const blocks: Block[] = [
    { kind: 'fields', id: 'backtrack', title: l10n.t('Backtrack'), fields: backtrack },
    cluster
      ? { kind: 'fields', id: 'cluster', title: l10n.t('Cluster backtrack context'), fields: context }
      : { kind: 'notice', id: 'cluster', tone: 'warn', text: l10n.t('The cluster could not be described, so its backtrack window is not shown.') },
    timeline,
    { kind: 'code', id: 'raw', title: l10n.t('Raw JSON'), text: JSON.stringify(b, null, 2), language: 'json', copyId: 'rawJson' },
  ];
  const clusterId = b.DBClusterIdentifier ?? (cluster ? clusterIdentifier(cluster) : undefined);
  return {
    title: l10n.t('Backtrack {0}', shortId(b.BacktrackIdentifier)),
    subtitle: clusterId ? l10n.t('Aurora backtrack of {0}', clusterId) : l10n.t('Aurora backtrack'),
    status: b.Status ? { text: b.Status, tone: backtrackStatus(b.Status).tone } : undefined,
    actions: cluster && backtrackSupport(cluster).enabled ? [{ id: backtrackClusterAction, label: l10n.t('Backtrack Cluster…') }] : [],
    targetActions: timeline.pick ? [backtrackToAction] : [],
    blocks,
  };
}

/** The header's "Backtrack Cluster…" (asks for a time) and the timeline's chosen time (target: ISO time). */
export const backtrackClusterAction = 'backtrackCluster';
export const backtrackToAction = 'backtrackTo';

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
    /** Backtrack Cluster…, with the time chosen on the timeline when there is one (checked by the command). */
    private readonly requestBacktrack: (target: string | undefined) => Promise<unknown>,
    /** True while the tree follows a backtrack of this cluster requested here (see BacktrackWatcher). */
    private readonly following: () => boolean,
    /** The connection the cluster was listed from (default: the session's). */
    private readonly connection?: Connection,
  ) {}

  async onAction(actionId: string, target?: string): Promise<void> {
    if (actionId !== backtrackClusterAction && actionId !== backtrackToAction) {
      return;
    }
    // The panel reloads after an action: from what the tree holds (the new backtrack included), so a
    // cancelled backtrack sends nothing at all.
    this.fresh = false;
    await this.requestBacktrack(actionId === backtrackToAction ? (target ?? '') : undefined);
  }

  /** While the tree follows a backtrack of this cluster requested here, the timeline follows the tree. */
  autoRefreshMs(): number {
    return this.following() ? 2000 : 0;
  }

  /** An auto-refresh tick asks AWS nothing: the rows it draws are kept current by the tree. */
  poll(): Promise<PanelDocument> {
    this.backtrack = this.loaded().find((b) => b.BacktrackIdentifier === this.backtrack.BacktrackIdentifier) ?? this.backtrack;
    return Promise.resolve(backtrackDocument(this.backtrack, this.cluster, this.loaded()));
  }

  title(): string {
    return l10n.t('Backtrack {0}', shortId(this.backtrack.BacktrackIdentifier));
  }

  cli(): { command: CliCommand; client: 'rds'; connection: Connection | undefined } {
    return {
      command: describeBacktrackCli(clusterIdentifier(this.cluster), this.backtrack.BacktrackIdentifier ?? ''),
      client: 'rds',
      connection: this.connection,
    };
  }

  async load(signal: AbortSignal): Promise<PanelDocument> {
    if (this.fresh) {
      const id = this.backtrack.BacktrackIdentifier ?? '';
      const latest = await describeBacktrack(this.clients, clusterIdentifier(this.cluster), id, signal, this.connection);
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
