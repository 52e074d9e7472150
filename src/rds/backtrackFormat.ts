/** How clusters and backtracks read in rows, tooltips and the panel. Pure: unit-tested without VS Code. */
import * as l10n from '@vscode/l10n';
import { hours, humanDuration, localDateTime } from '../shared/format';
import type { DBCluster, DBClusterBacktrack } from './api';
import { parseArnOfKind } from '../aws/arn';
import { statusMap } from '../util/statusMap';

/**
 * A backtrack's `Status`: the row's icon, the panel's badge and the spoken words. It is a plain string:
 * the docs say lowercase, the service answers uppercase, so it is compared without case.
 */
export const backtrackStatus = statusMap(
  {
    completed: { tone: 'ok', icon: 'pass' },
    failed: { tone: 'error', icon: 'error', color: 'errorForeground' },
    applying: { tone: 'progress', icon: 'loading~spin' },
    pending: { tone: 'progress', icon: 'loading~spin' },
  },
  { tone: 'info', icon: 'history' },
  (status) => status.trim().toLowerCase(),
);

export type BacktrackSupport = { readonly enabled: true } | { readonly enabled: false; readonly reason: string };

/**
 * Only Aurora MySQL in provisioned mode can backtrack, and only with a window set when the cluster was
 * created; for any other cluster DescribeDBClusterBacktracks fails, so the view never asks.
 */
export function backtrackSupport(cluster: DBCluster): BacktrackSupport {
  const engine = (cluster.Engine ?? '').toLowerCase();
  if ((engine !== 'aurora-mysql' && engine !== 'aurora') || (cluster.EngineMode ?? '').toLowerCase() === 'serverless') {
    return { enabled: false, reason: l10n.t('engine does not support backtrack') };
  }
  if (!((cluster.BacktrackWindow ?? 0) > 0)) {
    return { enabled: false, reason: l10n.t('backtrack not enabled') };
  }
  return { enabled: true };
}

/** BacktrackWindow (seconds) as people set it: whole hours ("24 h", at most 72 h), else a duration. */
export function windowText(seconds: number): string {
  return seconds > 0 && seconds % 3600 === 0 ? hours(seconds / 3600) : humanDuration(seconds * 1000);
}

/** How far a backtrack went back: BacktrackedFrom − BacktrackTo, e.g. "rewound 1 h 5 min". */
export function rewoundText(b: Pick<DBClusterBacktrack, 'BacktrackedFrom' | 'BacktrackTo'>): string | undefined {
  if (!b.BacktrackedFrom || !b.BacktrackTo) {
    return undefined;
  }
  return l10n.t('rewound {0}', humanDuration(b.BacktrackedFrom.getTime() - b.BacktrackTo.getTime()));
}

/** "aurora-mysql 8.0.mysql_aurora.3.05.2 · window 24 h · earliest 2026-11-21 10:45:00", or the reason it cannot backtrack. */
export function clusterDescription(cluster: DBCluster): string {
  const support = backtrackSupport(cluster);
  const engine = [cluster.Engine, cluster.EngineVersion].filter(Boolean).join(' ');
  const backtrack = support.enabled
    ? [
        l10n.t('window {0}', windowText(cluster.BacktrackWindow ?? 0)),
        cluster.EarliestBacktrackTime ? l10n.t('earliest {0}', localDateTime(cluster.EarliestBacktrackTime)) : '',
      ]
    : [support.reason];
  return [engine, ...backtrack].filter(Boolean).join(' · ');
}

/** The cluster identifier: the item's own, else the last part of its ARN. */
export function clusterIdentifier(cluster: DBCluster): string {
  return cluster.DBClusterIdentifier ?? (cluster.DBClusterArn ? parseArnOfKind(cluster.DBClusterArn, 'rdsCluster')?.cluster : undefined) ?? '';
}

/** Key of a backtrack's panel and tree row: backtracks have no ARN of their own. */
export function backtrackKey(clusterArn: string, backtrackId: string): string {
  return `${clusterArn}/${backtrackId}`;
}
