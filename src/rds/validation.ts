/**
 * Input rules of DescribeDBClusters / DescribeDBClusterBacktracks, checked before anything is sent so an
 * invalid filter never reaches AWS. Pure: unit-tested without VS Code.
 */
import * as l10n from '@vscode/l10n';
import { parseArnOfKind } from '../aws/arn';

export const backtrackStatuses = ['applying', 'completed', 'failed', 'pending'] as const;
export type BacktrackStatusFilter = (typeof backtrackStatuses)[number];

const identifier = /^[a-z][a-z0-9-]*$/i;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A DB cluster identifier as AWS validates it: 1–63 letters, digits or hyphens, first a letter, no trailing hyphen, no `--`. */
export function validateClusterIdentifier(text: string): string | undefined {
  const value = text.trim();
  if (value.length < 1 || value.length > 63) {
    return l10n.t('A DB cluster identifier has 1 to 63 characters.');
  }
  if (!/^[a-z]/i.test(value)) {
    return l10n.t('A DB cluster identifier must start with a letter.');
  }
  if (!identifier.test(value)) {
    return l10n.t('A DB cluster identifier uses only letters, digits and hyphens (-).');
  }
  if (value.endsWith('-')) {
    return l10n.t('A DB cluster identifier cannot end with a hyphen.');
  }
  if (value.includes('--')) {
    return l10n.t('A DB cluster identifier cannot contain two hyphens in a row.');
  }
  return undefined;
}

/** What the cluster filter takes: an identifier, or a cluster ARN `arn:aws:rds:REGION:ACCOUNT:cluster:ID`. */
export function validateClusterInput(text: string): string | undefined {
  const value = text.trim();
  if (value.toLowerCase().startsWith('arn:')) {
    // RDS ARNs are lowercase, as normalizeCluster stores them.
    return parseArnOfKind(value.toLowerCase(), 'rdsCluster') ? undefined : l10n.t('Not a DB cluster ARN. Expected arn:aws:rds:REGION:ACCOUNT:cluster:ID.');
  }
  return validateClusterIdentifier(value);
}

/** AWS stores cluster identifiers in lowercase, and ARN parts are lowercase too. */
export function normalizeCluster(text: string): string {
  return text.trim().toLowerCase();
}

export function validateBacktrackId(text: string): string | undefined {
  const value = text.trim();
  return uuid.test(value) ? undefined : l10n.t('"{0}" is not a backtrack identifier (a UUID such as 2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f).', shorten(value));
}

/** Splits a comma- or space-separated list; empty parts are dropped. */
export function splitIdList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The "backtrack ids" box: one or more UUIDs, each checked. */
export function validateBacktrackIdList(text: string): string | undefined {
  const ids = splitIdList(text);
  if (ids.length === 0) {
    return l10n.t('Enter one or more backtrack identifiers, separated by commas.');
  }
  for (const id of ids) {
    const problem = validateBacktrackId(id);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
