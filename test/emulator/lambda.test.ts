import * as assert from 'node:assert/strict';
import {
  Event,
  Execution,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  GetFunctionCommand,
  LambdaClient,
  ListDurableExecutionsByFunctionCommand,
  ListDurableExecutionsByFunctionCommandInput,
  ListFunctionsCommand,
  paginateGetDurableExecutionHistory,
  paginateListDurableExecutionsByFunction,
  paginateListFunctions,
  StopDurableExecutionCommand,
} from '@aws-sdk/client-lambda';
import { buildHistory, ExecutionRecord, ExecutionStatus, regionData } from './data';
import { BIG_FUNCTION_EMPTY_PAGE_OFFSET } from './gen-lambda';
import { DRIFT_UNKNOWN_TYPES } from './gen-drift';
import { DAY, HOUR } from './time';
import { expectAwsError, sameTime, useEmulator } from './helpers';

async function allExecutions(
  client: LambdaClient,
  input: ListDurableExecutionsByFunctionCommandInput,
  pageSize?: number,
): Promise<{ items: Execution[]; pages: number[]; markers: string[] }> {
  const items: Execution[] = [];
  const pages: number[] = [];
  const markers: string[] = [];
  for await (const page of paginateListDurableExecutionsByFunction(pageSize ? { client, pageSize } : { client }, input)) {
    pages.push(page.DurableExecutions?.length ?? 0);
    items.push(...(page.DurableExecutions ?? []));
    if (page.NextMarker) {
      markers.push(page.NextMarker);
    }
  }
  return { items, pages, markers };
}

async function allEvents(client: LambdaClient, arn: string, pageSize?: number, reverse?: boolean): Promise<{ events: Event[]; pages: number }> {
  const events: Event[] = [];
  let pages = 0;
  const input = reverse === undefined ? { DurableExecutionArn: arn } : { DurableExecutionArn: arn, ReverseOrder: reverse };
  for await (const page of paginateGetDurableExecutionHistory(pageSize ? { client, pageSize } : { client }, input)) {
    pages++;
    events.push(...(page.Events ?? []));
  }
  return { events, pages };
}

const arns = (list: Array<Execution | ExecutionRecord>) => list.map((e) => ('arn' in e ? e.arn : (e.DurableExecutionArn ?? '')));

const TERMINAL: Record<ExecutionStatus, string | undefined> = {
  RUNNING: undefined,
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  STOPPED: 'ExecutionStopped',
};

