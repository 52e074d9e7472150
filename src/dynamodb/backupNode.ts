import * as vscode from 'vscode';
import { Command, ContextValue } from '../constants';
import { consoleUrl } from '../aws/console';
import { CachedItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import { rowAccessibility } from '../tree/accessibility';
import { statusIcon } from '../tree/statusIcon';
import { backupStatus } from './backupStatus';
import { fieldTooltip } from '../tree/tooltip';
import { bothTimes, formatNumber, humanDuration, humanSize, relativeTime } from '../shared/format';
import type { BackupSummary } from './api';

export interface BackupNodeActions {
  region(): string | undefined;
  showDetails(node: BackupNode): Promise<void>;
}

/** One backup row. Its TreeItem is built once and reused until the backup changes. */
export class BackupNode extends CachedItemNode<BackupSummary> {
  constructor(
    item: BackupSummary,
    id: string,
    parent: TreeNode | undefined,
    private readonly actions: BackupNodeActions,
  ) {
    super(item, id, parent);
  }

  get arn(): string | undefined {
    return this.item.BackupArn;
  }
  get name(): string | undefined {
    return this.item.BackupName;
  }
  get pickLabel(): { label: string; description?: string; detail?: string } {
    return {
      label: this.item.BackupName ?? vscode.l10n.t('(unnamed)'),
      description: [this.item.TableName, this.item.BackupStatus].filter(Boolean).join(' · '),
      detail: this.item.BackupArn,
    };
  }

  consoleUrl(): URL | undefined {
    const region = this.actions.region();
    return region ? consoleUrl(region, 'dynamodbv2/home', 'backups') : undefined;
  }

  showDetails(): Promise<void> {
    return this.actions.showDetails(this);
  }

  protected buildTreeItem(): vscode.TreeItem {
    const b = this.item;
    const item = new vscode.TreeItem(b.BackupName ?? vscode.l10n.t('(unnamed)'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const created = relativeTime(b.BackupCreationDateTime);
    const size = humanSize(b.BackupSizeBytes);
    item.description = [b.TableName, b.BackupStatus, created, size].filter(Boolean).join(' · ');
    const status = backupStatus(b.BackupStatus);
    item.iconPath = statusIcon(status);
    item.contextValue = b.BackupStatus === 'AVAILABLE' ? ContextValue.backupAvailable : ContextValue.backup;
    item.command = { command: Command.showDetails, title: vscode.l10n.t('Show details'), arguments: [this] };
    item.accessibilityInformation = rowAccessibility(
      vscode.l10n.t('Backup {0}', b.BackupName ?? vscode.l10n.t('(unnamed)')),
      status.words,
      b.TableName && vscode.l10n.t('table {0}', b.TableName),
      created && vscode.l10n.t('created {0}', created),
      size,
    );
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const b = this.item;
    const expiry = b.BackupExpiryDateTime;
    return fieldTooltip(b.BackupName ?? vscode.l10n.t('Backup'), [
      [vscode.l10n.t('Status'), b.BackupStatus],
      [vscode.l10n.t('Type'), b.BackupType],
      [vscode.l10n.t('Table'), b.TableName],
      [vscode.l10n.t('Table id'), b.TableId],
      [vscode.l10n.t('Table ARN'), b.TableArn],
      [vscode.l10n.t('Backup ARN'), b.BackupArn],
      [vscode.l10n.t('Created'), bothTimes(b.BackupCreationDateTime)],
      [
        vscode.l10n.t('Expires'),
        expiry
          ? `${bothTimes(expiry)}, ${expiry.getTime() > Date.now() ? vscode.l10n.t('in {0}', humanDuration(expiry.getTime() - Date.now())) : vscode.l10n.t('expired')}`
          : undefined,
      ],
      [
        vscode.l10n.t('Size'),
        b.BackupSizeBytes === undefined ? undefined : vscode.l10n.t('{0} ({1} bytes)', humanSize(b.BackupSizeBytes), formatNumber(b.BackupSizeBytes)),
      ],
    ]);
  }
}
