import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConfirmationRequest } from '../../src/actions/confirmAction';
import { Command, ContextValue, ViewId } from '../../src/constants';
import type { DBClusterBacktrack } from '../../src/rds/api';
import type { BacktrackNode } from '../../src/rds/backtrackNode';
import type { ClusterNode } from '../../src/rds/clusterNode';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import type { TimelineBlock } from '../../src/shared/protocol';
import { api, description, emulator, expand, hideViews, itemRows, loadAll, provider, waitFor } from './helpers';
import { WindowStubs } from './securityKit';

const settings = () => vscode.workspace.getConfiguration('awsHistory');
const arnOf = (id: string): string => `arn:aws:rds:us-east-1:123456789012:cluster:${id}`;
const contextOf = (node: TreeNode | undefined): string => node?.getTreeItem().contextValue ?? '';
const isBacktrack = (node: TreeNode | undefined): node is BacktrackNode => contextOf(node) === (ContextValue.backtrack as string);
const utc = (date: Date): string => date.toISOString().replace('.000Z', 'Z');
/** Whole seconds, as a person types a time (and as the CLI text shows it). */
const minutesAgo = (minutes: number): Date => new Date(Math.floor((Date.now() - minutes * 60_000) / 1000) * 1000);

/** The same row objects in the same order (rows hold their tree, so they are compared by identity). */
function assertSameRows(actual: readonly TreeNode[], expected: readonly TreeNode[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, i) => assert.equal(row, expected[i]));
}

type PanelInternals = { onMessage(raw: unknown): void };
const fromPage = (panel: DetailPanel, raw: unknown): void => (panel as unknown as PanelInternals).onMessage(raw);

async function rdsRequests(operation?: string): Promise<Record<string, string>[]> {
  const log = await emulator().requests({ service: 'rds', ...(operation ? { operation } : {}) });
  return log.map((r) => ({ ...(r.params as Record<string, string>), Action: r.operation }));
}

