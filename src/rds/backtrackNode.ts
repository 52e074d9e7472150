import * as vscode from 'vscode';
import { Command, ContextValue } from '../constants';
import { rowAccessibility } from '../tree/accessibility';
import { statusIcon } from '../tree/statusIcon';
import { fieldTooltip } from '../tree/tooltip';
import { CachedItemNode } from '../tree/cachedItemNode';
import { bothTimes, humanDuration, localDateTime, relativeTime } from '../shared/format';
import type { DBClusterBacktrack } from './api';
import { backtrackKey, backtrackStatus, rewoundText } from './backtrackFormat';
import type { ClusterNode } from './clusterNode';

export interface BacktrackNodeActions {
  region(): string | undefined;
  showDetails(node: BacktrackNode): Promise<void>;
}

/**
 * One backtrack row. Backtracks have no ARN: Copy ARN copies the cluster's, and the backtrack identifier
 * has its own copy action.
 */
export class BacktrackNode extends CachedItemNode<DBClusterBacktrack> {
  declare readonly parent: ClusterNode;

  constructor(
    item: DBClusterBacktrack,
    id: string,
    parent: ClusterNode,
    private readonly actions: BacktrackNodeActions,
  ) {
    super(item, id, parent);
  }

  get cluster(): ClusterNode {
    return this.parent;
  }
  get arn(): string | undefined {
    return this.parent.arn;
  }
  get link(): string | undefined {
    return this.parent.arn && this.backtrackId ? backtrackKey(this.parent.arn, this.backtrackId) : undefined;
  }
  get backtrackId(): string | undefined {
    return this.item.BacktrackIdentifier;
  }
  get pickLabel(): { label: string; description?: string; detail?: string } {
    return {
      label: this.item.BacktrackIdentifier ?? vscode.l10n.t('(no identifier)'),
      description: [this.parent.identifier, this.item.Status, this.item.BacktrackTo && localDateTime(this.item.BacktrackTo)].filter(Boolean).join(' · '),
      detail: this.parent.arn,
    };
  }

  consoleUrl(): URL | undefined {
    return this.parent.consoleUrl();
  }

  showDetails(): Promise<void> {
    return this.actions.showDetails(this);
  }

  protected buildTreeItem(): vscode.TreeItem {
    const b = this.item;
    const when = b.BacktrackTo ? localDateTime(b.BacktrackTo) : vscode.l10n.t('(no backtrack time)');
    const item = new vscode.TreeItem(when, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const requested = b.BacktrackRequestCreationTime;
    item.description = [b.Status, rewoundText(b), requested ? vscode.l10n.t('requested {0}', relativeTime(requested)) : ''].filter(Boolean).join(' · ');
    const status = backtrackStatus(b.Status);
    item.iconPath = statusIcon(status);
    item.contextValue = ContextValue.backtrack;
    item.command = { command: Command.showDetails, title: vscode.l10n.t('Show details'), arguments: [this] };
    item.accessibilityInformation = rowAccessibility(
      vscode.l10n.t('Backtrack to {0}', when),
      status.words,
      rewoundText(b),
      requested && vscode.l10n.t('requested {0}', relativeTime(requested)),
    );
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const b = this.item;
    const when = b.BacktrackTo ? localDateTime(b.BacktrackTo) : vscode.l10n.t('(no backtrack time)');
    const requested = b.BacktrackRequestCreationTime;
    return fieldTooltip(vscode.l10n.t('Backtrack to {0}', when), [
      [vscode.l10n.t('Status'), b.Status],
      [vscode.l10n.t('Backtrack identifier'), b.BacktrackIdentifier],
      [vscode.l10n.t('Cluster'), b.DBClusterIdentifier],
      [vscode.l10n.t('Backtracked to'), b.BacktrackTo && bothTimes(b.BacktrackTo)],
      [vscode.l10n.t('Backtracked from'), b.BacktrackedFrom && bothTimes(b.BacktrackedFrom)],
      [vscode.l10n.t('Rewound'), b.BacktrackedFrom && b.BacktrackTo ? humanDuration(b.BacktrackedFrom.getTime() - b.BacktrackTo.getTime()) : undefined],
      [vscode.l10n.t('Requested'), requested && `${bothTimes(requested)}, ${relativeTime(requested)}`],
      [vscode.l10n.t('Cluster ARN'), this.parent.arn],
    ]);
  }
}
