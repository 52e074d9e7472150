import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type { ErrorObject, Execution, FunctionConfiguration, GetDurableExecutionResponse, HistoryEvent } from '../aws/sdk/lambda';
import type { Page } from '../tree/pagedList';
import { executionListRequest, type ExecutionFilters } from './filters';

export type { ErrorObject, Execution, FunctionConfiguration, GetDurableExecutionResponse, HistoryEvent };

/** One ListFunctions page (all functions; the view decides which to show). */
export async function listFunctionsPage(
  clients: ClientFactory,
  marker: string | undefined,
  pageSize: number,
  signal?: AbortSignal,
  connection?: Connection,
): Promise<Page<FunctionConfiguration>> {
  const { client, sdk } = await clients.get('lambda', signal, connection);
  const output = await client.send(new sdk.ListFunctionsCommand({ Marker: marker, MaxItems: pageSize }), { abortSignal: signal });
  return { items: output.Functions ?? [], nextToken: output.NextMarker };
}

/** One ListDurableExecutionsByFunction page. Every filter goes to the API; nothing is filtered locally. */
export async function listExecutionsPage(
  clients: ClientFactory,
  functionName: string,
  marker: string | undefined,
  pageSize: number,
  filters: ExecutionFilters,
  reverseOrder: boolean | undefined,
  signal: AbortSignal,
  connection?: Connection,
): Promise<Page<Execution>> {
  const { client, sdk } = await clients.get('lambda', signal, connection);
  const output = await client.send(
    new sdk.ListDurableExecutionsByFunctionCommand({
      FunctionName: functionName,
      ...executionListRequest(filters),
      // Chosen by ExecutionOrderSemantics from the requested order and what this endpoint did before.
      ReverseOrder: reverseOrder,
      Marker: marker,
      MaxItems: pageSize,
    }),
    { abortSignal: signal },
  );
  return { items: output.DurableExecutions ?? [], nextToken: output.NextMarker };
}

export async function getExecution(
  clients: ClientFactory,
  arn: string,
  includeData: boolean,
  signal?: AbortSignal,
  connection?: Connection,
): Promise<GetDurableExecutionResponse> {
  const { client, sdk } = await clients.get('lambda', signal, connection);
  return client.send(new sdk.GetDurableExecutionCommand({ DurableExecutionArn: arn, IncludeExecutionData: includeData }), {
    abortSignal: signal,
  });
}

/** What answers a pending callback: a result (raw JSON text), an error, or a heartbeat that keeps it alive. */
export type CallbackAnswer =
  { readonly kind: 'success'; readonly result: string } | { readonly kind: 'failure'; readonly error: ErrorObject } | { readonly kind: 'heartbeat' };

/** The list item a GetDurableExecution response stands for (to refresh a row in place). */
export function toExecution(d: GetDurableExecutionResponse, previous?: Execution): Execution {
  return {
    DurableExecutionArn: d.DurableExecutionArn ?? previous?.DurableExecutionArn,
    DurableExecutionName: d.DurableExecutionName ?? previous?.DurableExecutionName,
    FunctionArn: d.FunctionArn ?? previous?.FunctionArn,
    Status: d.Status ?? previous?.Status,
    StartTimestamp: d.StartTimestamp ?? previous?.StartTimestamp,
    EndTimestamp: d.EndTimestamp ?? previous?.EndTimestamp,
    KMSKeyArn: d.DurableConfig?.KMSKeyArn ?? previous?.KMSKeyArn,
  };
}
