/**
 * The registry of open details panels, one per item key: open or reveal, freeze all on a connection
 * switch, refresh one after a tree command changed its item. Each panel is a shell (`panelShell.lazy.ts`,
 * loaded with the first panel)
 * around a VS Code-free loader (`panelLoader.ts`); services implement `DetailSource` (`detailSource.ts`).
 */
import * as vscode from 'vscode';
import type { Connection } from '../aws/session';
import { connectionLabel } from '../aws/session';
import type { DescribeError, DetailSource } from './detailSource';
import type * as PanelShell from './panelShell.lazy';
import type { DetailPanel, ReadOnlyDocuments, ShowOptions } from './panelShell.lazy';
import { lazy } from '../util/lazy';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
const shell = lazy(() => require('./panelShell.lazy') as typeof PanelShell);

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
    const panel = new (shell().DetailPanel)(
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

  /** The panel that is the active editor (also while the command palette is open over it), if any. */
  activePanel(): DetailPanel | undefined {
    return this.all().find((panel) => panel.active);
  }

  /** The key (ARN) of the panel that has focus, for Copy Link from its title bar. */
  activeKey(): string | undefined {
    return this.activePanel()?.key;
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
    this.documents ??= new (shell().ReadOnlyDocuments)();
    return this.documents;
  }
}
