/**
 * Messages between the emulator and the durable host (a child process, see host.ts). Times are epoch ms on
 * the scaled clock both share; events are already in the emulator's HistoryEvent shape.
 */
import type { ErrorObject, ExecutionStatus, HistoryEvent } from '../emulator/model';

export interface LiveExecution {
  arn: string;
  /** The runner's execution id (a UUID), also the last part of the ARN. */
  id: string;
  name: string;
  functionName: string;
  status: ExecutionStatus;
  startMs: number;
  endMs?: number;
  input: string;
  result?: string;
  error?: ErrorObject;
  events: HistoryEvent[];
}

/** One operation as the runner itself sees it (DurableOperation getters), for tests to compare with. */
export interface RunnerOperation {
  id: string;
  parentId?: string;
  name?: string;
  type?: string;
  subType?: string;
  status?: string;
  /** Steps: the attempt the runner reports. */
  attempt?: number;
  /** Waits: when the wait ends. */
  scheduledEndMs?: number;
  /** Callbacks. */
  callbackId?: string;
  startMs?: number;
  endMs?: number;
}

export type HostRequest =
  | { op: 'start'; functionName: string; name: string; input: string; functionArn: string }
  | { op: 'stop'; arn: string; error: ErrorObject }
  | { op: 'callback'; callbackId: string; action: 'succeed' | 'fail' | 'heartbeat'; result?: string; error?: ErrorObject }
  | { op: 'operations'; arn: string };

export type HostResult = { arn: string } | { stopMs: number } | { ok: true } | RunnerOperation[];

/** Errors the emulator turns into Lambda error responses. */
export interface HostError {
  code: 'ResourceNotFoundException' | 'InvalidParameterValueException' | 'CallbackTimeoutException' | 'ServiceException';
  message: string;
}

export type ParentMessage = { id: number; request: HostRequest };
export type ChildMessage =
  { type: 'ready' } | { type: 'reply'; id: number; result?: HostResult; error?: HostError } | { type: 'execution'; execution: LiveExecution };
