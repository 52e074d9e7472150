// Operations tree and details document of a durable execution, from a hand-written history that has
// every kind of operation (retries, waits, callbacks, chained invokes, map iterations, invocations).
import * as assert from 'node:assert/strict';
import type { GetDurableExecutionResponse, HistoryEvent } from '../../src/aws/sdk/lambda';
import { executionDocument, historyBlockId, prepareExecution, stopActionId, type PreparedExecution } from '../../src/lambda/executionDetails.lazy';
import { HistoryState } from '../../src/lambda/historyState';
import { countTreeNodes, timelineLaneCap } from '../../src/lambda/operationsView';
import { formatPayload, wholePayload } from '../../src/lambda/payload';
import { attemptCount, classifyEvent, operationDuration, operationKindLabel, OperationsTree, type OperationNode } from '../../src/lambda/operationsTree';
import type { Block, PanelDocument } from '../../src/shared/protocol';

const t0 = Date.parse('2026-01-10T10:00:00Z');
const at = (seconds: number): Date => new Date(t0 + seconds * 1000);
const error = (type: string, message: string) => ({ Payload: { ErrorType: type, ErrorMessage: message, StackTrace: [] }, Truncated: false });
const result = (value: unknown) => ({ Payload: JSON.stringify(value), Truncated: false });

const executionId = 'exec-1';

