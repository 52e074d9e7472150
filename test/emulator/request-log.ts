/** In-memory log of the AWS requests the emulator served, for tests to assert on. */
import type { FaultKind, ServiceName } from './protocol';

export interface RequestLogEntry {
  seq: number;
  service: ServiceName;
  operation: string;
  region: string;
  /** The account the request was signed for (by its access key id). */
  account: string;
  method: string;
  /** Raw path as sent (percent-encoding kept). */
  path: string;
  query: Record<string, string[]>;
  /** DynamoDB JSON body, RDS form parameters (flat), or Lambda JSON body. */
  params: Record<string, unknown>;
  /** Lambda only: decoded path labels (FunctionName, DurableExecutionArn). */
  pathParams?: Record<string, string>;
  /** Lambda Invoke only: parameters sent as headers (`X-Amz-Invocation-Type`, `X-Amz-Durable-Execution-Name`). */
  headerParams?: Record<string, string>;
  /** HTTP status sent; 0 while unanswered (a `hang` fault, or a request still in flight). */
  status: number;
  requestId: string;
  /** ISO time the request arrived. */
  time: string;
  /** Set when an injected fault handled this request. */
  fault?: FaultKind;
}

export interface RequestLogFilter {
  service?: ServiceName;
  operation?: string;
  /** Only entries with seq greater than this. */
  sinceSeq?: number;
}

/** Keeps memory bounded during long demo sessions; tests never get near this. */
const MAX_ENTRIES = 10_000;

/** Query keys that would carry credentials if a client ever presigned a request. */
const SECRET_QUERY_KEYS = /^x-amz-(credential|signature|security-token)$/i;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  start(entry: Omit<RequestLogEntry, 'seq' | 'status' | 'time'>): RequestLogEntry {
    const query: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(entry.query)) {
      if (!SECRET_QUERY_KEYS.test(k)) {
        query[k] = v;
      }
    }
    const full: RequestLogEntry = { ...entry, query, seq: ++this.seq, status: 0, time: new Date().toISOString() };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    }
    return full;
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.service === undefined || e.service === filter.service) &&
        (filter.operation === undefined || e.operation === filter.operation) &&
        (filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
    );
  }

  /** Sequence numbers keep increasing across clears so `sinceSeq` stays meaningful. */
  clear(): void {
    this.entries = [];
  }
}
