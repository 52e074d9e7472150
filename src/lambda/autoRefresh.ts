import * as vscode from 'vscode';
import { Setting } from '../constants';
import type { ClientFactory } from '../aws/clientFactory';
import { autoRefreshProblem, lambdaAutoRefreshSeconds } from '../aws/settings';
import type { PagedChildren } from '../tree/pagedChildren';
import type { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { log } from '../util/log';
import { forNotification } from '../util/plainText';
import { getExecution, toExecution, type Execution } from './api';
import type { ExecutionFilters } from './filters';
import { FunctionNode } from './functionNode';

/** GetDurableExecution calls per tick at most, and how many run at once. */
const maxPerTick = 100;
const concurrency = 4;

/**
 * Re-reads RUNNING executions with GetDurableExecution while the view is visible and updates their
 * rows in place (`updateItem`): loaded pages, tokens and scroll position stay as they are.
 */
export class ExecutionAutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly collapsed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Aborted on dispose; each tick also stops with the connection it started under. */
  private readonly disposed = new AbortController();

  constructor(
    private readonly provider: PagedTreeProvider,
    private readonly clients: ClientFactory,
  ) {
    const tree = provider.treeView;
    this.subscriptions.push(
      tree.onDidChangeVisibility(() => this.schedule()),
      tree.onDidCollapseElement((e) => this.collapsed.add(e.element.id)),
      tree.onDidExpandElement((e) => this.collapsed.delete(e.element.id)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Setting.section}.${Setting.lambdaAutoRefreshSeconds}`)) {
          const problem = autoRefreshProblem();
          if (problem) {
            void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('{0} Auto refresh is off.', problem)));
          }
          this.schedule();
        }
      }),
    );
    this.schedule();
  }

  /** Execution lists of expanded functions (a collapsed function's rows are not on screen). */
  private lists(): PagedChildren<Execution, ExecutionFilters>[] {
    return this.provider.loadedLists().filter((list) => list.owner instanceof FunctionNode && !this.collapsed.has(list.owner.id)) as PagedChildren<
      Execution,
      ExecutionFilters
    >[];
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const seconds = lambdaAutoRefreshSeconds();
    if (seconds <= 0 || !this.provider.treeView.visible) {
      return;
    }
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule());
    }, seconds * 1000);
  }

  /** One round over the RUNNING rows; exported through the class for tests. */
  async tick(): Promise<number> {
    if (this.running) {
      return 0;
    }
    this.running = true;
    const signal = this.disposed.signal;
    try {
      const work: { list: PagedChildren<Execution, ExecutionFilters>; item: Execution }[] = [];
      for (const list of this.lists()) {
        for (const item of list.items) {
          if (item.Status === 'RUNNING' && item.DurableExecutionArn && work.length < maxPerTick) {
            work.push({ list, item });
          }
        }
      }
      let next = 0;
      let updated = 0;
      const worker = async (): Promise<void> => {
        while (next < work.length && !signal.aborted) {
          const { list, item } = work[next++];
          try {
            // Each list's own connection: its end (a switch, a removal) stops its refreshes.
            const fresh = await getExecution(
              this.clients,
              item.DurableExecutionArn!,
              false,
              AbortSignal.any([signal, list.host.connectionSignal()]),
              list.connection,
            );
            list.updateItem(toExecution(fresh, item));
            updated++;
          } catch (error) {
            // A failed refresh keeps the last known row; the next tick tries again.
            log().debug(`auto refresh of an execution failed: ${(error as Error).name}`);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, work.length) }, worker));
      return updated;
    } finally {
      this.running = false;
    }
  }

  dispose(): void {
    this.disposed.abort();
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
