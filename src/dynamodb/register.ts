import * as vscode from 'vscode';
import { Command, ViewId } from '../constants';
import { filterArgumentOf, filtersArgument, instanceOf, optional, selection } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { registerCopyCommand } from '../commands/treeCommands';
import type { FeatureContext } from '../feature';
import { FilterStore } from '../filters/filterStore';
import type { ListSource } from '../tree/listSource';
import { perConnection } from '../tree/connectionScope';
import { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { clampBackupPageSize, listBackupsPage, type BackupSummary } from './api';
import type * as BackupDetails from './backupDetails.lazy';
import { lazy } from '../util/lazy';
import { registerDynamoDbActions } from './actions';
import { BackupNode } from './backupNode';
import { backupExportColumns, backupListCli } from './cli';
import { runBackupFilterCommand } from './filterCommand';
import { backupFilterSpec, type BackupFilters } from './filters';

/** The "DynamoDB Backups" view: ListBackups pages, filters, details, copy actions and the backup actions. */
export function registerDynamoDb(ctx: FeatureContext): PagedTreeProvider {
  const filters = new FilterStore<BackupFilters>(ctx.extension.workspaceState, 'dynamodb', backupFilterSpec());
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const details = lazy(() => require('./backupDetails.lazy') as typeof BackupDetails);
  // One actions object per connection for all its rows (not one object and closure per row).
  const actions = perConnection((connection) => ({
    region: () => connection.region,
    showDetails: async (node: BackupNode): Promise<void> => {
      if (node.arn) {
        await ctx.panels.show(new (details().BackupDetailSource)(ctx.clients, node.arn, node.name ?? node.arn, connection));
      }
    },
  }));
  const source: ListSource<BackupSummary, BackupFilters> = {
    noun: vscode.l10n.t('backups'),
    iamAction: 'dynamodb:ListBackups',
    clampPageSize: clampBackupPageSize,
    fetchPage: (token, pageSize, f, signal, connection) => listBackupsPage(ctx.clients, token, pageSize, f, signal, connection),
    keyOf: (b) => b.BackupArn ?? `${b.TableName ?? ''}/${b.BackupName ?? ''}`,
    makeNode: (item, id, parent, connection) => new BackupNode(item, id, parent, actions(connection)),
    exportColumns: backupExportColumns,
    cli: backupListCli,
    emptyMessage: (f) => {
      const active = filters.summarize(f);
      return active.length > 0
        ? { message: vscode.l10n.t('No backups match {0}', active.join(', ')), filtered: true }
        : { message: vscode.l10n.t('No USER backups in this region (the API lists USER backups unless a type filter says otherwise)'), filtered: false };
    },
  };
  const provider = new PagedTreeProvider(
    ViewId.dynamodb,
    vscode.l10n.t('DynamoDB Backups'),
    ctx.session,
    ctx.setupCheck,
    (p, owner) => p.createList(source, () => filters.current, owner, vscode.l10n.t('DynamoDB backups')),
    ctx.connections,
    ctx.accountOf,
  );
  ctx.views.add({ key: 'dynamodb', provider, filters });
  ctx.extension.subscriptions.push(provider, filters);

  // Open ARN… and links: the backup's details, from the connection of its account and region.
  ctx.openers.register('backup', async (target, connection) => {
    await ctx.panels.show(new (details().BackupDetailSource)(ctx.clients, target.arn, `${target.name} ${target.item ?? ''}`.trim(), connection));
  });

  const filter = (arg?: unknown): Promise<boolean> => runBackupFilterCommand(filters, ctx.clients, filterArgumentOf(arg));
  const filterOptions = { iamAction: 'dynamodb:ListTables', args: [filtersArgument] };
  registerCommand(ctx.extension, Command.dynamodbFilter, filter, filterOptions);
  registerCommand(ctx.extension, Command.dynamodbFilterActive, filter, filterOptions);
  registerCopyCommand(ctx.extension, ctx.views, Command.dynamodbCopyTableArn, (n) => (n instanceof BackupNode ? n.item.TableArn : undefined), {
    one: vscode.l10n.t('table ARN'),
    many: vscode.l10n.t('table ARNs'),
  });
  registerCommand(
    ctx.extension,
    Command.dynamodbShowTableBackups,
    async (node: BackupNode) => {
      if (node.item.TableName) {
        await filters.update({ table: node.item.TableName });
        await vscode.commands.executeCommand(`${ViewId.dynamodb}.focus`);
      }
    },
    { args: [instanceOf('a backup row', BackupNode), optional(selection)] },
  );
  registerDynamoDbActions(ctx, provider, filters);
  return provider;
}
