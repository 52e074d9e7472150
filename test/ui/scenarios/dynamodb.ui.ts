import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { loadMoreLabel, type TreeRow } from '../pages/treeView';
import { containerTitle, ui } from '../session';

const view = () => ui().views.dynamodb;
const labels = (rows: TreeRow[]): string[] => rows.map((r) => r.label);

/** Root rows once `count` backups (oldest first) and then, if `more`, the Load more row are on screen. */
async function expectBackups(count: number, more: boolean): Promise<TreeRow[]> {
  const expected = ui().truth.userBackups().slice(0, count);
  return eventually(async () => {
    const rows = await view().children();
    assert.deepEqual(labels(rows), [...expected.map((b) => b.backupName), ...(more ? [loadMoreLabel] : [])]);
    const last = rows.at(-1);
    assert.equal(last?.posInSet, last?.setSize, 'the last row is the last of its list');
    if (more) {
      assert.equal(last?.description, `${count} backups loaded`);
    }
    return rows;
  });
}

describe('DynamoDB Backups view', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.focusView(view().title);
  });

  it('lists the oldest USER backups first, one page of 10, with Load more last', async () => {
    const rows = await expectBackups(10, true);
    const truth = ui().truth.userBackups();
    rows.slice(0, 10).forEach((row, i) => {
      assert.ok(row.description.startsWith(`${truth[i].tableName} · ${truth[i].status}`), `${row.label}: ${row.description}`);
    });
  });

  it('Load more appends exactly one page and stays last; the last page removes it', async () => {
    await expectBackups(10, true);
    await view().clickLoadMore();
    await expectBackups(20, true);
    await view().clickLoadMore();
    const all = ui().truth.userBackups().length;
    assert.equal(all, 24, 'the demo data has 24 USER backups');
    await expectBackups(all, false);
  });

  it('filters by table from the command palette, names it in the view, refuses an invalid date and clears', async () => {
    const { workbench, truth } = ui();
    await workbench.runCommand('AWS History: Filter DynamoDB Backups');
    await workbench.quickInput.waitOpen('Filter DynamoDB backups');
    await workbench.quickInput.pick('Table');
    await workbench.quickInput.waitOpen('Only backups of table');
    await workbench.quickInput.type('Orders');
    await workbench.quickInput.acceptFocused('Orders');
    await workbench.quickInput.waitClosed();

    const orders = truth.userBackups().filter((b) => b.tableName === 'Orders');
    await eventually(async () => {
      assert.equal(await view().description(), 'Filtered: table Orders');
      const rows = await view().children();
      assert.deepEqual(
        labels(rows),
        orders.map((b) => b.backupName),
        'only Orders backups, all on one page',
      );
      assert.ok(rows.every((r) => r.description.startsWith('Orders · ')));
    });

    await workbench.runCommand('AWS History: Filter DynamoDB Backups');
    await workbench.quickInput.waitOpen('Filter DynamoDB backups');
    await workbench.quickInput.pick('Created on or after');
    await workbench.quickInput.waitOpen('Created on or after (inclusive)');
    await workbench.quickInput.pick('Enter a date…');
    await workbench.quickInput.type('last tuesday');
    await eventually(async () => assert.match(await workbench.quickInput.validationMessage(), /^"last tuesday" is not a date\./));
    await workbench.quickInput.accept();
    assert.ok(await workbench.quickInput.isOpen(), 'Enter does not accept an invalid date');
    await workbench.quickInput.cancel();
    assert.equal(await view().description(), 'Filtered: table Orders', 'the refused date changed nothing');

    await workbench.runCommand('AWS History: Clear Filters');
    await eventually(async () => assert.equal(await view().description(), ''));
    await expectBackups(10, true);
  });

  it('copies ARNs from the context menu and the inline icon, for one row and for several (ctrl-click)', async () => {
    const { workbench, truth } = ui();
    const backups = truth.userBackups().slice(0, 4);
    const [first, second, third, fourth] = backups.map((b) => b.backupName);
    const arn = (i: number): string => backups[i].backupArn;

    assert.equal(await workbench.copied(async () => (await view().contextMenu(first)).click('Copy ARN')), arn(0), 'context menu, one row');
    assert.equal(await workbench.copied(() => view().clickInlineAction(fourth, 'Copy ARN')), arn(3), 'inline icon, one row');

    await view().click(first);
    await view().click(second, { modifiers: ['ControlOrMeta'] });
    await view().click(third, { modifiers: ['ControlOrMeta'] });
    await eventually(async () => {
      const selected = (await view().children()).filter((r) => r.selected).map((r) => r.label);
      assert.deepEqual(selected, [first, second, third], 'three rows selected');
    });
    const several = [arn(0), arn(1), arn(2)].join('\n');
    assert.equal(await workbench.copied(async () => (await view().contextMenu(second)).click('Copy ARN')), several, 'context menu, three rows');
    assert.equal(await workbench.copied(() => view().clickInlineAction(third, 'Copy ARN')), several, 'inline icon, three rows');
    await workbench.closeAllEditors();
  });
});
