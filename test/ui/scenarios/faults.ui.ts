import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { loadMoreLabel } from '../pages/treeView';
import { containerTitle, ui } from '../session';

const view = () => ui().views.dynamodb;
const throttled = 'AWS is throttling dynamodb:ListBackups requests.';
const denied = 'Access denied: dynamodb:ListBackups is not allowed for profile "default".';

async function expectLast(label: string, description: string, items: number): Promise<void> {
  await eventually(async () => {
    const rows = await view().children();
    assert.equal(rows.length, items + 1, `${items} backups and a status row: ${JSON.stringify(rows.map((r) => r.label))}`);
    assert.deepEqual([rows.at(-1)?.label, rows.at(-1)?.description], [label, description]);
  });
}

describe('Errors in a view', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.focusView(view().title);
    await view().clickTitleAction('Refresh');
    await expectLast(loadMoreLabel, '10 backups loaded', 10);
  });

  it('throttling, then access denied, show as an error row with the reason in place of Load more; Retry recovers', async () => {
    const { env } = ui();
    // Every attempt throttled (the SDK retries throttling itself), so the page fails for good.
    await env.emulator.fault({ operation: 'ListBackups', kind: 'throttle', count: -1 });
    await view().clickLoadMore();
    await expectLast(throttled, 'Retry', 10);

    await env.emulator.clearFaults();
    await env.emulator.fault({ operation: 'ListBackups', kind: 'accessDenied', count: -1 });
    await view().click(throttled, { until: () => expectLast(denied, 'Retry', 10) });

    await env.emulator.clearFaults();
    await view().click(denied, { until: () => expectLast(loadMoreLabel, '20 backups loaded', 20) });
    const expected = ui()
      .truth.userBackups()
      .slice(0, 20)
      .map((b) => b.backupName);
    assert.deepEqual(
      (await view().children()).slice(0, 20).map((r) => r.label),
      expected,
      'the retried page continues where the list stopped',
    );
  });

  it('an error notification carrying AWS text shows its links and codicons as text: no link element or icon from data', async () => {
    const { env, workbench } = ui();
    const lambda = ui().views.lambda;
    await workbench.sideBar.focusView(lambda.title);
    const rows = await lambda.expandRow('order-workflow');
    const running = rows.find((r) => r.description.startsWith('RUNNING'));
    assert.ok(running, 'a RUNNING execution is on screen');
    // StopDurableExecution fails with a message holding [x](command:…), [y](http://…), $(alert) and controls.
    await env.emulator.fault({ operation: 'StopDurableExecution', kind: 'hostileMessage', count: -1 });
    try {
      await (await lambda.contextMenu(running.label)).click('Stop Execution…');
      // No reason (its type and message are optional): Enter twice.
      const prompt = env.page.locator('.quick-input-widget .quick-input-message');
      for (const part of [/error type/, /error message/]) {
        await eventually(async () => assert.match((await prompt.textContent()) ?? '', part));
        await workbench.quickInput.accept();
      }
      await env.page.locator('.monaco-dialog-box').getByRole('button', { name: 'Stop Execution' }).click();
      // Stop is disruptive: the execution's name is typed to confirm.
      await workbench.quickInput.waitOpen();
      await workbench.quickInput.type(running.label);
      await workbench.quickInput.accept();
      const toast = env.page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'AWS rejected the request' });
      await eventually(async () => assert.equal(await toast.count(), 1, 'the error notification is shown'));
      const message = toast.locator('.notification-list-item-message');
      const text = ((await message.textContent()) ?? '').replace(/\u200b/g, '');
      for (const literal of ['[x](command:workbench.action.terminal.new)', '[y](http://example.invalid/fault-link)', '$(alert)', '<U+202E>']) {
        assert.ok(text.includes(literal), `the notification shows ${literal} as text: ${text}`);
      }
      assert.ok(!text.includes('second line'), 'one line: the first line of the message');
      assert.equal(await message.locator('a').count(), 0, 'no link element from data');
      assert.equal(await message.locator('.codicon, [class*="codicon-"]').count(), 0, 'no codicon from data');
    } finally {
      await env.emulator.clearFaults();
      await workbench.runCommand('Notifications: Clear All Notifications');
      await lambda.collapseRow('order-workflow');
      await workbench.sideBar.focusView(view().title);
    }
  });
});
