// Issue 12: what the panel posts (patches), data the model does not know yet (shapes of the real durable
// execution SDK's histories, unknown types, invalid timestamps) and the ReverseOrder check. Pure modules only.
import * as assert from 'node:assert/strict';
import type { GetDurableExecutionResponse, HistoryEvent } from '../../src/aws/sdk/lambda';
import { executionDocument, prepareExecution } from '../../src/lambda/executionDetails.lazy';
import { ExecutionOrderSemantics, fetchInOrder, observedOrder } from '../../src/lambda/executionOrder';
import { eventRow, HistoryState } from '../../src/lambda/historyState';
import { operationDetail } from '../../src/lambda/operationsView';
import { OperationsTree, operationKindLabel } from '../../src/lambda/operationsTree';
import { bothTimes, isoTime, relativeTime } from '../../src/shared/format';
import { applyPatch, diffDocuments, type Block, type ListBlock, type PanelDocument } from '../../src/shared/protocol';

const invalid = new Date(Number.NaN);
const t0 = Date.parse('2026-02-01T08:00:00Z');
const at = (s: number): Date => new Date(t0 + s * 1000);

/**
 * Shaped like the histories the real SDK records (aws-durable-execution-sdk-js examples' *.history.json, see
 * ../shared/docs/durable-sdk.md): hex operation ids, a UUID execution id, `Error: {}` on successful
 * invocations, `RetryDetails: {}`, payloads without `Truncated`, unnamed operations, SubTypes as free text.
 */
function sdkShapedHistory(): HistoryEvent[] {
  const exec = '3f1c2a9e-7b4d-4c1e-9a55-0d2e8f6b1c47';
  return [
    {
      EventType: 'ExecutionStarted',
      EventId: 1,
      Id: exec,
      Name: exec,
      EventTimestamp: at(0),
      ExecutionStartedDetails: { Input: { Payload: '{"orderId":"o-9"}' }, ExecutionTimeout: 900 },
    },
    { EventType: 'StepStarted', EventId: 2, SubType: 'Step', Id: 'c4ca4238a0b92382', Name: 'fetch-user', EventTimestamp: at(1), StepStartedDetails: {} },
    {
      EventType: 'StepSucceeded',
      EventId: 3,
      SubType: 'Step',
      Id: 'c4ca4238a0b92382',
      Name: 'fetch-user',
      EventTimestamp: at(2),
      StepSucceededDetails: { Result: { Payload: '{"id":7}' }, RetryDetails: {} },
    },
    {
      EventType: 'WaitStarted',
      EventId: 4,
      SubType: 'Wait',
      Id: 'c81e728d9d4c2f63',
      EventTimestamp: at(2),
      WaitStartedDetails: { Duration: 5, ScheduledEndTimestamp: at(7) },
    },
    {
      EventType: 'InvocationCompleted',
      EventId: 5,
      EventTimestamp: at(2),
      InvocationCompletedDetails: { StartTimestamp: at(0), EndTimestamp: at(2), Error: {}, RequestId: 'a1b2c3' },
    },
    { EventType: 'WaitSucceeded', EventId: 6, SubType: 'Wait', Id: 'c81e728d9d4c2f63', EventTimestamp: at(7), WaitSucceededDetails: { Duration: 5 } },
    { EventType: 'ContextStarted', EventId: 7, SubType: 'Map', Id: 'eccbc87e4b5ce2fe', Name: 'map', EventTimestamp: at(8), ContextStartedDetails: {} },
    {
      EventType: 'ContextStarted',
      EventId: 8,
      SubType: 'MapIteration',
      Id: 'a87ff679a2f3e71d',
      ParentId: 'eccbc87e4b5ce2fe',
      EventTimestamp: at(8),
      ContextStartedDetails: {},
    },
    {
      EventType: 'ContextSucceeded',
      EventId: 9,
      SubType: 'MapIteration',
      Id: 'a87ff679a2f3e71d',
      ParentId: 'eccbc87e4b5ce2fe',
      EventTimestamp: at(9),
      ContextSucceededDetails: { Result: { Payload: '1' } },
    },
    {
      EventType: 'ContextSucceeded',
      EventId: 10,
      SubType: 'Map',
      Id: 'eccbc87e4b5ce2fe',
      Name: 'map',
      EventTimestamp: at(9),
      ContextSucceededDetails: { Result: { Payload: '[1]' } },
    },
    // What the model does not know yet: an operation type (the SDK's wire enums already have FETCH), a
    // SubType, an unknown phase of a known kind, an out-of-range timestamp.
    { EventType: 'FetchStarted' as never, EventId: 11, SubType: 'Fetch', Id: 'e4da3b7fbbce2345', Name: 'download', EventTimestamp: at(10) },
    { EventType: 'FetchSucceeded' as never, EventId: 12, SubType: 'Fetch', Id: 'e4da3b7fbbce2345', Name: 'download', EventTimestamp: invalid },
    {
      EventType: 'ContextStarted',
      EventId: 13,
      SubType: 'WaitForCondition',
      Id: '1679091c5a880faf',
      Name: 'poll',
      EventTimestamp: at(11),
      ContextStartedDetails: {},
    },
    { EventType: 'ContextPaused' as never, EventId: 14, SubType: 'WaitForCondition', Id: '1679091c5a880faf', Name: 'poll', EventTimestamp: at(12) },
    {
      EventType: 'InvocationCompleted',
      EventId: 15,
      EventTimestamp: at(12),
      InvocationCompletedDetails: { StartTimestamp: at(8), EndTimestamp: at(12), Error: {}, RequestId: 'd4e5f6' },
    },
    {
      EventType: 'ExecutionSucceeded',
      EventId: 16,
      Id: exec,
      Name: exec,
      EventTimestamp: at(13),
      ExecutionSucceededDetails: { Result: { Payload: '{"ok":true}' } },
    },
  ];
}

