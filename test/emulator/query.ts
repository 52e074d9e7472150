/**
 * The awsQuery protocol shared by RDS and STS: form-encoded POST in, XML out (built with XMLBuilder so every
 * text node is escaped).
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { IncomingCall, WireResponse } from './protocol';

export type Form = Record<string, string>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

/** A service error in the awsQuery shape; `type` is Sender for the caller's mistakes, Receiver for the service's. */
export class QueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

export function queryErrorResponse(xmlns: string, err: QueryError, requestId: string): WireResponse {
  const body = builder.build({ ErrorResponse: { '@_xmlns': xmlns, Error: { Type: err.type, Code: err.code, Message: err.message }, RequestId: requestId } });
  return { status: err.status, headers: { 'content-type': 'text/xml' }, body };
}

export function queryResultResponse(xmlns: string, action: string, result: Record<string, unknown>, requestId: string): WireResponse {
  const body = builder.build({
    [`${action}Response`]: { '@_xmlns': xmlns, [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } },
  });
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

/** The form of an awsQuery request (POST body, or GET query string), or undefined when it is not one. */
export function readForm(incoming: IncomingCall): Form | undefined {
  const contentType = String(incoming.headers['content-type'] ?? '');
  const form: Form = {};
  if (incoming.method === 'POST' && contentType.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(incoming.body.toString('utf8'))) {
      form[k] = v;
    }
  } else if (incoming.method === 'GET' && incoming.query['Action']) {
    for (const [k, values] of Object.entries(incoming.query)) {
      form[k] = values[0] ?? '';
    }
  }
  return typeof form['Action'] === 'string' && form['Action'] !== '' ? form : undefined;
}
