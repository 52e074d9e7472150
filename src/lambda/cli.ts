import type { CliCommand } from '../actions/cliCommand';
import type { ListCli } from '../tree/listSource';
import type { ExecutionFilters } from './filters';

/**
 * Durable executions as the AWS CLI and Export… see them, next to the filters: the same parameters
 * listExecutionsPage sends (statuses as JSON, which the CLI takes for any list parameter).
 */

/** Execution's fields as the API names them (CSV header, in this order). */
export const executionExportColumns = [
  'DurableExecutionArn',
  'DurableExecutionName',
  'FunctionArn',
  'Status',
  'StartTimestamp',
  'EndTimestamp',
  'KMSKeyArn',
] as const;

/**
 * `reverseOrder` is the value the view sends for the order it shows (ExecutionOrderSemantics: it depends on
 * how the endpoint reads the flag), so the command lists in the same order.
 */
export function executionListCli(functionName: string, f: ExecutionFilters, reverseOrder: boolean | undefined): ListCli {
  const args: ([string] | [string, string])[] = [['--function-name', functionName]];
  if (f.qualifier) {
    args.push(['--qualifier', f.qualifier]);
  }
  if (f.name) {
    args.push(['--durable-execution-name', f.name]);
  }
  if (f.statuses && f.statuses.length > 0) {
    args.push(['--statuses', JSON.stringify(f.statuses)]);
  }
  if (f.after) {
    args.push(['--started-after', new Date(f.after).toISOString()]);
  }
  if (f.before) {
    args.push(['--started-before', new Date(f.before).toISOString()]);
  }
  if (reverseOrder !== undefined) {
    args.push([reverseOrder ? '--reverse-order' : '--no-reverse-order']);
  }
  return { command: { service: 'lambda', operation: 'list-durable-executions-by-function', args }, client: 'lambda', inputToken: 'Marker' };
}

export function getExecutionCli(durableExecutionArn: string): CliCommand {
  return { service: 'lambda', operation: 'get-durable-execution', args: [['--durable-execution-arn', durableExecutionArn]] };
}
