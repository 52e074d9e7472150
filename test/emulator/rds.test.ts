import * as assert from 'node:assert/strict';
import {
  DBCluster,
  DBClusterBacktrack,
  DescribeDBClusterBacktracksCommand,
  DescribeDBClusterBacktracksCommandInput,
  DescribeDBClustersCommand,
  paginateDescribeDBClusterBacktracks,
  paginateDescribeDBClusters,
  RDSClient,
} from '@aws-sdk/client-rds';
import { regionData } from './data';
import { expectAwsError, sameTime, useEmulator } from './helpers';

async function allBacktracks(
  client: RDSClient,
  input: DescribeDBClusterBacktracksCommandInput,
  pageSize?: number,
): Promise<{ items: DBClusterBacktrack[]; pages: number[] }> {
  const items: DBClusterBacktrack[] = [];
  const pages: number[] = [];
  for await (const page of paginateDescribeDBClusterBacktracks(pageSize ? { client, pageSize } : { client }, input)) {
    pages.push(page.DBClusterBacktracks?.length ?? 0);
    items.push(...(page.DBClusterBacktracks ?? []));
  }
  return { items, pages };
}

async function allClusters(client: RDSClient, pageSize?: number): Promise<{ items: DBCluster[]; pages: number[] }> {
  const items: DBCluster[] = [];
  const pages: number[] = [];
  for await (const page of paginateDescribeDBClusters(pageSize ? { client, pageSize } : { client }, {})) {
    pages.push(page.DBClusters?.length ?? 0);
    items.push(...(page.DBClusters ?? []));
  }
  return { items, pages };
}

const ids = (list: Array<{ BacktrackIdentifier?: string } | { backtrackIdentifier: string }>) =>
  list.map((b) => ('backtrackIdentifier' in b ? b.backtrackIdentifier : b.BacktrackIdentifier));

