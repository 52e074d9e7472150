import * as vscode from 'vscode';
import { ContextValue } from '../constants';
import { consoleUrl } from '../aws/console';
import type { PagedChildren } from '../tree/pagedChildren';
import { rowAccessibility } from '../tree/accessibility';
import { fieldTooltip } from '../tree/tooltip';
import { CachedItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import { bothTimes, formatNumber, humanDuration } from '../shared/format';
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

  /** Puts a backtrack just made (first) or re-described (in place) into the loaded list; nothing when not expanded. */
  upsertBacktrack(backtrack: DBClusterBacktrack): void {
    this.list?.upsert(backtrack);
  }

  consoleUrl(): URL | undefined {
    return clusterConsoleUrl(this.actions.region(), this.item);
  }

  getChildren(): Promise<TreeNode[]> | TreeNode[] {
    return this.childList()?.getChildren() ?? [];
  }

  childList(): BacktrackList | undefined {
    if (!this.canBacktrack) {
      return undefined;
    }
    this.list ??= this.actions.backtracks(this);
    return this.list;
  }

  protected buildTreeItem(): vscode.TreeItem {
    const c = this.item;
    const support = backtrackSupport(c);
    const item = new vscode.TreeItem(this.identifier, support.enabled ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = clusterDescription(c);
    // A tree row cannot be disabled; the greyed icon and the reason in the description say it.
    item.iconPath = support.enabled ? new vscode.ThemeIcon('database') : new vscode.ThemeIcon('database', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = support.enabled ? ContextValue.cluster : ContextValue.clusterDisabled;
    const earliest = c.EarliestBacktrackTime;
    const window = c.BacktrackWindow;
    item.tooltip = fieldTooltip(this.identifier, [
      [vscode.l10n.t('Backtrack'), support.enabled ? vscode.l10n.t('enabled') : support.reason],
      [vscode.l10n.t('Engine'), c.Engine],
      [vscode.l10n.t('Engine version'), c.EngineVersion],
      [vscode.l10n.t('Engine mode'), c.EngineMode],
      [vscode.l10n.t('Status'), c.Status],
      [
        vscode.l10n.t('Backtrack window (target)'),
        window === undefined ? undefined : window > 0 ? vscode.l10n.t('{0} ({1} s)', windowText(window), formatNumber(window)) : vscode.l10n.t('off (0)'),
      ],
      [
        vscode.l10n.t('Earliest backtrack time'),
        earliest ? vscode.l10n.t('{0}, actual window {1}', bothTimes(earliest), humanDuration(Date.now() - earliest.getTime())) : undefined,
      ],
      [vscode.l10n.t('Consumed change records'), c.BacktrackConsumedChangeRecords === undefined ? undefined : formatNumber(c.BacktrackConsumedChangeRecords)],
      [vscode.l10n.t('Cluster ARN'), c.DBClusterArn],
      [vscode.l10n.t('Resource id'), c.DbClusterResourceId],
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
