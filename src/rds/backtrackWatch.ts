import * as vscode from 'vscode';
import type { ClientFactory } from '../aws/clientFactory';
import type { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { log } from '../util/log';
import { describeOneBacktrack } from './api';
import type { ClusterNode } from './clusterNode';

const finalStatuses = new Set(['completed', 'failed']);
/** Waits between describes of a new backtrack: quick at first (pending turns applying soon), then backing off. */
const delaysMs = [2000, 3000, 5000, 8000, 13_000, 20_000, 30_000];

interface Watch {
  readonly cluster: ClusterNode;
  readonly backtrackId: string;
  attempt: number;
  timer?: NodeJS.Timeout | undefined;
  /** Due while the view was hidden: described as soon as it shows again. */
  due: boolean;
}

/**
 * Follows backtracks just requested until they are final (completed or failed): DescribeDBClusterBacktracks
 * for that BacktrackIdentifier, with backoff, only while the view is visible, each answer put into the
 * cluster's loaded list in place. Stops for a backtrack whose list is gone (refresh, connection switch).
 */
export class BacktrackWatcher implements vscode.Disposable {
  private readonly watches = new Map<string, Watch>();
  private readonly disposed = new AbortController();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly provider: PagedTreeProvider,
    private readonly clients: ClientFactory,
  ) {
    this.subscription = provider.treeView.onDidChangeVisibility((e) => {
      if (e.visible) {
        for (const watch of this.watches.values()) {
          if (watch.due) {
            void this.tick(watch);
          }
        }
      }
    });
  }

  watch(cluster: ClusterNode, backtrackId: string): void {
    const key = `${cluster.id}/${backtrackId}`;
    if (this.watches.has(key)) {
      return;
    }
    const watch: Watch = { cluster, backtrackId, attempt: 0, due: false };
    this.watches.set(key, watch);
    this.schedule(key, watch);
  }

  /** True while a backtrack of this cluster requested here is still pending or applying. */
  following(cluster: ClusterNode): boolean {
    return [...this.watches.values()].some((watch) => watch.cluster === cluster);
  }

  private schedule(key: string, watch: Watch): void {
    const delay = delaysMs[Math.min(watch.attempt, delaysMs.length - 1)];
    watch.timer = setTimeout(() => void this.tick(watch, key), delay);
  }

  private async tick(watch: Watch, key = `${watch.cluster.id}/${watch.backtrackId}`): Promise<void> {
    if (this.disposed.signal.aborted || this.watches.get(key) !== watch) {
      return;
    }
    const shown = watch.cluster.loadedBacktracks.find((b) => b.BacktrackIdentifier === watch.backtrackId);
    if (!shown || !this.provider.contains(watch.cluster)) {
      this.watches.delete(key);
      return;
    }
    if (!this.provider.treeView.visible) {
      watch.due = true;
      return;
    }
    watch.due = false;
    try {
      const fresh = await describeOneBacktrack(this.clients, watch.cluster.identifier, watch.backtrackId, this.disposed.signal);
      if (!fresh) {
        this.watches.delete(key);
        return;
      }
      watch.cluster.upsertBacktrack(fresh);
      // Statuses come in either case (see backtrackStatus).
      if (finalStatuses.has((fresh.Status ?? '').trim().toLowerCase())) {
        this.watches.delete(key);
        return;
      }
    } catch (error) {
      if (this.disposed.signal.aborted) {
        return;
      }
      // The row keeps its last status; Refresh reads it again.
      log().warn(`backtrack ${watch.backtrackId}: status not read (${(error as Error).name}); stopped following it`);
      this.watches.delete(key);
      return;
    }
    watch.attempt++;
    this.schedule(key, watch);
  }

  dispose(): void {
    this.disposed.abort();
    for (const watch of this.watches.values()) {
      clearTimeout(watch.timer);
    }
    this.watches.clear();
    this.subscription.dispose();
  }
}
