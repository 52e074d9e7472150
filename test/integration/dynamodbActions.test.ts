import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConfirmationRequest } from '../../src/actions/confirmAction';
import { Command, ViewId } from '../../src/constants';
import type { BackupNode } from '../../src/dynamodb/backupNode';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { api, description, emulator, expand, freshDynamoDbView, itemRows, label, provider, waitFor } from './helpers';
import { WindowStubs } from './securityKit';

const settings = () => vscode.workspace.getConfiguration('awsHistory');

/** DynamoDB requests since the last clear (the confirmation's STS lookup is not one of them). */
async function sent(): Promise<{ operation: string; params: Record<string, unknown> }[]> {
  return (await emulator().requests({ service: 'dynamodb' })).map((r) => ({ operation: r.operation, params: r.params }));
}

const backupRows = async (p: PagedTreeProvider): Promise<BackupNode[]> => itemRows(await expand(p)) as BackupNode[];
const snapshot = (rows: readonly TreeNode[]) => rows.map((r) => `${label(r)} · ${description(r)}`);

describe('DynamoDB actions', () => {
  let p: PagedTreeProvider;
  let asked: ConfirmationRequest[];
  let answer: boolean;
  let stubs: WindowStubs;

  before(async () => {
    p = await provider('dynamodb');
    await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await freshDynamoDbView(p);
    asked = [];
    answer = true;
    (await api()).hooks.answerConfirmation = (request) => {
      asked.push(request);
      return Promise.resolve(answer);
    };
    stubs = new WindowStubs();
  });

  afterEach(async () => {
    stubs.restore();
    (await api()).hooks.answerConfirmation = undefined;
  });

  after(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await (await api()).feature.views.get('dynamodb').filters.clear();
  });

  describe('Back Up Now', () => {
    it('sends one CreateBackup after the confirmation; the backup shows first as CREATING and turns AVAILABLE by itself', async () => {
      const before = snapshot(await backupRows(p));
      await emulator().clearRequests();
      const done = await vscode.commands.executeCommand(Command.dynamodbCreateBackup, { table: 'Orders', backupName: 'orders-before-migration' });
      assert.equal(done, true);
      assert.equal(asked.length, 1);
      assert.equal(asked[0].title, 'Back up table Orders now?');
      assert.equal(asked[0].accountId, '123456789012');
      assert.equal(asked[0].connection.region, 'us-east-1');
      assert.match(asked[0].cliText, /^aws dynamodb create-backup --table-name Orders --backup-name orders-before-migration --region us-east-1( |$)/);
      assert.equal(asked[0].typeToConfirm, undefined, 'a backup changes nothing: no typed name');
      const requests = await sent();
      assert.deepEqual(requests, [{ operation: 'CreateBackup', params: { TableName: 'Orders', BackupName: 'orders-before-migration' } }]);
      const rows = await backupRows(p);
      assert.equal(label(rows[0]), 'orders-before-migration');
      assert.match(description(rows[0]), /Orders · CREATING/);
      assert.deepEqual(snapshot(rows.slice(1)), before, 'the loaded rows stay as they were');
      // Polling runs while the view is visible.
      await vscode.commands.executeCommand(`${ViewId.dynamodb}.focus`);
      await waitFor('the new backup to turn AVAILABLE', async () => (/AVAILABLE/.test(description((await backupRows(p))[0])) ? true : undefined), 30_000);
      const describes = (await sent()).filter((r) => r.operation === 'DescribeBackup');
      assert.ok(describes.length >= 2 && describes.every((r) => r.params.BackupArn === rows[0].arn), 'DescribeBackup of the new backup only');
      assert.equal((await sent()).filter((r) => r.operation === 'ListBackups').length, 0, 'the list was not reloaded');
    });

    it('cancelling the confirmation sends nothing', async () => {
      await backupRows(p);
      answer = false;
      await emulator().clearRequests();
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbCreateBackup, { table: 'Orders', backupName: 'orders-x' }), false);
      assert.equal(asked.length, 1);
      assert.deepEqual(await sent(), []);
    });

    it('invalid names, tables and unknown keys are refused before anything is asked or sent', async () => {
      await emulator().clearRequests();
      for (const arg of [
        { table: 'Orders', backupName: 'a b' },
        { table: 'Orders', backupName: 'ab' },
        { table: 'x' },
        { table: 'Orders', extra: 1 },
        { backupName: 'orders-1' },
      ]) {
        assert.notEqual(await vscode.commands.executeCommand(Command.dynamodbCreateBackup, arg), true, JSON.stringify(arg));
      }
      assert.equal(asked.length, 0);
      assert.deepEqual(await sent(), []);
      assert.equal(stubs.messages('error').length, 5, stubs.messages().join('\n'));
    });

    it('an access-denied CreateBackup says which IAM action is missing; the loaded rows stay', async () => {
      const before = snapshot(await backupRows(p));
      await emulator().fault({ operation: 'CreateBackup', kind: 'accessDenied' });
      await vscode.commands.executeCommand(Command.dynamodbCreateBackup, { table: 'Orders', backupName: 'orders-denied' });
      await waitFor('the error message', () => (stubs.messages('error').length > 0 ? true : undefined));
      assert.match(stubs.messages('error')[0], /dynamodb:CreateBackup/);
      assert.deepEqual(snapshot(await backupRows(p)), before);
    });
  });

  describe('Delete Backup', () => {
    it('several selected rows: one confirmation listing them, typed count, one DeleteBackup each, rows turn DELETED in place', async () => {
      const rows = await backupRows(p);
      const chosen = rows.filter((r) => r.item.BackupStatus === 'AVAILABLE').slice(1, 3);
      const others = rows.filter((r) => !chosen.includes(r));
      const before = snapshot(others);
      await emulator().clearRequests();
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbDeleteBackup, chosen[0], chosen), true);
      assert.equal(asked.length, 1);
      assert.equal(asked[0].title, 'Delete 2 backups?');
      assert.equal(asked[0].typeToConfirm, '2');
      assert.equal(asked[0].resources.length, 2);
      assert.deepEqual(
        asked[0].cliText.split('\n').map((line) => line.split(' --region')[0]),
        chosen.map((r) => `aws dynamodb delete-backup --backup-arn ${r.arn}`),
      );
      assert.deepEqual(
        await sent(),
        chosen.map((r) => ({ operation: 'DeleteBackup', params: { BackupArn: r.arn } })),
      );
      const after = await backupRows(p);
      for (const row of chosen) {
        assert.match(description(after.find((r) => r.arn === row.arn)!), /DELETED/);
      }
      assert.deepEqual(snapshot(after.filter((r) => !chosen.some((c) => c.arn === r.arn))), before, 'other rows stay');
    });

    it('one row asks for its name; cancelling sends nothing', async () => {
      const row = (await backupRows(p)).find((r) => r.item.BackupStatus === 'AVAILABLE')!;
      answer = false;
      await emulator().clearRequests();
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbDeleteBackup, row), false);
      assert.equal(asked[0].typeToConfirm, row.name);
      assert.deepEqual(await sent(), []);
      assert.match(description((await backupRows(p)).find((r) => r.arn === row.arn)!), /AVAILABLE/);
    });

    it('AWS_BACKUP backups are refused with the reason, and nothing is sent', async () => {
      await vscode.commands.executeCommand(Command.dynamodbFilter, { backupType: 'AWS_BACKUP' });
      const rows = await backupRows(p);
      assert.ok(rows.length > 0 && rows.every((r) => r.item.BackupType === 'AWS_BACKUP'));
      await emulator().clearRequests();
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbDeleteBackup, rows[0], rows.slice(0, 2)), false);
      assert.equal(asked.length, 0);
      assert.deepEqual(await sent(), []);
      assert.match(stubs.messages('information')[0], /managed by AWS Backup/);
    });

    it('an argument object names loaded backups only', async () => {
      await backupRows(p);
      await emulator().clearRequests();
      const unknownArn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01700000000000-00000000';
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbDeleteBackup, { backupArns: [unknownArn] }), false);
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbDeleteBackup, { backupArns: 'x' }), undefined);
      assert.equal(asked.length, 0);
      assert.deepEqual(await sent(), []);
    });
  });

  describe('Restore to New Table', () => {
    const full = async (): Promise<BackupNode> => {
      await vscode.commands.executeCommand(Command.dynamodbFilter, { table: 'Orders' });
      return (await backupRows(p)).find((r) => r.name === 'orders-full-features')!;
    };

    it('checks the name is free, confirms with the typed table name, restores with the overrides, then follows the table to ACTIVE', async () => {
      const backup = await full();
      const before = snapshot(await backupRows(p));
      await emulator().clearRequests();
      const done = await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, {
        backupArn: backup.arn,
        targetTableName: 'Orders-restored',
        billingMode: 'PAY_PER_REQUEST',
        globalSecondaryIndexes: [],
      });
      assert.equal(done, true);
      assert.equal(asked[0].typeToConfirm, 'Orders-restored');
      assert.match(
        asked[0].cliText,
        new RegExp(
          `^aws dynamodb restore-table-from-backup --target-table-name Orders-restored --backup-arn ${backup.arn} --billing-mode-override PAY_PER_REQUEST --global-secondary-index-override '\\[\\]' --region us-east-1`,
        ),
      );
      const requests = await sent();
      assert.deepEqual(
        requests.slice(0, 3).map((r) => r.operation),
        ['DescribeTable', 'DescribeBackup', 'RestoreTableFromBackup'],
      );
      assert.deepEqual(requests[0].params, { TableName: 'Orders-restored' });
      assert.deepEqual(requests[2].params, {
        TargetTableName: 'Orders-restored',
        BackupArn: backup.arn,
        BillingModeOverride: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexOverride: [],
      });
      await waitFor(
        'the table to be ACTIVE',
        () => (stubs.messages('information').some((m) => /Orders-restored is ACTIVE/.test(m)) ? true : undefined),
        30_000,
      );
      assert.ok((await sent()).slice(3).every((r) => r.operation === 'DescribeTable' && r.params.TableName === 'Orders-restored'));
      assert.deepEqual(snapshot(await backupRows(p)), before, 'the backups list is untouched');
    });

    it('a taken name, a bad name, an unknown index and a cancel never send RestoreTableFromBackup', async () => {
      const backup = await full();
      await emulator().clearRequests();
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, { backupArn: backup.arn, targetTableName: 'Customers', billingMode: 'KEEP' }),
        false,
      );
      assert.match(stubs.messages('warning')[0], /already exists/);
      assert.deepEqual(await sent(), [{ operation: 'DescribeTable', params: { TableName: 'Customers' } }]);
      await emulator().clearRequests();
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, { backupArn: backup.arn, targetTableName: 'a/b', billingMode: 'KEEP' }),
        false,
      );
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, { backupArn: 'arn:nope', targetTableName: 'Orders-x' }), false);
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, {
          backupArn: backup.arn,
          targetTableName: 'Orders-x',
          billingMode: 'PROVISIONED',
          readCapacityUnits: 0,
          writeCapacityUnits: 1,
        }),
        false,
      );
      assert.deepEqual(await sent(), [], 'bad input sends nothing');
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, {
          backupArn: backup.arn,
          targetTableName: 'Orders-x',
          billingMode: 'KEEP',
          globalSecondaryIndexes: ['nope'],
        }),
        false,
      );
      answer = false;
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreBackup, { backupArn: backup.arn, targetTableName: 'Orders-x', billingMode: 'KEEP' }),
        false,
      );
      assert.equal(asked.length, 1, 'only the last one reached the confirmation');
      assert.ok(!(await sent()).some((r) => r.operation === 'RestoreTableFromBackup'));
    });
  });

  describe('Restore Table to Point in Time', () => {
    it('reads the window, restores to the latest restorable time after the typed confirmation, and follows the table', async () => {
      await emulator().clearRequests();
      const done = await vscode.commands.executeCommand(Command.dynamodbRestoreToPointInTime, {
        sourceTable: 'Customers',
        targetTableName: 'Customers-pitr',
        restoreTime: 'latest',
        billingMode: 'KEEP',
      });
      assert.equal(done, true);
      assert.equal(asked[0].typeToConfirm, 'Customers-pitr');
      assert.match(
        asked[0].cliText,
        /^aws dynamodb restore-table-to-point-in-time --source-table-name Customers --target-table-name Customers-pitr --use-latest-restorable-time --region us-east-1/,
      );
      assert.ok(asked[0].details.some((d) => /PITR on, restorable/.test(d)));
      const requests = await sent();
      assert.deepEqual(requests.slice(0, 3), [
        { operation: 'DescribeContinuousBackups', params: { TableName: 'Customers' } },
        { operation: 'DescribeTable', params: { TableName: 'Customers-pitr' } },
        { operation: 'RestoreTableToPointInTime', params: { SourceTableName: 'Customers', TargetTableName: 'Customers-pitr', UseLatestRestorableTime: true } },
      ]);
      await waitFor('the table to be ACTIVE', () => (stubs.messages('information').some((m) => /Customers-pitr is ACTIVE/.test(m)) ? true : undefined), 30_000);
    });

    it('a time inside the window is sent as RestoreDateTime', async () => {
      const at = new Date(Date.now() - 2 * 86_400_000);
      await emulator().clearRequests();
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreToPointInTime, {
          sourceTable: 'Orders',
          targetTableName: 'Orders-2d',
          restoreTime: at.toISOString(),
          billingMode: 'KEEP',
        }),
        true,
      );
      const restore = (await sent()).find((r) => r.operation === 'RestoreTableToPointInTime')!;
      assert.equal(restore.params.RestoreDateTime, at.getTime() / 1000);
    });

    it('a time outside the window, PITR off, and bad input send no restore', async () => {
      await emulator().clearRequests();
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreToPointInTime, {
          sourceTable: 'Customers',
          targetTableName: 'Customers-old',
          restoreTime: '2020-01-01T00:00:00Z',
          billingMode: 'KEEP',
        }),
        false,
      );
      assert.match(stubs.messages('error')[0], /restorable window/);
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreToPointInTime, {
          sourceTable: 'Sessions',
          targetTableName: 'Sessions-pitr',
          restoreTime: 'latest',
          billingMode: 'KEEP',
        }),
        false,
      );
      assert.match(stubs.messages('information')[0], /Point-in-time recovery is off for Sessions/);
      assert.deepEqual(await sent(), [
        { operation: 'DescribeContinuousBackups', params: { TableName: 'Customers' } },
        { operation: 'DescribeContinuousBackups', params: { TableName: 'Sessions' } },
      ]);
      await emulator().clearRequests();
      assert.equal(
        await vscode.commands.executeCommand(Command.dynamodbRestoreToPointInTime, {
          sourceTable: 'Customers',
          targetTableName: 'Customers-x',
          restoreTime: 'yesterday-ish',
        }),
        false,
      );
      assert.equal(await vscode.commands.executeCommand(Command.dynamodbRestoreToPointInTime, { sourceTable: 'Customers', targetTableName: 'x' }), false);
      assert.deepEqual(await sent(), []);
      assert.equal(asked.length, 0);
    });
  });
});
