/**
 * The rule of every setting that takes free input, checked where the value is read: settings.json and
 * `configuration.update` bypass the schema's pattern and ranges, and a bad value must never reach AWS
 * (or a timer). Pure, so it is unit-tested without VS Code. Messages never repeat the value: an endpoint
 * may carry a password.
 */
import * as l10n from '@vscode/l10n';

export const checkedSettings = [
  'profile',
  'region',
  'endpoints',
  'pageSize',
  'requestTimeoutSeconds',
  'lambda.autoRefreshSeconds',
  'lambda.historyLoadAllLimit',
] as const;
export type CheckedSetting = (typeof checkedSettings)[number];

/** The rule as a user reads it (a function, so it is translated when asked, not when the module loads). */
export function settingRule(key: CheckedSetting): string {
  switch (key) {
    case 'profile':
      return l10n.t('A profile name: 1 to 128 characters without spaces, brackets or quotes.');
    case 'region':
      return l10n.t('A region code such as us-east-1.');
    case 'endpoints':
      return l10n.t('Keys dynamodb, rds and lambda, each an https:// URL (http:// only for localhost, 127.x.x.x or ::1) without a user name or password.');
    case 'pageSize':
      return l10n.t('A whole number from 1 to 1000.');
    case 'requestTimeoutSeconds':
      return l10n.t('A whole number of seconds from 1 to 600.');
    case 'lambda.autoRefreshSeconds':
      return l10n.t('A whole number of seconds from 0 (off) to 3600.');
    case 'lambda.historyLoadAllLimit':
      return l10n.t('A whole number of events from 1000 to 1000000.');
  }
}

/** `awsHistory.lambda.historyLoadAllLimit`'s default (package.json says the same). */
export const defaultHistoryLoadAllLimit = 20_000;

const profileName = /^[^\s[\]"'`]{1,128}$/;
/** The one region rule (settings, the region picker, console links). */
export function isRegionCode(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}
const endpointKeys = new Set(['dynamodb', 'rds', 'lambda']);

function wholeNumber(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * True for hosts that never leave this machine. `URL` has already normalised the host: `127.1` and
 * `0x7f.0.0.1` read as `127.0.0.1`, `[0:0::1]` as `[::1]`, names are lower-case.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** True for AWS's own endpoint hosts (commercial, China, GovCloud, dual-stack); anything else is custom. */
export function isAwsEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/.test(url.hostname);
  } catch {
    return false;
  }
}

/** An `https:` URL, or `http:` to a loopback host only: plain HTTP elsewhere exposes every signed request. */
function validEndpoint(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '') {
    return false;
  }
  try {
    const url = new URL(value);
    const scheme = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    return scheme && url.username === '' && url.password === '' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True when `value` (as read from the configuration; undefined = not set) follows the setting's rule. */
export function settingIsValid(key: CheckedSetting, value: unknown): boolean {
  if (value === undefined || value === null) {
    return true;
  }
  switch (key) {
    case 'profile':
      return typeof value === 'string' && (value.trim() === '' || profileName.test(value.trim()));
    case 'region':
      return typeof value === 'string' && (value.trim() === '' || isRegionCode(value.trim()));
    case 'endpoints':
      return (
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.entries(value as Record<string, unknown>).every(([k, v]) => endpointKeys.has(k) && (v === '' || validEndpoint(v)))
      );
    case 'pageSize':
      return wholeNumber(value, 1, 1000);
    case 'requestTimeoutSeconds':
      return wholeNumber(value, 1, 600);
    case 'lambda.autoRefreshSeconds':
      return wholeNumber(value, 0, 3600);
    case 'lambda.historyLoadAllLimit':
      return wholeNumber(value, 1000, 1_000_000);
  }
}

/** `Setting awsHistory.<key> is not valid: <rule>` for the first invalid one of `keys`, else undefined. */
export function settingProblem(read: (key: CheckedSetting) => unknown, keys: readonly CheckedSetting[]): { key: CheckedSetting; message: string } | undefined {
  for (const key of keys) {
    if (!settingIsValid(key, read(key))) {
      return { key, message: l10n.t('Setting awsHistory.{0} is not valid: {1}', key, settingRule(key)) };
    }
  }
  return undefined;
}
