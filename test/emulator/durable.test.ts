import * as assert from 'node:assert/strict';
import {
  Event,
  GetDurableExecutionCommand,
  InvokeCommand,
  LambdaClient,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
  paginateGetDurableExecutionHistory,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
} from '@aws-sdk/client-lambda';
import { SAMPLE_FUNCTIONS } from '../durable/functions/catalog';
import type { LiveExecutionSummary } from './control';
import { expectAwsError, useEmulator } from './helpers';

/** 600 virtual seconds a second: the order's 10-minute cool-off takes one second. */
const TIME_SCALE = 600;
const encoder = new TextEncoder();

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function history(client: LambdaClient, arn: string, pageSize: number): Promise<{ events: Event[]; pages: number }> {
  const events: Event[] = [];
  let pages = 0;
  for await (const page of paginateGetDurableExecutionHistory({ client, pageSize }, { DurableExecutionArn: arn })) {
    pages++;
    events.push(...(page.Events ?? []));
  }
  return { events, pages };
}

async function invoke(client: LambdaClient, functionName: string, name: string, input: unknown): Promise<string> {
  const out = await client.send(
    new InvokeCommand({
      FunctionName: functionName,
      Qualifier: '$LATEST',
      InvocationType: 'Event',
      DurableExecutionName: name,
      Payload: encoder.encode(JSON.stringify(input)),
    }),
  );
  assert.equal(out.StatusCode, 202);
  assert.ok(out.DurableExecutionArn, 'Invoke returns the execution ARN');
  return out.DurableExecutionArn;
}

