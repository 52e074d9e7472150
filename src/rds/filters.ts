import * as l10n from '@vscode/l10n';
import { listField, textField } from '../filters/filterFields';
import type { FilterSpec } from '../filters/filterSpec';
import {
  backtrackStatuses,
  normalizeCluster,
  splitIdList,
  validateBacktrackId,
  validateBacktrackIdList,
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

/**
 * The Aurora view's filters: rules, summary and menu. Built on call, after activation has loaded the
 * translations (l10n.t at module load would always be English).
 */
export const backtrackFilterSpec = (): FilterSpec<BacktrackFilters> => ({
  title: () => l10n.t('Filter Aurora backtracks'),
  fields: {
    cluster: textField({
      icon: 'database',
      label: l10n.t('Cluster'),
      detail: l10n.t('Only this cluster (DescribeDBClusters DBClusterIdentifier)'),
      noun: l10n.t('a DB cluster identifier or ARN'),
      validate: validateClusterInput,
      normalize: normalizeCluster,
      summary: (cluster) => l10n.t('cluster {0}', cluster),
      // A picker of the loaded clusters (filterCommand.ts).
      prompt: { kind: 'custom' },
    }),
    backtrackId: textField({
      icon: 'key',
      label: l10n.t('Backtrack identifier'),
      detail: l10n.t('BacktrackIdentifier, sent with every cluster'),
      noun: l10n.t('a backtrack identifier'),
      validate: validateBacktrackId,
      normalize: (id) => id.toLowerCase(),
      summary: (id) => l10n.t('backtrack {0}', shortId(id)),
      prompt: { title: l10n.t('Backtrack identifier'), prompt: l10n.t('A backtrack identifier (UUID).') },
    }),
    statuses: listField<BacktrackStatusFilter>({
      icon: 'pulse',
      label: l10n.t('Statuses'),
      detail: 'db-cluster-backtrack-status',
      what: l10n.t('Statuses'),
      problem: l10n.t('Statuses must be among {0}.', backtrackStatuses.join(', ')),
      values: backtrackStatuses,
      // The docs say lowercase, the service answers uppercase: stored as the API's filter takes them.
      normalize: (status) => status.toLowerCase(),
      summary: (statuses) => l10n.t('status {0}', statuses.join(', ')),
      title: l10n.t('Backtrack statuses'),
    }),
    backtrackIds: listField<string>({
      icon: 'list-flat',
      label: l10n.t('Backtrack ids'),
      detail: l10n.t('db-cluster-backtrack-id: one or more identifiers'),
      what: l10n.t('Backtrack ids'),
      problem: l10n.t('"backtrackIds" must be a list of backtrack identifiers.'),
      check: validateBacktrackId,
      normalize: (id) => id.toLowerCase(),
      summary: (ids) => (ids.length === 1 ? l10n.t('id {0}', shortId(ids[0])) : l10n.t('{0} ids', ids.length)),
      title: l10n.t('Backtrack ids'),
      prompt: {
        kind: 'text',
        title: l10n.t('Backtrack ids'),
        prompt: l10n.t('Backtrack identifiers (UUIDs), separated by commas.'),
        validate: validateBacktrackIdList,
        toValue: (text) => [...new Set(splitIdList(text))],
      },
    }),
  },
});

/** DescribeDBClusterBacktracks' `Filters`; undefined when no filter is set (the API wants no empty list). */
export function backtrackApiFilters(f: BacktrackFilters): { Name: string; Values: string[] }[] | undefined {
  const filters = [
    ...(f.statuses?.length ? [{ Name: 'db-cluster-backtrack-status', Values: [...f.statuses] }] : []),
    ...(f.backtrackIds?.length ? [{ Name: 'db-cluster-backtrack-id', Values: [...f.backtrackIds] }] : []),
  ];
  return filters.length > 0 ? filters : undefined;
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