/** 11 operations: execution, 2 steps (one retried twice), a wait, a callback, a chained invoke, a map with 2 iterations and their steps. */
function sampleHistory(): HistoryEvent[] {
  const events: Omit<HistoryEvent, 'EventId'>[] = [
    {
      EventType: 'ExecutionStarted',
      Id: executionId,
      Name: 'order-1',
      EventTimestamp: at(0),
      ExecutionStartedDetails: { Input: { Payload: '{"orderId":"o-1"}', Truncated: true }, ExecutionTimeout: 3600 },
    },
    { EventType: 'StepStarted', SubType: 'Step', Id: 's1', Name: 'validate', EventTimestamp: at(1), StepStartedDetails: {} },
    {
      EventType: 'StepSucceeded',
      SubType: 'Step',
      Id: 's1',
      Name: 'validate',
      EventTimestamp: at(2),
      StepSucceededDetails: { Result: result({ ok: true }), RetryDetails: { CurrentAttempt: 1 } },
    },
    { EventType: 'StepStarted', SubType: 'Step', Id: 's2', Name: 'reserve', EventTimestamp: at(3), StepStartedDetails: {} },
    {
      EventType: 'StepFailed',
      SubType: 'Step',
      Id: 's2',
      Name: 'reserve',
      EventTimestamp: at(4),
      StepFailedDetails: { Error: error('Throttled', 'slow down'), RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 2 } },
    },
    { EventType: 'StepStarted', SubType: 'Step', Id: 's2', Name: 'reserve', EventTimestamp: at(6), StepStartedDetails: {} },
    {
      EventType: 'StepFailed',
      SubType: 'Step',
      Id: 's2',
      Name: 'reserve',
      EventTimestamp: at(7),
      StepFailedDetails: { Error: error('Throttled', 'slow down'), RetryDetails: { CurrentAttempt: 2, NextAttemptDelaySeconds: 4 } },
    },
    { EventType: 'StepStarted', SubType: 'Step', Id: 's2', Name: 'reserve', EventTimestamp: at(11), StepStartedDetails: {} },
    {
      EventType: 'StepSucceeded',
      SubType: 'Step',
      Id: 's2',
      Name: 'reserve',
      EventTimestamp: at(12),
      StepSucceededDetails: { Result: result({ reserved: 2 }), RetryDetails: { CurrentAttempt: 3 } },
    },
    {
      EventType: 'WaitStarted',
      SubType: 'Wait',
      Id: 'w1',
      Name: 'cool-down',
      EventTimestamp: at(13),
      WaitStartedDetails: { Duration: 60, ScheduledEndTimestamp: at(73) },
    },
    {
      EventType: 'InvocationCompleted',
      EventTimestamp: at(13),
      InvocationCompletedDetails: { StartTimestamp: at(0), EndTimestamp: at(13), RequestId: 'req-1' },
    },
    { EventType: 'WaitSucceeded', SubType: 'Wait', Id: 'w1', Name: 'cool-down', EventTimestamp: at(73), WaitSucceededDetails: { Duration: 60 } },
    {
      EventType: 'CallbackStarted',
      SubType: 'WaitForCallback',
      Id: 'c1',
      Name: 'approval',
      EventTimestamp: at(74),
      CallbackStartedDetails: { CallbackId: 'cb-1', Timeout: 600 },
    },
    {
      EventType: 'CallbackSucceeded',
      SubType: 'WaitForCallback',
      Id: 'c1',
      Name: 'approval',
      EventTimestamp: at(100),
      CallbackSucceededDetails: { Result: result({ approved: true }) },
    },
    {
      EventType: 'ChainedInvokeStarted',
      SubType: 'ChainedInvoke',
      Id: 'ci1',
      Name: 'charge',
      EventTimestamp: at(101),
      ChainedInvokeStartedDetails: { FunctionName: 'payment-saga' },
    },
    {
      EventType: 'ChainedInvokeFailed',
      SubType: 'ChainedInvoke',
      Id: 'ci1',
      Name: 'charge',
      EventTimestamp: at(110),
      ChainedInvokeFailedDetails: { Error: error('PaymentDeclined', 'no funds') },
    },
    { EventType: 'ContextStarted', SubType: 'Map', Id: 'm1', Name: 'ship', EventTimestamp: at(111), ContextStartedDetails: {} },
    { EventType: 'ContextStarted', SubType: 'MapIteration', Id: 'm1-0', ParentId: 'm1', Name: 'ship-0', EventTimestamp: at(112), ContextStartedDetails: {} },
    { EventType: 'StepStarted', SubType: 'Step', Id: 'm1-0-s', ParentId: 'm1-0', Name: 'ship-package', EventTimestamp: at(113), StepStartedDetails: {} },
    {
      EventType: 'StepSucceeded',
      SubType: 'Step',
      Id: 'm1-0-s',
      ParentId: 'm1-0',
      Name: 'ship-package',
      EventTimestamp: at(114),
      StepSucceededDetails: { Result: result(1), RetryDetails: { CurrentAttempt: 1 } },
    },
    {
      EventType: 'ContextSucceeded',
      SubType: 'MapIteration',
      Id: 'm1-0',
      ParentId: 'm1',
      Name: 'ship-0',
      EventTimestamp: at(115),
      ContextSucceededDetails: { Result: result(0) },
    },
    { EventType: 'ContextStarted', SubType: 'MapIteration', Id: 'm1-1', ParentId: 'm1', Name: 'ship-1', EventTimestamp: at(116), ContextStartedDetails: {} },
    { EventType: 'StepStarted', SubType: 'Step', Id: 'm1-1-s', ParentId: 'm1-1', Name: 'ship-package', EventTimestamp: at(117), StepStartedDetails: {} },
    {
      EventType: 'StepFailed',
      SubType: 'Step',
      Id: 'm1-1-s',
      ParentId: 'm1-1',
      Name: 'ship-package',
      EventTimestamp: at(118),
      StepFailedDetails: { Error: error('ShipmentError', 'carrier 503'), RetryDetails: { CurrentAttempt: 1 } },
    },
    {
      EventType: 'ContextFailed',
      SubType: 'MapIteration',
      Id: 'm1-1',
      ParentId: 'm1',
      Name: 'ship-1',
      EventTimestamp: at(119),
      ContextFailedDetails: { Error: error('ShipmentError', 'carrier 503') },
    },
    {
      EventType: 'ContextFailed',
      SubType: 'Map',
      Id: 'm1',
      Name: 'ship',
      EventTimestamp: at(120),
      ContextFailedDetails: { Error: error('ShipmentError', 'carrier 503') },
    },
    {
      EventType: 'InvocationCompleted',
      EventTimestamp: at(121),
      InvocationCompletedDetails: { StartTimestamp: at(73), EndTimestamp: at(121), RequestId: 'req-2', Error: error('ShipmentError', 'carrier 503') },
    },
    {
      EventType: 'ExecutionFailed',
      Id: executionId,
      Name: 'order-1',
      EventTimestamp: at(121),
      ExecutionFailedDetails: { Error: error('ShipmentError', 'carrier 503') },
    },
  ];
  return events.map((e, i) => ({ ...e, EventId: i + 1 }));
}

