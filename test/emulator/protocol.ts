/** Types shared by the router and the three service adapters. */
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorState } from './state';

export type ServiceName = 'dynamodb' | 'rds' | 'lambda';

export const FAULT_KINDS = ['throttle', 'accessDenied', 'expiredToken', 'invalidCredentials', 'serverError', 'malformed', 'latency', 'hang'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults that produce a service error response (the others change timing or framing). */
export type ErrorFaultKind = Exclude<FaultKind, 'malformed' | 'latency' | 'hang'>;

export interface IncomingCall {
  method: string;
  /** Raw (still percent-encoded) path without the query string. */
  rawPath: string;
  query: Record<string, string[]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** From the SigV4 credential scope. */
  region: string;
  requestId: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request recognised as one service operation, ready to run. */
export interface ServiceCall {
  service: ServiceName;
  operation: string;
  /** What the request log records as parameters (never credentials). */
  params: Record<string, unknown>;
  /** Lambda only: decoded path labels such as FunctionName or DurableExecutionArn. */
  pathParams?: Record<string, string>;
  /** Promise only for operations the durable host answers (Invoke, Stop and callbacks of live executions). */
  run(state: EmulatorState): WireResponse | Promise<WireResponse>;
}

export interface ServiceAdapter {
  readonly name: ServiceName;
  /** Returns undefined when the request is not for this service. */
  recognize(call: IncomingCall): ServiceCall | undefined;
  /** The service's own error response for an injected fault. */
  faultResponse(kind: ErrorFaultKind, call: ServiceCall, incoming: IncomingCall): WireResponse;
}

/** Message in the shape IAM uses for AccessDenied across services. */
export function accessDeniedMessage(action: string, resource: string): string {
  return `User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

export const EXPIRED_TOKEN_MESSAGE = 'The security token included in the request is expired';
export const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

/** Parses an integer query/form value strictly ("12" yes, "12.5", "1e3", "" no). */
export function parseStrictInt(value: string): number | undefined {
  return /^-?\d{1,10}$/.test(value) ? Number(value) : undefined;
}
