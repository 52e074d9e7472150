// Details panel of huge-history (order-workflow, 10,000 history events): from the Show Details command to
// the page's first paint of the document, timed on the host, with the longest extension-host block meanwhile.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { TestApi } from '../../src/testApi';
import type { TreeNode } from '../../src/tree/treeNode';
import type { DetailPanel } from '../../src/webview/panelShell.lazy';
import type { PanelSample } from '../protocol';
import { exposeGc, settledHeapBytes } from './heap';
import { itemRows } from './host';

const paintTimeoutMs = 30_000;
const monitorResolutionMs = 10;

export const panelMethod =
  "host performance.now() before executeCommand('awsHistory.showDetails', row) → host performance.now() when the page's first " +
  "'painted' message (sent from requestAnimationFrame after the document render) is reported by DetailPanel.onDidPaint (subscribed" +
  ' on the new panel); the row comes from expanding order-workflow filtered to huge-history (Lambda chunk already ' +
  'loaded, as for a user who clicks a row); a full GC runs before the window; fresh browser and extension host per run';

interface ExecutionRow extends TreeNode {
  readonly name?: string;
}

/** Calls `onSet` with the host time whenever the panel stores `field` (an accessor on the instance). */
function watchField(target: object, field: string, onSet: (at: number, value: unknown) => void): void {
  const holder = target as Record<string, unknown>;
  let value = holder[field];
  Object.defineProperty(holder, field, {
    configurable: true,
    enumerable: true,
    get: () => value,
    set: (next: unknown) => {
      value = next;
      onSet(performance.now(), next);
    },
  });
}

/** Host times of the steps between the command and the paint, for finding where a slow paint went. */
interface Phases {
  /** The page's `ready` (its script ran). */
  ready?: number;
  /** The document was built (GetDurableExecution + first history page). */
  document?: number;
  /** The document was posted to the page. */
  posted?: number;
}

/**
 * Resolves with the host time at which the page's first `painted` message arrived (the panel's
 * onDidPaint). Also records the phases, for --diagnose, by watching the panel's private fields.
 */
function paintArrival(panel: DetailPanel, phases: Phases): Promise<number> {
  watchField(panel, 'pageReady', (at, value) => {
    if (value === true) {
      phases.ready ??= at;
    }
  });
  // The document is kept by the panel's loader (src/webview/panelLoader.ts).
  watchField((panel as unknown as { loader: object }).loader, 'doc', (at, value) => {
    if (value !== undefined) {
      phases.document ??= at;
    }
  });
  watchField(panel, 'renderedDocument', (at, value) => {
    if (value !== undefined) {
      phases.posted ??= at;
    }
  });
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no paint within ${paintTimeoutMs} ms`)), paintTimeoutMs);
    const subscription = panel.onDidPaint(() => {
      const at = performance.now();
      clearTimeout(timer);
      subscription.dispose();
      resolve(at);
    });
  });
}

/** `around` wraps the timed window only (the --diagnose CPU profile). */
export async function measurePanel(api: TestApi, around: <T>(window: () => Promise<T>) => Promise<T> = (window) => window()): Promise<PanelSample> {
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
  const phases: Phases = {};
  // The hook runs one microtask after the panel exists; the page cannot have booted and painted by then.
  panels.show = async (source, options) => {
    const panel = await show(source, options);
    opened = panel;
    arrival ??= paintArrival(panel, phases);
    return panel;
  };
  // Garbage left by the earlier measures (10,000 dropped rows) must not be collected inside this window.
  const gc = exposeGc();
  if (gc) {
    settledHeapBytes(gc);
  }
  const delay = monitorEventLoopDelay({ resolution: monitorResolutionMs });
  let driftMax = 0;
  let driftMaxAt = 0;
  const t0 = performance.now();
  let last = t0;
  const drift = setInterval(() => {
    const now = performance.now();
    if (now - last - monitorResolutionMs > driftMax) {
      driftMax = now - last - monitorResolutionMs;
      driftMaxAt = now - t0;
    }
    last = now;
  }, monitorResolutionMs);
  delay.enable();
  try {
    const paintedAt = await around(async () => {
      await vscode.commands.executeCommand(Command.showDetails, row);
      if (!arrival) {
        throw new Error('the Show Details command opened no panel');
      }
      return arrival;
    });
    if (!opened) {
      throw new Error('the Show Details command opened no panel');
    }
    delay.disable();
    clearInterval(drift);
    const eventLoopDelayMaxMs = delay.max / 1e6;
    const list = opened.lastDocument?.blocks.find((b) => b.kind === 'list');
    const since = (at: number | undefined): number | undefined => (at === undefined ? undefined : at - t0);
    return {
      method: panelMethod,
      commandToPaintMs: paintedAt - t0,
      longestBlockMs: Math.max(eventLoopDelayMaxMs, driftMax),
      eventLoopDelayMaxMs,
      timerDriftMaxMs: driftMax,
      pagePaintMs: opened.lastPaintMs,
      historyEventsShown: list?.kind === 'list' ? list.rows.length : undefined,
      phasesMs: {
        pageReady: since(phases.ready),
        documentBuilt: since(phases.document),
        documentPosted: since(phases.posted),
        longestDriftEnded: driftMaxAt,
      },
    };
  } finally {
    delay.disable();
    clearInterval(drift);
    Reflect.deleteProperty(panels, 'show'); // back to the prototype's method
    opened?.dispose();
  }
}
