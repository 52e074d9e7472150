import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { backtrackLabel } from '../groundTruth';
import { loadMoreLabel, type TreeRow } from '../pages/treeView';
import { containerTitle, ui } from '../session';

const view = () => ui().views.aurora;
const cluster = 'analytics-aurora';

/** The cluster's children once `count` backtracks (newest first) and then, if `more`, Load more are on screen. */
async function expectBacktracks(count: number, more: boolean, statuses?: string[]): Promise<TreeRow[]> {
  const expected = ui()
    .truth.backtracks(cluster)
    .filter((b) => !statuses || statuses.includes(b.status))
    .slice(0, count);
  return eventually(async () => {
    const rows = await view().children(cluster);
    assert.deepEqual(
      rows.map((r) => r.label),
      [...expected.map(backtrackLabel), ...(more ? [loadMoreLabel] : [])],
    );
    expected.forEach((b, i) => assert.ok(rows[i].description.startsWith(b.status), `${rows[i].label}: ${rows[i].description}`));
    const last = rows.at(-1);
    assert.equal(last?.posInSet, last?.setSize, 'the last row is the last of its list');
    if (more) {
      assert.equal(last?.description, `${count} backtracks loaded`);
    }
    return rows;
  });
}

describe('Aurora Backtracks view', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.focusView(view().title);
  });

  it('lists the clusters; only those that can backtrack expand, the others say why', async () => {
    const { truth } = ui();
    const rows = await eventually(async () => {
      const rows = await view().children();
      assert.deepEqual(
        rows.map((r) => r.label),
        truth.clusterIds(),
      );
      return rows;
    });
    const expandable = rows.filter((r) => r.expanded !== undefined).map((r) => r.label);
    assert.deepEqual(expandable, ['analytics-aurora', 'orders-aurora']);
    assert.match(rows.find((r) => r.label === 'legacy-no-backtrack')?.description ?? '', /backtrack not enabled$/);
    assert.match(rows.find((r) => r.label === 'pg-reporting')?.description ?? '', /^aurora-postgresql .* engine does not support backtrack$/);
  });

  it('a cluster opens on its newest 20 backtracks; Load more appends one page and stays last; the last page removes it', async () => {
    await view().expandRow(cluster);
    await expectBacktracks(20, true);
    await view().clickLoadMore(cluster);
    await expectBacktracks(40, true);
    await view().clickLoadMore(cluster);
    await expectBacktracks(45, false);
    await view().collapseRow(cluster);
  });

  it('filters statuses from the command palette, names them in the view, refuses an invalid backtrack id and clears', async () => {
    const { workbench } = ui();
    await view().expandRow(cluster);
    await workbench.runCommand('AWS History: Filter Aurora Backtracks');
    await workbench.quickInput.waitOpen('Filter Aurora backtracks');
    await workbench.quickInput.pick('Statuses');
    await workbench.quickInput.waitOpen('Backtrack statuses');
    await workbench.quickInput.toggle('failed');
    await workbench.quickInput.accept();
    await workbench.quickInput.waitClosed();
    await eventually(async () => assert.equal(await view().description(), 'Filtered: status failed'));
    await expectBacktracks(3, false, ['FAILED']);

    await workbench.runCommand('AWS History: Filter Aurora Backtracks');
    await workbench.quickInput.waitOpen('Filter Aurora backtracks');
    await workbench.quickInput.pick('Backtrack identifier');
    await workbench.quickInput.waitOpen('Backtrack identifier');
    await workbench.quickInput.type('not-a-uuid');
    await eventually(async () => assert.match(await workbench.quickInput.validationMessage(), /^"not-a-uuid" is not a backtrack identifier/));
    await workbench.quickInput.cancel();
    assert.equal(await view().description(), 'Filtered: status failed', 'the refused identifier changed nothing');

    await workbench.runCommand('AWS History: Clear Filters');
    await eventually(async () => assert.equal(await view().description(), ''));
    await expectBacktracks(20, true);
    await view().collapseRow(cluster);
  });

  it('copies the cluster ARN from the context menu and from the inline icon', async () => {
    const { workbench, truth } = ui();
    const arn = truth.clusterArn('orders-aurora');
    assert.equal(await workbench.copied(async () => (await view().contextMenu('orders-aurora')).click('Copy ARN')), arn);
    assert.equal(await workbench.copied(() => view().clickInlineAction('orders-aurora', 'Copy ARN')), arn);
  });
});
