/**
 * The durable host: a child process of the emulator (test/emulator/durable.ts forks it with tsx and the
 * scaled clock preloaded) that runs the sample functions with AWS's LocalDurableTestRunner, one runner per
 * execution. It publishes each execution's real history events whenever they change and answers the
 * emulator's requests: start (Invoke), stop, callbacks, and the runner's own view of the operations.
 *
 * The runner knows only SUCCEEDED and FAILED. Stop and ExecutionTimeout are what the service adds on top:
 * the host halts the execution (no invocation of user code starts again, events after the halt are not
 * published) and appends the ExecutionStopped / ExecutionTimedOut event, as the service's history does.
 */
import type { DurableExecutionInvocationInput, DurableLambdaHandler } from '@aws/durable-execution-sdk-js';
import { LocalDurableTestRunner, type DurableOperation } from '@aws/durable-execution-sdk-js-testing';
import { realTimers } from './clock';
import { sampleInfo } from './functions/catalog';
import { HANDLERS } from './functions';
import type { ErrorObject, ExecutionStatus, HistoryEvent } from '../emulator/model';
import type { ChildMessage, HostError, HostRequest, HostResult, LiveExecution, ParentMessage, RunnerOperation } from './protocol';

/** How often (real time) changed executions are published to the emulator. */
const PUBLISH_INTERVAL_MS = 50;

type RawEvent = Record<string, unknown> & { EventType?: string; EventId?: number; EventTimestamp?: Date };

/**
 * The runner exposes history and operations publicly only once run() resolves; a RUNNING execution's are in
 * the same storage the result is built from, read here through these two fields.
 */
interface RunnerInternals {
  operationIndex: { getHistoryEvents(): RawEvent[] };
  operationStorage: { getOperations(): DurableOperation[] };
}

/** How a run ended, as the runner reports it. */
interface ChildOutcome {
  status: string;
  result?: unknown;
  error?: { ErrorType?: string | undefined; ErrorMessage?: string | undefined };
}

class HostFailure extends Error {
  constructor(
    readonly code: HostError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Date → epoch ms, recursively: the emulator's records keep `*Timestamp` fields as ms. */
function toMs(value: unknown): unknown {
  if (value instanceof Date) {
    return value.getTime();
  }
  if (Array.isArray(value)) {
    return value.map(toMs);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toMs(v)]));
  }
  return value;
}

/**
 * The runner's event as the service's history has it. Two fields differ from the service model, which is what
 * the service serializes: ExecutionStartedDetails.ExecutionTimeout is required there (the service knows the
 * function's timeout, the local runner does not), and CallbackStartedDetails has no `Input`.
 */
function historyEvent(raw: RawEvent, executionTimeoutSeconds: number): HistoryEvent {
  const detailsKey = Object.keys(raw).find((k) => k.endsWith('Details')) ?? `${String(raw.EventType)}Details`;
  const details = { ...((toMs(raw[detailsKey]) ?? {}) as Record<string, unknown>) };
  if (raw.EventType === 'ExecutionStarted') {
    details['ExecutionTimeout'] ??= executionTimeoutSeconds;
  } else if (raw.EventType === 'CallbackStarted') {
    delete details['Input'];
  }
  const event: HistoryEvent = {
    EventType: String(raw.EventType),
    EventId: Number(raw.EventId),
    EventTimestampMs: raw.EventTimestamp instanceof Date ? raw.EventTimestamp.getTime() : Date.now(),
    detailsKey,
    details,
  };
  for (const key of ['SubType', 'Id', 'Name', 'ParentId'] as const) {
    if (typeof raw[key] === 'string') {
      event[key] = raw[key];
    }
  }
  return event;
}

function payloadOf(details: Record<string, unknown> | undefined, key: 'Result' | 'Error'): unknown {
  const part = details?.[key];
  return part !== null && typeof part === 'object' ? (part as { Payload?: unknown }).Payload : undefined;
}

const TERMINAL: Record<string, ExecutionStatus> = {
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT',
  ExecutionStopped: 'STOPPED',
};

