/**
 * Lazily generated execution payloads and durable-execution histories.
 *
 * Everything derives from ExecutionRecord.seed, so the 20,000 summaries of the
 * large data set stay cheap and a history is only built when someone asks for
 * it. The generator first lays events out on a "raw" clock, then scales that
 * clock to the record's [startMs, lastEventMs], so the history always agrees
 * with the summary's StartTimestamp/EndTimestamp.
 */
import { ACCOUNT_ID, ErrorObject, ExecutionDetail, ExecutionRecord, HistoryEvent } from './model';
import { Rng } from './prng';
import { HUGE_HISTORY_EVENTS } from './gen-lambda';
import { hostileExecutionDetail, hostileHistory } from './gen-hostile';
import { driftExecutionDetail, driftHistory } from './gen-drift';

// ------------------------------------------------------------------ payloads

type FailureVariant = 'step' | 'chained' | 'callback-timeout' | 'callback-failed' | 'map' | 'capture' | 'ledger-timeout';

interface Script {
  detail: ExecutionDetail;
  failure?: FailureVariant;
  /** Where a RUNNING execution is currently parked. */
  pendingAt?: 'wait' | 'callback';
  retries: number;
  items: number;
}

const ORDER_FAILURES: FailureVariant[] = ['step', 'chained', 'callback-timeout', 'callback-failed', 'map'];
const PAYMENT_FAILURES: FailureVariant[] = ['capture', 'ledger-timeout'];

function nodeStack(type: string, message: string, frames: string[]): string[] {
  return [
    `${type}: ${message}`,
    ...frames.map((f) => `    at ${f}`),
    '    at async DurableContext.step (/var/task/node_modules/@aws/durable-execution-sdk-js/dist/index.js:1:48211)',
  ];
}

function pythonStack(type: string, message: string, frame: string): string[] {
  return ['Traceback (most recent call last):', `  File "/var/task/saga.py", line ${frame}`, `${type}: ${message}`];
}

function orderError(variant: FailureVariant, input: { orderId: string; items: Array<{ sku: string; qty: number }> }): ErrorObject {
  const sku = input.items[0]?.sku ?? 'SKU-0';
  switch (variant) {
    case 'step':
      return {
        ErrorType: 'InventoryUnavailableError',
        ErrorMessage: `${sku} is out of stock in all warehouses`,
        ErrorData: JSON.stringify({ orderId: input.orderId, sku, attempts: 3 }),
        StackTrace: nodeStack('InventoryUnavailableError', `${sku} is out of stock in all warehouses`, [
          'reserveInventory (/var/task/steps/inventory.js:41:13)',
        ]),
      };
    case 'chained':
      return {
        ErrorType: 'PaymentDeclinedError',
        ErrorMessage: 'Card declined: insufficient funds',
        ErrorData: JSON.stringify({ orderId: input.orderId, declineCode: 'insufficient_funds' }),
        StackTrace: nodeStack('PaymentDeclinedError', 'Card declined: insufficient funds', ['chargePayment (/var/task/steps/payment.js:88:11)']),
      };
    case 'callback-timeout':
      return { ErrorType: 'CallbackTimeoutError', ErrorMessage: 'Callback payment-approval timed out after 3600 seconds', StackTrace: [] };
    case 'callback-failed':
      return {
        ErrorType: 'ApprovalRejectedError',
        ErrorMessage: 'Order rejected by reviewer',
        ErrorData: JSON.stringify({ reviewer: 'risk-team', reason: 'address mismatch' }),
        StackTrace: nodeStack('ApprovalRejectedError', 'Order rejected by reviewer', ['awaitApproval (/var/task/index.js:57:9)']),
      };
    default:
      return {
        ErrorType: 'ShipmentError',
        ErrorMessage: 'Carrier API returned 503 for package 2',
        ErrorData: JSON.stringify({ carrier: 'UPS', status: 503 }),
        StackTrace: nodeStack('ShipmentError', 'Carrier API returned 503 for package 2', [
          'shipPackage (/var/task/steps/shipping.js:23:15)',
          'Array.map (<anonymous>)',
        ]),
      };
  }
}

