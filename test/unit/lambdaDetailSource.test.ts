// The execution DetailSource against a fake Lambda client: first page on open, load more / load all
// with progress, refresh keeping the loaded depth, a history that cannot be read, Stop and auto refresh.
import * as assert from 'node:assert/strict';
import type { ClientFactory } from '../../src/aws/clientFactory';
import type { Execution, GetDurableExecutionResponse, HistoryEvent } from '../../src/aws/sdk/lambda';
import { ExecutionDetailSource, historyBlockId, stopActionId, type ExecutionDetailOptions } from '../../src/lambda/executionDetails.lazy';
import type { PagerBlock, PanelDocument } from '../../src/shared/protocol';

const arn = 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5/durable-execution/run-1/abc';
const start = Date.parse('2026-01-10T10:00:00Z');

/** `count` step events (StepStarted/StepSucceeded pairs) after ExecutionStarted. */
function history(count: number): HistoryEvent[] {
  const events: HistoryEvent[] = [
    {
      EventType: 'ExecutionStarted',
      EventId: 1,
      Id: 'exec',
      EventTimestamp: new Date(start),
      ExecutionStartedDetails: { Input: { Payload: '{}' }, ExecutionTimeout: 60 },
    },
  ];
  while (events.length < count) {
    const n = events.length;
    const id = `s${Math.floor(n / 2)}`;
    events.push(
      n % 2 === 1
        ? { EventType: 'StepStarted', EventId: n + 1, Id: id, Name: id, EventTimestamp: new Date(start + n * 1000), StepStartedDetails: {} }
        : {
            EventType: 'StepSucceeded',
            EventId: n + 1,
            Id: `s${Math.floor((n - 1) / 2)}`,
            EventTimestamp: new Date(start + n * 1000),
            StepSucceededDetails: { Result: { Payload: '1' }, RetryDetails: { CurrentAttempt: 1 } },
          },
    );
  }
  return events;
}

