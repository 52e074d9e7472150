/**
 * The emulator's own HTTP control surface under /__emulator/, plus the
 * /__callback/ sink that counts requests made by hostile payloads (links,
 * images) that a webview should never have fetched.
 */
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

export function handleControl(method: string, path: string, query: URLSearchParams, body: Buffer, ctx: ControlContext): WireResponse {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
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
