import { Command } from '../constants';
import { instanceOf, number, oneOf, optional, record, selection, text, textList, treeNode } from '../commands/commandArgs';
import { registerLazyCommands } from '../commands/registerCommand';
import type { FeatureContext } from '../feature';
import type { FilterStore } from '../filters/filterStore';
import type { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { lazy } from '../util/lazy';
import type * as BackupActions from './backupActions.lazy';
import { BackupNode } from './backupNode';
import type { BackupFilters } from './filters';

const backupRow = instanceOf('a backup row', BackupNode);
const billingFields = { billingMode: text, readCapacityUnits: number, writeCapacityUnits: number };
const createArgs = record('{ table, backupName? }', { table: text, backupName: text });
const deleteArgs = record('{ backupArns }', { backupArns: textList });
const restoreArgs = record(
  '{ backupArn, targetTableName?, billingMode?, readCapacityUnits?, writeCapacityUnits?, globalSecondaryIndexes?, localSecondaryIndexes? }',
  {
    backupArn: text,
    targetTableName: text,
    ...billingFields,
    globalSecondaryIndexes: textList,
    localSecondaryIndexes: textList,
  },
);
const pitrArgs = record('{ sourceTable, targetTableName?, restoreTime?, billingMode?, readCapacityUnits?, writeCapacityUnits? }', {
  sourceTable: text,
  targetTableName: text,
  restoreTime: text,
  ...billingFields,
});
/**
 * Back Up Now, Delete Backup, Restore to New Table and Restore Table to Point in Time: registered at activation
 * with their argument rules; the handlers (backupActions.lazy.ts) load at the first run.
 */
export function registerDynamoDbActions(ctx: FeatureContext, provider: PagedTreeProvider, filters: FilterStore<BackupFilters>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const handlers = lazy(() => (require('./backupActions.lazy') as typeof BackupActions).backupActions(ctx, provider, filters));
  registerLazyCommands(ctx.extension, handlers, {
    // From the title bar or palette: the table picker (a focused row VS Code may pass is not a choice of table).
    [Command.dynamodbCreateBackup]: { iamAction: 'dynamodb:CreateBackup', args: [optional(oneOf(treeNode, createArgs)), optional(selection)] },
    [Command.dynamodbCreateBackupOfTable]: { iamAction: 'dynamodb:CreateBackup', args: [backupRow, optional(selection)] },
    [Command.dynamodbDeleteBackup]: { iamAction: 'dynamodb:DeleteBackup', args: [oneOf(backupRow, deleteArgs), optional(selection)] },
    [Command.dynamodbRestoreBackup]: { iamAction: 'dynamodb:RestoreTableFromBackup', args: [oneOf(backupRow, restoreArgs), optional(selection)] },
    [Command.dynamodbRestoreToPointInTime]: {
      iamAction: 'dynamodb:RestoreTableToPointInTime',
      args: [optional(oneOf(backupRow, treeNode, pitrArgs)), optional(selection)],
    },
  });
}
