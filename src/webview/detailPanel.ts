import { displayLocale } from '../util/format';
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { log } from '../util/log';
import { forLabel, forNotification } from '../util/plainText';
import type { Connection } from '../aws/session';
import { connectionLabel } from '../aws/session';
import { diffDocuments, parsePageMessage, type CodeBlock, type HostMessage, type PageMessage, type PagerBlock, type PanelDocument } from './protocol';
import { ReadOnlyDocuments } from './readOnlyDocuments';

/*
 * Large documents: the page virtualizes lists and caps what it draws, but the host still serializes the
 * whole document for postMessage. Builders should therefore cap code text (`capText`, or `prettyJson`
 * for JSON strings: it stops formatting at the cap instead of pretty-printing megabytes synchronously)
 * and offer the rest through `wholeText` + `canOpenWhole`. The helpers live in a DOM-free module shared
 * with the page so that pure builders can import them without `vscode`.
 */
export { capText, defaultCodeCap, prettyJson, prettyValue, type CappedText } from '../webview-app/textCap';

/** One item shown in a details panel. Services implement it; the panel knows nothing about AWS. */
export interface DetailSource {
  /** Identity of the item (its ARN): one panel per key. */
  readonly key: string;
  /** Webview type, e.g. `awsHistory.backupDetails`. */
  readonly viewType: string;
  /** Tab title (the item's name). */
  title(): string;
  /** Fetches and builds the document. Must honour `signal`: it is aborted on refresh and on close. */
  load(signal: AbortSignal): Promise<PanelDocument>;
  /**
   * Runs an action declared in `document.actions` (header) or `document.targetActions` (with `target`, the
   * part of a block it applies to: validate it, it comes from the page); the panel reloads afterwards.
   */
  onAction?(actionId: string, target?: string): Promise<void>;
  /**
   * Loads more of a pager block. Call `progress` with each new document (pager `loading: true` while
   * pages are still coming) and once more with the final one (`loading: false`) before resolving.
   */
  onLoadMore?(blockId: string, all: boolean, signal: AbortSignal, progress: (doc: PanelDocument) => void): Promise<void>;
  /** Full text of a truncated code block, for "Open whole document". */
  wholeText?(blockId: string): string | undefined;
  /** More than 0 while the item should refresh itself (e.g. RUNNING); only used while the panel is visible. */
  autoRefreshMs?(): number;
  /**
   * An auto-refresh tick: asks only for what is new (e.g. the status without payloads, history after the last
   * event loaded) and returns the updated document. Without it a tick is a full `load`.
   */
  poll?(signal: AbortSignal): Promise<PanelDocument>;
}

export type DescribeError = (error: unknown) => { readonly message: string; readonly hint: string };

export interface ShowOptions {
  readonly viewColumn?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

/** Owns every open details panel, keyed by item. Dispose it with the extension. */
export class DetailPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailPanel>();
  private documents: ReadOnlyDocuments | undefined;
  private disposed = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly describeError: DescribeError,
  ) {}

  /** Opens the panel of `source.key`, or reveals and refreshes the one already open (with the newer source). */
  show(source: DetailSource, options: ShowOptions = {}): Promise<DetailPanel> {
    if (this.disposed) {
      return Promise.reject(new Error(vscode.l10n.t('Details panels are disposed.')));
    }
    const existing = this.panels.get(source.key);
    if (existing) {
      existing.reuse(source, options.preserveFocus ?? false);
      return Promise.resolve(existing);
    }
    const panel = new DetailPanel(
      source,
      {
        extensionUri: this.extensionUri,
        describeError: this.describeError,
        openReadOnly: (name, text, language) => this.readOnlyDocuments().open(name, text, language),
        onDidDispose: (closed) => {
          if (this.panels.get(closed.key) === closed) {
            this.panels.delete(closed.key);
          }
        },
      },
      options,
    );
    this.panels.set(source.key, panel);
    // A promise although creation is synchronous, so callers do not change if showing ever awaits.
    return Promise.resolve(panel);
  }

  get(key: string): DetailPanel | undefined {
    return this.panels.get(key);
  }

  /** The key (ARN) of the panel that has focus, for Copy Link from its title bar. */
  activeKey(): string | undefined {
    return [...this.panels.values()].find((panel) => panel.active)?.key;
  }

  all(): readonly DetailPanel[] {
    return [...this.panels.values()];
  }

  /**
   * The AWS connection was switched: every open panel stops what it was loading and from then on says which
   * connection it shows, with its actions, paging and auto refresh off (its items may not exist in the new one).
   */
  connectionChanged(previous: Connection): void {
    for (const panel of this.panels.values()) {
      panel.freeze(
        `This panel shows data of the previous AWS connection (${connectionLabel(previous)}). Actions, paging and auto refresh are off; open the item again from a view to see the current connection.`,
      );
    }
  }

  /** Reloads the panel of `key` if one is open (e.g. after a tree command changed the item). Never rejects. */
  refreshKey(key: string): Promise<void> {
    return this.panels.get(key)?.refresh() ?? Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
    this.panels.clear();
    this.documents?.dispose();
    this.documents = undefined;
  }

  private readOnlyDocuments(): ReadOnlyDocuments {
    this.documents ??= new ReadOnlyDocuments();
    return this.documents;
  }
}

interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly describeError: DescribeError;
  readonly openReadOnly: (name: string, text: string, language: 'json' | 'text') => Thenable<unknown>;
  readonly onDidDispose: (panel: DetailPanel) => void;
}

/** What the page should show right now; re-sent whenever the page (re)starts. */
type PageView = { readonly kind: 'loading' } | { readonly kind: 'document' } | { readonly kind: 'error'; readonly message: string; readonly hint: string };

interface RenderWaiter {
  resolve(doc: PanelDocument): void;
  reject(error: Error): void;
}

/** Auto refresh never runs more often than this, whatever a source asks for. */
const minAutoRefreshMs = 1000;

export class DetailPanel implements vscode.Disposable {
  readonly key: string;
  /** The HTML given to the webview (no data in it), exposed for CSP tests. */
  readonly webviewHtml: string;
  private source: DetailSource;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private document: PanelDocument | undefined;
  /** The document last posted to a ready page; `waitForRender` compares against it. */
  private renderedDocument: PanelDocument | undefined;
  /** The document the page has now (undefined after it restarted or showed an error): patches are made against it. */
  private pageDocument: PanelDocument | undefined;
  /** Set when the connection was switched: the text says which connection the panel shows. */
  private frozenNotice: string | undefined;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message handed to the page; the benchmark measures the bytes posted. */
  readonly onDidPost = this.posted.event;
  private view: PageView = { kind: 'loading' };
  private loadController: AbortController | undefined;
  private loadMoreController: AbortController | undefined;
  private actionRunning = false;
  private pageReady = false;
  private wasVisible: boolean;
  private lastLoadedAt = 0;
  private autoRefreshTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: RenderWaiter[] = [];
  private paintMs: number | undefined;
  private readonly painted = new vscode.EventEmitter<number>();
  /** Fires when the page reports a painted document (its own clock), so the benchmark times the arrival. */
  readonly onDidPaint = this.painted.event;
  private disposed = false;

