/**
 * Backtrack Cluster's rules and texts: the time window, the options, the confirmation plan and its AWS CLI
 * command. Pure (no VS Code): unit-tested with fixed clusters and a fixed `now`.
 */
import * as l10n from '@vscode/l10n';
import type { ActionPlan } from '../actions/confirmAction';
import type { CliCommand } from '../actions/cliCommand';
import { bothTimes, humanDuration, utcTime } from '../shared/format';
import type { DBCluster, DBClusterBacktrack } from './api';
import { backtrackSupport, clusterIdentifier } from './backtrackFormat';

/** What BacktrackDBCluster is sent, once every check passed. */
export interface BacktrackRequest {
  readonly cluster: string;
  readonly backtrackTo: Date;
  readonly force: boolean;
  readonly useEarliestTime: boolean;
}

/** The window a time may be chosen in: [EarliestBacktrackTime, now]; undefined when the cluster cannot backtrack. */
export interface BacktrackWindow {
  readonly earliest: Date;
  readonly latest: Date;
}

/** Why the cluster cannot be backtracked at all, or its window. */
export function backtrackWindowOf(cluster: DBCluster, now: number): { window: BacktrackWindow } | { problem: string } {
  const support = backtrackSupport(cluster);
  if (!support.enabled) {
    return { problem: l10n.t('Cluster {0} cannot be backtracked: {1}.', clusterIdentifier(cluster), support.reason) };
  }
  const earliest = cluster.EarliestBacktrackTime;
  if (!earliest || Number.isNaN(earliest.getTime()) || earliest.getTime() > now) {
    return { problem: l10n.t('Cluster {0} has no earliest backtrack time yet, so there is no time to backtrack to.', clusterIdentifier(cluster)) };
  }
  return { window: { earliest, latest: new Date(now) } };
}

/**
 * A backtrack time must lie in [EarliestBacktrackTime, now]. With "use the earliest time" a time before the
 * window is allowed: AWS then backtracks to the earliest time instead (the plan says so).
 */
export function validateBacktrackTime(time: Date, window: BacktrackWindow, useEarliestTime = false): string | undefined {
  if (Number.isNaN(time.getTime())) {
    return l10n.t('That is not a time.');
  }
  if (time.getTime() > window.latest.getTime()) {
    return l10n.t('{0} is in the future. Choose a time no later than now ({1}).', utcTime(time), utcTime(window.latest));
  }
  if (time.getTime() < window.earliest.getTime() && !useEarliestTime) {
    return l10n.t(
      '{0} is before the earliest backtrack time {1} (actual window {2}). Choose a later time.',
      utcTime(time),
      utcTime(window.earliest),
      humanDuration(window.latest.getTime() - window.earliest.getTime()),
    );
  }
  return undefined;
}

/**
 * "Backtrack to Before This…": one second before the backtrack started (BacktrackedFrom), i.e. the cluster as
 * it was right before that backtrack rewound it; BacktrackTo when the start is unknown.
 */
export function timeBefore(backtrack: DBClusterBacktrack): Date | undefined {
  const anchor = backtrack.BacktrackedFrom ?? backtrack.BacktrackTo;
  return anchor && !Number.isNaN(anchor.getTime()) ? new Date(anchor.getTime() - 1000) : undefined;
}

export interface BacktrackOption {
  readonly key: 'force' | 'useEarliestTime';
  readonly label: string;
  /** One line: what the flag does. */
  readonly detail: string;
}

export function backtrackOptions(): readonly BacktrackOption[] {
  return [
    { key: 'force', label: l10n.t('Force'), detail: l10n.t('Needed when binary logging is on: backtrack then proceeds, and writes no binlog entries for it.') },
    {
      key: 'useEarliestTime',
      label: l10n.t('Use earliest time if unavailable'),
      detail: l10n.t('If the time is no longer in the window, backtrack to the earliest time instead of failing.'),
    },
  ];
}

/** `aws rds backtrack-db-cluster …`, the flags only when set (as the request sends them). */
export function backtrackCli(request: BacktrackRequest): CliCommand {
  return {
    service: 'rds',
    operation: 'backtrack-db-cluster',
    args: [
      ['--db-cluster-identifier', request.cluster],
      ['--backtrack-to', utcTime(request.backtrackTo)],
      ...(request.force ? [['--force'] as const] : []),
      ...(request.useEarliestTime ? [['--use-earliest-time-on-point-in-time-unavailable'] as const] : []),
    ],
  };
}

/** The confirmation: what happens to which cluster, exactly; the cluster identifier is typed to go ahead. */
export function backtrackPlan(request: BacktrackRequest, now: number): ActionPlan {
  const rewind = humanDuration(Math.max(0, now - request.backtrackTo.getTime()));
  return {
    title: l10n.t('Backtrack cluster {0} to {1}?', request.cluster, utcTime(request.backtrackTo)),
    details: [
      l10n.t('The whole cluster {0} rewinds in place to {1}, about {2} ago.', request.cluster, bothTimes(request.backtrackTo), rewind),
      l10n.t('Every write to the cluster after that time is lost for the cluster.'),
      l10n.t('The cluster is briefly unavailable while it backtracks: open connections are interrupted.'),
      ...(request.force ? [l10n.t('Force: backtrack even with binary logging on; no binlog entries are written for it.')] : []),
      ...(request.useEarliestTime ? [l10n.t('If the time is no longer available, the earliest backtrack time is used instead.')] : []),
    ],
    resources: [request.cluster],
    confirmLabel: l10n.t('Backtrack'),
    cli: [backtrackCli(request)],
    client: 'rds',
    typeToConfirm: request.cluster,
  };
}
