import type { CliCommand } from '../actions/cliCommand';
import type { ListCli } from '../tree/listSource';
import type { BackupFilters } from './filters';

/**
 * DynamoDB backups as the AWS CLI and Export… see them, next to the filters: one place maps every filter to
 * its `aws dynamodb list-backups` option (the same values listBackupsPage sends).
 */

/** BackupSummary's fields as the API names them (CSV header, in this order). */
export const backupExportColumns = [
  'TableName',
  'TableId',
  'TableArn',
  'BackupArn',
  'BackupName',
  'BackupCreationDateTime',
  'BackupExpiryDateTime',
  'BackupStatus',
  'BackupType',
  'BackupSizeBytes',
] as const;

export function backupListCli(f: BackupFilters): ListCli {
  const args: [string, string][] = [];
  if (f.table) {
    args.push(['--table-name', f.table]);
  }
  if (f.backupType) {
    args.push(['--backup-type', f.backupType]);
  }
  if (f.after) {
    args.push(['--time-range-lower-bound', new Date(f.after).toISOString()]);
  }
  if (f.before) {
    args.push(['--time-range-upper-bound', new Date(f.before).toISOString()]);
  }
  return { command: { service: 'dynamodb', operation: 'list-backups', args }, client: 'dynamodb', inputToken: 'ExclusiveStartBackupArn' };
}

export function describeBackupCli(backupArn: string): CliCommand {
  return { service: 'dynamodb', operation: 'describe-backup', args: [['--backup-arn', backupArn]] };
}
