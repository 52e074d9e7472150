/**
 * What the durable-execution actions send, checked before anything is sent, and the AWS CLI command each
 * one equals (../shared/docs/aws-actions.md §3). Pure, so it is unit-tested.
 */
import * as l10n from '@vscode/l10n';
import type { CliCommand } from '../actions/cliCommand';
import type { CallbackAnswer, ErrorObject } from './api';

/** SendDurableExecutionCallbackSuccess takes at most 256 KB of result. */
export const callbackResultMaxBytes = 262_144;
/** An asynchronous (`Event`) Invoke takes at most 1 MB of payload. */
export const asyncPayloadMaxBytes = 1_048_576;
/** The execution docs cap the error fields together at 256 KB. */
export const errorMaxBytes = 262_144;

const callbackIdPattern = /^[A-Za-z0-9+/]+={0,2}$/;

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A callback id as the API takes it (1–1024 characters of base64). */
export function validateCallbackId(value: string): string | undefined {
  if (value.length < 1 || value.length > 1024 || !callbackIdPattern.test(value)) {
    return l10n.t('A callback id has 1 to 1024 characters: letters, digits, +, / and up to two = at the end.');
  }
  return undefined;
}

/** A JSON document of at most `maxBytes` bytes (UTF-8), e.g. a callback result or an execution input. */
export function validateJsonDocument(text: string, maxBytes: number): string | undefined {
  if (text.trim() === '') {
    return l10n.t('Enter a JSON value (for example {} or "approved").');
  }
  try {
    JSON.parse(text);
  } catch (error) {
    return l10n.t('Not valid JSON: {0}', (error as Error).message);
  }
  const bytes = byteLength(text);
  if (bytes > maxBytes) {
    return l10n.t('The JSON has {0} bytes; AWS takes at most {1}.', bytes, maxBytes);
  }
  return undefined;
}

/** Error type and message of a callback failure or a stop reason: optional, together at most 256 KB. */
export function validateErrorObject(error: ErrorObject): string | undefined {
  const bytes = byteLength(error.ErrorType ?? '') + byteLength(error.ErrorMessage ?? '');
  return bytes > errorMaxBytes ? l10n.t('The error type and message have {0} bytes; AWS takes at most {1}.', bytes, errorMaxBytes) : undefined;
}

/** The error object sent: empty fields left out, undefined when both are empty. */
export function errorObjectOf(type: string | undefined, message: string | undefined): ErrorObject | undefined {
  const error: ErrorObject = {};
  if (type) {
    error.ErrorType = type;
  }
  if (message) {
    error.ErrorMessage = message;
  }
  return error.ErrorType === undefined && error.ErrorMessage === undefined ? undefined : error;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A fresh execution name, `<base>-<yyyymmdd-hhmmss>` in UTC, cut so it stays within 64 characters: the
 * name is the idempotency key, so a new one starts a new execution.
 */
export function suggestedExecutionName(base: string, now = new Date()): string {
  const stamp = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}-${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  const clean = base.replace(/[^a-zA-Z0-9-_]/g, '-').slice(0, 64 - stamp.length - 1);
  return clean ? `${clean}-${stamp}` : stamp;
}

/** `aws lambda stop-durable-execution`, with the reason as JSON (shorthand would split a message at commas). */
export function stopCli(arn: string, reason: ErrorObject | undefined): CliCommand {
  return {
    service: 'lambda',
    operation: 'stop-durable-execution',
    args: [['--durable-execution-arn', arn], ...(reason ? [['--error', JSON.stringify(reason)] as const] : [])],
  };
}

/** `aws lambda send-durable-execution-callback-…`: the result is JSON text, so CLI v2 must not base64-decode it. */
export function callbackCli(callbackId: string, answer: CallbackAnswer): CliCommand {
  switch (answer.kind) {
    case 'success':
      return {
        service: 'lambda',
        operation: 'send-durable-execution-callback-success',
        args: [
          ['--callback-id', callbackId],
          ['--result', answer.result],
          ['--cli-binary-format', 'raw-in-base64-out'],
        ],
      };
    case 'failure':
      return {
        service: 'lambda',
        operation: 'send-durable-execution-callback-failure',
        args: [
          ['--callback-id', callbackId],
          ['--error', JSON.stringify(answer.error)],
        ],
      };
    case 'heartbeat':
      return { service: 'lambda', operation: 'send-durable-execution-callback-heartbeat', args: [['--callback-id', callbackId]] };
  }
}

/** `aws lambda invoke … response.json`: the CLI requires the output file (a positional argument, last). */
export function invokeCli(request: { readonly functionName: string; readonly qualifier: string; readonly name: string; readonly input: string }): CliCommand {
  return {
    service: 'lambda',
    operation: 'invoke',
    args: [
      ['--function-name', request.functionName],
      ['--qualifier', request.qualifier],
      ['--durable-execution-name', request.name],
      ['--invocation-type', 'Event'],
      ['--cli-binary-format', 'raw-in-base64-out'],
      ['--payload', request.input],
      ['response.json'],
    ],
  };
}
