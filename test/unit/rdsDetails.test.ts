import * as assert from 'node:assert/strict';
import type { DBCluster, DBClusterBacktrack } from '../../src/rds/api';
import { backtrackDocument, backtrackTimeline } from '../../src/rds/backtrackDetails.lazy';
import { backtrackKey } from '../../src/rds/backtrackFormat';
import { backtrackStatus, backtrackSupport, clusterDescription, clusterIdentifier, rewoundText, windowText } from '../../src/rds/backtrackFormat';
import { localDateTime } from '../../src/shared/format';
import type { TimelineBlock } from '../../src/shared/protocol';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const arn = 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora';

const cluster: DBCluster = {
  DBClusterIdentifier: 'orders-aurora',
  DBClusterArn: arn,
  Engine: 'aurora-mysql',
  EngineVersion: '8.0.mysql_aurora.3.05.2',
  EngineMode: 'provisioned',
  Status: 'available',
  BacktrackWindow: 86_400,
  EarliestBacktrackTime: new Date(now - 23 * HOUR),
  BacktrackConsumedChangeRecords: 1_234_567,
};

function backtrack(id: string, fromHoursAgo: number, rewindMs: number, status: string): DBClusterBacktrack {
  const from = now - fromHoursAgo * HOUR;
  return {
    DBClusterIdentifier: 'orders-aurora',
    BacktrackIdentifier: id,
    BacktrackedFrom: new Date(from),
    BacktrackTo: new Date(from - rewindMs),
    BacktrackRequestCreationTime: new Date(from + 5_000),
    Status: status,
  };
}

const loaded = [
  backtrack('00000000-0000-4000-8000-000000000001', 1, HOUR + 5 * 60_000, 'PENDING'),
  backtrack('00000000-0000-4000-8000-000000000002', 3, 30 * 60_000, 'applying'),
  backtrack('00000000-0000-4000-8000-000000000003', 10, 4 * HOUR, 'FAILED'),
  backtrack('00000000-0000-4000-8000-000000000004', 20, 2 * HOUR, 'Completed'),
];

describe('rds formatting', () => {
  it('says how far a backtrack rewound', () => {
    assert.equal(rewoundText(loaded[0]), 'rewound 1 h 5 min');
    assert.equal(rewoundText(loaded[1]), 'rewound 30 min');
    assert.equal(rewoundText({ BacktrackedFrom: new Date(now), BacktrackTo: new Date(now - 3 * 86_400_000 - 2 * HOUR) }), 'rewound 3 d 2 h');
    assert.equal(rewoundText({ BacktrackedFrom: new Date(now), BacktrackTo: new Date(now - 42_000) }), 'rewound 42 s');
    assert.equal(rewoundText({ BacktrackedFrom: new Date(now) }), undefined);
  });

  it('compares statuses case-insensitively', () => {
    assert.deepEqual(backtrackStatus('COMPLETED'), { tone: 'ok', icon: 'pass', words: 'completed' });
    assert.deepEqual(backtrackStatus('completed'), { tone: 'ok', icon: 'pass', words: 'completed' });
    assert.equal(backtrackStatus(' Applying ').icon, 'loading~spin');
    assert.equal(backtrackStatus('APPLYING').tone, 'progress');
    assert.equal(backtrackStatus('PENDING').tone, 'progress');
    assert.deepEqual(backtrackStatus('Failed'), { tone: 'error', icon: 'error', color: 'errorForeground', words: 'failed' });
    assert.deepEqual(backtrackStatus('ROLLING_BACK'), { tone: 'info', icon: 'history', words: 'rolling back' });
    assert.deepEqual(backtrackStatus(undefined), { tone: 'info', icon: 'history', words: 'status unknown' });
    assert.equal(backtrackStatus('__proto__').tone, 'info');
  });

  it('states the window in hours', () => {
    assert.equal(windowText(86_400), '24 h');
    assert.equal(windowText(259_200), '72 h');
    assert.equal(windowText(3_600), '1 h');
    assert.equal(windowText(5_400), '1 h 30 min');
  });

  it('tells which clusters can backtrack, and why the others cannot', () => {
    assert.deepEqual(backtrackSupport(cluster), { enabled: true });
    assert.deepEqual(backtrackSupport({ ...cluster, BacktrackWindow: 0 }), { enabled: false, reason: 'backtrack not enabled' });
    assert.deepEqual(backtrackSupport({ ...cluster, BacktrackWindow: undefined }), { enabled: false, reason: 'backtrack not enabled' });
    assert.deepEqual(backtrackSupport({ ...cluster, Engine: 'aurora-postgresql', BacktrackWindow: undefined }), {
      enabled: false,
      reason: 'engine does not support backtrack',
    });
    assert.deepEqual(backtrackSupport({ ...cluster, EngineMode: 'serverless', BacktrackWindow: undefined }), {
      enabled: false,
      reason: 'engine does not support backtrack',
    });
  });

  it('describes a cluster with engine, version, window and earliest backtrack time', () => {
    const earliest = localDateTime(cluster.EarliestBacktrackTime!);
    assert.equal(clusterDescription(cluster), `aurora-mysql 8.0.mysql_aurora.3.05.2 · window 24 h · earliest ${earliest}`);
    assert.equal(
      clusterDescription({ ...cluster, Engine: 'aurora-postgresql', EngineVersion: '15.4', BacktrackWindow: undefined }),
      'aurora-postgresql 15.4 · engine does not support backtrack',
    );
    assert.equal(clusterIdentifier({ DBClusterArn: arn }), 'orders-aurora');
  });

  it('formats local date-times for labels', () => {
    const d = new Date(2026, 0, 2, 3, 4, 5);
    assert.equal(localDateTime(d), '2026-01-02 03:04:05');
  });
});

