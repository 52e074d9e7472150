/**
 * Credential failures reduced to their kind: the chain's own errors and debug lines carry
 * `credential_process` command lines and output, so nothing of them is kept past the classification.
 */
/**
 * Why the credential provider chain produced no credentials. The SDK's own messages carry the
 * `credential_process` command line and its output (and the chain's final error says nothing useful),
 * so the chain's failures are reduced to one of these before anything shows or logs them.
 */
export type CredentialFailure =
  | 'ssoExpired'
  | 'ssoTokenMissing'
  | 'processFailed'
  | 'processNotStarted'
  | 'processInvalidJson'
  | 'processInvalidCredentials'
  | 'processExpired'
  | 'profileNotFound'
  | 'mfaRequired'
  | 'roleAssumption'
  | 'noCredentials';

/** Thrown by the client factory's credential provider instead of the SDK's error: it holds no SDK text. */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  constructor(readonly reason: CredentialFailure) {
    super(`Credential resolution failed: ${reason}`);
  }
}

/** Tested in order: the first rule that matches one of the chain's failure messages decides. */
const credentialRules: readonly [CredentialFailure, RegExp][] = [
  ['ssoExpired', /SSO session associated with this profile has expired|Token is expired/i],
  [
    'ssoTokenMissing',
    /SSO session associated with this profile is invalid|SSO session token associated with profile=.* was not found or is invalid|Sso session '.*' (could not be found|is missing)|missing required property 'sso_session'|Value not present for '.*' in SSO Token/i,
  ],
  ['processInvalidJson', /credential_process returned invalid JSON/i],
  ['processExpired', /credential_process returned expired credentials/i],
  ['processInvalidCredentials', /credential_process (did not return Version 1|returned invalid credentials)/i],
  // `exec` failed: the shell's message for a command it cannot run, else the command's own non-zero exit.
  ['processNotStarted', /^Command failed:[\s\S]*(not found|No such file or directory|Permission denied|cannot execute|ENOENT|EACCES)/i],
  ['processFailed', /^Command failed:/i],
  ['mfaRequired', /requires multi-factor authentication/i],
  ['profileNotFound', /^Profile '?\S+?'? (could not be found in shared credentials file|was not found)/i],
];

/**
 * The reason for a failed resolution, from the debug lines the chain logged (kept in memory only) and
 * the error it threw: one that is no provider error, after the chain started assuming a role, came from STS.
 */
export function classifyCredentialFailure(debugLines: readonly string[], thrown: unknown): CredentialFailure {
  // Every ProviderError logs `@smithy/property-provider -> <message>` (`(!)` when it ends the chain).
  const messages = debugLines.flatMap((line) => /^@smithy\/property-provider (?:->|\(!\)) ([\s\S]*)$/.exec(line)?.[1] ?? []);
  for (const [reason, pattern] of credentialRules) {
    if (messages.some((m) => pattern.test(m))) {
      return reason;
    }
  }
  const name = (thrown as { name?: unknown } | null)?.name;
  const fromProvider = name === 'CredentialsProviderError' || name === 'TokenProviderError' || name === 'ProviderError';
  return !fromProvider && debugLines.some((line) => /AssumeRole/i.test(line)) ? 'roleAssumption' : 'noCredentials';
}

/** The SDK `Logger` the credential chain writes its debug lines to. */
export interface ChainLogger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
  trace(...content: unknown[]): void;
}

/**
 * The chain `create` builds, failing with a `CredentialError` that holds only the kind of failure. The
 * SDK's errors and debug lines carry `credential_process` command lines and output: the lines are kept in
 * memory for one resolution (callers waiting on the same memoized resolution share them), classified,
 * and dropped at the next one.
 */
export function withCredentialErrors<A extends unknown[], R>(create: (logger: ChainLogger) => (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let lines: string[] = [];
  let waiting = 0;
  const record = (...parts: unknown[]): void => {
    lines.push(parts.map(String).join(' '));
  };
  const ignore = (): void => undefined;
  const chain = create({ debug: record, info: ignore, warn: record, error: ignore, trace: ignore });
  return async (...args: A) => {
    if (waiting++ === 0) {
      lines = [];
    }
    try {
      return await chain(...args);
    } catch (error) {
      throw new CredentialError(classifyCredentialFailure(lines, error));
    } finally {
      waiting--;
    }
  };
}
