/**
 * Requests only the lazy chunks send (the actions, the details panel): kept out of api.ts, which the main
 * bundle holds for the list, so activation does not carry them.
 */
import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type {
  BackupDescription,
  BackupDetails,
  PointInTimeRecoveryDescription,
  RestoreFromBackupInput,
  RestoreToPointInTimeInput,
  TableDescription,
} from './api';

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
