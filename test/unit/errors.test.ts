import * as assert from 'node:assert/strict';
import { describeError } from '../../src/aws/errors';

const ctx = { action: 'dynamodb:ListBackups', profile: 'dev', region: 'us-east-1' };
const sdkError = (name: string, message: string, status?: number, fault: 'client' | 'server' = 'client') =>
  Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status, requestId: 'req-1' } });

describe('describeError', () => {
  it('names the missing IAM action on access denied', () => {
    const e = describeError(sdkError('AccessDeniedException', 'User x is not authorized', 400), ctx);
    assert.equal(e.kind, 'accessDenied');
    assert.match(e.message, /dynamodb:ListBackups/);
    assert.match(e.message, /"dev"/);
    assert.equal(e.requestId, 'req-1');
  });

  it('says how to sign in again when credentials expired', () => {
    const e = describeError(sdkError('ExpiredTokenException', 'The security token included in the request is expired', 400), ctx);
    assert.equal(e.kind, 'credentials');
    assert.match(e.message, /expired/);
    assert.match(e.hint, /aws sso login --profile dev/);
    const missing = describeError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), ctx);
    assert.equal(missing.kind, 'credentials');
  });

  it('recognises throttling, timeouts, network, not found, validation, 5xx and malformed bodies', () => {
    assert.equal(describeError(sdkError('ThrottlingException', 'Rate exceeded', 400), ctx).kind, 'throttling');
    assert.equal(describeError(sdkError('TooManyRequestsException', 'x', 429), ctx).kind, 'throttling');
    assert.equal(describeError(sdkError('TimeoutError', 'Connection timed out after 1000 ms'), ctx).kind, 'timeout');
    assert.equal(describeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), ctx).kind, 'network');
    assert.equal(describeError(sdkError('ResourceNotFoundException', 'Function not found', 404), ctx).kind, 'notFound');
    assert.equal(describeError(sdkError('ValidationException', "Value '0' at 'limit' failed", 400), ctx).kind, 'validation');
    assert.equal(describeError(sdkError('InternalServerError', 'boom', 500, 'server'), ctx).kind, 'server');
    assert.equal(describeError(new SyntaxError('Unexpected end of JSON input'), ctx).kind, 'malformed');
    assert.equal(describeError(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx).kind, 'cancelled');
  });

  it('explains the Aurora faults', () => {
    assert.match(describeError(sdkError('DBClusterNotFoundFault', 'DBCluster nope not found.', 404), ctx).message, /DB cluster not found/);
    assert.equal(
      describeError(sdkError('InvalidParameterCombination', 'Aurora MySQL ... with mode: SERVERLESS does not support Backtrack.', 400), ctx).kind,
      'unsupported',
    );
    assert.match(describeError(sdkError('DBClusterBacktrackNotFoundFault', 'Backtrack x not found', 404), ctx).message, /Backtrack not found/);
  });

  it('reports a rejected page token as a changed list', () => {
    const e = describeError(sdkError('InvalidParameterValueException', 'Invalid marker', 400), { ...ctx, withToken: true });
    assert.equal(e.kind, 'staleToken');
    const noToken = describeError(sdkError('InvalidParameterValueException', 'Invalid marker', 400), ctx);
    assert.equal(noToken.kind, 'validation');
  });

  it('never echoes credentials from the error object', () => {
    const e = describeError(
      Object.assign(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid', 400), {
        $response: { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIASENTINEL/...' } },
      }),
      ctx,
    );
    assert.doesNotMatch(JSON.stringify(e), /AKIASENTINEL/);
  });
});
