/**
 * The one place that turns SDK and network errors into what a user reads (a lazy chunk: errors.ts loads it at
 * the first error). Pure, so every view, panel and test shares it. Messages never include request headers or credentials: only the error's own
 * name, message and the context we pass in.
 */
import * as l10n from '@vscode/l10n';
import { plainLine } from '../util/plainText';
import type { CredentialError, CredentialFailure } from './credentialErrors';

export type ErrorKind =
  | 'accessDenied'
  | 'credentials'
  | 'noRegion'
  | 'settings'
  | 'throttling'
  | 'timeout'
  | 'network'
  | 'notFound'
  | 'validation'
  | 'staleToken'
  | 'unsupported'
  | 'server'
  | 'malformed'
  | 'cancelled'
  | 'unknown';

export interface ErrorContext {
  /** The IAM action of the call, e.g. `dynamodb:ListBackups`. */
  readonly action: string;
  readonly profile: string;
  readonly region?: string | undefined;
  /** True when the request carried a page token, so a validation error most likely means the token. */
  readonly withToken?: boolean;
}

export interface UserError {
  readonly kind: ErrorKind;
  /** One line for a tree row or a notification. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
  readonly code: string;
  readonly requestId?: string | undefined;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const accessDenied = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'KMSAccessDeniedException', 'KMSAccessDenied']);
const credentialCodes = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
  'TokenProviderError',
  'InvalidGrantException',
  'IncompleteSignature',
]);
const throttling = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
]);
const notFound = new Set([
  'ResourceNotFoundException',
  'NotFound',
  'BackupNotFoundException',
  'DBClusterNotFoundFault',
  'DBClusterBacktrackNotFoundFault',
  'TableNotFoundException',
]);
const network = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The error's name as sent (a hostile endpoint chooses it), on one line like every other text from AWS. */
function codeOf(error: SdkErrorShape): string {
  return plainLine(String(error.name ?? error.Code ?? error.code ?? 'Error'));
}

/** The first line of an error text (any line terminator), with invisible controls shown (plainLine). */
function firstLine(text: string | undefined, max = 300): string {
  const line = plainLine((text ?? '').split(/\r\n|[\r\n\u0085\u2028\u2029]/, 1)[0] ?? '').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** By name, not `instanceof`: also one thrown by another copy of credentialErrors.ts (a test bundle's). */
function isCredentialError(raw: unknown): raw is CredentialError {
  return raw instanceof Error && raw.name === 'CredentialError' && 'reason' in raw;
}

function credentialFailureMessage(reason: CredentialFailure, profile: string): string {
  switch (reason) {
    case 'ssoExpired':
      return `The SSO session of profile "${profile}" has expired.`;
    case 'ssoTokenMissing':
      return `No valid SSO token for profile "${profile}": the SSO session is missing or invalid.`;
    case 'processFailed':
      return `The credential_process of profile "${profile}" exited with an error.`;
    case 'processNotStarted':
      return `The credential_process of profile "${profile}" could not be started.`;
    case 'processInvalidJson':
      return `The credential_process of profile "${profile}" returned invalid JSON.`;
    case 'processInvalidCredentials':
      return `The credential_process of profile "${profile}" returned no valid credentials.`;
    case 'processExpired':
      return `The credential_process of profile "${profile}" returned expired credentials.`;
    case 'profileNotFound':
      return `Profile "${profile}" was not found in the shared AWS config or credentials files.`;
    case 'mfaRequired':
      return `Profile "${profile}" needs an MFA code, which this extension cannot ask for.`;
    case 'roleAssumption':
      return `Assuming the role of profile "${profile}" failed.`;
    case 'noCredentials':
      return `No credentials found for profile "${profile}".`;
  }
}

export function describeError(raw: unknown, ctx: ErrorContext): UserError {
  const error: SdkErrorShape = typeof raw === 'object' && raw !== null ? raw : { message: String(raw) };
  const code = codeOf(error);
  const status = error.$metadata?.httpStatusCode;
  const requestId = error.$metadata?.requestId === undefined ? undefined : plainLine(String(error.$metadata.requestId));
  const text = firstLine(error.message);
  const make = (kind: ErrorKind, message: string, hint: string): UserError => ({ kind, message, hint, code, requestId });
  const loginHint = l10n.t('Sign in again (for SSO: `aws sso login --profile {0}`) or pick another profile.', ctx.profile);

  if (code === 'AbortError' || code === 'CancellationError') {
    return make('cancelled', l10n.t('Cancelled.'), '');
  }
  if (code === 'InvalidSettingError') {
    // Our own message (never the value: an endpoint may carry a password).
    return make('settings', error.message ?? l10n.t('A setting is not valid.'), l10n.t('Fix it in Settings; nothing is sent to AWS until then.'));
  }
  if (code === 'NoRegionError') {
    return make('noRegion', l10n.t('No AWS region is configured.'), l10n.t('Pick a region, or set AWS_REGION or a region in the profile.'));
  }
  if (accessDenied.has(code) || (status === 403 && !credentialCodes.has(code))) {
    return make(
      'accessDenied',
      l10n.t('Access denied: {0} is not allowed for profile "{1}".', ctx.action, ctx.profile),
      l10n.t('Grant {0} to this identity, or pick a profile that has it.', ctx.action),
    );
  }
  if (isCredentialError(raw)) {
    return make('credentials', credentialFailureMessage(raw.reason, ctx.profile), loginHint);
  }
  // Never the text: a provider's message may hold a credential_process command line or its output.
  if (credentialCodes.has(code) || /credential|security token|sso session|Command failed:/i.test(code + ' ' + text)) {
    const expired = /expired/i.test(code + ' ' + text);
    return make(
      'credentials',
      expired
        ? l10n.t('The credentials of profile "{0}" have expired.', ctx.profile)
        : /ProviderError$/.test(code) || /^Command failed:/i.test(text)
          ? credentialFailureMessage('noCredentials', ctx.profile)
          : l10n.t('AWS did not accept the credentials of profile "{0}" ({1}).', ctx.profile, code),
      loginHint,
    );
  }
  if (throttling.has(code) || status === 429) {
    return make('throttling', l10n.t('AWS is throttling {0} requests.', ctx.action), l10n.t('Wait a moment, then retry.'));
  }
  if (code === 'TimeoutError' || code === 'RequestTimeout' || /ETIMEDOUT|timed? ?out/i.test(code + ' ' + text)) {
    return make('timeout', l10n.t('{0} timed out.', ctx.action), l10n.t('Check the network or endpoint, or raise awsHistory.requestTimeoutSeconds.'));
  }
  const errno = (raw as { code?: string } | null)?.code;
  if (network.has(code) || (errno && network.has(errno))) {
    return make('network', l10n.t('Cannot reach AWS ({0}).', errno ?? code), l10n.t('Check the network, proxy or endpoint settings, then retry.'));
  }
  if (code === 'DBClusterNotFoundFault') {
    return make('notFound', l10n.t('DB cluster not found: {0}', text), l10n.t('Check the cluster filter; the cluster may have been deleted.'));
  }
  if (code === 'DBClusterBacktrackNotFoundFault') {
    return make('notFound', l10n.t('Backtrack not found: {0}', text), l10n.t('Check the backtrack identifier filter.'));
  }
  if (code === 'InvalidParameterCombination' && /backtrack/i.test(text)) {
    return make(
      'unsupported',
      l10n.t('This cluster does not support backtrack: {0}', text),
      l10n.t('Backtrack needs Aurora MySQL in provisioned mode with a backtrack window.'),
    );
  }
  if (notFound.has(code) || status === 404) {
    return make('notFound', l10n.t('Not found: {0}', text || code), l10n.t('It may have been deleted; refresh the list.'));
  }
  const validation = code === 'ValidationException' || code.startsWith('InvalidParameter') || code === 'MissingParameter';
  if (validation && ctx.withToken && /marker|token|exclusivestart|start ?key|pagination/i.test(text + ' ' + code)) {
    return make(
      'staleToken',
      l10n.t('AWS rejected the page token: the list changed, the token expired, or it belongs to other filters.'),
      l10n.t('Start the list again.'),
    );
  }
  if (validation) {
    return make('validation', l10n.t('AWS rejected the request: {0}', text || code), l10n.t('Check the filters.'));
  }
  if (error.$fault === 'server' || (status !== undefined && status >= 500)) {
    return make('server', l10n.t('AWS had an internal error ({0}).', status ? `${code} ${status}` : code), l10n.t('Retry in a moment.'));
  }
  if (code === 'SyntaxError' || /deserializ|unexpected (end|token)|not valid json|xml/i.test(text)) {
    return make('malformed', l10n.t('AWS sent a response that could not be read.'), l10n.t('Retry; if it persists, check the endpoint.'));
  }
  return make('unknown', `${code}: ${text}`, l10n.t('Retry, or see the AWS History Explorer log.'));
}
