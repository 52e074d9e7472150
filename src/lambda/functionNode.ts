import { formatNumber } from '../shared/format';
import * as vscode from 'vscode';
import { ContextValue } from '../constants';
import { consoleUrl } from '../aws/console';
import type { PagedChildren } from '../tree/pagedChildren';
import { rowAccessibility } from '../tree/accessibility';
import { fieldTooltip } from '../tree/tooltip';
import { CachedItemNode } from '../tree/cachedItemNode';
import type { TreeNode } from '../tree/treeNode';
import type { Execution, FunctionConfiguration } from './api';
import { durationSeconds, functionDescription, functionNameOf } from './executionFormat';
import type { ExecutionFilters } from './filters';

export interface FunctionNodeActions {
  region(): string | undefined;
  /** The paged list of this function's executions, made on first expansion. */
  executionsOf(node: FunctionNode): PagedChildren<Execution, ExecutionFilters>;
}

/**
 * One function row. Durable functions expand into their executions; the others (shown only with
 * "Show all functions") are dimmed and cannot expand, since the API has no executions for them.
 */
export class FunctionNode extends CachedItemNode<FunctionConfiguration> {
  private list: PagedChildren<Execution, ExecutionFilters> | undefined;

  constructor(
    item: FunctionConfiguration,
    id: string,
    parent: TreeNode | undefined,
    private readonly actions: FunctionNodeActions,
    /** Made from the function filter rather than ListFunctions: nothing is known but the name. */
    readonly synthesized = false,
  ) {
    super(item, id, parent);
  }

  get durable(): boolean {
    return this.synthesized || this.item.DurableConfig !== undefined;
  }
  get arn(): string | undefined {
    return this.item.FunctionArn;
  }
  get name(): string | undefined {
    return this.item.FunctionName ? functionNameOf(this.item.FunctionName) : undefined;
  }
  /** What ListDurableExecutionsByFunction gets: the name, or the filter text as typed (partial or full ARN). */
  get apiName(): string {
    return this.item.FunctionName ?? this.item.FunctionArn ?? '';
  }
  /** The executions list once expanded (auto refresh and Stop update rows through it). */
  get executions(): PagedChildren<Execution, ExecutionFilters> | undefined {
    return this.list;
  }
  get pickLabel(): { label: string; description?: string; detail?: string } {
    return { label: this.name ?? vscode.l10n.t('(unnamed)'), description: functionDescription(this.item), detail: this.item.FunctionArn };
  }

  consoleUrl(): URL | undefined {
    const region = this.actions.region();
    return region && this.name ? consoleUrl(region, 'lambda/home', `/functions/${encodeURIComponent(this.name)}`) : undefined;
  }

  getChildren(): Promise<TreeNode[]> | TreeNode[] {
    return this.childList()?.getChildren() ?? [];
  }

  childList(): PagedChildren<Execution, ExecutionFilters> | undefined {
    if (!this.durable) {
      return undefined;
    }
    this.list ??= this.actions.executionsOf(this);
    return this.list;
  }

  protected buildTreeItem(): vscode.TreeItem {
    const f = this.item;
    const name = this.name ?? vscode.l10n.t('(unnamed)');
    const item = new vscode.TreeItem(name, this.durable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.durable ? ContextValue.durableFunction : ContextValue.plainFunction;
    const config = f.DurableConfig;
    if (this.synthesized) {
      item.description = name === this.apiName ? vscode.l10n.t('function filter') : vscode.l10n.t('function filter: {0}', this.apiName);
      item.iconPath = new vscode.ThemeIcon('filter');
    } else if (this.durable) {
      item.description = functionDescription(f);
      item.iconPath = new vscode.ThemeIcon('symbol-function');
    } else {
      item.description = functionDescription(f);
      item.iconPath = new vscode.ThemeIcon('symbol-function', new vscode.ThemeColor('disabledForeground'));
    }
    item.tooltip = fieldTooltip(name, [
      [
        vscode.l10n.t('Durable'),
        this.synthesized
          ? vscode.l10n.t('unknown (from the function filter)')
          : config
            ? vscode.l10n.t('yes')
            : vscode.l10n.t('no: it has no durable executions'),
      ],
      [vscode.l10n.t('Function ARN'), f.FunctionArn],
      [vscode.l10n.t('Listed as'), this.synthesized ? this.apiName : undefined],
      [vscode.l10n.t('Runtime'), f.Runtime],
      [vscode.l10n.t('Description'), f.Description],
      [
        vscode.l10n.t('Retention'),
        config?.RetentionPeriodInDays === undefined ? undefined : vscode.l10n.t('{0} days', formatNumber(config.RetentionPeriodInDays)),
      ],
      [vscode.l10n.t('Execution timeout'), durationSeconds(config?.ExecutionTimeout)],
      [vscode.l10n.t('KMS key'), config?.KMSKeyArn],
      [vscode.l10n.t('Last modified'), f.LastModified],
    ]);
    // Said in words what the icon shows: a filter icon, a function, or a dimmed (not durable) function.
    item.accessibilityInformation = rowAccessibility(
      vscode.l10n.t('Function {0}', name),
      this.synthesized ? vscode.l10n.t('from the function filter') : this.durable ? vscode.l10n.t('durable') : vscode.l10n.t('not durable, no executions'),
      this.synthesized ? (name === this.apiName ? undefined : this.apiName) : f.Runtime,
    );
    return item;
  }
}
