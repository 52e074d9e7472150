/** Fault injection rules, matched per request in the order they were added. */
import { FAULT_KINDS, FaultKind, ServiceName } from './protocol';

export interface FaultSpec {
  /** Operation name such as `ListBackups`, or `*` for any. */
  operation: string;
  service?: ServiceName;
  kind: FaultKind;
  /** How many matching requests to fault; default 1, -1 = forever. */
  count?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  /** For `latency`: delay before answering normally (default 2000). */
  latencyMs?: number;
  /** Only requests signed for this region (a fault on one connection). */
  region?: string;
  /** Only requests of this account (by the signing access key id). */
  account?: string;
}

export interface ActiveFault {
  id: number;
  operation: string;
  service?: ServiceName;
  kind: FaultKind;
  /** Faults still to inject; -1 = forever. */
  remaining: number;
  /** Matching requests still to let through. */
  skipRemaining: number;
  latencyMs: number;
  region?: string;
  account?: string;
  /** Requests this rule has faulted so far. */
  hits: number;
}

const SERVICES: ServiceName[] = ['dynamodb', 'rds', 'lambda', 'sts'];
const DEFAULT_LATENCY_MS = 2000;

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Validates an untrusted spec (it arrives over HTTP); returns an error message or the spec. */
export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (input === null || typeof input !== 'object') {
    return 'body must be a JSON object';
  }
  const o = input as Record<string, unknown>;
  if (typeof o['operation'] !== 'string' || o['operation'] === '') {
    return 'operation must be an operation name or "*"';
  }
  if (typeof o['kind'] !== 'string' || !(FAULT_KINDS as readonly string[]).includes(o['kind'])) {
    return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  }
  if (o['service'] !== undefined && !SERVICES.includes(o['service'] as ServiceName)) {
    return `service must be one of ${SERVICES.join(', ')}`;
  }
  if (o['count'] !== undefined && (!isInt(o['count']) || (o['count'] < 1 && o['count'] !== -1))) {
    return 'count must be a positive integer or -1';
  }
  if (o['skip'] !== undefined && (!isInt(o['skip']) || o['skip'] < 0)) {
    return 'skip must be a non-negative integer';
  }
  if (o['latencyMs'] !== undefined && (!isInt(o['latencyMs']) || o['latencyMs'] < 0)) {
    return 'latencyMs must be a non-negative integer';
  }
  if (o['region'] !== undefined && (typeof o['region'] !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(o['region']))) {
    return 'region must be a region code';
  }
  if (o['account'] !== undefined && (typeof o['account'] !== 'string' || !/^\d{12}$/.test(o['account']))) {
    return 'account must be a 12-digit account id';
  }
  const spec: FaultSpec = { operation: o['operation'], kind: o['kind'] as FaultKind };
  if (o['service'] !== undefined) {
    spec.service = o['service'] as ServiceName;
  }
  if (o['count'] !== undefined) {
    spec.count = o['count'];
  }
  if (o['skip'] !== undefined) {
    spec.skip = o['skip'];
  }
  if (o['latencyMs'] !== undefined) {
    spec.latencyMs = o['latencyMs'];
  }
  if (o['region'] !== undefined) {
    spec.region = o['region'];
  }
  if (o['account'] !== undefined) {
    spec.account = o['account'];
  }
  return spec;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = {
      id: this.nextId++,
      operation: spec.operation,
      kind: spec.kind,
      remaining: spec.count ?? 1,
      skipRemaining: spec.skip ?? 0,
      latencyMs: spec.latencyMs ?? DEFAULT_LATENCY_MS,
      hits: 0,
    };
    if (spec.service) {
      fault.service = spec.service;
    }
    if (spec.region) {
      fault.region = spec.region;
    }
    if (spec.account) {
      fault.account = spec.account;
    }
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The fault to apply to this request, if any. A rule still skipping lets the
   * request through but counts it; a later rule may still apply.
   */
  take(service: ServiceName, operation: string, region?: string, account?: string): ActiveFault | undefined {
    for (const fault of this.faults) {
      if (fault.service !== undefined && fault.service !== service) {
        continue;
      }
      if ((fault.region !== undefined && fault.region !== region) || (fault.account !== undefined && fault.account !== account)) {
        continue;
      }
      if (fault.operation !== '*' && fault.operation !== operation) {
        continue;
      }
      if (fault.skipRemaining > 0) {
        fault.skipRemaining--;
        continue;
      }
      fault.hits++;
      if (fault.remaining > 0) {
        fault.remaining--;
        if (fault.remaining === 0) {
          this.faults = this.faults.filter((f) => f !== fault);
        }
      }
      return { ...fault };
    }
    return undefined;
  }
}
