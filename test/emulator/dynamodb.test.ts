import * as assert from 'node:assert/strict';
import { BackupSummary, DescribeBackupCommand, DynamoDBClient, ListBackupsCommand, ListBackupsCommandInput, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { BackupRecord, regionData } from './data';
import { DAY } from './time';
import { expectAwsError, sameTime, useEmulator } from './helpers';

/** SDK v3 has no ListBackups paginator: this is the loop the extension has to write. */
async function listAll(client: DynamoDBClient, input: ListBackupsCommandInput): Promise<{ items: BackupSummary[]; pages: number[] }> {
  const items: BackupSummary[] = [];
  const pages: number[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new ListBackupsCommand({ ...input, ExclusiveStartBackupArn: token }));
    pages.push(out.BackupSummaries?.length ?? 0);
    items.push(...(out.BackupSummaries ?? []));
    token = out.LastEvaluatedBackupArn;
  } while (token);
  return { items, pages };
}

const arns = (list: Array<{ BackupArn?: string } | BackupRecord>) => list.map((b) => ('backupArn' in b ? b.backupArn : b.BackupArn));

describe('emulator: DynamoDB (demo)', function () {
  this.timeout(20_000);
  const h = useEmulator('demo');
  const us = () => regionData(h.data, 'us-east-1');

  it('ListBackups defaults to USER backups in creation order, with every summary field', async () => {
    const { items } = await listAll(h.dynamodb(), {});
    const expected = us().backups.filter((b) => b.type === 'USER');
    assert.equal(expected.length, 24);
    assert.deepEqual(arns(items), arns(expected));
    const first = items[0];
    const truth = expected[0];
    assert.equal(first.TableName, truth.tableName);
    assert.equal(first.TableId, truth.tableId);
    assert.equal(first.TableArn, truth.tableArn);
    assert.equal(first.BackupName, truth.backupName);
    assert.equal(first.BackupStatus, truth.status);
    assert.equal(first.BackupSizeBytes, truth.sizeBytes);
    sameTime(first.BackupCreationDateTime, truth.createdMs, 'creation time');
    assert.match(first.BackupArn!, /^arn:aws:dynamodb:us-east-1:123456789012:table\/[A-Za-z]+\/backup\/\d{14}-[0-9a-f]{8}$/);
  });

  it('BackupType filters: SYSTEM (with expiry), AWS_BACKUP and ALL', async () => {
    const client = h.dynamodb();
    const system = await listAll(client, { BackupType: 'SYSTEM' });
    assert.equal(system.items.length, 8);
    for (const b of system.items) {
      assert.equal(b.BackupExpiryDateTime!.getTime() - b.BackupCreationDateTime!.getTime(), 35 * DAY);
    }
    assert.equal((await listAll(client, { BackupType: 'AWS_BACKUP' })).items.length, 8);
    const all = await listAll(client, { BackupType: 'ALL' });
    assert.deepEqual(arns(all.items), arns(us().backups));
    assert.deepEqual(new Set(all.items.map((b) => b.BackupStatus)), new Set(['AVAILABLE', 'CREATING', 'DELETED']));
  });

  it('TableName accepts a name or a table ARN', async () => {
    const client = h.dynamodb();
    const orders = us().tables.find((t) => t.name === 'Orders')!;
    const expected = us().backups.filter((b) => b.type === 'USER' && b.tableName === 'Orders');
    assert.deepEqual(arns((await listAll(client, { TableName: 'Orders' })).items), arns(expected));
    assert.deepEqual(arns((await listAll(client, { TableName: orders.arn })).items), arns(expected));
    assert.equal((await listAll(client, { TableName: 'NoSuchTable' })).items.length, 0);
  });

  it('time range: lower bound inclusive, upper bound exclusive', async () => {
    const client = h.dynamodb();
    const all = us().backups.filter((b) => b.type === 'USER');
    const pivot = all[10];
    const at = new Date(pivot.createdMs);
    const from = await listAll(client, { TimeRangeLowerBound: at });
    assert.equal(from.items[0].BackupArn, pivot.backupArn, 'lower bound includes a backup created exactly then');
    const until = await listAll(client, { TimeRangeUpperBound: at });
    assert.equal(until.items.length, 10, 'upper bound excludes it');
    const window = await listAll(client, {
      BackupType: 'ALL',
      TimeRangeLowerBound: new Date(h.data.now - 30 * DAY),
      TimeRangeUpperBound: new Date(h.data.now - 7 * DAY),
    });
    const expected = us().backups.filter((b) => b.createdMs >= h.data.now - 30 * DAY && b.createdMs < h.data.now - 7 * DAY);
    assert.ok(expected.length > 0);
    assert.deepEqual(arns(window.items), arns(expected));
  });

  it('pages with Limit; a full last page still carries LastEvaluatedBackupArn and the next page is empty', async () => {
    const client = h.dynamodb();
    const { items, pages } = await listAll(client, { Limit: 8 });
    assert.deepEqual(pages, [8, 8, 8, 0], '24 USER backups in pages of 8, then an empty page');
    assert.equal(items.length, 24);
    const last = await client.send(new ListBackupsCommand({ Limit: 8, ExclusiveStartBackupArn: items[15].BackupArn }));
    assert.equal(last.LastEvaluatedBackupArn, items[23].BackupArn);
    const partial = await listAll(client, { Limit: 10 });
    assert.deepEqual(partial.pages, [10, 10, 4]);
  });

  it('validation errors come back as ValidationException', async () => {
    const client = h.dynamodb();
    await expectAwsError(client.send(new ListBackupsCommand({ Limit: 0 })), 'ValidationException', 400, /at 'limit'.*greater than or equal to 1/);
    await expectAwsError(client.send(new ListBackupsCommand({ Limit: 101 })), 'ValidationException', 400, /less than or equal to 100/);
    await expectAwsError(
      client.send(new ListBackupsCommand({ ExclusiveStartBackupArn: 'arn:short' })),
      'ValidationException',
      400,
      /exclusiveStartBackupArn.*37/,
    );
    // SDK types only allow the enum; a bad value still reaches the wire if a caller casts.
    await expectAwsError(
      client.send(new ListBackupsCommand({ BackupType: 'NIGHTLY' as 'USER' })),
      'ValidationException',
      400,
      /enum value set: \[USER, SYSTEM, AWS_BACKUP, ALL\]/,
    );
    const err = await expectAwsError(client.send(new ListBackupsCommand({ Limit: 0, BackupType: 'X' as 'USER' })), 'ValidationException');
    assert.match(err.message, /^2 validation errors detected/);
  });

  it('rejects an ExclusiveStartBackupArn that this listing never returned', async () => {
    const client = h.dynamodb();
    const system = us().backups.find((b) => b.type === 'SYSTEM')!;
    await expectAwsError(client.send(new ListBackupsCommand({ ExclusiveStartBackupArn: system.backupArn })), 'ValidationException', 400);
    const fake = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01700000000000-deadbeef';
    await expectAwsError(client.send(new ListBackupsCommand({ ExclusiveStartBackupArn: fake })), 'ValidationException', 400);
  });

  it('DescribeBackup returns every field for orders-full-features', async () => {
    const truth = us().backups.find((b) => b.backupName === 'orders-full-features')!;
    const table = us().tables.find((t) => t.name === 'Orders')!;
    const { BackupDescription: d } = await h.dynamodb().send(new DescribeBackupCommand({ BackupArn: truth.backupArn }));
    assert.ok(d);
    assert.deepEqual(
      { ...d.BackupDetails, BackupCreationDateTime: d.BackupDetails?.BackupCreationDateTime?.getTime() },
      {
        BackupArn: truth.backupArn,
        BackupName: 'orders-full-features',
        BackupSizeBytes: truth.sizeBytes,
        BackupStatus: 'AVAILABLE',
        BackupType: 'USER',
        BackupCreationDateTime: truth.createdMs,
      },
    );
    const s = d.SourceTableDetails!;
    assert.equal(s.TableName, 'Orders');
    assert.equal(s.TableId, table.id);
    assert.equal(s.TableArn, table.arn);
    assert.equal(s.TableSizeBytes, truth.tableSizeBytes);
    assert.equal(s.ItemCount, truth.itemCount);
    assert.equal(s.BillingMode, 'PAY_PER_REQUEST');
    assert.deepEqual(s.OnDemandThroughput, { MaxReadRequestUnits: 4000, MaxWriteRequestUnits: 2000 });
    assert.deepEqual(s.ProvisionedThroughput, { ReadCapacityUnits: 0, WriteCapacityUnits: 0 });
    assert.equal(s.KeySchema?.length, 2);
    sameTime(s.TableCreationDateTime, table.createdMs, 'table creation');
    const f = d.SourceTableFeatureDetails!;
    assert.equal(f.LocalSecondaryIndexes?.[0]?.Projection?.ProjectionType, 'INCLUDE');
    assert.deepEqual(f.LocalSecondaryIndexes?.[0]?.Projection?.NonKeyAttributes, ['orderTotal', 'currency']);
    const gsi = f.GlobalSecondaryIndexes?.find((g) => g.IndexName === 'byCustomer');
    assert.deepEqual(gsi?.Projection, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['orderTotal', 'status', 'itemCount'] });
    assert.ok(gsi?.OnDemandThroughput && gsi.ProvisionedThroughput);
    assert.deepEqual(f.StreamDescription, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    assert.deepEqual(f.TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    assert.equal(f.SSEDescription?.SSEType, 'KMS');
    assert.match(f.SSEDescription?.KMSMasterKeyArn ?? '', /^arn:aws:kms:us-east-1:123456789012:key\//);
    assert.equal(f.VectorIndexes?.[0]?.Dimensions, 256);
  });

  it('DescribeBackup errors: unknown ARN, malformed ARN, missing ARN', async () => {
    const client = h.dynamodb();
    const unknown = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01700000000000-deadbeef';
    await expectAwsError(client.send(new DescribeBackupCommand({ BackupArn: unknown })), 'BackupNotFoundException', 400);
    await expectAwsError(
      client.send(new DescribeBackupCommand({ BackupArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' })),
      'ValidationException',
      400,
    );
    await expectAwsError(client.send(new DescribeBackupCommand({ BackupArn: 'short' })), 'ValidationException', 400, /backupArn/);
  });

  it('ListTables pages with ExclusiveStartTableName / LastEvaluatedTableName', async () => {
    const client = h.dynamodb();
    const page1 = await client.send(new ListTablesCommand({ Limit: 3 }));
    assert.deepEqual(page1.TableNames, ['Customers', 'Inventory', 'Orders']);
    assert.equal(page1.LastEvaluatedTableName, 'Orders');
    const page2 = await client.send(new ListTablesCommand({ Limit: 3, ExclusiveStartTableName: 'Orders' }));
    assert.deepEqual(page2.TableNames, ['Sessions']);
    assert.equal(page2.LastEvaluatedTableName, undefined);
    await expectAwsError(client.send(new ListTablesCommand({ Limit: 0 })), 'ValidationException', 400);
  });

  it('scopes data by the signing region', async () => {
    const eu = await listAll(h.dynamodb('eu-west-1'), { BackupType: 'ALL' });
    assert.equal(eu.items.length, 2);
    assert.ok(eu.items.every((b) => b.BackupArn!.startsWith('arn:aws:dynamodb:eu-west-1:')));
    assert.deepEqual((await h.dynamodb('eu-west-1').send(new ListTablesCommand({}))).TableNames, ['EuOrders']);
    assert.equal((await listAll(h.dynamodb('ap-southeast-2'), { BackupType: 'ALL' })).items.length, 0);
    const usArn = us().backups[0].backupArn;
    await expectAwsError(h.dynamodb('eu-west-1').send(new DescribeBackupCommand({ BackupArn: usArn })), 'BackupNotFoundException');
  });
});

describe('emulator: DynamoDB (large)', function () {
  this.timeout(30_000);
  const h = useEmulator('large');

  it('BigTable has exactly 10,000 backups: 100 full pages of 100, then an empty page', async () => {
    const { items, pages } = await listAll(h.dynamodb(), { TableName: 'BigTable', Limit: 100 });
    assert.equal(items.length, 10_000);
    assert.equal(pages.length, 101);
    assert.ok(pages.slice(0, 100).every((n) => n === 100));
    assert.equal(pages[100], 0);
    const truth = regionData(h.data, 'us-east-1').backups.filter((b) => b.tableName === 'BigTable');
    assert.deepEqual(arns(items), arns(truth));
    assert.equal(new Set(arns(items)).size, 10_000, 'no duplicates across pages');
  });

  it('without Limit, pages stop at about 1 MB', async () => {
    const { items, pages } = await listAll(h.dynamodb(), { TableName: 'BigTable' });
    assert.equal(items.length, 10_000);
    assert.ok(pages.length >= 3, `expected the 1 MB cap to split the list, got pages ${pages.join(',')}`);
  });
});
