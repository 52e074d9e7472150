import * as l10n from '@vscode/l10n';
import { Command, ViewId } from '../constants';
import { filterArgumentOf, filtersArgument, instanceOf, optional, selection } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { registerCopyCommand } from '../commands/treeCommands';
import type { FeatureContext } from '../feature';
import { FilterStore } from '../filters/filterStore';
import type { ListSource } from '../tree/listSource';
import { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { clampRdsPageSize, listBacktracksPage, listClustersPage, type DBCluster, type DBClusterBacktrack } from './api';
import { BacktrackCommand, backtrackArguments } from './backtrackCommand';
import type * as BacktrackDetails from './backtrackDetails';
import { backtrackKey } from './backtrackFormat';
import { lazyDetails } from '../webview/detailPanel';
import { BacktrackNode } from './backtrackNode';
import { BacktrackWatcher } from './backtrackWatch';
import { ClusterNode } from './clusterNode';
import { runBacktrackFilterCommand } from './filterCommand';
import { backtrackFilterSpec, type BacktrackFilters } from './filters';

/** The "Aurora Backtracks" view: clusters, each backtracking one with its paged backtracks, filters, details. */
export function registerRds(ctx: FeatureContext): PagedTreeProvider {
  const filters = new FilterStore<BacktrackFilters>(ctx.extension.workspaceState, 'rds', backtrackFilterSpec());
  const region = (): string | undefined => ctx.session.current.region;

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazyDetails
  const details = lazyDetails(() => require('./backtrackDetails') as typeof BacktrackDetails);
  const showDetails = async (node: BacktrackNode): Promise<void> => {
    const cluster = node.cluster;
    if (!cluster.arn || !node.backtrackId) {
      return;
    }
    await ctx.panels.show(
      new (details().BacktrackDetailSource)(
        ctx.clients,
        backtrackKey(cluster.arn, node.backtrackId),
        node.item,
        cluster.item,
        () => cluster.loadedBacktracks,
        (fresh) => cluster.updateBacktrack(fresh),
        (target) => (target === undefined ? backtrack.run(cluster) : backtrack.fromTimeline(cluster, target)),
        () => watcher.following(cluster),
      ),
    );
  };

  const backtrackSource = (cluster: ClusterNode): ListSource<DBClusterBacktrack, BacktrackFilters> => ({
    noun: l10n.t('backtracks'),
    iamAction: 'rds:DescribeDBClusterBacktracks',
    clampPageSize: clampRdsPageSize,
    fetchPage: (token, pageSize, f, signal) => listBacktracksPage(ctx.clients, cluster.identifier, token, pageSize, f, signal),
    keyOf: (b) => backtrackKey(cluster.arn ?? cluster.identifier, b.BacktrackIdentifier ?? ''),
    makeNode: (item, id) => new BacktrackNode(item, id, cluster, { region, showDetails }),
    emptyMessage: (f) => {
      const active = filters.summarize({ ...f, cluster: undefined });
      return active.length > 0
        ? { message: l10n.t('No backtracks match {0}', active.join(', ')), filtered: true }
        : { message: l10n.t('No backtracks for this cluster'), filtered: false };
    },
  });

  const clusterSource = (p: PagedTreeProvider): ListSource<DBCluster, BacktrackFilters> => ({
    noun: l10n.t('clusters'),
    iamAction: 'rds:DescribeDBClusters',
    clampPageSize: clampRdsPageSize,
    fetchPage: (token, pageSize, f, signal) => listClustersPage(ctx.clients, token, pageSize, f, signal),
    keyOf: (c) => c.DBClusterArn ?? c.DBClusterIdentifier ?? '',
    makeNode: (item, id, parent) =>
      new ClusterNode(item, id, parent, {
        region,
        backtracks: (cluster) => p.createList(backtrackSource(cluster), () => filters.current, cluster, l10n.t('Aurora backtracks of {0}', cluster.identifier)),
      }),
    emptyMessage: (f) =>
      f.cluster
        ? { message: l10n.t('No DB cluster matches cluster {0}', f.cluster), filtered: true }
        : { message: l10n.t('No DB clusters in this region'), filtered: false },
  });
  const provider = new PagedTreeProvider(ViewId.rds, l10n.t('Aurora Backtracks'), ctx.session, ctx.setupCheck, (p) =>
    p.createList(clusterSource(p), () => filters.current, undefined, l10n.t('Aurora DB clusters')),
  );
  ctx.views.add({ key: 'rds', provider, filters });
  const watcher = new BacktrackWatcher(provider, ctx.clients);
  const backtrack = new BacktrackCommand(ctx, provider, watcher);
  ctx.extension.subscriptions.push(provider, filters, watcher);

  const filter = (arg?: unknown): Promise<boolean> => runBacktrackFilterCommand(filters, () => provider.root.items as DBCluster[], filterArgumentOf(arg));
  const filterOptions = { iamAction: 'rds:DescribeDBClusters', args: [filtersArgument] };
  registerCommand(ctx.extension, Command.rdsFilter, filter, filterOptions);
  registerCommand(ctx.extension, Command.rdsFilterActive, filter, filterOptions);
  const backtrackOptions = { iamAction: 'rds:BacktrackDBCluster', args: backtrackArguments };
  registerCommand(ctx.extension, Command.rdsBacktrackCluster, (arg?: unknown) => backtrack.run(arg), backtrackOptions);
  registerCommand(ctx.extension, Command.rdsBacktrackBefore, (node: BacktrackNode) => backtrack.run(node), {
    iamAction: 'rds:BacktrackDBCluster',
    args: [instanceOf('a backtrack row', BacktrackNode), optional(selection)],
  });
  registerCopyCommand(ctx.extension, ctx.views, Command.rdsCopyBacktrackId, (n) => (n instanceof BacktrackNode ? n.backtrackId : undefined), { one: l10n.t('backtrack identifier'), many: l10n.t('backtrack identifiers') });
  return provider;
}
