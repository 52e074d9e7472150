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
    const expected = ui().truth.userBackups().slice(0, 20).map((b) => b.backupName);
    assert.deepEqual((await view().children()).slice(0, 20).map((r) => r.label), expected, 'the retried page continues where the list stopped');
  });
});