function timeoutError(seconds: number): ErrorObject {
  return { ErrorType: 'ExecutionTimedOut', ErrorMessage: `Execution exceeded its ExecutionTimeout of ${seconds} seconds`, StackTrace: [] };
}

function stopError(): ErrorObject {
  return {
    ErrorType: 'ExecutionStopped',
    ErrorMessage: 'Stopped by operator',
    ErrorData: JSON.stringify({ stoppedBy: `arn:aws:iam::${ACCOUNT_ID}:user/ops-oncall` }),
    StackTrace: [],
  };
}

function traceId(rng: Rng, startMs: number): string {
  return `Root=1-${Math.floor(startMs / 1000).toString(16)}-${rng.hex(24)};Parent=${rng.hex(16)};Sampled=1`;
}

function scriptFor(exec: ExecutionRecord): Script {
  const rng = new Rng(exec.seed);
  const retries = rng.weighted([
    [0, 6],
    [1, 3],
    [2, 1],
  ] as const);
  const items = rng.int(2, 4);
  const script: Script = { detail: { inputPayload: '', traceId: traceId(rng, exec.startMs) }, retries, items };
  let failureMessage: ErrorObject | undefined;

  switch (exec.workflow) {
    case 'order': {
      const input = {
        orderId: `ord-${rng.hex(10)}`,
        customerId: `cus-${rng.hex(8)}`,
        channel: rng.pick(['web', 'mobile', 'pos']),
        items: Array.from({ length: items }, () => ({ sku: `SKU-${rng.int(1000, 9999)}`, qty: rng.int(1, 5), unitPrice: rng.int(199, 25_000) / 100 })),
        currency: 'USD',
      };
      const total = Math.round(input.items.reduce((s, it) => s + it.qty * it.unitPrice, 0) * 100) / 100;
      script.detail.inputPayload = JSON.stringify({ ...input, total });
      if (exec.status === 'SUCCEEDED') {
        script.detail.result = JSON.stringify({
          orderId: input.orderId,
          status: 'FULFILLED',
          chargedAmount: total,
          trackingNumbers: input.items.map(() => `1Z${rng.hex(16).toUpperCase()}`),
        });
      }
      if (exec.status === 'FAILED') {
        script.failure = ORDER_FAILURES[exec.variant % ORDER_FAILURES.length]!;
        failureMessage = orderError(script.failure, input);
      }
      break;
    }
    case 'payment': {
      const input = { paymentId: `pay-${rng.hex(12)}`, orderId: `ord-${rng.hex(10)}`, amount: rng.int(500, 90_000) / 100, currency: rng.pick(['USD', 'EUR']) };
      script.detail.inputPayload = JSON.stringify(input);
      if (exec.status === 'SUCCEEDED') {
        script.detail.result = JSON.stringify({ paymentId: input.paymentId, status: 'CAPTURED', authorizationCode: rng.hex(6).toUpperCase() });
      }
      if (exec.status === 'FAILED') {
        script.failure = PAYMENT_FAILURES[exec.variant % PAYMENT_FAILURES.length]!;
        failureMessage =
          script.failure === 'capture'
            ? {
                ErrorType: 'CaptureFailedError',
                ErrorMessage: 'Processor rejected capture: authorization expired',
                ErrorData: JSON.stringify({ paymentId: input.paymentId }),
                StackTrace: pythonStack('CaptureFailedError', 'Processor rejected capture: authorization expired', '88, in capture_payment'),
              }
            : { ErrorType: 'ChainedInvokeTimedOut', ErrorMessage: 'post-ledger did not finish within 300 seconds', StackTrace: [] };
      }
      break;
    }
    case 'batch':
    case 'huge': {
      const records = exec.workflow === 'huge' ? 2_486 : rng.int(50, 5_000);
      script.detail.inputPayload = JSON.stringify({ batchId: `batch-${rng.hex(8)}`, shard: rng.int(0, 63), records });
      if (exec.status === 'SUCCEEDED') {
        script.detail.result = JSON.stringify({ processed: records, skipped: 0 });
      }
      if (exec.status === 'FAILED') {
        script.failure = 'step';
        failureMessage = {
          ErrorType: 'Error',
          ErrorMessage: 'Commit failed: conditional check failed on checkpoint row',
          StackTrace: nodeStack('Error', 'Commit failed: conditional check failed on checkpoint row', ['commitResults (/var/task/batch.js:120:7)']),
        };
      }
      break;
    }
  }
  if (exec.status === 'RUNNING') {
    script.pendingAt = exec.variant % 2 === 0 ? 'callback' : 'wait';
  }
  if (exec.status === 'FAILED') {
    script.detail.error = failureMessage;
  }
  if (exec.status === 'TIMED_OUT') {
    script.detail.error = timeoutError(Math.round(((exec.endMs ?? exec.startMs) - exec.startMs) / 1000));
  }
  if (exec.status === 'STOPPED') {
    script.detail.error = stopError();
  }
  return script;
}

