import * as l10n from '@vscode/l10n';
import { shortDate } from '../filters/dateInput';
/** ListDurableExecutionsByFunction's filters as stored (JSON-safe: dates as ISO strings). Pure. */

export const executionStatuses = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'] as const;
export type ExecutionStatusFilter = (typeof executionStatuses)[number];

/**
 * `newest` is the API default and sends nothing; `oldest` sends `ReverseOrder=true` (SDK 3.1162 docs:
 * true lists the oldest first; older docs said the reverse, see aws-apis.md §7).
 */
export type ExecutionOrder = 'newest' | 'oldest';

export interface ExecutionFilters {
  /** A function name, partial ARN or full ARN; narrows the root to that one function. */
  readonly function?: string | undefined;
  readonly qualifier?: string | undefined;
  /** DurableExecutionName. */
  readonly name?: string | undefined;
  readonly statuses?: readonly ExecutionStatusFilter[] | undefined;
  /** StartedAfter. */
  readonly after?: string | undefined;
  /** StartedBefore. */
  readonly before?: string | undefined;
  readonly order?: ExecutionOrder | undefined;
}

export const noExecutionFilters: ExecutionFilters = {};

export function orderLabel(order: ExecutionOrder | undefined): string {
  return order === 'oldest' ? l10n.t('oldest first') : l10n.t('newest first');
}

/**
 * One short phrase per active filter. Oldest-first counts as a filter so the view description (and
 * the filled filter icon) say which order is in effect whenever it is not the default.
 */
export function summarizeExecutionFilters(f: ExecutionFilters): string[] {
  return [
    f.function ? l10n.t('function {0}', f.function) : '',
    f.qualifier ? l10n.t('qualifier {0}', f.qualifier) : '',
    f.name ? l10n.t('name {0}', f.name) : '',
    f.statuses && f.statuses.length > 0 ? l10n.t('status {0}', f.statuses.join('|')) : '',
    f.after ? l10n.t('started after {0}', shortDate(f.after)) : '',
    f.before ? l10n.t('started before {0}', shortDate(f.before)) : '',
    f.order === 'oldest' ? orderLabel(f.order) : '',
  ].filter(Boolean);
}

/** Filters that narrow which executions are listed (everything except the function and the order). */
export function executionFiltersActive(f: ExecutionFilters): boolean {
  return Boolean(f.qualifier || f.name || (f.statuses && f.statuses.length > 0) || f.after || f.before);
}
