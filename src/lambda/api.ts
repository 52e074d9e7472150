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

/** One GetDurableExecutionHistory page, oldest event first, with payloads. */
export async function getHistoryPage(
  clients: ClientFactory,
  arn: string,
  marker: string | undefined,
  pageSize: number,
  signal?: AbortSignal,
  connection?: Connection,
): Promise<Page<HistoryEvent>> {
  const { client, sdk } = await clients.get('lambda', signal, connection);
  const output = await client.send(
    new sdk.GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true, Marker: marker, MaxItems: pageSize }),
    { abortSignal: signal },
  );
  return { items: output.Events ?? [], nextToken: output.NextMarker };
}

/** StopDurableExecution; `reason` becomes the execution's error (omitted: AWS's default reason). */
export async function stopExecution(
  clients: ClientFactory,
  arn: string,
  reason: ErrorObject | undefined,
  signal: AbortSignal,
  connection?: Connection,
): Promise<Date | undefined> {
  const { client, sdk } = await clients.get('lambda', signal, connection);
  const output = await client.send(new sdk.StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: reason }), { abortSignal: signal });
  return output.StopTimestamp;
}

/** What answers a pending callback: a result (raw JSON text), an error, or a heartbeat that keeps it alive. */
export type CallbackAnswer =
  { readonly kind: 'success'; readonly result: string } | { readonly kind: 'failure'; readonly error: ErrorObject } | { readonly kind: 'heartbeat' };

export async function answerCallback(clients: ClientFactory, callbackId: string, answer: CallbackAnswer, signal: AbortSignal): Promise<void> {
  const { client, sdk } = await clients.get('lambda', signal);
  switch (answer.kind) {
    case 'success':
      await client.send(new sdk.SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode(answer.result) }), {
        abortSignal: signal,
      });
      return;
    case 'failure':
      await client.send(new sdk.SendDurableExecutionCallbackFailureCommand({ CallbackId: callbackId, Error: answer.error }), { abortSignal: signal });
      return;
    case 'heartbeat':
      await client.send(new sdk.SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId }), { abortSignal: signal });
      return;
  }
}

/**
 * Invoke of a durable function, asynchronously (`Event`): the execution runs on after the call returns.
 * Returns the new execution's ARN (the `X-Amz-Durable-Execution-Arn` header), when AWS sends it.
 */
export async function startDurableExecution(
  clients: ClientFactory,
  request: { readonly functionName: string; readonly qualifier: string; readonly name: string; readonly input: string },
  signal: AbortSignal,
): Promise<string | undefined> {
  const { client, sdk } = await clients.get('lambda', signal);
  const output = await client.send(
    new sdk.InvokeCommand({
      FunctionName: request.functionName,
      Qualifier: request.qualifier,
      InvocationType: 'Event',
      DurableExecutionName: request.name,
      Payload: new TextEncoder().encode(request.input),
    }),
    { abortSignal: signal },
  );
  return output.DurableExecutionArn;
}

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
