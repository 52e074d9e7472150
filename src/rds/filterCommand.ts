import * as l10n from '@vscode/l10n';
import type { FilterStore } from '../filters/filterStore';
import type { PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import type { DBCluster } from './api';
import { clusterDescription, clusterIdentifier } from './backtrackFormat';
import type { BacktrackFilters } from './filters';
import { normalizeCluster, validateClusterInput } from './validation';

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
  await store.showMenu({ cluster: (current) => pickCluster(loadedClusters(), current) });
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