describe('emulator: real durable functions (LocalDurableTestRunner)', function () {
  this.timeout(60_000);
  const h = useEmulator('demo', { durable: { timeScale: TIME_SCALE } });
  const input = (name: string) => SAMPLE_FUNCTIONS.find((f) => f.name === name)!.sampleInput;
  const summary = (arn: string) => async (): Promise<LiveExecutionSummary | undefined> => (await h.control.durableExecutions()).find((e) => e.arn === arn);
  const whenStatus = (arn: string, status: string) => async () => {
    const e = await summary(arn)();
    return e?.status === status ? e : undefined;
  };

  it('lists the sample functions as durable functions next to the generated ones', async () => {
    const out = await h.lambda().send(new ListFunctionsCommand({}));
    const durable = (out.Functions ?? []).filter((f) => f.DurableConfig).map((f) => f.FunctionName);
    for (const sample of SAMPLE_FUNCTIONS) {
      assert.ok(durable.includes(sample.name), `${sample.name} is listed as durable`);
    }
  });

  it('Invoke with DurableExecutionName starts a real execution that runs to SUCCEEDED; its history pages with markers', async () => {
    const client = h.lambda();
    const arn = await invoke(client, 'weekly-report', 'report-w1', input('weekly-report'));
    assert.match(arn, /^arn:aws:lambda:us-east-1:123456789012:function:weekly-report:\$LATEST\/durable-execution\/report-w1\/[0-9a-f-]{36}$/);
    const listed = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'weekly-report' }));
    assert.deepEqual(
      listed.DurableExecutions?.map((e) => e.DurableExecutionArn),
      [arn],
    );
    await eventually('the report to succeed', whenStatus(arn, 'SUCCEEDED'));

    const got = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    assert.equal(got.Status, 'SUCCEEDED');
    assert.equal(got.InputPayload, JSON.stringify(input('weekly-report')));
    assert.deepEqual(JSON.parse(got.Result ?? ''), { week: '2026-W49', url: 'reports/2026-W49.pdf', polls: 3, orders: 1284 });

    const whole = await history(client, arn, 1000);
    const paged = await history(client, arn, 4);
    assert.equal(paged.pages, Math.ceil(whole.events.length / 4));
    assert.deepEqual(paged.events, whole.events);
    assert.deepEqual(
      whole.events.map((e) => e.EventId),
      whole.events.map((_, i) => i + 1),
    );
    assert.equal(whole.events.at(-1)?.EventType, 'ExecutionSucceeded');
    // The 10-minute wait really lasted 10 minutes of emulator time.
    const waited = whole.events.find((e) => e.EventType === 'WaitStarted' && e.Name === 'wait-for-warehouse-sync');
    assert.equal(waited?.WaitStartedDetails?.Duration, 600);
    assert.ok(whole.events.some((e) => e.SubType === 'WaitForCondition'));
  });

  it('Invoke is idempotent by name: same input → same execution, other input → DurableExecutionAlreadyStartedException', async () => {
    const client = h.lambda();
    const first = await invoke(client, 'data-export', 'export-idem', { table: 'A', batches: 1 });
    assert.equal(await invoke(client, 'data-export', 'export-idem', { table: 'A', batches: 1 }), first);
    await expectAwsError(invoke(client, 'data-export', 'export-idem', { table: 'B', batches: 1 }), 'DurableExecutionAlreadyStartedException', 409);
    await expectAwsError(
      client.send(new InvokeCommand({ FunctionName: 'data-export', DurableExecutionName: 'x' })),
      'InvalidParameterValueException',
      400,
      /qualified/,
    );
    await client.send(new StopDurableExecutionCommand({ DurableExecutionArn: first }));
  });

  it('a pending approval waits until SendDurableExecutionCallbackSuccess answers it; then the order and its chained payment finish', async () => {
    const client = h.lambda();
    const arn = await invoke(client, 'order-processor', 'order-cb', input('order-processor'));
    const pending = await eventually('the approval callback', async () => (await summary(arn)())?.pendingCallbackIds[0]);
    assert.equal((await summary(arn)())?.status, 'RUNNING');
    await client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: pending }));
    await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: pending, Result: encoder.encode('{"approvedBy":"test"}') }));
    await eventually('the order to succeed', whenStatus(arn, 'SUCCEEDED'));
    await expectAwsError(
      client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: pending, Result: encoder.encode('{}') })),
      'CallbackTimeoutException',
      400,
    );

    const { events } = await history(client, arn, 1000);
    const callback = events.find((e) => e.EventType === 'CallbackSucceeded');
    assert.equal(callback?.CallbackSucceededDetails?.Result?.Payload, '{"approvedBy":"test"}');
    assert.ok(events.some((e) => e.EventType === 'ChainedInvokeSucceeded' && e.Name === 'charge-payment'));
    const payments = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'payment-processor' }));
    assert.ok(
      payments.DurableExecutions?.some((e) => e.DurableExecutionName === 'order-cb-payment-processor' && e.Status === 'SUCCEEDED'),
      'the chained payment ran as its own execution',
    );
  });

  it('SendDurableExecutionCallbackFailure fails the waiting order', async () => {
    const client = h.lambda();
    const arn = await invoke(client, 'order-processor', 'order-rejected', input('order-processor'));
    const pending = await eventually('the approval callback', async () => (await summary(arn)())?.pendingCallbackIds[0]);
    await client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: pending, Error: { ErrorType: 'Rejected', ErrorMessage: 'over budget' } }));
    await eventually('the order to fail', whenStatus(arn, 'FAILED'));
    const { events } = await history(client, arn, 1000);
    assert.ok(events.some((e) => e.EventType === 'CallbackFailed'));
    assert.equal(events.at(-1)?.EventType, 'ExecutionFailed');
  });

  it('StopDurableExecution really stops a RUNNING execution: STOPPED, ExecutionStopped last, nothing after it', async () => {
    const client = h.lambda();
    const arn = await invoke(client, 'data-export', 'export-stop', input('data-export'));
    await eventually('the first pause', async () => ((await history(client, arn, 1000)).events.some((e) => e.EventType === 'WaitStarted') ? true : undefined));
    const stopped = await client.send(
      new StopDurableExecutionCommand({ DurableExecutionArn: arn, Error: { ErrorType: 'Maintenance', ErrorMessage: 'stopped by the test' } }),
    );
    assert.ok(stopped.StopTimestamp);
    const before = await history(client, arn, 1000);
    assert.equal(before.events.at(-1)?.EventType, 'ExecutionStopped');
    // The pause is 6 hours: 36 real seconds here. Two seconds later, still nothing new has happened.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual((await history(client, arn, 1000)).events, before.events);
    const got = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    assert.equal(got.Status, 'STOPPED');
    assert.equal(got.Error?.ErrorMessage, 'stopped by the test');
    await expectAwsError(client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn })), 'InvalidParameterValueException', 400);
  });

  it('an execution that outlives its ExecutionTimeout ends TIMED_OUT; a failing one ends FAILED with the real error', async () => {
    const client = h.lambda();
    const timedOut = await invoke(client, 'data-import', 'import-t', input('data-import'));
    const failed = await invoke(client, 'inventory-sync', 'feed-f', input('inventory-sync'));
    await eventually('the import to time out', whenStatus(timedOut, 'TIMED_OUT'));
    await eventually('the feed to fail', whenStatus(failed, 'FAILED'));
    assert.equal((await history(client, timedOut, 1000)).events.at(-1)?.EventType, 'ExecutionTimedOut');
    const got = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: failed }));
    assert.equal(got.Error?.ErrorType, 'UnknownSkuError');
    assert.equal(got.Error?.ErrorMessage, 'Feed acme-2026-12-03 row 2: unknown SKU "SKU-404"');
  });

  it('refuses what the API refuses before touching the execution: a malformed callback id, a result over 256 KB, an async payload over 1 MB', async () => {
    const client = h.lambda();
    const arn = await invoke(client, 'order-processor', 'order-limits', input('order-processor'));
    const pending = await eventually('the approval callback', async () => (await summary(arn)())?.pendingCallbackIds[0]);
    await expectAwsError(client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: 'not a callback id!' })), 'ValidationException', 400);
    await expectAwsError(
      client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: pending, Result: encoder.encode(JSON.stringify('x'.repeat(262_144))) })),
      'ValidationException',
      400,
    );
    assert.deepEqual((await summary(arn)())?.pendingCallbackIds, [pending], 'the callback still waits');
    await expectAwsError(
      client.send(
        new InvokeCommand({
          FunctionName: 'order-processor',
          Qualifier: '$LATEST',
          InvocationType: 'Event',
          DurableExecutionName: 'too-big',
          Payload: encoder.encode(JSON.stringify({ pad: 'x'.repeat(1_048_576) })),
        }),
      ),
      'RequestTooLargeException',
      413,
    );
    assert.equal(
      (await h.control.durableExecutions()).some((e) => e.name === 'too-big'),
      false,
      'nothing started',
    );
    await client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: pending, Error: { ErrorType: 'Cleanup' } }));
  });

  it('access denied (fault injection) for the callback operations and Invoke leaves the execution as it was', async () => {
    const client = h.lambda();
    const arn = await invoke(client, 'order-processor', 'order-denied', input('order-processor'));
    const pending = await eventually('the approval callback', async () => (await summary(arn)())?.pendingCallbackIds[0]);
    for (const operation of ['SendDurableExecutionCallbackSuccess', 'SendDurableExecutionCallbackFailure', 'SendDurableExecutionCallbackHeartbeat', 'Invoke']) {
      await h.control.fault({ operation, kind: 'accessDenied' });
    }
    await expectAwsError(
      client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: pending, Result: encoder.encode('{}') })),
      'AccessDeniedException',
      403,
    );
    await expectAwsError(client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: pending })), 'AccessDeniedException', 403);
    await expectAwsError(client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: pending })), 'AccessDeniedException', 403);
    await expectAwsError(
      client.send(
        new InvokeCommand({
          FunctionName: 'order-processor',
          Qualifier: '$LATEST',
          InvocationType: 'Event',
          DurableExecutionName: 'denied-start',
          Payload: encoder.encode('{}'),
        }),
      ),
      'AccessDeniedException',
      403,
    );
    assert.deepEqual((await summary(arn)())?.pendingCallbackIds, [pending], 'the callback still waits');
    const [logged] = await h.control
      .requests({ operation: 'Invoke', sinceSeq: 0 })
      .then((all) => all.filter((r) => r.headerParams?.['x-amz-durable-execution-name'] === 'order-denied'));
    assert.equal(logged?.headerParams?.['x-amz-invocation-type'], 'Event', 'Invoke logs its header parameters');
    await client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: pending, Error: { ErrorType: 'Cleanup' } }));
  });
});
