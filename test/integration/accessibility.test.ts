import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, type ServiceKey } from '../../src/constants';
import type { BackupNode } from '../../src/dynamodb/backupNode';
import type { ExecutionNode } from '../../src/lambda/executionNode';
import type { BacktrackNode } from '../../src/rds/backtrackNode';
import { statusWords } from '../../src/tree/accessibility';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { api, click, emulator, expand, hideViews, isError, isLoading, isLoadMore, isMessage, itemRows, label, lastRow, provider, waitFor } from './helpers';
import { contextOf, setSetting } from './securityKit';

/*
 * Issue 17: every row a screen reader lands on says in words what its icon shows. VS Code reads
 * `accessibilityInformation.label` instead of the label and description, so a row without one, or with
 * a status only its icon carries, is silent about it.
 */

function spoken(row: TreeNode): string {
  const info = row.getTreeItem().accessibilityInformation;
  assert.ok(info, `${label(row)} (${contextOf(row)}) has accessibility information`);
  assert.doesNotMatch(info.label, /(^|, )(, |$)|undefined/, `${label(row)}: no empty part`);
  return info.label;
}

async function clearAll(): Promise<void> {
  const { views } = (await api()).feature;
  for (const service of ['dynamodb', 'rds', 'lambda'] as ServiceKey[]) {
    await views.get(service).filters.clear();
  }
  await vscode.commands.executeCommand(Command.lambdaShowDurableFunctions);
}

describe('Tree row accessibility labels (issue 17)', function () {
  this.timeout(90_000);
  let dynamodb: PagedTreeProvider;
  let rds: PagedTreeProvider;
  let lambda: PagedTreeProvider;

  before(async () => {
    [dynamodb, rds, lambda] = [await provider('dynamodb'), await provider('rds'), await provider('lambda')];
    await setSetting('pageSize', 25);
    await setSetting('lambda.autoRefreshSeconds', 0);
  });

  beforeEach(async () => {
    await hideViews();
    await clearAll();
    await emulator().reset();
    for (const p of [dynamodb, rds, lambda]) {
      p.refresh();
    }
  });

  after(async () => {
    await clearAll();
    await setSetting('pageSize', undefined);
    await setSetting('lambda.autoRefreshSeconds', undefined);
  });

  it('backup, cluster, backtrack, function and execution rows name the item and say its status in words', async () => {
    const backups = itemRows(await expand(dynamodb)) as BackupNode[];
    assert.ok(backups.length > 0);
    for (const row of backups) {
      assert.ok(
        spoken(row).startsWith(`Backup ${row.item.BackupName ?? ''}, ${statusWords(row.item.BackupStatus)}, table ${row.item.TableName ?? ''}`),
        spoken(row),
      );
    }

    const cluster = async (id: string): Promise<TreeNode> => {
      assert.equal(await vscode.commands.executeCommand<boolean>(Command.rdsFilter, { cluster: id }), true);
      const [row] = itemRows(await expand(rds));
      assert.equal(row && label(row), id);
      return row;
    };
    assert.match(spoken(await cluster('legacy-no-backtrack')), /^DB cluster legacy-no-backtrack, cannot backtrack: backtrack not enabled/);
    assert.match(spoken(await cluster('pg-reporting')), /^DB cluster pg-reporting, cannot backtrack: engine does not support backtrack/);
    const orders = await cluster('orders-aurora');
    assert.match(spoken(orders), /^DB cluster orders-aurora, backtrack enabled, window \d+ h, aurora-mysql /);
    const backtracks = itemRows(await expand(rds, orders)) as BacktrackNode[];
    const statuses = new Set<string>();
    for (const row of backtracks) {
      const words = statusWords(row.item.Status);
      statuses.add(words);
      assert.ok(spoken(row).startsWith(`Backtrack to ${label(row)}, ${words}, rewound `), spoken(row));
    }
    assert.deepEqual([...statuses].sort(), ['applying', 'completed', 'failed', 'pending'], 'every backtrack status is said');

    await vscode.commands.executeCommand(Command.lambdaShowAllFunctions);
    const functions = itemRows(await expand(lambda));
    const fn = (name: string): TreeNode => functions.find((f) => label(f) === name) ?? assert.fail(`function ${name}`);
    assert.match(spoken(fn('auth-authorizer')), /^Function auth-authorizer, not durable, no executions, nodejs/);
    assert.match(spoken(fn('big-function')), /^Function big-function, durable, nodejs/);

    const executions = itemRows(await expand(lambda, fn('big-function'))) as ExecutionNode[];
    assert.ok(executions.length > 0);
    for (const row of executions) {
      assert.ok(spoken(row).startsWith(`Execution ${label(row)}, ${statusWords(row.item.Status)}, started `), spoken(row));
    }
    assert.ok(
      executions.some((row) => /^Execution [\w-]+, (succeeded|failed|running|timed out|stopped), /.test(spoken(row))),
      'execution statuses are lowercase words, not codes',
    );

    assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'payment' }), true);
    const [synthesized] = itemRows(await expand(lambda));
    assert.equal(spoken(synthesized), 'Function payment, from the function filter');
  });

  it('Load more, Loading, error and empty rows say what they are and what Enter does', async () => {
    let rows = await expand(dynamodb);
    const more = lastRow(rows);
    assert.ok(isLoadMore(more));
    assert.equal(spoken(more), 'Load more backups, 25 loaded');

    await emulator().fault({ operation: 'ListBackups', kind: 'latency', latencyMs: 1500 });
    const pending = more.list.loadMore();
    const loading = await waitFor('the Loading row', async () => (await expand(dynamodb)).find(isLoading));
    assert.equal(spoken(loading), 'Loading more backups, please wait');
    await pending;

    await emulator().fault({ operation: 'ListBackups', kind: 'throttle', count: -1 });
    const again = lastRow(await expand(dynamodb));
    assert.ok(isLoadMore(again));
    await again.list.loadMore();
    rows = await expand(dynamodb);
    const error = lastRow(rows);
    assert.ok(isError(error));
    assert.equal(spoken(error), `Error: ${label(error)}, Retry`);
    await emulator().clearFaults();

    assert.equal(await vscode.commands.executeCommand<boolean>(Command.dynamodbFilter, { table: 'NoSuchTable' }), true);
    const [filtered] = await expand(dynamodb);
    assert.ok(isMessage(filtered));
    assert.equal(spoken(filtered), `Empty, filtered, ${label(filtered)}, Clear filters`);
    await click(filtered);

    assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'nightly-report' }), true);
    const [nightly] = itemRows(await expand(lambda));
    assert.ok(nightly, 'the function filter lists nightly-report');
    const [empty] = await expand(lambda, nightly);
    assert.ok(isMessage(empty));
    assert.equal(spoken(empty), `Empty, ${label(empty)}`);
  });
});