/** `count` events of a map over steps: ExecutionStarted, then (ContextStarted, StepStarted, StepSucceeded, ContextSucceeded) × n. */
function bigHistory(iterations: number): HistoryEvent[] {
  const events: HistoryEvent[] = [
    {
      EventType: 'ExecutionStarted',
      EventId: 1,
      Id: executionId,
      Name: 'big',
      EventTimestamp: at(0),
      ExecutionStartedDetails: { Input: { Payload: '{}' }, ExecutionTimeout: 60 },
    },
  ];
  for (let k = 0; k < iterations; k++) {
    const ctx = `it-${k}`;
    const step = `st-${k}`;
    const base = k * 4;
    events.push(
      {
        EventType: 'ContextStarted',
        SubType: 'MapIteration',
        Id: ctx,
        Name: `it-${k}`,
        EventTimestamp: at(base + 1),
        EventId: events.length + 1,
        ContextStartedDetails: {},
      },
      {
        EventType: 'StepStarted',
        SubType: 'Step',
        Id: step,
        ParentId: ctx,
        Name: 'transform',
        EventTimestamp: at(base + 2),
        EventId: events.length + 2,
        StepStartedDetails: {},
      },
      {
        EventType: 'StepSucceeded',
        SubType: 'Step',
        Id: step,
        ParentId: ctx,
        Name: 'transform',
        EventTimestamp: at(base + 3),
        EventId: events.length + 3,
        StepSucceededDetails: { Result: result(k), RetryDetails: { CurrentAttempt: 1 } },
      },
      {
        EventType: 'ContextSucceeded',
        SubType: 'MapIteration',
        Id: ctx,
        Name: `it-${k}`,
        EventTimestamp: at(base + 4),
        EventId: events.length + 4,
        ContextSucceededDetails: { Result: result(k) },
      },
    );
  }
  return events;
}

