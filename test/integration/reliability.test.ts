import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command, extensionId } from '../../src/constants';
import { ExecutionDetailSource, historyBlockId } from '../../src/lambda/executionDetails.lazy';
import type { ExecutionNode } from '../../src/lambda/executionNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import type { Block, PanelDocument } from '../../src/shared/protocol';
import { api, emulator, expand, hideViews, isLoadMore, itemRows, label, lastRow, provider, waitFor } from './helpers';
import { setSetting, WindowStubs } from './securityKit';

/*
 * Issue 12: everything belongs to the connection it started with, deadlines everywhere, panels that cost what
 * changed, data the model does not know, the order shown is the order received, expired markers in panels.
 */

function block<K extends Block['kind']>(doc: PanelDocument | undefined, id: string, kind: K): Extract<Block, { kind: K }> {
  const found = doc?.blocks.find((b) => b.id === id);
  assert.ok(found && found.kind === kind, `block ${id} (${kind})`);
  return found as Extract<Block, { kind: K }>;
}

/** The first execution the filters list, and the details panel Show Details opened for it. */
async function openExecution(filters: object): Promise<{ row: ExecutionNode; panel: DetailPanel }> {
  const row = await firstExecution(filters);
  await vscode.commands.executeCommand(Command.showDetails, row);
  const panel = (await api()).feature.panels.get(row.arn!);
  assert.ok(panel, 'a panel is open for the execution');
  return { row, panel };
}

async function firstExecution(filters: object): Promise<ExecutionNode> {
  const p = await provider('lambda');
  assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, filters), true);
  p.refresh();
  const [fn] = itemRows(await expand(p));
  const [row] = itemRows(await expand(p, fn)) as ExecutionNode[];
  assert.ok(row, `an execution matches ${JSON.stringify(filters)}`);
  return row;
}

async function switchBack(): Promise<void> {
  const config = vscode.workspace.getConfiguration('awsHistory');
  await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
  await config.update('region', undefined, vscode.ConfigurationTarget.Global);
  const { session } = (await api()).feature;
  await waitFor('the default connection', () => session.current.profile === 'default' && session.current.region === 'us-east-1');
}