interface Call {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** A ClientFactory whose Lambda client answers from memory; `failHistory` makes history calls fail. */
interface FakeState {
  status: string;
  events: HistoryEvent[];
  failHistory?: Error | undefined;
  /** Fails only requests that carry a Marker (an expired marker). */
  failMarker?: Error | undefined;
  /** Rewrites the NextMarker of a page asked with `marker` (to build cycles). */
  nextMarker?: (marker: string | undefined, next: string | undefined) => string | undefined;
}

function fakeClients(state: FakeState, calls: Call[]): ClientFactory {
  const command = (name: string) =>
    class {
      readonly name = name;
      constructor(readonly input: Record<string, unknown>) {}
    };
  const sdk = {
    GetDurableExecutionCommand: command('GetDurableExecution'),
    GetDurableExecutionHistoryCommand: command('GetDurableExecutionHistory'),
  };
  const client = {
    send: (cmd: { name: string; input: Record<string, unknown> }): Promise<unknown> => {
      calls.push({ command: cmd.name, input: cmd.input });
      if (cmd.name === 'GetDurableExecution') {
        const withData = cmd.input.IncludeExecutionData !== false;
        const response: GetDurableExecutionResponse = {
          DurableExecutionArn: arn,
          DurableExecutionName: 'run-1',
          FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:order-workflow:5',
          Status: state.status as never,
          StartTimestamp: new Date(start),
          ...(withData ? { InputPayload: '{"a":1}' } : { ExecutionDataIncluded: false }),
        };
        return Promise.resolve(response);
      }
      if (state.failHistory) {
        return Promise.reject(state.failHistory);
      }
      if (state.failMarker && cmd.input.Marker !== undefined) {
        return Promise.reject(state.failMarker);
      }
      const offset = Number(cmd.input.Marker ?? 0);
      const size = Number(cmd.input.MaxItems);
      const end = offset + size;
      const next = end < state.events.length ? String(end) : undefined;
      return Promise.resolve({
        Events: state.events.slice(offset, end),
        NextMarker: state.nextMarker ? state.nextMarker(cmd.input.Marker as string | undefined, next) : next,
      });
    },
  };
  return { get: () => Promise.resolve({ client, sdk, connection: {} }) } as unknown as ClientFactory;
}

function options(overrides: Partial<ExecutionDetailOptions> = {}): ExecutionDetailOptions {
  return {
    historyPageSize: () => 10,
    autoRefreshMs: () => 5000,
    stop: () => Promise.resolve(),
    answerCallback: () => Promise.resolve(),
    ...overrides,
  };
}

function pager(doc: PanelDocument): PagerBlock {
  return doc.blocks.find((b): b is PagerBlock => b.kind === 'pager' && b.id === historyBlockId)!;
}

describe('lambda execution DetailSource', () => {
  const signal = new AbortController().signal;

  it('loads the execution and the first history page, then more pages on request', async () => {
    const calls: Call[] = [];
    const source = new ExecutionDetailSource(fakeClients({ status: 'SUCCEEDED', events: history(2500) }, calls), arn, 'run-1', options());
    const first = await source.load(signal);
    assert.equal(source.title(), 'run-1');
    assert.equal(pager(first).canLoadMore, true);
    assert.equal(source.historyState.eventCount, 10);
    const historyCalls = () => calls.filter((c) => c.command === 'GetDurableExecutionHistory');
    assert.deepEqual(historyCalls()[0].input, { DurableExecutionArn: arn, IncludeExecutionData: true, Marker: undefined, MaxItems: 10 });
    assert.equal(calls.find((c) => c.command === 'GetDurableExecution')!.input.IncludeExecutionData, true);

    const docs: PanelDocument[] = [];
    await source.onLoadMore(historyBlockId, false, signal, (doc) => docs.push(doc));
    assert.equal(source.historyState.eventCount, 20);
    assert.equal(historyCalls().at(-1)!.input.Marker, '10');
    assert.equal(pager(docs[0]).loading, true, 'the first progress document says it is loading');
    assert.equal(pager(docs.at(-1)!).loading, false, 'the last one does not');

    await source.onLoadMore(historyBlockId, true, signal, (doc) => docs.push(doc));
    assert.equal(source.historyState.eventCount, 2500);
    assert.ok(
      historyCalls()
        .slice(2)
        .every((c) => c.input.MaxItems === 1000),
      'load all asks for the largest page',
    );
    const last = docs.at(-1)!;
    assert.equal(pager(last).canLoadMore, false);
    assert.match(pager(last).text, /All 2,500 events loaded/);
  });

  it('reloads as many events as were loaded when refreshed', async () => {
    const calls: Call[] = [];
    const source = new ExecutionDetailSource(fakeClients({ status: 'RUNNING', events: history(300) }, calls), arn, 'run-1', options());
    await source.load(signal);
    await source.onLoadMore(historyBlockId, false, signal, () => undefined);
    await source.onLoadMore(historyBlockId, false, signal, () => undefined);
    assert.equal(source.historyState.eventCount, 30);
    await source.load(signal);
    assert.ok(source.historyState.eventCount >= 30);
  });

  it('keeps the execution on screen when the history cannot be read', async () => {
    const state: FakeState = { status: 'FAILED', events: history(5), failHistory: Object.assign(new Error('no'), { name: 'AccessDeniedException' }) };
    const source = new ExecutionDetailSource(fakeClients(state, []), arn, 'run-1', options({ profile: () => 'dev' }));
    const doc = await source.load(signal);
    assert.equal(doc.title, 'run-1');
    assert.match(pager(doc).text, /lambda:GetDurableExecutionHistory is not allowed for profile "dev"/);
    assert.equal(pager(doc).canLoadMore, true, 'Load more retries');
    state.failHistory = undefined;
    const docs: PanelDocument[] = [];
    await source.onLoadMore(historyBlockId, false, signal, (d) => docs.push(d));
    assert.equal(source.historyState.eventCount, 5);
  });

  it('answers a Load more it cannot run with the real pager state', async () => {
    const source = new ExecutionDetailSource(fakeClients({ status: 'SUCCEEDED', events: history(3) }, []), arn, 'run-1', options());
    await source.load(signal);
    const docs: PanelDocument[] = [];
    await source.onLoadMore(historyBlockId, false, signal, (d) => docs.push(d));
    assert.equal(docs.length, 1);
    assert.equal(pager(docs[0]).canLoadMore, false);
  });

  it('offers Stop only for a RUNNING execution, and refreshes itself only while RUNNING', async () => {
    const stopped: Execution[] = [];
    const opts = options({ stop: (e) => Promise.resolve(void stopped.push(e)) });
    const state = { status: 'RUNNING', events: history(3) };
    const source = new ExecutionDetailSource(fakeClients(state, []), arn, 'run-1', opts);
    const doc = await source.load(signal);
    assert.deepEqual(
      doc.actions.map((a) => a.id),
      [stopActionId],
    );
    assert.equal(source.autoRefreshMs(), 5000);
    await source.onAction(stopActionId);
    assert.deepEqual(
      stopped.map((e) => e.DurableExecutionArn),
      [arn],
    );
    state.status = 'STOPPED';
    const after = await source.load(signal);
    assert.deepEqual(after.actions, []);
    assert.equal(source.autoRefreshMs(), 0);
    await source.onAction(stopActionId);
    assert.equal(stopped.length, 1, 'a finished execution is not stopped again');
  });

  it('offers answer buttons on pending callbacks only, and answers only a callback the execution waits on', async () => {
    const callbackEvents = (): HistoryEvent[] => [
      {
        EventType: 'ExecutionStarted',
        EventId: 1,
        Id: 'exec',
        EventTimestamp: new Date(start),
        ExecutionStartedDetails: { Input: { Payload: '{}' }, ExecutionTimeout: 60 },
      },
      {
        EventType: 'CallbackStarted',
        EventId: 2,
        Id: 'cb1',
        Name: 'approval',
        EventTimestamp: new Date(start + 1000),
        CallbackStartedDetails: { CallbackId: 'Q2Ix==' },
      },
      {
        EventType: 'CallbackStarted',
        EventId: 3,
        Id: 'cb2',
        Name: 'done',
        EventTimestamp: new Date(start + 2000),
        CallbackStartedDetails: { CallbackId: 'Q2Iy' },
      },
      { EventType: 'CallbackSucceeded', EventId: 4, Id: 'cb2', EventTimestamp: new Date(start + 3000), CallbackSucceededDetails: { Result: { Payload: '1' } } },
    ];
    const answered: string[] = [];
    const loaded: (readonly string[] | undefined)[] = [];
    const opts = options({
      answerCallback: (kind, e, id) => Promise.resolve(void answered.push(`${kind}:${e.DurableExecutionName ?? ''}:${id}`)),
      onExecutionLoaded: (_e, pending) => void loaded.push(pending),
    });
    const state = { status: 'RUNNING', events: callbackEvents() };
    const source = new ExecutionDetailSource(fakeClients(state, []), arn, 'run-1', opts);
    const doc = await source.load(signal);
    assert.deepEqual(doc.targetActions, ['callbackSuccess', 'callbackFailure', 'callbackHeartbeat']);
    const tree = doc.blocks.find((b) => b.kind === 'tree');
    assert.ok(tree?.kind === 'tree');
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('op-cb1')?.target, 'Q2Ix==');
    assert.deepEqual(
      byId.get('op-cb1')?.actions?.map((a) => a.id),
      ['callbackSuccess', 'callbackFailure', 'callbackHeartbeat'],
    );
    assert.equal(byId.get('op-cb2')?.actions, undefined, 'an answered callback has no buttons');
    assert.deepEqual(loaded.at(-1), ['Q2Ix=='], 'the tree learns the pending callback');

    await source.onAction('callbackSuccess', 'Q2Iy');
    await source.onAction('callbackSuccess', 'made-up');
    await source.onAction('stop', 'Q2Ix==');
    assert.deepEqual(answered, [], 'closed or unknown callbacks and unknown actions are not answered');
    await source.onAction('callbackFailure', 'Q2Ix==');
    await source.onAction('callbackHeartbeat', 'Q2Ix==');
    assert.deepEqual(answered, ['failure:run-1:Q2Ix==', 'heartbeat:run-1:Q2Ix==']);

    state.status = 'STOPPED';
    const stopped = await source.load(signal);
    assert.equal(stopped.targetActions, undefined, 'a finished execution waits on nothing');
    await source.onAction('callbackSuccess', 'Q2Ix==');
    assert.equal(answered.length, 2);
  });

  it('gives the whole payload for "Open whole document"', async () => {
    const source = new ExecutionDetailSource(fakeClients({ status: 'SUCCEEDED', events: [] }, []), arn, 'run-1', options());
    await source.load(signal);
    assert.equal(source.wholeText('input'), '{\n  "a": 1\n}');
    assert.equal(source.wholeText('nothing'), undefined);
  });
});

