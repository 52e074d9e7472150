import * as assert from 'node:assert/strict';
import { ListBackupsCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { accountRegionData } from './data';
import { useEmulator } from './helpers';
import { ACCOUNT_ID, SECOND_ACCESS_KEY_ID, SECOND_ACCOUNT_ID } from './model';

describe('Accounts chosen by the access key id', () => {
  const h = useEmulator('demo');
  const second = { accessKeyId: SECOND_ACCESS_KEY_ID, secretAccessKey: 'x' };
  const clients: { destroy(): void }[] = [];
  after(() => clients.forEach((c) => c.destroy()));
  const dynamodb = (region: string): DynamoDBClient => {
    const client = new DynamoDBClient({ endpoint: h.emulator.url, region, credentials: second, maxAttempts: 1 });
    clients.push(client);
    return client;
  };

  it('STS names the account of the signing key', async () => {
    const sts = new STSClient({ endpoint: h.emulator.url, region: 'eu-west-1', credentials: second, maxAttempts: 1 });
    clients.push(sts);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, SECOND_ACCOUNT_ID);
    assert.equal((await h.sts().send(new GetCallerIdentityCommand({}))).Account, ACCOUNT_ID);
  });

  it('each account and region has its own data, with ARNs of that account and region', async () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const mine = await h.dynamodb(region).send(new ListBackupsCommand({ Limit: 100 }));
      const theirs = await dynamodb(region).send(new ListBackupsCommand({ Limit: 100 }));
      const expected = accountRegionData(h.data, SECOND_ACCOUNT_ID, region).backups.length;
      assert.ok(expected > 0);
      assert.ok((theirs.BackupSummaries ?? []).every((b) => b.BackupArn?.startsWith(`arn:aws:dynamodb:${region}:${SECOND_ACCOUNT_ID}:`)));
      assert.ok((mine.BackupSummaries ?? []).every((b) => b.BackupArn?.includes(`:${ACCOUNT_ID}:`)));
      const mineTables = new Set((mine.BackupSummaries ?? []).map((b) => b.TableName));
      assert.ok(
        (theirs.BackupSummaries ?? []).some((b) => !mineTables.has(b.TableName)),
        'the second account lists other tables',
      );
    }
    const [entry] = await h.control.requests({ operation: 'ListBackups' });
    assert.ok(entry && (entry.account === ACCOUNT_ID || entry.account === SECOND_ACCOUNT_ID));
  });

  it('a fault scoped to one account and region leaves the others alone', async () => {
    await h.control.fault({ operation: 'ListBackups', kind: 'accessDenied', region: 'eu-west-1', account: SECOND_ACCOUNT_ID, count: -1 });
    await assert.rejects(dynamodb('eu-west-1').send(new ListBackupsCommand({})), /not authorized/);
    await dynamodb('us-east-1').send(new ListBackupsCommand({}));
    await h.dynamodb('eu-west-1').send(new ListBackupsCommand({}));
    await h.control.clearFaults();
  });
});
