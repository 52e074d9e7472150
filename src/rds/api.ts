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
  const output = await client.send(
    new sdk.DescribeDBClustersCommand({ DBClusterIdentifier: filters.cluster, MaxRecords: pageSize, Marker: token }),
    { abortSignal: signal },
  );
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
  const [backtracks, clusters] = await Promise.all([
    client.send(new sdk.DescribeDBClusterBacktracksCommand({ DBClusterIdentifier: clusterIdentifier, BacktrackIdentifier: backtrackId }), {
      abortSignal: signal,
    }),
    client.send(new sdk.DescribeDBClustersCommand({ DBClusterIdentifier: clusterIdentifier }), { abortSignal: signal }),
  ]);
  return { backtrack: backtracks.DBClusterBacktracks?.[0], cluster: clusters.DBClusters?.[0] };
}

/** MaxRecords' range for both operations. */
export function clampRdsPageSize(size: number): number {
  return Math.min(100, Math.max(20, Math.floor(size)));
}
