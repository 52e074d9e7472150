import * as vscode from 'vscode';
import { ContextValue } from '../constants';
import { consoleUrl } from '../aws/console';
import type { PagedChildren } from '../tree/pagedChildren';
import { rowAccessibility } from '../tree/accessibility';
import { fieldTooltip } from '../tree/tooltip';
import { CachedItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import { bothTimes, humanDuration } from '../util/format';
import type { DBCluster, DBClusterBacktrack } from './api';
import { backtrackSupport, clusterDescription, clusterIdentifier, windowText } from './backtrackFormat';
import type { BacktrackFilters } from './filters';

export type BacktrackList = PagedChildren<DBClusterBacktrack, BacktrackFilters>;

export interface ClusterNodeActions {
  region(): string | undefined;
  /** The paged list of this cluster's backtracks; called once, on first expand. */
  backtracks(node: ClusterNode): BacktrackList;
}

/** The cluster's page in the RDS console (also where its Backtrack section lives). */
export function clusterConsoleUrl(region: string | undefined, cluster: DBCluster): URL | undefined {
  return region ? consoleUrl(region, 'rds/home', `database:id=${clusterIdentifier(cluster)};is-cluster=true`) : undefined;
}

/**
 * One DB cluster row. Only clusters that can backtrack expand; the others are dimmed with the reason
 * and never ask for backtracks (the API would answer InvalidParameterCombination).
 */
export class ClusterNode extends CachedItemNode<DBCluster> {
  private list: BacktrackList | undefined;

  constructor(
    item: DBCluster,
    id: string,
    parent: TreeNode | undefined,
    private readonly actions: ClusterNodeActions,
  ) {
    super(item, id, parent);
  }

  get arn(): string | undefined {
    return this.item.DBClusterArn;
  }
  get name(): string | undefined {
    return this.item.DBClusterIdentifier;
  }
  get identifier(): string {
    return clusterIdentifier(this.item);
  }
  get canBacktrack(): boolean {
    return backtrackSupport(this.item).enabled;
  }
  get pickLabel(): { label: string; description?: string; detail?: string } {
    return { label: this.identifier, description: clusterDescription(this.item), detail: this.item.DBClusterArn };
  }
  /** Backtracks loaded so far (none until expanded). */
  get loadedBacktracks(): DBClusterBacktrack[] {
    return this.list?.items ?? [];
  }

  /** Puts a re-described backtrack into its row without reloading the list. */
  updateBacktrack(backtrack: DBClusterBacktrack): void {
    this.list?.updateItem(backtrack);
  }

  consoleUrl(): URL | undefined {
    return clusterConsoleUrl(this.actions.region(), this.item);
  }

  getChildren(): Promise<TreeNode[]> | TreeNode[] {
    if (!this.canBacktrack) {
      return [];
    }
    this.list ??= this.actions.backtracks(this);
    return this.list.getChildren();
  }

  protected buildTreeItem(): vscode.TreeItem {
    const c = this.item;
    const support = backtrackSupport(c);
    const item = new vscode.TreeItem(
      this.identifier,
      support.enabled ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.description = clusterDescription(c);
    // A tree row cannot be disabled; the greyed icon and the reason in the description say it.
    item.iconPath = support.enabled ? new vscode.ThemeIcon('database') : new vscode.ThemeIcon('database', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = support.enabled ? ContextValue.cluster : ContextValue.clusterDisabled;
    const earliest = c.EarliestBacktrackTime;
    const window = c.BacktrackWindow;
    item.tooltip = fieldTooltip(this.identifier, [
      ['Backtrack', support.enabled ? 'enabled' : support.reason],
      ['Engine', c.Engine],
      ['Engine version', c.EngineVersion],
      ['Engine mode', c.EngineMode],
      ['Status', c.Status],
      ['Backtrack window (target)', window === undefined ? undefined : window > 0 ? `${windowText(window)} (${window.toLocaleString('en-US')} s)` : 'off (0)'],
      ['Earliest backtrack time', earliest ? `${bothTimes(earliest)}, actual window ${humanDuration(Date.now() - earliest.getTime())}` : undefined],
      ['Consumed change records', c.BacktrackConsumedChangeRecords?.toLocaleString('en-US')],
      ['Cluster ARN', c.DBClusterArn],
      ['Resource id', c.DbClusterResourceId],
    ]);
    // The dimmed icon is the only other sign that a cluster cannot backtrack: say it.
    item.accessibilityInformation = rowAccessibility(
      vscode.l10n.t('DB cluster {0}', this.identifier),
      support.enabled ? vscode.l10n.t('backtrack enabled, window {0}', windowText(window ?? 0)) : vscode.l10n.t('cannot backtrack: {0}', support.reason),
      [c.Engine, c.EngineVersion].filter(Boolean).join(' '),
    );
    return item;
  }
}
