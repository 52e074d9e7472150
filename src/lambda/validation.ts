/**
 * The API's input rules for ListDurableExecutionsByFunction, shared by the input boxes and the
 * command-argument form so nothing invalid is ever sent. Pure.
 */
import * as l10n from '@vscode/l10n';
import { parseArnOfKind } from '../aws/arn';

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
