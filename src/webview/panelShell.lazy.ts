/**
 * The VS Code side of one details panel: the webview (nonce-only CSP, no data in its HTML), the messages to
 * and from the page, copy and "open whole document". What to load and when is the loader's (`panelLoader.ts`).
 * A lazy chunk with the read-only documents it opens: detailPanel.ts loads it with the first panel.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { displayLocale } from '../shared/format';
import { log } from '../util/log';
import { forLabel, forNotification } from '../util/plainText';
import type { DescribeError, DetailSource } from './detailSource';
import { PanelLoader } from './panelLoader';
export { ReadOnlyDocuments } from './readOnlyDocuments';
import { diffDocuments, parsePageMessage, type CodeBlock, type HostMessage, type PageMessage, type PanelDocument } from '../shared/protocol';

export interface ShowOptions {
  readonly viewColumn?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly describeError: DescribeError;
  readonly openReadOnly: (name: string, text: string, language: 'json' | 'text') => Thenable<unknown>;
  readonly onDidDispose: (panel: DetailPanel) => void;
}

interface RenderWaiter {
  resolve(doc: PanelDocument): void;
  reject(error: Error): void;
}

export class DetailPanel implements vscode.Disposable {
  readonly key: string;
  /** The HTML given to the webview (no data in it), exposed for CSP tests. */
  readonly webviewHtml: string;
  private readonly loader: PanelLoader;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** The document last posted to a ready page; `waitForRender` compares against it. */
  private renderedDocument: PanelDocument | undefined;
  /** The document the page has now (undefined after it restarted or showed an error): patches are made against it. */
  private pageDocument: PanelDocument | undefined;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message handed to the page; the benchmark measures the bytes posted. */
  readonly onDidPost = this.posted.event;
  private pageReady = false;
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
    this.loader = new PanelLoader(
      source,
      {
        loading: (text) => this.post({ type: 'loading', text }),
        render: (resync) => this.postRender(resync),
        failed: (message, hint) => {
          this.pageDocument = undefined;
          this.post({ type: 'error', message, hint });
          this.rejectWaiters(new Error(message));
        },
        loaded: () => {
          this.panel.title = safeTitle(this.loader.source);
        },
        actionFailed: (text) => void vscode.window.showErrorMessage(forNotification(text)),
        warn: (text) => log().warn(text),
      },
      services.describeError,
      this.panel.visible,
    );
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
    void this.loader.start();
  }

  /** The document currently shown (the last one loaded or reported by a pager). */
  get lastDocument(): PanelDocument | undefined {
    return this.loader.document;
  }

  /** The document as the page shows it (a frozen panel's notice and disabled actions included). */
  get displayedDocument(): PanelDocument | undefined {
    const doc = this.loader.document;
    return doc && this.loader.shownDocument(doc);
  }

  /** `performance.now()` in the page when it last painted a document. */
  get lastPaintMs(): number | undefined {
    return this.paintMs;
  }

  get visible(): boolean {
    return !this.disposed && this.panel.visible;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** True once the connection it was opened with was switched away (see `DetailPanels.connectionChanged`). */
  get frozen(): boolean {
    return this.loader.frozen;
  }

  /** True while the panel is the active editor (also while the command palette is open over it). */
  get active(): boolean {
    return !this.disposed && this.panel.active;
  }

  /** The describe/get CLI command of the item shown, when its source declares one. */
  cli(): ReturnType<NonNullable<DetailSource['cli']>> | undefined {
    return this.loader.source.cli?.();
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
    const doc = this.loader.document;
    const view = this.loader.view;
    if (!this.loader.loadingDocument && doc && this.renderedDocument === doc && view.kind === 'document') {
      return Promise.resolve(doc);
    }
    if (!this.loader.loadingDocument && view.kind === 'error') {
      return Promise.reject(new Error(view.message));
    }
    return new Promise<PanelDocument>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(vscode.l10n.t('The details panel did not render within {0} ms.', timeoutMs)));
      }, timeoutMs);
      const waiter: RenderWaiter = {
        resolve: (shown) => {
          clearTimeout(timer);
          resolve(shown);
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
    return this.loader.refresh();
  }

  /** Stops everything of the old connection and keeps the document on screen, marked and without actions. */
  freeze(notice: string): void {
    if (!this.disposed) {
      this.loader.freeze(notice);
    }
  }

  /** Called by `DetailPanels.show` for an already open key. */
  reuse(source: DetailSource, preserveFocus: boolean): void {
    if (this.disposed) {
      return;
    }
    this.panel.reveal(undefined, preserveFocus);
    void this.loader.reuse(source);
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.loader.dispose();
    this.rejectWaiters(new Error(vscode.l10n.t('The details panel was closed.')));
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
    this.panel.dispose();
    this.services.onDidDispose(this);
  }

  /**
   * Posts the first document whole, then only what changed (appended history rows, changed fields). `resync`
   * also resends the header actions and pagers, which the page disables on click and the host gives back.
   */
  private postRender(resync = false): void {
    const doc = this.loader.document;
    if (!doc || !this.pageReady || this.disposed) {
      return;
    }
    const shown = this.loader.shownDocument(doc);
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
    const view = this.loader.view;
    switch (view.kind) {
      case 'loading':
        this.post({ type: 'loading', text: vscode.l10n.t('Loading…') });
        break;
      case 'error':
        this.pageDocument = undefined;
        this.post({ type: 'error', message: view.message, hint: view.hint });
        break;
      case 'document':
        this.postRender();
        if (this.loader.loadingDocument) {
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
        void this.loader.runAction(message.actionId, message.target);
        break;
      case 'loadMore':
      case 'loadAll':
        void this.loader.loadMore(message.blockId, message.type === 'loadAll');
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
    const found = findCopyText(this.loader.document, copyId);
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

  private async openWhole(blockId: string): Promise<void> {
    const doc = this.loader.document;
    const block = doc?.blocks.find((b): b is CodeBlock => b.kind === 'code' && b.id === blockId);
    if (!doc || !block?.canOpenWhole) {
      return;
    }
    try {
      const text = this.loader.source.wholeText?.(blockId) ?? (block.truncatedNotice ? undefined : block.text);
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
    if (!this.panel.visible && this.pageReady) {
      // Without retainContextWhenHidden the page is destroyed; it sends `ready` again when shown.
      this.pageReady = false;
      this.pageDocument = undefined;
    }
    this.loader.setVisible(this.panel.visible);
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
  const csp = ["default-src 'none'", `script-src 'nonce-${scriptNonce}'`, `style-src ${webview.cspSource}`, "base-uri 'none'", "form-action 'none'"].join('; ');
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
