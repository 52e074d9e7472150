// What the durable-execution actions check before sending, and the CLI commands their confirmations copy.
import * as assert from 'node:assert/strict';
import { formatCliCommand } from '../../src/actions/cliCommand';
import {
  asyncPayloadMaxBytes,
  callbackCli,
  callbackResultMaxBytes,
  errorObjectOf,
  invokeCli,
  stopCli,
  suggestedExecutionName,
  validateCallbackId,
  validateErrorObject,
  validateJsonDocument,
} from '../../src/lambda/actionInput';

const target = { connection: { profile: 'dev', profileExplicit: true, region: 'us-east-1' } };

describe('lambda action input', () => {
  it('accepts callback ids of the API pattern only', () => {
    assert.equal(validateCallbackId('Ab+/cd=='), undefined);
    assert.ok(validateCallbackId(''));
    assert.ok(validateCallbackId('has space'));
    assert.ok(validateCallbackId('abc==='));
    assert.ok(validateCallbackId('a'.repeat(1025)));
  });

  it('accepts valid JSON up to the byte limit, counting UTF-8 bytes', () => {
    assert.equal(validateJsonDocument('{"approved":true}', callbackResultMaxBytes), undefined);
    assert.equal(validateJsonDocument('"yes"', callbackResultMaxBytes), undefined);
    assert.match(validateJsonDocument('{approved}', callbackResultMaxBytes) ?? '', /Not valid JSON/);
    assert.ok(validateJsonDocument('  ', callbackResultMaxBytes));
    const exactly = JSON.stringify('x'.repeat(callbackResultMaxBytes - 2));
    assert.equal(validateJsonDocument(exactly, callbackResultMaxBytes), undefined);
    // "é" is two bytes: the same character count is over the limit.
    assert.match(validateJsonDocument(JSON.stringify('é'.repeat(callbackResultMaxBytes / 2)), callbackResultMaxBytes) ?? '', /bytes; AWS takes at most 262144/);
    assert.ok(validateJsonDocument(JSON.stringify('x'.repeat(asyncPayloadMaxBytes)), asyncPayloadMaxBytes));
  });

  it('builds error objects without empty fields and caps them at 256 KB', () => {
    assert.equal(errorObjectOf('', ''), undefined);
    assert.deepEqual(errorObjectOf('Rejected', ''), { ErrorType: 'Rejected' });
    assert.deepEqual(errorObjectOf('Rejected', 'over budget'), { ErrorType: 'Rejected', ErrorMessage: 'over budget' });
    assert.equal(validateErrorObject({ ErrorMessage: 'm'.repeat(262_144) }), undefined);
    assert.ok(validateErrorObject({ ErrorType: 't', ErrorMessage: 'm'.repeat(262_144) }));
  });

  it('suggests a valid, new-looking execution name within 64 characters', () => {
    const now = new Date(Date.UTC(2026, 11, 3, 9, 5, 7));
    assert.equal(suggestedExecutionName('order-processor', now), 'order-processor-20261203-090507');
    const long = suggestedExecutionName('x'.repeat(80), now);
    assert.equal(long.length, 64);
    assert.match(long, /^[a-zA-Z0-9-_]+$/);
    assert.equal(suggestedExecutionName('a.b', now), 'a-b-20261203-090507');
  });

  it('copies the exact CLI commands: raw-in-base64-out for JSON blobs, quoted ids, the error as JSON', () => {
    assert.equal(
      formatCliCommand(callbackCli('Ab+/cd==', { kind: 'success', result: '{"ok":true}' }), target),
      `aws lambda send-durable-execution-callback-success --callback-id Ab+/cd== --result '{"ok":true}' --cli-binary-format raw-in-base64-out --region us-east-1 --profile dev`,
    );
    assert.equal(
      formatCliCommand(callbackCli('abc', { kind: 'failure', error: { ErrorType: 'Rejected', ErrorMessage: "it's over" } }), target),
      `aws lambda send-durable-execution-callback-failure --callback-id abc --error '{"ErrorType":"Rejected","ErrorMessage":"it'\\''s over"}' --region us-east-1 --profile dev`,
    );
    assert.equal(
      formatCliCommand(callbackCli('abc', { kind: 'heartbeat' }), target),
      'aws lambda send-durable-execution-callback-heartbeat --callback-id abc --region us-east-1 --profile dev',
    );
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/run-1/id';
    assert.equal(
      formatCliCommand(stopCli(arn, undefined), target),
      `aws lambda stop-durable-execution --durable-execution-arn '${arn}' --region us-east-1 --profile dev`,
    );
    assert.equal(
      formatCliCommand(stopCli(arn, { ErrorType: 'Maintenance' }), target),
      `aws lambda stop-durable-execution --durable-execution-arn '${arn}' --error '{"ErrorType":"Maintenance"}' --region us-east-1 --profile dev`,
    );
    assert.equal(
      formatCliCommand(invokeCli({ functionName: 'fn', qualifier: '$LATEST', name: 'run-2', input: '{"a":1}' }), target),
      `aws lambda invoke --function-name fn --qualifier '$LATEST' --durable-execution-name run-2 --invocation-type Event --cli-binary-format raw-in-base64-out --payload '{"a":1}' response.json --region us-east-1 --profile dev`,
    );
  });
});
