import * as assert from 'node:assert/strict';
import {
  CreateBackupCommand,
  DeleteBackupCommand,
  DescribeBackupCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListBackupsCommand,
  ListTablesCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { regionData } from './data';
import { expectAwsError, useEmulator } from './helpers';
import { DAY, MINUTE } from './time';

describe('emulator: DynamoDB actions', function () {
  this.timeout(20_000);
  const h = useEmulator('demo');
  const us = () => regionData(h.data, 'us-east-1');
  const userBackup = (table: string) => us().backups.find((b) => b.tableName === table && b.type === 'USER' && b.status === 'AVAILABLE')!;

  beforeEach(() => h.control.reset());

  it('CreateBackup answers CREATING, lists the backup, and DescribeBackup turns it AVAILABLE', async () => {
    const client = h.dynamodb();
    const out = await client.send(new CreateBackupCommand({ TableName: 'Orders', BackupName: 'orders-now' }));
    const details = out.BackupDetails!;
    assert.equal(details.BackupStatus, 'CREATING');
    assert.equal(details.BackupType, 'USER');
    assert.match(details.BackupArn!, /^arn:aws:dynamodb:us-east-1:123456789012:table\/Orders\/backup\/\d{14}-[0-9a-f]{8}$/);
    const listed = await client.send(new ListBackupsCommand({ TableName: 'Orders', BackupType: 'ALL' }));
    assert.equal(listed.BackupSummaries!.at(-1)!.BackupArn, details.BackupArn, 'newest, so last in creation order');
    const first = await client.send(new DescribeBackupCommand({ BackupArn: details.BackupArn }));
    assert.equal(first.BackupDescription!.BackupDetails!.BackupStatus, 'CREATING');
    const second = await client.send(new DescribeBackupCommand({ BackupArn: details.BackupArn }));
    assert.equal(second.BackupDescription!.BackupDetails!.BackupStatus, 'AVAILABLE');
    assert.ok(second.BackupDescription!.BackupDetails!.BackupSizeBytes! > 0);
  });

  it('CreateBackup refuses a bad name and an unknown table', async () => {
    const client = h.dynamodb();
    await expectAwsError(client.send(new CreateBackupCommand({ TableName: 'Orders', BackupName: 'a b' })), 'ValidationException', 400, /backupName/);
    await expectAwsError(client.send(new CreateBackupCommand({ TableName: 'Orders', BackupName: 'ab' })), 'ValidationException', 400, /length/);
    await expectAwsError(client.send(new CreateBackupCommand({ TableName: 'Nope', BackupName: 'nope-1' })), 'TableNotFoundException', 400);
  });

  it('DeleteBackup answers DELETED and the backup is gone from lists; AWS_BACKUP and unknown ARNs are refused', async () => {
    const client = h.dynamodb();
    const backup = userBackup('Orders');
    const out = await client.send(new DeleteBackupCommand({ BackupArn: backup.backupArn }));
    assert.equal(out.BackupDescription!.BackupDetails!.BackupStatus, 'DELETED');
    const listed = await client.send(new ListBackupsCommand({ BackupType: 'ALL', Limit: 100 }));
    assert.ok(!listed.BackupSummaries!.some((b) => b.BackupArn === backup.backupArn));
    await expectAwsError(client.send(new DescribeBackupCommand({ BackupArn: backup.backupArn })), 'BackupNotFoundException', 400);
    await expectAwsError(client.send(new DeleteBackupCommand({ BackupArn: backup.backupArn })), 'BackupNotFoundException', 400);
    const managed = us().backups.find((b) => b.type === 'AWS_BACKUP')!;
    await expectAwsError(client.send(new DeleteBackupCommand({ BackupArn: managed.backupArn })), 'ValidationException', 400, /AWS Backup/);
  });

  it('RestoreTableFromBackup makes a CREATING table that turns ACTIVE; a taken name is refused', async () => {
    const client = h.dynamodb();
    const backup = us().backups.find((b) => b.backupName === 'orders-full-features')!;
    const out = await client.send(
      new RestoreTableFromBackupCommand({
        BackupArn: backup.backupArn,
        TargetTableName: 'Orders-restored',
        BillingModeOverride: 'PROVISIONED',
        ProvisionedThroughputOverride: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
        GlobalSecondaryIndexOverride: [],
      }),
    );
    const table = out.TableDescription!;
    assert.equal(table.TableStatus, 'CREATING');
    assert.equal(table.RestoreSummary?.SourceBackupArn, backup.backupArn);
    assert.equal(table.RestoreSummary?.RestoreInProgress, true);
    assert.equal(table.BillingModeSummary?.BillingMode, 'PROVISIONED');
    assert.equal(table.ProvisionedThroughput?.ReadCapacityUnits, 7);
    assert.equal(table.GlobalSecondaryIndexes, undefined, 'no GSI restored');
    const described = await client.send(new DescribeTableCommand({ TableName: 'Orders-restored' }));
    assert.equal(described.Table!.TableStatus, 'CREATING');
    const active = await client.send(new DescribeTableCommand({ TableName: 'Orders-restored' }));
    assert.equal(active.Table!.TableStatus, 'ACTIVE');
    assert.equal(active.Table!.RestoreSummary?.RestoreInProgress, false);
    assert.ok((await client.send(new ListTablesCommand({}))).TableNames!.includes('Orders-restored'));
    await expectAwsError(
      client.send(new RestoreTableFromBackupCommand({ BackupArn: backup.backupArn, TargetTableName: 'Orders' })),
      'TableAlreadyExistsException',
      400,
    );
    await expectAwsError(client.send(new RestoreTableFromBackupCommand({ BackupArn: backup.backupArn, TargetTableName: 'x' })), 'ValidationException', 400);
    await expectAwsError(client.send(new DescribeTableCommand({ TableName: 'Missing' })), 'ResourceNotFoundException', 400);
  });

  it('DescribeContinuousBackups shows the PITR window, or DISABLED', async () => {
    const client = h.dynamodb();
    const orders = await client.send(new DescribeContinuousBackupsCommand({ TableName: 'Orders' }));
    const pitr = orders.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!;
    assert.equal(pitr.PointInTimeRecoveryStatus, 'ENABLED');
    assert.equal(pitr.RecoveryPeriodInDays, 35);
    const span = pitr.LatestRestorableDateTime!.getTime() - pitr.EarliestRestorableDateTime!.getTime();
    assert.ok(Math.abs(span - (35 * DAY - 5 * MINUTE)) < 60_000, `35 days minus the 5-minute lag, got ${span}`);
    const sessions = await client.send(new DescribeContinuousBackupsCommand({ TableName: 'Sessions' }));
    assert.equal(sessions.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'DISABLED');
    await expectAwsError(client.send(new DescribeContinuousBackupsCommand({ TableName: 'Nope' })), 'TableNotFoundException', 400);
  });

  it('RestoreTableToPointInTime: inside the window, latest, outside the window, PITR off', async () => {
    const client = h.dynamodb();
    const pitr = (await client.send(new DescribeContinuousBackupsCommand({ TableName: 'Customers' }))).ContinuousBackupsDescription!
      .PointInTimeRecoveryDescription!;
    const inside = new Date(pitr.EarliestRestorableDateTime!.getTime() + DAY);
    const out = await client.send(
      new RestoreTableToPointInTimeCommand({ SourceTableName: 'Customers', TargetTableName: 'Customers-pitr', RestoreDateTime: inside }),
    );
    assert.equal(out.TableDescription!.TableStatus, 'CREATING');
    assert.equal(out.TableDescription!.RestoreSummary?.SourceTableArn, us().tables.find((t) => t.name === 'Customers')!.arn);
    await client.send(
      new RestoreTableToPointInTimeCommand({ SourceTableName: 'Customers', TargetTableName: 'Customers-latest', UseLatestRestorableTime: true }),
    );
    const early = new Date(pitr.EarliestRestorableDateTime!.getTime() - MINUTE);
    await expectAwsError(
      client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Customers', TargetTableName: 'Customers-early', RestoreDateTime: early })),
      'InvalidRestoreTimeException',
      400,
    );
    await expectAwsError(
      client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Sessions', TargetTableName: 'Sessions-pitr', UseLatestRestorableTime: true })),
      'PointInTimeRecoveryUnavailableException',
      400,
    );
    await expectAwsError(
      client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Customers', TargetTableName: 'Customers-pitr', UseLatestRestorableTime: true })),
      'TableAlreadyExistsException',
      400,
    );
  });

  it('reset drops created backups, deletions and restored tables', async () => {
    const client = h.dynamodb();
    const backup = userBackup('Customers');
    await client.send(new DeleteBackupCommand({ BackupArn: backup.backupArn }));
    await client.send(new RestoreTableFromBackupCommand({ BackupArn: userBackup('Orders').backupArn, TargetTableName: 'Orders-copy' }));
    await h.control.reset();
    await client.send(new DescribeBackupCommand({ BackupArn: backup.backupArn }));
    await expectAwsError(client.send(new DescribeTableCommand({ TableName: 'Orders-copy' })), 'ResourceNotFoundException', 400);
  });

  for (const operation of [
    'CreateBackup',
    'DeleteBackup',
    'RestoreTableFromBackup',
    'RestoreTableToPointInTime',
    'DescribeContinuousBackups',
    'DescribeTable',
  ]) {
    it(`${operation} can be denied by fault injection`, async () => {
      await h.control.fault({ operation, kind: 'accessDenied' });
      const client = h.dynamodb();
      const backup = userBackup('Orders');
      const commands = {
        CreateBackup: () => client.send(new CreateBackupCommand({ TableName: 'Orders', BackupName: 'denied' })),
        DeleteBackup: () => client.send(new DeleteBackupCommand({ BackupArn: backup.backupArn })),
        RestoreTableFromBackup: () => client.send(new RestoreTableFromBackupCommand({ BackupArn: backup.backupArn, TargetTableName: 'denied' })),
        RestoreTableToPointInTime: () =>
          client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'Orders', TargetTableName: 'denied', UseLatestRestorableTime: true })),
        DescribeContinuousBackups: () => client.send(new DescribeContinuousBackupsCommand({ TableName: 'Orders' })),
        DescribeTable: () => client.send(new DescribeTableCommand({ TableName: 'Orders' })),
      } as Record<string, () => Promise<unknown>>;
      await expectAwsError(commands[operation](), 'AccessDeniedException', 400, new RegExp(`dynamodb:${operation}`));
    });
  }
});
