/** Decides which emulated service and operation an incoming request is for. */
import { dynamodb } from './dynamodb';
import { lambda } from './lambda';
import type { IncomingCall, ServiceAdapter, ServiceCall } from './protocol';
import { rds } from './rds';
import { sts } from './sts';

/**
 * Order matters only for ambiguous requests: a DynamoDB target header wins over a form body, and STS (a form
 * body with its own API version) is asked before RDS, which takes any other form body.
 */
const ADAPTERS: ServiceAdapter[] = [dynamodb, sts, rds, lambda];

/** Requests without a SigV4 scope (curl while debugging) are treated as this region. */
export const DEFAULT_REGION = 'us-east-1';

/** `AWS4-HMAC-SHA256 Credential=AKID/20260115/eu-west-1/rds/aws4_request, …` → `eu-west-1`. */
export function regionFromAuthorization(header: string | undefined): string | undefined {
  if (!header) {
    return undefined;
  }
  const m = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/.exec(header);
  return m?.[1];
}

/** The access key id of a SigV4 Authorization header (never the signature). */
export function accessKeyFromAuthorization(header: string | undefined): string | undefined {
  return header ? /Credential=([A-Z0-9]+)\//.exec(header)?.[1] : undefined;
}

export function recognize(incoming: IncomingCall): { adapter: ServiceAdapter; call: ServiceCall } | undefined {
  for (const adapter of ADAPTERS) {
    const call = adapter.recognize(incoming);
    if (call) {
      return { adapter, call };
    }
  }
  return undefined;
}

/** Query string → multi-valued record (Lambda repeats keys such as `Statuses`). */
export function parseQuery(rawQuery: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) {
    (out[k] ??= []).push(v);
  }
  return out;
}