describe('data the model does not know (issue 12)', () => {
  it('formats invalid timestamps as "invalid date" instead of throwing', () => {
    assert.match(bothTimes(invalid), /^invalid date/);
    assert.match(isoTime(invalid), /^invalid date/);
    assert.match(relativeTime(invalid, t0), /^invalid date/);
    assert.equal(isoTime(at(0)), '2026-02-01T08:00:00.000Z');
  });

  it("folds a history shaped like the real SDK's: `Error: {}` is no error, empty RetryDetails and no Truncated are normal", () => {
    const tree = new OperationsTree();
    tree.add(sdkShapedHistory());
    assert.equal(tree.invocations.length, 2);
    assert.ok(
      tree.invocations.every((inv) => inv.error === undefined),
      'no invocation failed',
    );
    const step = tree.get('c4ca4238a0b92382')!;
    assert.equal(step.status, 'SUCCEEDED');
    assert.equal(step.error, undefined);
    assert.equal(tree.get('a87ff679a2f3e71d')!.parentId, 'eccbc87e4b5ce2fe');
    assert.equal(operationKindLabel(tree.get('c81e728d9d4c2f63')!), 'Wait', 'an unnamed wait keeps its kind');
  });

  it('shows unknown operation types, phases and SubTypes generically', () => {
    const tree = new OperationsTree();
    tree.add(sdkShapedHistory());
    const fetch = tree.get('e4da3b7fbbce2345')!;
    assert.equal(operationKindLabel(fetch), 'Fetch');
    assert.equal(fetch.name, 'download');
    assert.match(operationDetail(fetch), /^Fetch · SUCCEEDED/);
    const paused = tree.get('1679091c5a880faf')!;
    assert.match(operationDetail(paused), /WaitForCondition · STARTED \(last event ContextPaused\)/);
  });

  it('renders every event as a row, unknown ones with the event itself as detail and invalid times as text', async () => {
    const events = sdkShapedHistory();
    const history = new HistoryState(() => Promise.resolve({ items: events }), events.length);
    await history.next(events.length, new AbortController().signal);
    assert.equal(history.rows.length, events.length);
    const fetchRow = eventRow(events[10], 10);
    assert.deepEqual(fetchRow.cells.slice(2, 6), ['FetchStarted', 'download', 'Fetch', 'e4da3b7fbbce2345']);
    assert.match(fetchRow.detail ?? '', /"EventType": "FetchStarted"/);
    assert.match(eventRow(events[11], 11).cells[1], /^invalid date/);
    const execution: GetDurableExecutionResponse = {
      DurableExecutionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/x/y',
      DurableExecutionName: 'x',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      Status: 'ARCHIVED' as never,
      StartTimestamp: at(0),
      EndTimestamp: invalid,
    };
    const doc = executionDocument(prepareExecution(execution), history, t0 + 60_000);
    assert.equal(doc.status?.text, 'ARCHIVED', 'an unknown status is shown as sent');
    const list = doc.blocks.find((b): b is ListBlock => b.kind === 'list')!;
    assert.equal(list.rows.length, events.length);
    const fields = doc.blocks.find((b) => b.id === 'execution');
    assert.ok(fields?.kind === 'fields' && /^invalid date/.test(fields.fields.find((f) => f.label === 'Ended')?.value ?? ''));
  });
});

