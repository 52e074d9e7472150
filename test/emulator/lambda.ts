/**
 * Lambda over restJson1: ListFunctions (2015-03-31) and the durable-execution
 * operations (2025-12-01). Errors carry `x-amzn-ErrorType`, which the SDK reads first.
 */
import { ACCOUNT_ID, EXECUTION_STATUSES, ErrorObject, ExecutionDetail, ExecutionRecord, ExecutionStatus, FunctionRecord, HistoryEvent } from './model';
import { HostRequestError, LIVE_REGION, type DurableRuntime, type LiveExecution } from './durable';
import { buildExecutionDetail } from './gen-history';
import { Rng } from './prng';
import {
  accessDeniedMessage,
  ErrorFaultKind,
  EXPIRED_TOKEN_MESSAGE,
  HOSTILE_ERROR_MESSAGE,
  IncomingCall,
  INVALID_TOKEN_MESSAGE,
  parseStrictInt,
  QuirkFaultKind,
  ServiceAdapter,
  ServiceCall,
  WireResponse,
} from './protocol';
import type { EmulatorState, RegionIndex } from './state';
import { epochSeconds, lambdaLastModified } from './time';
import { Cursor, decodeBinaryMarker, encodeBinaryMarker, FLAG_EMPTY_PAGE_SERVED } from './tokens';

const FUNCTION_NAME_PATTERN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;
const QUALIFIER_PATTERN = /^(\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+)$/;
const QUALIFIER_CONSTRAINT = 'Member must satisfy regular expression pattern: \\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+';
const EXECUTION_NAME_PATTERN = /^[a-zA-Z0-9-_]+$/;
const EXECUTION_ARN_PATTERN =
  /^arn:([a-zA-Z0-9-]+):lambda:([a-zA-Z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]+):(\$LATEST(?:\.PUBLISHED)?|[0-9]+)\/durable-execution\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)$/;
/** Lambda returns at most 50 functions per ListFunctions call whatever MaxItems says (API docs). */
const LIST_FUNCTIONS_PAGE_CAP = 50;
const DEFAULT_MAX_ITEMS = 100;

type Query = Record<string, string[]>;

// ------------------------------------------------------------------ errors

class LambdaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

