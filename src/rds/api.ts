import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type { DBCluster, DBClusterBacktrack } from '../aws/sdk/rds';
import type { Page } from '../tree/pagedList';
import { backtrackApiFilters, type BacktrackFilters } from './filters';

export type { DBCluster, DBClusterBacktrack };

/** One DescribeDBClusters page; a cluster filter narrows it to that cluster (identifier or ARN). */
export async function listClustersPage(
  clients: ClientFactory,
  token: string | undefined,
  pageSize: number,
  filters: BacktrackFilters,
  signal: AbortSignal,
  connection?: Connection,
): Promise<Page<DBCluster>> {
  const { client, sdk } = await clients.get('rds', signal, connection);
  const output = await client.send(new sdk.DescribeDBClustersCommand({ DBClusterIdentifier: filters.cluster, MaxRecords: pageSize, Marker: token }), {
    abortSignal: signal,
  });
  return { items: output.DBClusters ?? [], nextToken: output.Marker };
}

/** One DescribeDBClusterBacktracks page of one cluster. Every filter goes to the API. */
export async function listBacktracksPage(
  clients: ClientFactory,
  clusterIdentifier: string,
  token: string | undefined,
  pageSize: number,
  filters: BacktrackFilters,
  signal: AbortSignal,
  connection?: Connection,
): Promise<Page<DBClusterBacktrack>> {
  const { client, sdk } = await clients.get('rds', signal, connection);
  const output = await client.send(
    new sdk.DescribeDBClusterBacktracksCommand({
      DBClusterIdentifier: clusterIdentifier,
      BacktrackIdentifier: filters.backtrackId,
      Filters: backtrackApiFilters(filters),
      MaxRecords: pageSize,
      Marker: token,
    }),
    { abortSignal: signal },
  );
  return { items: output.DBClusterBacktracks ?? [], nextToken: output.Marker };
}

/** One backtrack and its cluster, fresh, for the details panel. */
export async function describeBacktrack(
  clients: ClientFactory,
  clusterIdentifier: string,
  backtrackId: string,
  signal: AbortSignal,
  connection?: Connection,
): Promise<{ backtrack: DBClusterBacktrack | undefined; cluster: DBCluster | undefined }> {
  const { client, sdk } = await clients.get('rds', signal, connection);
  const [backtrack, clusters] = await Promise.all([
    describeOneBacktrack(clients, clusterIdentifier, backtrackId, signal, connection),
    client.send(new sdk.DescribeDBClustersCommand({ DBClusterIdentifier: clusterIdentifier }), { abortSignal: signal }),
  ]);
  return { backtrack, cluster: clusters.DBClusters?.[0] };
}

/** MaxRecords' range for both operations. */
export function clampRdsPageSize(size: number): number {
  return Math.min(100, Math.max(20, Math.floor(size)));
}

/** BacktrackDBCluster: AWS answers with the new backtrack (PENDING). The flags are sent only when set. */
export async function backtrackCluster(
  clients: ClientFactory,
  request: { cluster: string; backtrackTo: Date; force: boolean; useEarliestTime: boolean },
  signal?: AbortSignal,
): Promise<DBClusterBacktrack> {
  const { client, sdk } = await clients.get('rds', signal);
  return client.send(
    new sdk.BacktrackDBClusterCommand({
      DBClusterIdentifier: request.cluster,
      BacktrackTo: request.backtrackTo,
      ...(request.force ? { Force: true } : {}),
      ...(request.useEarliestTime ? { UseEarliestTimeOnPointInTimeUnavailable: true } : {}),
    }),
    { abortSignal: signal },
  );
}

/** One backtrack by identifier (polling a new one); undefined when AWS no longer lists it. */
export async function describeOneBacktrack(
  clients: ClientFactory,
  clusterIdentifier: string,
  backtrackId: string,
  signal: AbortSignal,
  connection?: Connection,
): Promise<DBClusterBacktrack | undefined> {
  const { client, sdk } = await clients.get('rds', signal, connection);
  const output = await client.send(new sdk.DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: clusterIdentifier, BacktrackIdentifier: backtrackId }), {
    abortSignal: signal,
  });
  return output.DBClusterBacktracks?.[0];
}
