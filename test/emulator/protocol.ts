/** Types shared by the router and the three service adapters. */
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorState } from './state';

export type ServiceName = 'dynamodb' | 'rds' | 'lambda' | 'sts';

export const FAULT_KINDS = [
  'throttle',
  'accessDenied',
  'expiredToken',
  'invalidCredentials',
  'serverError',
  'hostileMessage',
  'malformed',
  'latency',
  'hang',
  'flipOrder',
  'markerCycle',
  'expiredMarker',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Faults an adapter applies to its own answer (Lambda only): `flipOrder` reads ReverseOrder of
 * ListDurableExecutionsByFunction the other way round, `markerCycle` makes GetDurableExecutionHistory's third
 * page hand back the first page's NextMarker (A→B→A), `expiredMarker` answers a history request that carries a
 * Marker with "the marker has expired".
 */
export type QuirkFaultKind = Extract<FaultKind, 'flipOrder' | 'markerCycle' | 'expiredMarker'>;

/** Faults that produce a service error response (the others change timing, framing or the answer itself). */
export type ErrorFaultKind = Exclude<FaultKind, 'malformed' | 'latency' | 'hang' | QuirkFaultKind>;

export interface IncomingCall {
  method: string;
  /** Raw (still percent-encoded) path without the query string. */
  rawPath: string;
  query: Record<string, string[]>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** From the SigV4 credential scope. */
  region: string;
  /** The account of the signing access key id (see accountOfAccessKey). */
  account: string;
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
  /** Lambda Invoke only: the request headers that carry parameters (invocation type, execution name, …). */
  headerParams?: Record<string, string>;
  /** Promise only for operations the durable host answers (Invoke, Stop and callbacks of live executions). */
  run(state: EmulatorState, quirk?: QuirkFaultKind): WireResponse | Promise<WireResponse>;
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

/**
 * A validation error whose message is what a hostile endpoint would send: Markdown links (a `command:` and
 * an `http:` one), a codicon, backtick runs, C1 and bidi controls, then line terminators. The links come
 * first: error rows and notifications show an error's first line.
 */
export const HOSTILE_ERROR_MESSAGE =
  'Value rejected [x](command:workbench.action.terminal.new) [y](http://example.invalid/fault-link) $(alert) ``` c1\u009b bidi\u202Eevil\u202C\rsecond line\u2028third\u2029fourth';

export const EXPIRED_TOKEN_MESSAGE = 'The security token included in the request is expired';
export const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

/** Parses an integer query/form value strictly ("12" yes, "12.5", "1e3", "" no). */
export function parseStrictInt(value: string): number | undefined {
  return /^-?\d{1,10}$/.test(value) ? Number(value) : undefined;
}
