import * as assert from 'node:assert/strict';
import { BacktrackDBClusterCommand, DescribeDBClusterBacktracksCommand, DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { regionData } from './data';
import { expectAwsError, NOW, useEmulator } from './helpers';
import { MINUTE } from './time';

describe('emulator: RDS BacktrackDBCluster', function () {
  this.timeout(20_000);
  const h = useEmulator('demo');
  const orders = () => regionData(h.data, 'us-east-1').clusters.find((c) => c.identifier === 'orders-aurora')!;

  afterEach(async () => {
    await h.control.reset();
  });

  it('records a PENDING backtrack from now back to the time, which advances to APPLYING and COMPLETED on later describes', async () => {
    const client = h.rds();
    const to = new Date(NOW - 10 * MINUTE);
    const out = await client.send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackTo: to, Force: false }));
    assert.equal(out.Status, 'PENDING');
    assert.equal(out.DBClusterIdentifier, 'orders-aurora');
    assert.equal(out.BacktrackTo?.getTime(), to.getTime());
    assert.ok(out.BacktrackIdentifier && /^[0-9a-f-]{36}$/.test(out.BacktrackIdentifier));
    assert.ok(out.BacktrackedFrom && out.BacktrackedFrom.getTime() >= NOW, 'backtracked from the emulator clock');
    assert.equal(out.BacktrackRequestCreationTime?.getTime(), out.BacktrackedFrom.getTime());

    const describe = async () =>
      (await client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackIdentifier: out.BacktrackIdentifier })))
        .DBClusterBacktracks?.[0]?.Status;
    assert.equal(await describe(), 'PENDING');
    assert.equal(await describe(), 'APPLYING');
    assert.equal(await describe(), 'COMPLETED');
    assert.equal(await describe(), 'COMPLETED', 'final');

    const all = await client.send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora' }));
    assert.equal(all.DBClusterBacktracks?.[0]?.BacktrackIdentifier, out.BacktrackIdentifier, 'the new backtrack is listed first');
    assert.equal(all.DBClusterBacktracks?.length, 13);
  });

  it('sends the flags as the wire form and logs the request', async () => {
    await h.control.clearRequests();
    await h.rds().send(
      new BacktrackDBClusterCommand({
        DBClusterIdentifier: 'orders-aurora',
        BacktrackTo: new Date(NOW - MINUTE),
        Force: true,
        UseEarliestTimeOnPointInTimeUnavailable: true,
      }),
    );
    const log = await h.control.requests({ service: 'rds', operation: 'BacktrackDBCluster' });
    assert.equal(log.length, 1);
    const params = log[0].params as Record<string, string>;
    assert.equal(params.DBClusterIdentifier, 'orders-aurora');
    assert.equal(params.Force, 'true');
    assert.equal(params.UseEarliestTimeOnPointInTimeUnavailable, 'true');
    assert.equal(Date.parse(params.BacktrackTo), NOW - MINUTE);
  });

  it('refuses a time before EarliestBacktrackTime with InvalidParameterValue, or uses the earliest time when asked', async () => {
    const client = h.rds();
    const earliest = orders().earliestBacktrackMs!;
    const tooEarly = new Date(earliest - MINUTE);
    await expectAwsError(
      client.send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackTo: tooEarly })),
      'InvalidParameterValue',
      400,
      /earlier than the earliest backtrack time/,
    );
    const out = await client.send(
      new BacktrackDBClusterCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackTo: tooEarly, UseEarliestTimeOnPointInTimeUnavailable: true }),
    );
    assert.equal(out.BacktrackTo?.getTime(), earliest);
  });

  it('refuses a time in the future with InvalidParameterValue', async () => {
    await expectAwsError(
      h.rds().send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackTo: new Date(NOW + 60 * MINUTE) })),
      'InvalidParameterValue',
      400,
      /in the future/,
    );
  });

  it('refuses clusters without backtracking with InvalidParameterCombination, and unknown clusters with DBClusterNotFoundFault', async () => {
    const client = h.rds();
    for (const id of ['legacy-no-backtrack', 'pg-reporting', 'serverless-v1']) {
      await expectAwsError(
        client.send(new BacktrackDBClusterCommand({ DBClusterIdentifier: id, BacktrackTo: new Date(NOW - MINUTE) })),
        'InvalidParameterCombination',
        400,
        /does not support Backtrack/,
      );
    }
    await expectAwsError(
      client.send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'nope', BacktrackTo: new Date(NOW - MINUTE) })),
      'DBClusterNotFoundFault',
      404,
    );
    await expectAwsError(
      client.send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'bad--id', BacktrackTo: new Date(NOW - MINUTE) })),
      'InvalidParameterValue',
      400,
    );
  });

  it('answers AccessDenied naming rds:BacktrackDBCluster when the fault is injected, and records nothing', async () => {
    await h.control.fault({ operation: 'BacktrackDBCluster', kind: 'accessDenied' });
    await expectAwsError(
      h.rds().send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackTo: new Date(NOW - MINUTE) })),
      'AccessDenied',
      403,
      /rds:BacktrackDBCluster/,
    );
    const all = await h.rds().send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora' }));
    assert.equal(all.DBClusterBacktracks?.length, 12);
  });

  it('reset drops the backtracks made', async () => {
    await h.rds().send(new BacktrackDBClusterCommand({ DBClusterIdentifier: 'orders-aurora', BacktrackTo: new Date(NOW - MINUTE) }));
    await h.control.reset();
    const all = await h.rds().send(new DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: 'orders-aurora' }));
    assert.equal(all.DBClusterBacktracks?.length, 12);
    const clusters = await h.rds().send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'orders-aurora' }));
    assert.equal(clusters.DBClusters?.[0]?.Status, 'available');
  });
});
