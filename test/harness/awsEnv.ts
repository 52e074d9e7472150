// A hermetic AWS environment for tests and the demo: throwaway shared config/credentials files with dummy
// static keys, and none of the developer's own AWS_* variables (a real profile or key must never reach a
// test run, and a test run must never reach real AWS).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EnvOverrides } from './util';

/** Dummy keys in AWS's documented example format; the emulator accepts any signature. Not secrets. */
export const dummyCredentials = {
  accessKeyId: 'AKIDEXAMPLE0000000001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYDUMMYKEY01',
} as const;

export interface AwsProfileFiles {
  configFile: string;
  credentialsFile: string;
}

/**
 * A second dummy key: the emulator maps it to its second account (test/emulator/model.ts SECOND_ACCESS_KEY_ID),
 * as AWS picks the account by the credentials.
 */
export const secondAccountCredentials = {
  accessKeyId: 'AKIDEXAMPLE0000000002',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYDUMMYKEY02',
} as const;

/**
 * Writes `config` + `credentials` with profiles `default` (us-east-1) and `staging` (eu-west-1), both of the
 * first account, and `prod` (us-east-1) of the second account, into `dir`.
 */
export function writeAwsProfiles(dir: string): AwsProfileFiles {
  fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(
    configFile,
    ['[default]', 'region = us-east-1', '', '[profile staging]', 'region = eu-west-1', '', '[profile prod]', 'region = us-east-1', ''].join('\n'),
  );
  const keys = [`aws_access_key_id = ${dummyCredentials.accessKeyId}`, `aws_secret_access_key = ${dummyCredentials.secretAccessKey}`];
  const prodKeys = [`aws_access_key_id = ${secondAccountCredentials.accessKeyId}`, `aws_secret_access_key = ${secondAccountCredentials.secretAccessKey}`];
  fs.writeFileSync(credentialsFile, ['[default]', ...keys, '', '[staging]', ...keys, '', '[prod]', ...prodKeys, ''].join('\n'), { mode: 0o600 });
  return { configFile, credentialsFile };
}

/**
 * Overrides that remove every inherited AWS SDK variable (AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID,
 * AWS_ENDPOINT_URL_*, …) while keeping the extension's own AWS_HISTORY_* switches (e.g. the grep).
 */
export function withoutInheritedAws(env: NodeJS.ProcessEnv = process.env): EnvOverrides {
  const overrides: EnvOverrides = {};
  for (const key of Object.keys(env)) {
    if (/^AWS_/.test(key) && !/^AWS_HISTORY_/.test(key)) {
      overrides[key] = undefined;
    }
  }
  return overrides;
}