/** InputPayload, Result, Error and trace header for GetDurableExecution. */
export function buildExecutionDetail(exec: ExecutionRecord): ExecutionDetail {
  if (exec.workflow === 'hostile') {
    return hostileExecutionDetail(exec);
  }
  if (exec.workflow === 'drift') {
    return driftExecutionDetail(exec);
  }
  return scriptFor(exec).detail;
}

// ------------------------------------------------------------------ history writer

interface WaitForCallback {
  /** The Callback operation. */
  id: string;
  /** The WaitForCallback context around it, which carries the name. */
  contextId: string;
  name: string;
}

interface Draft {
  type: string;
  subType?: string;
  id?: string;
  name?: string;
  parentId?: string;
  /** Raw seconds since the previous event; scaled later. */
  gap: number;
  details: Record<string, unknown>;
  /** Fills details that depend on final timestamps. */
  finish?: (times: number[], self: number) => void;
}

// The shapes below follow histories recorded from real runs of AWS's durable SDK (test/emulator/shapes.test.ts
// compares them): payloads carry no `Truncated` field, a successful invocation has `Error: {}`, a
// waitForCallback is a WaitForCallback context around a submitter step and a Callback operation.
const payload = (value: unknown) => ({ Payload: typeof value === 'string' ? value : JSON.stringify(value) });
const errorPayload = (error: ErrorObject) => ({ Payload: error });

class HistoryWriter {
  readonly drafts: Draft[] = [];
  private invocationStart = 0;

  constructor(private readonly rng: Rng) {}

  private newId(): string {
    return this.rng.hex(16);
  }

  /** Short gap between events inside one invocation. */
  quick(): number {
    return 0.02 + this.rng.next() * 1.5;
  }

  add(draft: Omit<Draft, 'gap'> & { gap?: number }): number {
    this.drafts.push({ ...draft, gap: draft.gap ?? this.quick() });
    return this.drafts.length - 1;
  }

  step(name: string, opts: { parentId?: string; retries?: number; result?: unknown } = {}): void {
    const id = this.newId();
    const base = { id, name, subType: 'Step', parentId: opts.parentId };
    this.add({ ...base, type: 'StepStarted', details: {} });
    const retries = opts.retries ?? 0;
    for (let attempt = 1; attempt <= retries; attempt++) {
      const error: ErrorObject = { ErrorType: 'ThrottlingError', ErrorMessage: 'Downstream API rate limit exceeded', StackTrace: [] };
      this.add({
        ...base,
        type: 'StepFailed',
        gap: 0.2 + this.quick(),
        details: { Error: errorPayload(error), RetryDetails: { CurrentAttempt: attempt, NextAttemptDelaySeconds: 2 ** attempt } },
      });
      this.add({ ...base, type: 'StepStarted', gap: 2 ** attempt, details: {} });
    }
    // The SDK reports no attempt on a first-time success.
    const retry = retries === 0 ? {} : { CurrentAttempt: retries };
    this.add({ ...base, type: 'StepSucceeded', gap: 0.1 + this.quick() * 3, details: { Result: payload(opts.result ?? { ok: true }), RetryDetails: retry } });
  }

