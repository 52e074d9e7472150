/**
 * Opaque pagination tokens bound to the request that produced them.
 *
 * Real services reject a token replayed with different filters; clients that
 * forget to reset their token when filters change must see that error here too.
 * Tokens are stateless (the server keeps no cursor table) and carry a MAC so
 * garbage or edited tokens are rejected rather than misread.
 */
import { createHash, createHmac } from 'node:crypto';

const MAC_KEY = 'aws-history-explorer-emulator';

/** Stable digest of the parameters a listing depends on (the "scope"). */
export function scopeDigest(scope: unknown): Buffer {
  return createHash('sha256').update(JSON.stringify(scope)).digest().subarray(0, 8);
}

function mac(bytes: Buffer): Buffer {
  return createHmac('sha256', MAC_KEY).update(bytes).digest().subarray(0, 8);
}

export interface Cursor {
  offset: number;
  /** Bit flags for listing quirks (for example "the planned empty page was already served"). */
  flags: number;
}

export const FLAG_EMPTY_PAGE_SERVED = 1;

/*
 * Binary layout (22 bytes): version(1) scope(8) offset(4) flags(1) mac(8).
 * 22 bytes is 1 mod 3, so standard base64 always ends in "==", and the digest
 * and MAC bytes make '+' and '/' common: clients that fail to URL-encode the
 * marker break visibly, as they would against AWS.
 */
export function encodeBinaryMarker(scope: unknown, cursor: Cursor): string {
  const body = Buffer.alloc(14);
  body.writeUInt8(1, 0);
  scopeDigest(scope).copy(body, 1);
  body.writeUInt32BE(cursor.offset, 9);
  body.writeUInt8(cursor.flags, 13);
  return Buffer.concat([body, mac(body)]).toString('base64');
}

export function decodeBinaryMarker(marker: string, scope: unknown): Cursor | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(marker) || marker.length % 4 !== 0) {
    return undefined;
  }
  const bytes = Buffer.from(marker, 'base64');
  if (bytes.length !== 22) {
    return undefined;
  }
  const body = bytes.subarray(0, 14);
  if (!mac(body).equals(bytes.subarray(14))) {
    return undefined;
  }
  if (body.readUInt8(0) !== 1 || !scopeDigest(scope).equals(body.subarray(1, 9))) {
    return undefined;
  }
  return { offset: body.readUInt32BE(9), flags: body.readUInt8(13) };
}

interface JsonMarker {
  v: 1;
  o: number;
  s: string;
  m: string;
}

/** RDS-style marker: base64 of a small JSON cursor, like many AWS query-protocol services. */
export function encodeJsonMarker(scope: unknown, offset: number): string {
  const s = scopeDigest(scope).toString('hex');
  const m = mac(Buffer.from(`${s}:${offset}`)).toString('hex');
  const token: JsonMarker = { v: 1, o: offset, s, m };
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

export function decodeJsonMarker(marker: string, scope: unknown): number | undefined {
  let token: Partial<JsonMarker>;
  try {
    token = JSON.parse(Buffer.from(marker, 'base64').toString('utf8')) as Partial<JsonMarker>;
  } catch {
    return undefined;
  }
  if (token === null || typeof token !== 'object' || token.v !== 1 || typeof token.o !== 'number' || !Number.isInteger(token.o) || token.o < 0) {
    return undefined;
  }
  if (token.s !== scopeDigest(scope).toString('hex')) {
    return undefined;
  }
  if (token.m !== mac(Buffer.from(`${token.s}:${token.o}`)).toString('hex')) {
    return undefined;
  }
  return token.o;
}
