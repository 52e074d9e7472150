import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { openDetails } from '../flows';
import { backtrackLabel } from '../groundTruth';
import { ThemeLabel } from '../pages/workbench';
import { containerTitle, ui } from '../session';

async function expectThemeKind(kind: string): Promise<void> {
  const { panel } = ui().workbench;
  await eventually(async () => {
    assert.equal(await panel.themeKind(), kind);
    assert.ok((await panel.bodyClasses()).includes(kind), `body class ${kind}`);
  });
}

function must<T>(value: T | undefined): T {
  assert.ok(value !== undefined);
  return value;
}

describe('Details panels', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
  });

  afterEach(async () => {
    await ui().workbench.closeAllEditors();
  });

  it('a backup: name, ARN and status, and its copy buttons copy', async () => {
    const { workbench, views, truth } = ui();
    const { panel } = workbench;
    await workbench.sideBar.focusView(views.dynamodb.title);
    // The first Orders backup of the first page (the view lists the oldest first).
    const backup = must(
      truth
        .userBackups()
        .slice(0, 10)
        .find((b) => b.tableName === 'Orders'),
    );
    await openDetails(views.dynamodb, backup.backupName, backup.backupName);
    assert.equal(await panel.status(), 'AVAILABLE');
    assert.equal(await panel.subtitle(), 'DynamoDB backup of Orders');
    assert.equal(await panel.field('Name'), backup.backupName);
    assert.equal(await panel.field('Backup ARN'), backup.backupArn);
    assert.equal(await panel.field('Table ARN'), backup.tableArn);
    assert.equal(await workbench.copied(() => panel.copy('Backup ARN')), backup.backupArn);
    assert.equal(await workbench.copied(() => panel.copy('Name')), backup.backupName);
    assert.equal(await workbench.copied(() => panel.copy('Table ARN')), backup.tableArn);
  });

  it('a backtrack: identifier, cluster ARN and status, copy buttons, one timeline arrow per loaded backtrack, and the theme followed to dark and high contrast', async () => {
    const { workbench, views, truth } = ui();
    const { panel } = workbench;
    const cluster = 'analytics-aurora';
    await workbench.sideBar.focusView(views.aurora.title);
    const loaded = (await views.aurora.expandRow(cluster)).length - 1;
    assert.equal(loaded, 20, 'one page of backtracks (RDS pages hold at least 20)');
    const backtrack = truth.backtracks(cluster)[0];
    const title = `Backtrack ${backtrack.backtrackIdentifier.slice(0, 8)}`;
    await openDetails(views.aurora, backtrackLabel(backtrack), title);

    assert.equal(await panel.status(), backtrack.status);
    assert.equal(await panel.field('Backtrack identifier'), backtrack.backtrackIdentifier);
    assert.equal(await panel.field('Cluster ARN'), truth.clusterArn(cluster));
    assert.equal(await workbench.copied(() => panel.copy('Backtrack identifier')), backtrack.backtrackIdentifier);
    assert.equal(await workbench.copied(() => panel.copy('Cluster ARN')), truth.clusterArn(cluster));

    const timeline = await panel.timeline();
    assert.deepEqual([timeline.items, timeline.arrows, timeline.highlighted], [loaded, loaded, 1], 'an arrow per loaded backtrack, this one highlighted');

    await expectThemeKind('vscode-light');
    await workbench.selectColorTheme(ThemeLabel.dark);
    await expectThemeKind('vscode-dark');
    assert.equal((await panel.timeline()).items, loaded, 'the timeline is drawn again in the dark theme');
    await workbench.selectColorTheme(ThemeLabel.highContrast);
    await expectThemeKind('vscode-high-contrast');
    assert.equal((await panel.timeline()).items, loaded, 'the timeline is drawn again in high contrast');
    await workbench.selectColorTheme(ThemeLabel.light);
    await expectThemeKind('vscode-light');
    await views.aurora.collapseRow(cluster);
  });

  it('an execution: name, ARN and status, copy buttons; with its whole history, one timeline lane per operation and one mark per invocation', async () => {
    const { workbench, views, truth } = ui();
    const { panel } = workbench;
    await workbench.sideBar.focusView(views.lambda.title);
    await views.lambda.expandRow('order-workflow');
    const execution = truth
      .executions('order-workflow')
      .slice(0, 10)
      .find((e) => e.status === 'SUCCEEDED');
    assert.ok(execution, 'a SUCCEEDED execution on the first page');
    await openDetails(views.lambda, execution.name, execution.name);

    assert.equal(await panel.status(), 'SUCCEEDED');
    assert.equal(await panel.field('Name'), execution.name);
    assert.equal(await panel.field('Execution ARN'), execution.arn);
    assert.equal(await workbench.copied(() => panel.copy('Execution ARN')), execution.arn);
    assert.equal(await workbench.copied(() => panel.copy('Name')), execution.name);

    // The history comes a page (awsHistory.pageSize events) at a time; the user asks for all of it.
    const shape = truth.historyShape(execution.name);
    await panel.clickButton('Load all');
    await eventually(async () => {
      const titles = await panel.blockTitles();
      assert.ok(titles.includes(`History events (${shape.events})`), `all ${shape.events} events: ${JSON.stringify(titles)}`);
      assert.ok(titles.includes(`Operations (${shape.operations})`), `${shape.operations} operations`);
      assert.ok(titles.includes(`Invocations (${shape.invocations})`), `${shape.invocations} invocations`);
    });
    const timeline = await panel.timeline();
    assert.equal(timeline.lanes.filter((lane) => lane !== 'Invocations').length, shape.operations, 'a lane per operation');
    assert.equal(timeline.marks, shape.invocations, 'a mark per invocation');
    assert.ok(timeline.bars >= shape.operations, 'every operation has at least one bar');
    assert.equal(timeline.bars + timeline.arrows + timeline.marks, timeline.items, 'every drawn item is a bar, an arrow (retry) or a mark');
    await views.lambda.collapseRow('order-workflow');
  });
});
