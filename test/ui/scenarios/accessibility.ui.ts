import * as assert from 'node:assert/strict';
import { eventually } from '../eventually';
import { openDetails } from '../flows';
import { backtrackLabel } from '../groundTruth';
import { axeViolations, blockingImpacts, describeViolations } from '../pages/axe';
import { loadMoreLabel, type TreeView } from '../pages/treeView';
import { ThemeLabel } from '../pages/workbench';
import { containerTitle, ui, ViewTitle } from '../session';

/** The themes the audit runs in, with the kind VS Code gives the panel's body in each. */
const themes = [
  { label: ThemeLabel.light, kind: 'vscode-light' },
  { label: ThemeLabel.dark, kind: 'vscode-dark' },
  { label: ThemeLabel.highContrast, kind: 'vscode-high-contrast' },
] as const;

/** Waits until the view lists a row labelled `label` (a view opened just now is still loading). */
async function waitForRow(view: TreeView, label: string): Promise<void> {
  await eventually(async () => {
    const labels = (await view.rows()).map((r) => r.label);
    assert.ok(labels.includes(label), `${view.title} lists "${label}": ${JSON.stringify(labels)}`);
  });
}

/** F1, the command's title typed key by key, Enter once it is the highlighted entry. */
async function runCommandByKeyboard(title: string): Promise<void> {
  const { page } = ui().env;
  const { quickInput } = ui().workbench;
  await page.keyboard.press('F1');
  await quickInput.waitOpen();
  await quickInput.typeKeys(title);
  await quickInput.acceptFocused(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}…?$`));
}

describe('Accessibility', () => {
  before(async () => {
    await ui().workbench.sideBar.open(containerTitle);
  });

  afterEach(async () => {
    await ui().workbench.closeAllEditors();
  });

  it('every kind of details panel has no serious or critical axe-core violation in the light, dark and high-contrast themes', async function () {
    this.timeout(240_000);
    const { workbench, views, truth } = ui();
    const { panel } = workbench;

    // One panel of each kind, each with its most complete content: a backup, a backtrack with its
    // timeline, and a failed execution with its whole history (error, operations tree, timeline, events).
    await workbench.sideBar.focusView(views.dynamodb.title);
    const backup = truth.userBackups()[0];
    await waitForRow(views.dynamodb, backup.backupName);
    await openDetails(views.dynamodb, backup.backupName, backup.backupName);

    await workbench.sideBar.focusView(views.aurora.title);
    const cluster = 'analytics-aurora';
    await waitForRow(views.aurora, cluster);
    await views.aurora.expandRow(cluster);
    const backtrack = truth.backtracks(cluster)[0];
    const backtrackTitle = `Backtrack ${backtrack.backtrackIdentifier.slice(0, 8)}`;
    await openDetails(views.aurora, backtrackLabel(backtrack), backtrackTitle);

    await workbench.sideBar.focusView(views.lambda.title);
    const saga = 'payment-saga';
    await waitForRow(views.lambda, saga);
    await views.lambda.expandRow(saga);
    const execution = truth
      .executions(saga)
      .slice(0, 10)
      .find((e) => e.status === 'FAILED');
    assert.ok(execution, 'a FAILED execution on the first page');
    await openDetails(views.lambda, execution.name, execution.name);
    await panel.clickButton('Load all');
    const events = truth.historyShape(execution.name).events;
    await eventually(async () => assert.ok((await panel.blockTitles()).includes(`History events (${events})`), 'the whole history is shown'));

    const audited: string[] = [];
    const failures: string[] = [];
    try {
      for (const theme of themes) {
        if (theme.label !== ThemeLabel.light) {
          await workbench.selectColorTheme(theme.label);
        }
        for (const title of [backup.backupName, backtrackTitle, execution.name]) {
          await workbench.activateTab(title);
          await panel.waitForDocument(title);
          await eventually(async () => assert.equal(await panel.themeKind(), theme.kind, `${title} follows ${theme.label}`));
          const violations = await axeViolations(await panel.pageFrame());
          const blocking = violations.filter((v) => v.impact && blockingImpacts.includes(v.impact));
          const others = violations.length - blocking.length;
          audited.push(
            `${theme.label} / ${title}: ${blocking.length} serious or critical, ${others} moderate or minor${
              others
                ? ` (${violations
                    .filter((v) => !blocking.includes(v))
                    .map((v) => v.id)
                    .join(', ')})`
                : ''
            }`,
          );
          if (blocking.length > 0) {
            failures.push(`${theme.label} / ${title}:\n${describeViolations(blocking)}`);
          }
        }
      }
    } finally {
      console.log(`      [axe] ${audited.join('\n      [axe] ')}`);
      await workbench.selectColorTheme(ThemeLabel.light);
    }
    await views.lambda.collapseRow(saga);
    await workbench.sideBar.focusView(views.aurora.title);
    await views.aurora.collapseRow(cluster);
    assert.deepEqual(failures, [], 'no serious or critical violation in any panel or theme');
  });

  it('keyboard only: opens the container, expands a function, loads more, opens an execution, copies its ARN and filters', async function () {
    this.timeout(180_000);
    const { workbench, views, truth, env } = ui();
    const { page } = env;
    const { panel, quickInput } = workbench;
    const view = views.lambda;
    const fn = 'order-workflow';
    const executions = truth.executions(fn);

    // Open the container from the keyboard: the command palette (F1) with the view's focus command.
    await runCommandByKeyboard('View: Show Explorer');
    await eventually(async () => assert.equal((await workbench.sideBar.containerTitle()).toLowerCase(), 'explorer'));
    await runCommandByKeyboard(`${containerTitle}: Focus on ${ViewTitle.lambda} View`);
    await eventually(async () => assert.equal((await workbench.sideBar.containerTitle()).toLowerCase(), containerTitle.toLowerCase()));

    // Expand a function: arrow keys to its row, → to expand; the row says what it is.
    const fnRow = await view.focusRow(fn, 1);
    assert.match(fnRow.ariaLabel, new RegExp(`^Function ${fn}, durable, `), 'the function row is announced as durable');
    await page.keyboard.press('ArrowRight');
    await eventually(async () => {
      const rows = await view.children(fn);
      assert.deepEqual(
        rows.map((r) => r.label),
        [...executions.slice(0, 10).map((e) => e.name), loadMoreLabel],
      );
    });

    // Load more: arrow keys to the Load more row, Enter.
    const more = await view.focusRow(loadMoreLabel, 2);
    assert.equal(more.ariaLabel, 'Load more executions, 10 loaded');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      assert.deepEqual(
        (await view.children(fn)).map((r) => r.label),
        [...executions.slice(0, 20).map((e) => e.name), loadMoreLabel],
      ),
    );

    // Open details: the first execution of the second page, Enter.
    const execution = executions[10];
    const row = await view.focusRow(execution.name, 2);
    assert.ok(
      row.ariaLabel.startsWith(`Execution ${execution.name}, ${execution.status.toLowerCase().replace(/_/g, ' ')}, started `),
      `status in words: ${row.ariaLabel}`,
    );
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await workbench.activeTabTitle(), execution.name, 'Enter opened the details'));
    await panel.waitForDocument(execution.name);

    // Copy the ARN: Tab through the panel to the copy button, Enter.
    const copyName = 'Copy Execution ARN';
    const copied = await workbench.copied(async () => {
      for (let presses = 0; (await panel.focusedName()) !== copyName; presses++) {
        assert.ok(presses < 40, `${copyName} is reached with Tab`);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
    });
    assert.equal(copied, execution.arn);

    // Set a filter: the palette, then the filter's picker and input box, typed and confirmed with Enter.
    await runCommandByKeyboard('AWS History: Filter Lambda Durable Executions');
    await quickInput.waitOpen('Filter Lambda durable executions (newest first)');
    await quickInput.typeKeys('Execution name');
    await quickInput.acceptFocused('Execution name');
    await quickInput.waitOpen('Only executions named');
    await quickInput.typeKeys(execution.name);
    await quickInput.accept();
    await quickInput.waitClosed();
    await eventually(async () => {
      assert.equal(await view.description(), `Filtered: name ${execution.name} · showing newest first`);
      assert.deepEqual(
        (await view.children(fn)).map((r) => r.label),
        [execution.name],
      );
    });

    await runCommandByKeyboard('AWS History: Clear Filters');
    await eventually(async () => assert.equal(await view.description(), 'showing newest first'));
    await workbench.closeAllEditors();
    await view.collapseRow(fn);
  });
});