describe('lambda operations tree', () => {
  it('groups events by Id and nests them by ParentId', () => {
    const tree = new OperationsTree();
    tree.add(sampleHistory());
    assert.equal(tree.eventCount, 28);
    assert.equal(tree.operationCount, 11);
    const roots = tree.roots();
    assert.deepEqual(
      roots.map((r) => r.operation.id),
      [executionId, 's1', 's2', 'w1', 'c1', 'ci1', 'm1'],
    );
    const map = roots.find((r) => r.operation.id === 'm1')!;
    assert.deepEqual(
      map.children.map((c) => c.operation.id),
      ['m1-0', 'm1-1'],
    );
    assert.deepEqual(
      map.children[1].children.map((c) => c.operation.id),
      ['m1-1-s'],
    );
  });

  it('derives status, attempts and duration', () => {
    const tree = new OperationsTree();
    tree.add(sampleHistory());
    const op = (id: string) => tree.get(id)!;
    assert.equal(op('s1').status, 'SUCCEEDED');
    assert.equal(attemptCount(op('s1')), 1);
    assert.equal(op('s2').status, 'SUCCEEDED');
    assert.equal(attemptCount(op('s2')), 3);
    assert.deepEqual(
      op('s2').attempts.map((a) => a.outcome),
      ['failed', 'failed', 'succeeded'],
    );
    assert.deepEqual(
      op('s2').attempts.map((a) => a.retryDelaySeconds),
      [2, 4, undefined],
    );
    assert.equal(operationDuration(op('s2')), 9_000);
    assert.equal(op('w1').kind, 'WAIT');
    assert.equal(op('w1').scheduledEnd, t0 + 73_000);
    assert.equal(operationDuration(op('w1')), 60_000);
    assert.equal(op('c1').kind, 'CALLBACK');
    assert.equal(op('ci1').status, 'FAILED');
    assert.deepEqual(op('ci1').error, { type: 'PaymentDeclined', message: 'no funds' });
    assert.equal(op('m1').status, 'FAILED');
    assert.equal(operationKindLabel(op('m1')), 'Map');
    assert.equal(op(executionId).kind, 'EXECUTION');
    assert.equal(op(executionId).status, 'FAILED');
    assert.equal(tree.invocations.length, 2);
    assert.equal(tree.invocations[1].error, 'ShipmentError: carrier 503');
    assert.deepEqual(tree.span, { start: t0, end: t0 + 121_000 });
  });

  it('marks a failed step with a scheduled retry as PENDING, and a running one as STARTED', () => {
    const tree = new OperationsTree();
    const events = sampleHistory();
    tree.add(events.slice(0, 5));
    assert.equal(tree.get('s2')!.status, 'PENDING');
    assert.equal(operationDuration(tree.get('s2')!), undefined);
    tree.add(events.slice(5, 6));
    assert.equal(tree.get('s2')!.status, 'STARTED');
  });

  it('gives the same result page by page as in one go', () => {
    const events = sampleHistory();
    const whole = new OperationsTree();
    whole.add(events);
    const paged = new OperationsTree();
    for (let i = 0; i < events.length; i += 5) {
      paged.add(events.slice(i, i + 5));
    }
    assert.deepEqual(paged.operations, whole.operations);
    assert.deepEqual(paged.invocations, whole.invocations);
  });

  it('keeps orphans and cycles visible, and tolerates unknown event types', () => {
    const tree = new OperationsTree();
    tree.add([
      { EventType: 'StepStarted', EventId: 1, Id: 'child', ParentId: 'missing', EventTimestamp: new Date(t0) },
      { EventType: 'ContextStarted', EventId: 2, Id: 'a', ParentId: 'b', EventTimestamp: new Date(t0) },
      { EventType: 'ContextStarted', EventId: 3, Id: 'b', ParentId: 'a', EventTimestamp: new Date(t0) },
      { EventType: 'QuantumLeapStarted' as never, EventId: 4, Id: 'q', EventTimestamp: new Date(t0) },
      { EventType: 'SomethingNew' as never, EventId: 5, EventTimestamp: new Date(t0) },
      { EventId: 6, Id: 'bare' },
    ]);
    assert.equal(tree.eventCount, 6);
    const ids = (nodes: OperationNode[]): string[] => nodes.flatMap((n) => [n.operation.id, ...ids(n.children)]);
    assert.deepEqual(ids(tree.roots()).sort(), ['a', 'b', 'bare', 'child', 'q']);
    assert.equal(classifyEvent('QuantumLeapStarted').kind, 'OTHER');
    assert.equal(operationKindLabel(tree.get('bare')!), 'Operation');
  });
});

function prepared(overrides: Partial<GetDurableExecutionResponse> = {}): PreparedExecution {
  return prepareExecution({
    DurableExecutionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5/durable-execution/order-1/abc',
    DurableExecutionName: 'order-1',
    FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5',
    Status: 'FAILED',
    StartTimestamp: new Date(t0),
    EndTimestamp: new Date(t0 + 121_000),
    Version: '5',
    InputPayload: '{"orderId":"o-1","items":[1,2]}',
    Error: {
      ErrorType: 'ShipmentError',
      ErrorMessage: 'carrier 503',
      ErrorData: '{"carrier":"UPS"}',
      StackTrace: ['ShipmentError: carrier 503', '    at ship (/var/task/ship.js:1:1)'],
    },
    TraceHeader: { XAmznTraceId: 'Root=1-abc' },
    ExecutionDataIncluded: true,
    DurableConfig: { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 },
    ...overrides,
  });
}

