import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, ContextValue } from '../../src/constants';
import type { FilterStore } from '../../src/filters/filterStore';
import type { BacktrackFilters } from '../../src/rds/filters';
import { backtrackDocument } from '../../src/rds/backtrackDetails.lazy';
import type { BacktrackNode } from '../../src/rds/backtrackNode';
import type { ClusterNode } from '../../src/rds/clusterNode';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import type { TimelineBlock } from '../../src/shared/protocol';
import { api, clickLoadMore, description, emulator, expand, hideViews, itemRows, label, lastRow, loadAll, isLoadMore, provider, waitFor } from './helpers';

const settings = () => vscode.workspace.getConfiguration('awsHistory');
const region = 'us-east-1';
const arnOf = (id: string): string => `arn:aws:rds:${region}:123456789012:cluster:${id}`;

/** RDS requests as the emulator received them: flat form parameters, all values strings. */
async function rdsRequests(operation: 'DescribeDBClusters' | 'DescribeDBClusterBacktracks'): Promise<Record<string, string>[]> {
  const log = await emulator().requests({ service: 'rds', operation });
  return log.map((r) => r.params as Record<string, string>);
}

async function setFilters(filters: object): Promise<boolean> {
  return vscode.commands.executeCommand<boolean>(Command.rdsFilter, filters);
}

async function filters(): Promise<FilterStore<BacktrackFilters>> {
  return (await api()).feature.views.get('rds').filters;
}

/* Rows are told apart by their context value (see helpers.ts for why not instanceof). */
const contextOf = (node: TreeNode | undefined): string => node?.getTreeItem().contextValue ?? '';
const isCluster = (node: TreeNode | undefined): node is ClusterNode => /^awsHistory:rds:cluster/.test(contextOf(node));
const isBacktrack = (node: TreeNode | undefined): node is BacktrackNode => contextOf(node) === (ContextValue.backtrack as string);

function iconId(node: { getTreeItem(): vscode.TreeItem }): string | undefined {
  const icon = node.getTreeItem().iconPath;
  return icon instanceof vscode.ThemeIcon ? icon.id : undefined;
}

