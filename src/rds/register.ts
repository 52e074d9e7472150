import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { forNotification } from '../util/plainText';
import { Command, ViewId } from '../constants';
import { filterArgumentOf, filtersArgument, instanceOf, oneOf, optional, record, selection, text, type ArgumentRule } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { registerCopyCommand } from '../commands/treeCommands';
import type { FeatureContext } from '../feature';
import { FilterStore } from '../filters/filterStore';
import type { ListSource } from '../tree/listSource';
import type { Connection } from '../aws/session';
import { perConnection } from '../tree/connectionScope';
import { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { refuseOtherConnection } from '../actions/confirmAction';
import { revealItem } from '../links/openArn';
import { clampRdsPageSize, describeBacktrack, listBacktracksPage, listClustersPage, type DBCluster, type DBClusterBacktrack } from './api';
import type * as BacktrackActions from './backtrackActions.lazy';
import type * as BacktrackDetails from './backtrackDetails.lazy';
import { backtrackKey } from './backtrackFormat';
import { lazy } from '../util/lazy';
import { BacktrackNode } from './backtrackNode';
import { backtrackExportColumns, backtrackListCli } from './cli';
import { BacktrackWatcher } from './backtrackWatch';
import { ClusterNode } from './clusterNode';
import { runBacktrackFilterCommand } from './filterCommand';
import { backtrackFilterSpec, type BacktrackFilters } from './filters';

const flag: ArgumentRule = { what: 'true or false', accepts: (value) => typeof value === 'boolean' };

/** Backtrack Cluster…: a row, or the typed form (`BacktrackArgument`, backtrackActions.lazy.ts); then the selection. */
const backtrackArguments: readonly ArgumentRule[] = [
  optional(
    oneOf(
      instanceOf('a cluster or backtrack row', ClusterNode, BacktrackNode),
      record('{ cluster, backtrackTo, force?, useEarliestTime? }', { cluster: text, backtrackTo: text, force: flag, useEarliestTime: flag }),
    ),
  ),
  optional(selection),
];

/** The "Aurora Backtracks" view: clusters, each backtracking one with its paged backtracks, filters, details. */
export function registerRds(ctx: FeatureContext): PagedTreeProvider {
  const filters = new FilterStore<BacktrackFilters>(ctx.extension.workspaceState, 'rds', backtrackFilterSpec());

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const details = lazy(() => require('./backtrackDetails.lazy') as typeof BacktrackDetails);
  const showDetails = async (node: BacktrackNode, connection: Connection): Promise<void> => {
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
        (target) =>
          refuseOtherConnection(connection, ctx.session.current)
            ? Promise.resolve(false)
            : target === undefined
              ? backtrack().run(cluster)
              : backtrack().fromTimeline(cluster, target),
        () => watcher.following(cluster),
        connection,
      ),
    );
  };

  const backtrackActions = perConnection((connection) => ({
    region: () => connection.region,
    showDetails: (node: BacktrackNode) => showDetails(node, connection),
  }));
  const backtrackSource = (cluster: ClusterNode): ListSource<DBClusterBacktrack, BacktrackFilters> => ({
    noun: l10n.t('backtracks'),
    iamAction: 'rds:DescribeDBClusterBacktracks',
    clampPageSize: clampRdsPageSize,
    fetchPage: (token, pageSize, f, signal, connection) => listBacktracksPage(ctx.clients, cluster.identifier, token, pageSize, f, signal, connection),
    keyOf: (b) => backtrackKey(cluster.arn ?? cluster.identifier, b.BacktrackIdentifier ?? ''),
    makeNode: (item, id, _parent, connection) => new BacktrackNode(item, id, cluster, backtrackActions(connection)),
    exportColumns: backtrackExportColumns,
    cli: (f) => backtrackListCli(cluster.identifier, f),
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
    fetchPage: (token, pageSize, f, signal, connection) => listClustersPage(ctx.clients, token, pageSize, f, signal, connection),
    keyOf: (c) => c.DBClusterArn ?? c.DBClusterIdentifier ?? '',
    makeNode: (item, id, parent, connection) =>
      new ClusterNode(item, id, parent, {
        region: () => connection.region,
        backtracks: (cluster) => p.createList(backtrackSource(cluster), () => filters.current, cluster, l10n.t('Aurora backtracks of {0}', cluster.identifier)),
      }),
    emptyMessage: (f) =>
      f.cluster
        ? { message: l10n.t('No DB cluster matches cluster {0}', f.cluster), filtered: true }
        : { message: l10n.t('No DB clusters in this region'), filtered: false },
  });
  const provider = new PagedTreeProvider(
    ViewId.rds,
    l10n.t('Aurora Backtracks'),
    ctx.session,
    ctx.setupCheck,
    (p, owner) => p.createList(clusterSource(p), () => filters.current, owner, l10n.t('Aurora DB clusters')),
    ctx.connections,
    ctx.accountOf,
  );
  ctx.views.add({ key: 'rds', provider, filters });
  const watcher = new BacktrackWatcher(provider, ctx.clients);
  // The command's body loads at its first run (a lazy chunk, see lazy()); the commands are registered now.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const backtrack = lazy(() => new (require('./backtrackActions.lazy') as typeof BacktrackActions).BacktrackCommand(ctx, provider, watcher));
  ctx.extension.subscriptions.push(provider, filters, watcher);

  // Open ARN… and links: a backtrack's details, or the cluster shown in the view (its filter names it).
  ctx.openers.register('cluster', async (target, connection, shown) => {
    if (target.item) {
      const { backtrack, cluster } = await describeBacktrack(ctx.clients, target.name, target.item, ctx.session.signal, connection);
      if (!backtrack || !cluster) {
        throw Object.assign(new Error(l10n.t('Backtrack {0} of cluster {1} was not found.', target.item, target.name)), {
          name: 'DBClusterBacktrackNotFoundFault',
        });
      }
      // Opened by ARN, the panel has no cluster row to act from: Backtrack Cluster… says where to find it.
      const fromView = (): Promise<boolean> => {
        void vscode.window.showInformationMessage(
          forNotification(l10n.t('To backtrack this cluster, use Backtrack Cluster… on its row in the Aurora Backtracks view.')),
        );
        return Promise.resolve(false);
      };
      await ctx.panels.show(
        new (details().BacktrackDetailSource)(
          ctx.clients,
          backtrackKey(target.arn, target.item),
          backtrack,
          cluster,
          () => [],
          () => undefined,
          fromView,
          () => false,
          connection,
        ),
      );
      return;
    }
    await filters.update({ cluster: target.name });
    await revealItem(ctx.views.get('rds'), target, connection, shown);
  });

  const filter = (arg?: unknown): Promise<boolean> =>
    runBacktrackFilterCommand(filters, () => provider.rootLists().flatMap((list) => list.items as DBCluster[]), filterArgumentOf(arg));
  const filterOptions = { iamAction: 'rds:DescribeDBClusters', args: [filtersArgument] };
  registerCommand(ctx.extension, Command.rdsFilter, filter, filterOptions);
  registerCommand(ctx.extension, Command.rdsFilterActive, filter, filterOptions);
  const backtrackOptions = { iamAction: 'rds:BacktrackDBCluster', args: backtrackArguments };
  // Backtracks run on the current connection: a row of another connection of the view is refused.
  const elsewhere = (arg: unknown): boolean =>
    (arg instanceof ClusterNode || arg instanceof BacktrackNode) &&
    provider.contains(arg) &&
    refuseOtherConnection(provider.connectionOf(arg), ctx.session.current);
  registerCommand(ctx.extension, Command.rdsBacktrackCluster, (arg?: unknown) => !elsewhere(arg) && backtrack().run(arg), backtrackOptions);
  registerCommand(ctx.extension, Command.rdsBacktrackBefore, (node: BacktrackNode) => !elsewhere(node) && backtrack().run(node), {
    iamAction: 'rds:BacktrackDBCluster',
    args: [instanceOf('a backtrack row', BacktrackNode), optional(selection)],
  });
  registerCopyCommand(ctx.extension, ctx.views, Command.rdsCopyBacktrackId, (n) => (n instanceof BacktrackNode ? n.backtrackId : undefined), {
    one: l10n.t('backtrack identifier'),
    many: l10n.t('backtrack identifiers'),
  });
  return provider;
}