describe('Aurora: Backtrack Cluster…', () => {
  let p: PagedTreeProvider;
  const asked: ConfirmationRequest[] = [];
  let stubs: WindowStubs;

  /** Every confirmation is answered by `answer` and recorded. */
  async function answerWith(answer: boolean): Promise<void> {
    (await api()).hooks.answerConfirmation = (request) => {
      asked.push(request);
      return Promise.resolve(answer);
    };
  }

  /** The root loaded whole, and the backtracks of the named clusters loaded (first page). */
  async function loadClusters(...ids: string[]): Promise<ClusterNode[]> {
    const { rows } = await loadAll(p);
    const clusters = itemRows(rows) as ClusterNode[];
    const chosen = ids.map((id) => clusters.find((c) => c.identifier === id));
    for (const cluster of chosen) {
      assert.ok(cluster);
      await expand(p, cluster);
    }
    return chosen as ClusterNode[];
  }

  async function backtrackRows(cluster: ClusterNode): Promise<BacktrackNode[]> {
    return (await expand(p, cluster)).filter(isBacktrack);
  }

  before(async () => {
    p = await provider('rds');
    await settings().update('pageSize', 20, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    await hideViews();
    await (await api()).feature.views.get('rds').filters.clear();
    await emulator().reset();
    p.refresh();
    asked.length = 0;
    // Answers every QuickPick the flow shows with `pick` (default: cancelled) and records the messages.
    stubs = new WindowStubs();
  });

  afterEach(async () => {
    stubs.restore();
    (await api()).hooks.answerConfirmation = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await hideViews();
  });

  it('sends exactly the confirmed BacktrackDBCluster; the new backtrack goes first in place and advances to COMPLETED by itself', async function () {
    this.timeout(90_000);
    const [orders, analytics] = await loadClusters('orders-aurora', 'analytics-aurora');
    const ordersBefore = await backtrackRows(orders);
    const analyticsBefore = await backtrackRows(analytics);
    await emulator().clearRequests();
    await answerWith(true);

    const time = minutesAgo(10);
    const created = await vscode.commands.executeCommand<DBClusterBacktrack | undefined>(Command.rdsBacktrackCluster, {
      cluster: 'orders-aurora',
      backtrackTo: time.toISOString(),
      force: true,
    });
    assert.ok(created?.BacktrackIdentifier);
    assert.equal(created.Status, 'PENDING');

    const requests = await rdsRequests();
    assert.deepEqual(
      requests.map((r) => r.Action),
      ['BacktrackDBCluster'],
      'one request, nothing reloaded',
    );
    const sent = requests[0];
    assert.equal(sent.DBClusterIdentifier, 'orders-aurora');
    assert.equal(Date.parse(sent.BacktrackTo), time.getTime());
    assert.equal(sent.Force, 'true');
    assert.equal(sent.UseEarliestTimeOnPointInTimeUnavailable, undefined, 'an option not chosen is not sent');

    assert.equal(asked.length, 1);
    const request = asked[0];
    assert.equal(request.typeToConfirm, 'orders-aurora', 'the cluster identifier must be typed');
    assert.equal(request.accountId, '123456789012');
    assert.deepEqual(request.resources, ['orders-aurora']);
    assert.match(request.title, /orders-aurora/);
    assert.match(request.details.join('\n'), /after that time is lost/);
    assert.match(
      request.cliText,
      new RegExp(`^aws rds backtrack-db-cluster --db-cluster-identifier orders-aurora --backtrack-to ${utc(time)} --force --region us-east-1( |$)`),
    );

    const after = await backtrackRows(orders);
    assert.equal(after.length, ordersBefore.length + 1);
    assert.equal(after[0].backtrackId, created.BacktrackIdentifier, 'the new backtrack is first');
    assert.match(description(after[0]), /PENDING/);
    after.slice(1).forEach((row, i) => assert.equal(row, ordersBefore[i], 'the other rows are the same rows'));
    const analyticsAfter = await backtrackRows(analytics);
    assert.equal(analyticsAfter.length, analyticsBefore.length);
    analyticsAfter.forEach((row, i) => assert.equal(row, analyticsBefore[i], "another cluster's list is untouched"));

    // Followed while the view is visible: DescribeDBClusterBacktracks for that identifier, until final.
    await vscode.commands.executeCommand(`${ViewId.rds}.focus`);
    const newRow = after[0];
    await waitFor('the new backtrack to complete', () => (newRow.item.Status === 'COMPLETED' ? true : undefined), 60_000);
    assert.equal((await backtrackRows(orders))[0], newRow, 'updated in place');
    const polls = await rdsRequests('DescribeDBClusterBacktracks');
    assert.ok(polls.length >= 2, 'pending → applying → completed took describes');
    for (const poll of polls.filter((r) => r.BacktrackIdentifier !== undefined)) {
      assert.equal(poll.BacktrackIdentifier, created.BacktrackIdentifier);
      assert.equal(poll.DBClusterIdentifier, 'orders-aurora');
    }
    assert.equal((await rdsRequests('BacktrackDBCluster')).length, 1);
  });

  it('cancelling the confirmation sends nothing and changes no row', async () => {
    const [orders] = await loadClusters('orders-aurora');
    const before = await backtrackRows(orders);
    await emulator().clearRequests();
    await answerWith(false);
    const result = await vscode.commands.executeCommand(Command.rdsBacktrackCluster, { cluster: 'orders-aurora', backtrackTo: minutesAgo(5).toISOString() });
    assert.equal(result, undefined);
    assert.equal(asked.length, 1, 'the confirmation was shown');
    assert.deepEqual(await rdsRequests(), [], 'no RDS request');
    assertSameRows(await backtrackRows(orders), before);
  });

  it('refuses invalid input before any request and before the confirmation', async () => {
    await loadClusters('orders-aurora');
    await answerWith(true);
    const earliest = (await loadClusters('orders-aurora'))[0].item.EarliestBacktrackTime!;
    const cases: unknown[] = [
      { cluster: 'orders-aurora', backtrackTo: new Date(Date.now() + 3_600_000).toISOString() },
      { cluster: 'orders-aurora', backtrackTo: new Date(earliest.getTime() - 60_000).toISOString() },
      { cluster: 'orders-aurora', backtrackTo: 'yesterday' },
      { cluster: 'orders-aurora' },
      { cluster: 'bad--id', backtrackTo: minutesAgo(5).toISOString() },
      { cluster: 'not-loaded-cluster', backtrackTo: minutesAgo(5).toISOString() },
      { cluster: 'legacy-no-backtrack', backtrackTo: minutesAgo(5).toISOString() },
      { cluster: 'pg-reporting', backtrackTo: minutesAgo(5).toISOString() },
      { cluster: 'orders-aurora', backtrackTo: minutesAgo(5).toISOString(), force: 'yes' },
      { cluster: 'orders-aurora', backtrackTo: minutesAgo(5).toISOString(), extra: 1 },
      'orders-aurora',
      42,
    ];
    await emulator().clearRequests();
    for (const arg of cases) {
      const shownBefore = stubs.shown.length;
      await vscode.commands.executeCommand(Command.rdsBacktrackCluster, arg);
      assert.ok(stubs.shown.length > shownBefore, `a message says why ${JSON.stringify(arg)} was refused`);
    }
    assert.equal(asked.length, 0, 'no confirmation was asked');
    assert.deepEqual(await rdsRequests(), [], 'no request');
    assert.match(stubs.messages().join('\n'), /in the future/);
    assert.match(stubs.messages().join('\n'), /before the earliest backtrack time/);
    assert.match(stubs.messages().join('\n'), /cannot be backtracked: backtrack not enabled/);
  });

  it('an AWS error becomes a message naming rds:BacktrackDBCluster; the loaded rows stay', async () => {
    const [orders] = await loadClusters('orders-aurora');
    const before = await backtrackRows(orders);
    await emulator().fault({ operation: 'BacktrackDBCluster', kind: 'accessDenied' });
    await answerWith(true);
    await vscode.commands.executeCommand(Command.rdsBacktrackCluster, { cluster: 'orders-aurora', backtrackTo: minutesAgo(5).toISOString() });
    await waitFor('the error message', () => (stubs.messages('error').length > 0 ? true : undefined));
    assert.match(stubs.messages('error').join('\n'), /rds:BacktrackDBCluster/);
    assertSameRows(await backtrackRows(orders), before);
  });

  it('"Backtrack to Before This…" offers the second before that backtrack started, and sends it', async () => {
    const [orders] = await loadClusters('orders-aurora');
    const row = (await backtrackRows(orders))[0];
    const expected = row.item.BacktrackedFrom!.getTime() - 1000;
    await emulator().clearRequests();
    await answerWith(true);
    const pickTitles: string[] = [];
    stubs.replace('showQuickPick', (items: readonly (vscode.QuickPickItem & { time?: Date })[], options: vscode.QuickPickOptions) => {
      pickTitles.push(options.title ?? '');
      // The time picker lists "Enter a time…" then the prefill; the options picker is answered with none.
      return Promise.resolve(options.canPickMany ? [] : items.find((i) => i.time?.getTime() === expected));
    });
    const created = await vscode.commands.executeCommand<DBClusterBacktrack | undefined>(Command.rdsBacktrackBefore, row);
    assert.ok(created);
    assert.equal(pickTitles.length, 2, 'a time, then the options');
    const sent = await rdsRequests('BacktrackDBCluster');
    assert.equal(sent.length, 1);
    assert.equal(Date.parse(sent[0].BacktrackTo), expected);
    assert.equal(sent[0].Force, undefined);
  });

  it("a time chosen on the panel's timeline opens the confirmation with that time; outside the window or cancelled, nothing is sent", async function () {
    this.timeout(60_000);
    const [orders] = await loadClusters('orders-aurora');
    const row = (await backtrackRows(orders)).find((r) => r.item.Status === 'COMPLETED')!;
    await vscode.commands.executeCommand(Command.showDetails, row);
    const panels = (await api()).feature.panels;
    const panel = await waitFor('the panel', () => panels.get(`${arnOf('orders-aurora')}/${row.backtrackId}`));
    const doc = await waitFor('the document', () => panel.lastDocument);
    const timeline = doc.blocks.find((b): b is TimelineBlock => b.kind === 'timeline');
    assert.ok(timeline?.pick, 'the timeline offers a time to choose');
    assert.deepEqual(doc.targetActions, [timeline.pick.actionId]);
    assert.equal(timeline.pick.from, orders.item.EarliestBacktrackTime?.getTime(), 'from the earliest backtrack time');
    stubs.replace('showQuickPick', (_items: unknown, options: vscode.QuickPickOptions) => Promise.resolve(options.canPickMany ? [] : undefined));

    /** One action at a time, as the panel runs them: sent, then waited for until the panel reloaded after it. */
    const act = async (target: string): Promise<void> => {
      const before = panel.lastDocument;
      fromPage(panel, { type: 'action', actionId: timeline.pick!.actionId, target });
      await waitFor('the panel to reload after the action', () => (panel.lastDocument !== before ? true : undefined));
    };

    // Outside the window, or not a time: refused on the host, no confirmation, no request.
    await emulator().clearRequests();
    await answerWith(true);
    await act(new Date(timeline.pick.from - 60_000).toISOString());
    await act('not a time');
    assert.match(stubs.messages('warning').join('\n'), /before the earliest backtrack time[\s\S]*not a time/);
    assert.equal(asked.length, 0);

    // Cancelled: nothing at all is sent, not even a reload of the panel's data.
    await answerWith(false);
    await act(minutesAgo(20).toISOString());
    assert.equal(asked.length, 1, 'the confirmation was shown');
    assert.deepEqual(await rdsRequests(), []);

    // Confirmed: exactly that time is sent, and the panel's timeline draws the new backtrack.
    await answerWith(true);
    const time = minutesAgo(15);
    await act(time.toISOString());
    const sent = await rdsRequests('BacktrackDBCluster');
    assert.equal(sent.length, 1);
    assert.equal(sent[0].DBClusterIdentifier, 'orders-aurora');
    assert.equal(Date.parse(sent[0].BacktrackTo), time.getTime());
    assert.equal(asked.at(-1)?.typeToConfirm, 'orders-aurora');
    const newId = await waitFor(
      'the new row',
      async () => (await backtrackRows(orders)).find((r) => r.item.BacktrackTo?.getTime() === time.getTime())?.backtrackId,
    );
    await waitFor('the arrow of the new backtrack', () =>
      panel.lastDocument?.blocks.some((b) => b.kind === 'timeline' && b.items.some((i) => i.id === `backtrack:${newId}`)) ? true : undefined,
    );
    assert.deepEqual(
      (await rdsRequests()).filter((r) => r.Action !== 'DescribeDBClusterBacktracks').map((r) => r.Action),
      ['BacktrackDBCluster'],
    );
  });
});
