import * as l10n from '@vscode/l10n';
import { parseFilterArgument, type FilterMerge } from '../filters/filterArgument';
import {
  backtrackStatuses,
  isBacktrackStatus,
  normalizeCluster,
  validateBacktrackId,
  validateClusterInput,
  type BacktrackStatusFilter,
} from './validation';

/** The view's filters as stored (JSON-safe). All of them are sent to the API; nothing is filtered locally. */
export interface BacktrackFilters {
  /** DescribeDBClusters' DBClusterIdentifier (identifier or ARN, lowercase): narrows the root to one cluster. */
  readonly cluster?: string | undefined;
  /** DescribeDBClusterBacktracks' BacktrackIdentifier, for every cluster's list. */
  readonly backtrackId?: string | undefined;
  /** `db-cluster-backtrack-status` values. */
  readonly statuses?: readonly BacktrackStatusFilter[] | undefined;
  /** `db-cluster-backtrack-id` values. */
  readonly backtrackIds?: readonly string[] | undefined;
}

export const noBacktrackFilters: BacktrackFilters = {};

export function summarizeBacktrackFilters(f: BacktrackFilters): string[] {
  const ids = f.backtrackIds ?? [];
  return [
    f.cluster ? l10n.t('cluster {0}', f.cluster) : '',
    f.backtrackId ? l10n.t('backtrack {0}', shortId(f.backtrackId)) : '',
    f.statuses?.length ? l10n.t('status {0}', f.statuses.join(', ')) : '',
    ids.length === 1 ? l10n.t('id {0}', shortId(ids[0])) : ids.length > 1 ? l10n.t('{0} ids', ids.length) : '',
  ].filter(Boolean);
}

/** DescribeDBClusterBacktracks' `Filters`; undefined when no filter is set (the API wants no empty list). */
export function backtrackApiFilters(f: BacktrackFilters): { Name: string; Values: string[] }[] | undefined {
  const filters = [
    ...(f.statuses?.length ? [{ Name: 'db-cluster-backtrack-status', Values: [...f.statuses] }] : []),
    ...(f.backtrackIds?.length ? [{ Name: 'db-cluster-backtrack-id', Values: [...f.backtrackIds] }] : []),
  ];
  return filters.length > 0 ? filters : undefined;
}

const filterKeys = ['cluster', 'backtrackId', 'statuses', 'backtrackIds'] as const;

/**
 * Filters given as data (a command argument from a script or keybinding, or saved state), checked with
 * the same rules as the input boxes and merged over `current`. Returns the filters to store, or the first problem.
 */
export function mergeFilterArgument(current: BacktrackFilters, arg: unknown): FilterMerge<BacktrackFilters> {
  return parseFilterArgument(arg, current, filterKeys, mergeChecked);
}

function mergeChecked(current: BacktrackFilters, raw: Readonly<Record<string, unknown>>): FilterMerge<BacktrackFilters> {
  const next: { -readonly [K in keyof BacktrackFilters]: BacktrackFilters[K] } = { ...current };
  if ('cluster' in raw) {
    const value = raw.cluster;
    if (value !== undefined && typeof value !== 'string') {
      return { problem: l10n.t('"cluster" must be a DB cluster identifier or ARN.') };
    }
    const problem = value === undefined ? undefined : validateClusterInput(value);
    if (problem) {
      return { problem };
    }
    next.cluster = value === undefined ? undefined : normalizeCluster(value);
  }
  if ('backtrackId' in raw) {
    const value = raw.backtrackId;
    if (value !== undefined && typeof value !== 'string') {
      return { problem: l10n.t('"backtrackId" must be a backtrack identifier.') };
    }
    const problem = value === undefined ? undefined : validateBacktrackId(value);
    if (problem) {
      return { problem };
    }
    next.backtrackId = value?.trim().toLowerCase();
  }
  if ('statuses' in raw) {
    const value = raw.statuses;
    const list = value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
    const statuses = list.map((s) => (typeof s === 'string' ? s.trim().toLowerCase() : ''));
    const bad = statuses.find((s) => !isBacktrackStatus(s));
    if (bad !== undefined) {
      return { problem: l10n.t('Statuses must be among {0}.', backtrackStatuses.join(', ')) };
    }
    next.statuses = statuses.length > 0 ? [...new Set(statuses as BacktrackStatusFilter[])] : undefined;
  }
  if ('backtrackIds' in raw) {
    const value = raw.backtrackIds;
    const list = value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
    const ids: string[] = [];
    for (const id of list) {
      if (typeof id !== 'string') {
        return { problem: l10n.t('"backtrackIds" must be a list of backtrack identifiers.') };
      }
      const problem = validateBacktrackId(id);
      if (problem) {
        return { problem };
      }
      ids.push(id.trim().toLowerCase());
    }
    next.backtrackIds = ids.length > 0 ? [...new Set(ids)] : undefined;
  }
  return { filters: next };
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