  /** A step that fails on every attempt; the last StepFailed has no NextAttemptDelaySeconds. */
  stepExhausted(name: string, attempts: number, error: ErrorObject, parentId?: string): void {
    const base = { id: this.newId(), name, subType: 'Step', parentId };
    this.add({ ...base, type: 'StepStarted', details: {} });
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const retry: Record<string, number> = { CurrentAttempt: attempt };
      if (attempt < attempts) {
        retry['NextAttemptDelaySeconds'] = 2 ** attempt;
      }
      this.add({ ...base, type: 'StepFailed', gap: 0.3 + this.quick(), details: { Error: errorPayload(error), RetryDetails: retry } });
      if (attempt < attempts) {
        this.add({ ...base, type: 'StepStarted', gap: 2 ** attempt, details: {} });
      }
    }
  }

  /** WaitStarted; Duration/ScheduledEndTimestamp are finalized from WaitSucceeded when it exists. */
  waitStarted(name: string, seconds: number): { id: string; index: number; seconds: number } {
    const id = this.newId();
    const index = this.add({
      id,
      name,
      subType: 'Wait',
      type: 'WaitStarted',
      details: {},
      finish: (times, self) => {
        const end = this.drafts.findIndex((d, i) => i > self && d.id === id && d.type === 'WaitSucceeded');
        const duration = end >= 0 ? Math.max(1, Math.round((times[end] - times[self]) / 1000)) : seconds;
        this.drafts[self].details = { Duration: duration, ScheduledEndTimestamp: times[self] + duration * 1000 };
      },
    });
    return { id, index, seconds };
  }

  waitSucceeded(wait: { id: string; index: number; seconds: number }, name: string): void {
    this.add({
      id: wait.id,
      name,
      subType: 'Wait',
      type: 'WaitSucceeded',
      gap: wait.seconds,
      details: {},
      finish: (times, self) => {
        this.drafts[self].details = { Duration: Math.max(1, Math.round((times[self] - times[wait.index]) / 1000)) };
      },
    });
  }

  waitCancelled(wait: { id: string }, name: string, error: ErrorObject, gap: number): void {
    this.add({ id: wait.id, name, subType: 'Wait', type: 'WaitCancelled', gap, details: { Error: errorPayload(error) } });
  }

  /**
   * waitForCallback as the SDK records it: a named WaitForCallback context holding an unnamed Callback
   * operation and the unnamed step that submitted the callback id.
   */
  callbackStarted(name: string, timeoutSeconds: number | undefined): WaitForCallback {
    const contextId = this.contextStarted(name, 'WaitForCallback');
    const id = this.newId();
    const details: Record<string, unknown> = { CallbackId: Buffer.from(this.rng.bytes(96)).toString('base64') };
    if (timeoutSeconds !== undefined) {
      details['Timeout'] = timeoutSeconds;
    }
    this.add({ id, subType: 'Callback', parentId: contextId, type: 'CallbackStarted', details });
    const submitter = { id: this.newId(), subType: 'Step', parentId: contextId };
    this.add({ ...submitter, type: 'StepStarted', details: {} });
    this.add({ ...submitter, type: 'StepSucceeded', details: { Result: {}, RetryDetails: {} } });
    return { id, contextId, name };
  }

  callbackEnd(callback: WaitForCallback, type: 'CallbackSucceeded' | 'CallbackFailed' | 'CallbackTimedOut', gap: number, value: unknown): void {
    const details = type === 'CallbackSucceeded' ? { Result: payload(value) } : { Error: errorPayload(value as ErrorObject) };
    this.add({ id: callback.id, subType: 'Callback', parentId: callback.contextId, type, gap, details });
    this.contextEnd(
      callback.contextId,
      callback.name,
      'WaitForCallback',
      undefined,
      type === 'CallbackSucceeded' ? { result: JSON.stringify(value) } : { error: value as ErrorObject },
    );
  }

  chainedStarted(name: string, functionName: string, input: unknown, childArn: string): string {
    const id = this.newId();
    this.add({
      id,
      name,
      subType: 'ChainedInvoke',
      type: 'ChainedInvokeStarted',
      details: { FunctionName: functionName, Input: payload(input), DurableExecutionArn: childArn },
    });
    return id;
  }

  chainedEnd(
    id: string,
    name: string,
    type: 'ChainedInvokeSucceeded' | 'ChainedInvokeFailed' | 'ChainedInvokeTimedOut' | 'ChainedInvokeStopped',
    gap: number,
    value: unknown,
  ): void {
    const details = type === 'ChainedInvokeSucceeded' ? { Result: payload(value) } : { Error: errorPayload(value as ErrorObject) };
    this.add({ id, name, subType: 'ChainedInvoke', type, gap, details });
  }

  contextStarted(name: string, subType: string, parentId?: string): string {
    const id = this.newId();
    this.add({ id, name, subType, parentId, type: 'ContextStarted', details: {} });
    return id;
  }

  contextEnd(id: string, name: string, subType: string, parentId: string | undefined, outcome: { result: unknown } | { error: ErrorObject }): void {
    const details = 'result' in outcome ? { Result: payload(outcome.result) } : { Error: errorPayload(outcome.error) };
    this.add({ id, name, subType, parentId, type: 'result' in outcome ? 'ContextSucceeded' : 'ContextFailed', details });
  }

  /** Ends the current invocation: the function returns (suspends or finishes) and a later event resumes it. */
  invocationCompleted(error?: ErrorObject): void {
    const start = this.invocationStart;
    const requestId = this.rng.uuid();
    this.add({
      type: 'InvocationCompleted',
      details: {},
      finish: (times, self) => {
        // A successful invocation still carries `Error: {}`, as the service reports it.
        this.drafts[self].details = { StartTimestamp: times[start], EndTimestamp: times[self], Error: error ? errorPayload(error) : {}, RequestId: requestId };
      },
    });
    this.invocationStart = this.drafts.length;
  }

  /** Scales the raw clock onto [startMs, endMs] and numbers the events from 1. */
  finish(startMs: number, endMs: number): HistoryEvent[] {
    const raw: number[] = [];
    let clock = 0;
    this.drafts.forEach((d, i) => {
      clock += i === 0 ? 0 : d.gap;
      raw.push(clock);
    });
    const scale = clock > 0 ? (endMs - startMs) / clock : 0;
    const times: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const t = i === raw.length - 1 ? endMs : startMs + Math.round(raw[i] * scale);
      times.push(Math.max(t, i > 0 ? times[i - 1] : startMs));
    }
    this.drafts.forEach((d, i) => d.finish?.(times, i));
    return this.drafts.map((d, i) => historyEvent(d, i + 1, times[i], d.details));
  }
}