class Run {
  readonly runner: LocalDurableTestRunner;
  id = '';
  arn = '';
  readonly startMs = Date.now();
  /** Set when the host stopped or timed the execution out; no event after it is published. */
  private halt: { status: 'STOPPED' | 'TIMED_OUT'; atMs: number; error: ErrorObject; frozen: HistoryEvent[]; operations: RunnerOperation[] } | undefined;
  private runError: ErrorObject | undefined;
  private published = '';
  /**
   * Resolves with the runner's own outcome (its Lambda response: status, result, error). That is what a
   * chained invoke answers with: the history may not hold the terminal event yet when run() resolves, and a
   * parent that read it then saw a RUNNING child and failed its ChainedInvoke (an order that never succeeded).
   */
  readonly settled: Promise<ChildOutcome | undefined>;
  private resolveStarted!: () => void;
  readonly started = new Promise<void>((resolve) => (this.resolveStarted = resolve));

  constructor(
    readonly functionName: string,
    readonly functionArn: string,
    readonly name: string,
    readonly input: string,
    handler: DurableLambdaHandler,
    private readonly timeoutSeconds: number,
  ) {
    const gated: DurableLambdaHandler = (event: DurableExecutionInvocationInput, context) => {
      if (!this.id) {
        // The EXECUTION operation's id (what its events carry); the runner's internal execution id otherwise.
        this.id =
          (this.internals()
            .operationIndex.getHistoryEvents()
            .find((e) => e.EventType === 'ExecutionStarted')?.['Id'] as string | undefined) ?? event.DurableExecutionArn;
        this.arn = `${functionArn}:$LATEST/durable-execution/${name}/${this.id}`;
        this.resolveStarted();
      }
      // A halted execution never runs user code again: the invocation stays pending, like a stopped one.
      return this.halt ? new Promise(() => undefined) : handler(event, context);
    };
    this.runner = new LocalDurableTestRunner({ handlerFunction: gated });
    // context.invoke() of any sample function starts a visible execution of it (see Host.invokeChained).
    for (const sample of Object.keys(HANDLERS)) {
      this.runner.registerFunction(`${sample}:$LATEST`, (payload: unknown) => host.invokeChained(this, sample, payload));
    }
    this.settled = this.runner.run({ payload: JSON.parse(input) as unknown }).then(
      (result): ChildOutcome => {
        const status = String(result.getStatus());
        if (status === 'SUCCEEDED') {
          return { status, result: result.getResult() };
        }
        const { errorType, errorMessage } = result.getError();
        return { status, error: { ErrorType: errorType, ErrorMessage: errorMessage } };
      },
      (error: unknown): undefined => {
        this.runError = { ErrorType: error instanceof Error ? error.name : 'Error', ErrorMessage: error instanceof Error ? error.message : String(error) };
        this.resolveStarted();
        return undefined;
      },
    );
    // The patched setTimeout runs on the scaled clock, so this fires after ExecutionTimeout of virtual time.
    setTimeout(() => {
      this.stop('TIMED_OUT', { ErrorType: 'ExecutionTimedOut', ErrorMessage: `Execution exceeded its ExecutionTimeout of ${timeoutSeconds} seconds` });
    }, timeoutSeconds * 1000);
  }

  private internals(): RunnerInternals {
    return this.runner as unknown as RunnerInternals;
  }

  events(): HistoryEvent[] {
    if (this.halt) {
      return this.halt.frozen;
    }
    return this.internals()
      .operationIndex.getHistoryEvents()
      .slice()
      .sort((a, b) => Number(a.EventId) - Number(b.EventId))
      .map((raw) => historyEvent(raw, this.timeoutSeconds));
  }

  operations(): DurableOperation[] {
    return this.internals().operationStorage.getOperations();
  }

  /** The runner's view, as it was when the execution was halted (its timers may still move it on). */
  operationViews(): RunnerOperation[] {
    return this.halt?.operations ?? this.operations().map(operationView);
  }

