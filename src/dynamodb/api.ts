import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type {
  BackupDescription,
  BackupDetails,
  BackupSummary,
  PointInTimeRecoveryDescription,
  RestoreTableFromBackupCommandInput,
  RestoreTableToPointInTimeCommandInput,
  TableDescription,
} from '../aws/sdk/dynamodb';
import type { Page } from '../tree/pagedList';
import { backupListRequest, type BackupFilters } from './filters';

export type { BackupSummary, BackupDescription, BackupDetails, PointInTimeRecoveryDescription, TableDescription };
export type RestoreFromBackupInput = RestoreTableFromBackupCommandInput;
export type RestoreToPointInTimeInput = RestoreTableToPointInTimeCommandInput;

/** One ListBackups page. Every filter goes to the API; nothing is filtered locally. */
export async function listBackupsPage(
  clients: ClientFactory,
  token: string | undefined,
  pageSize: number,
  filters: BackupFilters,
  signal: AbortSignal,
  connection?: Connection,
): Promise<Page<BackupSummary>> {
  const { client, sdk } = await clients.get('dynamodb', signal, connection);
  const output = await client.send(
    new sdk.ListBackupsCommand({
      ...backupListRequest(filters),
      Limit: pageSize,
      ExclusiveStartBackupArn: token,
    }),
    { abortSignal: signal },
  );
  return { items: output.BackupSummaries ?? [], nextToken: output.LastEvaluatedBackupArn };
}

/** ListTables' largest Limit. */
export const listTablesPageSize = 100;

/** One ListTables page, for the table picker. */
export async function listTablesPage(clients: ClientFactory, start: string | undefined, signal: AbortSignal, connection?: Connection): Promise<Page<string>> {
  const { client, sdk } = await clients.get('dynamodb', signal, connection);
  const output = await client.send(new sdk.ListTablesCommand({ ExclusiveStartTableName: start, Limit: listTablesPageSize }), { abortSignal: signal });
  return { items: output.TableNames ?? [], nextToken: output.LastEvaluatedTableName };
}

/** The API's Limit range. */
export function clampBackupPageSize(size: number): number {
  return Math.min(100, Math.max(1, Math.floor(size)));
}
