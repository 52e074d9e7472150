/** Time units and the wire formats the three protocols use for timestamps. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** JSON protocols (DynamoDB, Lambda) need epoch-seconds numbers; ISO strings make the SDK throw. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** RDS XML uses ISO-8601 with milliseconds, like the real service. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Lambda's FunctionConfiguration.LastModified format: `2025-11-30T12:34:56.789+0000`. */
export function lambdaLastModified(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** `yyyymmdd` in UTC, for names such as orders-nightly-20251130. */
export function compactDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}
