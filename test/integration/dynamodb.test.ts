import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { BackupNode } from '../../src/dynamodb/backupNode';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { ListLoadMoreRow as LoadMoreRow } from '../../src/tree/pagedChildren';
import {
  api,
  clickLoadMore,
  description,
  emulator,
  expand,
  isError,
  isLoadMore,
  isMessage,
  itemRows,
  label,
  lastRow,
  loadAll,
  provider,
  freshDynamoDbView,
  click,
  waitFor,
} from './helpers';

const settings = () => vscode.workspace.getConfiguration('awsHistory');

async function listBackupsRequests(): Promise<Record<string, unknown>[]> {
  const log = await emulator().requests();
  return log.filter((r) => r.operation === 'ListBackups').map((r) => r.params);
}

async function setFilters(filters: object): Promise<boolean> {
  return vscode.commands.executeCommand<boolean>(Command.dynamodbFilter, filters);
}

describe('DynamoDB Backups view', () => {
  let p: PagedTreeProvider;

  before(async () => {
    p = await provider('dynamodb');
    await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await freshDynamoDbView(p);
  });

  after(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await (await api()).feature.views.get('dynamodb').filters.clear();
  });

  it('expanding the view sends exactly one ListBackups with Limit = page size and no token', async () => {
    const rows = await expand(p);
    const requests = await listBackupsRequests();
    assert.equal(requests.length, 1);
    assert.equal(requests[0].Limit, 25);
    assert.equal(requests[0].ExclusiveStartBackupArn, undefined);
    assert.equal(requests[0].TableName, undefined);
    assert.equal(itemRows(rows).length, 25);
    const more = lastRow(rows);
    assert.ok(isLoadMore(more));
    assert.match(label(more), /^Load more/);
    assert.match(description(more), /25 backups loaded/);
  });

  it('each Load more sends the previous LastEvaluatedBackupArn and appends exactly one page', async () => {
    let rows = await expand(p);
    for (let page = 2; page <= 4; page++) {
      const lastArn = (itemRows(rows).at(-1) as BackupNode).arn;
      await emulator().clearRequests();
      rows = await clickLoadMore(p);
      const requests = await listBackupsRequests();
      assert.equal(requests.length, 1, 'one request per Load more');
      assert.equal(requests[0].ExclusiveStartBackupArn, lastArn);
      assert.equal(itemRows(rows).length, 25 * page);
      assert.ok(isLoadMore(lastRow(rows)), 'Load more stays last');
    }
  });

  it('shares one request between a double click and concurrent getChildren calls', async () => {
    const rows = await expand(p);
    const more = lastRow(rows) as LoadMoreRow;
    await emulator().clearRequests();
    await emulator().fault({ operation: 'ListBackups', kind: 'latency', latencyMs: 300 });
    await Promise.all([vscode.commands.executeCommand(Command.loadMore, more), vscode.commands.executeCommand(Command.loadMore, more), expand(p), expand(p)]);
    assert.equal((await listBackupsRequests()).length, 1);
  });

  it('loads the 10,000-backup table to exactly 10,000 unique rows and no Load more row', async function () {
    this.timeout(300_000);
    await settings().update('pageSize', 100, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await setFilters({ table: 'BigTable' }), true);
      const { rows, clicks } = await loadAll(p);
      const items = itemRows(rows) as BackupNode[];
      assert.equal(items.length, 10_000);
      assert.equal(new Set(items.map((n) => n.arn)).size, 10_000);
      assert.equal(new Set(items.map((n) => n.id)).size, 10_000, 'ids are unique');
      assert.ok(!isLoadMore(lastRow(rows)), 'no Load more row at the end');
      assert.ok(clicks >= 99);
    } finally {
      await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
    }
  });

  it('sends every filter to the API as documented', async () => {
    const after = '2026-01-01T00:00:00.000Z';
    const before = '2030-01-01T00:00:00.000Z';
    assert.equal(await setFilters({ table: 'Orders', backupType: 'ALL', after, before }), true);
    const rows = await expand(p);
    const [request] = await listBackupsRequests();
    assert.equal(request.TableName, 'Orders');
    assert.equal(request.BackupType, 'ALL');
    assert.equal(request.TimeRangeLowerBound, Date.parse(after) / 1000);
    assert.equal(request.TimeRangeUpperBound, Date.parse(before) / 1000);
    assert.ok(itemRows(rows).every((n) => (n as BackupNode).item.TableName === 'Orders'));
    assert.match(p.treeView.description ?? '', /table Orders/);
    assert.match(p.treeView.description ?? '', /type ALL/);
  });

  it('accepts a table ARN as the table filter', async () => {
    const arn = 'arn:aws:dynamodb:us-east-1:123456789012:table/Customers';
    assert.equal(await setFilters({ table: arn }), true);
    const rows = await expand(p);
    assert.equal((await listBackupsRequests())[0].TableName, arn);
    assert.ok(itemRows(rows).length > 0);
  });

  it('refuses bad filter input and sends no request', async () => {
    await expand(p);
    await emulator().clearRequests();
    for (const bad of [
      { table: 'ab' },
      { table: 'bad name!' },
      { table: 'x'.repeat(256) },
      { backupType: 'WEEKLY' },
      { after: 'yesterday' },
      { after: '2026-02-01T00:00:00Z', before: '2026-01-01T00:00:00Z' },
    ]) {
      assert.equal(await setFilters(bad), false, JSON.stringify(bad));
    }
    await expand(p);
    assert.equal((await listBackupsRequests()).length, 0);
    assert.equal(p.treeView.description, undefined, 'no filter was stored');
  });

  it('shows an empty row naming the filters, with an action to clear them', async () => {
    await setFilters({ table: 'NoSuchTable' });
    const rows = await expand(p);
    assert.equal(rows.length, 1);
    const empty = rows[0];
    assert.ok(isMessage(empty));
    assert.match(label(empty), /No backups match table NoSuchTable/);
    await click(empty);
    assert.equal(p.treeView.description, undefined);
    assert.ok(itemRows(await expand(p)).length > 0);
  });

  it('keeps pages 1–2 when page 3 fails, and Retry completes the list', async () => {
    await setFilters({ table: 'Orders', backupType: 'ALL' });
    await settings().update('pageSize', 3, vscode.ConfigurationTarget.Global);
    try {
      await expand(p);
      await clickLoadMore(p);
      await emulator().fault({ operation: 'ListBackups', kind: 'accessDenied', count: 1 });
      const rows = await clickLoadMore(p);
      assert.equal(itemRows(rows).length, 6, 'pages 1–2 kept');
      const error = lastRow(rows);
      assert.ok(isError(error), 'error row in place of Load more');
      assert.match(label(error), /dynamodb:ListBackups/);
      const failedToken = (await listBackupsRequests()).at(-1)!.ExclusiveStartBackupArn;
      await vscode.commands.executeCommand(Command.retry, error);
      const retried = (await listBackupsRequests()).at(-1)!;
      assert.equal(retried.ExclusiveStartBackupArn, failedToken, 'Retry asks for the same token');
      const { rows: all } = await loadAll(p);
      assert.ok(itemRows(all).length > 6);
      assert.ok(!all.some((r) => isError(r)));
    } finally {
      await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
    }
  });

  it('discards a slow page that arrives after a refresh', async () => {
    const rows = await expand(p);
    const more = lastRow(rows) as LoadMoreRow;
    await emulator().fault({ operation: 'ListBackups', kind: 'latency', latencyMs: 800 });
    const pending = more.list.loadMore();
    await waitFor('the slow request to be sent', async () => (await listBackupsRequests()).some((r) => r.ExclusiveStartBackupArn));
    await vscode.commands.executeCommand(Command.refresh, rows[0]);
    await pending;
    const fresh = await expand(p);
    assert.equal(itemRows(fresh).length, 25, 'only the fresh first page');
    assert.ok(isLoadMore(lastRow(fresh)));
  });

  it('Load up to N more issues as many pages as needed and asks the last page for only what is missing', async () => {
    const rows = await expand(p);
    const more = lastRow(rows) as LoadMoreRow;
    await emulator().clearRequests();
    await vscode.commands.executeCommand(Command.loadUpTo, more, 60);
    const requests = await listBackupsRequests();
    assert.deepEqual(
      requests.map((r) => r.Limit),
      [25, 25, 10],
    );
    const after = await expand(p);
    assert.equal(itemRows(after).length, 85);
    assert.ok(isLoadMore(lastRow(after)));
  });

  it('copies the next-page token and resumes a list from a token', async () => {
    const rows = await expand(p);
    const more = lastRow(rows) as LoadMoreRow;
    await vscode.commands.executeCommand(Command.copyNextToken, more);
    const token = await vscode.env.clipboard.readText();
    assert.equal(token, (itemRows(rows).at(-1) as BackupNode).arn, 'the token is the LastEvaluatedBackupArn');
    p.refresh();
    await emulator().clearRequests();
    await vscode.commands.executeCommand(Command.resumeFromToken, more.list, token);
    const resumed = await expand(p);
    const [request] = await listBackupsRequests();
    assert.equal(request.ExclusiveStartBackupArn, token);
    assert.ok(!itemRows(resumed).some((n) => (n as BackupNode).arn === token), 'starts after the token');
  });

  it('a token the service rejects gives a clear message and a way to start again', async () => {
    const rows = await expand(p);
    const list = (lastRow(rows) as LoadMoreRow).list;
    await vscode.commands.executeCommand(Command.resumeFromToken, list, 'arn:aws:dynamodb:us-east-1:123456789012:table/Nope/backup/01700000000000-deadbeef');
    const after = await expand(p);
    const error = lastRow(after);
    assert.ok(isError(error));
    assert.match(label(error), /rejected the page token/);
    assert.equal(error.getTreeItem().contextValue, 'awsHistory:error:staleToken');
    await click(error);
    const again = await expand(p);
    assert.ok(itemRows(again).length > 0, `started again from the first page, got: ${again.map(label).join(' | ')}`);
  });

  it('copies exact ARNs to the clipboard for one and several rows', async () => {
    const rows = itemRows(await expand(p)) as BackupNode[];
    await vscode.commands.executeCommand(Command.copyArn, rows[0]);
    assert.equal(await vscode.env.clipboard.readText(), rows[0].arn);
    await vscode.commands.executeCommand(Command.copyArn, rows[1], [rows[1], rows[2], rows[3]]);
    assert.equal(await vscode.env.clipboard.readText(), [rows[1].arn, rows[2].arn, rows[3].arn].join('\n'));
    await vscode.commands.executeCommand(Command.dynamodbCopyTableArn, rows[0]);
    assert.equal(await vscode.env.clipboard.readText(), rows[0].item.TableArn);
  });

  it('node ids stay the same across a refresh', async () => {
    const first = itemRows(await expand(p)).map((n) => n.id);
    p.refresh();
    const second = itemRows(await expand(p)).map((n) => n.id);
    assert.deepEqual(second, first);
  });

  it('the details panel shows every field of a fully populated backup', async function () {
    this.timeout(60_000);
    await setFilters({ table: 'Orders' });
    const { rows } = await loadAll(p);
    const node = (itemRows(rows) as BackupNode[]).find((n) => n.name === 'orders-full-features');
    assert.ok(node, 'the fully populated backup is listed');
    await vscode.commands.executeCommand(Command.showDetails, node);
    const panels = (await api()).feature.panels;
    const panel = await waitFor('the panel', () => panels.get(node.arn!));
    const doc = await panel.waitForRender();
    const text = JSON.stringify(doc);
    for (const expected of [
      node.arn!,
      'orders-full-features',
      'AVAILABLE',
      'USER',
      'Key schema',
      'Billing mode',
      'Provisioned throughput',
      'On-demand throughput',
      'Item count',
      'Global',
      'Local',
      'INCLUDE',
      'Stream',
      'Time to live',
      'KMS key ARN',
      'Raw JSON',
    ]) {
      assert.ok(text.includes(expected), `document shows ${expected}`);
    }
    assert.ok(!text.includes('undefined'), 'no "undefined" anywhere');
    await vscode.commands.executeCommand(Command.showDetails, node);
    assert.equal(panels.all().filter((x) => x.key === node.arn).length, 1, 'one panel per backup');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
