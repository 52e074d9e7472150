/** Display helpers shared by tree rows, tooltips and panels. Pure. */

export function humanSize(bytes: number | undefined): string {
  if (bytes === undefined) {
    return 'size unknown';
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "1 h 5 min", "3 d 2 h", "42 s". */
export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) {
    return `${Math.round(abs)} ms`;
  }
  const s = Math.floor(abs / 1000);
  const parts: [number, string][] = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'min'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
}

/** "5 min ago", "in 3 d". */
export function relativeTime(date: Date | undefined, now: number = Date.now()): string {
  if (!date) {
    return '';
  }
  if (!isValidDate(date)) {
    return invalidDate(date);
  }
  const diff = date.getTime() - now;
  if (Math.abs(diff) < 45_000) {
    return 'just now';
  }
  const text = humanDuration(diff).split(' ').slice(0, 2).join(' ');
  return diff < 0 ? `${text} ago` : `in ${text}`;
}

/**
 * A timestamp AWS sent that is no time at all (out of range, not a number): "invalid date" with what arrived.
 * The SDK turns an out-of-range epoch into `Invalid Date`, whose original number is gone by then.
 */
function invalidDate(value: unknown): string {
  const raw = value instanceof Date ? String(value.getTime()) : typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value;
  return `invalid date (${raw.length > 64 ? `${raw.slice(0, 63)}…` : raw})`;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** ISO 8601 UTC; never throws (`toISOString` does on an invalid date). */
export function isoTime(value: Date | undefined): string {
  if (value === undefined) {
    return '';
  }
  return isValidDate(value) ? value.toISOString() : invalidDate(value);
}

/** UTC and local time side by side, for tooltips. Never throws. */
export function bothTimes(date: Date | undefined): string {
  if (!date) {
    return '—';
  }
  if (!isValidDate(date)) {
    return invalidDate(date);
  }
  return `${date.toISOString().replace('.000Z', 'Z')} (local ${date.toLocaleString()})`;
}
