import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, extensionId, type ServiceKey } from '../../src/constants';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { ListLoadMoreRow as LoadMoreRow } from '../../src/tree/pagedChildren';
import type { TreeNode } from '../../src/tree/treeNode';
import type { FaultSpec } from '../emulator/control';
import { api, click, description, emulator, expand, hideViews, isError, isLoadMore, itemRows, label, lastRow, provider, waitFor } from './helpers';
import {
  closedPort,
  contextOf,
  enableDebugLog,
  logFile,
  readText,
  RejectionWatch,
  resetLogLevel,
  setSetting,
  settle,
  settledChildren,
  tooltipOf,
  WindowStubs,
} from './securityKit';

/*
 * Every fault of issue 8, injected with the emulator's fault rules into the real extension running in the
 * real VS Code, one named test each.
 */

const operationOf: Record<ServiceKey, string> = { dynamodb: 'ListBackups', rds: 'DescribeDBClusters', lambda: 'ListFunctions' };

async function sent(operation: string) {
  return emulator().requests({ operation });
}

async function fault(spec: FaultSpec): Promise<void> {
  await emulator().fault(spec);
}

/** The root of a view, freshly loaded. */
async function loadRoot(service: ServiceKey): Promise<TreeNode[]> {
  const p = await provider(service);
  p.refresh();
  return expand(p);
}

/** big-function's execution list (20,000 executions), reached through the function filter. */
async function bigFunction(p: PagedTreeProvider, filters: object = {}): Promise<TreeNode> {
  assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'big-function', ...filters }), true);
  const [fn] = itemRows(await expand(p));
  assert.ok(fn, 'the function row');
  return fn;
}

/** The package.json menu entries shown inline on a row with this context value. */
function inlineCommandsFor(contextValue: string): string[] {
  const menus = vscode.extensions.getExtension(extensionId)?.packageJSON as {
    contributes: { menus: Record<string, { command: string; when?: string; group?: string }[]> };
  };
  return menus.contributes.menus['view/item/context']
    .filter((m) => (m.group ?? '').startsWith('inline') && whenMatches(m.when ?? '', contextValue))
    .map((m) => m.command);
}

/** Enough of VS Code's `when` grammar for the view/item/context clauses package.json uses. */
function whenMatches(when: string, viewItem: string): boolean {
  const equals = /viewItem == ([\w:]+)/.exec(when);
  if (equals) {
    return equals[1] === viewItem;
  }
  const regex = /viewItem =~ \/(.+)\//.exec(when);
  return regex ? new RegExp(regex[1]).test(viewItem) : false;
}

