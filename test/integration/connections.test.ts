import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, extensionId } from '../../src/constants';
import type { Connection } from '../../src/aws/session';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import { api, click, description, emulator, expand, hideViews, isError, itemRows, label, lastRow, provider, waitFor } from './helpers';

const first = '123456789012';
const second = '210987654321';
/** Session: default @ us-east-1. Added: default @ eu-west-1, and prod (the second account) in both regions. */
const roots = [
  { profile: 'default', region: 'us-east-1', account: first },
  { profile: 'default', region: 'eu-west-1', account: first },
  { profile: 'prod', region: 'us-east-1', account: second },
  { profile: 'prod', region: 'eu-west-1', account: second },
];

type Row = TreeNode & { arn?: string };

async function addConnections(): Promise<void> {
  assert.equal(await vscode.commands.executeCommand(Command.addConnection, 'default', ['eu-west-1']), true);
  assert.equal(await vscode.commands.executeCommand(Command.addConnection, 'prod', ['us-east-1', 'eu-west-1']), true);
}

async function removeConnections(): Promise<void> {
  const { connections } = (await api()).feature;
  await connections.remove(connections.saved().map((c) => `${c.profile}|${c.region}`));
}

/** Each connection row's first page, loaded (the rows themselves answer at once with "Loading…"). */
async function loadedRoots(p: PagedTreeProvider): Promise<Map<string, TreeNode[]>> {
  const rows = await expand(p);
  assert.equal(rows.length, 4, 'one root row per connection');
  const byLabel = new Map<string, TreeNode[]>();
  for (const row of p.connectionRows()) {
    byLabel.set(label(row), await row.list.getChildren());
  }
  return byLabel;
}

/** The ARN of the first item row of `connection`'s root in the view (after its first page). */
async function firstArn(p: PagedTreeProvider, profile: string, region: string): Promise<string> {
  const row = p.connectionRows().find((r) => label(r) === `${profile} @ ${region}`);
  assert.ok(row, `${profile} @ ${region} is shown`);
  const items = itemRows(await row.list.getChildren()) as Row[];
  assert.ok(items[0]?.arn, `${profile} @ ${region} lists items`);
  return items[0].arn;
}

