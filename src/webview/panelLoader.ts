/**
 * What one details panel shows and which request it is waiting for: load, load more, header actions, auto
 * refresh and the freeze after a connection switch. No VS Code and no webview: the shell (`panelShell.lazy.ts`)
 * posts what this decides, so the state machine is unit-tested with fake timers.
 */
import * as l10n from '@vscode/l10n';
import type { DescribeError, DetailSource } from './detailSource';
import type { PagerBlock, PanelDocument } from '../shared/protocol';

/** What the page should show right now; re-sent whenever the page (re)starts. */
export type PageView =
  { readonly kind: 'loading' } | { readonly kind: 'document' } | { readonly kind: 'error'; readonly message: string; readonly hint: string };

/** How the loader's decisions reach the page and the user; implemented by the shell. */
export interface LoaderOutput {
  /** A load started: with a document on screen the page keeps it and shows `text` ("Refreshing…"). */
  loading(text: string): void;
  /** Show `loader.document`; `resync` also hands back the actions and pagers the page disabled on click. */
  render(resync: boolean): void;
  /** Nothing to show but this error (the page drops its document). */
  failed(message: string, hint: string): void;
  /** A load finished: the tab title may have changed. */
  loaded(): void;
  /** A header action failed: the user is told in a notification. */
  actionFailed(text: string): void;
  /** A background refresh failed; the document stays on screen. */
  warn(text: string): void;
}

/** Auto refresh never runs more often than this, whatever a source asks for. */
const minAutoRefreshMs = 1000;

