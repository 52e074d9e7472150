// Details panel of huge-history (order-workflow, 10,000 history events): from the Show Details command to
// the page's first paint of the document, timed on the host, with the longest extension-host block meanwhile.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/detailPanel';
import type { PanelSample } from '../protocol';
import { itemRows } from './host';

const paintTimeoutMs = 30_000;
const monitorResolutionMs = 10;

export const panelMethod =
  "host performance.now() before executeCommand('awsHistory.showDetails', row) → host performance.now() when the page's first " +
  "'painted' message (sent from requestAnimationFrame after the document render) is stored in DetailPanel.paintMs (setter " +
  'installed on the new panel); block = max(monitorEventLoopDelay max, 10 ms setInterval drift)';

interface ExecutionRow extends TreeNode {
  readonly name?: string;
}

/**
 * Resolves with the host time at which the page's first `painted` message arrived. The message handler
 * stores the page's time in `paintMs`; an accessor on the instance sees the store as it happens.
 */
function paintArrival(panel: DetailPanel): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const holder = panel as unknown as Record<string, unknown>;
    let value = holder.paintMs;
    const timer = setTimeout(() => reject(new Error(`no paint within ${paintTimeoutMs} ms`)), paintTimeoutMs);
    Object.defineProperty(holder, 'paintMs', {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (next: unknown) => {
        value = next;
        clearTimeout(timer);
        resolve(performance.now());
      },
    });
  });
}

export async function measurePanel(api: TestApi): Promise<PanelSample> {
  const provider = api.feature.views.get('lambda').provider;
  await vscode.commands.executeCommand(Command.lambdaFilter, { function: 'order-workflow', name: 'huge-history' });
  const [fn] = itemRows(await provider.getChildren());
  if (!fn) {
    throw new Error('the function filter did not narrow the Lambda root to order-workflow');
  }
  const row = itemRows(await provider.getChildren(fn)).find((r) => (r as ExecutionRow).name === 'huge-history');
  if (!row) {
    throw new Error('huge-history is not listed under order-workflow');
  }
  const panels = api.feature.panels;
  const show = panels.show.bind(panels);
  let arrival: Promise<number> | undefined;
  let opened: DetailPanel | undefined;
  // The hook runs one microtask after the panel exists; the page cannot have booted and painted by then.
  panels.show = async (source, options) => {
    const panel = await show(source, options);
    opened = panel;
    arrival ??= paintArrival(panel);
    return panel;
  };
  const delay = monitorEventLoopDelay({ resolution: monitorResolutionMs });
  let driftMax = 0;
  let last = performance.now();
  const drift = setInterval(() => {
    const now = performance.now();
    driftMax = Math.max(driftMax, now - last - monitorResolutionMs);
    last = now;
  }, monitorResolutionMs);
  delay.enable();
  try {
    const t0 = performance.now();
    await vscode.commands.executeCommand(Command.showDetails, row);
    if (!arrival || !opened) {
      return { measured: false, reason: 'the Show Details command opened no panel' };
    }
    const paintedAt = await arrival;
    delay.disable();
    clearInterval(drift);
    const eventLoopDelayMaxMs = delay.max / 1e6;
    const list = opened.lastDocument?.blocks.find((b) => b.kind === 'list');
    return {
      measured: true,
      method: panelMethod,
      commandToPaintMs: paintedAt - t0,
      longestBlockMs: Math.max(eventLoopDelayMaxMs, driftMax),
      eventLoopDelayMaxMs,
      timerDriftMaxMs: driftMax,
      pagePaintMs: opened.lastPaintMs,
      historyEventsShown: list?.kind === 'list' ? list.rows.length : undefined,
    };
  } finally {
    delay.disable();
    clearInterval(drift);
    Reflect.deleteProperty(panels, 'show'); // back to the prototype's method
    opened?.dispose();
  }
}
