/**
 * The operations of a durable execution, rebuilt from its history (GetDurableExecutionState needs a
 * checkpoint token only the running function has). Events are grouped by `Id`, nested by `ParentId`,
 * and each operation gets a status, its attempts and its duration. Incremental: pages of history are
 * added as they arrive, so a 10,000-event history is never processed in one go. Pure.
 */
import type { HistoryEvent } from '../aws/sdk/lambda';

export type OperationKind = 'EXECUTION' | 'STEP' | 'WAIT' | 'CALLBACK' | 'CHAINED_INVOKE' | 'CONTEXT' | 'OTHER';

/** PENDING: a step failed and a retry is scheduled. Other values follow the event that ended the operation. */
export type OperationStatus = 'STARTED' | 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT' | 'STOPPED';

export interface Attempt {
  readonly start: number | undefined;
  end?: number | undefined;
  outcome: 'running' | 'succeeded' | 'failed';
  /** Seconds until the next attempt, when this one failed and a retry was scheduled. */
  retryDelaySeconds?: number | undefined;
}

export interface Operation {
  readonly id: string;
  parentId: string | undefined;
  name: string | undefined;
  kind: OperationKind;
  subType: string | undefined;
  status: OperationStatus;
  /** Epoch ms of the first event. */
  start: number | undefined;
  /** Epoch ms of the event that ended it; undefined while it runs. */
  end: number | undefined;
  readonly attempts: Attempt[];
  /** Highest attempt number AWS reported (RetryDetails.CurrentAttempt). */
  reportedAttempts: number;
  /** Waits: when the wait is due. */
  scheduledEnd: number | undefined;
  /** Callbacks: the id SendDurableExecutionCallbackSuccess/Failure/Heartbeat take. */
  callbackId: string | undefined;
  error: { readonly type?: string | undefined; readonly message?: string | undefined } | undefined;
  /** The event type's operation part when the model does not know it (e.g. `Fetch` of `FetchStarted`). */
  typeName: string | undefined;
  /** The last event when its phase is unknown (e.g. `FetchPaused`): shown as is, the status left unchanged. */
  unknownEvent: string | undefined;
  readonly firstEventId: number | undefined;
  eventCount: number;
}

export interface Invocation {
  readonly eventId: number | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly requestId: string | undefined;
  readonly error: string | undefined;
}

export interface OperationNode {
  readonly operation: Operation;
  readonly children: OperationNode[];
}

const kindByPrefix: readonly (readonly [string, OperationKind])[] = [
  ['ChainedInvoke', 'CHAINED_INVOKE'],
  ['Execution', 'EXECUTION'],
  ['Callback', 'CALLBACK'],
  ['Context', 'CONTEXT'],
  ['Wait', 'WAIT'],
  ['Step', 'STEP'],
];
const phases = ['Started', 'Succeeded', 'Failed', 'TimedOut', 'Stopped', 'Cancelled'] as const;
type Phase = (typeof phases)[number];

export function classifyEvent(eventType: string | undefined): { kind: OperationKind; phase: Phase | undefined; prefix: string } {
  const type = eventType ?? '';
  const phase = phases.find((p) => type.endsWith(p));
  const prefix = phase ? type.slice(0, -phase.length) : type;
  const kind = kindByPrefix.find(([p]) => p === prefix)?.[1] ?? 'OTHER';
  return { kind, phase, prefix };
}

interface ErrorPayload {
  readonly ErrorType?: string;
  readonly ErrorMessage?: string;
}

