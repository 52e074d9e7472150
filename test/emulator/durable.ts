/**
 * The emulator's real durable functions: forks the durable host (test/durable/host.ts), which runs the sample
 * functions with AWS's durable execution SDK and LocalDurableTestRunner, and mirrors the executions it
 * publishes so lambda.ts can answer List/Get/GetHistory synchronously from the runner's real state. Actions
 * (Invoke, Stop, callbacks) and the runner's operation view go to the host and wait for its answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { ensureDurableInstalled } from '../../scripts/install-durable';
import * as path from 'node:path';
import { SAMPLE_FUNCTIONS } from '../durable/functions/catalog';
import type { ChildMessage, HostError, HostRequest, HostResult, LiveExecution, RunnerOperation } from '../durable/protocol';
import { functionArn, makeFunction } from './gen-lambda';
import type { ErrorObject, ExecutionRecord, FunctionRecord } from './model';
import { Rng } from './prng';

export type { LiveExecution, RunnerOperation };

/** The region the sample functions are deployed in. */
export const LIVE_REGION = 'us-east-1';

export interface DurableOptions {
  /** Virtual seconds per real second: 20 runs a 10-minute wait in 30 s; tests use larger values to skip time. */
  timeScale: number;
}

export class HostRequestError extends Error {
  constructor(
    readonly code: HostError['code'],
    message: string,
  ) {
    super(message);
  }
}

const repoRoot = path.resolve(__dirname, '..', '..');

/** The sample functions as Lambda function records (durable, ExecutionTimeout from the catalogue). */
export function liveFunctions(now: number): FunctionRecord[] {
  const rng = new Rng(`${LIVE_REGION}/lambda/live`);
  return SAMPLE_FUNCTIONS.map((f) =>
    makeFunction(
      LIVE_REGION,
      {
        name: f.name,
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        memorySize: 512,
        timeout: 900,
        description: f.description,
        durableConfig: { RetentionPeriodInDays: 14, ExecutionTimeout: f.executionTimeoutSeconds },
      },
      now,
      rng,
    ),
  );
}

function record(live: LiveExecution): ExecutionRecord {
  const out: ExecutionRecord = {
    functionName: live.functionName,
    functionArn: functionArn(LIVE_REGION, live.functionName),
    arn: live.arn,
    name: live.name,
    id: live.id,
    version: '$LATEST',
    status: live.status,
    startMs: live.startMs,
    lastEventMs: live.events.at(-1)?.EventTimestampMs ?? live.startMs,
    workflow: 'live',
    variant: 0,
    seed: 0,
  };
  if (live.endMs !== undefined) {
    out.endMs = live.endMs;
  }
  return out;
}

