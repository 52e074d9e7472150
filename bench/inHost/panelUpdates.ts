// What a details panel posts to its page (issue 12): the bytes posted while "Load all" reads a 10,000-event
// history, compared with the final document; and one auto-refresh tick of a RUNNING execution with 10,000
// events loaded: requests sent and kilobytes posted.
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import { historyBlockId } from '../../src/lambda/executionDetails.lazy';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import type { PanelUpdatesSample } from '../protocol';
import { emulator, itemRows } from './host';

const waitMs = 120_000;

export const panelUpdatesMethod =
  'DetailPanel.onDidPost: JSON.stringify length of every message handed to the page. Load all: from the "loadAll" page message ' +
  'to the last progress document of huge-history (10,000 events), ÷ JSON.stringify length of the final document as shown. ' +
  'Auto refresh: running-history (RUNNING, 10,000 events loaded by Load all), awsHistory.lambda.autoRefreshSeconds = 1, ' +
  'the first tick after the load: emulator requests logged and bytes posted until its patch';

async function openPanel(api: TestApi, name: string): Promise<DetailPanel> {
  const provider = api.feature.views.get('lambda').provider;
  await vscode.commands.executeCommand(Command.lambdaFilter, { function: 'order-workflow', name });
  const [fn] = itemRows(await provider.getChildren());
  const row = fn && itemRows(await provider.getChildren(fn)).find((r) => (r as TreeNode & { name?: string }).name === name);
  if (!row) {
    throw new Error(`${name} is not listed under order-workflow`);
  }
  await vscode.commands.executeCommand(Command.showDetails, row);
  const panel = api.feature.panels.all().find((p) => p.lastDocument?.title === name) ?? api.feature.panels.all().at(-1);
  if (!panel) {
    throw new Error('Show Details opened no panel');
  }
  await panel.waitForRender(waitMs);
  return panel;
}

/** Posts the page's "Load all" and resolves once every event is loaded. */
async function loadAll(panel: DetailPanel): Promise<void> {
  (panel as unknown as { onMessage(raw: unknown): void }).onMessage({ type: 'loadAll', blockId: historyBlockId });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pager = panel.lastDocument?.blocks.find((b) => b.id === historyBlockId);
    if (pager?.kind === 'pager' && !pager.loading && !pager.canLoadMore) {
      await panel.waitForRender(waitMs);
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Load all did not finish: ${pager?.kind === 'pager' ? pager.text : 'no pager'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const bytesOf = (value: unknown): number => JSON.stringify(value).length;

export async function measurePanelUpdates(api: TestApi): Promise<PanelUpdatesSample> {
  const settings = vscode.workspace.getConfiguration('awsHistory');
  await settings.update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  const huge = await openPanel(api, 'huge-history');
  let loadAllBytes = 0;
  let finalBytes = 0;
  try {
    const posted = huge.onDidPost((message) => (loadAllBytes += bytesOf(message)));
    try {
      await loadAll(huge);
    } finally {
      posted.dispose();
    }
    finalBytes = bytesOf(huge.displayedDocument);
  } finally {
    huge.dispose();
  }

  // The timer is armed when "Load all" ends, with the setting read then.
  await settings.update('lambda.autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
  const running = await openPanel(api, 'running-history');
  try {
    await loadAll(running);
    await emulator().clearRequests();
    let tickBytes = 0;
    const tickMessages: string[] = [];
    const patched = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no auto-refresh patch within 30 s')), 30_000);
      const posted = running.onDidPost((message) => {
        tickBytes += bytesOf(message);
        tickMessages.push(`${message.type} ${bytesOf(message)}`);
        if (message.type === 'patch' || message.type === 'render') {
          clearTimeout(timer);
          posted.dispose();
          resolve();
        }
      });
    });
    await patched;
    await settings.update('lambda.autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
    const logged = await emulator().requests({ service: 'lambda' });
    const requests = logged.length;
    const events = running.lastDocument?.blocks.find((b) => b.id === 'events');
    return {
      method: panelUpdatesMethod,
      loadAllPostedBytes: loadAllBytes,
      finalDocumentBytes: finalBytes,
      loadAllBytesRatio: loadAllBytes / finalBytes,
      runningEvents: events?.kind === 'list' ? events.rows.length : 0,
      refreshRequests: requests,
      refreshPostedBytes: tickBytes,
      refreshRequestLog: logged.map(
        (r) =>
          `${r.operation}?${Object.entries(r.query)
            .map(([k, v]) => `${k}=${v.join(',')}`)
            .join('&')}`,
      ),
      refreshMessages: tickMessages,
    };
  } finally {
    running.dispose();
    await settings.update('lambda.autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
  }
}
