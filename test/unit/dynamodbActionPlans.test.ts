import * as assert from 'node:assert/strict';
import { formatCliCommand } from '../../src/actions/cliCommand';
import {
  defaultBackupName,
  restoreFromBackupRequest,
  restoreTimeProblem,
  restoreToPointInTimeRequest,
  unknownIndexes,
  validateBackupName,
  validateCapacity,
  validateTargetTableName,
} from '../../src/dynamodb/actionPlans';
import type { BackupDescription } from '../../src/dynamodb/api';
import { backupDocument } from '../../src/dynamodb/backupDetails.lazy';

const target = { connection: { profile: 'default', profileExplicit: false, region: 'us-east-1' } };
const arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01700000000000-abcdef12';

const description: BackupDescription = {
  SourceTableFeatureDetails: {
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byCustomer',
        KeySchema: [{ AttributeName: 'c', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      },
      { IndexName: 'byStatus', KeySchema: [{ AttributeName: 's', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
    ],
    LocalSecondaryIndexes: [{ IndexName: 'byDate', KeySchema: [{ AttributeName: 'd', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
  },
};

describe('DynamoDB action plans', () => {
  it('names: 3–255 of [a-zA-Z0-9_.-], as BackupName and TargetTableName require', () => {
    assert.equal(validateBackupName('orders-20261201-1030'), undefined);
    assert.match(validateBackupName('ab') ?? '', /3 to 255/);
    assert.match(validateBackupName('a'.repeat(256)) ?? '', /3 to 255/);
    assert.match(validateBackupName('with space') ?? '', /only letters/);
    assert.match(validateTargetTableName('x/y') ?? '', /only letters/);
    assert.equal(validateCapacity('5'), undefined);
    assert.ok(validateCapacity('0'));
    assert.ok(validateCapacity('1.5'));
    assert.ok(validateCapacity(''));
  });

  it('the default backup name is <table>-<yyyymmdd-hhmm> (UTC) and always valid', () => {
    const at = new Date(Date.UTC(2026, 11, 3, 9, 5));
    assert.equal(defaultBackupName('Orders', at), 'Orders-20261203-0905');
    assert.equal(defaultBackupName('arn:aws:dynamodb:us-east-1:123456789012:table/Orders', at), 'Orders-20261203-0905');
    const long = defaultBackupName('t'.repeat(255), at);
    assert.equal(long.length, 255);
    assert.equal(validateBackupName(long), undefined);
  });

  it('restore from backup: overrides only when they change something, and the CLI says the same', () => {
    const plain = restoreFromBackupRequest({ backupArn: arn, target: 'Orders-copy', billing: { mode: 'KEEP' } }, description);
    assert.deepEqual(plain.input, { TargetTableName: 'Orders-copy', BackupArn: arn });
    assert.equal(
      formatCliCommand(plain.cli, target),
      `aws dynamodb restore-table-from-backup --target-table-name Orders-copy --backup-arn ${arn} --region us-east-1`,
    );

    const some = restoreFromBackupRequest(
      { backupArn: arn, target: 'Orders-copy', billing: { mode: 'PROVISIONED', read: 7, write: 3 }, globalIndexes: ['byStatus'], localIndexes: [] },
      description,
    );
    assert.equal(some.input.BillingModeOverride, 'PROVISIONED');
    assert.deepEqual(some.input.ProvisionedThroughputOverride, { ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
    assert.deepEqual(some.input.GlobalSecondaryIndexOverride, [
      {
        IndexName: 'byStatus',
        KeySchema: [{ AttributeName: 's', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
      },
    ]);
    assert.deepEqual(some.input.LocalSecondaryIndexOverride, []);
    const cli = formatCliCommand(some.cli, target);
    assert.ok(cli.includes('--billing-mode-override PROVISIONED --provisioned-throughput-override ReadCapacityUnits=7,WriteCapacityUnits=3'), cli);
    assert.ok(cli.includes(`--global-secondary-index-override '${JSON.stringify(some.input.GlobalSecondaryIndexOverride)}'`), cli);
    assert.ok(cli.includes("--local-secondary-index-override '[]'"), cli);

    const onDemand = restoreFromBackupRequest({ backupArn: arn, target: 'Orders-copy', billing: { mode: 'PAY_PER_REQUEST' } }, description);
    assert.ok(
      onDemand.input.GlobalSecondaryIndexOverride?.every((g) => g.ProvisionedThroughput === undefined),
      'on-demand indexes carry no throughput',
    );
    assert.deepEqual(unknownIndexes({ backupArn: arn, target: 'x', billing: { mode: 'KEEP' }, globalIndexes: ['byCustomer', 'nope'] }, description), ['nope']);
  });

  it('restore to a point in time: a time or the latest restorable time, by name or ARN', () => {
    const at = new Date('2026-12-01T10:00:00.250Z');
    const byName = restoreToPointInTimeRequest({ source: 'Orders', target: 'Orders-pitr', time: at, billing: { mode: 'KEEP' } });
    assert.deepEqual(byName.input, { SourceTableName: 'Orders', TargetTableName: 'Orders-pitr', RestoreDateTime: at });
    assert.equal(
      formatCliCommand(byName.cli, target),
      'aws dynamodb restore-table-to-point-in-time --source-table-name Orders --target-table-name Orders-pitr --restore-date-time 2026-12-01T10:00:00.250Z --region us-east-1',
    );
    const tableArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders';
    const latest = restoreToPointInTimeRequest({ source: tableArn, target: 'Orders-pitr', time: 'latest', billing: { mode: 'PAY_PER_REQUEST' } });
    assert.deepEqual(latest.input, {
      SourceTableArn: tableArn,
      TargetTableName: 'Orders-pitr',
      UseLatestRestorableTime: true,
      BillingModeOverride: 'PAY_PER_REQUEST',
    });
    assert.ok(formatCliCommand(latest.cli, target).includes('--use-latest-restorable-time --billing-mode-override PAY_PER_REQUEST'));
  });

  it('a restore time must lie inside [earliest, latest] restorable, and PITR must be on', () => {
    const pitr = { PointInTimeRecoveryStatus: 'ENABLED' as const, EarliestRestorableDateTime: new Date(1000), LatestRestorableDateTime: new Date(5000) };
    assert.equal(restoreTimeProblem(new Date(1000), pitr), undefined);
    assert.equal(restoreTimeProblem(new Date(5000), pitr), undefined);
    assert.match(restoreTimeProblem(new Date(999), pitr) ?? '', /restorable window/);
    assert.match(restoreTimeProblem(new Date(5001), pitr) ?? '', /restorable window/);
    assert.match(restoreTimeProblem(new Date(3000), { PointInTimeRecoveryStatus: 'DISABLED' }) ?? '', /not enabled/);
  });
});

describe("backup details: the source table's point-in-time recovery", () => {
  const backup: BackupDescription = {
    BackupDetails: { BackupArn: arn, BackupName: 'b', BackupStatus: 'AVAILABLE', BackupType: 'USER', BackupCreationDateTime: new Date(0) },
  };
  const block = (doc: ReturnType<typeof backupDocument>) => doc.blocks.find((b) => b.id === 'pitr');

  it('shows the status and the restorable window, or why it is unknown, and nothing when not asked', () => {
    const on = block(
      backupDocument(backup, 0, {
        description: {
          PointInTimeRecoveryStatus: 'ENABLED',
          RecoveryPeriodInDays: 7,
          EarliestRestorableDateTime: new Date('2026-11-26T12:00:00Z'),
          LatestRestorableDateTime: new Date('2026-12-03T11:55:00Z'),
        },
      }),
    );
    assert.ok(on?.kind === 'fields');
    const values = on.fields.map((f) => f.value ?? '');
    assert.ok(values.includes('ENABLED'));
    assert.ok(values.includes('PITR on, restorable 2026-11-26T12:00:00.000Z to 2026-12-03T11:55:00.000Z'), values.join(' | '));
    const denied = block(backupDocument(backup, 0, { error: 'AccessDeniedException' }));
    assert.ok(denied?.kind === 'fields' && denied.fields[0].value === 'unknown (AccessDeniedException)');
    assert.equal(block(backupDocument(backup, 0)), undefined);
  });
});
