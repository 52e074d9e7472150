/**
 * What a user reads of an SDK, network or credential error: `describeError`, whose rules and messages
 * (errorText.lazy.ts) load at the first error, not at activation.
 */
import { lazy } from '../util/lazy';
import type * as ErrorText from './errorText.lazy';
import type { ErrorContext, UserError } from './errorText.lazy';

export type { ErrorContext, ErrorKind, UserError } from './errorText.lazy';
export { CredentialError, classifyCredentialFailure, withCredentialErrors, type ChainLogger, type CredentialFailure } from './credentialErrors';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
const errorText = lazy(() => require('./errorText.lazy') as typeof ErrorText);

export function describeError(raw: unknown, ctx: ErrorContext): UserError {
  return errorText().describeError(raw, ctx);
}