describe('emulator: Lambda (demo)', function () {
  this.timeout(20_000);
  const h = useEmulator('demo');
  const us = () => regionData(h.data, 'us-east-1');
  const executionsOf = (fn: string) => us().executions.filter((e) => e.functionName === fn);

  afterEach(() => h.control.reset());

  it('ListFunctions lists the five demo functions with DurableConfig on the durable ones', async () => {
    const items = [];
    for await (const page of paginateListFunctions({ client: h.lambda() }, {})) {
      items.push(...(page.Functions ?? []));
    }
    assert.deepEqual(
      items.map((f) => f.FunctionName),
      ['auth-authorizer', 'image-resize', 'nightly-report', 'order-workflow', 'payment-saga'],
    );
    const ow = items.find((f) => f.FunctionName === 'order-workflow')!;
    assert.deepEqual(ow.DurableConfig, { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 });
    assert.equal(ow.FunctionArn, 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow');
    assert.ok(ow.Runtime && ow.Handler && ow.MemorySize && ow.Timeout && ow.Description);
    assert.match(ow.LastModified!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    assert.equal(items.find((f) => f.FunctionName === 'image-resize')!.DurableConfig, undefined);
    await expectAwsError(h.lambda().send(new ListFunctionsCommand({ MaxItems: 0 })), 'InvalidParameterValueException', 400);
    const got = await h.lambda().send(new GetFunctionCommand({ FunctionName: 'payment-saga', Qualifier: '2' }));
    assert.equal(got.Configuration?.FunctionArn, 'arn:aws:lambda:us-east-1:123456789012:function:payment-saga:2');
    assert.equal(got.Configuration?.DurableConfig?.ExecutionTimeout, 3_600);
    await expectAwsError(h.lambda().send(new GetFunctionCommand({ FunctionName: 'missing' })), 'ResourceNotFoundException', 404);
  });

  it('lists executions newest first (default 100 per page) with every status and several versions', async () => {
    const { items, pages } = await allExecutions(h.lambda(), { FunctionName: 'order-workflow' });
    const truth = executionsOf('order-workflow');
    assert.equal(truth.length, 60);
    assert.deepEqual(pages, [60]);
    assert.deepEqual(arns(items), arns(truth));
    assert.deepEqual(new Set(items.map((e) => e.Status)), new Set(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED']));
    assert.deepEqual(new Set(truth.map((e) => e.version)), new Set(['$LATEST', '$LATEST.PUBLISHED', '3', '4', '5']));
    const running = items.find((e) => e.Status === 'RUNNING')!;
    assert.equal(running.EndTimestamp, undefined);
    const done = items.find((e) => e.Status === 'SUCCEEDED')!;
    sameTime(done.EndTimestamp, truth.find((e) => e.arn === done.DurableExecutionArn)!.endMs, 'EndTimestamp');
    assert.equal((await allExecutions(h.lambda(), { FunctionName: 'nightly-report' })).items.length, 0);
    assert.equal((await allExecutions(h.lambda(), { FunctionName: 'payment-saga' })).items.length, 15);
  });

  it('filters: Statuses, Qualifier, DurableExecutionName, StartedAfter/Before, ReverseOrder', async () => {
    const client = h.lambda();
    const truth = executionsOf('order-workflow');
    const statuses = await allExecutions(client, { FunctionName: 'order-workflow', Statuses: ['FAILED', 'TIMED_OUT'] });
    assert.deepEqual(arns(statuses.items), arns(truth.filter((e) => e.status === 'FAILED' || e.status === 'TIMED_OUT')));
    assert.equal(statuses.items.length, 12);
    for (const qualifier of ['$LATEST', '$LATEST.PUBLISHED', '4']) {
      const r = await allExecutions(client, { FunctionName: 'order-workflow', Qualifier: qualifier });
      assert.deepEqual(arns(r.items), arns(truth.filter((e) => e.version === qualifier)), qualifier);
      assert.ok(r.items.length > 0);
    }
    const viaArn = await allExecutions(client, { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5' });
    assert.deepEqual(arns(viaArn.items), arns(truth.filter((e) => e.version === '5')), 'qualifier taken from a qualified ARN');
    const named = truth[7];
    const byName = await allExecutions(client, { FunctionName: 'order-workflow', DurableExecutionName: named.name });
    assert.deepEqual(arns(byName.items), [named.arn]);
    assert.equal(
      (await allExecutions(client, { FunctionName: 'order-workflow', DurableExecutionName: named.name.slice(0, 8) })).items.length,
      0,
      'exact match only',
    );
    const pivot = truth[20];
    const after = await allExecutions(client, { FunctionName: 'order-workflow', StartedAfter: new Date(pivot.startMs) });
    assert.deepEqual(arns(after.items), arns(truth.slice(0, 21)), 'StartedAfter is inclusive');
    const before = await allExecutions(client, { FunctionName: 'order-workflow', StartedBefore: new Date(pivot.startMs) });
    assert.deepEqual(arns(before.items), arns(truth.slice(21)), 'StartedBefore is exclusive');
    const window = await allExecutions(client, {
      FunctionName: 'order-workflow',
      StartedAfter: new Date(h.data.now - 7 * DAY),
      StartedBefore: new Date(h.data.now - 1 * DAY),
      Statuses: ['SUCCEEDED'],
    });
    assert.deepEqual(
      arns(window.items),
      arns(truth.filter((e) => e.status === 'SUCCEEDED' && e.startMs >= h.data.now - 7 * DAY && e.startMs < h.data.now - DAY)),
    );
    const oldest = await allExecutions(client, { FunctionName: 'order-workflow', ReverseOrder: true }, 25);
    assert.deepEqual(oldest.pages, [25, 25, 10]);
    assert.deepEqual(arns(oldest.items), arns(truth.slice().reverse()));
  });

  it('validation: MaxItems, Statuses, names, qualifiers, unknown function', async () => {
    const client = h.lambda();
    const send = (input: ListDurableExecutionsByFunctionCommandInput) => client.send(new ListDurableExecutionsByFunctionCommand(input));
    await expectAwsError(send({ FunctionName: 'order-workflow', MaxItems: 1001 }), 'InvalidParameterValueException', 400);
    await expectAwsError(send({ FunctionName: 'order-workflow', MaxItems: -1 }), 'InvalidParameterValueException', 400);
    await expectAwsError(send({ FunctionName: 'order-workflow', Statuses: ['DONE' as ExecutionStatus] }), 'InvalidParameterValueException', 400);
    await expectAwsError(send({ FunctionName: 'order-workflow', DurableExecutionName: 'has space' }), 'ValidationException', 400);
    await expectAwsError(send({ FunctionName: 'order-workflow', DurableExecutionName: 'x'.repeat(65) }), 'ValidationException', 400);
    await expectAwsError(send({ FunctionName: 'order-workflow', Qualifier: 'bad.qualifier' }), 'ValidationException', 400);
    await expectAwsError(send({ FunctionName: 'no-such-function' }), 'ResourceNotFoundException', 404, /Function not found/);
    const zero = await send({ FunctionName: 'order-workflow', MaxItems: 0 });
    assert.equal(zero.DurableExecutions?.length, 60, 'MaxItems 0 means the default of 100');
  });

  it('NextMarker is opaque base64 and bound to the filters that produced it', async () => {
    const client = h.lambda();
    const first = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', MaxItems: 10, Statuses: ['SUCCEEDED'] }));
    const marker = first.NextMarker!;
    assert.match(marker, /^[A-Za-z0-9+/]+==$/);
    const second = await client.send(
      new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', MaxItems: 10, Statuses: ['SUCCEEDED'], Marker: marker }),
    );
    assert.equal(second.DurableExecutions?.length, 10);
    await expectAwsError(
      client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', Marker: marker })),
      'InvalidParameterValueException',
      400,
      /Invalid marker/,
    );
    await expectAwsError(
      client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'payment-saga', Statuses: ['SUCCEEDED'], Marker: marker })),
      'InvalidParameterValueException',
      400,
    );
    await expectAwsError(
      client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', Statuses: ['SUCCEEDED'], Marker: 'AAAA' })),
      'InvalidParameterValueException',
      400,
    );
    const tampered = marker.slice(0, 10) + (marker[10] === 'A' ? 'B' : 'A') + marker.slice(11);
    await expectAwsError(
      client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', Statuses: ['SUCCEEDED'], Marker: tampered })),
      'InvalidParameterValueException',
      400,
    );
  });

  it('GetDurableExecution: payloads per status, Version, TraceHeader, DurableConfig', async () => {
    const client = h.lambda();
    for (const status of ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'] as const) {
      const truth = executionsOf('order-workflow').find((e) => e.status === status)!;
      const d = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: truth.arn }));
      assert.equal(d.Status, status);
      assert.equal(d.DurableExecutionName, truth.name);
      assert.equal(d.Version, truth.version);
      assert.equal(d.FunctionArn, `${truth.functionArn}:${truth.version}`);
      assert.doesNotThrow(() => JSON.parse(d.InputPayload!), 'InputPayload is JSON');
      assert.match(d.TraceHeader?.XAmznTraceId ?? '', /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$/);
      assert.deepEqual(d.DurableConfig, { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 });
      assert.equal(d.ExecutionDataIncluded, true);
      sameTime(d.StartTimestamp, truth.startMs, 'start');
      sameTime(d.EndTimestamp, truth.endMs, 'end');
      assert.equal(d.Result !== undefined, status === 'SUCCEEDED', `${status} has Result only when SUCCEEDED`);
      if (status === 'RUNNING' || status === 'SUCCEEDED') {
        assert.equal(d.Error, undefined);
      } else {
        assert.ok(d.Error?.ErrorMessage && d.Error.ErrorType && Array.isArray(d.Error.StackTrace), `${status} has an Error`);
      }
    }
    const failed = executionsOf('order-workflow').find((e) => e.status === 'FAILED' && e.variant === 0)!;
    const lean = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: failed.arn, IncludeExecutionData: false }));
    assert.equal(lean.InputPayload, undefined);
    assert.equal(lean.ExecutionDataIncluded, false);
    assert.equal(lean.Error?.ErrorData, undefined);
    assert.ok(lean.Error?.ErrorMessage);
  });

  it('GetDurableExecution errors: unknown ARN → 404, malformed ARN → ValidationException', async () => {
    const client = h.lambda();
    const unknown = 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:$LATEST/durable-execution/nope/00000000-0000-4000-8000-000000000000';
    await expectAwsError(client.send(new GetDurableExecutionCommand({ DurableExecutionArn: unknown })), 'ResourceNotFoundException', 404);
    await expectAwsError(client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: unknown })), 'ResourceNotFoundException', 404);
    await expectAwsError(
      client.send(new GetDurableExecutionCommand({ DurableExecutionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow' })),
      'ValidationException',
      400,
    );
  });

  it('history: sequential EventIds, one details field per event, terminal event matches the status', async () => {
    const client = h.lambda();
    for (const exec of us().executions) {
      const { events } = await allEvents(client, exec.arn, 1000);
      assert.deepEqual(
        events.map((e) => e.EventId),
        events.map((_, i) => i + 1),
        `${exec.name} EventIds`,
      );
      assert.equal(events[0].EventType, 'ExecutionStarted');
      for (const e of events) {
        const detailKeys = Object.keys(e).filter((k) => k.endsWith('Details'));
        assert.deepEqual(detailKeys, [`${e.EventType}Details`], `event ${e.EventId} of ${exec.name}`);
      }
      const last = events[events.length - 1];
      const terminal = TERMINAL[exec.status];
      if (terminal) {
        assert.equal(last.EventType, terminal, exec.name);
        sameTime(last.EventTimestamp, exec.endMs, `${exec.name} terminal time`);
      } else {
        assert.ok(!events.some((e) => e.EventType?.startsWith('Execution') && e.EventType !== 'ExecutionStarted'), 'RUNNING has no terminal event');
      }
      for (let i = 1; i < events.length; i++) {
        assert.ok(events[i].EventTimestamp! >= events[i - 1].EventTimestamp!, 'chronological');
      }
    }
  });

  it('history has retries, child contexts linked by ParentId, and all 24 event types across the demo', async () => {
    const types = new Set<string>();
    for (const exec of us().executions) {
      for (const e of buildHistory(exec)) {
        types.add(e.EventType);
      }
    }
    assert.equal(types.size, 24);
    const success = executionsOf('order-workflow').find((e) => e.status === 'SUCCEEDED')!;
    const { events } = await allEvents(h.lambda(), success.arn);
    const ids = new Set(events.map((e) => e.Id));
    const children = events.filter((e) => e.ParentId);
    assert.ok(children.length > 0);
    assert.ok(
      children.every((e) => ids.has(e.ParentId)),
      'every ParentId points at an operation',
    );
    const subTypes = new Set(events.map((e) => e.SubType));
    for (const s of ['Map', 'MapIteration', 'Parallel', 'ParallelBranch', 'RunInChildContext', 'Step', 'Wait', 'WaitForCallback', 'ChainedInvoke']) {
      assert.ok(subTypes.has(s), s);
    }
    const retried = us()
      .executions.flatMap((e) => buildHistory(e))
      .find((e) => e.EventType === 'StepFailed' && (e.details['RetryDetails'] as { NextAttemptDelaySeconds?: number }).NextAttemptDelaySeconds);
    assert.ok(retried, 'some step failed and was retried');
  });

  it('history paging, ReverseOrder and IncludeExecutionData=false', async () => {
    const client = h.lambda();
    const exec = executionsOf('order-workflow').find((e) => e.status === 'SUCCEEDED')!;
    const forward = await allEvents(client, exec.arn, 5);
    const expected = buildHistory(exec).length;
    assert.equal(forward.events.length, expected);
    assert.equal(forward.pages, Math.ceil(expected / 5));
    const backward = await allEvents(client, exec.arn, 7, true);
    assert.deepEqual(
      backward.events.map((e) => e.EventId),
      forward.events.map((e) => e.EventId).reverse(),
    );
    const lean = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: exec.arn, IncludeExecutionData: false }));
    assert.equal(lean.Events?.[0]?.ExecutionStartedDetails?.Input?.Payload, undefined);
    const full = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: exec.arn }));
    assert.ok(full.Events?.[0]?.ExecutionStartedDetails?.Input?.Payload);
    const wait = full.Events.find((e) => e.EventType === 'WaitStarted')!;
    assert.ok(wait.WaitStartedDetails?.ScheduledEndTimestamp instanceof Date);
    const inv = full.Events.find((e) => e.EventType === 'InvocationCompleted')!;
    assert.ok(inv.InvocationCompletedDetails!.StartTimestamp! <= inv.InvocationCompletedDetails!.EndTimestamp!);
  });

  it('StopDurableExecution stops a RUNNING execution; a finished one is refused; reset undoes it', async () => {
    const client = h.lambda();
    const running = executionsOf('order-workflow').find((e) => e.status === 'RUNNING')!;
    const out = await client.send(
      new StopDurableExecutionCommand({ DurableExecutionArn: running.arn, Error: { ErrorType: 'Manual', ErrorMessage: 'stopped from a test' } }),
    );
    assert.ok(out.StopTimestamp instanceof Date && out.StopTimestamp.getTime() > running.lastEventMs);
    const d = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: running.arn }));
    assert.equal(d.Status, 'STOPPED');
    assert.equal(d.Error?.ErrorMessage, 'stopped from a test');
    sameTime(d.EndTimestamp, out.StopTimestamp.getTime(), 'EndTimestamp = StopTimestamp');
    const { events } = await allEvents(client, running.arn);
    assert.equal(events[events.length - 1].EventType, 'ExecutionStopped');
    const stoppedList = await allExecutions(client, { FunctionName: 'order-workflow', Statuses: ['STOPPED'] });
    assert.ok(arns(stoppedList.items).includes(running.arn));
    await expectAwsError(
      client.send(new StopDurableExecutionCommand({ DurableExecutionArn: running.arn })),
      'InvalidParameterValueException',
      400,
      /not running/,
    );
    await h.control.reset();
    assert.equal((await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: running.arn }))).Status, 'RUNNING');
  });

  it('scopes functions and executions by region', async () => {
    const eu = h.lambda('eu-west-1');
    const fns = await eu.send(new ListFunctionsCommand({}));
    assert.deepEqual(
      fns.Functions?.map((f) => f.FunctionName),
      ['eu-order-workflow'],
    );
    assert.equal((await allExecutions(eu, { FunctionName: 'eu-order-workflow' })).items.length, 3);
    await expectAwsError(eu.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow' })), 'ResourceNotFoundException', 404);
    assert.equal((await h.lambda('us-west-2').send(new ListFunctionsCommand({}))).Functions?.length, 0);
  });
});

