import * as vscode from 'vscode';
import type { FilterStore } from '../filters/filterStore';
import { clearValue, pickMany, promptText, showFilterMenu, type PromptResult } from '../filters/filterPrompts';
import type { DBCluster } from './api';
import { clusterDescription, clusterIdentifier } from './backtrackFormat';
import { mergeFilterArgument, type BacktrackFilters } from './filters';
import {
  backtrackStatuses,
  normalizeCluster,
  splitIdList,
  validateBacktrackId,
  validateBacktrackIdList,
  validateClusterInput,
} from './validation';

function apply<T>(result: PromptResult<T>, set: (value: T | undefined) => Promise<void>): Promise<void> {
  if (result === undefined) {
    return Promise.resolve();
  }
  return set(result === clearValue ? undefined : result);
}

/**
 * The filter menu, or (with a filters object as argument) the same rules applied without any prompt.
 * Returns false when the argument was refused; nothing is stored and no request is sent then.
 */
export async function runBacktrackFilterCommand(
  store: FilterStore<BacktrackFilters>,
  loadedClusters: () => readonly DBCluster[],
  arg?: object,
): Promise<boolean> {
  if (arg && typeof arg === 'object' && !('id' in arg)) {
    const merged = mergeFilterArgument(store.current, arg);
    if ('problem' in merged) {
      void vscode.window.showErrorMessage(`Filter not applied: ${merged.problem}`);
      return false;
    }
    await store.set(merged.filters);
    return true;
  }
  const f = store.current;
  await showFilterMenu(
    'Filter Aurora backtracks',
    [
      {
        label: '$(database) Cluster',
        current: f.cluster,
        detail: 'Only this cluster (DescribeDBClusters DBClusterIdentifier)',
        run: async () => apply(await pickCluster(loadedClusters(), f.cluster), (cluster) => store.update({ cluster })),
      },
      {
        label: '$(key) Backtrack identifier',
        current: f.backtrackId,
        detail: 'BacktrackIdentifier, sent with every cluster',
        run: async () =>
          apply(
            await promptText('Backtrack identifier', 'A backtrack identifier (UUID).', validateBacktrackId, f.backtrackId ?? ''),
            (id) => store.update({ backtrackId: id?.toLowerCase() }),
          ),
      },
      {
        label: '$(pulse) Statuses',
        current: f.statuses?.length ? f.statuses.join(', ') : undefined,
        detail: 'db-cluster-backtrack-status',
        run: async () => {
          const statuses = await pickMany('Backtrack statuses', backtrackStatuses, f.statuses ?? []);
          if (statuses) {
            await store.update({ statuses: statuses.length > 0 ? statuses : undefined });
          }
        },
      },
      {
        label: '$(list-flat) Backtrack ids',
        current: f.backtrackIds?.length ? f.backtrackIds.join(', ') : undefined,
        detail: 'db-cluster-backtrack-id: one or more identifiers',
        run: async () =>
          apply(
            await promptText('Backtrack ids', 'Backtrack identifiers (UUIDs), separated by commas.', validateBacktrackIdList, (f.backtrackIds ?? []).join(', ')),
            (text) => store.update({ backtrackIds: text ? [...new Set(splitIdList(text).map((id) => id.toLowerCase()))] : undefined }),
          ),
      },
    ],
    () => store.clear(),
  );
  return true;
}

interface ClusterPick extends vscode.QuickPickItem {
  readonly value: string | typeof clearValue | undefined;
}

/**
 * The clusters the view has loaded, plus whatever is typed: an identifier or ARN, accepted only when
 * valid and stored in lowercase as AWS stores it.
 */
async function pickCluster(clusters: readonly DBCluster[], current: string | undefined): Promise<PromptResult<string>> {
  const quickPick = vscode.window.createQuickPick<ClusterPick>();
  quickPick.title = 'Only backtracks of cluster';
  quickPick.placeholder = 'Pick a loaded cluster, or type a cluster identifier or ARN';
  quickPick.matchOnDescription = true;
  const loaded: ClusterPick[] = clusters.map((c) => ({
    label: clusterIdentifier(c),
    description: clusterDescription(c),
    value: clusterIdentifier(c),
  }));
  const clearItem: ClusterPick = { label: '$(close) All clusters', description: 'remove this filter', value: clearValue };
  const render = (): void => {
    const typed = quickPick.value.trim();
    const problem = typed ? validateClusterInput(typed) : undefined;
    const typedItems: ClusterPick[] =
      typed && !loaded.some((item) => item.value === normalizeCluster(typed))
        ? [{ label: typed, description: problem ? '$(error) not valid' : 'use the typed identifier or ARN', detail: problem, value: problem ? undefined : normalizeCluster(typed), alwaysShow: true }]
        : [];
    quickPick.items = [...typedItems, ...(current ? [clearItem] : []), ...loaded];
  };
  return new Promise((resolve) => {
    quickPick.onDidChangeValue(render);
    quickPick.onDidAccept(() => {
      const picked = quickPick.selectedItems[0];
      if (!picked || picked.value === undefined) {
        return; // an invalid typed value: its message stays on screen
      }
      resolve(picked.value);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    render();
    quickPick.show();
  });
}
