import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConfirmationRequest } from '../../src/actions/confirmAction';
import { Command, ContextValue } from '../../src/constants';
import type { Execution } from '../../src/lambda/api';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import type { PanelDocument, TreeBlockNode } from '../../src/shared/protocol';
import type { RequestLogEntry } from '../emulator/request-log';
import { api, emulator, expand, hideViews, provider, describeDurable, live, sampleInput, waitFor, withConfirmation } from './helpers';
import { WindowStubs } from './securityKit';

/*
 * The durable-execution actions against the real sample functions in the emulator: each test checks the exact
 * requests in the emulator's log, that refusals and cancels send nothing, and that rows change in place.
 */
interface ExecutionRow extends TreeNode {
  readonly item: Execution;
  readonly arn: string;
  readonly name: string;
}

const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('awsHistory');
const actionOperations = [
  'SendDurableExecutionCallbackSuccess',
  'SendDurableExecutionCallbackFailure',
  'SendDurableExecutionCallbackHeartbeat',
  'StopDurableExecution',
  'Invoke',
];

/** Delivers `raw` exactly as the page's `postMessage` would reach the host. */
const fromPage = (panel: DetailPanel, raw: unknown): void => (panel as unknown as { onMessage(raw: unknown): void }).onMessage(raw);

async function actionRequests(): Promise<RequestLogEntry[]> {
  return (await emulator().requests({ service: 'lambda' })).filter((r) => actionOperations.includes(r.operation));
}

async function functionRow(p: PagedTreeProvider, functionName: string): Promise<TreeNode> {
  assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: functionName }), true);
  const [fn] = await expand(p);
  assert.ok(fn, `the filter shows ${functionName}`);
  return fn;
}

/** The function's loaded execution rows (newest first). */
async function executionRows(p: PagedTreeProvider, fn: TreeNode): Promise<ExecutionRow[]> {
  return (await expand(p, fn)).filter((r) => (r.getTreeItem().contextValue ?? '').startsWith('awsHistory:lambda:execution')) as ExecutionRow[];
}

function nodes(list: readonly TreeBlockNode[]): TreeBlockNode[] {
  return list.flatMap((n) => [n, ...nodes(n.children)]);
}

function callbackNode(doc: PanelDocument, callbackId: string): TreeBlockNode | undefined {
  const tree = doc.blocks.find((b) => b.kind === 'tree');
  return tree?.kind === 'tree' ? nodes(tree.nodes).find((n) => n.target === callbackId) : undefined;
}