/** The identity fields every event builder shares; optional ones are left out rather than undefined. */
export interface EventIdentity {
  readonly type: string;
  readonly subType?: string;
  readonly id?: string;
  readonly name?: string;
  readonly parentId?: string;
}

export function historyEvent(d: EventIdentity, eventId: number, atMs: number, details: Record<string, unknown>): HistoryEvent {
  const event: HistoryEvent = { EventType: d.type, EventId: eventId, EventTimestampMs: atMs, detailsKey: `${d.type}Details`, details };
  if (d.subType !== undefined) {
    event.SubType = d.subType;
  }
  if (d.id !== undefined) {
    event.Id = d.id;
  }
  if (d.name !== undefined) {
    event.Name = d.name;
  }
  if (d.parentId !== undefined) {
    event.ParentId = d.parentId;
  }
  return event;
}

// ------------------------------------------------------------------ templates

interface TemplateContext {
  exec: ExecutionRecord;
  script: Script;
  w: HistoryWriter;
  rng: Rng;
  region: string;
}

/** Execution events carry the execution's id but no name (the name is in the ARN). */
function start(ctx: TemplateContext, timeoutSeconds: number): void {
  ctx.w.add({
    type: 'ExecutionStarted',
    id: ctx.exec.id,
    gap: 0,
    details: { Input: payload(ctx.script.detail.inputPayload), ExecutionTimeout: timeoutSeconds },
  });
}