/** The `<EventType>Details` member of an event (the API sets exactly one). */
export function eventDetails(event: HistoryEvent): Record<string, unknown> | undefined {
  const key = `${event.EventType ?? ''}Details`;
  const value = (event as Record<string, unknown>)[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function errorOf(details: Record<string, unknown> | undefined): Operation['error'] {
  // Real histories carry `Error: {}` on every successful invocation: no type and no message is no error.
  const payload = (details?.Error as { Payload?: ErrorPayload } | undefined)?.Payload;
  if (!payload || typeof payload !== 'object' || (!payload.ErrorType && !payload.ErrorMessage)) {
    return undefined;
  }
  return { type: payload.ErrorType, message: payload.ErrorMessage };
}

function time(date: Date | undefined): number | undefined {
  const ms = date?.getTime();
  return ms === undefined || Number.isNaN(ms) ? undefined : ms;
}

export class OperationsTree {
  private readonly byId = new Map<string, Operation>();
  private readonly order: Operation[] = [];
  readonly invocations: Invocation[] = [];
  private events = 0;
  private first: number | undefined;
  private last: number | undefined;

  get eventCount(): number {
    return this.events;
  }
  get operationCount(): number {
    return this.order.length;
  }
  /** Operations in order of their first event. */
  get operations(): readonly Operation[] {
    return this.order;
  }
  /** Epoch ms of the earliest and latest event seen. */
  get span(): { start: number | undefined; end: number | undefined } {
    return { start: this.first, end: this.last };
  }
  get(id: string): Operation | undefined {
    return this.byId.get(id);
  }

  add(events: readonly HistoryEvent[]): void {
    for (const event of events) {
      this.addOne(event);
    }
  }

  private addOne(event: HistoryEvent): void {
    this.events++;
    const t = time(event.EventTimestamp);
    if (t !== undefined) {
      this.first = this.first === undefined ? t : Math.min(this.first, t);
      this.last = this.last === undefined ? t : Math.max(this.last, t);
    }
    const details = eventDetails(event);
    if (event.EventType === 'InvocationCompleted') {
      const error = errorOf(details);
      this.invocations.push({
        eventId: event.EventId,
        start: time(details?.StartTimestamp as Date | undefined) ?? t,
        end: time(details?.EndTimestamp as Date | undefined) ?? t,
        requestId: typeof details?.RequestId === 'string' ? details.RequestId : undefined,
        error: error ? [error.type, error.message].filter(Boolean).join(': ') : undefined,
      });
      return;
    }
    if (!event.Id) {
      return;
    }
    const { kind, phase, prefix } = classifyEvent(event.EventType);
    let op = this.byId.get(event.Id);
    if (!op) {
      op = {
        id: event.Id,
        parentId: undefined,
        name: undefined,
        kind,
        subType: undefined,
        status: 'STARTED',
        start: t,
        end: undefined,
        attempts: [],
        reportedAttempts: 0,
        scheduledEnd: undefined,
        callbackId: undefined,
        error: undefined,
        typeName: undefined,
        unknownEvent: undefined,
        firstEventId: event.EventId,
        eventCount: 0,
      };
      this.byId.set(event.Id, op);
      this.order.push(op);
    }
    op.eventCount++;
    op.parentId ??= event.ParentId;
    op.name ??= event.Name;
    op.subType ??= event.SubType;
    if (op.kind === 'OTHER') {
      op.kind = kind;
    }
    if (kind === 'OTHER' && prefix) {
      op.typeName ??= prefix;
    }
    op.unknownEvent = phase === undefined ? event.EventType || undefined : undefined;
    if (op.start === undefined || (t !== undefined && t < op.start)) {
      op.start = t;
    }
    const retry = details?.RetryDetails as { CurrentAttempt?: number; NextAttemptDelaySeconds?: number } | undefined;
    if (typeof retry?.CurrentAttempt === 'number') {
      op.reportedAttempts = Math.max(op.reportedAttempts, retry.CurrentAttempt);
    }
    const current = op.attempts[op.attempts.length - 1];
    switch (phase) {
      case 'Started':
        // A step starts again for each retry; other operations start once.
        if (op.kind === 'STEP' || op.attempts.length === 0) {
          op.attempts.push({ start: t, outcome: 'running' });
        }
        op.status = 'STARTED';
        if (op.kind === 'WAIT') {
          op.scheduledEnd = time(details?.ScheduledEndTimestamp as Date | undefined);
        }
        if (op.kind === 'CALLBACK' && typeof details?.CallbackId === 'string') {
          op.callbackId = details.CallbackId;
        }
        break;
      case 'Succeeded':
        this.close(op, current, t, 'succeeded');
        op.status = 'SUCCEEDED';
        op.end = t;
        break;
      case 'Failed':
        this.close(op, current, t, 'failed');
        op.error = errorOf(details) ?? op.error;
        if (op.kind === 'STEP' && typeof retry?.NextAttemptDelaySeconds === 'number') {
          op.status = 'PENDING';
          const last = op.attempts[op.attempts.length - 1];
          if (last) {
            last.retryDelaySeconds = retry.NextAttemptDelaySeconds;
          }
        } else {
          op.status = 'FAILED';
          op.end = t;
        }
        break;
      case 'TimedOut':
      case 'Stopped':
      case 'Cancelled':
        this.close(op, current, t, 'failed');
        op.error = errorOf(details) ?? op.error;
        op.status = phase === 'TimedOut' ? 'TIMED_OUT' : phase === 'Stopped' ? 'STOPPED' : 'CANCELLED';
        op.end = t;
        break;
      case undefined:
        break;
    }
  }

  private close(op: Operation, current: Attempt | undefined, t: number | undefined, outcome: Attempt['outcome']): void {
    if (current && current.outcome === 'running') {
      current.end = t;
      current.outcome = outcome;
    } else if (!current) {
      op.attempts.push({ start: op.start, end: t, outcome });
    }
  }

  /**
   * Operations nested by ParentId, children in order of their first event. A parent that never appears
   * (a history page not loaded yet) leaves its children at the top level rather than hiding them.
   */
  roots(): OperationNode[] {
    const nodes = new Map<string, OperationNode>();
    for (const op of this.order) {
      nodes.set(op.id, { operation: op, children: [] });
    }
    const roots: OperationNode[] = [];
    for (const op of this.order) {
      const node = nodes.get(op.id)!;
      const parent = op.parentId !== undefined && op.parentId !== op.id ? nodes.get(op.parentId) : undefined;
      if (parent && !isAncestor(node, parent, nodes)) {
        parent.children.push(node);
      } else {
        roots.push(node);
      }
    }
    return roots;
  }
}

/** Guards against ParentId cycles in hostile data, which would otherwise hide both operations. */
function isAncestor(candidate: OperationNode, of: OperationNode, nodes: Map<string, OperationNode>): boolean {
  const seen = new Set<string>();
  let current: OperationNode | undefined = of;
  while (current && !seen.has(current.operation.id)) {
    if (current === candidate) {
      return true;
    }
    seen.add(current.operation.id);
    const parentId: string | undefined = current.operation.parentId;
    current = parentId !== undefined ? nodes.get(parentId) : undefined;
  }
  return false;
}

/** Number of attempts: counted starts, or what AWS reported if higher. */
export function attemptCount(op: Operation): number {
  return Math.max(op.attempts.length, op.reportedAttempts, 1);
}

export function operationDuration(op: Operation): number | undefined {
  return op.start !== undefined && op.end !== undefined ? Math.max(0, op.end - op.start) : undefined;
}

/** Human name of the operation's kind, from SubType when the SDK set one (Map, ParallelBranch, …). */
export function operationKindLabel(op: Operation): string {
  if (op.subType) {
    return op.subType;
  }
  switch (op.kind) {
    case 'CHAINED_INVOKE':
      return 'ChainedInvoke';
    case 'EXECUTION':
      return 'Execution';
    case 'CALLBACK':
      return 'Callback';
    case 'CONTEXT':
      return 'Context';
    case 'WAIT':
      return 'Wait';
    case 'STEP':
      return 'Step';
    case 'OTHER':
      return op.typeName || 'Operation';
  }
}

/** A callback the execution waits on: started, not answered, timed out or cancelled yet. */
export interface PendingCallback {
  /** The operation id (the tree node is `op-<id>`). */
  readonly operationId: string;
  readonly name: string | undefined;
  readonly callbackId: string;
}

/** The callbacks a RUNNING execution waits on, in the order they started (none once it ended). */
export function pendingCallbacks(tree: OperationsTree, executionStatus: string | undefined): PendingCallback[] {
  if (executionStatus !== 'RUNNING') {
    return [];
  }
  return tree.operations
    .filter((op) => op.kind === 'CALLBACK' && op.status === 'STARTED' && op.callbackId !== undefined)
    .map((op) => ({ operationId: op.id, name: op.name, callbackId: op.callbackId ?? '' }));
}
