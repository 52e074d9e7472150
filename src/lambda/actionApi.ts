/**
 * Requests only the lazy chunks send (the actions, the details panel's history): kept out of api.ts, which the
 * main bundle holds for the lists, so activation does not carry them.
 */
import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type { Page } from '../tree/pagedList';
import type { CallbackAnswer, ErrorObject, HistoryEvent } from './api';

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
