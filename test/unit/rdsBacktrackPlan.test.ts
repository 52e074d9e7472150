import * as assert from 'node:assert/strict';
import { formatCliCommand } from '../../src/actions/cliCommand';
import type { DBCluster } from '../../src/rds/api';
import { backtrackClusterAction, backtrackDocument, backtrackToAction } from '../../src/rds/backtrackDetails.lazy';
import { backtrackCli, backtrackOptions, backtrackPlan, backtrackWindowOf, timeBefore, validateBacktrackTime } from '../../src/rds/backtrackPlan';
import type { TimelineBlock } from '../../src/shared/protocol';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const earliest = new Date(now - 20 * HOUR);
const cluster: DBCluster = {
  DBClusterIdentifier: 'orders-aurora',
  DBClusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora',
  Engine: 'aurora-mysql',
  EngineMode: 'provisioned',
  BacktrackWindow: 86_400,
  EarliestBacktrackTime: earliest,
};
const window = { earliest, latest: new Date(now) };

describe('Backtrack Cluster: rules and plan', () => {
  it('opens the actual window [EarliestBacktrackTime, now], and refuses clusters that cannot backtrack with the reason', () => {
    assert.deepEqual(backtrackWindowOf(cluster, now), { window });
    const off = backtrackWindowOf({ ...cluster, BacktrackWindow: 0 }, now);
    assert.ok('problem' in off && /cannot be backtracked: backtrack not enabled/.test(off.problem));
    const pg = backtrackWindowOf({ ...cluster, Engine: 'aurora-postgresql' }, now);
    assert.ok('problem' in pg && /engine does not support backtrack/.test(pg.problem));
    const noEarliest = backtrackWindowOf({ ...cluster, EarliestBacktrackTime: undefined }, now);
    assert.ok('problem' in noEarliest && /no earliest backtrack time/.test(noEarliest.problem));
  });

  it('accepts times inside the window, its ends included, and refuses the future and before the earliest time', () => {
    assert.equal(validateBacktrackTime(earliest, window), undefined);
    assert.equal(validateBacktrackTime(new Date(now), window), undefined);
    assert.equal(validateBacktrackTime(new Date(now - HOUR), window), undefined);
    assert.match(validateBacktrackTime(new Date(now + 1000), window) ?? '', /in the future/);
    assert.match(
      validateBacktrackTime(new Date(earliest.getTime() - 1000), window) ?? '',
      /before the earliest backtrack time 2026-11-21T16:00:00Z \(actual window 20 h\)/,
    );
    assert.equal(validateBacktrackTime(new Date(earliest.getTime() - 1000), window, true), undefined, 'allowed with "use earliest time"');
    assert.match(validateBacktrackTime(new Date(Number.NaN), window) ?? '', /not a time/);
  });

  it('"Backtrack to Before This" starts one second before the backtrack began, else before its target', () => {
    const from = new Date(now - HOUR);
    assert.equal(timeBefore({ BacktrackedFrom: from, BacktrackTo: new Date(now - 2 * HOUR) })?.getTime(), from.getTime() - 1000);
    assert.equal(timeBefore({ BacktrackTo: new Date(now - 2 * HOUR) })?.getTime(), now - 2 * HOUR - 1000);
    assert.equal(timeBefore({}), undefined);
  });

  it('offers Force and "use earliest time" with one line each', () => {
    const options = backtrackOptions();
    assert.deepEqual(
      options.map((o) => o.key),
      ['force', 'useEarliestTime'],
    );
    for (const o of options) {
      assert.ok(o.detail.length > 20 && !o.detail.includes('\n'));
    }
  });

  it('gives the exact CLI command, flags only when set', () => {
    const connection = { profile: 'prod', profileExplicit: true, region: 'us-east-1' };
    const request = { cluster: 'orders-aurora', backtrackTo: new Date(now - HOUR), force: false, useEarliestTime: false };
    assert.equal(
      formatCliCommand(backtrackCli(request), { connection }),
      'aws rds backtrack-db-cluster --db-cluster-identifier orders-aurora --backtrack-to 2026-11-22T11:00:00Z --region us-east-1 --profile prod',
    );
    assert.equal(
      formatCliCommand(backtrackCli({ ...request, force: true, useEarliestTime: true }), { connection }),
      'aws rds backtrack-db-cluster --db-cluster-identifier orders-aurora --backtrack-to 2026-11-22T11:00:00Z --force --use-earliest-time-on-point-in-time-unavailable --region us-east-1 --profile prod',
    );
  });

  it('plans a disruptive action: says what happens, names the cluster, and asks for its identifier to be typed', () => {
    const plan = backtrackPlan({ cluster: 'orders-aurora', backtrackTo: new Date(now - 15 * MINUTE), force: true, useEarliestTime: false }, now);
    assert.equal(plan.title, 'Backtrack cluster orders-aurora to 2026-11-22T11:45:00Z?');
    assert.equal(plan.typeToConfirm, 'orders-aurora');
    assert.deepEqual(plan.resources, ['orders-aurora']);
    assert.equal(plan.client, 'rds');
    assert.equal(plan.confirmLabel, 'Backtrack');
    const text = plan.details.join('\n');
    assert.match(text, /rewinds in place to 2026-11-22T11:45:00Z .*about 15 min ago/);
    assert.match(text, /after that time is lost/);
    assert.match(text, /briefly unavailable/);
    assert.match(text, /Force/);
    assert.doesNotMatch(text, /earliest backtrack time is used/);
    assert.equal(plan.cli.length, 1);
  });
});

describe('Backtrack details: choosing a time on the timeline', () => {
  const shown = {
    DBClusterIdentifier: 'orders-aurora',
    BacktrackIdentifier: '2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f',
    BacktrackedFrom: new Date(now - HOUR),
    BacktrackTo: new Date(now - 2 * HOUR),
    Status: 'COMPLETED',
  };

  it('offers the actual window as a pick on the timeline, declared as a target action, and a header action', () => {
    const doc = backtrackDocument(shown, cluster, [shown], now);
    const timeline = doc.blocks.find((b): b is TimelineBlock => b.kind === 'timeline');
    assert.deepEqual(timeline?.pick && { ...timeline.pick, label: undefined }, {
      actionId: backtrackToAction,
      from: earliest.getTime(),
      to: now,
      label: undefined,
    });
    assert.ok(timeline && timeline.start <= earliest.getTime() && timeline.end >= now);
    assert.deepEqual(doc.targetActions, [backtrackToAction]);
    assert.deepEqual(
      doc.actions.map((a) => a.id),
      [backtrackClusterAction],
    );
  });

  it('offers no pick without a cluster that can backtrack', () => {
    for (const c of [undefined, { ...cluster, BacktrackWindow: 0 }]) {
      const doc = backtrackDocument(shown, c, [shown], now);
      assert.equal(doc.blocks.find((b): b is TimelineBlock => b.kind === 'timeline')?.pick, undefined);
      assert.deepEqual(doc.actions, []);
      assert.deepEqual(doc.targetActions, []);
    }
  });
});