function end(ctx: TemplateContext, type: 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionTimedOut' | 'ExecutionStopped', gap?: number): void {
  const d = ctx.script.detail;
  const details = type === 'ExecutionSucceeded' ? { Result: payload(d.result ?? '{}') } : { Error: errorPayload(d.error ?? {}) };
  ctx.w.add({ type, id: ctx.exec.id, gap, details });
}

function fail(ctx: TemplateContext): void {
  ctx.w.invocationCompleted(ctx.script.detail.error);
  end(ctx, 'ExecutionFailed');
}

function otherArn(ctx: TemplateContext, fn: string, version: string): string {
  return `arn:aws:lambda:${ctx.region}:${ACCOUNT_ID}:function:${fn}:${version}/durable-execution/${ctx.exec.name}-${fn}/${ctx.rng.uuid()}`;
}

/** Rich order workflow: steps with retries, a wait, a callback, a chained invoke, Map, Parallel and a child context. */
function orderTemplate(ctx: TemplateContext): void {
  const { w, exec, script } = ctx;
  const error = script.detail.error ?? {};
  start(ctx, 86_400);
  w.step('validate-order', { result: { valid: true } });
  if (script.failure === 'step') {
    w.stepExhausted('reserve-inventory', 3, error);
    return fail(ctx);
  }
  w.step('reserve-inventory', { retries: script.retries, result: { reserved: script.items } });
  const wait = w.waitStarted('cool-down', 900);
  w.invocationCompleted();
  if (exec.status === 'STOPPED') {
    w.waitCancelled(wait, 'cool-down', error, 120);
    return end(ctx, 'ExecutionStopped');
  }
  if (script.pendingAt === 'wait') {
    return;
  }
  w.waitSucceeded(wait, 'cool-down');
  // Longer than the execution's own timeout when the execution times out waiting for it.
  const callbackTimeout = exec.status === 'TIMED_OUT' ? 172_800 : 3_600;
  const cb = w.callbackStarted('payment-approval', callbackTimeout);
  w.invocationCompleted();
  if (script.pendingAt === 'callback') {
    return;
  }
  if (exec.status === 'TIMED_OUT') {
    return end(ctx, 'ExecutionTimedOut', 20_000);
  }
  if (script.failure === 'callback-timeout' || script.failure === 'callback-failed') {
    w.callbackEnd(cb, script.failure === 'callback-timeout' ? 'CallbackTimedOut' : 'CallbackFailed', 3_600, error);
    return fail(ctx);
  }
  w.callbackEnd(cb, 'CallbackSucceeded', 240 + ctx.rng.int(0, 1800), { approved: true, approver: 'risk-bot' });
  const chained = w.chainedStarted(
    'charge-payment',
    `arn:aws:lambda:${ctx.region}:${ACCOUNT_ID}:function:payment-saga:$LATEST`,
    { orderId: exec.name },
    otherArn(ctx, 'payment-saga', '$LATEST'),
  );
  w.invocationCompleted();
  if (script.failure === 'chained') {
    w.chainedEnd(chained, 'charge-payment', 'ChainedInvokeFailed', 40, error);
    return fail(ctx);
  }
  w.chainedEnd(chained, 'charge-payment', 'ChainedInvokeSucceeded', 30 + ctx.rng.int(0, 120), { status: 'CAPTURED' });

  const mapId = w.contextStarted('ship-items', 'Map');
  for (let k = 0; k < script.items; k++) {
    // The SDK names map iterations itself.
    const iteration = `map-item-${k}`;
    const iterId = w.contextStarted(iteration, 'MapIteration', mapId);
    if (script.failure === 'map' && k === 1) {
      w.stepExhausted('ship-package', 2, error, iterId);
      w.contextEnd(iterId, iteration, 'MapIteration', mapId, { error });
      // The SDK's map itself succeeds with a failed item in its result; the handler's throwIfError() fails the execution.
      w.contextEnd(mapId, 'ship-items', 'Map', undefined, { result: { completionReason: 'ALL_COMPLETED', failed: [k] } });
      return fail(ctx);
    }
    w.step('ship-package', { parentId: iterId, result: { package: k, carrier: 'UPS' } });
    w.contextEnd(iterId, iteration, 'MapIteration', mapId, { result: { package: k } });
  }
  w.contextEnd(mapId, 'ship-items', 'Map', undefined, { result: { shipped: script.items } });

  const parallelId = w.contextStarted('notify-customer', 'Parallel');
  for (const channel of ['email', 'sms']) {
    const branch = `notify-${channel}`;
    const branchId = w.contextStarted(branch, 'ParallelBranch', parallelId);
    w.step(`send-${channel}`, { parentId: branchId, result: { sent: true } });
    w.contextEnd(branchId, branch, 'ParallelBranch', parallelId, { result: { channel } });
  }
  w.contextEnd(parallelId, 'notify-customer', 'Parallel', undefined, { result: ['email', 'sms'] });

  const auditId = w.contextStarted('audit', 'RunInChildContext');
  w.step('write-audit-record', { parentId: auditId });
  w.contextEnd(auditId, 'audit', 'RunInChildContext', undefined, { result: { audited: true } });
  w.invocationCompleted();
  end(ctx, 'ExecutionSucceeded');
}