describe('emulator: Lambda (large)', function () {
  this.timeout(40_000);
  const h = useEmulator('large');
  const us = () => regionData(h.data, 'us-east-1');

  it('ListFunctions pages 50 at a time through 1,106 functions', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListFunctions({ client: h.lambda(), pageSize: 1000 }, {})) {
      pages++;
      names.push(...(page.Functions ?? []).map((f) => f.FunctionName!));
    }
    assert.equal(names.length, 1_106);
    assert.equal(pages, 23);
    assert.deepEqual(
      names,
      us().functions.map((f) => f.name),
    );
  });

  it('big-function has exactly 20,000 executions, newest first, over 20 pages of 1000', async () => {
    const { items, pages, markers } = await allExecutions(h.lambda(), { FunctionName: 'big-function' }, 1000);
    assert.equal(items.length, 20_000);
    assert.equal(pages.length, 20, 'the empty page only happens at offset 400, which pages of 1000 never start at');
    assert.deepEqual(arns(items), arns(us().executions.filter((e) => e.functionName === 'big-function')));
    assert.ok(markers.every((m) => m.endsWith('==')));
    assert.ok(
      markers.some((m) => m.includes('+') || m.includes('/')),
      'markers contain + or /',
    );
  });

  it(`with MaxItems 100 the page starting at offset ${BIG_FUNCTION_EMPTY_PAGE_OFFSET} (call 5) is empty but has a NextMarker`, async () => {
    const client = h.lambda();
    const sizes: number[] = [];
    const seen: string[] = [];
    let marker: string | undefined;
    for (let call = 0; call < 7; call++) {
      const page = await client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'big-function', MaxItems: 100, Marker: marker }));
      sizes.push(page.DurableExecutions?.length ?? 0);
      seen.push(...arns(page.DurableExecutions ?? []));
      marker = page.NextMarker;
      assert.ok(marker, `call ${call + 1} has a NextMarker`);
    }
    assert.deepEqual(sizes, [100, 100, 100, 100, 0, 100, 100]);
    assert.deepEqual(
      seen,
      arns(
        us()
          .executions.filter((e) => e.functionName === 'big-function')
          .slice(0, 600),
      ),
      'no item skipped or repeated around the empty page',
    );
    const { items, pages } = await allExecutions(h.lambda(), { FunctionName: 'big-function' }, 100);
    assert.equal(items.length, 20_000);
    assert.equal(pages.length, 201);
  });

  it('filters on the big list match ground truth', async () => {
    const truth = us().executions.filter((e) => e.functionName === 'big-function');
    const failed = await allExecutions(h.lambda(), { FunctionName: 'big-function', Statuses: ['FAILED', 'STOPPED'], Qualifier: '8' }, 1000);
    assert.deepEqual(arns(failed.items), arns(truth.filter((e) => (e.status === 'FAILED' || e.status === 'STOPPED') && e.version === '8')));
    const lastDay = await allExecutions(h.lambda(), { FunctionName: 'big-function', StartedAfter: new Date(h.data.now - 24 * HOUR), ReverseOrder: true }, 1000);
    assert.deepEqual(arns(lastDay.items), arns(truth.filter((e) => e.startMs >= h.data.now - 24 * HOUR).reverse()));
  });

  it('huge-history has exactly 10,000 events', async () => {
    const exec = us().executions.find((e) => e.name === 'huge-history')!;
    assert.equal(exec.functionName, 'order-workflow');
    const forward = await allEvents(h.lambda(), exec.arn, 1000);
    assert.equal(forward.events.length, 10_000);
    assert.equal(forward.pages, 10);
    assert.equal(forward.events[9_999].EventType, 'ExecutionSucceeded');
    assert.deepEqual(
      forward.events.map((e) => e.EventId),
      forward.events.map((_, i) => i + 1),
    );
    const byDefault = await allEvents(h.lambda(), exec.arn);
    assert.equal(byDefault.pages, 100, 'default page size is 100');
    const first = await h.lambda().send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: exec.arn, ReverseOrder: true, MaxItems: 1 }));
    assert.equal(first.Events?.[0]?.EventId, 10_000);
  });

  it('running-history is RUNNING with 10,000 events and no terminal event', async () => {
    const exec = us().executions.find((e) => e.name === 'running-history')!;
    assert.equal(exec.status, 'RUNNING');
    const { events } = await allEvents(h.lambda(), exec.arn, 1000);
    assert.equal(events.length, 10_000);
    assert.ok(!events.some((e) => /^Execution(Succeeded|Failed|TimedOut|Stopped)$/.test(e.EventType ?? '')));
  });

  it('model-drift carries unknown event types, `Error: {}` and an out-of-range timestamp the SDK reads as an invalid Date', async () => {
    const exec = us().executions.find((e) => e.name === 'model-drift')!;
    const { events } = await allEvents(h.lambda(), exec.arn);
    const types: (string | undefined)[] = events.map((e) => e.EventType);
    for (const unknown of DRIFT_UNKNOWN_TYPES) {
      assert.ok(types.includes(unknown), unknown);
    }
    assert.ok(events.some((e) => e.EventTimestamp instanceof Date && Number.isNaN(e.EventTimestamp.getTime())));
    assert.deepEqual(events.find((e) => e.EventType === 'InvocationCompleted')?.InvocationCompletedDetails?.Error, {});
  });

  it('fault flipOrder reads ReverseOrder the other way round', async () => {
    const newestFirst = await h.lambda().send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', MaxItems: 5 }));
    await h.control.fault({ operation: 'ListDurableExecutionsByFunction', kind: 'flipOrder', count: 2 });
    const flippedDefault = await h.lambda().send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', MaxItems: 5 }));
    const flippedTrue = await h.lambda().send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', MaxItems: 5, ReverseOrder: true }));
    const time = (page: { DurableExecutions?: Execution[] }) => (page.DurableExecutions ?? []).map((e) => e.StartTimestamp!.getTime());
    assert.deepEqual(
      time(flippedDefault),
      [...time(flippedDefault)].sort((a, b) => a - b),
      'no ReverseOrder: oldest first',
    );
    assert.deepEqual(arns(flippedTrue.DurableExecutions ?? []), arns(newestFirst.DurableExecutions ?? []), 'ReverseOrder=true: newest first');
  });

  it('fault markerCycle hands back the first NextMarker on the third page (A→B→A)', async () => {
    const exec = us().executions.find((e) => e.name === 'huge-history')!;
    await h.control.fault({ operation: 'GetDurableExecutionHistory', kind: 'markerCycle', count: -1 });
    const markers: string[] = [];
    let marker: string | undefined;
    for (let call = 0; call < 3; call++) {
      const page = await h.lambda().send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: exec.arn, MaxItems: 10, Marker: marker }));
      marker = page.NextMarker;
      markers.push(marker!);
    }
    await h.control.clearFaults();
    assert.notEqual(markers[0], markers[1]);
    assert.equal(markers[2], markers[0]);
  });

  it('fault expiredMarker refuses a history marker as expired', async () => {
    const exec = us().executions.find((e) => e.name === 'huge-history')!;
    const first = await h.lambda().send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: exec.arn, MaxItems: 10 }));
    await h.control.fault({ operation: 'GetDurableExecutionHistory', kind: 'expiredMarker' });
    await expectAwsError(
      h.lambda().send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: exec.arn, MaxItems: 10, Marker: first.NextMarker })),
      'InvalidParameterValueException',
      400,
    );
  });
});
