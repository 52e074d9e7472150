import * as assert from 'node:assert/strict';
import { isAwsEndpoint, settingIsValid, settingProblem, settingRule, type CheckedSetting } from '../../src/aws/settingRules';

/*
 * The rules of the settings that take free input (README "Accepted input"). settings.json bypasses the
 * schema, so each setting is checked where it is read; at least three invalid values each.
 */
const cases: Record<CheckedSetting, { valid: unknown[]; invalid: unknown[] }> = {
  profile: { valid: [undefined, '', 'default', 'my.profile@corp', 'x'.repeat(128)], invalid: ['has space', '[default]', 'x'.repeat(129), 'quote"d', 42] },
  region: { valid: [undefined, '', 'us-east-1', 'us-gov-west-1', 'ap-southeast-7'], invalid: ['US-EAST-1', 'east', 'us_east_1', 'us-east-1; rm -rf /', 1] },
  endpoints: {
    valid: [
      undefined,
      {},
      { dynamodb: 'http://127.0.0.1:4566' },
      { rds: 'https://rds.example.com/', lambda: '' },
      // Loopback in the forms URL normalises: localhost, all of 127/8, ::1.
      { dynamodb: 'http://localhost:4566', rds: 'http://127.45.3.2:1/', lambda: 'http://[::1]:4566' },
      { dynamodb: 'http://LOCALHOST:1', rds: 'http://127.1:2', lambda: 'http://[0:0:0:0:0:0:0:1]:3' },
    ],
    invalid: [
      { dynamodb: 'not a url' },
      { dynamodb: 'ftp://127.0.0.1:21' },
      { dynamodb: 'http://user:secret@127.0.0.1:4566' },
      { dynamodb: 'javascript:alert(1)' },
      { s3: 'http://x' },
      ['http://x'],
      'http://x',
      // Plain HTTP leaves the machine: every signed request (session token included) readable on the way.
      { dynamodb: 'http://dynamodb.us-east-1.amazonaws.com' },
      { rds: 'http://192.168.1.10:4566' },
      { lambda: 'http://localhost.attacker.example' },
      { lambda: 'http://127.0.0.1.nip.io:4566' },
      { dynamodb: 'http://[::2]:4566' },
      { dynamodb: 'http://0.0.0.0:4566' },
    ],
  },
  pageSize: { valid: [undefined, 1, 50, 1000], invalid: [0, -5, 1001, 2.5, 'fifty', Number.NaN] },
  requestTimeoutSeconds: { valid: [undefined, 1, 30, 600], invalid: [0, -1, 601, 'soon', 1.5] },
  'lambda.autoRefreshSeconds': { valid: [undefined, 0, 10, 3600], invalid: [-1, 0.5, 'often', 3601, Number.POSITIVE_INFINITY] },
  'lambda.historyLoadAllLimit': { valid: [undefined, 1000, 20_000, 1_000_000], invalid: [0, 999, 20_000.5, 'all', 1_000_001] },
};

describe('accepted input: settings', () => {
  for (const [key, { valid, invalid }] of Object.entries(cases) as [CheckedSetting, { valid: unknown[]; invalid: unknown[] }][]) {
    it(`awsHistory.${key}: accepts ${valid.length} values, refuses ${invalid.length} with its rule`, () => {
      for (const value of valid) {
        assert.equal(settingIsValid(key, value), true, JSON.stringify(value));
      }
      assert.ok(invalid.length >= 3);
      for (const value of invalid) {
        assert.equal(settingIsValid(key, value), false, JSON.stringify(value));
        assert.deepEqual(
          settingProblem(() => value, [key]),
          { key, message: `Setting awsHistory.${key} is not valid: ${settingRule(key)}` },
        );
      }
    });
  }

  it('never repeats the value in the message (an endpoint may hold a password)', () => {
    const problem = settingProblem(() => ({ dynamodb: 'http://user:secret@127.0.0.1' }), ['endpoints']);
    assert.ok(problem && !problem.message.includes('secret'));
  });

  it('names the first invalid setting of several', () => {
    const values: Record<string, unknown> = { profile: 'ok', region: 'east', pageSize: 0 };
    assert.equal(settingProblem((k) => values[k], ['profile', 'region', 'pageSize'])?.key, 'region');
  });

  it('tells AWS endpoints from custom ones (the status bar warns about the latter)', () => {
    for (const url of [
      'https://dynamodb.us-east-1.amazonaws.com',
      'https://rds.cn-north-1.amazonaws.com.cn',
      'https://lambda.us-gov-west-1.amazonaws.com',
      'https://dynamodb.us-east-1.api.aws',
    ]) {
      assert.equal(isAwsEndpoint(url), true, url);
    }
    for (const url of [
      'http://dynamodb.us-east-1.amazonaws.com',
      'https://amazonaws.com.attacker.example',
      'https://evilamazonaws.com',
      'http://127.0.0.1:4566',
      'not a url',
    ]) {
      assert.equal(isAwsEndpoint(url), false, url);
    }
  });
});
