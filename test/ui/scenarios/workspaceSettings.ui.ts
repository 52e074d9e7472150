// Issue 11: a repository's .vscode/settings.json points awsHistory.endpoints at a second emulator that
// counts what reaches it. Nothing may reach it before the user approves the value in the modal; after
// approval requests do; after "Ignore" they stop; the same value in the user's own settings applies
// without a prompt. Runs in a workbench of its own (opened on that folder), next to the shared session.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmulatorControl } from '../../emulator/control';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { artifactsDir } from '../../harness/util';
import { eventually } from '../eventually';
import { ModalDialog } from '../pages/dialog';
import { WorkbenchPage } from '../pages/workbench';
import { containerTitle, sessionVsix, ViewTitle } from '../session';
import { UiEnvironment } from '../uiEnvironment';

describe('Workspace settings need approval (issue 11)', () => {
  let second: RunningEmulator;
  let counter: EmulatorControl;
  let env: UiEnvironment;
  let workbench: WorkbenchPage;
  let dialog: ModalDialog;
  let endpoints: Record<string, string>;

  const secondRequests = async (): Promise<number> => (await counter.requests()).length;
  const mainListBackups = async (): Promise<number> => (await env.emulator.requests({ operation: 'ListBackups' })).length;
  const dynamodbView = () => workbench.sideBar.view(ViewTitle.dynamodb);

  before(async function () {
    this.timeout(180_000);
    second = await startEmulator({ dataset: 'demo' });
    counter = new EmulatorControl(second.url);
    endpoints = { dynamodb: second.url, rds: second.url, lambda: second.url };
    env = await UiEnvironment.start({ vsix: sessionVsix(), workspaceSettings: { 'awsHistory.endpoints': endpoints } });
    workbench = new WorkbenchPage(env.page);
    dialog = new ModalDialog(env.page);
  });

  after(async function () {
    this.timeout(60_000);
    await env?.dispose();
    await second?.close();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const dir = artifactsDir('ui');
      fs.mkdirSync(dir, { recursive: true });
      await env.saveArtifacts(
        dir,
        `workspace-settings-${path
          .basename(this.currentTest.title)
          .replace(/[^a-z0-9]+/gi, '-')
          .slice(0, 60)}`,
      );
    }
  });

  it('asks before using the workspace value; until then the views use the user-level endpoints and say so', async () => {
    // Opening the views activates the extension, which asks at once.
    await workbench.sideBar.open(containerTitle);
    await eventually(async () => assert.ok(await dialog.isOpen(), 'the approval dialog is open'), { timeoutMs: 30_000 });
    const text = await dialog.text();
    assert.match(text, /awsHistory\.endpoints/, 'the dialog names the setting');
    assert.ok(text.includes(second.url), 'the dialog shows the value');
    assert.match(text, /workspace settings/, 'the dialog says where the value comes from');
    const buttons = await dialog.buttons();
    assert.ok(buttons.includes('Use for this workspace') && buttons.includes('Ignore'), `the dialog offers both choices: ${buttons.join(', ')}`);
    // Meanwhile the views list from the harness's emulator (AWS_ENDPOINT_URL, the user's own choice).
    await eventually(async () => assert.ok((await mainListBackups()) > 0, 'the user-level endpoint serves the list'), { timeoutMs: 30_000 });
    await eventually(async () => assert.match(await dynamodbView().message(), /workspace value of awsHistory\.endpoints is ignored/));
    assert.equal(await secondRequests(), 0, 'no request reached the workspace endpoint before approval');
  });

  it('sends requests to it once the user clicks "Use for this workspace"', async () => {
    await dialog.click('Use for this workspace');
    await eventually(async () => assert.ok((await counter.requests({ operation: 'ListBackups' })).length > 0, 'the workspace endpoint serves the list'), {
      timeoutMs: 30_000,
    });
    await eventually(async () => assert.equal(await dynamodbView().message(), '', 'the view no longer says a value is ignored'));
    const status = workbench.statusBarItem(/ @ /);
    await eventually(async () =>
      assert.match(await workbench.statusBarText(status), /\(custom endpoint\)$/, 'the status bar says a custom endpoint is in use'),
    );
    // Its hover lists the endpoints as plain text: no link made of a URL.
    await status.hover();
    const hover = env.page.locator('.workbench-hover, .monaco-hover').filter({ visible: true }).last();
    await eventually(async () => assert.ok(((await hover.textContent()) ?? '').includes(`dynamodb: ${second.url}`), 'the hover lists the endpoint'));
    assert.equal(await hover.locator('a').count(), 0, 'no link in the hover');
    await workbench.parkMouse();
  });

  it('remembers the approval for this workspace after the window reloads', async () => {
    const before = await secondRequests();
    await workbench.runCommand('Developer: Reload Window');
    await eventually(async () => assert.ok((await secondRequests()) > before, 'the reloaded views list from the approved endpoint'), { timeoutMs: 60_000 });
    await eventually(async () => assert.equal(await dynamodbView().message(), '', 'nothing is ignored'));
    assert.ok(!(await dialog.isOpen()), 'no approval was asked for again');
  });

  it('stops using it after "Reset Approved Workspace Settings" and "Ignore"', async () => {
    await workbench.runCommand('AWS History: Reset Approved Workspace Settings');
    await eventually(async () => assert.ok(await dialog.isOpen(), 'the dialog asks again'), { timeoutMs: 30_000 });
    await dialog.click('Ignore');
    await eventually(async () => assert.ok(!(await dialog.isOpen()), 'the dialog closed'));
    const before = await secondRequests();
    const mainBefore = await mainListBackups();
    await (await workbench.sideBar.focusView(ViewTitle.dynamodb)).clickTitleAction('Refresh');
    await eventually(async () => assert.ok((await mainListBackups()) > mainBefore, 'the refresh went to the user-level endpoint'), { timeoutMs: 30_000 });
    assert.equal(await secondRequests(), before, 'nothing more reached the ignored workspace endpoint');
    await eventually(async () => assert.match(await dynamodbView().message(), /awsHistory\.endpoints is ignored/));
  });

  it('uses the same value without a prompt when it is in the user settings', async () => {
    const before = await secondRequests();
    await workbench.editUserSettings(path.join(env.server.userDataDir, 'User', 'settings.json'), (settings) => {
      settings['awsHistory.endpoints'] = endpoints;
    });
    await eventually(async () => assert.ok((await secondRequests()) > before, 'requests reach the endpoint from the user settings'), { timeoutMs: 30_000 });
    assert.ok(!(await dialog.isOpen()), 'no approval was asked for');
    await eventually(async () => assert.equal(await dynamodbView().message(), ''));
  });
});