function errorResponse(e: LambdaError): WireResponse {
  return { status: e.status, headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': e.code, ...e.headers }, body: JSON.stringify(e.body) };
}

/** Lambda's modeled errors differ in message-field casing; these match what the service sends. */
const invalidParameter = (message: string) => new LambdaError(400, 'InvalidParameterValueException', { Type: 'User', message });
const notFound = (message: string) => new LambdaError(404, 'ResourceNotFoundException', { Type: 'User', Message: message });
const validation = (value: string, member: string, constraint: string) =>
  new LambdaError(400, 'ValidationException', {
    message: `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  });

function json(body: unknown): WireResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

// ------------------------------------------------------------------ query helpers

function first(query: Query, key: string): string | undefined {
  return query[key]?.[0];
}

function maxItems(query: Query, min: number, max: number): number | undefined {
  const raw = first(query, 'MaxItems');
  if (raw === undefined) {
    return undefined;
  }
  const n = parseStrictInt(raw);
  if (n === undefined || n < min || n > max) {
    throw invalidParameter(`MaxItems must be between ${min} and ${max}, got ${raw}.`);
  }
  return n;
}

function bool(query: Query, key: string, fallback: boolean): boolean {
  const raw = first(query, key);
  if (raw === undefined) {
    return fallback;
  }
  if (/^true$/i.test(raw)) {
    return true;
  }
  if (/^false$/i.test(raw)) {
    return false;
  }
  throw invalidParameter(`${key} must be true or false.`);
}

function timestamp(query: Query, key: string): number | undefined {
  const raw = first(query, key);
  if (raw === undefined) {
    return undefined;
  }
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms)) {
    throw invalidParameter(`${key} must be an ISO-8601 timestamp, got ${raw}.`);
  }
  return ms;
}

function cursorFrom(query: Query, scope: unknown): Cursor {
  const marker = first(query, 'Marker');
  if (marker === undefined || marker === '') {
    return { offset: 0, flags: 0 };
  }
  const cursor = decodeBinaryMarker(marker, scope);
  if (!cursor) {
    throw invalidParameter('Invalid marker');
  }
  return cursor;
}

// ------------------------------------------------------------------ serializers

/** Converts `*Timestamp` fields (ms inside the data) to epoch seconds for the wire. */
function wireDetails(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && key.endsWith('Timestamp')) {
    return epochSeconds(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => wireDetails(v));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = wireDetails(v, k);
    }
    return out;
  }
  return value;
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy as Omit<T, K>;
}

/** IncludeExecutionData=false drops payloads (inputs, results, ErrorData) but keeps error type and message. */
function withoutData(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...details };
  for (const key of ['Input', 'Result']) {
    const part = out[key];
    if (part && typeof part === 'object') {
      out[key] = without(part as Record<string, unknown>, 'Payload');
    }
  }
  const err = out['Error'];
  if (err && typeof err === 'object') {
    const e = err as { Payload?: ErrorObject; Truncated?: boolean };
    if (e.Payload) {
      out['Error'] = { ...e, Payload: without(e.Payload, 'ErrorData') };
    }
  }
  return out;
}

function eventJson(event: HistoryEvent, includeData: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { EventType: event.EventType, EventId: event.EventId, EventTimestamp: epochSeconds(event.EventTimestampMs) };
  if (event.SubType !== undefined) {
    out['SubType'] = event.SubType;
  }
  if (event.Id !== undefined) {
    out['Id'] = event.Id;
  }
  if (event.Name !== undefined) {
    out['Name'] = event.Name;
  }
  if (event.ParentId !== undefined) {
    out['ParentId'] = event.ParentId;
  }
  out[event.detailsKey] = wireDetails(includeData ? event.details : withoutData(event.details));
  return out;
}

function qualifiedFunctionArn(exec: ExecutionRecord): string {
  return `${exec.functionArn}:${exec.version}`;
}

function executionSummary(exec: ExecutionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    DurableExecutionArn: exec.arn,
    DurableExecutionName: exec.name,
    FunctionArn: qualifiedFunctionArn(exec),
    Status: exec.status,
    StartTimestamp: epochSeconds(exec.startMs),
  };
  if (exec.endMs !== undefined) {
    out['EndTimestamp'] = epochSeconds(exec.endMs);
  }
  if (exec.kmsKeyArn) {
    out['KMSKeyArn'] = exec.kmsKeyArn;
  }
  return out;
}

function functionConfiguration(fn: FunctionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lambdaLastModified(fn.lastModifiedMs),
    CodeSha256: fn.codeSha256,
    Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: new Rng(`${fn.arn}@${fn.lastModifiedMs}`).uuid(),
    PackageType: 'Zip',
    Architectures: fn.architectures,
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
  if (fn.durableConfig) {
    out['DurableConfig'] = fn.durableConfig;
  }
  return out;
}

// ------------------------------------------------------------------ operations

interface Context {
  quirk?: QuirkFaultKind | undefined;
  query: Query;
  headers: IncomingCall['headers'];
  /** The body as text (callback results and Invoke payloads need not be JSON objects). */
  rawBody: string;
  path: Record<string, string>;
  body: Record<string, unknown>;
  index: RegionIndex;
  state: EmulatorState;
  region: string;
  /** The caller's account (by access key id). */
  account: string;
}

function listFunctions(ctx: Context): WireResponse {
  const requested = maxItems(ctx.query, 1, 10_000);
  const version = first(ctx.query, 'FunctionVersion');
  if (version !== undefined && version !== 'ALL') {
    throw validation(version, 'functionVersion', 'Member must satisfy enum value set: [ALL]');
  }
  const scope = { op: 'ListFunctions', version: version ?? null, masterRegion: first(ctx.query, 'MasterRegion') ?? null };
  const functions = ctx.index.data.functions;
  const { offset } = cursorFrom(ctx.query, scope);
  if (offset > functions.length) {
    throw invalidParameter('Invalid marker');
  }
  const size = Math.min(requested ?? LIST_FUNCTIONS_PAGE_CAP, LIST_FUNCTIONS_PAGE_CAP);
  const page = functions.slice(offset, offset + size);
  const body: Record<string, unknown> = { Functions: page.map(functionConfiguration) };
  if (offset + size < functions.length) {
    body['NextMarker'] = encodeBinaryMarker(scope, { offset: offset + size, flags: 0 });
  }
  return json(body);
}

/** The extension may read DurableConfig through GetFunction; the code download URL is left out on purpose. */
function getFunction(ctx: Context): WireResponse {
  const { fn, qualifier: nameQualifier } = resolveFunction(ctx, ctx.path['FunctionName']);
  const qualifier = first(ctx.query, 'Qualifier') ?? nameQualifier;
  if (qualifier !== undefined && !QUALIFIER_PATTERN.test(qualifier)) {
    throw validation(qualifier, 'qualifier', QUALIFIER_CONSTRAINT);
  }
  const configuration = functionConfiguration(fn);
  if (qualifier !== undefined && qualifier !== '$LATEST') {
    configuration['Version'] = qualifier;
    configuration['FunctionArn'] = `${fn.arn}:${qualifier}`;
  }
  return json({ Configuration: configuration, Code: { RepositoryType: 'S3' } });
}

/** Resolves a name, partial ARN or full ARN (optionally qualified) to a function in this region. */
function resolveFunction(ctx: Context, raw: string): { fn: FunctionRecord; qualifier?: string } {
  if (raw.length < 1 || raw.length > 256) {
    throw validation(raw, 'functionName', 'Member must have length less than or equal to 256');
  }
  const m = FUNCTION_NAME_PATTERN.exec(raw);
  if (!m) {
    throw validation(
      raw,
      'functionName',
      'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
    );
  }
  const region = m[3]?.slice(0, -1);
  const account = m[5]?.slice(0, -1);
  const name = m[7];
  const fn = ctx.index.functionsByName.get(name);
  if (!fn || (region !== undefined && region !== ctx.region) || (account !== undefined && account !== ctx.account)) {
    throw notFound(`Function not found: arn:aws:lambda:${region ?? ctx.region}:${account ?? ctx.account}:function:${name}`);
  }
  return m[9] !== undefined ? { fn, qualifier: m[9] } : { fn };
}

function listDurableExecutions(ctx: Context): WireResponse {
  const q = ctx.query;
  const { fn, qualifier: nameQualifier } = resolveFunction(ctx, ctx.path['FunctionName']);
  let qualifier = first(q, 'Qualifier');
  if (qualifier !== undefined) {
    if (qualifier.length < 1 || qualifier.length > 128 || !QUALIFIER_PATTERN.test(qualifier)) {
      throw validation(qualifier, 'qualifier', QUALIFIER_CONSTRAINT);
    }
    if (nameQualifier !== undefined && nameQualifier !== qualifier) {
      throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
    }
  }
  qualifier ??= nameQualifier;
  const name = first(q, 'DurableExecutionName');
  if (name !== undefined && (name.length < 1 || name.length > 64 || !EXECUTION_NAME_PATTERN.test(name))) {
    throw validation(name, 'durableExecutionName', 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+');
  }
  const statuses = q['Statuses'] ?? [];
  if (statuses.length > 10) {
    throw invalidParameter('Statuses can contain at most 10 values.');
  }
  const badStatus = statuses.find((s) => !(EXECUTION_STATUSES as readonly string[]).includes(s));
  if (badStatus !== undefined) {
    throw invalidParameter(`Invalid status value: ${badStatus}. Valid values: ${EXECUTION_STATUSES.join(', ')}.`);
  }
  const after = timestamp(q, 'StartedAfter');
  const before = timestamp(q, 'StartedBefore');
  // flipOrder: a service that reads ReverseOrder the other way round (the documents disagree, aws-apis.md §7).
  const reverse = bool(q, 'ReverseOrder', false) !== (ctx.quirk === 'flipOrder');
  const size = maxItems(q, 0, 1000) || DEFAULT_MAX_ITEMS;

  const scope = {
    op: 'ListDurableExecutionsByFunction',
    fn: fn.arn,
    qualifier: qualifier ?? null,
    name: name ?? null,
    statuses: [...statuses].sort(),
    after: after ?? null,
    before: before ?? null,
    reverse,
  };
  const cursor = cursorFrom(q, scope);

  const wanted = new Set<ExecutionStatus>(statuses as ExecutionStatus[]);
  const live = liveRuntime(ctx, fn.name);
  const compute = () => {
    const all = live ? live.executionsOf(fn.name) : (ctx.index.executionsByFunction.get(fn.name) ?? []).map((e) => ctx.state.effectiveExecution(e));
    const list = all.filter(
      (e) =>
        (qualifier === undefined || e.version === qualifier) &&
        (name === undefined || e.name === name) &&
        (wanted.size === 0 || wanted.has(e.status)) &&
        // Emulator choice (the docs do not say): StartedAfter inclusive, StartedBefore exclusive.
        (after === undefined || e.startMs >= after) &&
        (before === undefined || e.startMs < before),
    );
    return reverse ? list.reverse() : list;
  };
  // Live executions change between calls, so only the generated (immutable) listings are cached.
  const filtered = live ? compute() : ctx.state.memo([ctx.account, ctx.region, scope], compute);
  if (cursor.offset > filtered.length) {
    throw invalidParameter('Invalid marker');
  }

  const quirk = ctx.index.data.emptyPages.find((p) => p.functionName === fn.name);
  if (quirk && cursor.offset === quirk.atOffset && cursor.offset < filtered.length && !(cursor.flags & FLAG_EMPTY_PAGE_SERVED)) {
    return json({ DurableExecutions: [], NextMarker: encodeBinaryMarker(scope, { offset: cursor.offset, flags: cursor.flags | FLAG_EMPTY_PAGE_SERVED }) });
  }
  const page = filtered.slice(cursor.offset, cursor.offset + size);
  const body: Record<string, unknown> = { DurableExecutions: page.map(executionSummary) };
  if (cursor.offset + size < filtered.length) {
    body['NextMarker'] = encodeBinaryMarker(scope, { offset: cursor.offset + size, flags: cursor.flags });
  }
  return json(body);
}

function findExecution(ctx: Context): ExecutionRecord {
  const arn = ctx.path['DurableExecutionArn'];
  if (arn.length < 1 || arn.length > 1024 || !EXECUTION_ARN_PATTERN.test(arn)) {
    throw validation(arn, 'durableExecutionArn', `Member must satisfy regular expression pattern: ${EXECUTION_ARN_PATTERN.source.slice(1, -1)}`);
  }
  const live = ctx.region === LIVE_REGION ? ctx.state.durable?.recordOf(arn) : undefined;
  if (live) {
    return live;
  }
  const exec = ctx.index.executionsByArn.get(arn);
  if (!exec) {
    throw notFound(`Durable execution not found: ${arn}`);
  }
  return ctx.state.effectiveExecution(exec);
}

/** The durable runtime when `functionName` is one of its sample functions in this region. */
function liveRuntime(ctx: Context, functionName: string): DurableRuntime | undefined {
  const durable = ctx.state.durable;
  return durable && ctx.region === LIVE_REGION && durable.isLiveFunction(functionName) ? durable : undefined;
}

function liveExecution(ctx: Context, exec: ExecutionRecord): LiveExecution | undefined {
  return exec.workflow === 'live' ? ctx.state.durable?.get(exec.arn) : undefined;
}

/** Input, result and error as the runner reported them; a local run has no X-Ray trace header. */
function liveDetail(live: LiveExecution): ExecutionDetail {
  const detail: ExecutionDetail = { inputPayload: live.input, traceId: '' };
  if (live.result !== undefined) {
    detail.result = live.result;
  }
  if (live.error) {
    detail.error = live.error;
  }
  return detail;
}

function getDurableExecution(ctx: Context): WireResponse {
  const exec = findExecution(ctx);
  const includeData = bool(ctx.query, 'IncludeExecutionData', true);
  const live = liveExecution(ctx, exec);
  const detail = live ? liveDetail(live) : buildExecutionDetail(exec);
  const fn = ctx.index.functionsByName.get(exec.functionName);
  const body: Record<string, unknown> = {
    DurableExecutionArn: exec.arn,
    DurableExecutionName: exec.name,
    FunctionArn: qualifiedFunctionArn(exec),
    StartTimestamp: epochSeconds(exec.startMs),
    Status: exec.status,
    Version: exec.version,
    ExecutionDataIncluded: includeData,
  };
  if (detail.traceId) {
    body['TraceHeader'] = { XAmznTraceId: detail.traceId };
  }
  if (exec.endMs !== undefined) {
    body['EndTimestamp'] = epochSeconds(exec.endMs);
  }
  if (includeData) {
    body['InputPayload'] = detail.inputPayload;
  }
  if (includeData && exec.status === 'SUCCEEDED' && detail.result !== undefined) {
    body['Result'] = detail.result;
  }
  const error = ctx.state.stopError(exec) ?? detail.error;
  if (error && (exec.status === 'FAILED' || exec.status === 'TIMED_OUT' || exec.status === 'STOPPED')) {
    body['Error'] = includeData ? error : without(error, 'ErrorData');
  }
  if (fn?.durableConfig) {
    body['DurableConfig'] = fn.durableConfig;
  }
  return json(body);
}

function getDurableExecutionHistory(ctx: Context): WireResponse {
  const exec = findExecution(ctx);
  const includeData = bool(ctx.query, 'IncludeExecutionData', true);
  const reverse = bool(ctx.query, 'ReverseOrder', false);
  const size = maxItems(ctx.query, 0, 1000) || DEFAULT_MAX_ITEMS;
  const scope = { op: 'GetDurableExecutionHistory', arn: exec.arn, reverse };
  if (ctx.quirk === 'expiredMarker' && first(ctx.query, 'Marker')) {
    throw invalidParameter('Invalid marker: the pagination token has expired.');
  }
  const { offset } = cursorFrom(ctx.query, scope);
  const events = liveExecution(ctx, exec)?.events ?? ctx.state.history(exec);
  if (offset > events.length) {
    throw invalidParameter('Invalid marker');
  }
  const ordered = reverse ? events.slice().reverse() : events;
  const page = ordered.slice(offset, offset + size);
  const body: Record<string, unknown> = { Events: page.map((e) => eventJson(e, includeData)) };
  if (offset + size < ordered.length) {
    // markerCycle: from the third page on, the first page's NextMarker comes back (A→B→A).
    const next = ctx.quirk === 'markerCycle' && offset >= 2 * size ? size : offset + size;
    body['NextMarker'] = encodeBinaryMarker(scope, { offset: next, flags: 0 });
  }
  return json(body);
}

/** The ErrorObject a Stop or callback-failure body carries (the body is the object itself). */
function errorObject(body: Record<string, unknown>): ErrorObject {
  const error: ErrorObject = {};
  for (const key of ['ErrorMessage', 'ErrorType', 'ErrorData'] as const) {
    const value = body[key];
    if (typeof value === 'string') {
      error[key] = value;
    }
  }
  if (Array.isArray(body['StackTrace'])) {
    error.StackTrace = body['StackTrace'].filter((s): s is string => typeof s === 'string');
  }
  return error;
}

function stopDurableExecution(ctx: Context): WireResponse | Promise<WireResponse> {
  const exec = findExecution(ctx);
  // Unsure what AWS returns for a finished execution; InvalidParameterValueException is a modeled error of this operation.
  if (exec.status !== 'RUNNING') {
    throw invalidParameter(`Durable execution ${exec.arn} is not running (status: ${exec.status}).`);
  }
  const error = errorObject(ctx.body);
  if (error.ErrorMessage === undefined && error.ErrorType === undefined) {
    error.ErrorType = 'ExecutionStopped';
    error.ErrorMessage = 'Execution stopped by StopDurableExecution';
  }
  if (exec.workflow === 'live' && ctx.state.durable) {
    return ctx.state.durable.stop(exec.arn, error).then((stopMs) => json({ StopTimestamp: epochSeconds(stopMs) }));
  }
  const original = ctx.index.executionsByArn.get(exec.arn)!;
  const stopMs = ctx.state.stopExecution(original, error);
  return json({ StopTimestamp: epochSeconds(stopMs) });
}

/** Checkpoint tokens are only handed to the running function, so every token the emulator sees is invalid. */
function getDurableExecutionState(ctx: Context): WireResponse {
  findExecution(ctx);
  const token = first(ctx.query, 'CheckpointToken');
  if (token === undefined) {
    throw validation('null', 'checkpointToken', 'Member must not be null');
  }
  throw invalidParameter('Invalid checkpoint token');
}

/** The host's refusals as the Lambda errors the service models for these operations. */
function hostError(e: unknown): never {
  if (e instanceof HostRequestError) {
    switch (e.code) {
      case 'ResourceNotFoundException':
        throw notFound(e.message);
      case 'InvalidParameterValueException':
        throw invalidParameter(e.message);
      case 'CallbackTimeoutException':
        throw new LambdaError(400, 'CallbackTimeoutException', { Type: 'User', message: e.message });
      default:
        throw new LambdaError(500, 'ServiceException', { Type: 'Service', Message: e.message });
    }
  }
  throw e;
}

function requireDurable(ctx: Context): DurableRuntime {
  if (!ctx.state.durable || ctx.region !== LIVE_REGION) {
    throw invalidParameter('Invalid callback id');
  }
  return ctx.state.durable;
}

/** SendDurableExecutionCallbackSuccess's Result: 0–262144 bytes. */
const CALLBACK_RESULT_MAX_BYTES = 262_144;
/** An `Event` invocation's payload: at most 1 MB (6 MB synchronously). */
const ASYNC_PAYLOAD_MAX_BYTES = 1_048_576;
const SYNC_PAYLOAD_MAX_BYTES = 6_291_456;

function callbackHandler(action: 'succeed' | 'fail' | 'heartbeat') {
  return (ctx: Context): Promise<WireResponse> => {
    const durable = requireDurable(ctx);
    const callbackId = ctx.path['CallbackId'];
    if (callbackId.length < 1 || callbackId.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(callbackId)) {
      throw validation(callbackId, 'callbackId', 'Member must satisfy regular expression pattern: [A-Za-z0-9+/]+={0,2}');
    }
    if (action === 'succeed' && Buffer.byteLength(ctx.rawBody) > CALLBACK_RESULT_MAX_BYTES) {
      throw validation('*** sensitive data ***', 'result', `Member must have length less than or equal to ${CALLBACK_RESULT_MAX_BYTES}`);
    }
    // `succeed` carries the raw result bytes; `fail` the ErrorObject as JSON.
    const payload = action === 'succeed' ? { result: ctx.rawBody } : action === 'fail' ? { error: errorObject(ctx.body) } : {};
    return durable.callback(callbackId, action, payload).then(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }), hostError);
  };
}

function header(ctx: Context, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Invoke of a sample durable function: starts an execution with the runner (idempotent by
 * DurableExecutionName, as the service is). `Event` answers 202 at once; `RequestResponse` waits for the end.
 */
function invoke(ctx: Context): WireResponse | Promise<WireResponse> {
  const { fn, qualifier: nameQualifier } = resolveFunction(ctx, ctx.path['FunctionName']);
  const durable = liveRuntime(ctx, fn.name);
  if (!durable) {
    throw invalidParameter(`The emulator runs only its sample durable functions; ${fn.name} is not one.`);
  }
  const qualifier = first(ctx.query, 'Qualifier') ?? nameQualifier;
  if (qualifier === undefined) {
    throw invalidParameter('Durable functions require a qualified ARN');
  }
  if (qualifier !== '$LATEST') {
    throw notFound(`Function not found: ${fn.arn}:${qualifier}`);
  }
  const type = header(ctx, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
    throw validation(type, 'invocationType', 'Member must satisfy enum value set: [Event, RequestResponse, DryRun]');
  }
  const name = header(ctx, 'x-amz-durable-execution-name') ?? new Rng(`${Date.now()}/${Math.random()}`).uuid();
  if (name.length < 1 || name.length > 64 || !EXECUTION_NAME_PATTERN.test(name)) {
    throw validation(name, 'durableExecutionName', 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+');
  }
  const limit = type === 'Event' ? ASYNC_PAYLOAD_MAX_BYTES : SYNC_PAYLOAD_MAX_BYTES;
  if (Buffer.byteLength(ctx.rawBody) > limit) {
    throw new LambdaError(413, 'RequestTooLargeException', {
      Type: 'User',
      message: `Request must be smaller than ${limit} bytes for the ${type === 'Event' ? 'InvokeAsync' : 'Invoke'} operation`,
    });
  }
  if (type === 'DryRun') {
    return { status: 204, headers: { 'content-type': 'application/json' }, body: '' };
  }
  const input = ctx.rawBody.trim() === '' ? '{}' : ctx.rawBody;
  const existing = durable.executionsOf(fn.name).find((e) => e.name === name);
  const started = existing
    ? Promise.resolve(durable.get(existing.arn)!).then((e) => {
        if (e.input !== input) {
          throw new LambdaError(409, 'DurableExecutionAlreadyStartedException', {
            Type: 'User',
            message: `Durable execution ${name} already exists with a different input`,
          });
        }
        return e;
      })
    : durable.start(fn.name, name, input).catch(hostError);
  return started.then(async (execution) => {
    const headers = { 'content-type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'X-Amz-Durable-Execution-Arn': execution.arn };
    if (type === 'Event') {
      return { status: 202, headers, body: '' };
    }
    const done = await durable.until(execution.arn, (e) => e.status !== 'RUNNING');
    if (done.status === 'SUCCEEDED') {
      return { status: 200, headers, body: done.result ?? 'null' };
    }
    const error = done.error ?? {};
    return {
      status: 200,
      headers: { ...headers, 'X-Amz-Function-Error': 'Unhandled' },
      body: JSON.stringify({ errorType: error.ErrorType, errorMessage: error.ErrorMessage, trace: error.StackTrace ?? [] }),
    };
  });
}

// ------------------------------------------------------------------ routing

interface Route {
  method: string;
  segments: string[];
  operation: string;
  handler: (ctx: Context) => WireResponse | Promise<WireResponse>;
  /** The body is not JSON (callback results, Invoke payloads): the handler reads `rawBody`. */
  rawBody?: boolean;
}

const EXECUTION = ['2025-12-01', 'durable-executions', '{DurableExecutionArn}'];
const CALLBACK = ['2025-12-01', 'durable-execution-callbacks', '{CallbackId}'];
const ROUTES: Route[] = [
  { method: 'GET', segments: ['2015-03-31', 'functions'], operation: 'ListFunctions', handler: listFunctions },
  { method: 'GET', segments: ['2015-03-31', 'functions', ''], operation: 'ListFunctions', handler: listFunctions },
  { method: 'GET', segments: ['2015-03-31', 'functions', '{FunctionName}'], operation: 'GetFunction', handler: getFunction },
  {
    method: 'GET',
    segments: ['2025-12-01', 'functions', '{FunctionName}', 'durable-executions'],
    operation: 'ListDurableExecutionsByFunction',
    handler: listDurableExecutions,
  },
  { method: 'GET', segments: EXECUTION, operation: 'GetDurableExecution', handler: getDurableExecution },
  { method: 'GET', segments: [...EXECUTION, 'history'], operation: 'GetDurableExecutionHistory', handler: getDurableExecutionHistory },
  { method: 'GET', segments: [...EXECUTION, 'state'], operation: 'GetDurableExecutionState', handler: getDurableExecutionState },
  { method: 'POST', segments: [...EXECUTION, 'stop'], operation: 'StopDurableExecution', handler: stopDurableExecution },
  { method: 'POST', segments: [...CALLBACK, 'succeed'], operation: 'SendDurableExecutionCallbackSuccess', handler: callbackHandler('succeed'), rawBody: true },
  { method: 'POST', segments: [...CALLBACK, 'fail'], operation: 'SendDurableExecutionCallbackFailure', handler: callbackHandler('fail') },
  { method: 'POST', segments: [...CALLBACK, 'heartbeat'], operation: 'SendDurableExecutionCallbackHeartbeat', handler: callbackHandler('heartbeat') },
  { method: 'POST', segments: ['2015-03-31', 'functions', '{FunctionName}', 'invocations'], operation: 'Invoke', handler: invoke, rawBody: true },
];

const API_VERSIONS = ['2015-03-31', '2025-12-01'];

/** Splits the raw path first and decodes each label afterwards: a decoded ARN contains '/'. */
function matchRoute(method: string, rawPath: string): { route: Route; labels: Record<string, string> } | undefined {
  const raw = rawPath.replace(/^\//, '').split('/');
  let decoded: string[];
  try {
    decoded = raw.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== decoded.length) {
      continue;
    }
    const labels: Record<string, string> = {};
    const ok = route.segments.every((seg, i) => {
      if (seg.startsWith('{')) {
        labels[seg.slice(1, -1)] = decoded[i]!;
        return decoded[i] !== '';
      }
      return seg === decoded[i];
    });
    if (ok) {
      return { route, labels };
    }
  }
  return undefined;
}

function parseBody(incoming: IncomingCall): Record<string, unknown> | undefined {
  const text = incoming.body.toString('utf8');
  if (text.trim() === '') {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function resourceFor(call: ServiceCall, region: string): string {
  const arn = call.pathParams?.['DurableExecutionArn'];
  if (arn) {
    return arn;
  }
  const fn = call.pathParams?.['FunctionName'];
  if (fn) {
    return fn.startsWith('arn:') ? fn : `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${fn}`;
  }
  return '*';
}

/** Invoke's parameters that travel as headers, logged for tests (never the payload's meaning). */
const INVOKE_HEADERS = ['x-amz-invocation-type', 'x-amz-durable-execution-name', 'x-amz-log-type'];

export const lambda: ServiceAdapter = {
  name: 'lambda',

  recognize(incoming: IncomingCall): ServiceCall | undefined {
    const version = incoming.rawPath.split('/')[1] ?? '';
    if (!API_VERSIONS.includes(version)) {
      return undefined;
    }
    const match = matchRoute(incoming.method, incoming.rawPath);
    const body = parseBody(incoming);
    if (!match) {
      const unknown = new LambdaError(404, 'UnknownOperationException', {
        Type: 'User',
        Message: `No Lambda operation matches ${incoming.method} ${incoming.rawPath}`,
      });
      return { service: 'lambda', operation: 'Unknown', params: body ?? {}, run: () => errorResponse(unknown) };
    }
    const { route, labels } = match;
    const headerParams = Object.fromEntries(
      INVOKE_HEADERS.flatMap((name) => {
        const value = incoming.headers[name];
        return typeof value === 'string' ? [[name, value]] : [];
      }),
    );
    return {
      service: 'lambda',
      operation: route.operation,
      params: body ?? {},
      pathParams: labels,
      ...(Object.keys(headerParams).length > 0 ? { headerParams } : {}),
      run: (state, quirk) => {
        if (!body && !route.rawBody) {
          return errorResponse(new LambdaError(400, 'InvalidRequestContentException', { Type: 'User', message: 'Could not parse request body into json' }));
        }
        const asResponse = (e: unknown): WireResponse => {
          if (e instanceof LambdaError) {
            return errorResponse(e);
          }
          throw e;
        };
        try {
          const ctx: Context = {
            quirk,
            query: incoming.query,
            headers: incoming.headers,
            rawBody: incoming.body.toString('utf8'),
            path: labels,
            body: body ?? {},
            index: state.region(incoming.region, incoming.account),
            state,
            region: incoming.region,
            account: incoming.account,
          };
          const response = route.handler(ctx);
          return response instanceof Promise ? response.catch(asResponse) : response;
        } catch (e) {
          return asResponse(e);
        }
      },
    };
  },

  faultResponse(kind: ErrorFaultKind, call: ServiceCall, incoming: IncomingCall): WireResponse {
    const errors: Record<ErrorFaultKind, LambdaError> = {
      throttle: new LambdaError(
        429,
        'TooManyRequestsException',
        { Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' },
        { 'Retry-After': '1' },
      ),
      accessDenied: new LambdaError(403, 'AccessDeniedException', {
        Message: accessDeniedMessage(`lambda:${call.operation}`, resourceFor(call, incoming.region)),
      }),
      expiredToken: new LambdaError(403, 'ExpiredTokenException', { message: EXPIRED_TOKEN_MESSAGE }),
      invalidCredentials: new LambdaError(403, 'UnrecognizedClientException', { message: INVALID_TOKEN_MESSAGE }),
      serverError: new LambdaError(500, 'ServiceException', { Type: 'Service', Message: 'An internal error occurred. Try again later.' }),
      hostileMessage: new LambdaError(400, 'InvalidParameterValueException', { Type: 'User', message: HOSTILE_ERROR_MESSAGE }),
    };
    return errorResponse(errors[kind]);
  },
};
