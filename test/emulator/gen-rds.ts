/** Deterministic Aurora clusters and backtracks for the emulator's data sets. */
import { ACCOUNT_ID, BacktrackRecord, BacktrackStatus, ClusterRecord } from './model';
import { Rng } from './prng';
import { DAY, HOUR, MINUTE, SECOND } from './time';

const RESOURCE_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

type ClusterSpec = Pick<ClusterRecord, 'identifier' | 'engine' | 'engineVersion' | 'engineMode'> & {
  backtrackWindow?: number;
  ageDays: number;
  status?: string;
};

export function clusterArn(region: string, identifier: string): string {
  return `arn:aws:rds:${region}:${ACCOUNT_ID}:cluster:${identifier}`;
}

export function makeCluster(region: string, spec: ClusterSpec, now: number, rng: Rng): ClusterRecord {
  let resourceId = 'cluster-';
  for (let i = 0; i < 26; i++) {
    resourceId += RESOURCE_ID_CHARS[rng.int(0, RESOURCE_ID_CHARS.length - 1)];
  }
  const mysql = spec.engine === 'aurora-mysql';
  const cluster: ClusterRecord = {
    identifier: spec.identifier,
    arn: clusterArn(region, spec.identifier),
    resourceId,
    engine: spec.engine,
    engineVersion: spec.engineVersion,
    engineMode: spec.engineMode,
    status: spec.status ?? 'available',
    createdMs: now - spec.ageDays * DAY - rng.int(0, 20 * HOUR),
    port: mysql ? 3306 : 5432,
    masterUsername: 'admin',
    databaseName: spec.identifier.replace(/-/g, '_'),
    availabilityZones: [`${region}a`, `${region}b`, `${region}c`],
    multiAZ: spec.engineMode === 'provisioned',
    storageEncrypted: true,
    deletionProtection: rng.chance(0.5),
  };
  if (spec.backtrackWindow !== undefined) {
    cluster.backtrackWindow = spec.backtrackWindow;
    if (spec.backtrackWindow > 0) {
      // The actual window is usually a little shorter than the target while change records build up.
      cluster.earliestBacktrackMs = now - spec.backtrackWindow * SECOND + rng.int(0, 45) * MINUTE;
      cluster.backtrackConsumedChangeRecords = rng.int(150_000, 9_000_000);
    }
  }
  return cluster;
}

/** Whether DescribeDBClusterBacktracks works for this cluster (otherwise InvalidParameterCombination). */
export function supportsBacktrack(cluster: ClusterRecord): boolean {
  return cluster.engine === 'aurora-mysql' && cluster.engineMode === 'provisioned' && (cluster.backtrackWindow ?? 0) > 0;
}

/**
 * Backtracks newest first. Invariant: BacktrackTo < BacktrackedFrom < BacktrackRequestCreationTime,
 * and BacktrackTo lies within the cluster's window of the request time.
 * `statusAt(i)` chooses the status of the i-th newest backtrack.
 */
export function makeBacktracks(
  cluster: ClusterRecord,
  count: number,
  spanMs: number,
  now: number,
  rng: Rng,
  statusAt: (index: number) => BacktrackStatus,
): BacktrackRecord[] {
  const windowMs = (cluster.backtrackWindow ?? 0) * SECOND;
  const spacing = Math.floor(spanMs / count);
  const out: BacktrackRecord[] = [];
  for (let i = 0; i < count; i++) {
    // The newest one stays within minutes of `now` so an in-flight status looks plausible.
    const jitter = i === 0 ? rng.int(0, 5 * MINUTE) : rng.int(0, Math.max(0, spacing - 2 * MINUTE));
    const requestCreatedMs = now - 10 * MINUTE - i * spacing - jitter;
    const backtrackedFromMs = requestCreatedMs - rng.int(200, 25 * SECOND);
    const rewindMs = rng.int(30 * SECOND, Math.max(31 * SECOND, Math.floor(windowMs * 0.9)));
    out.push({
      clusterIdentifier: cluster.identifier,
      backtrackIdentifier: rng.uuid(),
      backtrackToMs: backtrackedFromMs - rewindMs,
      backtrackedFromMs,
      requestCreatedMs,
      status: statusAt(i),
    });
  }
  return out;
}

export function sortBacktracks(list: BacktrackRecord[]): BacktrackRecord[] {
  return list.sort((a, b) => b.requestCreatedMs - a.requestCreatedMs || (a.backtrackIdentifier < b.backtrackIdentifier ? -1 : 1));
}

export const ORDERS_BACKTRACKS = 12;
export const ANALYTICS_BACKTRACKS = 45;
export const BIG_BACKTRACKS = 2_000;
export const BULK_CLUSTERS = 130;