describe('Reliability under change and at size (issue 12)', function () {
  this.timeout(120_000);

  before(async () => {
    await hideViews();
    await setSetting('pageSize', 25);
    await setSetting('lambda.autoRefreshSeconds', 0);
  });

  afterEach(async () => {
    await emulator().clearFaults();
    await (await api()).feature.views.get('lambda').filters.clear();
    await switchBack();
  });

  after(async () => {
    await setSetting('pageSize', undefined);
    await setSetting('lambda.autoRefreshSeconds', undefined);
    await setSetting('requestTimeoutSeconds', undefined);
  });

  it('a profile switch during "Load up to N" sends no request to the old connection afterwards; the new first page is right', async () => {
    const { session } = (await api()).feature;
    const p = await provider('lambda');
    assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'big-function' }), true);
    p.refresh();
    const [fn] = itemRows(await expand(p));
    const more = lastRow(await expand(p, fn));
    assert.ok(isLoadMore(more), 'the execution list has a Load more row');
    await emulator().fault({ operation: 'ListDurableExecutionsByFunction', kind: 'latency', latencyMs: 300, count: -1 });
    await emulator().clearRequests();
    const stubs = new WindowStubs();
    let switchedAt = 0;
    const listener = session.onDidSwitch(() => (switchedAt = Date.now()));
    try {
      const loading = vscode.commands.executeCommand(Command.loadUpTo, more, 5000);
      await waitFor('three pages under way', async () => (await emulator().requests({ operation: 'ListDurableExecutionsByFunction' })).length >= 3);
      await vscode.commands.executeCommand(Command.selectProfile, 'staging');
      assert.ok(switchedAt > 0, 'the switch was signalled at once');
      await loading;
      await waitFor('the staging region', () => session.current.region === 'eu-west-1');
      await (await api()).feature.views.get('lambda').filters.clear();
      const rows = itemRows(await expand(p));
      assert.deepEqual(rows.map(label), ['eu-order-workflow'], 'the new connection lists its own functions');
      const late = (await emulator().requests()).filter((r) => r.region === 'us-east-1' && Date.parse(r.time) > switchedAt);
      assert.deepEqual(
        late.map((r) => `${r.operation} ${r.time}`),
        [],
        'nothing reached the old connection after the switch',
      );
      assert.ok(
        stubs.messages('warning').some((m) => /Stopped loading executions after \d+: the AWS connection changed/.test(m)),
        `a message says the load stopped: ${JSON.stringify(stubs.shown)}`,
      );
      const stale = (await emulator().requests({ operation: 'ListDurableExecutionsByFunction' })).filter((r) => r.region === 'eu-west-1');
      assert.deepEqual(stale, [], 'the old list token never went to the new connection');
    } finally {
      listener.dispose();
      stubs.restore();
    }
  });

  it('a hung credential_process ends in the no-credentials state (with the deadline as the reason) within the deadline', async () => {
    const { setupCheck } = (await api()).feature;
    const original = process.env.AWS_CONFIG_FILE;
    assert.ok(original, 'the harness set AWS_CONFIG_FILE');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahe-hung-'));
    const config = path.join(dir, 'config');
    // A credential source that never answers within the test (an SSO login or a prompt nobody completes).
    fs.writeFileSync(config, `${fs.readFileSync(original, 'utf8')}\n[profile hung]\nregion = us-east-1\ncredential_process = sleep 20\n`);
    process.env.AWS_CONFIG_FILE = config;
    try {
      await setSetting('requestTimeoutSeconds', 2);
      await vscode.commands.executeCommand(Command.selectProfile, 'hung');
      // Ended by the 2 s deadline: had the process ended first (20 s), its empty output would be 'noCredentials'.
      const state = await setupCheck();
      // The views show the welcome content of this state: why (the deadline), what to do, Select Profile.
      assert.equal(state, 'credentialsTimeout');
      const p = await provider('lambda');
      p.refresh();
      assert.deepEqual(await p.getChildren(), [], 'no request, no rows: the welcome content shows');
      const welcome = (
        vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { viewsWelcome: { view: string; when: string; contents: string }[] } }
      ).contributes.viewsWelcome;
      const timedOut = welcome.filter((w) => w.when === 'awsHistory.setup == credentialsTimeout');
      assert.equal(timedOut.length, 3, 'every view has welcome content for it');
      assert.ok(
        timedOut.every(
          (w) => /did not finish within `awsHistory.requestTimeoutSeconds`/.test(w.contents) && w.contents.includes('command:awsHistory.selectProfile'),
        ),
      );
    } finally {
      process.env.AWS_CONFIG_FILE = original;
      await setSetting('requestTimeoutSeconds', undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an open panel survives a switch: it says which connection it shows, its actions and auto refresh are off', async () => {
    await setSetting('lambda.autoRefreshSeconds', 1);
    const { panel } = await openExecution({ function: 'order-workflow', statuses: ['RUNNING'] });
    try {
      const before = await panel.waitForRender();
      assert.deepEqual(
        before.actions.map((a) => a.id),
        ['stop'],
      );
      await vscode.commands.executeCommand(Command.selectProfile, 'staging');
      assert.equal(panel.frozen, true);
      await emulator().clearRequests();
      const shown = panel.displayedDocument;
      assert.deepEqual(shown?.actions, [], 'no Stop with the new identity');
      assert.match(block(shown, 'previousConnection', 'notice').text, /profile default, region us-east-1/);
      assert.equal(block(shown, historyBlockId, 'pager').canLoadMore, false);
      await panel.refresh();
      // Two auto-refresh intervals: a timer of the old connection would have fired by now.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.deepEqual(await emulator().requests({ service: 'lambda' }), [], 'the panel sends nothing after the switch');
      assert.equal(panel.isDisposed, false);
    } finally {
      panel.dispose();
      await setSetting('lambda.autoRefreshSeconds', 0);
    }
  });

  it('a history marker cycle A→B→A stops paging', async () => {
    const { clients } = (await api()).feature;
    const exec = (await firstExecution({ function: 'order-workflow', name: 'huge-history' })).arn!;
    await emulator().fault({ operation: 'GetDurableExecutionHistory', kind: 'markerCycle', count: -1 });
    await emulator().clearRequests();
    const source = new ExecutionDetailSource(clients, exec, 'huge-history', {
      historyPageSize: () => 25,
      autoRefreshMs: () => 0,
      stop: () => Promise.resolve(),
      answerCallback: () => Promise.resolve(),
    });
    const signal = new AbortController().signal;
    let doc = await source.load(signal);
    for (let click = 0; click < 5 && block(doc, historyBlockId, 'pager').canLoadMore; click++) {
      await source.onLoadMore(historyBlockId, false, signal, (d) => (doc = d));
    }
    const pager = block(doc, historyBlockId, 'pager');
    assert.equal(pager.canLoadMore, false);
    assert.match(pager.text, /returned a history marker it had returned before/);
    assert.equal((await emulator().requests({ operation: 'GetDurableExecutionHistory' })).length, 3, 'A, B, then A again: stop');
    assert.equal(block(doc, 'events', 'list').rows.length, 75);
  });

  it('an expired history marker in a panel shows a row that offers to reload', async () => {
    const { panel } = await openExecution({ function: 'order-workflow', name: 'huge-history' });
    try {
      await panel.waitForRender();
      await emulator().fault({ operation: 'GetDurableExecutionHistory', kind: 'expiredMarker' });
      // What the page sends when "Load more" is clicked.
      (panel as unknown as { onMessage(raw: unknown): void }).onMessage({ type: 'loadMore', blockId: historyBlockId });
      const doc = await waitFor('the expired-marker notice', () => panel.lastDocument?.blocks.find((b) => b.id === 'historyExpired') && panel.lastDocument);
      const notice = block(doc, 'historyExpired', 'notice');
      assert.equal(notice.reload, true);
      assert.match(notice.text, /expired/);
      await emulator().clearFaults();
      await panel.refresh();
      const reloaded = await panel.waitForRender();
      assert.ok(!reloaded.blocks.some((b) => b.id === 'historyExpired'), 'Reload starts again');
    } finally {
      panel.dispose();
    }
  });

  it('a history with unknown event types, SubTypes and an invalid timestamp renders every row', async () => {
    const { panel } = await openExecution({ function: 'order-workflow', name: 'model-drift' });
    try {
      const doc = await panel.waitForRender();
      const events = block(doc, 'events', 'list').rows;
      assert.equal(events.length, 12, 'every event is a row');
      const types = events.map((r) => r.cells[2]);
      for (const type of ['ExecutionStarted', 'StepSucceeded', 'FetchStarted', 'FetchSucceeded', 'ContextPaused', 'ExecutionSucceeded']) {
        assert.ok(types.includes(type), type);
      }
      const fetch = events.find((r) => r.cells[2] === 'FetchStarted')!;
      assert.equal(fetch.cells[3], 'download-report');
      assert.match(fetch.detail ?? '', /FetchStarted/, 'the unknown event is shown as it arrived');
      assert.ok(
        events.some((r) => /^invalid date/.test(r.cells[1])),
        'the out-of-range time says so',
      );
      const nodes = JSON.stringify(block(doc, 'operations', 'tree').nodes);
      assert.match(nodes, /"label":"download-report","detail":"Fetch · SUCCEEDED/);
      assert.match(nodes, /last event ContextPaused/);
      const invocations = block(doc, 'invocations', 'table').rows;
      assert.ok(
        invocations.every((r) => r[4] === ''),
        '`Error: {}` is not an error',
      );
    } finally {
      panel.dispose();
    }
  });

  it('checks ReverseOrder against the timestamps, flips it once and says which order is shown', async () => {
    const p = await provider('lambda');
    const listed = async (): Promise<number[]> => {
      p.refresh();
      const [fn] = itemRows(await expand(p));
      return (itemRows(await expand(p, fn)) as ExecutionNode[]).map((r) => r.item.StartTimestamp!.getTime());
    };
    assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'order-workflow' }), true);
    await emulator().fault({ operation: 'ListDurableExecutionsByFunction', kind: 'flipOrder', count: -1 });
    await emulator().clearRequests();
    let times = await listed();
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first although the service reads the flag the other way',
    );
    let calls = await emulator().requests({ operation: 'ListDurableExecutionsByFunction' });
    assert.deepEqual(
      calls.map((c) => c.query.ReverseOrder?.[0]),
      [undefined, 'true'],
      'asked, checked, flipped once',
    );
    assert.match(p.treeView.description ?? '', /showing newest first/);
    await emulator().clearRequests();
    times = await listed();
    calls = await emulator().requests({ operation: 'ListDurableExecutionsByFunction' });
    assert.deepEqual(
      calls.map((c) => c.query.ReverseOrder?.[0]),
      ['true'],
      'remembered for the endpoint',
    );
    // The service goes back to the documented meaning: the next first page flips back, once.
    await emulator().clearFaults();
    await emulator().clearRequests();
    times = await listed();
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    calls = await emulator().requests({ operation: 'ListDurableExecutionsByFunction' });
    assert.deepEqual(
      calls.map((c) => c.query.ReverseOrder?.[0]),
      ['true', undefined],
    );
  });
});
