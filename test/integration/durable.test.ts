import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, ViewId } from '../../src/constants';
import type { Execution } from '../../src/lambda/api';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import type { Block, PanelDocument, TreeBlockNode } from '../../src/shared/protocol';
import { SAMPLE_FUNCTIONS } from '../durable/functions/catalog';
import type { RunnerOperation } from '../emulator/control';
import { api, description, emulator, expand, hideViews, provider, describeDurable, live, sampleInput, waitFor, withConfirmation, confirmYes } from './helpers';

/*
 * The sample durable functions run for real in the emulator (AWS's durable SDK and LocalDurableTestRunner,
 * 60× faster than real time). What the extension shows is compared with the runner's own view of each
 * execution, never with values written here.
 */
const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('awsHistory');

interface ExecutionRow extends TreeNode {
  readonly item: Execution;
  readonly arn: string;
  readonly name: string;
}

function executionRows(rows: readonly TreeNode[]): ExecutionRow[] {
  return rows.filter((r) => (r.getTreeItem().contextValue ?? '').startsWith('awsHistory:lambda:execution')) as ExecutionRow[];
}

/** The row of one execution, through the view's own filter (function and name). */
async function executionRow(p: PagedTreeProvider, functionName: string, name: string): Promise<ExecutionRow> {
  assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: functionName, name }), true);
  const [fn] = await expand(p);
  assert.ok(fn, `the filter shows ${functionName}`);
  const [row] = executionRows(await expand(p, fn));
  assert.ok(row, `${name} is listed`);
  return row;
}

function treeBlock(doc: PanelDocument): Extract<Block, { kind: 'tree' }> {
  const found = doc.blocks.find((b) => b.id === 'operations');
  assert.ok(found?.kind === 'tree', 'the panel has an operations tree');
  return found;
}

function timelineLanes(doc: PanelDocument): Set<string> {
  const found = doc.blocks.find((b) => b.id === 'timeline');
  assert.ok(found?.kind === 'timeline', 'the panel has a timeline');
  return new Set(found.items.map((i) => i.lane).filter((lane) => lane !== 'Invocations'));
}

/** Every node of the tree with the id of the node it is nested in. */
function flatten(nodes: readonly TreeBlockNode[], parent?: string, out = new Map<string, { node: TreeBlockNode; parent: string | undefined }>()) {
  for (const node of nodes) {
    out.set(node.id, { node, parent });
    flatten(node.children, node.id, out);
  }
  return out;
}

/** The panel's operations tree agrees with the runner: names, nesting, statuses, attempts, wait ends, callback ids. */
function assertTreeMatchesRunner(doc: PanelDocument, ops: readonly RunnerOperation[], what: string): void {
  const tree = flatten(treeBlock(doc).nodes);
  // The tree also has the execution itself, which the runner does not count as an operation.
  assert.equal(tree.size, ops.length + 1, `${what}: one tree node per operation and one for the execution`);
  for (const op of ops) {
    const entry = tree.get(`op-${op.id}`);
    assert.ok(entry, `${what}: operation ${op.name ?? op.id} is in the tree`);
    const { node, parent } = entry;
    assert.equal(node.label, op.name ?? op.id, `${what}: name of ${op.id}`);
    assert.equal(parent, op.parentId === undefined ? undefined : `op-${op.parentId}`, `${what}: ${node.label} is nested under its ParentId`);
    const detail = node.detail ?? '';
    assert.ok(detail.split(' · ').includes(op.status ?? ''), `${what}: ${node.label} shows status ${op.status} (${detail})`);
    if ((op.attempt ?? 1) > 1) {
      assert.ok(detail.includes(`${op.attempt} attempts`), `${what}: ${node.label} shows ${op.attempt} attempts (${detail})`);
    } else {
      assert.ok(!detail.includes('attempts'), `${what}: ${node.label} ran once (${detail})`);
    }
    if (op.scheduledEndMs !== undefined) {
      assert.ok(detail.includes(`due ${new Date(op.scheduledEndMs).toISOString()}`), `${what}: ${node.label} shows when the wait ends (${detail})`);
    }
    if (op.callbackId !== undefined) {
      assert.ok(detail.includes(`callback id ${op.callbackId}`), `${what}: ${node.label} shows its callback id`);
    }
  }
  assert.equal(timelineLanes(doc).size, ops.length + 1, `${what}: the timeline has one lane per operation (and the execution)`);
}

async function openPanel(row: ExecutionRow) {
  await vscode.commands.executeCommand(Command.showDetails, row);
  const panel = (await api()).feature.panels.get(row.arn);
  assert.ok(panel, 'a panel is open for the execution');
  return panel;
}