describe('Faults (issue 8)', function () {
  this.timeout(90_000);
  let views: Record<ServiceKey, PagedTreeProvider>;

  before(async () => {
    views = { dynamodb: await provider('dynamodb'), rds: await provider('rds'), lambda: await provider('lambda') };
    await setSetting('pageSize', 25);
    await enableDebugLog();
  });

  beforeEach(async () => {
    await hideViews();
    const feature = (await api()).feature;
    for (const view of feature.views.all()) {
      await view.filters.clear();
    }
    await emulator().reset();
    for (const p of Object.values(views)) {
      p.refresh();
    }
  });

  after(async () => {
    await emulator().reset();
    await setSetting('pageSize', undefined);
    await setSetting('requestTimeoutSeconds', undefined);
    await setSetting('endpoints', undefined);
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
    }
    await resetLogLevel();
  });

  it('throttling: a short burst is absorbed by the SDK retries, the rows load and the log shows the retries', async () => {
    await fault({ operation: 'ListBackups', kind: 'throttle', count: 2 });
    const rows = await expand(views.dynamodb);
    assert.equal(itemRows(rows).length, 25, 'the first page loaded');
    assert.ok(isLoadMore(lastRow(rows)));
    const log = await sent('ListBackups');
    assert.deepEqual(
      log.map((r) => r.fault ?? 'answered'),
      ['throttle', 'throttle', 'answered'],
      'two throttled attempts, then the answer',
    );
    const requestId = log[2].requestId;
    const line = await waitFor('the request line in the output log', async () =>
      readText(await logFile())
        .split('\n')
        .find((l) => l.includes(requestId)),
    );
    assert.match(line, /\[debug\] dynamodb:ListBackups 200 \d+ ms request-id=\S+ attempts=3\b/, `the log line says the request took 3 attempts: ${line}`);
  });

  it('throttling: a long burst ends in an error row with Retry, and Retry loads once it stops', async () => {
    await fault({ operation: 'ListBackups', kind: 'throttle', count: -1 });
    const rows = await expand(views.dynamodb);
    const row = lastRow(rows);
    assert.ok(isError(row), 'an error row');
    assert.match(label(row), /throttling dynamodb:ListBackups/);
    assert.equal(description(row), 'Retry');
    assert.equal(contextOf(row), 'awsHistory:error');
    assert.match(tooltipOf(row), /Wait a moment, then retry/);
    assert.equal((await sent('ListBackups')).length, 3, 'the SDK tried three times');
    assert.ok(inlineCommandsFor(contextOf(row)).includes(Command.retry), 'Retry is offered inline');
    await emulator().clearFaults();
    await click(row);
    assert.equal(itemRows(await expand(views.dynamodb)).length, 25);
  });

  it('access denied on one service: that view names the missing IAM action, the other two views load', async () => {
    await fault({ operation: '*', service: 'rds', kind: 'accessDenied', count: -1 });
    const rds = await loadRoot('rds');
    const row = errorRow(rds);
    assert.match(label(row), /Access denied: rds:DescribeDBClusters is not allowed for profile "default"/);
    assert.match(tooltipOf(row), /Grant rds:DescribeDBClusters to this identity, or pick a profile that has it/);
    for (const other of ['dynamodb', 'lambda'] as const) {
      const rows = await loadRoot(other);
      assert.ok(itemRows(rows).length > 0, `${other} still lists items`);
      assert.ok(!rows.some(isError), `${other} shows no error`);
    }
    // A child list names its own action: listing functions works, listing a function's executions does not.
    await emulator().reset();
    await fault({ operation: 'ListDurableExecutionsByFunction', kind: 'accessDenied', count: -1 });
    const fn = await bigFunction(views.lambda);
    assert.match(label(errorRow(await expand(views.lambda, fn))), /lambda:ListDurableExecutionsByFunction/);
  });

  it('expired credentials: a row saying to sign in again or pick a profile, with both actions, and recovery without a reload', async () => {
    await fault({ operation: 'ListBackups', kind: 'expiredToken', count: -1 });
    const row = errorRow(await expand(views.dynamodb));
    assert.equal(contextOf(row), 'awsHistory:error:credentials');
    assert.match(label(row), /The credentials of profile "default" have expired/);
    assert.match(tooltipOf(row), /Sign in again \(for SSO: `aws sso login --profile default`\) or pick another profile/);
    const actions = inlineCommandsFor(contextOf(row));
    assert.ok(actions.includes(Command.selectProfile), 'Select Profile is offered on the row');
    assert.ok(actions.includes(Command.retry), 'Retry (after signing in) is offered on the row');
    // The user signs in again outside VS Code; Retry then works in the same window.
    await emulator().clearFaults();
    await click(row);
    assert.equal(itemRows(await expand(views.dynamodb)).length, 25);
  });

  it('invalid credentials: a credentials row that says what to do, and Retry recovers', async () => {
    await fault({ operation: 'ListFunctions', kind: 'invalidCredentials', count: -1 });
    const row = errorRow(await expand(views.lambda));
    assert.equal(contextOf(row), 'awsHistory:error:credentials');
    assert.match(label(row), /AWS did not accept the credentials of profile "default" \(UnrecognizedClientException\)/);
    assert.match(tooltipOf(row), /Sign in again .* or pick another profile/);
    await emulator().clearFaults();
    await click(row);
    assert.ok(itemRows(await expand(views.lambda)).length > 0);
  });

  it('endpoint down: a closed port gives an error row with Retry, which works once the endpoint is back', async () => {
    await setSetting('endpoints', { dynamodb: `http://127.0.0.1:${await closedPort()}` });
    const row = errorRow(await expand(views.dynamodb));
    assert.match(label(row), /Cannot reach AWS \(ECONNREFUSED\)/);
    assert.equal(description(row), 'Retry');
    assert.match(tooltipOf(row), /Check the network, proxy or endpoint settings/);
    await setSetting('endpoints', undefined);
    await click(row);
    assert.equal(itemRows(await expand(views.dynamodb)).length, 25);
  });

  it('endpoint slow: a request that never answers times out after awsHistory.requestTimeoutSeconds, error row, Retry', async () => {
    await setSetting('requestTimeoutSeconds', 2);
    try {
      await fault({ operation: 'ListBackups', kind: 'hang', count: -1 });
      const started = Date.now();
      let rows: TreeNode[] | undefined;
      void expand(views.dynamodb).then((r) => (rows = r));
      // Bounded, so a request that never times out fails this test instead of hanging the suite.
      const row = errorRow(await waitFor('the hanging request to time out', () => rows, 20_000));
      const elapsed = Date.now() - started;
      assert.match(label(row), /dynamodb:ListBackups timed out/);
      assert.match(tooltipOf(row), /awsHistory\.requestTimeoutSeconds/);
      const attempts = (await sent('ListBackups')).length;
      assert.ok(elapsed >= 2_000 * attempts - 500 && elapsed < 2_000 * attempts + 5_000, `${attempts} attempts of 2 s each took ${elapsed} ms`);
      await emulator().clearFaults();
      await click(row);
      assert.equal(itemRows(await expand(views.dynamodb)).length, 25);
    } finally {
      await setSetting('requestTimeoutSeconds', undefined);
    }
  });

  it('5xx: a server error after two pages keeps the loaded items, shows an error row, and Retry continues', async () => {
    await expand(views.dynamodb);
    await (lastRow(await expand(views.dynamodb)) as LoadMoreRow).list.loadMore();
    await fault({ operation: 'ListBackups', kind: 'serverError', count: -1 });
    await (lastRow(await expand(views.dynamodb)) as LoadMoreRow).list.loadMore();
    const rows = await expand(views.dynamodb);
    assert.equal(itemRows(rows).length, 50, 'both loaded pages stay');
    assert.match(label(errorRow(rows)), /AWS had an internal error \(InternalServerError 500\)/);
    await emulator().clearFaults();
    await click(errorRow(rows));
    assert.equal(itemRows(await expand(views.dynamodb)).length, 75);
  });

  it('malformed responses: an error row in each view, the loaded items intact', async () => {
    const cases: { service: ServiceKey; operation: string; parent?: () => Promise<TreeNode> }[] = [
      { service: 'dynamodb', operation: 'ListBackups' },
      { service: 'rds', operation: 'DescribeDBClusters' },
      { service: 'lambda', operation: 'ListDurableExecutionsByFunction', parent: () => bigFunction(views.lambda) },
    ];
    for (const c of cases) {
      const p = views[c.service];
      const parent = await c.parent?.();
      const first = itemRows(await expand(p, parent));
      assert.equal(first.length, 25, `${c.service}: first page`);
      // -1: whether the SDK retries a parse error is its business; every attempt gets a cut body.
      await fault({ operation: c.operation, kind: 'malformed', count: -1 });
      await (lastRow(await expand(p, parent)) as LoadMoreRow).list.loadMore();
      const rows = await expand(p, parent);
      assert.deepEqual(
        itemRows(rows).map((r) => r.id),
        first.map((r) => r.id),
        `${c.service}: the loaded items are intact`,
      );
      assert.match(label(errorRow(rows)), /AWS sent a response that could not be read/, c.service);
      await emulator().clearFaults();
      await click(errorRow(rows));
      assert.equal(itemRows(await expand(p, parent)).length, 50, `${c.service}: Retry loads the page`);
    }
  });

  it('a page token the service rejects: a row saying the list changed, with an action to start again', async () => {
    const cases: { service: ServiceKey; token: string; tokenParam: string }[] = [
      { service: 'dynamodb', token: 'garbage-token', tokenParam: 'ExclusiveStartBackupArn' },
      { service: 'rds', token: 'bm90IGEgbWFya2Vy', tokenParam: 'Marker' },
    ];
    for (const c of cases) {
      const p = views[c.service];
      const rows = await expand(p);
      await vscode.commands.executeCommand(Command.resumeFromToken, (lastRow(rows) as LoadMoreRow).list, c.token);
      // Resuming a root list focuses its view; hide it again so only this test asks for pages.
      await hideViews();
      const row = errorRow(await settledChildren(p));
      assertStaleTokenRow(row, c.service);
      await emulator().clearRequests();
      await click(row);
      assert.ok(itemRows(await expand(p)).length > 0, `${c.service}: started again`);
      const [again] = await sent(operationOf[c.service]);
      assert.equal(again?.params[c.tokenParam], undefined, `${c.service}: the first page is asked for without a token`);
    }
    // A real token, replayed under other filters (the emulator binds tokens to their filters, as AWS does).
    let fn = await bigFunction(views.lambda);
    const token = (lastRow(await expand(views.lambda, fn)) as LoadMoreRow).list.nextToken!;
    assert.ok(token);
    fn = await bigFunction(views.lambda, { statuses: ['FAILED'] });
    const list = (lastRow(await expand(views.lambda, fn)) as LoadMoreRow).list;
    await vscode.commands.executeCommand(Command.resumeFromToken, list, token);
    const row = errorRow(await expand(views.lambda, fn));
    assertStaleTokenRow(row, 'lambda');
    await click(row);
    const restarted = itemRows(await expand(views.lambda, fn));
    assert.ok(restarted.length > 0 && restarted.every((r) => /FAILED/.test(description(r))), 'started again under the current filters');
  });

  it('race: a filter change during a slow page never shows the stale page', async () => {
    await fault({ operation: 'ListBackups', kind: 'latency', latencyMs: 1500 });
    const stale = expand(views.dynamodb);
    await waitFor('the slow request to be on its way', async () => ((await sent('ListBackups')).length === 1 ? true : undefined));
    assert.equal(await vscode.commands.executeCommand<boolean>(Command.dynamodbFilter, { table: 'Orders' }), true);
    const staleRows = itemRows(await stale);
    const fresh = itemRows(await expand(views.dynamodb));
    assert.ok(fresh.length > 0);
    for (const rows of [staleRows, fresh]) {
      assert.ok(
        rows.every((r) => description(r).startsWith('Orders · ')),
        'only rows of the new filter',
      );
    }
    // The slow answer really arrived, and was dropped.
    await waitFor('the slow answer', async () => ((await sent('ListBackups'))[0]?.status === 200 ? true : undefined));
    assert.ok(itemRows(await expand(views.dynamodb)).every((r) => description(r).startsWith('Orders · ')));
  });

  it('race: a refresh during a slow Load more never shows the stale page', async () => {
    const fn = await bigFunction(views.lambda);
    const firstPage = itemRows(await expand(views.lambda, fn)).map((r) => label(r));
    await fault({ operation: 'ListDurableExecutionsByFunction', kind: 'latency', latencyMs: 1500 });
    const pending = (lastRow(await expand(views.lambda, fn)) as LoadMoreRow).list.loadMore();
    await waitFor('the slow page to be on its way', async () =>
      (await sent('ListDurableExecutionsByFunction')).some((r) => r.status === 0) ? true : undefined,
    );
    await vscode.commands.executeCommand(Command.refresh, fn);
    await pending;
    await waitFor('the slow answer', async () => ((await sent('ListDurableExecutionsByFunction')).every((r) => r.status !== 0) ? true : undefined));
    const [again] = itemRows(await expand(views.lambda));
    const rows = itemRows(await expand(views.lambda, again));
    assert.deepEqual(
      rows.map((r) => label(r)),
      firstPage,
      'exactly the fresh first page',
    );
  });

  it('race: closing a panel while it loads leaves no errors behind', async () => {
    const watch = new RejectionWatch();
    const stubs = new WindowStubs();
    const file = await logFile();
    const logBefore = readText(file).length;
    const { panels } = (await api()).feature;
    try {
      const backups = itemRows(await expand(views.dynamodb));
      const fn = await bigFunction(views.lambda);
      const executions = itemRows(await expand(views.lambda, fn));
      const targets = [
        { row: backups[0], operations: ['DescribeBackup'] },
        { row: executions[0], operations: ['GetDurableExecution', 'GetDurableExecutionHistory'] },
      ];
      for (const { row, operations } of targets) {
        await emulator().clearRequests();
        for (const operation of operations) {
          await fault({ operation, kind: 'latency', latencyMs: 1200 });
        }
        await click(row);
        const key = (row as unknown as { arn: string }).arn;
        const panel = await waitFor('the panel', () => panels.get(key));
        const rendered = panel.waitForRender().then(
          () => 'rendered',
          () => 'closed',
        );
        await waitFor('the slow requests to be on their way', async () =>
          (await emulator().requests()).filter((r) => operations.includes(r.operation)).length === operations.length ? true : undefined,
        );
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await waitFor('the panel to close', () => panel.isDisposed || undefined);
        assert.equal(await rendered, 'closed');
        assert.equal(panels.get(key), undefined, 'the panel is forgotten');
        await waitFor('the emulator to have answered', async () =>
          (await emulator().requests()).filter((r) => operations.includes(r.operation)).every((r) => r.status !== 0) ? true : undefined,
        );
        await settle();
      }
      assert.deepEqual(watch.reasons.map(String), [], 'no unhandled promise rejections');
      assert.deepEqual(stubs.shown, [], 'no error, warning or information message');
      const newLog = readText(file).slice(logBefore);
      assert.ok(!/\[(error|warning)\]/.test(newLog), `no error or warning in the log:\n${newLog}`);
    } finally {
      stubs.restore();
      watch.dispose();
    }
  });
});

function errorRow(rows: readonly TreeNode[]): TreeNode {
  const row = rows.find(isError);
  assert.ok(
    row,
    `an error row among: ${rows
      .map((r) => label(r))
      .slice(-3)
      .join(' | ')}`,
  );
  return row;
}

function assertStaleTokenRow(row: TreeNode, service: string): void {
  assert.equal(contextOf(row), 'awsHistory:error:staleToken', service);
  assert.match(label(row), /the list changed, the token expired, or it belongs to other filters/, service);
  assert.equal(description(row), 'Start again', service);
  assert.match(tooltipOf(row), /Start the list again/, service);
}
