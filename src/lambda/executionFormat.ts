/** Text for execution and function rows, tooltips and the panel. Pure, so it is unit-tested. */
import { statusMap } from '../util/statusMap';
import * as l10n from '@vscode/l10n';
import { formatNumber, humanDuration, relativeTime } from '../shared/format';

/** The fields of a list item (`Execution`) that rows use; GetDurableExecution returns the same ones. */
export interface ExecutionLike {
  readonly DurableExecutionName?: string | undefined;
  readonly DurableExecutionArn?: string | undefined;
  readonly FunctionArn?: string | undefined;
  readonly Status?: string | undefined;
  readonly StartTimestamp?: Date | undefined;
  readonly EndTimestamp?: Date | undefined;
}

export interface FunctionLike {
  readonly FunctionName?: string | undefined;
  readonly Runtime?: string | undefined;
  readonly DurableConfig?: { RetentionPeriodInDays?: number | undefined; ExecutionTimeout?: number | undefined; KMSKeyArn?: string | undefined } | undefined;
}

/** The bare function name of a name, partial ARN or full ARN (with or without a qualifier). */
export function functionNameOf(value: string): string {
  const afterFunction = /(?:^|:)function:([^:]+)/.exec(value);
  if (afterFunction) {
    return afterFunction[1];
  }
  return value.split(':')[0] ?? value;
}

/** A known status or the text AWS sent: new statuses (DELETING is already documented) never crash a row. */
export function statusText(status: string | undefined): string {
  return status && status.length > 0 ? status : 'UNKNOWN';
}

/**
 * The statuses of durable executions and of their operations (one vocabulary: an operation is STARTED
 * where an execution is RUNNING): the row's icon, the panel's badge and the spoken words. Unknown
 * statuses (DELETING is already documented) get a neutral look and their own text.
 */
export const durableStatus = statusMap(
  {
    RUNNING: { tone: 'progress', icon: 'loading~spin' },
    STARTED: { tone: 'progress', icon: 'loading~spin' },
    PENDING: { tone: 'warn', icon: 'debug-pause' },
    SUCCEEDED: { tone: 'ok', icon: 'pass', color: 'testing.iconPassed' },
    FAILED: { tone: 'error', icon: 'error', color: 'errorForeground' },
    TIMED_OUT: { tone: 'error', icon: 'watch', color: 'errorForeground' },
    STOPPED: { tone: 'muted', icon: 'debug-stop', color: 'disabledForeground' },
    CANCELLED: { tone: 'muted', icon: 'circle-slash', color: 'disabledForeground' },
  },
  { tone: 'info', icon: 'circle-outline' },
);

/** "5 min" for a finished execution, "running for 2 h 3 min" while RUNNING, '' when unknown. */
export function executionDuration(e: ExecutionLike, now = Date.now()): string {
  const start = e.StartTimestamp?.getTime();
  if (start === undefined || Number.isNaN(start)) {
    return '';
  }
  const end = e.EndTimestamp?.getTime();
  if (end !== undefined && !Number.isNaN(end)) {
    return humanDuration(Math.max(0, end - start));
  }
  return e.Status === 'RUNNING' ? l10n.t('running for {0}', humanDuration(Math.max(0, now - start))) : '';
}

export function executionDescription(e: ExecutionLike, now = Date.now()): string {
  return [statusText(e.Status), relativeTime(e.StartTimestamp, now), executionDuration(e, now)].filter(Boolean).join(' · ');
}

export function durationSeconds(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : humanDuration(seconds * 1000);
}

/** "nodejs22.x · retention 30 d · timeout 1 d", or "… · not durable". */
export function functionDescription(fn: FunctionLike): string {
  const config = fn.DurableConfig;
  if (!config) {
    return [fn.Runtime, l10n.t('not durable')].filter(Boolean).join(' · ');
  }
  return [
    fn.Runtime,
    config.RetentionPeriodInDays !== undefined ? l10n.t('retention {0}', l10n.t('{0} d', formatNumber(config.RetentionPeriodInDays))) : '',
    config.ExecutionTimeout !== undefined ? l10n.t('timeout {0}', durationSeconds(config.ExecutionTimeout) ?? '') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The modal's text for Stop: it names the execution so nobody stops the wrong one. */
export function stopConfirmation(e: ExecutionLike): { message: string; detail: string; button: string } {
  const name = e.DurableExecutionName ?? e.DurableExecutionArn ?? l10n.t('this execution');
  const fn = e.FunctionArn ? functionNameOf(e.FunctionArn) : undefined;
  return {
    message: fn ? l10n.t('Stop the durable execution "{0}" of {1}?', name, fn) : l10n.t('Stop the durable execution "{0}"?', name),
    detail: l10n.t('StopDurableExecution ends it with status STOPPED. Pending steps, waits and callbacks do not resume, and this cannot be undone.'),
    button: l10n.t('Stop Execution'),
  };
}