describe('emulator: RDS (demo)', function () {
  this.timeout(20_000);
  const h = useEmulator('demo');
  const us = () => regionData(h.data, 'us-east-1');
  const truthFor = (cluster: string) => us().backtracks.filter((b) => b.clusterIdentifier === cluster);

  it('DescribeDBClusters returns the five demo clusters with backtrack fields where enabled', async () => {
    const { items } = await allClusters(h.rds());
    assert.deepEqual(
      items.map((c) => c.DBClusterIdentifier),
      ['analytics-aurora', 'legacy-no-backtrack', 'orders-aurora', 'pg-reporting', 'serverless-v1'],
    );
    for (const c of items) {
      assert.ok(
        c.DBClusterArn && c.DbClusterResourceId && c.Engine && c.EngineVersion && c.EngineMode && c.Status,
        `${c.DBClusterIdentifier} has the core fields`,
      );
    }
    const orders = items.find((c) => c.DBClusterIdentifier === 'orders-aurora')!;
    const truth = us().clusters.find((c) => c.identifier === 'orders-aurora')!;
    assert.equal(orders.Engine, 'aurora-mysql');
    assert.equal(orders.EngineVersion, '8.0.mysql_aurora.3.05.2');
    assert.equal(orders.BacktrackWindow, 86_400);
    assert.equal(orders.BacktrackConsumedChangeRecords, truth.backtrackConsumedChangeRecords);
    sameTime(orders.EarliestBacktrackTime, truth.earliestBacktrackMs, 'EarliestBacktrackTime');
    assert.equal(orders.DBClusterArn, 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora');
    assert.equal(items.find((c) => c.DBClusterIdentifier === 'legacy-no-backtrack')!.BacktrackWindow, 0);
    assert.equal(items.find((c) => c.DBClusterIdentifier === 'pg-reporting')!.BacktrackWindow, undefined);
    assert.equal(items.find((c) => c.DBClusterIdentifier === 'serverless-v1')!.EngineMode, 'serverless');
  });

  it('DescribeDBClusters by identifier, by ARN, with filters, and not found', async () => {
    const client = h.rds();
    const one = await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'ORDERS-AURORA' }));
    assert.equal(one.DBClusters?.[0]?.DBClusterIdentifier, 'orders-aurora', 'identifiers are case-insensitive');
    const byArn = await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'arn:aws:rds:us-east-1:123456789012:cluster:pg-reporting' }));
    assert.equal(byArn.DBClusters?.[0]?.DBClusterIdentifier, 'pg-reporting');
    const pg = await client.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'engine', Values: ['aurora-postgresql'] }] }));
    assert.deepEqual(
      pg.DBClusters?.map((c) => c.DBClusterIdentifier),
      ['pg-reporting'],
    );
    await expectAwsError(
      client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })),
      'DBClusterNotFoundFault',
      404,
      /DBCluster nope not found/,
    );
    await expectAwsError(client.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })), 'InvalidParameterValue', 400);
  });

  it('backtracks come newest first, with consistent timestamps, via the SDK paginator', async () => {
    const { items, pages } = await allBacktracks(h.rds(), { DBClusterIdentifier: 'orders-aurora' });
    assert.deepEqual(pages, [12]);
    assert.deepEqual(ids(items), ids(truthFor('orders-aurora')));
    for (let i = 0; i < items.length; i++) {
      const b = items[i];
      assert.ok(b.BacktrackTo! < b.BacktrackedFrom! && b.BacktrackedFrom! < b.BacktrackRequestCreationTime!, 'To < From < Created');
      assert.ok(b.BacktrackRequestCreationTime!.getTime() - b.BacktrackTo!.getTime() <= 86_400_000, 'within the window');
      if (i > 0) {
        assert.ok(items[i - 1].BacktrackRequestCreationTime! > b.BacktrackRequestCreationTime!, 'newest first');
      }
    }
    assert.deepEqual(items.map((b) => b.Status).slice(0, 2), ['PENDING', 'APPLYING']);
    assert.ok(items.some((b) => b.Status === 'FAILED'));
  });

  it('analytics-aurora pages at 20: 20 + 20 + 5', async () => {
    const { items, pages } = await allBacktracks(h.rds(), { DBClusterIdentifier: 'analytics-aurora' }, 20);
    assert.deepEqual(pages, [20, 20, 5]);
    assert.deepEqual(ids(items), ids(truthFor('analytics-aurora')));
  });

  it('filters by status (case-insensitive) and by backtrack id', async () => {
    const client = h.rds();
    const failedLower = await allBacktracks(client, {
      DBClusterIdentifier: 'analytics-aurora',
      Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['failed'] }],
    });
    const failedUpper = await allBacktracks(client, {
      DBClusterIdentifier: 'analytics-aurora',
      Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['FAILED'] }],
    });
    const expected = truthFor('analytics-aurora').filter((b) => b.status === 'FAILED');
    assert.equal(expected.length, 3);
    assert.deepEqual(ids(failedLower.items), ids(expected));
    assert.deepEqual(ids(failedUpper.items), ids(expected));
    const inFlight = await allBacktracks(client, {
      DBClusterIdentifier: 'orders-aurora',
      Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['applying', 'pending'] }],
    });
    assert.deepEqual(
      inFlight.items.map((b) => b.Status),
      ['PENDING', 'APPLYING'],
    );
    const target = truthFor('orders-aurora')[4];
    const byFilter = await allBacktracks(client, {
      DBClusterIdentifier: 'orders-aurora',
      Filters: [{ Name: 'db-cluster-backtrack-id', Values: [target.backtrackIdentifier] }],
    });
    assert.deepEqual(ids(byFilter.items), [target.backtrackIdentifier]);
    const byParam = await client.send(
      new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackIdentifier: target.backtrackIdentifier }),
    );
    assert.deepEqual(ids(byParam.DBClusterBacktracks ?? []), [target.backtrackIdentifier]);
  });

  it('errors: not found, backtrack not found, unsupported clusters, bad parameters', async () => {
    const client = h.rds();
    const send = (input: DescribeDBClusterBacktracksCommandInput) => client.send(new DescribeDBClusterBacktracksCommand(input));
    await expectAwsError(send({ DBClusterIdentifier: 'missing-cluster' }), 'DBClusterNotFoundFault', 404);
    await expectAwsError(
      send({ DBClusterIdentifier: 'orders-aurora', BacktrackIdentifier: '00000000-0000-4000-8000-000000000000' }),
      'DBClusterBacktrackNotFoundFault',
      404,
    );
    for (const id of ['legacy-no-backtrack', 'pg-reporting', 'serverless-v1']) {
      await expectAwsError(send({ DBClusterIdentifier: id }), 'InvalidParameterCombination', 400, /does not support Backtrack\.$/);
    }
    await expectAwsError(send({ DBClusterIdentifier: 'orders-aurora', MaxRecords: 19 }), 'InvalidParameterValue', 400, /MaxRecords/);
    await expectAwsError(send({ DBClusterIdentifier: 'orders-aurora', MaxRecords: 101 }), 'InvalidParameterValue', 400);
    for (const bad of ['1cluster', 'ends-with-', 'double--hyphen', 'under_score', 'a'.repeat(64)]) {
      await expectAwsError(send({ DBClusterIdentifier: bad }), 'InvalidParameterValue', 400, /not a valid identifier/);
    }
    await expectAwsError(
      send({ DBClusterIdentifier: 'orders-aurora', Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['done'] }] }),
      'InvalidParameterValue',
      400,
    );
  });

  it('a Marker only works with the filters that produced it', async () => {
    const client = h.rds();
    const page1 = await client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'analytics-aurora', MaxRecords: 20 }));
    assert.ok(page1.Marker);
    const page2 = await client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'analytics-aurora', MaxRecords: 30, Marker: page1.Marker }));
    assert.equal(
      page2.DBClusterBacktracks?.[0]?.BacktrackIdentifier,
      truthFor('analytics-aurora')[20].backtrackIdentifier,
      'page size may change between pages',
    );
    await expectAwsError(
      client.send(
        new DescribeDBClusterBacktracksCommand({
          DBClusterIdentifier: 'analytics-aurora',
          Marker: page1.Marker,
          Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['completed'] }],
        }),
      ),
      'InvalidParameterValue',
      400,
    );
    await expectAwsError(
      client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora', Marker: page1.Marker })),
      'InvalidParameterValue',
      400,
    );
    await expectAwsError(
      client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'analytics-aurora', Marker: 'not-a-marker' })),
      'InvalidParameterValue',
      400,
    );
  });

  it('scopes clusters by region', async () => {
    const eu = await allClusters(h.rds('eu-west-1'));
    assert.deepEqual(
      eu.items.map((c) => c.DBClusterIdentifier),
      ['eu-orders-aurora'],
    );
    assert.equal((await allBacktracks(h.rds('eu-west-1'), { DBClusterIdentifier: 'eu-orders-aurora' })).items.length, 3);
    assert.equal((await allClusters(h.rds('sa-east-1'))).items.length, 0);
    await expectAwsError(
      h.rds('eu-west-1').send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora' })),
      'DBClusterNotFoundFault',
      404,
    );
  });
});

