/**
 * Typed client for the emulator's control API. Uses only global `fetch` and
 * type-only imports, so it runs in Node and inside the VS Code extension host.
 */
import type { CallbackHit, EmulatorInfo, LiveExecutionSummary, RunnerOperation } from './control-api';
import type { ActiveFault, FaultSpec } from './faults';
import type { RequestLogEntry, RequestLogFilter } from './request-log';

export type { ActiveFault, CallbackHit, EmulatorInfo, FaultSpec, LiveExecutionSummary, RequestLogEntry, RequestLogFilter, RunnerOperation };

export class EmulatorControl {
  private readonly base: string;

  constructor(url: string) {
    this.base = url.replace(/\/+$/, '');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    const res = await fetch(`${this.base}${path}`, init);
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`Emulator control ${method} ${path} failed: ${res.status} ${text}`);
    }
    return JSON.parse(text) as T;
  }

  info(): Promise<EmulatorInfo> {
    return this.call('GET', '/__emulator/info');
  }

  /** The AWS requests served so far (oldest first), optionally filtered server-side. */
  requests(filter: RequestLogFilter = {}): Promise<RequestLogEntry[]> {
    const q = new URLSearchParams();
    if (filter.service) {
      q.set('service', filter.service);
    }
    if (filter.operation) {
      q.set('operation', filter.operation);
    }
    if (filter.sinceSeq !== undefined) {
      q.set('sinceSeq', String(filter.sinceSeq));
    }
    const qs = q.toString();
    return this.call('GET', `/__emulator/requests${qs ? `?${qs}` : ''}`);
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/__emulator/requests');
  }

  /** Adds a fault rule; returns it with its id and counters. */
  fault(spec: FaultSpec): Promise<ActiveFault> {
    return this.call('POST', '/__emulator/faults', spec);
  }

  faults(): Promise<ActiveFault[]> {
    return this.call('GET', '/__emulator/faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/__emulator/faults');
  }

  /** Clears faults, the request log and callback hits, and un-stops stopped executions. */
  async reset(): Promise<void> {
    await this.call('POST', '/__emulator/reset');
  }

  callbacks(): Promise<{ count: number; hits: CallbackHit[] }> {
    return this.call('GET', '/__emulator/callbacks');
  }

  async clearCallbacks(): Promise<void> {
    await this.call('DELETE', '/__emulator/callbacks');
  }

  /** Executions of the sample durable functions (emulator started with durable functions only). */
  durableExecutions(): Promise<LiveExecutionSummary[]> {
    return this.call('GET', '/__emulator/durable/executions');
  }

  /** Starts an execution of a sample durable function with the runner. */
  startDurableExecution(functionName: string, name: string, input?: unknown): Promise<LiveExecutionSummary> {
    return this.call('POST', '/__emulator/durable/executions', { functionName, name, input });
  }

  /** The runner's own view of an execution's operations (`DurableOperation` getters). */
  durableOperations(arn: string): Promise<RunnerOperation[]> {
    return this.call('GET', `/__emulator/durable/operations?arn=${encodeURIComponent(arn)}`);
  }

  /** Answers a pending callback as SendDurableExecutionCallbackSuccess/Failure/Heartbeat would. */
  async answerCallback(
    callbackId: string,
    answer: { action: 'succeed'; result?: string } | { action: 'fail'; error?: Record<string, unknown> } | { action: 'heartbeat' },
  ): Promise<void> {
    await this.call('POST', '/__emulator/durable/callbacks', { callbackId, ...answer });
  }
}
