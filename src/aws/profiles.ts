import * as l10n from '@vscode/l10n';
import { loadSharedConfigFiles } from '@smithy/core/config';

export interface ProfileInfo {
  readonly name: string;
  readonly region?: string;
  /** Where the profile gets its credentials, for the picker's description. */
  readonly kind: string;
}

/**
 * Profiles from the shared config and credentials files, read with the SDK's own loader so that
 * `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE` and the `[profile x]` rules behave exactly as in the SDK.
 */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(credentialsFile), ...Object.keys(configFile)]);
  return [...names].sort().map((name) => {
    const config = configFile[name] ?? {};
    const creds = credentialsFile[name] ?? {};
    return { name, region: config.region ?? creds.region, kind: credentialKind({ ...creds, ...config }) };
  });
}

function credentialKind(profile: Record<string, string | undefined>): string {
  if (profile.sso_session ?? profile.sso_start_url) {
    return 'SSO';
  }
  if (profile.role_arn) {
    return l10n.t('assume role');
  }
  if (profile.credential_process) {
    return l10n.t('credential process');
  }
  if (profile.aws_access_key_id) {
    return l10n.t('access keys');
  }
  return l10n.t('config only');
}

export async function profileRegion(profile: string): Promise<string | undefined> {
  const profiles = await listProfiles();
  return profiles.find((p) => p.name === profile)?.region;
}
