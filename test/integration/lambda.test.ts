import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, ContextValue, ViewId } from '../../src/constants';
import type { ConfirmationRequest } from '../../src/actions/confirmAction';
import type { Execution } from '../../src/lambda/api';
import { ExecutionDetailSource, historyBlockId } from '../../src/lambda/executionDetails.lazy';
import type { ExecutionFilters } from '../../src/lambda/filters';
import { countTreeNodes } from '../../src/lambda/operationsView';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import type { Block, PanelDocument } from '../../src/shared/protocol';
import { SAMPLE_FUNCTIONS } from '../durable/functions/catalog';
import { api, description, emulator, expand, hideViews, label, provider, waitFor, withConfirmation } from './helpers';

/*
 * The extension and this suite are separate bundles, so the extension's classes are not this bundle's
 * classes: rows are told apart by their contextValue (what package.json menus use too), never instanceof.
 */
const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('awsHistory');
const listOperation = 'ListDurableExecutionsByFunction';

interface ExecutionRow extends TreeNode {
  readonly item: Execution;
  readonly arn: string;
  readonly name: string;
}
interface LoadMoreLike extends TreeNode {
  readonly list: { loadMore(): Promise<void>; readonly nextToken: string | undefined };
}

const loadMoreContext: string = ContextValue.loadMore;

function contextOf(node: TreeNode | undefined): string {
  return node?.getTreeItem().contextValue ?? '';
}
function isLoadMore(node: TreeNode | undefined): node is LoadMoreLike {
  return contextOf(node) === loadMoreContext;
}
function items(rows: readonly TreeNode[]): TreeNode[] {
  return rows.filter((r) => contextOf(r).startsWith('awsHistory:lambda:'));
}
function executions(rows: readonly TreeNode[]): ExecutionRow[] {
  return rows.filter((r) => contextOf(r).startsWith('awsHistory:lambda:execution')) as ExecutionRow[];
}

/** Clicks Load more until the list is complete (the row's own list, as the command does). */
async function loadAllRows(p: PagedTreeProvider, parent?: TreeNode): Promise<{ rows: TreeNode[]; clicks: number }> {
  let rows = await expand(p, parent);
  let clicks = 0;
  for (let last = rows.at(-1); isLoadMore(last); last = rows.at(-1)) {
    await last.list.loadMore();
    rows = await expand(p, parent);
    clicks++;
  }
  return { rows, clicks };
}

async function requests(operation: string) {
  return emulator().requests({ service: 'lambda', operation });
}

async function setFilters(filters: Partial<Record<keyof ExecutionFilters, unknown>>): Promise<boolean> {
  return vscode.commands.executeCommand<boolean>(Command.lambdaFilter, filters);
}

/** The function row a filter narrows the root to (no ListFunctions needed). */
async function functionRow(p: PagedTreeProvider, name: string, more: Partial<ExecutionFilters> = {}): Promise<TreeNode> {
  assert.equal(await setFilters({ function: name, ...more }), true);
  const rows = items(await expand(p));
  assert.equal(rows.length, 1, 'the function filter narrows the root to one row');
  return rows[0];
}

function block<K extends Block['kind']>(doc: PanelDocument, id: string, kind: K): Extract<Block, { kind: K }> {
  const found = doc.blocks.find((b) => b.id === id);
  assert.ok(found, `the document has a "${id}" block`);
  assert.equal(found.kind, kind);
  return found as Extract<Block, { kind: K }>;
}

/** Distinct operation ids in the execution's whole history, read straight from the emulator. */
async function operationIdsInHistory(arn: string): Promise<Set<string>> {
  const { client, sdk } = await (await api()).feature.clients.get('lambda');
  const ids = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await client.send(new sdk.GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000, Marker: marker }));
    for (const event of page.Events ?? []) {
      if (event.Id) {
        ids.add(event.Id);
      }
    }
    marker = page.NextMarker;
  } while (marker);
  return ids;
}