export function demoRds(region: string, now: number): { clusters: ClusterRecord[]; backtracks: BacktrackRecord[] } {
  const rng = new Rng(`${region}/rds/demo`);
  const orders = makeCluster(
    region,
    {
      identifier: 'orders-aurora',
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      engineMode: 'provisioned',
      backtrackWindow: 86_400,
      ageDays: 380,
    },
    now,
    rng,
  );
  const analytics = makeCluster(
    region,
    {
      identifier: 'analytics-aurora',
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      engineMode: 'provisioned',
      backtrackWindow: 259_200,
      ageDays: 220,
    },
    now,
    rng,
  );
  const legacy = makeCluster(
    region,
    {
      identifier: 'legacy-no-backtrack',
      engine: 'aurora-mysql',
      engineVersion: '5.7.mysql_aurora.2.11.2',
      engineMode: 'provisioned',
      backtrackWindow: 0,
      ageDays: 1400,
    },
    now,
    rng,
  );
  const pg = makeCluster(
    region,
    { identifier: 'pg-reporting', engine: 'aurora-postgresql', engineVersion: '15.4', engineMode: 'provisioned', ageDays: 95 },
    now,
    rng,
  );
  const serverless = makeCluster(
    region,
    { identifier: 'serverless-v1', engine: 'aurora-mysql', engineVersion: '5.7.mysql_aurora.2.08.3', engineMode: 'serverless', ageDays: 900 },
    now,
    rng,
  );

  // orders-aurora: newest is PENDING, then one APPLYING, one FAILED in the middle, the rest COMPLETED.
  const ordersStatus = (i: number): BacktrackStatus => (i === 0 ? 'PENDING' : i === 1 ? 'APPLYING' : i === 5 ? 'FAILED' : 'COMPLETED');
  const analyticsStatus = (i: number): BacktrackStatus => (i === 7 || i === 23 || i === 38 ? 'FAILED' : 'COMPLETED');
  const backtracks = [
    ...makeBacktracks(orders, ORDERS_BACKTRACKS, 30 * DAY, now, rng, ordersStatus),
    ...makeBacktracks(analytics, ANALYTICS_BACKTRACKS, 90 * DAY, now, rng, analyticsStatus),
  ];
  const clusters = [orders, analytics, legacy, pg, serverless].sort((a, b) => (a.identifier < b.identifier ? -1 : 1));
  return { clusters, backtracks: sortBacktracks(backtracks) };
}

export function euRds(region: string, now: number): { clusters: ClusterRecord[]; backtracks: BacktrackRecord[] } {
  const rng = new Rng(`${region}/rds/eu`);
  const cluster = makeCluster(
    region,
    {
      identifier: 'eu-orders-aurora',
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      engineMode: 'provisioned',
      backtrackWindow: 43_200,
      ageDays: 60,
    },
    now,
    rng,
  );
  return { clusters: [cluster], backtracks: makeBacktracks(cluster, 3, 7 * DAY, now, rng, () => 'COMPLETED') };
}

/**
 * large: bulk-0001…bulk-0130 (every 10th is aurora-mysql with a 1 h window and no backtracks,
 * the others alternate engines with backtrack off) plus big-backtracks with 2,000 backtracks.
 */
export function largeRds(region: string, now: number): { clusters: ClusterRecord[]; backtracks: BacktrackRecord[] } {
  const rng = new Rng(`${region}/rds/large`);
  const clusters: ClusterRecord[] = [];
  for (let i = 1; i <= BULK_CLUSTERS; i++) {
    const identifier = `bulk-${String(i).padStart(4, '0')}`;
    const spec: ClusterSpec =
      i % 10 === 0
        ? { identifier, engine: 'aurora-mysql', engineVersion: '8.0.mysql_aurora.3.04.1', engineMode: 'provisioned', backtrackWindow: 3_600, ageDays: 30 + i }
        : i % 2 === 0
          ? { identifier, engine: 'aurora-postgresql', engineVersion: '16.2', engineMode: 'provisioned', ageDays: 30 + i }
          : { identifier, engine: 'aurora-mysql', engineVersion: '8.0.mysql_aurora.3.04.1', engineMode: 'provisioned', backtrackWindow: 0, ageDays: 30 + i };
    clusters.push(makeCluster(region, spec, now, rng));
  }
  const big = makeCluster(
    region,
    {
      identifier: 'big-backtracks',
      engine: 'aurora-mysql',
      engineVersion: '8.0.mysql_aurora.3.05.2',
      engineMode: 'provisioned',
      backtrackWindow: 259_200,
      ageDays: 500,
    },
    now,
    rng,
  );
  clusters.push(big);
  const backtracks = makeBacktracks(big, BIG_BACKTRACKS, 365 * DAY, now, rng, (i) => (i % 97 === 3 ? 'FAILED' : 'COMPLETED'));
  return { clusters, backtracks };
}