describe('panel patches (issue 12)', () => {
  const list = (rows: ListBlock['rows']): ListBlock => ({ kind: 'list', id: 'events', title: `Events (${rows.length})`, columns: ['#'], rows, emptyText: '' });
  const rows = Array.from({ length: 500 }, (_, i) => ({ id: `e${i}`, cells: [String(i)] }));
  const doc = (n: number, extra: Block[] = []): PanelDocument => ({
    title: 'run-1',
    status: { text: 'RUNNING', tone: 'progress' },
    actions: [{ id: 'stop', label: 'Stop execution' }],
    blocks: [{ kind: 'fields', id: 'execution', title: 'Execution', fields: [{ label: 'Duration', value: `${n} s` }] }, ...extra, list(rows.slice(0, n))],
  });

  it('sends appended rows and changed fields only, and the page rebuilds the same document', () => {
    const before = doc(400);
    const after = doc(410);
    const patch = diffDocuments(before, after)!;
    assert.equal(patch.replace, undefined);
    const events = patch.update?.find((u) => u.id === 'events');
    assert.equal(events?.append?.rows?.length, 10, 'only the 10 new rows');
    assert.ok(JSON.stringify(patch).length < JSON.stringify(after).length / 10);
    assert.deepEqual(applyPatch(before, patch), after);
  });

  it('sends nothing when nothing changed, and replaces, adds and reorders blocks when needed', () => {
    const before = doc(10);
    assert.equal(diffDocuments(before, before), undefined);
    const after = { ...doc(10, [{ kind: 'notice', id: 'historyExpired', tone: 'warn', text: 'expired', reload: true }]), actions: [] };
    const patch = diffDocuments(before, after)!;
    assert.deepEqual(patch.order, ['execution', 'historyExpired', 'events']);
    assert.deepEqual(applyPatch(before, patch), after);
  });
});

describe('ReverseOrder check (issue 12)', () => {
  const page = (...seconds: number[]) => ({ items: seconds.map((s) => ({ StartTimestamp: at(s) })) });

  it('reads the order of a page from its StartTimestamps', () => {
    assert.equal(observedOrder(page(3, 2, 1).items), 'newest');
    assert.equal(observedOrder(page(1, 2, 3).items), 'oldest');
    assert.equal(observedOrder(page(1).items), undefined);
    assert.equal(observedOrder([{ StartTimestamp: invalid }, { StartTimestamp: at(1) }]), undefined);
  });

  it('flips the flag once when the service returned the opposite, and remembers it per endpoint', async () => {
    let stored: readonly string[] = [];
    const semantics = new ExecutionOrderSemantics({ get: () => stored, set: (e) => (stored = e) });
    // A service that reads ReverseOrder=true as newest first.
    const sent: (boolean | undefined)[] = [];
    const service = (reverse: boolean | undefined) => {
      sent.push(reverse);
      return Promise.resolve(reverse === true ? page(3, 2, 1) : page(1, 2, 3));
    };
    const first = await fetchInOrder(semantics, 'http://a', 'newest', true, service);
    assert.deepEqual(sent, [undefined, true]);
    assert.equal(first.shown, 'newest');
    assert.deepEqual(stored, ['http://a']);
    sent.length = 0;
    await fetchInOrder(semantics, 'http://a', 'newest', true, service);
    assert.deepEqual(sent, [true], 'remembered: one request');
    sent.length = 0;
    const oldest = await fetchInOrder(semantics, 'http://a', 'oldest', true, service);
    assert.deepEqual(sent, [false]);
    assert.equal(oldest.shown, 'oldest');
    sent.length = 0;
    await fetchInOrder(semantics, 'http://b', 'oldest', false, service);
    assert.deepEqual(sent, [true], 'another endpoint keeps the documented meaning; later pages are not checked');
  });
});