export class DurableRuntime {
  private readonly executions = new Map<string, LiveExecution>();
  private readonly pending = new Map<number, { resolve: (r: HostResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private exited = false;
  private readonly listeners = new Set<(e: LiveExecution) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: ChildMessage) => this.receive(message));
    child.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) {
        reject(new HostRequestError('ServiceException', 'The durable host exited'));
      }
      this.pending.clear();
    });
  }

  /** Forks the host on the clock `clockBase + (real - realStart) × timeScale` (the emulator's own clock). */
  static async start(options: DurableOptions & { clockBase: number; realStart: number }): Promise<DurableRuntime> {
    ensureDurableInstalled();
    const child = fork(path.join(repoRoot, 'test', 'durable', 'host.ts'), [], {
      execArgv: ['--require', require.resolve('tsx/cjs'), '--require', path.join(repoRoot, 'test', 'durable', 'clock.ts')],
      env: {
        ...process.env,
        DURABLE_TIME_SCALE: String(options.timeScale),
        DURABLE_CLOCK_BASE: String(options.clockBase),
        DURABLE_CLOCK_REAL_START: String(options.realStart),
        // The SDK's logger writes each step's log line to stdout; the emulator's stdout is its one URL line.
        AWS_LAMBDA_LOG_LEVEL: 'ERROR',
        // The runner's newer SDK client warns on every start that Node 20 support ends; the emulator knows.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const runtime = new DurableRuntime(child);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'ready') {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`The durable host exited with ${code} before it was ready`)));
    });
    return runtime;
  }

  private receive(message: ChildMessage): void {
    if (message.type === 'execution') {
      this.executions.set(message.execution.arn, message.execution);
      for (const listener of this.listeners) {
        listener(message.execution);
      }
    } else if (message.type === 'reply') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) {
        waiter?.reject(new HostRequestError(message.error.code, message.error.message));
      } else {
        waiter?.resolve(message.result ?? { ok: true });
      }
    }
  }

  private request(request: HostRequest): Promise<HostResult> {
    if (this.exited) {
      return Promise.reject(new HostRequestError('ServiceException', 'The durable host is not running'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, request });
    });
  }

  isLiveFunction(name: string): boolean {
    return SAMPLE_FUNCTIONS.some((f) => f.name === name);
  }

  /** Newest first, like the data sets. */
  executionsOf(functionName: string): ExecutionRecord[] {
    return [...this.executions.values()]
      .filter((e) => e.functionName === functionName)
      .sort((a, b) => b.startMs - a.startMs || (a.arn < b.arn ? -1 : 1))
      .map(record);
  }

  all(): LiveExecution[] {
    return [...this.executions.values()];
  }

  get(arn: string): LiveExecution | undefined {
    return this.executions.get(arn);
  }

  recordOf(arn: string): ExecutionRecord | undefined {
    const live = this.executions.get(arn);
    return live && record(live);
  }

  /** Callback ids of CallbackStarted events that have no end event yet. */
  pendingCallbacks(live: LiveExecution): string[] {
    const ended = new Set(live.events.filter((e) => /^Callback(Succeeded|Failed|TimedOut)$/.test(e.EventType)).map((e) => e.Id));
    return live.status !== 'RUNNING'
      ? []
      : live.events.filter((e) => e.EventType === 'CallbackStarted' && !ended.has(e.Id)).map((e) => String(e.details['CallbackId']));
  }

  async start(functionName: string, name: string, input: string): Promise<LiveExecution> {
    const result = (await this.request({ op: 'start', functionName, name, input, functionArn: functionArn(LIVE_REGION, functionName) })) as { arn: string };
    return this.executions.get(result.arn)!;
  }

  async stop(arn: string, error: ErrorObject): Promise<number> {
    return ((await this.request({ op: 'stop', arn, error })) as { stopMs: number }).stopMs;
  }

  async callback(callbackId: string, action: 'succeed' | 'fail' | 'heartbeat', payload: { result?: string; error?: ErrorObject } = {}): Promise<void> {
    await this.request({ op: 'callback', callbackId, action, ...payload });
  }

  async operations(arn: string): Promise<RunnerOperation[]> {
    return (await this.request({ op: 'operations', arn })) as RunnerOperation[];
  }

  /** Resolves with the execution once `done` holds for it (checked on every update the host publishes). */
  until(arn: string, done: (e: LiveExecution) => boolean): Promise<LiveExecution> {
    const now = this.executions.get(arn);
    if (now && done(now)) {
      return Promise.resolve(now);
    }
    return new Promise((resolve) => {
      const listener = (e: LiveExecution) => {
        if (e.arn === arn && done(e)) {
          this.listeners.delete(listener);
          resolve(e);
        }
      };
      this.listeners.add(listener);
    });
  }

  close(): Promise<void> {
    if (this.exited) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/**
 * The demo's live executions: an order that waits for a manager's approval, one that the demo approves as
 * soon as it asks (it then finishes, with its chained payment), a report that finishes within a minute at
 * time scale 20, a failing feed import and a declined payment (real errors with stack traces), an import that
 * times out and an export that an operator stops. Resolves once all are started (the stop happens later).
 */
export async function startDemoExecutions(runtime: DurableRuntime): Promise<void> {
  const sample = (name: string): unknown => SAMPLE_FUNCTIONS.find((f) => f.name === name)?.sampleInput;
  await runtime.start('order-processor', 'order-1001', JSON.stringify(sample('order-processor')));
  const approved = await runtime.start('order-processor', 'order-1002', JSON.stringify({ ...(sample('order-processor') as object), orderId: 'ord-1002' }));
  await runtime.start('weekly-report', 'report-2026-W49', JSON.stringify(sample('weekly-report')));
  await runtime.start('inventory-sync', 'feed-acme-20261203', JSON.stringify(sample('inventory-sync')));
  await runtime.start('payment-processor', 'pay-ord-2002', JSON.stringify(sample('payment-processor')));
  await runtime.start('data-import', 'import-globex', JSON.stringify(sample('data-import')));
  const exported = await runtime.start('data-export', 'export-orders', JSON.stringify(sample('data-export')));

  void runtime
    .until(approved.arn, (e) => runtime.pendingCallbacks(e).length > 0)
    .then((e) => runtime.callback(runtime.pendingCallbacks(e)[0], 'succeed', { result: JSON.stringify({ approvedBy: 'demo-manager' }) }));
  void runtime
    .until(exported.arn, (e) => e.events.some((ev) => ev.EventType === 'WaitStarted'))
    .then(() => runtime.stop(exported.arn, { ErrorType: 'StoppedByOperator', ErrorMessage: 'Export paused for the maintenance window' }));
}