describe('Lambda actions: callbacks, stop, start, run again (issue 14)', function () {
  this.timeout(180_000);
  let p: PagedTreeProvider;
  const run = Date.now().toString(36);
  let confirmations: ConfirmationRequest[] = [];
  const record =
    (answer: boolean) =>
    (request: ConfirmationRequest): Promise<boolean> => {
      confirmations.push(request);
      return Promise.resolve(answer);
    };

  /** A fresh order waiting for its approval, its row loaded, and the callback id. */
  async function waitingOrder(suffix: string): Promise<{ fn: TreeNode; row: ExecutionRow; callbackId: string; name: string }> {
    const name = `act-${run}-${suffix}`;
    await emulator().startDurableExecution('order-processor', name, sampleInput('order-processor'));
    const callbackId = await waitFor('the approval callback', async () => (await live(name))?.pendingCallbackIds[0], 60_000);
    const fn = await functionRow(p, 'order-processor');
    const row = (await executionRows(p, fn)).find((r) => r.name === name);
    assert.ok(row, `${name} is listed`);
    return { fn, row, callbackId, name };
  }

  async function openPanel(row: ExecutionRow): Promise<DetailPanel> {
    await vscode.commands.executeCommand(Command.showDetails, row);
    const panel = (await api()).feature.panels.get(row.arn);
    assert.ok(panel, 'a panel is open for the execution');
    return panel;
  }

  before(async () => {
    p = await provider('lambda');
    await settings().update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    confirmations = [];
    await hideViews();
    await emulator().clearRequests();
  });

  after(async () => {
    await settings().update('lambda.autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand(Command.clearFilters);
  });

  it("answers a pending callback from the panel's operations tree: JSON edited in an editor, one confirmation, one request; the execution goes on to SUCCEEDED", async () => {
    const { fn, row, callbackId, name } = await waitingOrder('approve');
    const others = (await executionRows(p, fn)).filter((r) => r.arn !== row.arn);
    const otherItems = others.map((r) => r.item);
    const panel = await openPanel(row);
    // The editor's draft is replaced by the approver's answer before Send is chosen.
    const stubs = new WindowStubs((shown, items) => {
      if (shown.kind !== 'information' || !items.includes('Send')) {
        return undefined;
      }
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.languageId, 'json', 'the result is edited in a JSON editor');
      return editor?.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), '{"approvedBy":"integration"}')).then(() => 'Send');
    });
    try {
      const waiting = await panel.waitForRender();
      assert.deepEqual(waiting.targetActions, ['callbackSuccess', 'callbackFailure', 'callbackHeartbeat']);
      assert.ok(
        callbackNode(waiting, callbackId)?.actions?.some((a) => a.id === 'callbackSuccess'),
        'the pending callback offers Send Success',
      );
      assert.equal(row.getTreeItem().contextValue, ContextValue.executionCallback, 'the row learned its one pending callback');

      const { hooks } = await api();
      hooks.answerConfirmation = record(true);
      try {
        fromPage(panel, { type: 'action', actionId: 'callbackSuccess', target: callbackId });
        await waitFor('the callback request', async () => ((await actionRequests()).length > 0 ? true : undefined), 30_000);
      } finally {
        hooks.answerConfirmation = undefined;
      }
      const sent = await actionRequests();
      assert.deepEqual(
        sent.map((r) => r.operation),
        ['SendDurableExecutionCallbackSuccess'],
      );
      assert.equal(sent[0].pathParams?.['CallbackId'], callbackId);
      assert.deepEqual(sent[0].params, { approvedBy: 'integration' });
      assert.equal(confirmations.length, 1);
      const [asked] = confirmations;
      assert.equal(asked.accountId, '123456789012');
      assert.equal(asked.connection.region, 'us-east-1');
      assert.ok(asked.resources.includes(row.arn), 'the confirmation names the execution');
      assert.match(
        asked.cliText,
        /^aws lambda send-durable-execution-callback-success --callback-id \S+ --result '\{"approvedBy":"integration"\}' --cli-binary-format raw-in-base64-out --region us-east-1/,
      );

      const done = await waitFor(
        'the panel to follow the execution to SUCCEEDED',
        async () => {
          await panel.refresh();
          const doc = await panel.waitForRender();
          return doc.status?.text === 'SUCCEEDED' ? doc : undefined;
        },
        90_000,
        () => describeDurable(name),
      );
      assert.equal(done.targetActions, undefined, 'nothing left to answer');
      assert.equal((await live(name))?.status, 'SUCCEEDED');
      assert.equal(row.item.Status, 'SUCCEEDED', 'the row changed in place');
      assert.deepEqual(
        others.map((r) => r.item),
        otherItems,
        'the other rows stayed as they were',
      );
      assert.deepEqual(stubs.messages('error'), []);
    } finally {
      stubs.restore();
      panel.dispose();
    }
  });

  it('sends nothing when cancelled or refused: the editor, the confirmation, invalid input, an unknown callback', async () => {
    const { row, callbackId, name } = await waitingOrder('cancel');
    const panel = await openPanel(row);
    const stubs = new WindowStubs();
    try {
      await panel.waitForRender();
      // The editor's notification dismissed: no confirmation, no request.
      await withConfirmation(record(true), async () => {
        fromPage(panel, { type: 'action', actionId: 'callbackSuccess', target: callbackId });
        await waitFor('the editor prompt', () => (stubs.messages('information').length > 0 ? true : undefined));
        await panel.waitForRender();
      });
      assert.equal(confirmations.length, 0);
      // A callback the execution does not wait on, and an action the document did not offer.
      fromPage(panel, { type: 'action', actionId: 'callbackHeartbeat', target: 'Tm90UGVuZGluZw==' });
      fromPage(panel, { type: 'action', actionId: 'delete', target: callbackId });
      // The confirmation declined, for each command.
      assert.equal(await withConfirmation(record(false), () => vscode.commands.executeCommand(Command.lambdaSendCallbackHeartbeat, row)), false);
      assert.equal(
        await withConfirmation(record(false), () => vscode.commands.executeCommand(Command.lambdaSendCallbackSuccess, row, { result: '{"ok":true}' })),
        false,
      );
      assert.equal(
        await withConfirmation(record(false), () => vscode.commands.executeCommand(Command.lambdaSendCallbackFailure, row, { errorType: 'Rejected' })),
        false,
      );
      assert.equal(
        await withConfirmation(record(false), () => vscode.commands.executeCommand(Command.lambdaStopExecution, row, { errorType: 'Maintenance' })),
        false,
      );
      assert.equal(confirmations.length, 4);
      assert.equal(confirmations[3].typeToConfirm, name, 'Stop asks for the execution name');
      // Invalid input never reaches the confirmation.
      confirmations = [];
      await withConfirmation(record(true), async () => {
        assert.equal(await vscode.commands.executeCommand(Command.lambdaSendCallbackSuccess, row, { result: '{not json' }), false);
        assert.equal(await vscode.commands.executeCommand(Command.lambdaSendCallbackSuccess, row, { result: JSON.stringify('x'.repeat(262_144)) }), false);
        assert.equal(await vscode.commands.executeCommand(Command.lambdaSendCallbackHeartbeat, { callbackId: 'not a callback id' }), false);
        assert.equal(
          await vscode.commands.executeCommand(Command.lambdaSendCallbackHeartbeat, { callbackId, extra: 1 }),
          undefined,
          'unknown keys are refused',
        );
        assert.equal(await vscode.commands.executeCommand(Command.lambdaStopExecution, row, { errorMessage: 'm'.repeat(300_000) }), false);
      });
      assert.equal(confirmations.length, 0, 'no confirmation for refused input');
      assert.deepEqual(await actionRequests(), [], 'nothing was sent');
      assert.deepEqual((await live(name))?.pendingCallbackIds, [callbackId], 'the callback still waits');
    } finally {
      stubs.restore();
      panel.dispose();
      await emulator().answerCallback(callbackId, { action: 'fail', error: { ErrorType: 'TestCleanup' } });
    }
  });

  it('the row answers its one pending callback: heartbeat, then failure with type and message; the order fails and its row turns FAILED', async () => {
    const { row, callbackId, name } = await waitingOrder('reject');
    const panel = await openPanel(row);
    await panel.waitForRender();
    panel.dispose();
    assert.equal(row.getTreeItem().contextValue, ContextValue.executionCallback);
    assert.equal(await withConfirmation(record(true), () => vscode.commands.executeCommand(Command.lambdaSendCallbackHeartbeat, row)), true);
    assert.equal(
      await withConfirmation(record(true), () =>
        vscode.commands.executeCommand(Command.lambdaSendCallbackFailure, row, { errorType: 'Rejected', errorMessage: 'over budget' }),
      ),
      true,
    );
    const sent = await actionRequests();
    assert.deepEqual(
      sent.map((r) => [r.operation, r.pathParams?.['CallbackId']]),
      [
        ['SendDurableExecutionCallbackHeartbeat', callbackId],
        ['SendDurableExecutionCallbackFailure', callbackId],
      ],
    );
    assert.deepEqual(sent[1].params, { ErrorType: 'Rejected', ErrorMessage: 'over budget' });
    assert.match(
      confirmations[1].cliText,
      /send-durable-execution-callback-failure --callback-id \S+ --error '\{"ErrorType":"Rejected","ErrorMessage":"over budget"\}'/,
    );
    await waitFor('the order to fail', async () => ((await live(name))?.status === 'FAILED' ? true : undefined), 60_000);
    await waitFor(
      'the row to turn FAILED',
      async () => {
        await vscode.commands.executeCommand(Command.lambdaFilter, { function: 'order-processor' });
        const fn = (await expand(p))[0];
        const fresh = fn && (await executionRows(p, fn)).find((r) => r.name === name);
        return fresh?.item.Status === 'FAILED' ? true : undefined;
      },
      30_000,
    );
  });

  it('stops with a reason (typed name confirmed): StopDurableExecution carries the error; the row turns STOPPED in place', async () => {
    const name = `act-${run}-stop`;
    await emulator().startDurableExecution('data-export', name, sampleInput('data-export'));
    const fn = await functionRow(p, 'data-export');
    const row = (await executionRows(p, fn)).find((r) => r.name === name);
    assert.ok(row);
    await emulator().clearRequests();
    assert.equal(
      await withConfirmation(record(true), () =>
        vscode.commands.executeCommand(Command.lambdaStopExecution, row, { errorType: 'Maintenance', errorMessage: 'window, 2 hours' }),
      ),
      true,
    );
    const sent = await actionRequests();
    assert.deepEqual(
      sent.map((r) => r.operation),
      ['StopDurableExecution'],
    );
    assert.deepEqual(sent[0].params, { ErrorType: 'Maintenance', ErrorMessage: 'window, 2 hours' });
    assert.equal(confirmations[0].typeToConfirm, name);
    assert.match(
      confirmations[0].cliText,
      /^aws lambda stop-durable-execution --durable-execution-arn '[^']+' --error '\{"ErrorType":"Maintenance","ErrorMessage":"window, 2 hours"\}'/,
    );
    assert.equal(row.item.Status, 'STOPPED', 'the row changed in place');
  });

  it('starts an execution (name, qualifier, input): one asynchronous Invoke, the list shows it, its panel opens; Run Again reuses its input', async () => {
    const fn = await functionRow(p, 'weekly-report');
    await executionRows(p, fn);
    const name = `act-${run}-start`;
    const input = JSON.stringify(sampleInput('weekly-report'));
    // Refusals first: nothing reaches Invoke or the confirmation.
    await withConfirmation(record(true), async () => {
      assert.equal(await vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name: 'bad name!', qualifier: '$LATEST', input }), false);
      assert.equal(await vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name, qualifier: 'no/slash', input }), false);
      assert.equal(await vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name, qualifier: '$LATEST', input: '{' }), false);
      assert.equal(await vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name, qualifier: '$LATEST', input, payload: 1 }), undefined);
    });
    assert.equal(
      await withConfirmation(record(false), () => vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name, qualifier: '$LATEST', input })),
      false,
    );
    assert.deepEqual(await actionRequests(), [], 'refused or cancelled: no Invoke');
    assert.equal(confirmations.length, 1);

    assert.equal(
      await withConfirmation(record(true), () => vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name, qualifier: '$LATEST', input })),
      true,
    );
    const [invoke, ...rest] = await actionRequests();
    assert.deepEqual(rest, []);
    assert.equal(invoke.operation, 'Invoke');
    assert.equal(invoke.pathParams?.['FunctionName'], 'weekly-report');
    assert.deepEqual(invoke.query['Qualifier'], ['$LATEST']);
    assert.deepEqual(invoke.headerParams, { 'x-amz-invocation-type': 'Event', 'x-amz-durable-execution-name': name });
    assert.deepEqual(invoke.params, JSON.parse(input));
    assert.match(
      confirmations[1].cliText,
      /^aws lambda invoke --function-name weekly-report --qualifier '\$LATEST' --durable-execution-name \S+ --invocation-type Event --cli-binary-format raw-in-base64-out --payload '.*' response\.json --region us-east-1/,
    );
    const started = await live(name);
    assert.ok(started);
    const rows = await waitFor('the new execution in the list', async () => {
      const all = await executionRows(p, fn);
      return all.some((r) => r.name === name) ? all : undefined;
    });
    assert.equal(rows[0].name, name, 'newest first: the new execution is on top');
    const panel = (await api()).feature.panels.get(started.arn);
    assert.ok(panel, 'its panel opened');
    panel.dispose();

    // The name is the idempotency key: a used name is refused before Invoke.
    await emulator().clearRequests();
    assert.equal(
      await withConfirmation(record(true), () => vscode.commands.executeCommand(Command.lambdaStartExecution, fn, { name, qualifier: '$LATEST', input })),
      false,
    );
    assert.deepEqual(await actionRequests(), []);

    const row = rows[0];
    const again = `${name}-again`;
    assert.equal(await withConfirmation(record(true), () => vscode.commands.executeCommand(Command.lambdaRerunExecution, row, { name: again })), true);
    const [rerun] = await actionRequests();
    assert.equal(rerun.operation, 'Invoke');
    assert.equal(rerun.headerParams?.['x-amz-durable-execution-name'], again);
    assert.deepEqual(rerun.params, JSON.parse(input), 'the same input as the execution it reran');
    const rerunPanel = await waitFor('the rerun panel', async () => {
      const arn = (await live(again))?.arn;
      return arn ? (await api()).feature.panels.get(arn) : undefined;
    });
    rerunPanel.dispose();
  });

  it('an AWS error (access denied) is a clear message naming the IAM action; loaded rows stay', async () => {
    const { fn, row, callbackId } = await waitingOrder('denied');
    const before = (await executionRows(p, fn)).map((r) => r.arn);
    await emulator().fault({ operation: 'SendDurableExecutionCallbackHeartbeat', kind: 'accessDenied' });
    const stubs = new WindowStubs();
    try {
      await withConfirmation(record(true), () => vscode.commands.executeCommand(Command.lambdaSendCallbackHeartbeat, { callbackId, executionArn: row.arn }));
      await waitFor('the error message', () => (stubs.messages('error').length > 0 ? true : undefined));
      assert.match(stubs.messages('error')[0], /lambda:SendDurableExecutionCallbackHeartbeat/);
      assert.deepEqual(
        (await executionRows(p, fn)).map((r) => r.arn),
        before,
        'nothing loaded was lost',
      );
    } finally {
      stubs.restore();
      await emulator().clearFaults();
      await emulator().answerCallback(callbackId, { action: 'fail', error: { ErrorType: 'TestCleanup' } });
    }
  });
});
