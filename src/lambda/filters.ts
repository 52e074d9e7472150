/** ListDurableExecutionsByFunction's filters as stored (JSON-safe: dates as ISO strings). Pure. */
import * as l10n from '@vscode/l10n';
import { shortDate } from '../filters/dateInput';
import { choiceField, dateField, listField, textField } from '../filters/filterFields';
import type { FilterSpec } from '../filters/filterSpec';
import { validateExecutionName, validateFunctionInput, validateQualifier } from './validation';

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

export function orderLabel(order: ExecutionOrder | undefined): string {
  return order === 'oldest' ? l10n.t('oldest first') : l10n.t('newest first');
}

/**
 * The Lambda view's filters: rules, summary and menu. Built on call, after activation has loaded the
 * translations (l10n.t at module load would always be English).
 */
export const executionFilterSpec = (): FilterSpec<ExecutionFilters> => ({
  title: (f) => l10n.t('Filter Lambda durable executions ({0})', orderLabel(f.order)),
  fields: {
    function: textField({
      icon: 'symbol-function',
      label: l10n.t('Function'),
      detail: l10n.t('Show only this function (a name, partial ARN or ARN)'),
      noun: l10n.t('a function name, partial ARN or ARN'),
      validate: validateFunctionInput,
      summary: (fn) => l10n.t('function {0}', fn),
      // A picker of the loaded functions (filterCommand.ts).
      prompt: { kind: 'custom' },
    }),
    qualifier: textField({
      icon: 'versions',
      label: l10n.t('Qualifier'),
      detail: l10n.t('$LATEST, $LATEST.PUBLISHED, a version or an alias'),
      noun: l10n.t('a version, an alias, $LATEST or $LATEST.PUBLISHED'),
      validate: validateQualifier,
      summary: (qualifier) => l10n.t('qualifier {0}', qualifier),
      // $LATEST and $LATEST.PUBLISHED to pick, or a typed version or alias (filterCommand.ts).
      prompt: { kind: 'custom' },
    }),
    name: textField({
      icon: 'symbol-string',
      label: l10n.t('Execution name'),
      detail: l10n.t('DurableExecutionName: 1 to 64 letters, digits, - and _'),
      noun: l10n.t('an execution name'),
      validate: validateExecutionName,
      summary: (name) => l10n.t('name {0}', name),
      prompt: { title: l10n.t('Only executions named'), prompt: l10n.t('An execution name (1 to 64 letters, digits, - and _).') },
    }),
    statuses: listField<ExecutionStatusFilter>({
      icon: 'pulse',
      label: l10n.t('Statuses'),
      what: l10n.t('Statuses'),
      problem: l10n.t('Statuses must be a list of {0}.', executionStatuses.join(', ')),
      values: executionStatuses,
      summary: (statuses) => l10n.t('status {0}', statuses.join('|')),
      title: l10n.t('Only executions with status'),
    }),
    after: dateField({
      icon: 'calendar',
      label: l10n.t('Started after'),
      detail: 'StartedAfter',
      title: l10n.t('Started after'),
      summary: (after) => l10n.t('started after {0}', shortDate(after)),
    }),
    before: dateField({
      icon: 'calendar',
      label: l10n.t('Started before'),
      detail: 'StartedBefore',
      title: l10n.t('Started before'),
      summary: (before) => l10n.t('started before {0}', shortDate(before)),
    }),
    // Oldest-first counts as a filter so the view description (and the filled filter icon) say which
    // order is in effect whenever it is not the default.
    order: choiceField<ExecutionOrder>({
      icon: 'arrow-swap',
      label: l10n.t('Order'),
      what: l10n.t('Order'),
      values: ['newest', 'oldest'],
      unset: 'newest',
      summary: (order) => (order === 'oldest' ? orderLabel(order) : ''),
      shown: (order) => (order === 'oldest' ? l10n.t('Oldest first (ReverseOrder)') : l10n.t('Newest first (API default)')),
      title: l10n.t('Order of executions'),
      choices: [
        { value: 'newest', label: l10n.t('Newest first'), description: l10n.t('the API default') },
        { value: 'oldest', label: l10n.t('Oldest first'), description: l10n.t('sends ReverseOrder=true') },
      ],
    }),
  },
  range: ['after', 'before'],
});

/** ListDurableExecutionsByFunction's filter parameters (the function and the order are sent apart). */
export function executionListRequest(f: ExecutionFilters): {
  Qualifier?: string;
  DurableExecutionName?: string;
  Statuses?: ExecutionStatusFilter[];
  StartedAfter?: Date;
  StartedBefore?: Date;
} {
  return {
    Qualifier: f.qualifier,
    DurableExecutionName: f.name,
    Statuses: f.statuses && f.statuses.length > 0 ? [...f.statuses] : undefined,
    StartedAfter: f.after ? new Date(f.after) : undefined,
    StartedBefore: f.before ? new Date(f.before) : undefined,
  };
}

/** Filters that narrow which executions are listed (everything except the function and the order). */
export function executionFiltersActive(f: ExecutionFilters): boolean {
  return Boolean(f.qualifier || f.name || (f.statuses && f.statuses.length > 0) || f.after || f.before);
}
