import * as assert from 'node:assert/strict';
import {
  formatBackupArn,
  formatClusterArn,
  formatDurableExecutionArn,
  formatFunctionArn,
  formatResourceArn,
  formatTableArn,
  parseArnOfKind,
  parseResourceArn,
} from '../../src/aws/arn';

const where = { partition: 'aws', region: 'us-east-1', account: '123456789012' };

describe('ARN module', () => {
  const known = [
    {
      text: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders',
      parsed: { kind: 'dynamodbTable', ...where, table: 'Orders' },
    },
    {
      text: 'arn:aws:dynamodb:us-east-1:123456789012:table/Music/backup/01489602797149-73d8d5bc',
      parsed: { kind: 'dynamodbBackup', ...where, table: 'Music', backupId: '01489602797149-73d8d5bc' },
    },
    {
      text: 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora',
      parsed: { kind: 'rdsCluster', ...where, cluster: 'orders-aurora' },
    },
    {
      text: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow',
      parsed: { kind: 'lambdaFunction', ...where, functionName: 'order-workflow', qualifier: undefined },
    },
    {
      text: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST.PUBLISHED',
      parsed: { kind: 'lambdaFunction', ...where, functionName: 'order-workflow', qualifier: '$LATEST.PUBLISHED' },
    },
    {
      text: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:prod',
      parsed: { kind: 'lambdaFunction', ...where, functionName: 'order-workflow', qualifier: 'prod' },
    },
    {
      text: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/order-1a2b/4f5e6d7c-0000-4000-8000-000000000001',
      parsed: {
        kind: 'lambdaDurableExecution',
        ...where,
        functionName: 'order-workflow',
        qualifier: '$LATEST',
        executionName: 'order-1a2b',
        executionId: '4f5e6d7c-0000-4000-8000-000000000001',
      },
    },
    {
      text: 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:7',
      parsed: { kind: 'lambdaFunction', partition: 'aws-us-gov', region: 'us-gov-west-1', account: '123456789012', functionName: 'f', qualifier: '7' },
    },
    {
      text: 'arn:aws-cn:rds:cn-north-1:123456789012:cluster:x1',
      parsed: { kind: 'rdsCluster', partition: 'aws-cn', region: 'cn-north-1', account: '123456789012', cluster: 'x1' },
    },
  ] as const;

  for (const { text, parsed } of known) {
    it(`parses and formats back ${parsed.kind}: ${text}`, () => {
      assert.deepEqual(parseResourceArn(text), parsed);
      assert.equal(formatResourceArn(parsed), text);
    });
  }

  it('trims surrounding space, as typed input has it', () => {
    assert.equal(parseResourceArn('  arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora \n')?.kind, 'rdsCluster');
  });

  it('builds each kind from its parts', () => {
    assert.equal(formatTableArn(where, 'Orders'), 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders');
    assert.equal(
      formatBackupArn({ region: 'eu-west-1', account: '111122223333' }, 'T', '01489602797149-73d8d5bc'),
      'arn:aws:dynamodb:eu-west-1:111122223333:table/T/backup/01489602797149-73d8d5bc',
    );
    assert.equal(formatClusterArn(where, 'c1'), 'arn:aws:rds:us-east-1:123456789012:cluster:c1');
    assert.equal(formatFunctionArn(where, 'f'), 'arn:aws:lambda:us-east-1:123456789012:function:f');
    assert.equal(formatFunctionArn(where, 'f', '$LATEST'), 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST');
    assert.equal(formatDurableExecutionArn(where, 'f', '3', 'run-1', 'abc'), 'arn:aws:lambda:us-east-1:123456789012:function:f:3/durable-execution/run-1/abc');
  });

  it('parseArnOfKind returns only the asked kind', () => {
    const table = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders';
    assert.equal(parseArnOfKind(table, 'dynamodbTable')?.table, 'Orders');
    assert.equal(parseArnOfKind(table, 'dynamodbBackup'), undefined);
    assert.equal(parseArnOfKind('arn:aws:lambda:us-east-1:123456789012:function:f', 'lambdaDurableExecution'), undefined);
  });

  it('refuses what is not a known resource ARN', () => {
    for (const bad of [
      '',
      'not an arn',
      'arn:',
      'arn:nope',
      'arn:aws:s3:::bucket',
      'ARN:aws:rds:us-east-1:123456789012:cluster:c1',
      'arn:aws:rds:us-east-1:1234:cluster:orders',
      'arn:aws:rds:US-EAST-1:123456789012:cluster:orders',
      'arn:aws:rds:useast1:123456789012:cluster:orders',
      'arn:aws:rds:us-east-1:123456789012:db:orders',
      'arn:aws:rds:us-east-1:123456789012:cluster:1abc',
      'arn:aws:rds:us-east-1:123456789012:cluster:a--b',
      'arn:aws:rds:us-east-1:123456789012:cluster:a-',
      'arn:aws:rds:us-east-1:123456789012:cluster:',
      'arn:aws:dynamodb:us-east-1:123456789012:cluster:orders',
      'arn:aws:dynamodb:us-east-1:123456789012:table/ab',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/nope',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01489602797149-73d8d5bc/x',
      'arn:aws:lambda:us-east-1:123456789012:function:',
      'arn:aws:lambda:us-east-1:123456789012:function:has space',
      'arn:aws:lambda:us-east-1:123456789012:function:f:bad qualifier',
      'arn:aws:lambda:us-east-1:123456789012:function:f:1:2',
      'arn:aws:lambda:us-east-1:123456789012:layer:l:1',
      'arn:aws:lambda:us-east-1:123456789012:function:f:1/durable-execution/name',
      'arn:aws:lambda:us-east-1:123456789012:function:f:1/durable-execution/bad name/id',
      'arn:aws:lambda:us-east-1:123456789012:function:f:1/other/name/id',
      'arn:aws:lambda:us-east-1:123456789012:function:f:1/durable-execution/n/id/extra',
      'arn:evil:lambda:us-east-1:123456789012:function:f',
      `arn:aws:dynamodb:us-east-1:123456789012:table/${'a'.repeat(1100)}`,
      `arn:aws:lambda:us-east-1:123456789012:function:${'f'.repeat(65)}`,
    ]) {
      assert.equal(parseResourceArn(bad), undefined, bad);
    }
  });
});
