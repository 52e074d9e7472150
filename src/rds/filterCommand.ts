import * as l10n from '@vscode/l10n';
import type { FilterStore } from '../filters/filterStore';
import { applyPrompt, pickMany, promptText, showFilterMenu, type PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import type { DBCluster } from './api';
import { clusterDescription, clusterIdentifier } from './backtrackFormat';
import type { BacktrackFilters } from './filters';
import {
  backtrackStatuses,
  normalizeCluster,
  splitIdList,
  validateBacktrackId,
  validateBacktrackIdList,
  validateClusterInput,
} from './validation';

/**
 * The filter menu, or (with a filters object as argument) the same rules applied without any prompt.
 * Returns false when the argument was refused; nothing is stored and no request is sent then.
 */
export async function runBacktrackFilterCommand(
  store: FilterStore<BacktrackFilters>,
  loadedClusters: () => readonly DBCluster[],
  arg?: unknown,
): Promise<boolean> {
  if (arg !== undefined) {
    return store.applyArgument(arg);
  }
  const f = store.current;
  await showFilterMenu(
    l10n.t('Filter Aurora backtracks'),
    [
      {
        label: `$(database) ${l10n.t('Cluster')}`,
        current: f.cluster,
        detail: l10n.t('Only this cluster (DescribeDBClusters DBClusterIdentifier)'),
        run: async () => applyPrompt(await pickCluster(loadedClusters(), f.cluster), (cluster) => store.update({ cluster })),
      },
      {
        label: `$(key) ${l10n.t('Backtrack identifier')}`,
        current: f.backtrackId,
        detail: l10n.t('BacktrackIdentifier, sent with every cluster'),
        run: async () =>
          applyPrompt(
            await promptText(l10n.t('Backtrack identifier'), l10n.t('A backtrack identifier (UUID).'), validateBacktrackId, f.backtrackId ?? ''),
            (id) => store.update({ backtrackId: id?.toLowerCase() }),
          ),
      },
      {
        label: `$(pulse) ${l10n.t('Statuses')}`,
        current: f.statuses?.length ? f.statuses.join(', ') : undefined,
        detail: 'db-cluster-backtrack-status',
        run: async () => {
          const statuses = await pickMany(l10n.t('Backtrack statuses'), backtrackStatuses, f.statuses ?? []);
          if (statuses) {
            await store.update({ statuses: statuses.length > 0 ? statuses : undefined });
          }
        },
      },
      {
        label: `$(list-flat) ${l10n.t('Backtrack ids')}`,
        current: f.backtrackIds?.length ? f.backtrackIds.join(', ') : undefined,
        detail: l10n.t('db-cluster-backtrack-id: one or more identifiers'),
        run: async () =>
          applyPrompt(
            await promptText(l10n.t('Backtrack ids'), l10n.t('Backtrack identifiers (UUIDs), separated by commas.'), validateBacktrackIdList, (f.backtrackIds ?? []).join(', ')),
            (text) => store.update({ backtrackIds: text ? [...new Set(splitIdList(text).map((id) => id.toLowerCase()))] : undefined }),
          ),
      },
    ],
    () => store.clear(),
  );
  return true;
}


/** The clusters the view has loaded, or a typed identifier or ARN, stored in lowercase as AWS stores it. */
function pickCluster(clusters: readonly DBCluster[], current: string | undefined): Promise<PromptResult<string>> {
  return pickOrType({
    title: l10n.t('Only backtracks of cluster'),
    placeholder: l10n.t('Pick a loaded cluster, or type a cluster identifier or ARN'),
    validate: validateClusterInput,
    normalize: normalizeCluster,
    current,
    clearLabel: l10n.t('All clusters'),
    choices: () => clusters.map((c) => ({ value: clusterIdentifier(c), description: clusterDescription(c) })),
  });
}
