import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { backtrackFromTimeline, openDetails } from '../flows';
import { backtrackLabel } from '../groundTruth';
import { ModalDialog } from '../pages/dialog';
import { containerTitle, ui } from '../session';

const view = () => ui().views.aurora;
const cluster = 'orders-aurora';

/** "2026-11-22 10:05:03" in local time, as the rows label a backtrack by its BacktrackTo. */
function localLabel(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

describe('Aurora: backtrack a cluster from the timeline', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.focusView(view().title);
  });

  after(async () => {
    const { workbench, env } = ui();
    // A failed step may leave the modal open, which blocks everything else.
    const dialog = new ModalDialog(workbench.page);
    for (let i = 0; i < 3 && (await dialog.isOpen()); i++) {
      await workbench.page.keyboard.press('Escape');
    }
    await workbench.dismissPrompts();
    await workbench.closeAllEditors();
    await view().collapseRow(cluster);
    // Later scenarios expect the data set as generated: drop the backtrack made here and re-read the view.
    await env.emulator.reset();
    await view().clickTitleAction('Refresh');
    await eventually(async () => assert.ok((await view().children()).length > 0));
  });

  it('a point chosen on the timeline with the keyboard, the modal confirmed and the cluster name typed: the backtrack appears and completes', async function () {
    this.timeout(120_000);
    const { workbench, truth, env } = ui();
    const page = workbench.page;
    await view().expandRow(cluster);
    const newest = truth.backtracks(cluster)[0];
    await openDetails(view(), backtrackLabel(newest), `Backtrack ${newest.backtrackIdentifier.slice(0, 8)}`);
    const arrowsBefore = (await workbench.panel.timeline()).arrows;

    // The timeline's time picker from the keyboard: End is now, each ← a hundredth of the window earlier.
    const { chosen, iso } = await backtrackFromTimeline(cluster, 2);
    assert.ok(chosen < Date.now() && chosen > Date.now() - 86_400_000, 'a time inside the window is chosen');
    assert.ok(Number(await workbench.panel.frame.locator('.tl-cursor').getAttribute('x1')) > 0, 'the cursor is drawn on the timeline');

    // The real modal: what, where, and the CLI command it copies.
    const dialog = new ModalDialog(page);
    await eventually(async () => assert.ok(await dialog.isOpen(), 'the confirmation is open'), { timeoutMs: 30_000 });
    const text = await dialog.text();
    assert.match(text, new RegExp(`Backtrack cluster ${cluster} to ${iso}\\?`));
    assert.match(text, /Account: 123456789012/);
    assert.match(text, /Region: us-east-1/);
    assert.match(text, /after that time is lost/);
    const buttons = await dialog.buttons();
    assert.ok(buttons.includes('Backtrack') && buttons.includes('Copy as AWS CLI Command'), `buttons: ${buttons.join(', ')}`);
    const cli = await workbench.copied(() => dialog.click('Copy as AWS CLI Command'));
    assert.match(cli, new RegExp(`^aws rds backtrack-db-cluster --db-cluster-identifier ${cluster} --backtrack-to ${iso} --region us-east-1`));
    await eventually(async () => assert.ok(await dialog.isOpen(), 'the confirmation asks again after copying'));
    await dialog.click('Backtrack');

    // The typed name: anything else is refused.
    await workbench.quickInput.waitOpen(`Backtrack cluster ${cluster} to ${iso}?`);
    await workbench.quickInput.type('orders');
    await eventually(async () => assert.match(await workbench.quickInput.validationMessage(), new RegExp(`Type ${cluster} exactly`)));
    assert.deepEqual(await env.emulator.requests({ operation: 'BacktrackDBCluster' }), [], 'nothing sent before the name is typed');
    await workbench.quickInput.type(cluster);
    await workbench.quickInput.accept();
    await workbench.quickInput.waitClosed();

    const sent = await eventually(async () => {
      const requests = await env.emulator.requests({ operation: 'BacktrackDBCluster' });
      assert.equal(requests.length, 1);
      return requests[0].params as Record<string, string>;
    });
    assert.equal(sent.DBClusterIdentifier, cluster);
    assert.equal(Date.parse(sent.BacktrackTo), chosen);

    // The new backtrack is first under the cluster, and follows pending → applying → completed by itself.
    const label = localLabel(chosen);
    await eventually(
      async () => {
        const rows = await view().children(cluster);
        assert.equal(rows[0]?.label, label);
        assert.match(rows[0]?.description ?? '', /^COMPLETED/);
        assert.equal(rows[1]?.label, backtrackLabel(newest), 'the other rows stay, in order');
      },
      { timeoutMs: 60_000 },
    );
    await eventually(async () => assert.equal((await workbench.panel.timeline()).arrows, arrowsBefore + 1, 'the panel draws the new backtrack'));
  });
});
