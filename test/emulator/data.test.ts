import * as assert from 'node:assert/strict';
import { buildDataset, buildExecutionDetail, buildHistory, DatasetName, regionData } from './data';
import { DAY, MINUTE } from './time';
import { decodeBinaryMarker, decodeJsonMarker, encodeBinaryMarker, encodeJsonMarker } from './tokens';
import { NOW } from './helpers';

describe('emulator: data sets', function () {
  this.timeout(20_000);

  it('is deterministic for a given `now`', () => {
    for (const dataset of ['demo', 'large'] as DatasetName[]) {
      const a = JSON.stringify(buildDataset({ dataset, now: NOW }));
      const b = JSON.stringify(buildDataset({ dataset, now: NOW }));
      assert.equal(a, b, dataset);
    }
    const exec = regionData(buildDataset({ dataset: 'demo', now: NOW }), 'us-east-1').executions[3];
    assert.deepEqual(buildHistory(exec), buildHistory(exec));
    assert.deepEqual(buildExecutionDetail(exec), buildExecutionDetail(exec));
  });

  it('defaults `now` to the current minute and keeps every time in the past', () => {
    const before = Math.floor(Date.now() / MINUTE) * MINUTE;
    const data = buildDataset({ dataset: 'demo' });
    assert.ok(data.now >= before && data.now % MINUTE === 0);
    const us = regionData(data, 'us-east-1');
    assert.ok(us.backups.every((b) => b.createdMs < data.now && b.createdMs > data.now - 61 * DAY));
    assert.ok(us.backtracks.every((b) => b.requestCreatedMs < data.now));
    assert.ok(us.executions.every((e) => e.startMs < data.now && e.lastEventMs <= data.now));
  });

  it('builds the large data set quickly', () => {
    const started = Date.now();
    buildDataset({ dataset: 'large', now: NOW });
    const ms = Date.now() - started;
    assert.ok(ms < 1500, `took ${ms} ms`);
  });

  it('demo: documented names and counts', () => {
    const data = buildDataset({ dataset: 'demo', now: NOW });
    const us = regionData(data, 'us-east-1');
    assert.deepEqual(
      us.tables.map((t) => t.name),
      ['Customers', 'Inventory', 'Orders', 'Sessions'],
    );
    assert.equal(us.backups.length, 40);
    const byType = (t: string) => us.backups.filter((b) => b.type === t).length;
    assert.deepEqual([byType('USER'), byType('SYSTEM'), byType('AWS_BACKUP')], [24, 8, 8]);
    assert.equal(us.backups.filter((b) => b.status === 'CREATING').length, 1);
    assert.equal(us.backups.filter((b) => b.status === 'DELETED').length, 1);
    assert.ok(us.backups.some((b) => b.backupName === 'orders-full-features'));
    assert.ok(us.backups.filter((b) => b.type === 'SYSTEM').every((b) => b.expiryMs === b.createdMs + 35 * DAY));
    assert.deepEqual(
      us.clusters.map((c) => c.identifier),
      ['analytics-aurora', 'legacy-no-backtrack', 'orders-aurora', 'pg-reporting', 'serverless-v1'],
    );
    const bt = (c: string) => us.backtracks.filter((b) => b.clusterIdentifier === c);
    assert.equal(bt('orders-aurora').length, 12);
    assert.equal(bt('analytics-aurora').length, 45);
    assert.deepEqual(new Set(bt('orders-aurora').map((b) => b.status)), new Set(['PENDING', 'APPLYING', 'FAILED', 'COMPLETED']));
    assert.deepEqual(
      us.functions.map((f) => f.name),
      ['auth-authorizer', 'image-resize', 'nightly-report', 'order-workflow', 'payment-saga'],
    );
    const ex = (f: string) => us.executions.filter((e) => e.functionName === f);
    assert.equal(ex('order-workflow').length, 60);
    assert.equal(ex('payment-saga').length, 15);
    assert.equal(ex('nightly-report').length, 0);
    const eu = regionData(data, 'eu-west-1');
    assert.deepEqual([eu.backups.length, eu.clusters.length, eu.functions.length, eu.executions.length], [2, 1, 1, 3]);
    const empty = regionData(data, 'ap-northeast-1');
    assert.deepEqual([empty.backups.length, empty.clusters.length, empty.functions.length], [0, 0, 0]);
  });

  it('large: demo plus the bulk data, with exact counts', () => {
    const demo = regionData(buildDataset({ dataset: 'demo', now: NOW }), 'us-east-1');
    const us = regionData(buildDataset({ dataset: 'large', now: NOW }), 'us-east-1');
    assert.equal(us.backups.filter((b) => b.tableName === 'BigTable').length, 10_000);
    assert.equal(us.clusters.filter((c) => c.identifier.startsWith('bulk-')).length, 130);
    assert.equal(us.backtracks.filter((b) => b.clusterIdentifier === 'big-backtracks').length, 2_000);
    assert.equal(us.functions.filter((f) => f.name.startsWith('bulk-fn-')).length, 1_100);
    assert.equal(us.executions.filter((e) => e.functionName === 'big-function').length, 20_000);
    const huge = us.executions.find((e) => e.name === 'huge-history')!;
    assert.equal(buildHistory(huge).length, 10_000);
    const arns = new Set(us.backups.map((b) => b.backupArn));
    assert.ok(
      demo.backups.every((b) => arns.has(b.backupArn)),
      'the demo backups are all in large',
    );
    const execs = new Set(us.executions.map((e) => e.arn));
    assert.ok(
      demo.executions.every((e) => execs.has(e.arn)),
      'the demo executions are all in large',
    );
    assert.deepEqual(us.emptyPages, [{ functionName: 'big-function', atOffset: 400 }]);
  });

  it('invariants: unique ids, ARN formats, timestamp ordering', () => {
    const us = regionData(buildDataset({ dataset: 'large', now: NOW }), 'us-east-1');
    assert.equal(new Set(us.backups.map((b) => b.backupArn)).size, us.backups.length);
    assert.ok(us.backups.every((b) => /^arn:aws:dynamodb:us-east-1:123456789012:table\/[A-Za-z]+\/backup\/\d{14}-[0-9a-f]{8}$/.test(b.backupArn)));
    for (let i = 1; i < us.backups.length; i++) {
      assert.ok(us.backups[i - 1].createdMs <= us.backups[i].createdMs);
    }
    assert.equal(new Set(us.backtracks.map((b) => b.backtrackIdentifier)).size, us.backtracks.length);
    assert.ok(us.backtracks.every((b) => b.backtrackToMs < b.backtrackedFromMs && b.backtrackedFromMs < b.requestCreatedMs));
    assert.equal(new Set(us.executions.map((e) => e.arn)).size, us.executions.length);
    const arn = /^arn:aws:lambda:us-east-1:123456789012:function:[a-z-]+:(\$LATEST(\.PUBLISHED)?|\d+)\/durable-execution\/[a-zA-Z0-9_-]+\/[a-zA-Z0-9_-]+$/;
    assert.ok(us.executions.every((e) => arn.test(e.arn)));
    assert.ok(us.executions.every((e) => (e.status === 'RUNNING') === (e.endMs === undefined)));
    assert.ok(us.executions.every((e) => e.endMs === undefined || e.endMs >= e.startMs));
  });

  it('rejects unknown data sets', () => {
    assert.throws(() => buildDataset({ dataset: 'no-such-dataset' as DatasetName, now: NOW }), /Unknown dataset/);
  });
});