describe('lambda execution DetailSource: size and change (issue 12)', () => {
  const signal = new AbortController().signal;

  it('an auto-refresh tick of a RUNNING execution asks for the status without data and the history after the last event', async () => {
    const calls: Call[] = [];
    const state: FakeState = { status: 'RUNNING', events: history(2500) };
    const source = new ExecutionDetailSource(fakeClients(state, calls), arn, 'run-1', options());
    await source.load(signal);
    await source.onLoadMore(historyBlockId, true, signal, () => undefined);
    assert.equal(source.historyState.eventCount, 2500);
    calls.length = 0;
    state.events = history(2503);
    const doc = await source.poll(signal);
    assert.deepEqual(
      calls.map((c) => c.command),
      ['GetDurableExecution', 'GetDurableExecutionHistory'],
    );
    assert.equal(calls[0].input.IncludeExecutionData, false);
    assert.equal(calls[1].input.Marker, '2010', 'the last page is asked again, not the whole history');
    assert.equal(source.historyState.eventCount, 2503, 'only the three new events are added');
    assert.ok(!doc.blocks.some((b) => b.id === 'dataNotIncluded'), 'the payloads on screen stay');
    assert.ok(doc.blocks.some((b) => b.kind === 'code' && b.id === 'input'));
  });

  it('"Load all" stops at its limit with a message; "Load more" goes on', async () => {
    const source = new ExecutionDetailSource(
      fakeClients({ status: 'SUCCEEDED', events: history(2500) }, []),
      arn,
      'run-1',
      options({ loadAllLimit: () => 1000 }),
    );
    await source.load(signal);
    const docs: PanelDocument[] = [];
    await source.onLoadMore(historyBlockId, true, signal, (d) => docs.push(d));
    assert.equal(source.historyState.eventCount, 1000);
    assert.match(pager(docs.at(-1)!).text, /"Load all" stops at 1,000 events/);
    assert.equal(pager(docs.at(-1)!).canLoadMore, true);
    await source.onLoadMore(historyBlockId, false, signal, () => undefined);
    assert.equal(source.historyState.eventCount, 1010);
  });

  it('stops at a marker cycle A→B→A', async () => {
    const calls: Call[] = [];
    // Page 1 → "10" (A), page 2 → "1010" (B), page 3 → "10" again.
    const state: FakeState = { status: 'SUCCEEDED', events: history(5000), nextMarker: (marker, next) => (marker === '1010' ? '10' : next) };
    const source = new ExecutionDetailSource(fakeClients(state, calls), arn, 'run-1', options());
    await source.load(signal);
    const docs: PanelDocument[] = [];
    await source.onLoadMore(historyBlockId, true, signal, (d) => docs.push(d));
    assert.equal(calls.filter((c) => c.command === 'GetDurableExecutionHistory').length, 3);
    assert.match(pager(docs.at(-1)!).text, /returned a history marker it had returned before/);
    assert.equal(pager(docs.at(-1)!).canLoadMore, false);
  });

  it('an expired marker shows a notice that offers to reload', async () => {
    const state: FakeState = { status: 'SUCCEEDED', events: history(100) };
    const source = new ExecutionDetailSource(fakeClients(state, []), arn, 'run-1', options());
    await source.load(signal);
    state.failMarker = Object.assign(new Error('Invalid marker: the pagination token has expired.'), { name: 'InvalidParameterValueException' });
    const docs: PanelDocument[] = [];
    await source.onLoadMore(historyBlockId, false, signal, (d) => docs.push(d));
    const notice = docs.at(-1)!.blocks.find((b) => b.id === 'historyExpired');
    assert.ok(notice?.kind === 'notice' && notice.reload === true, 'a notice with Reload');
    assert.equal(pager(docs.at(-1)!).canLoadMore, false);
  });
});
