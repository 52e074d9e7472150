import * as assert from 'node:assert/strict';
import { arnOfLink, linkFor, parseOpenableArn } from '../../src/links/openableArn';

const account = '123456789012';
const backup = `arn:aws:dynamodb:us-east-1:${account}:table/Orders/backup/01700000000000-abcdef12`;
const cluster = `arn:aws:rds:eu-west-1:${account}:cluster:orders-aurora`;
const backtrack = `${cluster}/2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f`;
const fn = `arn:aws:lambda:us-east-1:${account}:function:order-workflow`;
const execution = `${fn}:$LATEST/durable-execution/order-1/8d7e1c2a-1111-2222-3333-444455556666`;
const extensionId = 'aws-history-explorer.aws-history-explorer';

describe('Open ARN: the one ARN module', () => {
  it('parses each kind with its region, account and names', () => {
    assert.deepEqual(parseOpenableArn(`  ${backup}\n`), {
      kind: 'backup',
      text: backup,
      arn: backup,
      partition: 'aws',
      region: 'us-east-1',
      account,
      name: 'Orders',
      item: '01700000000000-abcdef12',
    });
    assert.deepEqual(parseOpenableArn(cluster), {
      kind: 'cluster',
      text: cluster,
      arn: cluster,
      partition: 'aws',
      region: 'eu-west-1',
      account,
      name: 'orders-aurora',
      item: undefined,
    });
    const bt = parseOpenableArn(backtrack);
    assert.ok(!('problem' in bt));
    assert.equal(bt.arn, cluster, 'a backtrack opens with its cluster ARN');
    assert.equal(bt.item, '2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f');
    assert.equal((parseOpenableArn(fn) as { kind: string }).kind, 'function');
    assert.equal((parseOpenableArn(`${fn}:$LATEST`) as { kind: string }).kind, 'function');
    const ex = parseOpenableArn(execution);
    assert.ok(!('problem' in ex));
    assert.equal(ex.kind, 'execution');
    assert.equal(ex.item, 'order-1');
  });

  it('refuses anything else, including hostile text', () => {
    for (const bad of [
      '',
      'arn:aws:s3:::bucket',
      `arn:aws:dynamodb:us-east-1:${account}:table/Orders`,
      `arn:aws:dynamodb:us-east-1:12345:table/Orders/backup/01700000000000-abcdef12`,
      `arn:aws:dynamodb:Mars:${account}:table/Orders/backup/01700000000000-abcdef12`,
      `arn:evil:rds:eu-west-1:${account}:cluster:orders-aurora`,
      `${cluster}/not-a-uuid`,
      `${cluster}/2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f/more`,
      `${fn} `.repeat(2),
      `${fn}\u0000`,
      `${fn}:$(rm -rf)`,
      `arn:aws:lambda:us-east-1:${account}:function:${'x'.repeat(65)}`,
      `${backup}${'a'.repeat(2000)}`,
    ]) {
      assert.ok('problem' in parseOpenableArn(bad), bad);
    }
  });

  it('links carry the ARN encoded, and only …/open?arn= of this extension is accepted', () => {
    const link = linkFor('vscode', extensionId, execution);
    assert.equal(link, `vscode://${extensionId}/open?arn=${encodeURIComponent(execution)}`);
    const query = link.slice(link.indexOf('?') + 1);
    assert.equal(arnOfLink({ authority: extensionId, path: '/open', query, fragment: '' }, extensionId), execution);
    for (const bad of [
      { authority: 'other.ext', path: '/open', query, fragment: '' },
      { authority: extensionId, path: '/stop', query, fragment: '' },
      { authority: extensionId, path: '/open', query: `${query}&action=stop`, fragment: '' },
      { authority: extensionId, path: '/open', query: `${query}&arn=${encodeURIComponent(fn)}`, fragment: '' },
      { authority: extensionId, path: '/open', query: '', fragment: '' },
      { authority: extensionId, path: '/open', query, fragment: 'x' },
    ]) {
      assert.ok(typeof arnOfLink(bad, extensionId) !== 'string', JSON.stringify(bad));
    }
  });
});
