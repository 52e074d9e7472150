import type { CliCommand } from '../actions/cliCommand';
import type { ListCli } from '../tree/listSource';
import { backtrackApiFilters, type BacktrackFilters } from './filters';

/**
 * Aurora backtracks as the AWS CLI and Export… see them, next to the filters: the same parameters
 * listBacktracksPage sends, `Filters` as JSON (the CLI takes JSON for any list or structure parameter).
 */

/** DBClusterBacktrack's fields as the API names them (CSV header, in this order). */
export const backtrackExportColumns = [
  'DBClusterIdentifier',
  'BacktrackIdentifier',
  'BacktrackTo',
  'BacktrackedFrom',
  'BacktrackRequestCreationTime',
  'Status',
] as const;

export function backtrackListCli(clusterIdentifier: string, f: BacktrackFilters): ListCli {
  const args: [string, string][] = [['--db-cluster-identifier', clusterIdentifier]];
  if (f.backtrackId) {
    args.push(['--backtrack-identifier', f.backtrackId]);
  }
  const filters = backtrackApiFilters(f);
  if (filters) {
    args.push(['--filters', JSON.stringify(filters)]);
  }
  return { command: { service: 'rds', operation: 'describe-db-cluster-backtracks', args }, client: 'rds', inputToken: 'Marker' };
}

export function describeBacktrackCli(clusterIdentifier: string, backtrackId: string): CliCommand {
  return {
    service: 'rds',
    operation: 'describe-db-cluster-backtracks',
    args: [
      ['--db-cluster-identifier', clusterIdentifier],
      ['--backtrack-identifier', backtrackId],
    ],
  };
}