/** Payment saga: a fraud-review callback, capture with compensation on failure, and a chained ledger post. */
function paymentTemplate(ctx: TemplateContext): void {
  const { w, exec, script } = ctx;
  const error = script.detail.error ?? {};
  start(ctx, 3_600);
  w.step('authorize-card', { result: { authorized: true } });
  const cb = w.callbackStarted('fraud-review', 900);
  w.invocationCompleted();
  if (exec.status === 'RUNNING') {
    return;
  }
  w.callbackEnd(cb, 'CallbackSucceeded', 60 + ctx.rng.int(0, 600), { risk: 'low' });
  if (script.failure === 'capture') {
    w.stepExhausted('capture-payment', 3, error);
    const comp = w.contextStarted('compensate', 'RunInChildContext');
    w.step('void-authorization', { parentId: comp });
    w.contextEnd(comp, 'compensate', 'RunInChildContext', undefined, { result: { voided: true } });
    return fail(ctx);
  }
  w.step('capture-payment', { retries: script.retries, result: { captured: true } });
  const chained = w.chainedStarted(
    'post-ledger',
    `arn:aws:lambda:${ctx.region}:${ACCOUNT_ID}:function:ledger-writer:$LATEST`,
    { entry: 'capture' },
    otherArn(ctx, 'ledger-writer', '$LATEST'),
  );
  w.invocationCompleted();
  if (exec.status === 'TIMED_OUT' || exec.status === 'STOPPED') {
    w.chainedEnd(chained, 'post-ledger', 'ChainedInvokeStopped', 600, error);
    return end(ctx, exec.status === 'TIMED_OUT' ? 'ExecutionTimedOut' : 'ExecutionStopped');
  }
  if (script.failure === 'ledger-timeout') {
    w.chainedEnd(chained, 'post-ledger', 'ChainedInvokeTimedOut', 300, error);
    return fail(ctx);
  }
  w.chainedEnd(chained, 'post-ledger', 'ChainedInvokeSucceeded', 5 + ctx.rng.int(0, 30), { posted: true });
  w.step('send-receipt');
  w.invocationCompleted();
  end(ctx, 'ExecutionSucceeded');
}

/** Small batch job used for the 20,000 big-function executions. */
function batchTemplate(ctx: TemplateContext): void {
  const { w, exec, script } = ctx;
  const error = script.detail.error ?? {};
  start(ctx, 7_200);
  w.step('fetch-batch');
  w.step('process-records', { retries: script.retries });
  if (script.failure) {
    w.stepExhausted('commit-results', 2, error);
    return fail(ctx);
  }
  const wait = w.waitStarted('backoff', 60);
  w.invocationCompleted();
  if (exec.status === 'RUNNING') {
    return;
  }
  if (exec.status === 'STOPPED') {
    w.waitCancelled(wait, 'backoff', error, 30);
    return end(ctx, 'ExecutionStopped');
  }
  if (exec.status === 'TIMED_OUT') {
    return end(ctx, 'ExecutionTimedOut', 3_600);
  }
  w.waitSucceeded(wait, 'backoff');
  w.step('commit-results');
  w.invocationCompleted();
  end(ctx, 'ExecutionSucceeded');
}