  constructor(
    source: DetailSource,
    private readonly services: PanelServices,
    options: ShowOptions,
  ) {
    this.key = source.key;
    this.source = source;
    const webviewRoot = vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      source.viewType,
      safeTitle(source),
      { viewColumn: options.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: options.preserveFocus ?? false },
      {
        enableScripts: true,
        enableForms: false,
        enableCommandUris: false,
        enableFindWidget: true,
        // The page re-renders from the host's cached document in a few ms, so keeping hidden pages alive
        // (memory per panel) buys nothing.
        retainContextWhenHidden: false,
        localResourceRoots: [webviewRoot, vscode.Uri.joinPath(services.extensionUri, 'media')],
      },
    );
    this.wasVisible = this.panel.visible;
    this.webviewHtml = panelHtml(this.panel.webview, webviewRoot, nonce(), displayLocale());
    this.disposables.push(
      this.painted,
      this.posted,
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      this.panel.onDidChangeViewState(() => this.onViewStateChanged()),
      vscode.window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme' })),
    );
    this.panel.webview.html = this.webviewHtml;
    // Start fetching while the page boots: `ready` then finds the document (or the load) under way.
    void this.load(false);
  }

  /** The document currently shown (the last one loaded or reported by a pager). */
  get lastDocument(): PanelDocument | undefined {
    return this.document;
  }

  /** The document as the page shows it (a frozen panel's notice and disabled actions included). */
  get displayedDocument(): PanelDocument | undefined {
    return this.document && this.shownDocument(this.document);
  }

  /** `performance.now()` in the page when it last painted a document. */
  get lastPaintMs(): number | undefined {
    return this.paintMs;
  }

  get visible(): boolean {
    return !this.disposed && this.panel.visible;
  }

  get active(): boolean {
    return !this.disposed && this.panel.active;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Resolves with the document once it has been posted to the page: at once when the current document
   * is already shown and nothing is loading, else at the next render. Rejects when the load fails, the
   * panel closes or `timeoutMs` passes.
   */
  waitForRender(timeoutMs = 60_000): Promise<PanelDocument> {
    if (this.disposed) {
      return Promise.reject(new Error(vscode.l10n.t('The details panel is closed.')));
    }
    if (!this.loadController && this.document && this.renderedDocument === this.document && this.view.kind === 'document') {
      return Promise.resolve(this.document);
    }
    if (!this.loadController && this.view.kind === 'error') {
      return Promise.reject(new Error(this.view.message));
    }
    return new Promise<PanelDocument>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(vscode.l10n.t('The details panel did not render within {0} ms.', timeoutMs)));
      }, timeoutMs);
      const waiter: RenderWaiter = {
        resolve: (doc) => {
          clearTimeout(timer);
          resolve(doc);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Reloads the document, aborting a load or "load more" under way. Never rejects. */
  refresh(): Promise<void> {
    if (this.frozenNotice) {
      this.postRender();
      return Promise.resolve();
    }
    return this.load(false);
  }

  /** True once the connection it was opened with was switched away (see `DetailPanels.connectionChanged`). */
  get frozen(): boolean {
    return this.frozenNotice !== undefined;
  }

  /** Stops everything of the old connection and keeps the document on screen, marked and without actions. */
  freeze(notice: string): void {
    if (this.disposed || this.frozenNotice !== undefined) {
      return;
    }
    this.frozenNotice = notice;
    this.abortLoads();
    if (this.document) {
      this.showDocument(this.document);
    } else {
      this.view = { kind: 'error', message: notice, hint: '' };
      this.post({ type: 'error', message: notice, hint: '' });
      this.rejectWaiters(new Error(notice));
    }
  }

  /** Called by `DetailPanels.show` for an already open key. */
  reuse(source: DetailSource, preserveFocus: boolean): void {
    if (this.disposed) {
      return;
    }
    this.source = source;
    // Opened again from a view: the new source belongs to the current connection.
    this.frozenNotice = undefined;
    this.panel.reveal(undefined, preserveFocus);
    void this.refresh();
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.abortLoads();
    this.rejectWaiters(new Error(vscode.l10n.t('The details panel was closed.')));
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    this.panel.dispose();
    this.services.onDidDispose(this);
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
      if (this.view.kind !== 'document') {
        this.view = { kind: 'loading' };
      }
      // With a document on screen the page shows this as "Refreshing…" and keeps the document.
      this.post({ type: 'loading', text: this.document ? vscode.l10n.t('Refreshing…') : vscode.l10n.t('Loading…') });
    }
    let doc: PanelDocument;
    try {
      doc = quiet && this.document && this.source.poll ? await this.source.poll(controller.signal) : await this.source.load(controller.signal);
    } catch (error) {
      if (controller !== this.loadController) {
        return; // superseded by a newer load, or the panel closed: nobody wants this error
      }
      this.loadController = undefined;
      if (quiet && this.document) {
        // A failed background refresh keeps the document on screen and tries again on the next tick.
        log().warn(`details panel auto refresh failed: ${this.describe(error).message}`);
        this.scheduleAutoRefresh();
        return;
      }
      const info = this.describe(error);
      this.view = { kind: 'error', message: info.message, hint: info.hint };
      this.pageDocument = undefined;
      this.post({ type: 'error', message: info.message, hint: info.hint });
      this.rejectWaiters(new Error(info.message));
      return;
    }
    if (controller !== this.loadController) {
      return;
    }
    this.loadController = undefined;
    this.lastLoadedAt = Date.now();
    this.panel.title = safeTitle(this.source);
    this.showDocument(doc);
    this.scheduleAutoRefresh();
  }

  private showDocument(doc: PanelDocument): void {
    this.document = doc;
    this.view = { kind: 'document' };
    this.postRender();
  }

  /** The document as shown: frozen panels lose actions and paging and say which connection they show. */
  private shownDocument(doc: PanelDocument): PanelDocument {
    const notice = this.frozenNotice;
    if (!notice) {
      return doc;
    }
    return {
      ...doc,
      actions: [],
      blocks: [
        { kind: 'notice', id: 'previousConnection', tone: 'warn', text: notice },
        ...doc.blocks.map((b) => (b.kind === 'pager' ? { ...b, canLoadMore: false, loading: false } : b)),
      ],
    };
  }

  /**
   * Posts the first document whole, then only what changed (appended history rows, changed fields). `resync`
   * also resends the header actions and pagers, which the page disables on click and the host gives back.
   */
  private postRender(resync = false): void {
    const doc = this.document;
    if (!doc || !this.pageReady || this.disposed) {
      return;
    }
    const shown = this.shownDocument(doc);
    const before = this.pageDocument;
    let patch = before ? diffDocuments(before, shown) : undefined;
    if (before && resync) {
      patch = {
        ...patch,
        header: { ...patch?.header, actions: shown.actions },
        replace: [...(patch?.replace ?? []), ...shown.blocks.filter((b) => b.kind === 'pager' && !patch?.replace?.includes(b))],
      };
    }
    const delivered = before === undefined ? this.post({ type: 'render', document: shown }) : patch === undefined || this.post({ type: 'patch', patch });
    if (delivered) {
      this.pageDocument = shown;
      this.renderedDocument = doc;
      const waiters = this.waiters.splice(0);
      for (const w of waiters) {
        w.resolve(doc);
      }
    }
  }

  /** Sends what the page should show; used whenever the page (re)starts, e.g. after being hidden. */
  private syncPage(): void {
    switch (this.view.kind) {
      case 'loading':
        this.post({ type: 'loading', text: vscode.l10n.t('Loading…') });
        break;
      case 'error':
        this.pageDocument = undefined;
        this.post({ type: 'error', message: this.view.message, hint: this.view.hint });
        break;
      case 'document':
        this.postRender();
        if (this.loadController) {
          this.post({ type: 'loading', text: vscode.l10n.t('Refreshing…') });
        }
        break;
    }
  }

  /** True when the message was handed to the webview (it may still drop it if the page is reloading). */
  private post(message: HostMessage): boolean {
    if (this.disposed || !this.pageReady) {
      return false;
    }
    try {
      this.posted.fire(message);
      this.panel.webview.postMessage(message).then(undefined, (error: unknown) => {
        log().debug(`details panel: postMessage failed: ${String(error)}`);
      });
      return true;
    } catch (error) {
      log().debug(`details panel: postMessage threw: ${String(error)}`);
      return false;
    }
  }

  private onMessage(raw: unknown): void {
    if (this.disposed) {
      return;
    }
    const message: PageMessage | undefined = parsePageMessage(raw);
    if (!message) {
      // Never log the payload: it comes from the page and may be large.
      log().debug('details panel: ignored a malformed page message');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        // The page formats dates and numbers and words its own controls in the editor's language.
        this.post({ type: 'init', locale: displayLocale(), bundle: vscode.l10n.bundle });
        // A (re)started page has nothing: the next render is whole.
        this.pageDocument = undefined;
        this.syncPage();
        break;
      case 'refresh':
        void this.refresh();
        break;
      case 'copy':
        void this.copy(message.copyId);
        break;
      case 'action':
        void this.runAction(message.actionId, message.target);
        break;
      case 'loadMore':
      case 'loadAll':
        void this.loadMore(message.blockId, message.type === 'loadAll');
        break;
      case 'openWhole':
        void this.openWhole(message.blockId);
        break;
      case 'painted':
        this.paintMs = message.ms;
        this.painted.fire(message.ms);
        break;
    }
  }

  private async copy(copyId: string): Promise<void> {
    const found = findCopyText(this.document, copyId);
    if (!found) {
      log().debug(`details panel: no copyable value ${JSON.stringify(copyId)} in the current document`);
      return;
    }
    try {
      await vscode.env.clipboard.writeText(found.text);
      vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied {0}', forLabel(found.label))}`, 2500);
    } catch (error) {
      log().warn(`details panel: copy failed: ${String(error)}`);
    }
  }

  private async runAction(actionId: string, target: string | undefined): Promise<void> {
    const source = this.source;
    const declared = target === undefined ? this.document?.actions.some((a) => a.id === actionId) : this.document?.targetActions?.includes(actionId);
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
        void vscode.window.showErrorMessage(forNotification(`${info.message} ${info.hint}`.trim()));
      }
    } finally {
      this.actionRunning = false;
    }
    if (this.disposed) {
      return;
    }
    if (failed) {
      this.postRender(true); // re-enables the action button the page disabled on click
    } else {
      await this.refresh();
    }
  }

  private async loadMore(blockId: string, all: boolean): Promise<void> {
    const source = this.source;
    const pager = this.document?.blocks.find((b): b is PagerBlock => b.kind === 'pager' && b.id === blockId);
    if (this.loadMoreController || this.loadController) {
      return; // a render is on its way and will reset the page's pager
    }
    if (this.frozenNotice || !pager || !pager.canLoadMore || !source.onLoadMore) {
      this.postRender(true); // the page optimistically disabled the pager: give it back the real state
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
      if (controller === this.loadMoreController && !controller.signal.aborted && this.document) {
        const info = this.describe(error);
        this.showDocument(withPagerError(this.document, blockId, `${info.message} ${info.hint}`.trim()));
      }
    } finally {
      if (controller === this.loadMoreController) {
        this.loadMoreController = undefined;
        this.scheduleAutoRefresh();
      }
    }
  }

  private async openWhole(blockId: string): Promise<void> {
    const doc = this.document;
    const block = doc?.blocks.find((b): b is CodeBlock => b.kind === 'code' && b.id === blockId);
    if (!doc || !block?.canOpenWhole) {
      return;
    }
    try {
      const text = this.source.wholeText?.(blockId) ?? (block.truncatedNotice ? undefined : block.text);
      if (text === undefined) {
        void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('The whole document is no longer available. Refresh the panel and try again.')));
        return;
      }
      await this.services.openReadOnly(`${doc.title} - ${block.title}`, text, block.language);
    } catch (error) {
      const info = this.describe(error);
      void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Could not open the document: {0}', info.message)));
    }
  }

  private onViewStateChanged(): void {
    if (this.disposed) {
      return;
    }
    const visible = this.panel.visible;
    if (visible === this.wasVisible) {
      return;
    }
    this.wasVisible = visible;
    if (!visible) {
      // Without retainContextWhenHidden the page is destroyed; it sends `ready` again when shown.
      this.pageReady = false;
      this.pageDocument = undefined;
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

  private autoRefreshInterval(): number {
    try {
      const ms = this.source.autoRefreshMs?.() ?? 0;
      return Number.isFinite(ms) && ms > 0 ? Math.max(ms, minAutoRefreshMs) : 0;
    } catch {
      return 0;
    }
  }

  private scheduleAutoRefresh(): void {
    this.clearAutoRefresh();
    if (this.disposed || this.frozenNotice || !this.panel.visible || this.view.kind !== 'document') {
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

  private rejectWaiters(error: Error): void {
    for (const w of this.waiters.splice(0)) {
      w.reject(error);
    }
  }

  private describe(error: unknown): { message: string; hint: string } {
    try {
      return this.services.describeError(error);
    } catch {
      return { message: error instanceof Error ? error.message : String(error), hint: '' };
    }
  }
}

/** The text a copy button stands for, looked up in the document on screen only (never trusted from the page). */
export function findCopyText(doc: PanelDocument | undefined, copyId: string): { label: string; text: string } | undefined {
  for (const block of doc?.blocks ?? []) {
    if (block.kind === 'fields') {
      const field = block.fields.find((f) => f.copyId === copyId && f.value !== undefined);
      if (field?.value !== undefined) {
        return { label: field.label, text: field.value };
      }
    } else if (block.kind === 'code' && block.copyId === copyId) {
      return { label: block.title, text: block.text };
    }
  }
  return undefined;
}

/** Shows a failed "load more" next to its pager (not as a toast) and re-enables the pager. */
function withPagerError(doc: PanelDocument, pagerId: string, text: string): PanelDocument {
  const noticeId = `${pagerId}:error`;
  const blocks = doc.blocks.filter((b) => b.id !== noticeId).flatMap((b) =>
    b.kind === 'pager' && b.id === pagerId ? [{ kind: 'notice' as const, id: noticeId, tone: 'error' as const, text }, { ...b, loading: false }] : [b],
  );
  return { ...doc, blocks };
}

function safeTitle(source: DetailSource): string {
  try {
    return source.title() || vscode.l10n.t('Details');
  } catch {
    return vscode.l10n.t('Details');
  }
}

function nonce(): string {
  return randomBytes(32).toString('base64');
}

/** The page shell: no data at all (that arrives by postMessage after `ready`), a nonce-only script. */
function panelHtml(webview: vscode.Webview, webviewRoot: vscode.Uri, scriptNonce: string, language: string): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'panel.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'panel.css'));
  // No img-src or font-src: panels draw with DOM text, inline SVG and the theme's fonts, so default-src
  // 'none' refuses every image and font. No <base> and no form may send the page anywhere.
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${scriptNonce}'`,
    `style-src ${webview.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'en';
  // Our own translated words, escaped all the same: a translation is text, never markup.
  const text = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${text(vscode.l10n.t('AWS History details'))}</title>
</head>
<body>
<main id="app"><p class="boot" role="status">${text(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
