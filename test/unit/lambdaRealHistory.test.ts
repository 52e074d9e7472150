// The operations tree from a history shaped like the ones AWS's durable SDK records (events from a local
// run of test/durable's order-processor, as the emulator serves them): a waitForCallback context around an unnamed Callback
// operation, `Error: {}` on successful invocations, empty RetryDetails, payloads without `Truncated`.
import * as assert from 'node:assert/strict';
import type { HistoryEvent } from '../../src/aws/sdk/lambda';
import { operationDetail } from '../../src/lambda/operationsView';
import { OperationsTree } from '../../src/lambda/operationsTree';

const t0 = Date.parse('2026-12-03T10:00:00Z');
const at = (seconds: number): Date => new Date(t0 + seconds * 1000);
const callbackId = 'eyJleGVjdXRpb25JZCI6IjRlNDEiLCJvcGVyYXRpb25JZCI6Ijc0YmQifQ==';

function realHistory(): HistoryEvent[] {
  const events: Omit<HistoryEvent, 'EventId'>[] = [
    {
      EventType: 'ExecutionStarted',
      Id: 'exec',
      EventTimestamp: at(0),
      ExecutionStartedDetails: { Input: { Payload: '{"orderId":"ord-1"}' }, ExecutionTimeout: 86_400 },
    },
    { EventType: 'StepStarted', SubType: 'Step', Id: 'c4ca4238a0b92382', Name: 'validate-order', EventTimestamp: at(1), StepStartedDetails: {} },
    {
      EventType: 'StepSucceeded',
      SubType: 'Step',
      Id: 'c4ca4238a0b92382',
      Name: 'validate-order',
      EventTimestamp: at(1),
      StepSucceededDetails: { Result: { Payload: '159' }, RetryDetails: {} },
    },
    {
      EventType: 'WaitStarted',
      SubType: 'Wait',
      Id: 'eccbc87e4b5ce2fe',
      Name: 'cool-off',
      EventTimestamp: at(2),
      WaitStartedDetails: { Duration: 600, ScheduledEndTimestamp: at(602) },
    },
    {
      EventType: 'InvocationCompleted',
      EventTimestamp: at(3),
      InvocationCompletedDetails: { StartTimestamp: at(0), EndTimestamp: at(3), Error: {}, RequestId: 'req-1' },
    },
    { EventType: 'WaitSucceeded', SubType: 'Wait', Id: 'eccbc87e4b5ce2fe', Name: 'cool-off', EventTimestamp: at(602), WaitSucceededDetails: { Duration: 600 } },
    {
      EventType: 'ContextStarted',
      SubType: 'WaitForCallback',
      Id: 'a87ff679a2f3e71d',
      Name: 'manager-approval',
      EventTimestamp: at(603),
      ContextStartedDetails: {},
    },
    {
      EventType: 'CallbackStarted',
      SubType: 'Callback',
      Id: '74bdefab9757a081',
      ParentId: 'a87ff679a2f3e71d',
      EventTimestamp: at(603),
      CallbackStartedDetails: { CallbackId: callbackId, Timeout: 86_400 },
    },
    { EventType: 'StepStarted', SubType: 'Step', Id: '2f5bb7747efda054', ParentId: 'a87ff679a2f3e71d', EventTimestamp: at(603), StepStartedDetails: {} },
    {
      EventType: 'StepSucceeded',
      SubType: 'Step',
      Id: '2f5bb7747efda054',
      ParentId: 'a87ff679a2f3e71d',
      EventTimestamp: at(603),
      StepSucceededDetails: { Result: {}, RetryDetails: {} },
    },
    {
      EventType: 'InvocationCompleted',
      EventTimestamp: at(604),
      InvocationCompletedDetails: { StartTimestamp: at(602), EndTimestamp: at(604), Error: {}, RequestId: 'req-2' },
    },
  ];
  return events.map((e, i) => ({ ...e, EventId: i + 1 }));
}

describe('lambda operations tree from a real SDK history', () => {
  const tree = new OperationsTree();
  tree.add(realHistory());

  it('reads an empty Error on a successful invocation as no error', () => {
    assert.deepEqual(
      tree.invocations.map((i) => i.error),
      [undefined, undefined],
    );
  });

  it('nests the Callback and the submitter step under the named WaitForCallback context', () => {
    const [, , , approval] = tree.roots();
    assert.equal(approval?.operation.name, 'manager-approval');
    assert.equal(approval?.operation.subType, 'WaitForCallback');
    assert.deepEqual(
      approval?.children.map((c) => c.operation.kind),
      ['CALLBACK', 'STEP'],
    );
  });

  it('shows a pending callback with its id, and a wait with when it ends', () => {
    const callback = tree.get('74bdefab9757a081')!;
    assert.equal(callback.callbackId, callbackId);
    assert.equal(operationDetail(callback), `Callback · STARTED · not finished · callback id ${callbackId}`);
    assert.equal(operationDetail(tree.get('eccbc87e4b5ce2fe')!), `Wait · SUCCEEDED · 10 min · due ${at(602).toISOString()}`);
  });

  it('counts one attempt for a first-time success with empty RetryDetails', () => {
    assert.equal(operationDetail(tree.get('c4ca4238a0b92382')!), 'Step · SUCCEEDED · 0 ms');
  });
});
