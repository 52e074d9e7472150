// One running setup for the UI suite and the screenshot script: the emulator (dataset `demo`), AWS profile
// files, code-server with the packaged VSIX installed, and Chromium showing its workbench.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmulatorControl } from '../emulator/control';
import { buildDataset, type Dataset } from '../emulator/data';
import { openWorkbench, type Workbench } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { prepareIntegrationEnvironment, type IntegrationEnvironment } from '../harness/testEnvironment';
import { makeTempDir, removeDir } from '../harness/util';

/** A profile with a region but no keys anywhere: the views must show their "no credentials" welcome. */
export const profileWithoutCredentials = 'no-credentials';

export const Theme = {
  light: 'Default Light Modern',
  dark: 'Default Dark Modern',
  highContrast: 'Default High Contrast',
} as const;

export interface UiEnvironmentOptions {
  vsix: string;
  /** `workbench.colorTheme` at start. */
  theme?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Written to the opened folder's `.vscode/settings.json` before the workbench opens it. */
  workspaceSettings?: Record<string, unknown>;
  log?: (line: string) => void;
  /** Also run the sample durable functions for real (us-east-1), as the integration suites do. */
  durable?: boolean;
}

/**
 * Settings a user could choose too: a page size that makes the demo data span several pages (DynamoDB
 * 24 backups → 10/20/24; RDS clamps it to its minimum of 20: 45 backtracks → 20/40/45; Lambda 15 and 60
 * executions), no background refresh changing rows under the test, no sticky tree headers (they overlay
 * the first rows with copies of their parents, so a click could hit the copy), a faster mouse wheel,
 * and no port-forwarding toasts for the emulator's port.
 */
export const suiteSettings: Readonly<Record<string, unknown>> = {
  'awsHistory.pageSize': 10,
  'remote.autoForwardPorts': false,
  'awsHistory.lambda.autoRefreshSeconds': 0,
  'workbench.tree.enableStickyScroll': false,
  // Three wheel notches per viewport instead of five: reading a long list scrolls through it.
  'workbench.list.mouseWheelScrollSensitivity': 3,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'workbench.layoutControl.enabled': false,
};

export class UiEnvironment {
  private constructor(
    private readonly environment: IntegrationEnvironment,
    readonly server: CodeServer,
    readonly workbench: Workbench,
    /** Everything the emulator serves, computed the same way it does: the ground truth of every assertion. */
    readonly truth: Dataset,
    readonly emulator: EmulatorControl,
    /** The workbench page's console, appended since start. */
    readonly consoleLog: string,
    private readonly workDir: string,
  ) {}

  get page(): Workbench['page'] {
    return this.workbench.page;
  }

  static async start(options: UiEnvironmentOptions): Promise<UiEnvironment> {
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const workDir = makeTempDir('ahe-ui');
    const environment = await prepareIntegrationEnvironment({ dataset: 'demo', durable: options.durable ?? false });
    let server: CodeServer | undefined;
    try {
      const emulator = new EmulatorControl(environment.emulatorUrl);
      const truth = buildDataset({ dataset: 'demo', now: (await emulator.info()).now });
      const configFile = environment.env.AWS_CONFIG_FILE;
      if (!configFile) {
        throw new Error('the test environment did not write an AWS config file');
      }
      fs.appendFileSync(configFile, `\n[profile ${profileWithoutCredentials}]\nregion = us-east-1\n`);
      if (options.workspaceSettings) {
        fs.mkdirSync(path.join(environment.workspace, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(environment.workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
      }
      const started = Date.now();
      server = await startCodeServer({
        workspace: environment.workspace,
        installVsix: options.vsix,
        // The installed extension must behave as shipped: no test API, no test grep.
        env: { ...environment.env, AWS_HISTORY_TEST: undefined, AWS_HISTORY_TEST_GREP: undefined },
        settings: { ...suiteSettings, 'workbench.colorTheme': options.theme ?? Theme.dark, ...options.settings },
        logFile: path.join(workDir, 'code-server.log'),
      });
      log(`[ui] code-server with the VSIX up on ${server.origin} after ${Date.now() - started} ms`);
      const consoleLog = path.join(workDir, 'workbench-console.log');
      const workbench = await openWorkbench({ origin: server.origin, url: server.workbenchUrl(environment.workspace), consoleLog });
      log(`[ui] workbench rendered after ${Date.now() - started} ms`);
      return new UiEnvironment(environment, server, workbench, truth, emulator, consoleLog, workDir);
    } catch (error) {
      await server?.stop();
      await environment.dispose();
      removeDir(workDir);
      throw error;
    }
  }

  /** Screenshot, page console and server logs into `dir`, named after `name`. Never throws. */
  async saveArtifacts(dir: string, name: string): Promise<string[]> {
    const saved: string[] = [];
    const shot = await this.workbench.screenshot(dir, name);
    if (shot) {
      saved.push(shot);
    }
    try {
      const consoleCopy = path.join(dir, `${name}.console.log`);
      fs.copyFileSync(this.consoleLog, consoleCopy);
      saved.push(consoleCopy);
      this.server.saveLogs(path.join(dir, 'server-logs'));
      saved.push(path.join(dir, 'server-logs'));
    } catch {
      // best effort: a missing log must not hide the test failure
    }
    return saved;
  }

  async dispose(): Promise<void> {
    await this.workbench.close().catch(() => undefined);
    await this.server.stop();
    await this.environment.dispose();
    removeDir(this.workDir);
  }
}
