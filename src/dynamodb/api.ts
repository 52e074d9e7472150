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

export async function describeBackup(
  clients: ClientFactory,
  arn: string,
  signal: AbortSignal,
  connection?: Connection,
): Promise<BackupDescription | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal, connection);
  const output = await client.send(new sdk.DescribeBackupCommand({ BackupArn: arn }), { abortSignal: signal });
  return output.BackupDescription;
}

/** ListTables' largest Limit. */
export const listTablesPageSize = 100;

/** One ListTables page, for the table picker. */
export async function listTablesPage(clients: ClientFactory, start: string | undefined, signal: AbortSignal, connection?: Connection): Promise<Page<string>> {
  const { client, sdk } = await clients.get('dynamodb', signal, connection);
  const output = await client.send(new sdk.ListTablesCommand({ ExclusiveStartTableName: start, Limit: listTablesPageSize }), { abortSignal: signal });
  return { items: output.TableNames ?? [], nextToken: output.LastEvaluatedTableName };
}

export async function createBackup(clients: ClientFactory, table: string, name: string, signal: AbortSignal): Promise<BackupDetails | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal);
  const output = await client.send(new sdk.CreateBackupCommand({ TableName: table, BackupName: name }), { abortSignal: signal });
  return output.BackupDetails;
}

export async function deleteBackup(clients: ClientFactory, arn: string, signal: AbortSignal): Promise<BackupDescription | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal);
  const output = await client.send(new sdk.DeleteBackupCommand({ BackupArn: arn }), { abortSignal: signal });
  return output.BackupDescription;
}

/** The table, or undefined when DescribeTable says it does not exist (ResourceNotFoundException). */
export async function describeTable(clients: ClientFactory, table: string, signal: AbortSignal): Promise<TableDescription | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal);
  try {
    const output = await client.send(new sdk.DescribeTableCommand({ TableName: table }), { abortSignal: signal });
    return output.Table;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

export async function describePitr(
  clients: ClientFactory,
  table: string,
  signal: AbortSignal,
  connection?: Connection,
): Promise<PointInTimeRecoveryDescription | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal, connection);
  const output = await client.send(new sdk.DescribeContinuousBackupsCommand({ TableName: table }), { abortSignal: signal });
  return output.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
}

export async function restoreFromBackup(clients: ClientFactory, input: RestoreFromBackupInput, signal: AbortSignal): Promise<TableDescription | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal);
  const output = await client.send(new sdk.RestoreTableFromBackupCommand(input), { abortSignal: signal });
  return output.TableDescription;
}

export async function restoreToPointInTime(
  clients: ClientFactory,
  input: RestoreToPointInTimeInput,
  signal: AbortSignal,
): Promise<TableDescription | undefined> {
  const { client, sdk } = await clients.get('dynamodb', signal);
  const output = await client.send(new sdk.RestoreTableToPointInTimeCommand(input), { abortSignal: signal });
  return output.TableDescription;
}

/** The API's Limit range. */
export function clampBackupPageSize(size: number): number {
  return Math.min(100, Math.max(1, Math.floor(size)));
}