  snapshot(): LiveExecution {
    const events = this.events();
    const last = events.at(-1);
    let status: ExecutionStatus = (last && TERMINAL[last.EventType]) ?? 'RUNNING';
    if (status === 'RUNNING' && this.runError) {
      status = 'FAILED';
    }
    const execution: LiveExecution = {
      arn: this.arn,
      id: this.id,
      name: this.name,
      functionName: this.functionName,
      status,
      startMs: events[0]?.EventTimestampMs ?? this.startMs,
      input: this.input,
      events,
    };
    if (status !== 'RUNNING') {
      execution.endMs = last?.EventTimestampMs ?? Date.now();
    }
    const result = payloadOf(last?.details, 'Result');
    if (status === 'SUCCEEDED' && typeof result === 'string') {
      execution.result = result;
    }
    const error = payloadOf(last?.details, 'Error') ?? this.runError;
    if (status !== 'SUCCEEDED' && status !== 'RUNNING' && error && typeof error === 'object') {
      execution.error = error;
    }
    return execution;
  }

  isRunning(): boolean {
    return this.snapshot().status === 'RUNNING';
  }

  /** Halts a RUNNING execution and appends the service's terminal event; returns its time. */
  stop(status: 'STOPPED' | 'TIMED_OUT', error: ErrorObject): number | undefined {
    if (!this.isRunning()) {
      return undefined;
    }
    const events = this.events();
    const atMs = Math.max(Date.now(), events.at(-1)?.EventTimestampMs ?? 0);
    const type = status === 'STOPPED' ? 'ExecutionStopped' : 'ExecutionTimedOut';
    events.push({
      EventType: type,
      EventId: events.length + 1,
      Id: this.id,
      EventTimestampMs: atMs,
      detailsKey: `${type}Details`,
      details: { Error: { Payload: error } },
    });
    this.halt = { status, atMs, error, frozen: events, operations: this.operationViews() };
    host.publish(this);
    return atMs;
  }

  /**
   * Publishes only when something changed since the last time: events are only ever added (or frozen by a
   * halt), and the status changes with them or with a failed run, so their count and those two say it.
   */
  changed(): boolean {
    const count = this.halt ? this.halt.frozen.length : this.internals().operationIndex.getHistoryEvents().length;
    const key = `${count}|${this.halt?.status ?? ''}|${this.runError ? 'error' : ''}`;
    if (key === this.published) {
      return false;
    }
    this.published = key;
    return true;
  }
}

function operationView(op: DurableOperation): RunnerOperation {
  const view: RunnerOperation = { id: op.getId() ?? '' };
  const set = <K extends keyof RunnerOperation>(key: K, value: RunnerOperation[K] | undefined) => {
    if (value !== undefined) {
      view[key] = value;
    }
  };
  set('parentId', op.getParentId());
  set('name', op.getName());
  set('type', op.getType());
  set('subType', op.getSubType());
  set('status', op.getStatus());
  set('startMs', op.getStartTimestamp()?.getTime());
  set('endMs', op.getEndTimestamp()?.getTime());
  switch (op.getType()) {
    case 'STEP':
      set('attempt', op.getStepDetails()?.attempt);
      break;
    case 'WAIT':
      set('scheduledEndMs', op.getWaitDetails()?.scheduledEndTimestamp?.getTime());
      break;
    case 'CALLBACK':
      set('callbackId', op.getCallbackDetails()?.callbackId);
      break;
  }
  return view;
}

class Host {
  private readonly runs = new Map<string, Run>();
  private readonly names = new Set<string>();

  async start(functionName: string, functionArn: string, name: string, input: string): Promise<Run> {
    const sample = sampleInfo(functionName);
    const handler = HANDLERS[functionName];
    if (!sample || !handler) {
      throw new HostFailure('ResourceNotFoundException', `No durable sample function named ${functionName}`);
    }
    this.names.add(name);
    const run = new Run(functionName, functionArn, name, input, handler, sample.executionTimeoutSeconds);
    await run.started;
    if (!run.arn) {
      throw new HostFailure('ServiceException', `The runner did not start ${functionName}`);
    }
    this.runs.set(run.arn, run);
    this.publish(run);
    return run;
  }