/** The history after `pages` pages of `pageSize` events (all of them by default), paged by the engine. */
async function historyOf(events: HistoryEvent[], pageSize = 1000, pages = Infinity): Promise<HistoryState> {
  const state = new HistoryState((marker) => {
    const start = Number(marker ?? 0);
    const end = start + pageSize;
    return Promise.resolve({ items: events.slice(start, end), nextToken: end < events.length ? String(end) : undefined });
  }, pageSize);
  for (let page = 0; page < pages && !state.complete; page++) {
    await state.next(pageSize, new AbortController().signal);
  }
  return state;
}

function block<K extends Block['kind']>(doc: PanelDocument, id: string, kind: K): Extract<Block, { kind: K }> {
  const found = doc.blocks.find((b) => b.id === id);
  assert.ok(found, `block ${id}`);
  assert.equal(found.kind, kind);
  return found as Extract<Block, { kind: K }>;
}

describe('lambda execution details document', () => {
  it('shows fields, input, error, stack trace, operations, timeline, invocations and events', async () => {
    const history = await historyOf(sampleHistory());
    const doc = executionDocument(prepared(), history, t0 + 200_000);
    assert.equal(doc.title, 'order-1');
    assert.deepEqual(doc.status, { text: 'FAILED', tone: 'error' });
    assert.deepEqual(doc.actions, []);
    const fields = block(doc, 'execution', 'fields').fields;
    const field = (label: string) => fields.find((f) => f.label === label);
    assert.equal(field('Execution ARN')?.copyId, 'executionArn');
    assert.equal(field('Function ARN')?.copyId, 'functionArn');
    assert.equal(field('Duration')?.value, '2 min 1 s');
    assert.equal(field('Version')?.value, '5');
    assert.equal(block(doc, 'durableConfig', 'fields').fields.find((f) => f.label === 'Retention')?.value, '30 days');
    const input = block(doc, 'input', 'code');
    assert.equal(input.language, 'json');
    assert.equal(input.text, JSON.stringify({ orderId: 'o-1', items: [1, 2] }, null, 2));
    assert.match(input.truncatedNotice ?? '', /AWS truncated/);
    assert.equal(
      doc.blocks.some((b) => b.id === 'result'),
      false,
    );
    assert.equal(block(doc, 'error', 'fields').fields[0].value, 'ShipmentError');
    assert.equal(block(doc, 'errorData', 'code').text, '{\n  "carrier": "UPS"\n}');
    assert.match(block(doc, 'stackTrace', 'code').text, /at ship/);
    const pager = block(doc, historyBlockId, 'pager');
    assert.equal(pager.canLoadMore, false);
    assert.match(pager.text, /All 28 events loaded \(11 operations\)/);
    const tree = block(doc, 'operations', 'tree');
    assert.equal(countTreeNodes(tree.nodes), 11);
    const s2 = tree.nodes.find((n) => n.id === 'op-s2')!;
    assert.equal(s2.label, 'reserve');
    assert.match(s2.detail ?? '', /Step · SUCCEEDED · 3 attempts · 9 s/);
    const timeline = block(doc, 'timeline', 'timeline');
    assert.equal(timeline.start, t0);
    assert.equal(timeline.end, t0 + 121_000);
    // 3 attempt bars + 2 retry arrows for the retried step, 2 marks for the invocations.
    assert.equal(timeline.items.filter((i) => i.id.startsWith('s2#')).length, 5);
    assert.equal(timeline.items.filter((i) => i.shape === 'arrow').length, 2);
    assert.equal(timeline.items.filter((i) => i.shape === 'mark').length, 2);
    assert.equal(timeline.items.find((i) => i.id === 'w1')?.tone, 'info');
    assert.equal(timeline.items.find((i) => i.id === 'ci1')?.tone, 'error');
    assert.equal(new Set(timeline.items.filter((i) => i.shape === 'bar').map((i) => i.lane)).size, 11);
    assert.equal(block(doc, 'invocations', 'table').rows.length, 2);
    const events = block(doc, 'events', 'list');
    assert.equal(events.rows.length, 28);
    assert.deepEqual(events.rows[4].cells.slice(0, 3), ['5', new Date(t0 + 4000).toISOString(), 'StepFailed']);
    assert.equal(events.rows[4].tone, 'error');
    assert.match(events.rows[4].detail ?? '', /NextAttemptDelaySeconds/);
  });

  it('offers Stop while RUNNING, and says when more history is available', async () => {
    const events = sampleHistory().slice(0, 10);
    const history = await historyOf(events, 4, 1);
    const doc = executionDocument(prepared({ Status: 'RUNNING', EndTimestamp: undefined, Error: undefined }), history, t0 + 600_000);
    assert.deepEqual(doc.actions, [{ id: stopActionId, label: 'Stop execution' }]);
    assert.equal(block(doc, historyBlockId, 'pager').canLoadMore, true);
    assert.match(block(doc, historyBlockId, 'pager').text, /more are available/);
    assert.equal(block(doc, 'timeline', 'timeline').end, t0 + 600_000);
    assert.match(block(doc, 'execution', 'fields').fields.find((f) => f.label === 'Duration')?.value ?? '', /^running for 10 min/);
  });

  it('shows the result of a SUCCEEDED execution, as text when it is not JSON', async () => {
    const doc = executionDocument(prepared({ Status: 'SUCCEEDED', Error: undefined, Result: 'plain words' }), await historyOf([]));
    const result = block(doc, 'result', 'code');
    assert.equal(result.language, 'text');
    assert.equal(result.text, 'plain words');
    assert.equal(
      doc.blocks.some((b) => b.id === 'timeline'),
      false,
    );
    assert.equal(block(doc, 'operations', 'tree').emptyText, 'No history events loaded.');
  });

  it('caps huge payloads and keeps the whole text for "Open whole document"', () => {
    const big = JSON.stringify({ rows: Array.from({ length: 30_000 }, (_, i) => ({ i, name: `row-${i}` })) });
    const view = formatPayload(big, 1000)!;
    assert.ok(view.text.length <= 1000);
    assert.ok(view.truncatedNotice);
    assert.equal(view.language, 'json');
    assert.equal(wholePayload(view), JSON.stringify(JSON.parse(big), null, 2));
    assert.equal(formatPayload(undefined), undefined);
    assert.equal(formatPayload('{"a":1}')!.truncatedNotice, undefined);
  });

  it('tolerates an unknown status and a missing configuration', async () => {
    const doc = executionDocument(
      prepared({ Status: 'DELETING' as never, DurableConfig: undefined, TraceHeader: undefined, InputPayload: undefined, Error: undefined }),
      await historyOf([]),
    );
    assert.deepEqual(doc.status, { text: 'DELETING', tone: 'info' });
    assert.equal(block(doc, 'input', 'notice').text, 'No input payload.');
  });

  // How long this takes is measured by `npm run bench` (panelLongestBlock), not asserted here.
  it('folds a 10,000-event history into a capped document', async () => {
    const events = bigHistory(2_500);
    assert.equal(events.length, 10_001);
    const history = await historyOf(events, 1000);
    const doc = executionDocument(prepared({ Status: 'SUCCEEDED', Error: undefined }), history, t0 + 20_000_000);
    assert.equal(countTreeNodes(block(doc, 'operations', 'tree').nodes), 5_001);
    assert.equal(block(doc, 'events', 'list').rows.length, 10_001);
    const timeline = block(doc, 'timeline', 'timeline');
    assert.equal(new Set(timeline.items.map((i) => i.lane)).size, timelineLaneCap);
    assert.ok(doc.blocks.some((b) => b.id === 'timelineCapped'));
  });
});
