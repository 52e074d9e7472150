import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { loadMoreLabel, type TreeRow } from '../pages/treeView';
import { containerTitle, ui } from '../session';

const view = () => ui().views.lambda;

/** A function's children once `count` executions (newest first) and then, if `more`, Load more are on screen. */
async function expectExecutions(fn: string, count: number, more: boolean, statuses?: string[]): Promise<TreeRow[]> {
  const expected = ui()
    .truth.executions(fn)
    .filter((e) => !statuses || statuses.includes(e.status))
    .slice(0, count);
  return eventually(async () => {
    const rows = await view().children(fn);
    assert.deepEqual(
      rows.map((r) => r.label),
      [...expected.map((e) => e.name), ...(more ? [loadMoreLabel] : [])],
    );
    expected.forEach((e, i) => assert.ok(rows[i].description.startsWith(`${e.status} · `), `${rows[i].label}: ${rows[i].description}`));
    const last = rows.at(-1);
    assert.equal(last?.posInSet, last?.setSize, 'the last row is the last of its list');
    if (more) {
      assert.equal(last?.description, `${count} executions loaded`);
    }
    return rows;
  });
}

describe('Lambda Durable Executions view', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
    await ui().workbench.sideBar.focusView(view().title);
  });

  it('lists the durable functions; one opens on its newest 10 executions and Load more appends exactly one page', async () => {
    const { truth } = ui();
    const functions = await eventually(async () => {
      const rows = await view().children();
      assert.deepEqual(
        rows.map((r) => r.label),
        truth.durableFunctions(),
      );
      return rows;
    });
    assert.ok(
      functions.every((r) => r.expanded === false && /retention \d+ d/.test(r.description)),
      'durable functions expand',
    );
    await view().expandRow('order-workflow');
    await expectExecutions('order-workflow', 10, true);
    await view().clickLoadMore('order-workflow');
    await expectExecutions('order-workflow', 20, true);
    await view().collapseRow('order-workflow');
  });

  it('loads a small list to the end and drops Load more; a function without executions says so', async () => {
    const { truth } = ui();
    assert.equal(truth.executions('payment-saga').length, 15, 'the demo data has 15 payment-saga executions');
    await view().expandRow('payment-saga');
    await expectExecutions('payment-saga', 10, true);
    await view().clickLoadMore('payment-saga');
    await expectExecutions('payment-saga', 15, false);
    await view().collapseRow('payment-saga');
    const empty = await view().expandRow('nightly-report');
    assert.deepEqual(
      empty.map((r) => r.label),
      ['No durable executions (AWS keeps them for the retention period)'],
    );
    await view().collapseRow('nightly-report');
  });

  it('filters statuses from the command palette, names them in the view, refuses an invalid name and clears', async () => {
    const { workbench } = ui();
    await view().expandRow('order-workflow');
    await workbench.runCommand('AWS History: Filter Lambda Durable Executions');
    await workbench.quickInput.waitOpen('Filter Lambda durable executions (newest first)');
    await workbench.quickInput.pick('Statuses');
    await workbench.quickInput.waitOpen('Only executions with status');
    await workbench.quickInput.toggle('FAILED');
    await workbench.quickInput.accept();
    await workbench.quickInput.waitClosed();
    await eventually(async () => assert.equal(await view().description(), 'Filtered: status FAILED · showing newest first'));
    await expectExecutions('order-workflow', 8, false, ['FAILED']);

    await workbench.runCommand('AWS History: Filter Lambda Durable Executions');
    await workbench.quickInput.waitOpen('Filter Lambda durable executions (newest first)');
    await workbench.quickInput.pick('Execution name');
    await workbench.quickInput.waitOpen('Only executions named');
    await workbench.quickInput.type('order 1!');
    await eventually(async () =>
      assert.equal(await workbench.quickInput.validationMessage(), 'An execution name uses only letters, digits, hyphen (-) and underscore (_).'),
    );
    await workbench.quickInput.cancel();
    assert.equal(await view().description(), 'Filtered: status FAILED · showing newest first', 'the refused name changed nothing');

    await workbench.runCommand('AWS History: Clear Filters');
    // No filter left; the description still names the order shown.
    await eventually(async () => assert.equal(await view().description(), 'showing newest first'));
    await expectExecutions('order-workflow', 10, true);
  });

  it('copies execution ARNs from the context menu and the inline icon, for one row and for several (ctrl-click)', async () => {
    const { workbench, truth } = ui();
    const executions = truth.executions('order-workflow').slice(0, 4);
    const [first, second, third, fourth] = executions.map((e) => e.name);
    const arn = (i: number): string => executions[i].arn;
    await expectExecutions('order-workflow', 10, true);

    assert.equal(await workbench.copied(async () => (await view().contextMenu(first)).click('Copy ARN')), arn(0), 'context menu, one row');
    assert.equal(await workbench.copied(() => view().clickInlineAction(fourth, 'Copy ARN')), arn(3), 'inline icon, one row');

    await view().click(first);
    await view().click(second, { modifiers: ['ControlOrMeta'] });
    await view().click(third, { modifiers: ['ControlOrMeta'] });
    await eventually(async () => {
      const selected = (await view().children('order-workflow')).filter((r) => r.selected).map((r) => r.label);
      assert.deepEqual(selected, [first, second, third], 'three rows selected');
    });
    const several = [arn(0), arn(1), arn(2)].join('\n');
    assert.equal(await workbench.copied(async () => (await view().contextMenu(second)).click('Copy ARN')), several, 'context menu, three rows');
    assert.equal(await workbench.copied(() => view().clickInlineAction(third, 'Copy ARN')), several, 'inline icon, three rows');
    await workbench.closeAllEditors();
    await view().collapseRow('order-workflow');
  });
});
