/**
 * Wire-level emulator for the three AWS APIs the extension uses. One HTTP
 * server on 127.0.0.1; real SDK v3 clients point their `endpoint` at it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CallbackRecorder, ControlContext, handleControl } from './control-api';
import { buildDataset } from './data';
import { DurableRuntime, type DurableOptions } from './durable';
import { FaultRegistry } from './faults';
import type { Dataset, DatasetName } from './model';
import type { ErrorFaultKind, IncomingCall, QuirkFaultKind, WireResponse } from './protocol';
import { RequestLog } from './request-log';
import { accessKeyFromAuthorization, DEFAULT_REGION, parseQuery, recognize, regionFromAuthorization } from './router';
import { accountOfAccessKey } from './model';
import { EmulatorState } from './state';

export interface EmulatorOptions {
  dataset: DatasetName;
  /** 0 or omitted: a free port. */
  port?: number;
  /** Epoch ms the data is generated relative to; default Date.now() floored to the minute. */
  now?: number;
  /**
   * Runs the sample durable functions (test/durable) for real, on a clock `timeScale` times faster than real
   * time (the emulator's clock too). Omitted: no live functions, and the clock runs in real time.
   */
  durable?: DurableOptions;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** The data being served (same as buildDataset({dataset, now})). */
  dataset: Dataset;
  /** Present when started with `durable`. */
  durable?: DurableRuntime;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: WireResponse): void {
  if (res.destroyed || res.headersSent) {
    return;
  }
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** A 200 whose body stops half-way: exercises the client's parse-error path. */
function truncate(response: WireResponse): WireResponse {
  const cut = Math.max(1, Math.floor(response.body.length / 2));
  return { status: 200, headers: { 'content-type': response.headers['content-type'] ?? 'application/json' }, body: response.body.slice(0, cut) };
}

const ERROR_FAULTS: ReadonlySet<string> = new Set<ErrorFaultKind>([
  'throttle',
  'accessDenied',
  'expiredToken',
  'invalidCredentials',
  'serverError',
  'hostileMessage',
]);
const QUIRK_FAULTS: ReadonlySet<string> = new Set<QuirkFaultKind>(['flipOrder', 'markerCycle', 'expiredMarker']);

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const dataset = buildDataset(options.now === undefined ? { dataset: options.dataset } : { dataset: options.dataset, now: options.now });
  const clock = { startedAt: Date.now(), timeScale: options.durable?.timeScale ?? 1 };
  const durable = options.durable ? await DurableRuntime.start({ ...options.durable, clockBase: dataset.now, realStart: clock.startedAt }) : undefined;
  let state = new EmulatorState(dataset, durable, clock);
  const log = new RequestLog();
  const faults = new FaultRegistry();
  const callbacks = new CallbackRecorder();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let url = '';

  const control: ControlContext = {
    info: () => ({ dataset: dataset.name, now: dataset.now, nowIso: new Date(dataset.now).toISOString(), url }),
    log,
    faults,
    callbacks,
    ...(durable ? { durable } : {}),
    reset: () => {
      faults.clear();
      log.clear();
      callbacks.clear();
      state = new EmulatorState(dataset, durable, clock);
    },
  };

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    res.setHeader('x-amzn-RequestId', requestId);
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);

    if (rawPath === '/__emulator' || rawPath.startsWith('/__emulator/')) {
      return send(res, await handleControl(method, rawPath, new URLSearchParams(rawQuery), body, control));
    }
    if (rawPath === '/__callback' || rawPath.startsWith('/__callback/')) {
      const ua = req.headers['user-agent'];
      callbacks.record(ua === undefined ? { method, path: rawPath, query: rawQuery } : { method, path: rawPath, query: rawQuery, userAgent: ua });
      return send(res, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' });
    }

    const incoming: IncomingCall = {
      method,
      rawPath,
      query: parseQuery(rawQuery),
      headers: req.headers,
      body,
      region: regionFromAuthorization(req.headers.authorization) ?? DEFAULT_REGION,
      account: accountOfAccessKey(accessKeyFromAuthorization(req.headers.authorization)),
      requestId,
    };
    const recognized = recognize(incoming);
    if (!recognized) {
      return send(res, {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: `No emulated AWS operation matches ${method} ${rawPath}` }),
      });
    }
    const { adapter, call } = recognized;
    const entry = log.start({
      service: call.service,
      operation: call.operation,
      region: incoming.region,
      account: incoming.account,
      method,
      path: rawPath,
      query: incoming.query,
      params: call.params,
      ...(call.pathParams ? { pathParams: call.pathParams } : {}),
      ...(call.headerParams ? { headerParams: call.headerParams } : {}),
      requestId,
    });

    const fault = faults.take(call.service, call.operation, incoming.region, incoming.account);
    if (fault) {
      entry.fault = fault.kind;
    }
    let response: WireResponse;
    if (fault?.kind === 'hang') {
      // Never answer; the client's timeout (or our close()) ends the socket.
      return;
    } else if (fault && ERROR_FAULTS.has(fault.kind)) {
      response = adapter.faultResponse(fault.kind as ErrorFaultKind, call, incoming);
    } else {
      if (fault?.kind === 'latency') {
        await delay(fault.latencyMs);
      }
      response = await call.run(state, fault && QUIRK_FAULTS.has(fault.kind) ? (fault.kind as QuirkFaultKind) : undefined);
      if (fault?.kind === 'malformed') {
        response = truncate(response);
      }
    }
    entry.status = response.status;
    send(res, response);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the emulator should surface as a 500 with the stack, not a hung test.
      send(res, {
        status: 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: String(err instanceof Error ? err.stack : err) }),
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    dataset,
    ...(durable ? { durable } : {}),
    close: () => {
      const stopServer = () =>
        new Promise<void>((resolve) => {
          for (const t of timers) {
            clearTimeout(t);
          }
          timers.clear();
          server.close(() => resolve());
          // Hung and keep-alive connections would otherwise keep close() waiting forever.
          for (const s of sockets) {
            s.destroy();
          }
        });
      closing ??= Promise.all([stopServer(), durable?.close()]).then(() => undefined);
      return closing;
    },
  };
}
