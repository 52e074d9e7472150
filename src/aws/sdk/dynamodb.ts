// Runtime chunk: see core.ts.
export { DynamoDBClient, ListBackupsCommand, DescribeBackupCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
export type { BackupSummary, BackupDescription, BackupTypeFilter } from '@aws-sdk/client-dynamodb';