describe('emulator: pagination tokens', () => {
  it('binary markers round-trip, are bound to their scope and reject garbage', () => {
    const scope = { op: 'x', statuses: ['FAILED'] };
    const marker = encodeBinaryMarker(scope, { offset: 400, flags: 1 });
    assert.match(marker, /^[A-Za-z0-9+/]{30}==$/);
    assert.deepEqual(decodeBinaryMarker(marker, scope), { offset: 400, flags: 1 });
    assert.equal(decodeBinaryMarker(marker, { op: 'x', statuses: [] }), undefined);
    assert.equal(decodeBinaryMarker('garbage', scope), undefined);
    assert.equal(decodeBinaryMarker(Buffer.alloc(22).toString('base64'), scope), undefined);
  });

  it('JSON markers round-trip, are bound to their scope and reject tampering', () => {
    const marker = encodeJsonMarker({ cluster: 'a' }, 20);
    assert.equal(decodeJsonMarker(marker, { cluster: 'a' }), 20);
    assert.equal(decodeJsonMarker(marker, { cluster: 'b' }), undefined);
    const edited = JSON.parse(Buffer.from(marker, 'base64').toString()) as Record<string, unknown>;
    edited['o'] = 40;
    assert.equal(decodeJsonMarker(Buffer.from(JSON.stringify(edited)).toString('base64'), { cluster: 'a' }), undefined);
    assert.equal(decodeJsonMarker('%%%', { cluster: 'a' }), undefined);
  });
});