/**
 * Exactly HUGE_HISTORY_EVENTS events: a Map over many records, with an invocation
 * boundary every few iterations (as a long job checkpoints and is re-invoked).
 */
function hugeTemplate(ctx: TemplateContext): void {
  const { w } = ctx;
  start(ctx, 86_400);
  w.step('load-batch');
  const mapId = w.contextStarted('process-records', 'Map');
  // Fixed events: ExecutionStarted, 2 step events, Map start/end, final InvocationCompleted, ExecutionSucceeded.
  const fixed = 7;
  let boundaries = 49;
  while ((HUGE_HISTORY_EVENTS - fixed - boundaries) % 4 !== 0) {
    boundaries++;
  }
  const iterations = (HUGE_HISTORY_EVENTS - fixed - boundaries) / 4;
  let placed = 0;
  for (let k = 0; k < iterations; k++) {
    const name = `map-item-${k}`;
    const iterId = w.contextStarted(name, 'MapIteration', mapId);
    w.step('transform-record', { parentId: iterId });
    w.contextEnd(iterId, name, 'MapIteration', mapId, { result: { record: k } });
    if (placed < boundaries && k + 1 >= Math.floor(((placed + 1) * iterations) / (boundaries + 1))) {
      w.invocationCompleted();
      placed++;
    }
  }
  while (placed < boundaries) {
    w.invocationCompleted();
    placed++;
  }
  w.contextEnd(mapId, 'process-records', 'Map', undefined, { result: { processed: iterations } });
  w.invocationCompleted();
  if (ctx.exec.status === 'RUNNING') {
    // Still running (`running-history`): suspended again instead of finished, with the same event count.
    w.invocationCompleted();
    return;
  }
  end(ctx, 'ExecutionSucceeded');
}

function regionOf(arn: string): string {
  return arn.split(':')[3] ?? 'us-east-1';
}

/** The execution's full history in chronological order (EventId 1…n). */
export function buildHistory(exec: ExecutionRecord): HistoryEvent[] {
  if (exec.workflow === 'hostile') {
    return hostileHistory(exec);
  }
  if (exec.workflow === 'drift') {
    return driftHistory(exec);
  }
  const script = scriptFor(exec);
  const rng = new Rng((exec.seed ^ 0x5bd1e995) >>> 0);
  const ctx: TemplateContext = { exec, script, w: new HistoryWriter(rng), rng, region: regionOf(exec.arn) };
  switch (exec.workflow) {
    case 'order':
      orderTemplate(ctx);
      break;
    case 'payment':
      paymentTemplate(ctx);
      break;
    case 'batch':
      batchTemplate(ctx);
      break;
    case 'huge':
      hugeTemplate(ctx);
      break;
  }
  return ctx.w.finish(exec.startMs, exec.lastEventMs);
}

/**
 * History after StopDurableExecution on a RUNNING execution: a parked wait is
 * cancelled, then ExecutionStopped is appended, both at `stopMs`.
 */
export function appendStopEvents(history: HistoryEvent[], exec: ExecutionRecord, stopMs: number, error: ErrorObject): HistoryEvent[] {
  const out = history.slice();
  const closed = new Set(out.filter((e) => e.EventType === 'WaitSucceeded' || e.EventType === 'WaitCancelled').map((e) => e.Id));
  const openWait = out.find((e) => e.EventType === 'WaitStarted' && !closed.has(e.Id));
  const push = (event: Omit<HistoryEvent, 'EventId' | 'EventTimestampMs'>) => out.push({ ...event, EventId: out.length + 1, EventTimestampMs: stopMs });
  if (openWait) {
    push({
      EventType: 'WaitCancelled',
      SubType: 'Wait',
      Id: openWait.Id,
      Name: openWait.Name,
      detailsKey: 'WaitCancelledDetails',
      details: { Error: errorPayload(error) },
    });
  }
  push({ EventType: 'ExecutionStopped', Id: exec.id, Name: exec.name, detailsKey: 'ExecutionStoppedDetails', details: { Error: errorPayload(error) } });
  return out;
}