describe('emulator: RDS (large)', function () {
  this.timeout(30_000);
  const h = useEmulator('large');

  it('136 clusters: DescribeDBClusters pages at 100', async () => {
    const { items, pages } = await allClusters(h.rds());
    assert.deepEqual(pages, [100, 36]);
    assert.deepEqual(
      items.map((c) => c.DBClusterIdentifier),
      regionData(h.data, 'us-east-1').clusters.map((c) => c.identifier),
    );
    assert.equal(items.filter((c) => c.DBClusterIdentifier!.startsWith('bulk-')).length, 130);
  });

  it('big-backtracks has exactly 2,000 backtracks (20 pages of 100)', async () => {
    const { items, pages } = await allBacktracks(h.rds(), { DBClusterIdentifier: 'big-backtracks' }, 100);
    assert.equal(items.length, 2_000);
    assert.equal(pages.length, 20);
    assert.deepEqual(ids(items), ids(regionData(h.data, 'us-east-1').backtracks.filter((b) => b.clusterIdentifier === 'big-backtracks')));
    const failed = await allBacktracks(
      h.rds(),
      { DBClusterIdentifier: 'big-backtracks', Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['failed'] }] },
      100,
    );
    assert.equal(
      failed.items.length,
      regionData(h.data, 'us-east-1').backtracks.filter((b) => b.clusterIdentifier === 'big-backtracks' && b.status === 'FAILED').length,
    );
  });
});