/** A failed execution whose error has a stack trace and data (not every failure variant has them); else the first. */
async function firstWithStackTrace(rows: readonly ExecutionRow[]): Promise<ExecutionRow> {
  const { client, sdk } = await (await api()).feature.clients.get('lambda');
  for (const row of rows) {
    const detail = await client.send(new sdk.GetDurableExecutionCommand({ DurableExecutionArn: row.arn }));
    if (!detail.Error || ((detail.Error.StackTrace?.length ?? 0) > 0 && detail.Error.ErrorData)) {
      return row;
    }
  }
  assert.fail('no execution with a stack trace');
}

describe('Lambda Durable Executions view', () => {
  let p: PagedTreeProvider;

  const resetView = async (): Promise<void> => {
    await (await api()).feature.views.get('lambda').filters.clear();
    await vscode.commands.executeCommand(Command.lambdaShowDurableFunctions);
  };

  before(async () => {
    p = await provider('lambda');
    await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
    // Auto refresh would add GetDurableExecution calls to the request log at random moments.
    await settings().update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await hideViews();
    await resetView();
    await emulator().reset();
    p.refresh();
  });

  after(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('lambda.autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await resetView();
  });

  it('pages through ListFunctions and lists only durable functions, which expand', async () => {
    const { rows } = await loadAllRows(p);
    const calls = await requests('ListFunctions');
    // 1,106 generated functions and the 6 sample durable functions, 25 a page; pages without a durable
    // function come back empty and the core moves on.
    assert.equal(calls.length, Math.ceil((1_106 + SAMPLE_FUNCTIONS.length) / 25));
    assert.ok(calls.every((c) => c.query.MaxItems?.[0] === '25'));
    assert.equal(calls[0].query.Marker, undefined);
    assert.ok(calls.slice(1).every((c) => c.query.Marker?.length === 1));
    const functions = items(rows);
    assert.deepEqual(functions.map(label), ['big-function', 'nightly-report', 'order-workflow', 'payment-saga', ...SAMPLE_FUNCTIONS.map((f) => f.name)].sort());
    for (const fn of functions) {
      const item = fn.getTreeItem();
      assert.equal(item.contextValue, ContextValue.durableFunction);
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    }
    const byName = (name: string) => functions.find((f) => label(f) === name)!;
    assert.match(description(byName('order-workflow')), /^nodejs22\.x · retention 30 d · timeout 1 d$/);
    const nightly = await expand(p, byName('nightly-report'));
    assert.equal(nightly.length, 1);
    assert.match(label(nightly[0]), /No durable executions/);
  });

  it('shows all functions with the title toggle, the others dimmed and not expandable', async () => {
    await vscode.commands.executeCommand(Command.lambdaShowAllFunctions);
    const rows = items(await expand(p));
    assert.equal(rows.length, 25);
    const plain = rows.find((r) => label(r) === 'auth-authorizer');
    assert.ok(plain);
    const item = plain.getTreeItem();
    assert.equal(item.contextValue, ContextValue.plainFunction);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    // ThemeColor.id is not in @types/vscode 1.90, but the object has it.
    const color: unknown = (item.iconPath as vscode.ThemeIcon).color;
    assert.equal((color as { id?: string } | undefined)?.id, 'disabledForeground');
    assert.match(description(plain), /not durable/);
    await emulator().clearRequests();
    assert.deepEqual(await expand(p, plain), []);
    assert.equal((await requests(listOperation)).length, 0);
    const big = rows.find((r) => label(r) === 'big-function');
    assert.equal(big?.getTreeItem().contextValue, ContextValue.durableFunction);
    await vscode.commands.executeCommand(Command.lambdaShowDurableFunctions);
    assert.deepEqual(items(await expand(p)).map(label), ['big-function']);
  });

  it('expanding a function sends exactly one ListDurableExecutionsByFunction with MaxItems = page size and no Marker', async () => {
    const { rows } = await loadAllRows(p);
    const fn = items(rows).find((r) => label(r) === 'order-workflow')!;
    await emulator().clearRequests();
    const children = await expand(p, fn);
    const calls = await requests(listOperation);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].pathParams?.FunctionName, 'order-workflow');
    assert.deepEqual(calls[0].query.MaxItems, ['25']);
    assert.equal(calls[0].query.Marker, undefined);
    assert.equal(calls[0].query.ReverseOrder, undefined, 'newest first is the API default');
    const rowsOfExecutions = executions(children);
    assert.equal(rowsOfExecutions.length, 25);
    assert.ok(isLoadMore(children.at(-1)));
    for (const row of rowsOfExecutions) {
      assert.equal(label(row), row.item.DurableExecutionName);
      const status = row.item.Status!;
      assert.ok(description(row).startsWith(`${status} · `), description(row));
      const item = row.getTreeItem();
      assert.equal(item.contextValue, status === 'RUNNING' ? ContextValue.executionRunning : ContextValue.execution);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, status === 'RUNNING' ? 'loading~spin' : (item.iconPath as vscode.ThemeIcon).id);
      if (status === 'RUNNING') {
        assert.match(description(row), /running for /);
      }
    }
    const starts = rowsOfExecutions.map((r) => r.item.StartTimestamp!.getTime());
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => b - a),
      'newest first',
    );
  });

  it('Load more sends the previous NextMarker exactly, including + / and =', async () => {
    const fn = await functionRow(p, 'big-function');
    let rows = await expand(p, fn);
    const markers: string[] = [];
    for (let page = 2; page <= 6; page++) {
      const more = rows.at(-1);
      assert.ok(isLoadMore(more));
      const marker = more.list.nextToken;
      assert.ok(marker);
      markers.push(marker);
      await emulator().clearRequests();
      await more.list.loadMore();
      rows = await expand(p, fn);
      const calls = await requests(listOperation);
      assert.ok(calls.length >= 1);
      assert.deepEqual(calls[0].query.Marker, [marker], 'the marker reached the server unchanged');
      assert.deepEqual(calls[0].query.MaxItems, ['25']);
    }
    assert.ok(
      markers.some((m) => /[+/]/.test(m)),
      `some marker has + or /: ${markers.join(' ')}`,
    );
    assert.ok(markers.every((m) => m.endsWith('=')));
    assert.equal(executions(rows).length, 25 * 6);
  });

  it('loads big-function to exactly 20,000 unique rows', async function () {
    this.timeout(300_000);
    await settings().update('pageSize', 1000, vscode.ConfigurationTarget.Global);
    try {
      const fn = await functionRow(p, 'big-function');
      await emulator().clearRequests();
      const { rows } = await loadAllRows(p, fn);
      const all = executions(rows);
      assert.equal(all.length, 20_000);
      assert.equal(new Set(all.map((r) => r.arn)).size, 20_000);
      assert.equal(new Set(all.map((r) => r.id)).size, 20_000, 'node ids are unique');
      assert.ok(!isLoadMore(rows.at(-1)), 'no Load more row at the end');
      const calls = await requests(listOperation);
      assert.ok(calls.every((c) => c.query.MaxItems?.[0] === '1000'));
      assert.equal(calls.length, 20, 'one request per 1,000 executions');
    } finally {
      await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
    }
  });

  it('skips a page that comes back empty with a marker, in one Load more', async () => {
    await settings().update('pageSize', 100, vscode.ConfigurationTarget.Global);
    try {
      const fn = await functionRow(p, 'big-function');
      let rows = await expand(p, fn);
      // The data set serves the page at offset 400 empty once, with a NextMarker.
      for (let page = 2; page <= 5; page++) {
        const more = rows.at(-1);
        assert.ok(isLoadMore(more));
        await emulator().clearRequests();
        await more.list.loadMore();
        rows = await expand(p, fn);
        assert.equal((await requests(listOperation)).length, page === 5 ? 2 : 1);
        assert.equal(executions(rows).length, 100 * page);
      }
      assert.ok(isLoadMore(rows.at(-1)));
    } finally {
      await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
    }
  });

  it('sends each filter to the query string as documented', async () => {
    const after = '2025-01-01T00:00:00.000Z';
    const before = '2030-01-01T00:00:00.500Z';
    await emulator().clearRequests();
    const fn = await functionRow(p, 'order-workflow', {
      qualifier: '$LATEST',
      name: 'order-abc_1',
      statuses: ['RUNNING', 'FAILED'],
      after,
      before,
      order: 'oldest',
    });
    assert.equal((await requests('ListFunctions')).length, 0, 'a function filter needs no ListFunctions');
    await expand(p, fn);
    const [call] = await requests(listOperation);
    assert.ok(call);
    assert.equal(call.pathParams?.FunctionName, 'order-workflow');
    assert.deepEqual(call.query.Qualifier, ['$LATEST']);
    assert.deepEqual(call.query.DurableExecutionName, ['order-abc_1']);
    assert.deepEqual(call.query.Statuses, ['RUNNING', 'FAILED']);
    assert.deepEqual(call.query.StartedAfter, ['2025-01-01T00:00:00Z']);
    assert.deepEqual(call.query.StartedBefore, ['2030-01-01T00:00:00.500Z']);
    assert.deepEqual(call.query.ReverseOrder, ['true']);
    assert.deepEqual(call.query.MaxItems, ['25']);
    const viewDescription = p.treeView.description ?? '';
    for (const part of ['function order-workflow', 'qualifier $LATEST', 'name order-abc_1', 'status RUNNING|FAILED', 'oldest first']) {
      assert.ok(viewDescription.includes(part), `"${part}" in "${viewDescription}"`);
    }
  });

  it('filters by status, name and order on the server', async () => {
    let fn = await functionRow(p, 'order-workflow', { statuses: ['FAILED'] });
    const failed = executions(await expand(p, fn));
    assert.equal(failed.length, 8);
    assert.ok(failed.every((r) => r.item.Status === 'FAILED'));

    const name = failed[0].name;
    fn = await functionRow(p, 'order-workflow', { statuses: undefined, name });
    assert.deepEqual(
      executions(await expand(p, fn)).map((r) => r.name),
      [name],
    );

    fn = await functionRow(p, 'order-workflow', { name: undefined, order: 'oldest' });
    const oldest = executions(await expand(p, fn)).map((r) => r.item.StartTimestamp!.getTime());
    assert.deepEqual(
      oldest,
      [...oldest].sort((a, b) => a - b),
      'oldest first',
    );

    fn = await functionRow(p, 'arn:aws:lambda:us-east-1:123456789012:function:payment-saga', { order: undefined });
    assert.equal(label(fn), 'payment-saga');
    assert.ok(executions(await expand(p, fn)).length > 0);
    const calls = await requests(listOperation);
    assert.equal(calls.at(-1)!.pathParams?.FunctionName, 'arn:aws:lambda:us-east-1:123456789012:function:payment-saga');
  });

  it('refuses bad filter input and sends nothing', async () => {
    await emulator().clearRequests();
    const bad: Partial<Record<keyof ExecutionFilters, unknown>>[] = [
      { function: 'has space' },
      { function: 'x'.repeat(257) },
      { function: 'arn:aws:s3:::bucket' },
      { qualifier: 'a.b' },
      { qualifier: 'q'.repeat(129) },
      { name: 'x'.repeat(65) },
      { name: 'with.dot' },
      { statuses: ['RUNNING', 'DELETING'] },
      { statuses: 'RUNNING' },
      { after: 'yesterday' },
      { after: '2026-02-01T00:00:00Z', before: '2026-01-01T00:00:00Z' },
      { order: 'sideways' },
    ];
    for (const filters of bad) {
      assert.equal(await setFilters(filters), false, JSON.stringify(filters));
    }
    assert.deepEqual(await emulator().requests({ service: 'lambda' }), [], 'no request was sent');
    assert.equal(p.treeView.description, 'showing newest first', 'no filter was stored; the order shown is named');
  });

  it('Stop asks first, then sends StopDurableExecution and the row becomes STOPPED in place', async () => {
    const fn = await functionRow(p, 'order-workflow', { statuses: ['RUNNING'] });
    const rows = executions(await expand(p, fn));
    assert.ok(rows.length > 0);
    const row = rows[0];
    assert.equal(row.getTreeItem().contextValue, ContextValue.executionRunning);
    await emulator().clearRequests();

    let asked: string | undefined;
    const declined = (request: ConfirmationRequest): Promise<boolean> => {
      asked = request.typeToConfirm;
      return Promise.resolve(false);
    };
    assert.equal(await withConfirmation(declined, () => vscode.commands.executeCommand(Command.lambdaStopExecution, row, {})), false);
    assert.equal(asked, row.name, 'the confirmation asks to type the execution name');
    assert.equal((await requests('StopDurableExecution')).length, 0, 'nothing is sent without a yes');

    await vscode.commands.executeCommand(Command.showDetails, row);
    const panel = (await api()).feature.panels.get(row.arn);
    assert.ok(panel);
    try {
      const before = await panel.waitForRender();
      assert.deepEqual(
        before.actions.map((a) => a.id),
        ['stop'],
        'the panel offers Stop while RUNNING',
      );
      assert.equal(
        await withConfirmation(
          () => Promise.resolve(true),
          () => vscode.commands.executeCommand(Command.lambdaStopExecution, row, {}),
        ),
        true,
      );
      const after = await panel.waitForRender();
      assert.equal(after.status?.text, 'STOPPED', 'the open panel reloaded');
      assert.deepEqual(after.actions, []);
    } finally {
      panel.dispose();
    }
    const stops = await requests('StopDurableExecution');
    assert.equal(stops.length, 1);
    assert.equal(stops[0].pathParams?.DurableExecutionArn, row.arn);
    assert.equal(row.item.Status, 'STOPPED');
    assert.ok(description(row).startsWith('STOPPED · '));
    assert.equal(row.getTreeItem().contextValue, ContextValue.execution, 'Stop is no longer offered');
    const again = executions(await expand(p, fn));
    assert.equal(again.length, rows.length, 'the list was not reset');
    assert.equal((await requests(listOperation)).length, 0, 'no page was fetched again');
    assert.equal(again.find((r) => r.arn === row.arn)?.item.Status, 'STOPPED');
  });

  it('copies execution ARNs, function ARNs and names', async () => {
    const fn = await functionRow(p, 'payment-saga');
    const rows = executions(await expand(p, fn));
    await vscode.commands.executeCommand(Command.copyArn, rows[0], [rows[0], rows[1]]);
    assert.equal(await vscode.env.clipboard.readText(), `${rows[0].arn}\n${rows[1].arn}`);
    await vscode.commands.executeCommand(Command.lambdaCopyFunctionArn, rows[0]);
    assert.equal(await vscode.env.clipboard.readText(), rows[0].item.FunctionArn);
    assert.match(rows[0].item.FunctionArn ?? '', /:function:payment-saga(:|$)/);
    await vscode.commands.executeCommand(Command.copyName, rows[2]);
    assert.equal(await vscode.env.clipboard.readText(), rows[2].name);
  });

  it('refreshes RUNNING rows on its own while the view is visible, without resetting pages', async function () {
    await vscode.commands.executeCommand(`${ViewId.lambda}.focus`);
    await waitFor('the Lambda view to be visible', () => p.treeView.visible);
    const fn = await functionRow(p, 'order-workflow', { statuses: ['RUNNING'] });
    const rows = executions(await expand(p, fn));
    await emulator().clearRequests();
    await settings().update('lambda.autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      const refreshed = await waitFor('GetDurableExecution calls for the RUNNING rows', async () => {
        const calls = await requests('GetDurableExecution');
        return calls.length >= rows.length ? calls : undefined;
      });
      assert.ok(refreshed.every((c) => c.query.IncludeExecutionData?.[0] === 'false'));
      assert.deepEqual(new Set(refreshed.map((c) => c.pathParams?.DurableExecutionArn)), new Set(rows.map((r) => r.arn)));
      assert.equal((await requests(listOperation)).length, 0, 'pages are not reloaded');
      assert.equal(executions(await expand(p, fn)).length, rows.length);
    } finally {
      await settings().update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    }
  });

  it('opens a details panel with input, result, error and an operations tree matching the history', async function () {
    this.timeout(120_000);
    // One page holds a whole order-workflow history, so the tree can be compared with all of it.
    await settings().update('pageSize', 1000, vscode.ConfigurationTarget.Global);
    const panels = (await api()).feature.panels;
    try {
      for (const status of ['SUCCEEDED', 'FAILED'] as const) {
        const fn = await functionRow(p, 'order-workflow', { statuses: [status] });
        const row = await firstWithStackTrace(executions(await expand(p, fn)));
        await vscode.commands.executeCommand(Command.showDetails, row);
        const panel = panels.get(row.arn);
        assert.ok(panel, 'a panel is open for the execution ARN');
        try {
          const doc = await panel.waitForRender();
          assert.equal(doc.title, row.name);
          assert.deepEqual(doc.status?.text, status);
          const fields = block(doc, 'execution', 'fields').fields;
          assert.equal(fields.find((f) => f.label === 'Execution ARN')?.value, row.arn);
          assert.ok(fields.find((f) => f.label === 'Function ARN')?.copyId);
          const input = block(doc, 'input', 'code');
          assert.equal(input.language, 'json');
          assert.match(input.text, /"orderId"/);
          if (status === 'SUCCEEDED') {
            assert.match(block(doc, 'result', 'code').text, /"FULFILLED"/);
          } else {
            const error = block(doc, 'error', 'fields').fields;
            assert.ok(error.find((f) => f.label === 'Type')?.value);
            assert.ok(error.find((f) => f.label === 'Message')?.value);
            assert.match(block(doc, 'stackTrace', 'code').text, /\n\s+at /);
            assert.equal(block(doc, 'errorData', 'code').language, 'json');
          }
          const pager = block(doc, historyBlockId, 'pager');
          assert.equal(pager.canLoadMore, false, pager.text);
          const ids = await operationIdsInHistory(row.arn);
          assert.equal(countTreeNodes(block(doc, 'operations', 'tree').nodes), ids.size);
          assert.ok(block(doc, 'timeline', 'timeline').items.length >= ids.size - 1);
          assert.ok(block(doc, 'events', 'list').rows.length > ids.size);
        } finally {
          panel.dispose();
        }
      }
    } finally {
      await settings().update('pageSize', 25, vscode.ConfigurationTarget.Global);
    }
  });

  // How long the host is blocked is measured by `npm run bench` (panelLongestBlock), not asserted here.
  it('opens the 10,000-event huge-history and loads all of it with progress', async function () {
    this.timeout(300_000);
    const fn = await functionRow(p, 'order-workflow', { name: 'huge-history' });
    const [row] = executions(await expand(p, fn));
    assert.ok(row, 'huge-history is listed');
    const { clients, panels } = (await api()).feature;
    await vscode.commands.executeCommand(Command.showDetails, row);
    const panel = panels.get(row.arn);
    assert.ok(panel);
    try {
      const opened = await panel.waitForRender();
      assert.equal(block(opened, historyBlockId, 'pager').canLoadMore, true, 'the panel opens on the first page');
      assert.equal(block(opened, 'events', 'list').rows.length, 25);
    } finally {
      panel.dispose();
    }
    // Loading the SDK chunk is a one-time cost of the first request, not of the history: do it first.
    await clients.get('lambda');
    const source = new ExecutionDetailSource(clients, row.arn, row.name, {
      historyPageSize: () => 25,
      autoRefreshMs: () => 0,
      stop: () => Promise.resolve(),
      answerCallback: () => Promise.resolve(),
    });
    const controller = new AbortController();
    let progressDocs = 0;
    let doc = await source.load(controller.signal);
    assert.equal(block(doc, historyBlockId, 'pager').canLoadMore, true);
    await source.onLoadMore(historyBlockId, true, controller.signal, (d) => {
      doc = d;
      progressDocs++;
    });
    assert.ok(progressDocs >= 2, 'progress was reported while loading');
    const pager = block(doc, historyBlockId, 'pager');
    assert.equal(pager.loading, false);
    assert.equal(pager.canLoadMore, false);
    assert.equal(block(doc, 'events', 'list').rows.length, 10_000);
    assert.equal(countTreeNodes(block(doc, 'operations', 'tree').nodes), (await operationIdsInHistory(row.arn)).size);
  });
});
