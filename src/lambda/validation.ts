/**
 * The API's input rules for ListDurableExecutionsByFunction, shared by the input boxes and the
 * command-argument form so nothing invalid is ever sent. Pure.
 */
import * as l10n from '@vscode/l10n';
import { parseArnOfKind } from '../aws/arn';
import { checkDateArgument, checkRange } from '../filters/dateInput';
import { parseFilterArgument, type FilterMerge } from '../filters/filterArgument';
import { executionStatuses, type ExecutionFilters, type ExecutionStatusFilter } from './filters';

/*
 * Lambda's FunctionName pattern without the full-ARN part (src/aws/arn.ts checks those): a name or a
 * partial ARN `123456789012:function:NAME`, each with an optional qualifier, anchored;
 * `$LATEST.PUBLISHED` added for durable functions.
 */
const functionNamePattern = /^(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;
const qualifierPattern = /^(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_$]+)$/;
const executionNamePattern = /^[a-zA-Z0-9-_]+$/;

export function validateFunctionInput(text: string): string | undefined {
  const value = text.trim();
  if (value.length < 1 || value.length > 256) {
    return l10n.t('A function name, partial ARN or ARN has 1 to 256 characters.');
  }
  if (value.startsWith('arn:')) {
    return parseArnOfKind(value, 'lambdaFunction') ? undefined : l10n.t('Not a Lambda function ARN. Expected arn:aws:lambda:REGION:ACCOUNT:function:NAME.');
  }
  if (!functionNamePattern.test(value)) {
    return l10n.t('Use a function name (letters, digits, hyphen, underscore), a partial ARN (ACCOUNT:function:NAME) or a full ARN.');
  }
  return undefined;
}

export function validateQualifier(text: string): string | undefined {
  const value = text.trim();
  if (value.length < 1 || value.length > 128) {
    return l10n.t('A qualifier has 1 to 128 characters.');
  }
  if (!qualifierPattern.test(value)) {
    return l10n.t('Use $LATEST, $LATEST.PUBLISHED, a version number or an alias (letters, digits, -, _ and $).');
  }
  return undefined;
}

export function validateExecutionName(text: string): string | undefined {
  const value = text.trim();
  if (value.length < 1 || value.length > 64) {
    return l10n.t('An execution name has 1 to 64 characters.');
  }
  if (!executionNamePattern.test(value)) {
    return l10n.t('An execution name uses only letters, digits, hyphen (-) and underscore (_).');
  }
  return undefined;
}

export function isExecutionStatus(value: unknown): value is ExecutionStatusFilter {
  return typeof value === 'string' && (executionStatuses as readonly string[]).includes(value);
}

function checkString(value: unknown, what: string, validate: (text: string) => string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return l10n.t('"{0}" must be a string.', what);
  }
  return validate(value);
}

/**
 * Filters given as a command argument (scripts, keybindings, tests) are untyped JSON: every field is
 * checked with the same rules as the input boxes. Returns the first problem, or undefined.
 */
export function validateExecutionFilters(f: ExecutionFilters): string | undefined {
  const raw = f as Record<string, unknown>;
  const problem =
    checkString(raw.function, 'function', validateFunctionInput) ??
    checkString(raw.qualifier, 'qualifier', validateQualifier) ??
    checkString(raw.name, 'name', validateExecutionName) ??
    checkDateArgument(raw.after, 'after') ??
    checkDateArgument(raw.before, 'before');
  if (problem) {
    return problem;
  }
  const statuses = raw.statuses;
  if (statuses !== undefined) {
    if (!Array.isArray(statuses) || !statuses.every(isExecutionStatus)) {
      return l10n.t('Statuses must be a list of {0}.', executionStatuses.join(', '));
    }
    if (new Set(statuses).size !== statuses.length) {
      return l10n.t('Statuses must not repeat a value.');
    }
  }
  if (raw.order !== undefined && raw.order !== 'newest' && raw.order !== 'oldest') {
    return l10n.t('Order must be "newest" or "oldest".');
  }
  return checkRange(f.after ? new Date(f.after) : undefined, f.before ? new Date(f.before) : undefined);
}

const filterKeys = ['function', 'qualifier', 'name', 'statuses', 'after', 'before', 'order'] as const;

/** Filters given as data (a command argument, saved state): known keys, checked, merged over `current` and normalized. */
export function mergeExecutionFilterArgument(current: ExecutionFilters, arg: unknown): FilterMerge<ExecutionFilters> {
  return parseFilterArgument(arg, current, filterKeys, (base, raw) => {
    const next: ExecutionFilters = { ...base, ...raw };
    const problem = validateExecutionFilters(next);
    return problem ? { problem } : { filters: normalizeExecutionFilters(next) };
  });
}

/** Trims text values and drops empty ones, so "" and [] mean "no filter" and never reach the API. */
export function normalizeExecutionFilters(f: ExecutionFilters): ExecutionFilters {
  const text = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);
  return {
    function: text(f.function),
    qualifier: text(f.qualifier),
    name: text(f.name),
    statuses: f.statuses && f.statuses.length > 0 ? [...f.statuses] : undefined,
    after: f.after,
    before: f.before,
    order: f.order === 'oldest' ? 'oldest' : undefined,
  };
}

/** ListDurableExecutionsByFunction's MaxItems range (0 would mean "the default of 100"). */
export function clampExecutionPageSize(size: number): number {
  return Math.min(1000, Math.max(1, Math.floor(size)));
}

/** ListFunctions returns at most 50 functions per response whatever MaxItems says. */
export function clampFunctionPageSize(size: number): number {
  return Math.min(50, Math.max(1, Math.floor(size)));
}

/** GetDurableExecutionHistory's MaxItems range. */
export function clampHistoryPageSize(size: number): number {
  return Math.min(1000, Math.max(1, Math.floor(size)));
}