describe('rds backtrack timeline and details document', () => {
  const shown = loaded[2];

  it('draws the window as a band ending now and one arrow per loaded backtrack, the shown one highlighted', () => {
    const t = backtrackTimeline(shown, cluster, loaded, now);
    assert.equal(t.kind, 'timeline');
    assert.deepEqual(t.band && { from: t.band.from, to: t.band.to }, { from: now - 86_400_000, to: now });
    assert.match(t.band!.label, /24 h/);
    const arrows = t.items.filter((i) => i.shape === 'arrow');
    assert.equal(arrows.length, loaded.length);
    assert.equal(t.items.length, loaded.length, 'nothing but arrows');
    for (const [i, b] of loaded.entries()) {
      assert.equal(arrows[i].from, b.BacktrackedFrom!.getTime(), 'from BacktrackedFrom');
      assert.equal(arrows[i].to, b.BacktrackTo!.getTime(), 'to BacktrackTo');
      assert.ok(arrows[i].title.includes(b.BacktrackIdentifier!), 'hover title names the backtrack');
      assert.ok(arrows[i].title.includes(b.Status!));
    }
    assert.deepEqual(
      arrows.filter((a) => a.highlighted).map((a) => a.id),
      [`backtrack:${shown.BacktrackIdentifier}`],
    );
    assert.deepEqual(
      arrows.map((a) => a.tone),
      ['progress', 'progress', 'error', 'ok'],
    );
    assert.equal(new Set(arrows.map((a) => a.id)).size, arrows.length, 'ids are unique');
    for (const a of arrows) {
      assert.ok(t.start <= Math.min(a.from, a.to) && Math.max(a.from, a.to) <= t.end, 'every arrow is inside the axis');
    }
    assert.ok(t.start <= t.band!.from && t.end >= now);
    assert.match(t.summary, /4 loaded backtracks/);
  });

  it('draws the shown backtrack even when it is not among the loaded ones, and each backtrack once', () => {
    const other = backtrack('00000000-0000-4000-8000-000000000009', 2, HOUR, 'COMPLETED');
    const t = backtrackTimeline(other, cluster, [...loaded, loaded[0]], now);
    assert.equal(t.items.length, loaded.length + 1);
    assert.equal(t.items.filter((i) => i.highlighted).length, 1);
  });

  it('has no band when the window is unknown, and skips backtracks it cannot place', () => {
    const t = backtrackTimeline(shown, undefined, [...loaded, { BacktrackIdentifier: 'x', Status: 'PENDING' }], now);
    assert.equal(t.band, undefined);
    assert.equal(t.items.length, loaded.length);
  });

  it('holds every backtrack field, the cluster context, the timeline and the raw JSON', () => {
    const doc = backtrackDocument(shown, cluster, loaded, now);
    const text = JSON.stringify(doc);
    for (const expected of [
      shown.BacktrackIdentifier!,
      'FAILED',
      'Backtracked to',
      'Backtracked from',
      'Rewound',
      '4 h',
      'Requested',
      'orders-aurora',
      arn,
      'Backtrack window (target)',
      '24 h',
      'Earliest backtrack time',
      'Consumed change records',
      '1,234,567',
      'Raw JSON',
    ]) {
      assert.ok(text.includes(expected), `document shows ${expected}`);
    }
    assert.ok(!text.includes('undefined'), 'no "undefined" anywhere');
    assert.deepEqual(doc.status, { text: 'FAILED', tone: 'error' });
    const timeline = doc.blocks.find((b): b is TimelineBlock => b.kind === 'timeline');
    assert.equal(timeline?.items.length, loaded.length);
    const raw = doc.blocks.find((b) => b.kind === 'code');
    assert.deepEqual(JSON.parse(raw && raw.kind === 'code' ? raw.text : '{}'), JSON.parse(JSON.stringify(shown)));
  });

  it('says so when the cluster context is missing', () => {
    const doc = backtrackDocument(shown, undefined, loaded, now);
    assert.ok(doc.blocks.some((b) => b.kind === 'notice' && b.id === 'cluster'));
    assert.ok(!JSON.stringify(doc).includes('undefined'));
  });

  it('keys a backtrack by cluster ARN and identifier', () => {
    assert.equal(backtrackKey(arn, 'abc'), `${arn}/abc`);
  });
});