describe('Aurora Backtracks view', () => {
  let p: PagedTreeProvider;

  /** The root narrowed to one cluster by the cluster filter, and that cluster's row. */
  async function onlyCluster(id: string): Promise<ClusterNode> {
    assert.equal(await setFilters({ cluster: id }), true);
    const rows = await expand(p);
    assert.equal(rows.length, 1, `only ${id} is listed`);
    assert.ok(isCluster(rows[0]));
    return rows[0];
  }

  before(async () => {
    p = await provider('rds');
    await settings().update('pageSize', 20, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await hideViews();
    await (await filters()).clear();
    await emulator().reset();
    p.refresh();
  });

  after(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await (await filters()).clear();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('pages the clusters through DescribeDBClusters with MaxRecords and Marker', async () => {
    let rows = await expand(p);
    const first = await rdsRequests('DescribeDBClusters');
    assert.equal(first.length, 1);
    assert.equal(first[0].MaxRecords, '20');
    assert.equal(first[0].Marker, undefined);
    assert.equal(first[0].DBClusterIdentifier, undefined);
    assert.equal(itemRows(rows).length, 20);
    const more = lastRow(rows);
    assert.ok(isLoadMore(more));
    assert.match(description(more), /20 clusters loaded/);

    const marker = more.list.nextToken;
    assert.ok(marker);
    await emulator().clearRequests();
    rows = await clickLoadMore(p);
    const second = await rdsRequests('DescribeDBClusters');
    assert.equal(second.length, 1, 'one request per Load more');
    assert.equal(second[0].Marker, marker, 'the returned Marker is sent back');
    assert.equal(itemRows(rows).length, 40);

    const { rows: all } = await loadAll(p);
    const clusters = itemRows(all) as ClusterNode[];
    assert.equal(clusters.length, 136, '5 demo clusters, 130 bulk clusters and big-backtracks');
    assert.equal(new Set(clusters.map((c) => c.id)).size, clusters.length);
    assert.ok(!isLoadMore(lastRow(all)));
    assert.equal((await rdsRequests('DescribeDBClusterBacktracks')).length, 0, 'listing clusters asks for no backtracks');
  });

  it('dims clusters that cannot backtrack, says why, and never asks for their backtracks', async () => {
    const { rows } = await loadAll(p);
    const byId = new Map((itemRows(rows) as ClusterNode[]).map((c) => [c.identifier, c]));
    const cases: [string, RegExp][] = [
      ['legacy-no-backtrack', /backtrack not enabled/],
      ['pg-reporting', /engine does not support backtrack/],
      ['serverless-v1', /engine does not support backtrack/],
      ['bulk-0001', /backtrack not enabled/],
    ];
    for (const [id, reason] of cases) {
      const node = byId.get(id);
      assert.ok(node, `${id} is listed`);
      const item = node.getTreeItem();
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.None, `${id} does not expand`);
      assert.equal(item.contextValue, ContextValue.clusterDisabled);
      assert.match(description(node), reason);
      assert.deepEqual(await expand(p, node), []);
    }
    const orders = byId.get('orders-aurora')!;
    assert.equal(orders.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(orders.getTreeItem().contextValue, ContextValue.cluster);
    assert.match(description(orders), /aurora-mysql 8\.0\.mysql_aurora\.3\.05\.2 · window 24 h · earliest /);
    assert.equal((await rdsRequests('DescribeDBClusterBacktracks')).length, 0);
  });

  it('expanding a cluster sends exactly one DescribeDBClusterBacktracks with DBClusterIdentifier, MaxRecords and no Marker', async () => {
    const cluster = await onlyCluster('orders-aurora');
    assert.equal((await rdsRequests('DescribeDBClusters'))[0].DBClusterIdentifier, 'orders-aurora', 'the cluster filter narrows the root');
    await emulator().clearRequests();
    const rows = await expand(p, cluster);
    const requests = await rdsRequests('DescribeDBClusterBacktracks');
    assert.equal(requests.length, 1);
    assert.equal(requests[0].DBClusterIdentifier, 'orders-aurora');
    assert.equal(requests[0].MaxRecords, '20');
    assert.equal(requests[0].Marker, undefined);
    assert.equal(requests[0].BacktrackIdentifier, undefined);
    assert.ok(!Object.keys(requests[0]).some((k) => k.startsWith('Filters.')), 'no Filters without a filter');

    const backtracks = itemRows(rows) as BacktrackNode[];
    assert.equal(backtracks.length, 12);
    assert.ok(!isLoadMore(lastRow(rows)));
    for (const node of backtracks) {
      assert.ok(isBacktrack(node));
      assert.match(label(node), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.match(description(node), /^(PENDING|APPLYING|FAILED|COMPLETED) · rewound \d+ (d|h|min|s)( \d+ (h|min|s))? · requested /);
      assert.equal(node.getTreeItem().contextValue, ContextValue.backtrack);
      assert.equal(node.arn, arnOf('orders-aurora'), 'a backtrack copies its cluster ARN');
      assert.equal(node.id.endsWith(`${arnOf('orders-aurora')}/${node.backtrackId}`), true);
    }
    const icons = new Map(backtracks.map((n) => [n.item.Status, iconId(n)]));
    assert.equal(icons.get('PENDING'), 'loading~spin');
    assert.equal(icons.get('APPLYING'), 'loading~spin');
    assert.equal(icons.get('FAILED'), 'error');
    assert.equal(icons.get('COMPLETED'), 'pass');
    assert.equal(cluster.consoleUrl()?.href, 'https://us-east-1.console.aws.amazon.com/rds/home?region=us-east-1#database:id=orders-aurora;is-cluster=true');
    assert.equal(backtracks[0].consoleUrl()?.href, cluster.consoleUrl()?.href);
  });

  it('Load more passes the returned Marker and appends one page', async () => {
    const cluster = await onlyCluster('analytics-aurora');
    let rows = await expand(p, cluster);
    assert.equal(itemRows(rows).length, 20);
    for (const expected of [40, 45]) {
      const more = lastRow(rows);
      assert.ok(isLoadMore(more));
      const marker = more.list.nextToken;
      assert.ok(marker);
      await emulator().clearRequests();
      rows = await clickLoadMore(p, cluster);
      const requests = await rdsRequests('DescribeDBClusterBacktracks');
      assert.equal(requests.length, 1);
      assert.equal(requests[0].Marker, marker);
      assert.equal(requests[0].DBClusterIdentifier, 'analytics-aurora');
      assert.equal(itemRows(rows).length, expected);
    }
    assert.ok(!isLoadMore(lastRow(rows)));
  });

  it('loads big-backtracks to exactly 2,000 unique rows and no Load more row', async function () {
    this.timeout(300_000);
    await settings().update('pageSize', 100, vscode.ConfigurationTarget.Global);
    try {
      const cluster = await onlyCluster('big-backtracks');
      await emulator().clearRequests();
      const { rows, clicks } = await loadAll(p, cluster);
      const items = itemRows(rows) as BacktrackNode[];
      assert.equal(items.length, 2_000);
      assert.equal(new Set(items.map((n) => n.backtrackId)).size, 2_000);
      assert.equal(new Set(items.map((n) => n.id)).size, 2_000, 'ids are unique');
      assert.ok(!isLoadMore(lastRow(rows)), 'no Load more row at the end');
      assert.equal(clicks, 19);
      const requests = await rdsRequests('DescribeDBClusterBacktracks');
      assert.equal(requests.length, 20);
      assert.ok(requests.every((r) => r.MaxRecords === '100'));
    } finally {
      await settings().update('pageSize', 20, vscode.ConfigurationTarget.Global);
    }
  });

  it('sends statuses and backtrack ids as Filters.Filter.N entries, and the backtrack identifier as BacktrackIdentifier', async () => {
    const all = itemRows(await expand(p, await onlyCluster('orders-aurora'))) as BacktrackNode[];
    const [a, b] = [all[3].backtrackId!, all[7].backtrackId!];

    assert.equal(await setFilters({ statuses: ['failed', 'pending'] }), true);
    let cluster = itemRows(await expand(p))[0] as ClusterNode;
    await emulator().clearRequests();
    let rows = itemRows(await expand(p, cluster)) as BacktrackNode[];
    let [request] = await rdsRequests('DescribeDBClusterBacktracks');
    assert.equal(request['Filters.Filter.1.Name'], 'db-cluster-backtrack-status');
    assert.equal(request['Filters.Filter.1.Values.Value.1'], 'failed');
    assert.equal(request['Filters.Filter.1.Values.Value.2'], 'pending');
    assert.deepEqual(rows.map((n) => n.item.Status).sort(), ['FAILED', 'PENDING']);
    assert.match(p.treeView.description ?? '', /status failed, pending/);

    assert.equal(await setFilters({ statuses: undefined, backtrackIds: [a, b] }), true);
    cluster = itemRows(await expand(p))[0] as ClusterNode;
    await emulator().clearRequests();
    rows = itemRows(await expand(p, cluster)) as BacktrackNode[];
    [request] = await rdsRequests('DescribeDBClusterBacktracks');
    assert.equal(request['Filters.Filter.1.Name'], 'db-cluster-backtrack-id');
    assert.equal(request['Filters.Filter.1.Values.Value.1'], a);
    assert.equal(request['Filters.Filter.1.Values.Value.2'], b);
    assert.equal(request['Filters.Filter.2.Name'], undefined);
    assert.deepEqual(rows.map((n) => n.backtrackId).sort(), [a, b].sort());

    assert.equal(await setFilters({ statuses: ['completed'], backtrackIds: [a] }), true);
    cluster = itemRows(await expand(p))[0] as ClusterNode;
    await emulator().clearRequests();
    await expand(p, cluster);
    [request] = await rdsRequests('DescribeDBClusterBacktracks');
    assert.equal(request['Filters.Filter.1.Name'], 'db-cluster-backtrack-status');
    assert.equal(request['Filters.Filter.2.Name'], 'db-cluster-backtrack-id');
    assert.equal(request['Filters.Filter.2.Values.Value.1'], a);

    assert.equal(await setFilters({ statuses: undefined, backtrackIds: undefined, backtrackId: b }), true);
    cluster = itemRows(await expand(p))[0] as ClusterNode;
    await emulator().clearRequests();
    rows = itemRows(await expand(p, cluster)) as BacktrackNode[];
    [request] = await rdsRequests('DescribeDBClusterBacktracks');
    assert.equal(request.BacktrackIdentifier, b);
    assert.deepEqual(
      rows.map((n) => n.backtrackId),
      [b],
    );
  });

  it('refuses invalid cluster identifiers and sends no request', async () => {
    await expand(p);
    await emulator().clearRequests();
    const tooLong = `a${'b'.repeat(63)}`;
    assert.equal(tooLong.length, 64);
    for (const bad of ['1abc', 'abc-', 'a--b', tooLong]) {
      assert.equal(await setFilters({ cluster: bad }), false, bad);
    }
    for (const bad of [
      { statuses: ['done'] },
      { backtrackIds: ['not-a-uuid'] },
      { backtrackId: 'bt-1' },
      { cluster: 'arn:aws:rds:us-east-1:123456789012:db:x' },
    ]) {
      assert.equal(await setFilters(bad), false, JSON.stringify(bad));
    }
    await expand(p);
    assert.deepEqual(await emulator().requests({ service: 'rds' }), []);
    assert.equal(p.treeView.description, undefined, 'no filter was stored');
  });

  it('accepts a cluster ARN and stores identifiers in lowercase', async () => {
    assert.equal(await setFilters({ cluster: arnOf('orders-aurora') }), true);
    let rows = await expand(p);
    assert.equal((await rdsRequests('DescribeDBClusters'))[0].DBClusterIdentifier, arnOf('orders-aurora'));
    assert.deepEqual(itemRows(rows).map(label), ['orders-aurora']);

    assert.equal(await setFilters({ cluster: 'Analytics-Aurora' }), true);
    assert.equal((await filters()).current.cluster, 'analytics-aurora');
    rows = await expand(p);
    assert.deepEqual(itemRows(rows).map(label), ['analytics-aurora']);
    assert.match(p.treeView.description ?? '', /cluster analytics-aurora/);
  });

  it('explains DBClusterNotFoundFault in an error row', async () => {
    assert.equal(await setFilters({ cluster: 'no-such-cluster' }), true);
    const rows = await expand(p);
    const error = lastRow(rows);
    assert.ok(contextOf(error).startsWith('awsHistory:error'));
    assert.match(label(error!), /DB cluster not found/);
  });

  it('shows an empty row naming the filters when no backtrack matches', async () => {
    assert.equal(await setFilters({ cluster: 'orders-aurora', backtrackIds: ['00000000-0000-4000-8000-000000000000'] }), true);
    const orders = itemRows(await expand(p))[0] as ClusterNode;
    const rows = await expand(p, orders);
    assert.equal(rows.length, 1);
    assert.equal(contextOf(rows[0]), ContextValue.emptyFiltered);
    assert.match(label(rows[0]), /No backtracks match id 00000000…/);
  });

  it('copies the cluster ARN for backtracks and the backtrack identifiers of a selection', async () => {
    const cluster = await onlyCluster('orders-aurora');
    const rows = itemRows(await expand(p, cluster)) as BacktrackNode[];
    await vscode.commands.executeCommand(Command.copyArn, rows[0]);
    assert.equal(await vscode.env.clipboard.readText(), arnOf('orders-aurora'));
    await vscode.commands.executeCommand(Command.copyArn, cluster);
    assert.equal(await vscode.env.clipboard.readText(), arnOf('orders-aurora'));
    await vscode.commands.executeCommand(Command.rdsCopyBacktrackId, rows[1], [rows[1], rows[2], rows[3]]);
    assert.equal(await vscode.env.clipboard.readText(), [rows[1].backtrackId, rows[2].backtrackId, rows[3].backtrackId].join('\n'));
  });

  it('node ids stay the same across a refresh', async () => {
    const first = itemRows(await expand(p)).map((n) => n.id);
    p.refresh();
    const second = itemRows(await expand(p)).map((n) => n.id);
    assert.deepEqual(second, first);
  });

  it('the details panel has the backtrack, its cluster context and a timeline with one arrow per loaded backtrack', async function () {
    this.timeout(60_000);
    const cluster = await onlyCluster('analytics-aurora');
    await expand(p, cluster);
    const rows = itemRows(await clickLoadMore(p, cluster)) as BacktrackNode[];
    assert.equal(rows.length, 40);
    const node = rows.find((n) => n.item.Status === 'FAILED')!;
    await emulator().clearRequests();
    await vscode.commands.executeCommand(Command.showDetails, node);
    const panels = (await api()).feature.panels;
    const key = `${arnOf('analytics-aurora')}/${node.backtrackId}`;
    const panel = await waitFor('the panel', () => panels.get(key));
    const doc = await waitFor('the document', () => panel.lastDocument);
    assert.equal((await rdsRequests('DescribeDBClusterBacktracks')).length, 0, 'opening shows what the tree holds');

    const timeline = doc.blocks.find((b): b is TimelineBlock => b.kind === 'timeline');
    assert.ok(timeline, 'the document has a timeline');
    const arrows = timeline.items.filter((i) => i.shape === 'arrow');
    assert.equal(arrows.length, 40, 'one arrow per loaded backtrack');
    assert.deepEqual(
      arrows.filter((a) => a.highlighted).map((a) => a.id),
      [`backtrack:${node.backtrackId}`],
    );
    assert.ok(timeline.band, 'the backtrack window is a band');
    assert.ok(Math.abs(timeline.band.to - Date.now()) < 120_000, 'the band ends now');
    assert.equal(timeline.band.to - timeline.band.from, 259_200_000);
    assert.deepEqual(
      timeline.items.length,
      backtrackDocument(node.item, cluster.item, cluster.loadedBacktracks).blocks.filter((b): b is TimelineBlock => b.kind === 'timeline')[0].items.length,
    );

    const text = JSON.stringify(doc);
    for (const expected of [
      node.backtrackId!,
      'FAILED',
      'Backtracked to',
      'Backtracked from',
      'Rewound',
      'Requested',
      'Backtrack window (target)',
      '72 h',
      'Earliest backtrack time',
      'Consumed change records',
      'Raw JSON',
    ]) {
      assert.ok(text.includes(expected), `document shows ${expected}`);
    }
    assert.ok(!text.includes('undefined'), 'no "undefined" anywhere');

    await panel.refresh();
    const refreshed = await rdsRequests('DescribeDBClusterBacktracks');
    assert.equal(refreshed.length, 1, 'Refresh describes the backtrack again');
    assert.equal(refreshed[0].BacktrackIdentifier, node.backtrackId);
    await vscode.commands.executeCommand(Command.showDetails, node);
    assert.equal(panels.all().filter((x) => x.key === key).length, 1, 'one panel per backtrack');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
