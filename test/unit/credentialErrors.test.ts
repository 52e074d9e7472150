import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { classifyCredentialFailure, CredentialError, describeError, withCredentialErrors, type CredentialFailure } from '../../src/aws/errors';

/*
 * Issue 11: a failing credential provider shows a fixed message per kind, never the credential_process
 * command line, its arguments or its output. Runs the SDK's real provider chain on throwaway config files.
 */
const sentinelArg = 'SENTINEL-ARG-q7Zt2';
const sentinelOut = 'SENTINEL-OUT-k9Lm4';
const node = JSON.stringify(process.execPath);
const script = (code: string): string => `${node} -e ${JSON.stringify(code)} ${sentinelArg}`;

const profiles: Record<string, { process?: string; extra?: string[]; expected: CredentialFailure }> = {
  'cp-exit': { process: script(`process.stderr.write('${sentinelOut}'); process.stdout.write('${sentinelOut}'); process.exit(3)`), expected: 'processFailed' },
  'cp-json': { process: script(`console.log('${sentinelOut} is not JSON')`), expected: 'processInvalidJson' },
  'cp-missing': { process: `/nonexistent/${sentinelArg}/credential-helper --token ${sentinelArg}`, expected: 'processNotStarted' },
  'cp-version': { process: script(`console.log(JSON.stringify({ Version: 2, AccessKeyId: '${sentinelOut}' }))`), expected: 'processInvalidCredentials' },
  'cp-expired': {
    process: script(`console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKID', SecretAccessKey: '${sentinelOut}', Expiration: '2001-01-01T00:00:00Z' }))`),
    expected: 'processExpired',
  },
  'role-without-source': { extra: ['role_arn = arn:aws:iam::123456789012:role/x', 'source_profile = no-keys'], expected: 'noCredentials' },
};

describe('credential provider failures', function () {
  this.timeout(30_000);
  const saved: Record<string, string | undefined> = {};
  let dir = '';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahe-credentials-'));
    const lines: string[] = ['[profile no-keys]', 'region = us-east-1', ''];
    for (const [name, profile] of Object.entries(profiles)) {
      lines.push(
        `[profile ${name}]`,
        'region = us-east-1',
        ...(profile.process ? [`credential_process = ${profile.process}`] : []),
        ...(profile.extra ?? []),
        '',
      );
    }
    fs.writeFileSync(path.join(dir, 'config'), lines.join('\n'));
    fs.writeFileSync(path.join(dir, 'credentials'), '');
    const env = { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' };
    for (const key of [...Object.keys(env), 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_WEB_IDENTITY_TOKEN_FILE']) {
      saved[key] = process.env[key];
      delete process.env[key];
    }
    Object.assign(process.env, env);
  });

  after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function failure(profile: string): Promise<CredentialError> {
    const provider = withCredentialErrors((logger) => fromNodeProviderChain({ profile, logger }));
    const error = await provider().then(
      () => assert.fail(`profile ${profile} resolved credentials`),
      (e: unknown) => e,
    );
    assert.ok(error instanceof CredentialError, `a CredentialError for ${profile}`);
    return error;
  }

  for (const [name, { expected }] of Object.entries({ ...profiles, 'not-in-any-file': { expected: 'profileNotFound' as const } })) {
    it(`${name}: ${expected}, with no trace of the command line or its output`, async () => {
      const error = await failure(name);
      assert.equal(error.reason, expected);
      const shown = describeError(error, { action: 'dynamodb:ListBackups', profile: name });
      assert.equal(shown.kind, 'credentials');
      const everything = JSON.stringify({ shown, error, message: error.message, stack: error.stack, keys: Object.entries(error) });
      for (const needle of [sentinelArg, sentinelOut, 'credential-helper', '-e ', 'Command failed']) {
        assert.ok(!everything.includes(needle), `"${needle}" appears in what ${name} shows`);
      }
    });
  }

  it('names each kind in plain words', () => {
    const message = (reason: CredentialFailure): string => describeError(new CredentialError(reason), { action: 'x', profile: 'dev' }).message;
    assert.equal(message('processFailed'), 'The credential_process of profile "dev" exited with an error.');
    assert.equal(message('processNotStarted'), 'The credential_process of profile "dev" could not be started.');
    assert.equal(message('ssoExpired'), 'The SSO session of profile "dev" has expired.');
    assert.equal(message('profileNotFound'), 'Profile "dev" was not found in the shared AWS config or credentials files.');
    assert.equal(message('roleAssumption'), 'Assuming the role of profile "dev" failed.');
    assert.equal(message('noCredentials'), 'No credentials found for profile "dev".');
  });

  it('classifies SSO failures and role assumption from what the chain logged', () => {
    const line = (message: string, end = false): string => `@smithy/property-provider ${end ? '(!)' : '->'} ${message}`;
    const providerError = { name: 'CredentialsProviderError' };
    assert.equal(classifyCredentialFailure([line('The SSO session associated with this profile has expired. To refresh…', true)], providerError), 'ssoExpired');
    assert.equal(
      classifyCredentialFailure([line('The SSO session associated with this profile is invalid. To refresh…', true)], providerError),
      'ssoTokenMissing',
    );
    assert.equal(classifyCredentialFailure([line("Token is expired. To refresh this SSO session run 'aws sso login'")], providerError), 'ssoExpired');
    assert.equal(
      classifyCredentialFailure([line('Profile dev requires multi-factor authentication, but no MFA code callback was provided.')], providerError),
      'mfaRequired',
    );
    const stsDenied = { name: 'AccessDenied', message: `User ${sentinelArg} is not authorized to perform: sts:AssumeRole` };
    assert.equal(classifyCredentialFailure(['@aws-sdk/credential-provider-ini - resolveAssumeRoleCredentials (STS)'], stsDenied), 'roleAssumption');
    assert.equal(classifyCredentialFailure([line('Could not load credentials from any providers', true)], providerError), 'noCredentials');
  });

  it('does not echo a provider error that reaches the mapper unwrapped', () => {
    const raw = Object.assign(new Error(`Command failed: helper --token ${sentinelArg}\n${sentinelOut}`), { name: 'CredentialsProviderError' });
    const shown = describeError(raw, { action: 'x', profile: 'dev' });
    assert.equal(shown.kind, 'credentials');
    assert.ok(!JSON.stringify(shown).includes(sentinelArg) && !JSON.stringify(shown).includes(sentinelOut));
    const plain = describeError(new Error(`Command failed: helper --token ${sentinelArg}`), { action: 'x', profile: 'dev' });
    assert.equal(plain.kind, 'credentials');
    assert.ok(!JSON.stringify(plain).includes(sentinelArg));
  });
});
