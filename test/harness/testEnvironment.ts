// The environment every integration runner gives the extension host (code-server here, Electron where
// VS Code can be downloaded): the local AWS emulator, profile files, and the test switches. One module so
// both runners test the same thing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator/server';
import { withoutInheritedAws, writeAwsProfiles } from './awsEnv';
import { makeTempDir, removeDir, type EnvOverrides } from './util';

export interface IntegrationEnvironment {
  emulatorUrl: string;
  /** Overrides for the extension host's environment (merge over process.env). */
  env: EnvOverrides;
  /** An empty folder for the workbench to open (the repo itself would only feed file watchers). */
  workspace: string;
  dispose(): Promise<void>;
}

/**
 * The sample durable functions run for real, 60 times faster than real time: the order's 10-minute cool-off
 * takes 10 seconds, long enough for a view to show it RUNNING and short enough for a test to see it finish.
 */
export const INTEGRATION_TIME_SCALE = 60;

/** `durable`: also run the sample durable functions (the integration suites test against them). */
export async function prepareIntegrationEnvironment(options: { dataset: 'demo' | 'large'; durable?: boolean }): Promise<IntegrationEnvironment> {
  const dir = makeTempDir('ahe-integration');
  const emulator = await startEmulator({ dataset: options.dataset, ...(options.durable ? { durable: { timeScale: INTEGRATION_TIME_SCALE } } : {}) });
  try {
    const { configFile, credentialsFile } = writeAwsProfiles(path.join(dir, 'aws'));
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const env: EnvOverrides = {
      ...withoutInheritedAws(),
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      // The SDK resolves this for every client; the region comes from the `default` profile, so AWS_REGION
      // stays unset (the tests for region resolution rely on that).
      AWS_ENDPOINT_URL: emulator.url,
      // Without it the credential chain may wait on the EC2 metadata endpoint when a test removes the keys.
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_HISTORY_TEST: '1',
      EMULATOR_URL: emulator.url,
      AWS_HISTORY_TEST_GREP: process.env.AWS_HISTORY_TEST_GREP,
    };
    return {
      emulatorUrl: emulator.url,
      env,
      workspace,
      async dispose() {
        await emulator.close();
        removeDir(dir);
      },
    };
  } catch (error) {
    await emulator.close();
    removeDir(dir);
    throw error;
  }
}