export class PanelLoader {
  private current: DetailSource;
  private doc: PanelDocument | undefined;
  private pageView: PageView = { kind: 'loading' };
  /** Set when the connection was switched: the text says which connection the panel shows. */
  private frozenNotice: string | undefined;
  private loadController: AbortController | undefined;
  private loadMoreController: AbortController | undefined;
  private actionRunning = false;
  private shown: boolean;
  private lastLoadedAt = 0;
  private autoRefreshTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    source: DetailSource,
    private readonly output: LoaderOutput,
    private readonly describeError: DescribeError,
    visible: boolean,
  ) {
    this.current = source;
    this.shown = visible;
  }

  get source(): DetailSource {
    return this.current;
  }
  /** The document last loaded or reported by a pager. */
  get document(): PanelDocument | undefined {
    return this.doc;
  }
  get view(): PageView {
    return this.pageView;
  }
  /** True while a load (not a "load more") is under way. */
  get loadingDocument(): boolean {
    return this.loadController !== undefined;
  }
  /** True once the connection it was opened with was switched away. */
  get frozen(): boolean {
    return this.frozenNotice !== undefined;
  }

  /** The document as the page shows it: frozen panels lose actions and paging and say which connection they show. */
  shownDocument(doc: PanelDocument): PanelDocument {
    const notice = this.frozenNotice;
    if (!notice) {
      return doc;
    }
    return {
      ...doc,
      actions: [],
      targetActions: [],
      blocks: [
        { kind: 'notice', id: 'previousConnection', tone: 'warn', text: notice },
        ...doc.blocks.map((b) =>
          b.kind === 'pager' ? { ...b, canLoadMore: false, loading: false } : b.kind === 'timeline' && b.pick ? { ...b, pick: undefined } : b,
        ),
      ],
    };
  }

  /** The first load, started while the page boots. */
  start(): Promise<void> {
    return this.load(false);
  }

  /** Reloads the document, aborting a load or "load more" under way. Never rejects. */
  refresh(): Promise<void> {
    if (this.frozenNotice) {
      this.output.render(false);
      return Promise.resolve();
    }
    return this.load(false);
  }

  /** Opened again from a view: the new source belongs to the current connection. */
  reuse(source: DetailSource): Promise<void> {
    if (this.disposed) {
      return Promise.resolve();
    }
    this.current = source;
    this.frozenNotice = undefined;
    return this.refresh();
  }

  /** Stops everything of the old connection and keeps the document on screen, marked and without actions. */
  freeze(notice: string): void {
    if (this.disposed || this.frozenNotice !== undefined) {
      return;
    }
    this.frozenNotice = notice;
    this.abortLoads();
    if (this.doc) {
      this.showDocument(this.doc);
    } else {
      this.pageView = { kind: 'error', message: notice, hint: '' };
      this.output.failed(notice, '');
    }
  }

  /** The panel became visible or hidden: a hidden panel does not refresh itself. */
  setVisible(visible: boolean): void {
    if (this.disposed || visible === this.shown) {
      return;
    }
    this.shown = visible;
    if (!visible) {
      this.clearAutoRefresh();
      return;
    }
    const interval = this.autoRefreshInterval();
    if (interval > 0 && !this.loadController && !this.loadMoreController && Date.now() - this.lastLoadedAt >= interval) {
      void this.load(true);
    } else {
      this.scheduleAutoRefresh();
    }
  }

  /** A header action, or (with `target`) an action on part of a block; only actions the document declares run. */
  async runAction(actionId: string, target?: string): Promise<void> {
    const source = this.current;
    const declared = target === undefined ? this.doc?.actions.some((a) => a.id === actionId) : this.doc?.targetActions?.includes(actionId);
    if (this.frozenNotice || !declared || !source.onAction || this.actionRunning) {
      return;
    }
    this.actionRunning = true;
    let failed = false;
    try {
      await source.onAction(actionId, target);
    } catch (error) {
      failed = true;
      if (!this.disposed) {
        const info = this.describe(error);
        this.output.actionFailed(`${info.message} ${info.hint}`.trim());
      }
    } finally {
      this.actionRunning = false;
    }
    if (this.disposed) {
      return;
    }
    if (failed) {
      this.output.render(true); // re-enables the action button the page disabled on click
    } else {
      await this.refresh();
    }
  }

  async loadMore(blockId: string, all: boolean): Promise<void> {
    const source = this.current;
    const pager = this.doc?.blocks.find((b): b is PagerBlock => b.kind === 'pager' && b.id === blockId);
    if (this.loadMoreController || this.loadController) {
      return; // a render is on its way and will reset the page's pager
    }
    if (this.frozenNotice || !pager || !pager.canLoadMore || !source.onLoadMore) {
      this.output.render(true); // the page optimistically disabled the pager: give it back the real state
      return;
    }
    const controller = new AbortController();
    this.loadMoreController = controller;
    this.clearAutoRefresh();
    try {
      await source.onLoadMore(blockId, all, controller.signal, (doc) => {
        if (controller === this.loadMoreController && !controller.signal.aborted) {
          this.showDocument(doc);
        }
      });
    } catch (error) {
      if (controller === this.loadMoreController && !controller.signal.aborted && this.doc) {
        const info = this.describe(error);
        this.showDocument(withPagerError(this.doc, blockId, `${info.message} ${info.hint}`.trim()));
      }
    } finally {
      if (controller === this.loadMoreController) {
        this.loadMoreController = undefined;
        this.scheduleAutoRefresh();
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.abortLoads();
  }

  /** Stops the load, "load more" and auto refresh under way; they see they were superseded and stay silent. */
  private abortLoads(): void {
    // Clear the controllers before aborting so the pending loads see they were superseded.
    const load = this.loadController;
    const loadMore = this.loadMoreController;
    this.loadController = undefined;
    this.loadMoreController = undefined;
    load?.abort();
    loadMore?.abort();
    this.clearAutoRefresh();
  }

  private async load(quiet: boolean): Promise<void> {
    if (this.disposed || this.frozenNotice) {
      return;
    }
    this.clearAutoRefresh();
    this.loadController?.abort();
    this.loadMoreController?.abort();
    this.loadMoreController = undefined;
    const controller = new AbortController();
    this.loadController = controller;
    if (!quiet) {
      if (this.pageView.kind !== 'document') {
        this.pageView = { kind: 'loading' };
      }
      this.output.loading(this.doc ? l10n.t('Refreshing…') : l10n.t('Loading…'));
    }
    const source = this.current;
    let doc: PanelDocument;
    try {
      doc = quiet && this.doc && source.poll ? await source.poll(controller.signal) : await source.load(controller.signal);
    } catch (error) {
      if (controller !== this.loadController) {
        return; // superseded by a newer load, or the panel closed: nobody wants this error
      }
      this.loadController = undefined;
      const info = this.describe(error);
      if (quiet && this.doc) {
        // A failed background refresh keeps the document on screen and tries again on the next tick.
        this.output.warn(`details panel auto refresh failed: ${info.message}`);
        this.scheduleAutoRefresh();
        return;
      }
      this.pageView = { kind: 'error', message: info.message, hint: info.hint };
      this.output.failed(info.message, info.hint);
      return;
    }
    if (controller !== this.loadController) {
      return;
    }
    this.loadController = undefined;
    this.lastLoadedAt = Date.now();
    this.output.loaded();
    this.showDocument(doc);
    this.scheduleAutoRefresh();
  }

  private showDocument(doc: PanelDocument): void {
    this.doc = doc;
    this.pageView = { kind: 'document' };
    this.output.render(false);
  }

  private autoRefreshInterval(): number {
    try {
      const ms = this.current.autoRefreshMs?.() ?? 0;
      return Number.isFinite(ms) && ms > 0 ? Math.max(ms, minAutoRefreshMs) : 0;
    } catch {
      return 0;
    }
  }

  private scheduleAutoRefresh(): void {
    this.clearAutoRefresh();
    if (this.disposed || this.frozenNotice || !this.shown || this.pageView.kind !== 'document') {
      return;
    }
    const interval = this.autoRefreshInterval();
    if (interval <= 0) {
      return;
    }
    this.autoRefreshTimer = setTimeout(() => {
      this.autoRefreshTimer = undefined;
      if (this.loadController || this.loadMoreController) {
        return; // that operation reschedules when it ends
      }
      void this.load(true);
    }, interval);
  }

  private clearAutoRefresh(): void {
    if (this.autoRefreshTimer !== undefined) {
      clearTimeout(this.autoRefreshTimer);
      this.autoRefreshTimer = undefined;
    }
  }

  private describe(error: unknown): { message: string; hint: string } {
    try {
      return this.describeError(error);
    } catch {
      return { message: error instanceof Error ? error.message : String(error), hint: '' };
    }
  }
}

/** Shows a failed "load more" next to its pager (not as a toast) and re-enables the pager. */
function withPagerError(doc: PanelDocument, pagerId: string, text: string): PanelDocument {
  const noticeId = `${pagerId}:error`;
  const blocks = doc.blocks
    .filter((b) => b.id !== noticeId)
    .flatMap((b) =>
      b.kind === 'pager' && b.id === pagerId
        ? [
            { kind: 'notice' as const, id: noticeId, tone: 'error' as const, text },
            { ...b, loading: false },
          ]
        : [b],
    );
  return { ...doc, blocks };
}
