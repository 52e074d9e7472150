import * as vscode from 'vscode';
import { Command, ContextValue } from '../constants';
import { consoleUrl } from '../aws/console';
import { rowAccessibility } from '../tree/accessibility';
import { statusIcon } from '../tree/statusIcon';
import { fieldTooltip } from '../tree/tooltip';
import { CachedItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import { bothTimes, relativeTime } from '../shared/format';
import type { Execution } from './api';
import { parseArnOfKind } from '../aws/arn';
import { durableStatus, executionDescription, executionDuration, functionNameOf, statusText } from './executionFormat';

export interface ExecutionNodeActions {
  region(): string | undefined;
  showDetails(node: ExecutionNode): Promise<void>;
  /** Callback ids the execution waits on, per its last loaded history; undefined when not known. */
  pendingCallbacks(arn: string): readonly string[] | undefined;
}

/** One durable execution row. Its TreeItem is built once and reused until the execution changes. */
export class ExecutionNode extends CachedItemNode<Execution> {
  constructor(
    item: Execution,
    id: string,
    parent: TreeNode | undefined,
    private readonly actions: ExecutionNodeActions,
  ) {
    super(item, id, parent);
  }

  get arn(): string | undefined {
    return this.item.DurableExecutionArn;
  }
  get name(): string | undefined {
    return this.item.DurableExecutionName;
  }
  get running(): boolean {
    return this.item.Status === 'RUNNING';
  }
  /** The one callback the execution waits on (the row can answer it), when its history says exactly one. */
  get pendingCallback(): string | undefined {
    const pending = this.running && this.arn ? this.actions.pendingCallbacks(this.arn) : undefined;
    return pending?.length === 1 ? pending[0] : undefined;
  }
  get functionName(): string | undefined {
    const fromArn = this.item.FunctionArn ? functionNameOf(this.item.FunctionArn) : undefined;
    return fromArn ?? (this.arn ? parseArnOfKind(this.arn, 'lambdaDurableExecution')?.functionName : undefined);
  }
  get pickLabel(): { label: string; description?: string; detail?: string } {
    return {
      label: this.item.DurableExecutionName ?? vscode.l10n.t('(unnamed)'),
      description: [this.functionName, statusText(this.item.Status)].filter(Boolean).join(' · '),
      detail: this.item.DurableExecutionArn,
    };
  }

  consoleUrl(): URL | undefined {
    const region = this.actions.region();
    const fn = this.functionName;
    return region && fn ? consoleUrl(region, 'lambda/home', `/functions/${encodeURIComponent(fn)}`) : undefined;
  }

  showDetails(): Promise<void> {
    return this.actions.showDetails(this);
  }

  override getTreeItem(): vscode.TreeItem {
    // A running execution's "running for …" ages: refresh that text in place (the row keeps its TreeItem,
    // and its tooltip is resolved again on the next hover); a finished one never changes.
    if (!this.treeItem) {
      this.treeItem = this.buildTreeItem();
    } else if (this.running) {
      const description = executionDescription(this.item);
      this.treeItem.description = description;
      this.treeItem.accessibilityInformation = this.accessibility();
      this.treeItem.tooltip = undefined;
    }
    return this.treeItem;
  }

  protected buildTreeItem(): vscode.TreeItem {
    const e = this.item;
    const name = e.DurableExecutionName ?? vscode.l10n.t('(unnamed)');
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = executionDescription(e);
    item.iconPath = statusIcon(durableStatus(e.Status));
    item.contextValue =
      this.pendingCallback !== undefined ? ContextValue.executionCallback : this.running ? ContextValue.executionRunning : ContextValue.execution;
    item.command = { command: Command.showDetails, title: vscode.l10n.t('Show details'), arguments: [this] };
    item.accessibilityInformation = this.accessibility();
    return item;
  }

  /** Name, the status the icon shows in words, when it started and how long it ran (or runs). */
  private accessibility(): vscode.AccessibilityInformation {
    const e = this.item;
    const started = relativeTime(e.StartTimestamp);
    return rowAccessibility(
      vscode.l10n.t('Execution {0}', e.DurableExecutionName ?? '(unnamed)'),
      durableStatus(e.Status).words,
      started && vscode.l10n.t('started {0}', started),
      executionDuration(e),
    );
  }

  tooltip(): vscode.MarkdownString {
    const e = this.item;
    const name = e.DurableExecutionName ?? vscode.l10n.t('(unnamed)');
    const status = statusText(e.Status);
    const parts = e.DurableExecutionArn ? parseArnOfKind(e.DurableExecutionArn, 'lambdaDurableExecution') : undefined;
    return fieldTooltip(name, [
      [vscode.l10n.t('Status'), status],
      [vscode.l10n.t('Function'), this.functionName],
      [vscode.l10n.t('Version'), parts?.qualifier],
      [vscode.l10n.t('Started'), bothTimes(e.StartTimestamp)],
      [vscode.l10n.t('Ended'), e.EndTimestamp ? bothTimes(e.EndTimestamp) : undefined],
      [vscode.l10n.t('Duration'), executionDuration(e)],
      [vscode.l10n.t('Execution ARN'), e.DurableExecutionArn],
      [vscode.l10n.t('Function ARN'), e.FunctionArn],
      [vscode.l10n.t('KMS key'), e.KMSKeyArn],
    ]);
  }
}