  /** context.invoke() of another sample: a visible execution of its own, awaited like Lambda would. */
  async invokeChained(parent: Run, functionName: string, payload: unknown): Promise<unknown> {
    let name = `${parent.name}-${functionName}`.slice(0, 60);
    for (let i = 2; this.names.has(name); i++) {
      name = `${parent.name}-${functionName}`.slice(0, 56) + `-${i}`;
    }
    const arn = parent.functionArn.slice(0, parent.functionArn.length - parent.functionName.length) + functionName;
    const child = await this.start(functionName, arn, name, JSON.stringify(payload ?? {}));
    const outcome = await child.settled;
    if (outcome?.status === 'SUCCEEDED') {
      return outcome.result;
    }
    const error = new Error(outcome?.error?.ErrorMessage ?? `${functionName} ended ${outcome?.status ?? child.snapshot().status}`);
    error.name = outcome?.error?.ErrorType ?? 'ChainedInvokeFailed';
    throw error;
  }

  find(arn: string): Run {
    const run = this.runs.get(arn);
    if (!run) {
      throw new HostFailure('ResourceNotFoundException', `Durable execution not found: ${arn}`);
    }
    return run;
  }

  async callback(callbackId: string, action: 'succeed' | 'fail' | 'heartbeat', result?: string, error?: ErrorObject): Promise<void> {
    for (const run of this.runs.values()) {
      const op = run.operations().find((o) => o.getType() === 'CALLBACK' && o.getCallbackDetails()?.callbackId === callbackId);
      if (!op) {
        continue;
      }
      if (op.getStatus() !== 'STARTED' || !run.isRunning()) {
        throw new HostFailure('CallbackTimeoutException', 'The callback has already been closed.');
      }
      if (action === 'succeed') {
        await op.sendCallbackSuccess(result);
      } else if (action === 'fail') {
        await op.sendCallbackFailure(error);
      } else if (op.getEvents()?.some((e) => e.CallbackStartedDetails?.HeartbeatTimeout !== undefined)) {
        await op.sendCallbackHeartbeat();
      }
      // A heartbeat for a callback without a heartbeat timeout keeps nothing alive: accepted, nothing to do
      // (the local runner refuses it; the service has no reason to).
      return;
    }
    throw new HostFailure('InvalidParameterValueException', 'Invalid callback id');
  }

  async handle(request: HostRequest): Promise<HostResult> {
    switch (request.op) {
      case 'start':
        return { arn: (await this.start(request.functionName, request.functionArn, request.name, request.input)).arn };
      case 'stop': {
        const run = this.find(request.arn);
        const stopMs = run.stop('STOPPED', request.error);
        if (stopMs === undefined) {
          throw new HostFailure('InvalidParameterValueException', `Durable execution ${request.arn} is not running.`);
        }
        return { stopMs };
      }
      case 'callback':
        await this.callback(request.callbackId, request.action, request.result, request.error);
        return { ok: true };
      case 'operations':
        return this.find(request.arn).operationViews();
    }
  }

  publish(run: Run): void {
    if (run.arn && run.changed()) {
      send({ type: 'execution', execution: run.snapshot() });
    }
  }

  publishAll(): void {
    for (const run of this.runs.values()) {
      this.publish(run);
    }
  }
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

const host = new Host();

async function main(): Promise<void> {
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: false });
  process.on('message', (message: ParentMessage) => {
    host.handle(message.request).then(
      (result) => {
        host.publishAll();
        send({ type: 'reply', id: message.id, result });
      },
      (error: unknown) => {
        const failure =
          error instanceof HostFailure
            ? { code: error.code, message: error.message }
            : { code: 'ServiceException' as const, message: error instanceof Error ? error.message : String(error) };
        send({ type: 'reply', id: message.id, error: failure });
      },
    );
  });
  // Ends with the emulator: the IPC channel closes when the parent exits or kills it.
  process.on('disconnect', () => process.exit(0));
  realTimers.setInterval(() => host.publishAll(), PUBLISH_INTERVAL_MS);
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(`durable host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