describe('Lambda: real durable functions (AWS durable SDK in the emulator)', function () {
  this.timeout(180_000);
  let p: PagedTreeProvider;
  const run = `${Date.now().toString(36)}`;
  const nameOf = (functionName: string) => `it-${run}-${functionName}`;

  before(async function () {
    this.timeout(180_000);
    p = await provider('lambda');
    await settings().update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    await emulator().clearRequests();
    for (const sample of SAMPLE_FUNCTIONS) {
      await emulator().startDurableExecution(sample.name, nameOf(sample.name), sample.sampleInput);
    }
    // The order waits for its manager's approval; approve it as the approver would.
    const approval = await waitFor('the order approval callback', async () => (await live(nameOf('order-processor')))?.pendingCallbackIds[0], 60_000);
    await emulator().answerCallback(approval, { action: 'succeed', result: '{"approvedBy":"integration"}' });
    // The export is stopped by its operator, through the extension.
    const exportRow = await executionRow(p, 'data-export', nameOf('data-export'));
    assert.equal(await withConfirmation(confirmYes, () => vscode.commands.executeCommand(Command.lambdaStopExecution, exportRow, {})), true);
    for (const sample of SAMPLE_FUNCTIONS) {
      await waitFor(`${sample.name} to finish`, async () => ((await live(nameOf(sample.name)))?.status === 'RUNNING' ? undefined : true), 120_000);
    }
  });

  beforeEach(async () => {
    await hideViews();
    await vscode.commands.executeCommand(Command.clearFilters);
  });

  after(async () => {
    await settings().update('lambda.autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand(Command.clearFilters);
  });

  for (const sample of SAMPLE_FUNCTIONS) {
    it(`opens ${sample.name}: the operations tree and timeline match the runner's own view`, async () => {
      const name = nameOf(sample.name);
      const row = await executionRow(p, sample.name, name);
      const summary = await live(name);
      assert.ok(summary);
      assert.equal(row.item.Status, summary.status, 'the row shows the runner status');
      const panel = await openPanel(row);
      try {
        const doc = await panel.waitForRender();
        assert.equal(doc.status?.text, summary.status);
        assertTreeMatchesRunner(doc, await emulator().durableOperations(row.arn), name);
      } finally {
        panel.dispose();
      }
    });
  }

  it('auto refresh turns a RUNNING execution into SUCCEEDED while the view is visible', async () => {
    const name = `it-${run}-watch`;
    await emulator().startDurableExecution('weekly-report', name, sampleInput('weekly-report'));
    await vscode.commands.executeCommand(`${ViewId.lambda}.focus`);
    await waitFor('the Lambda view to be visible', () => p.treeView.visible);
    const row = await executionRow(p, 'weekly-report', name);
    assert.equal(row.item.Status, 'RUNNING');
    assert.ok(description(row).startsWith('RUNNING'));
    await settings().update('lambda.autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      // Twelve minutes of waits in the report: twelve seconds here.
      await waitFor('the row to turn SUCCEEDED', () => (row.item.Status === 'SUCCEEDED' ? true : undefined), 90_000);
      assert.ok(description(row).startsWith('SUCCEEDED'));
    } finally {
      await settings().update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows a pending approval with its callback id; answered through the emulator, the execution continues', async () => {
    const name = `it-${run}-approve`;
    await emulator().startDurableExecution('order-processor', name, sampleInput('order-processor'));
    const callbackId = await waitFor('the approval callback', async () => (await live(name))?.pendingCallbackIds[0], 60_000);
    const row = await executionRow(p, 'order-processor', name);
    await settings().update('lambda.autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    const panel = await openPanel(row);
    try {
      const waiting = await panel.waitForRender();
      assert.equal(waiting.status?.text, 'RUNNING');
      assertTreeMatchesRunner(waiting, await emulator().durableOperations(row.arn), `${name} (waiting)`);
      const callback = [...flatten(treeBlock(waiting).nodes).values()].find((e) => e.node.detail?.includes(`callback id ${callbackId}`));
      assert.ok(callback, 'the tree shows the pending callback id');
      assert.ok(callback.node.detail?.split(' · ').includes('STARTED'));

      await emulator().answerCallback(callbackId, { action: 'succeed', result: '{"approvedBy":"integration"}' });
      const done = await waitFor(
        'the open panel to show the finished order',
        async () => {
          const doc = await panel.waitForRender();
          return doc.status?.text === 'SUCCEEDED' ? doc : undefined;
        },
        90_000,
        () => describeDurable(name),
      );
      assertTreeMatchesRunner(done, await emulator().durableOperations(row.arn), `${name} (approved)`);
      const labels = [...flatten(treeBlock(done).nodes).values()].map((e) => e.node.label);
      for (const after of ['pick-and-pack', 'ship-items', 'notify-customer', 'charge-payment']) {
        assert.ok(labels.includes(after), `the execution went on to ${after}`);
      }
    } finally {
      panel.dispose();
      await settings().update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    }
  });

  it('never calls GetDurableExecutionState or CheckpointDurableExecution (they need the runtime checkpoint token)', async () => {
    const calls = await emulator().requests({ service: 'lambda' });
    assert.ok(
      calls.some((c) => c.operation === 'GetDurableExecutionHistory'),
      'the suite read histories',
    );
    const forbidden = calls.filter((c) => c.operation === 'GetDurableExecutionState' || /\/(state|checkpoint)$/.test(c.path));
    assert.deepEqual(
      forbidden.map((c) => `${c.method} ${c.path}`),
      [],
    );
  });
});
