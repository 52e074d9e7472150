// Issue 14: answer a pending callback of a real durable execution from the details panel's operations tree,
// through the real UI (panel button, JSON editor, notification, confirmation modal), and watch the execution
// finish. Runs in a workbench of its own whose emulator runs the sample durable functions (the shared session's
// emulator has only generated data, which its scenarios count on).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SAMPLE_FUNCTIONS } from '../../durable/functions/catalog';
import { artifactsDir } from '../../harness/util';
import { eventually } from '../eventually';
import { ModalDialog } from '../pages/dialog';
import { WorkbenchPage } from '../pages/workbench';
import { containerTitle, sessionVsix, ViewTitle } from '../session';
import { UiEnvironment } from '../uiEnvironment';

describe('Lambda actions in the workbench (issue 14)', () => {
  let env: UiEnvironment;
  let workbench: WorkbenchPage;
  let dialog: ModalDialog;
  const name = `ui-approve-${Date.now().toString(36)}`;
  let callbackId = '';

  before(async function () {
    this.timeout(240_000);
    // All functions on one page (the sample functions join the generated ones); the panel follows a running execution.
    env = await UiEnvironment.start({
      vsix: sessionVsix(),
      durable: true,
      settings: {
        'awsHistory.pageSize': 50,
        'awsHistory.lambda.autoRefreshSeconds': 1,
      },
    });
    workbench = new WorkbenchPage(env.page);
    dialog = new ModalDialog(env.page);
    const input = SAMPLE_FUNCTIONS.find((f) => f.name === 'order-processor')?.sampleInput;
    await env.emulator.startDurableExecution('order-processor', name, input);
    callbackId = await eventually(
      async () => {
        const id = (await env.emulator.durableExecutions()).find((e) => e.name === name)?.pendingCallbackIds[0];
        assert.ok(id, 'the order waits for its approval');
        return id;
      },
      { timeoutMs: 90_000 },
    );
  });

  after(async function () {
    this.timeout(60_000);
    await env?.dispose();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const dir = artifactsDir('ui');
      fs.mkdirSync(dir, { recursive: true });
      await env.saveArtifacts(dir, 'lambda-actions');
    }
  });

  it('answers a pending callback from the operations tree (editor, notification, confirmation) and the execution finishes SUCCEEDED', async function () {
    this.timeout(240_000);
    const { panel } = workbench;
    await workbench.sideBar.open(containerTitle);
    const view = await workbench.sideBar.focusView(ViewTitle.lambda);
    await eventually(
      async () =>
        assert.ok(
          (await view.children()).some((r) => r.label === 'order-processor'),
          'the sample functions are listed',
        ),
      { timeoutMs: 30_000 },
    );
    await view.expandRow('order-processor');
    await view.click(name, { until: async () => assert.equal(await workbench.activeTabTitle(), name, 'the details tab opened') });
    await panel.waitForDocument(name);
    assert.equal(await panel.status(), 'RUNNING');

    // The callback sits inside its waitForCallback context: open it, then press the callback's own button.
    const tree = panel.frame.locator('ul.tree[role="tree"]');
    const send = tree.getByRole('button', { name: /^Send Success… / });
    await eventually(async () => {
      if ((await send.count()) === 0) {
        await tree.locator('li[role="treeitem"][aria-expanded="false"]', { hasText: 'manager-approval' }).first().click();
      }
      assert.equal(await send.count(), 1, 'one pending callback offers Send Success');
    });
    if (process.env.AHE_SCREENSHOTS) {
      await send.scrollIntoViewIfNeeded();
      await env.page.screenshot({ path: path.join(process.env.AHE_SCREENSHOTS, 'callback-pending-dark.png') });
    }
    await send.click();

    // The result is edited in a JSON editor; the notification's Send reads it.
    await eventually(async () => assert.match(await workbench.activeTabTitle(), /^Untitled/, 'a JSON draft opened'));
    const editor = env.page.locator('.editor-instance .monaco-editor').first();
    await editor.click();
    // Pasted, as an approver would paste a prepared answer (typing would get the editor's auto-closed brackets).
    await env.page.evaluate((text) => navigator.clipboard.writeText(text), '{"approvedBy":"ui-test"}');
    await env.page.keyboard.press('ControlOrMeta+A');
    await env.page.keyboard.press('ControlOrMeta+V');
    await eventually(async () => assert.equal(((await editor.locator('.view-lines').textContent()) ?? '').replace(/\u00a0/g, ' '), '{"approvedBy":"ui-test"}'));
    const toast = env.page.locator('.notifications-toasts .notification-toast', { hasText: 'edit the JSON in the editor' });
    await toast.getByRole('button', { name: 'Send', exact: true }).click();

    // The one confirmation: account, region, the callback, Copy as AWS CLI Command.
    await eventually(async () => assert.ok(await dialog.isOpen(), 'the confirmation is open'), { timeoutMs: 30_000 });
    const text = await dialog.text();
    assert.match(text, /Send Callback Success for a callback of ui-approve-/);
    assert.match(text, /Account: 123456789012/);
    assert.match(text, /Region: us-east-1/);
    assert.ok(text.includes(`callback id ${callbackId}`), 'the confirmation names the callback');
    const buttons = await dialog.buttons();
    assert.ok(buttons.includes('Send') && buttons.includes('Copy as AWS CLI Command'), `buttons: ${buttons.join(', ')}`);
    // AHE_SCREENSHOTS=<dir>: the README's pictures of this flow, taken from the real workbench.
    if (process.env.AHE_SCREENSHOTS) {
      await env.page.screenshot({ path: path.join(process.env.AHE_SCREENSHOTS, 'callback-confirmation-dark.png') });
    }
    await dialog.click('Send');

    // The panel follows the execution as it goes on past the approval to its end.
    await eventually(async () => assert.equal(await panel.status(), 'SUCCEEDED'), { timeoutMs: 120_000 });
    const answers = await env.emulator.requests({ operation: 'SendDurableExecutionCallbackSuccess' });
    assert.equal(answers.length, 1, 'one answer was sent');
    assert.equal(answers[0].pathParams?.['CallbackId'], callbackId);
    assert.deepEqual(answers[0].params, { approvedBy: 'ui-test' });
    assert.equal(await send.count(), 0, 'nothing left to answer');
    if (process.env.AHE_SCREENSHOTS) {
      await env.page.screenshot({ path: path.join(process.env.AHE_SCREENSHOTS, 'callback-answered-dark.png') });
    }
  });
});