describe('Connections: several profiles and regions', () => {
  before(async () => {
    await hideViews();
    await emulator().reset();
  });
  afterEach(async () => {
    await emulator().clearFaults();
    const { views } = (await api()).feature;
    for (const view of views.all()) {
      await view.filters.clear();
    }
  });
  after(async () => {
    await removeConnections();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with one connection the view is a plain list; Add Connection gives one root per connection with its account', async () => {
    const p = await provider('dynamodb');
    p.refresh();
    assert.equal(p.connectionRows().length, 0);
    assert.ok(
      itemRows(await expand(p)).every((n) => n.id.startsWith('default|us-east-1|')),
      'one connection: rows as before',
    );
    await addConnections();
    const rows = await expand(p);
    assert.deepEqual(
      rows.map(label),
      roots.map((r) => `${r.profile} @ ${r.region}`),
    );
    for (const [i, root] of roots.entries()) {
      // The account id comes from STS GetCallerIdentity of the row's profile, once looked up.
      await waitFor(`the account of ${root.profile}`, () => description(p.connectionRows()[i]) === root.account);
    }
  });

  it('each root shows the data of its profile (account) and region, fetched side by side', async () => {
    const p = await provider('dynamodb');
    p.refresh();
    await emulator().clearRequests();
    const byLabel = await loadedRoots(p);
    const names = new Map<string, Set<string>>();
    for (const root of roots) {
      const items = itemRows(byLabel.get(`${root.profile} @ ${root.region}`) ?? []) as Row[];
      assert.ok(items.length > 0, `${root.profile} @ ${root.region} lists backups`);
      for (const item of items) {
        assert.ok(item.arn?.startsWith(`arn:aws:dynamodb:${root.region}:${root.account}:`), `${item.arn} belongs to ${root.region} and ${root.account}`);
        assert.ok(item.id.startsWith(`${root.profile}|${root.region}|`), 'node ids carry the connection');
      }
      names.set(`${root.profile} @ ${root.region}`, new Set(items.map(label)));
    }
    assert.notDeepEqual(names.get('default @ us-east-1'), names.get('prod @ us-east-1'), 'another account, other data');
    const requests = await emulator().requests({ operation: 'ListBackups' });
    for (const root of roots) {
      assert.ok(
        requests.some((r) => r.region === root.region && r.account === root.account),
        `ListBackups went to ${root.region} as ${root.account}`,
      );
    }
  });

  it("a filter applies to every connection's root", async () => {
    const p = await provider('rds');
    await vscode.commands.executeCommand(Command.rdsFilter, { cluster: 'orders-aurora' });
    await emulator().clearRequests();
    await loadedRoots(p);
    const requests = await emulator().requests({ service: 'rds', operation: 'DescribeDBClusters' });
    assert.equal(requests.length, 4, 'one DescribeDBClusters per connection');
    assert.ok(requests.every((r) => (r.params as Record<string, string>).DBClusterIdentifier === 'orders-aurora'));
  });

  it('a failing connection shows its own error row with Retry; the others load', async () => {
    const p = await provider('dynamodb');
    await emulator().fault({ operation: 'ListBackups', kind: 'accessDenied', region: 'eu-west-1', account: second, count: -1 });
    p.refresh();
    const byLabel = await loadedRoots(p);
    const failing = byLabel.get('prod @ eu-west-1') ?? [];
    assert.ok(isError(lastRow(failing)), 'the failing connection shows an error row');
    assert.equal(itemRows(failing).length, 0);
    for (const root of roots.slice(0, 3)) {
      assert.ok(itemRows(byLabel.get(`${root.profile} @ ${root.region}`) ?? []).length > 0, `${root.profile} @ ${root.region} loaded`);
    }
    await emulator().clearFaults();
    const errorRow = lastRow(failing);
    assert.ok(errorRow);
    await click(errorRow);
    const row = p.connectionRows()[3];
    await waitFor('the retried page', async () => itemRows(await row.list.getChildren()).length > 0);
  });

  it('Open ARN opens a backup with the connection of its account and region', async () => {
    const p = await provider('dynamodb');
    p.refresh();
    await loadedRoots(p);
    const arn = await firstArn(p, 'prod', 'eu-west-1');
    await emulator().clearRequests();
    assert.equal(await vscode.commands.executeCommand(Command.openArn, arn), true);
    const { panels } = (await api()).feature;
    const panel = await waitFor('the backup panel', () => panels.get(arn));
    await panel.waitForRender();
    const describe = await emulator().requests({ operation: 'DescribeBackup' });
    assert.equal(describe.length, 1);
    assert.equal(describe[0].region, 'eu-west-1');
    assert.equal(describe[0].account, second, 'signed with the prod profile');
  });

  it('Open ARN opens a backtrack and an execution, and reveals a cluster and a function', async () => {
    const { feature } = await api();
    const connection: Connection = feature.connections.all()[0];
    const rdsView = await provider('rds');
    await vscode.commands.executeCommand(Command.rdsFilter, { cluster: 'orders-aurora' });
    const clusterRow = itemRows(await rdsView.connectionRows()[0].list.getChildren())[0] as Row;
    assert.ok(clusterRow?.arn);
    const backtracks = itemRows(await rdsView.getChildren(clusterRow)) as (Row & { backtrackId?: string })[];
    const backtrackLink = `${clusterRow.arn}/${backtracks[0].backtrackId}`;
    await feature.views.get('rds').filters.clear();

    assert.equal(await vscode.commands.executeCommand(Command.openArn, backtrackLink), true);
    await (await waitFor('the backtrack panel', () => feature.panels.get(backtrackLink))).waitForRender();

    assert.equal(await vscode.commands.executeCommand(Command.openArn, clusterRow.arn), true);
    assert.equal((feature.views.get('rds').filters.current as { cluster?: string }).cluster, 'orders-aurora', 'the cluster is shown through the view filter');

    const { client, sdk } = await feature.clients.get('lambda', undefined, connection);
    const executions = await client.send(new sdk.ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', MaxItems: 1 }));
    const executionArn = executions.DurableExecutions?.[0]?.DurableExecutionArn;
    assert.ok(executionArn);
    assert.equal(await vscode.commands.executeCommand(Command.openArn, executionArn), true);
    await (await waitFor('the execution panel', () => feature.panels.get(executionArn))).waitForRender();

    const functionArn = `arn:aws:lambda:us-east-1:${first}:function:order-workflow`;
    assert.equal(await vscode.commands.executeCommand(Command.openArn, functionArn), true);
    assert.equal((feature.views.get('lambda').filters.current as { function?: string }).function, functionArn, 'the function is shown through the view filter');
    // Revealing opened the side bar: hidden again so later tests count only their own requests.
    await hideViews();
  });

  it('Open ARN of an account no connection or profile has says so, and sends nothing to the service', async () => {
    await removeConnections();
    await emulator().clearRequests();
    const foreign = `arn:aws:dynamodb:us-east-1:${second}:table/Orders/backup/01700000000000-abcdef12`;
    assert.equal(await vscode.commands.executeCommand(Command.openArn, foreign), false);
    const requests = await emulator().requests();
    assert.ok(
      requests.every((r) => r.service === 'sts'),
      'only the account lookup was sent',
    );
    await addConnections();
  });

  it('Open ARN refuses invalid input before any request', async () => {
    await emulator().clearRequests();
    for (const bad of [
      'not an arn',
      'arn:aws:dynamodb:us-east-1:123:table/Orders/backup/x',
      'arn:aws:s3:::bucket',
      `arn:aws:rds:us-east-1:${first}:cluster:orders-aurora/not-a-uuid`,
      `arn:aws:lambda:us-east-1:${first}:function:a b`,
      `arn:aws:lambda:mars:${first}:function:x`,
    ]) {
      assert.equal(await vscode.commands.executeCommand(Command.openArn, bad), false, bad);
    }
    assert.deepEqual(await emulator().requests(), [], 'nothing was sent');
  });

  it('a link opens the details panel and never runs an action; other links are refused', async () => {
    const { feature, hooks, links } = await api();
    const asked: string[] = [];
    hooks.answerConfirmation = (request) => {
      asked.push(request.title);
      return Promise.resolve(true);
    };
    try {
      const { client, sdk } = await feature.clients.get('lambda');
      const running = await client.send(new sdk.ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', Statuses: ['RUNNING'], MaxItems: 1 }));
      const arn = running.DurableExecutions?.[0]?.DurableExecutionArn;
      assert.ok(arn, 'a running execution');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await emulator().clearRequests();
      const link = `${vscode.env.uriScheme}://${extensionId}/open?arn=${encodeURIComponent(arn)}`;
      await links.handleUri(vscode.Uri.parse(link));
      await (await waitFor('the execution panel', () => feature.panels.get(arn))).waitForRender();
      for (const hostile of [
        `${link}&action=stop`,
        `${vscode.env.uriScheme}://${extensionId}/stop?arn=${encodeURIComponent(arn)}`,
        `${vscode.env.uriScheme}://other.extension/open?arn=${encodeURIComponent(arn)}`,
        `${vscode.env.uriScheme}://${extensionId}/open?arn=${encodeURIComponent('command:workbench.action.quit')}`,
      ]) {
        await links.handleUri(vscode.Uri.parse(hostile));
      }
      const requests = await emulator().requests();
      assert.ok(!requests.some((r) => r.operation === 'StopDurableExecution'), 'nothing was stopped');
      const writes = requests.filter((r) => !/^(Get|List|Describe)/.test(r.operation));
      assert.deepEqual(
        writes.map((r) => r.operation),
        [],
        'only reads',
      );
      assert.deepEqual(asked, [], 'no confirmation was ever asked');
    } finally {
      hooks.answerConfirmation = undefined;
    }
  });

  it('Copy Link copies a link that opens the row', async () => {
    const p = await provider('dynamodb');
    p.refresh();
    await loadedRoots(p);
    const row = itemRows(await p.connectionRows()[2].list.getChildren())[0] as Row;
    assert.equal(await vscode.commands.executeCommand(Command.copyLink, row), true);
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied, `${vscode.env.uriScheme}://${extensionId}/open?arn=${encodeURIComponent(row.arn ?? '')}`);
  });

  it("Copy as AWS CLI Command names the profile and region of the list's connection, and of the panel's", async () => {
    const p = await provider('dynamodb');
    p.refresh();
    await loadedRoots(p);
    const row = p.connectionRows().find((r) => label(r) === 'prod @ eu-west-1');
    assert.ok(row);
    const copied = async (...args: unknown[]): Promise<string> => {
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand(Command.copyAsCliCommand, ...args);
      return vscode.env.clipboard.readText();
    };
    assert.equal(await copied(row.list, { from: 'start' }), 'aws dynamodb list-backups --region eu-west-1 --profile prod');

    const arn = await firstArn(p, 'prod', 'eu-west-1');
    const item = itemRows(await row.list.getChildren())[0] as Row;
    await vscode.commands.executeCommand(Command.showDetails, item);
    const { panels } = (await api()).feature;
    await waitFor('the panel to be the active editor', () => panels.activePanel()?.key === arn || undefined);
    assert.equal(await copied(), `aws dynamodb describe-backup --backup-arn ${arn} --region eu-west-1 --profile prod`);
  });

  it('Remove Connection drops the root and stops its requests; one connection left looks as before', async () => {
    const p = await provider('dynamodb');
    const row = p.connectionRows()[3];
    assert.equal(await vscode.commands.executeCommand(Command.removeConnection, row), true);
    assert.deepEqual(
      (await expand(p)).map(label),
      roots.slice(0, 3).map((r) => `${r.profile} @ ${r.region}`),
    );
    await removeConnections();
    const rows = await expand(p);
    assert.equal(p.connectionRows().length, 0);
    assert.ok(itemRows(rows).length > 0 && itemRows(rows).every((n) => n.id.startsWith('default|us-east-1|')));
  });
});
