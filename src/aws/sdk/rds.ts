// Runtime chunk: see core.ts.
export { RDSClient, BacktrackDBClusterCommand, DescribeDBClustersCommand, DescribeDBClusterBacktracksCommand } from '@aws-sdk/client-rds';
export type { DBCluster, DBClusterBacktrack, Filter } from '@aws-sdk/client-rds';
