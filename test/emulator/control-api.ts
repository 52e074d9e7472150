/**
 * The emulator's own HTTP control surface under /__emulator/, plus the
 * /__callback/ sink that counts requests made by hostile payloads (links,
 * images) that a webview should never have fetched.
 */
import type { DurableRuntime, LiveExecution, RunnerOperation } from './durable';
import type { FaultRegistry } from './faults';
import { parseFaultSpec } from './faults';
import type { ServiceName, WireResponse } from './protocol';
import type { RequestLog } from './request-log';

export interface EmulatorInfo {
  dataset: string;
  /** Epoch ms the data set was generated relative to. */
  now: number;
  nowIso: string;
  url: string;
}

export interface CallbackHit {
  seq: number;
  method: string;
  path: string;
  query: string;
  time: string;
  userAgent?: string;
}

export class CallbackRecorder {
  private hits: CallbackHit[] = [];
  private seq = 0;

  record(hit: Omit<CallbackHit, 'seq' | 'time'>): void {
    this.hits.push({ ...hit, seq: ++this.seq, time: new Date().toISOString() });
  }

  snapshot(): { count: number; hits: CallbackHit[] } {
    return { count: this.hits.length, hits: this.hits.slice() };
  }

  clear(): void {
    this.hits = [];
  }
}

export interface ControlContext {
  info(): EmulatorInfo;
  log: RequestLog;
  faults: FaultRegistry;
  callbacks: CallbackRecorder;
  /** Present when the emulator runs the sample durable functions. */
  durable?: DurableRuntime;
  /** Faults, log, callbacks and stopped executions back to the start state. */
  reset(): void;
}

const ok = (body: unknown, status = 200): WireResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bad = (message: string, status = 400): WireResponse => ok({ error: message }, status);

function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A live execution as the control API lists it: the summary plus the callbacks waiting for an answer. */
export interface LiveExecutionSummary {
  arn: string;
  name: string;
  functionName: string;
  status: string;
  startMs: number;
  endMs?: number;
  pendingCallbackIds: string[];
}

export type { RunnerOperation };

function summary(durable: DurableRuntime, e: LiveExecution): LiveExecutionSummary {
  const out: LiveExecutionSummary = {
    arn: e.arn,
    name: e.name,
    functionName: e.functionName,
    status: e.status,
    startMs: e.startMs,
    pendingCallbackIds: durable.pendingCallbacks(e),
  };
  if (e.endMs !== undefined) {
    out.endMs = e.endMs;
  }
  return out;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `/__emulator/durable/*`: start executions, answer callbacks and read the runner's own view. */
async function handleDurable(route: string, query: URLSearchParams, body: Buffer, durable: DurableRuntime | undefined): Promise<WireResponse> {
  if (!durable) {
    return bad('The emulator was started without durable functions (start it with `durable: { timeScale }` or --time-scale)', 409);
  }
  const input = asObject(parseJson(body));
  try {
    switch (route) {
      case 'GET /__emulator/durable/executions':
        return ok(durable.all().map((e) => summary(durable, e)));
      case 'POST /__emulator/durable/executions': {
        const functionName = typeof input['functionName'] === 'string' ? input['functionName'] : '';
        const name = typeof input['name'] === 'string' ? input['name'] : '';
        if (!durable.isLiveFunction(functionName) || !/^[a-zA-Z0-9-_]{1,64}$/.test(name)) {
          return bad('Expected {functionName: a sample durable function, name: [a-zA-Z0-9-_]{1,64}, input?: any}');
        }
        return ok(summary(durable, await durable.start(functionName, name, JSON.stringify(input['input'] ?? {}))));
      }
      case 'GET /__emulator/durable/operations':
        return ok(await durable.operations(query.get('arn') ?? ''));
      case 'POST /__emulator/durable/callbacks': {
        const action = input['action'];
        if (typeof input['callbackId'] !== 'string' || (action !== 'succeed' && action !== 'fail' && action !== 'heartbeat')) {
          return bad('Expected {callbackId, action: succeed|fail|heartbeat, result?: string, error?: ErrorObject}');
        }
        const payload =
          action === 'succeed' && typeof input['result'] === 'string'
            ? { result: input['result'] }
            : action === 'fail'
              ? { error: asObject(input['error']) }
              : {};
        await durable.callback(input['callbackId'], action, payload);
        return ok({ ok: true });
      }
      default:
        return bad(`Unknown control endpoint: ${route}`, 404);
    }
  } catch (error) {
    return bad(error instanceof Error ? error.message : String(error));
  }
}

export async function handleControl(method: string, path: string, query: URLSearchParams, body: Buffer, ctx: ControlContext): Promise<WireResponse> {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  if (path.startsWith('/__emulator/durable/')) {
    return handleDurable(route, query, body, ctx.durable);
  }
  switch (route) {
    case 'GET /__emulator/info':
      return ok(ctx.info());
    case 'GET /__emulator/requests': {
      const since = query.get('sinceSeq');
      return ok(
        ctx.log.list({
          service: (query.get('service') as ServiceName | null) ?? undefined,
          operation: query.get('operation') ?? undefined,
          sinceSeq: since === null ? undefined : Number(since),
        }),
      );
    }
    case 'DELETE /__emulator/requests':
      ctx.log.clear();
      return ok({ ok: true });
    case 'GET /__emulator/faults':
      return ok(ctx.faults.list());
    case 'POST /__emulator/faults': {
      const spec = parseFaultSpec(parseJson(body));
      if (typeof spec === 'string') {
        return bad(spec);
      }
      return ok(ctx.faults.add(spec));
    }
    case 'DELETE /__emulator/faults':
      ctx.faults.clear();
      return ok({ ok: true });
    case 'POST /__emulator/reset':
      ctx.reset();
      return ok({ ok: true });
    case 'GET /__emulator/callbacks':
      return ok(ctx.callbacks.snapshot());
    case 'DELETE /__emulator/callbacks':
      ctx.callbacks.clear();
      return ok({ ok: true });
    default:
      return bad(`Unknown control endpoint: ${route}`, 404);
  }
}
