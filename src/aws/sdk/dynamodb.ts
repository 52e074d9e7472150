// Runtime chunk: see core.ts.
export {
  DynamoDBClient,
  ListBackupsCommand,
  DescribeBackupCommand,
  ListTablesCommand,
  CreateBackupCommand,
  DeleteBackupCommand,
  DescribeTableCommand,
  DescribeContinuousBackupsCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
export type {
  BackupSummary,
  BackupDescription,
  BackupDetails,
  BackupTypeFilter,
  TableDescription,
  PointInTimeRecoveryDescription,
  RestoreTableFromBackupCommandInput,
  RestoreTableToPointInTimeCommandInput,
} from '@aws-sdk/client-dynamodb';
