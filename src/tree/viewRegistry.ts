import * as vscode from 'vscode';
import { ContextKey, type ServiceKey } from '../constants';
import type { FilterStore } from '../filters/filterStore';
import type { AnyPagedChildren } from './pagedChildren';
import type { PagedTreeProvider } from './pagedTreeProvider';
import type { TreeNode } from './treeNode';

export interface ServiceView {
  readonly key: ServiceKey;
  readonly provider: PagedTreeProvider;
  readonly filters: FilterStore<object>;
  /** The order the view actually shows, e.g. "showing newest first", named in its description. */
  readonly order?: () => string | undefined;
}

/**
 * The three views, so cross-cutting commands (refresh, clear filters, copy, paging actions) can find
 * the view a command came from without knowing any service.
 */
export class ViewRegistry implements vscode.Disposable {
  private readonly views = new Map<ServiceKey, ServiceView>();
  private lastActive: ServiceKey | undefined;
  private readonly messages = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  add(view: ServiceView): void {
    this.views.set(view.key, view);
    const tree = view.provider.treeView;
    const touch = (): void => {
      this.lastActive = view.key;
    };
    const describe = (): void => this.describe(view);
    describe();
    void view.filters.syncContext();
    this.subscriptions.push(
      tree.onDidChangeSelection(touch),
      tree.onDidExpandElement(touch),
      tree.onDidChangeVisibility((e) => e.visible && touch()),
      view.filters.onDidChange(() => {
        describe();
        this.syncAnyFiltered();
        view.provider.refresh();
      }),
    );
    this.syncAnyFiltered();
  }

  /** Re-reads the view's description (filters and the order shown), e.g. after a first page showed its order. */
  redescribe(key: ServiceKey): void {
    const view = this.views.get(key);
    if (view) {
      this.describe(view);
    }
  }

  private describe(view: ServiceView): void {
    const filtered = view.filters.describe() ? vscode.l10n.t('Filtered: {0}', view.filters.describe()) : '';
    const text = [filtered, view.order?.() ?? ''].filter(Boolean).join(' · ');
    view.provider.treeView.description = text || undefined;
  }

  get(key: ServiceKey): ServiceView {
    const view = this.views.get(key);
    if (!view) {
      throw new Error(`View ${key} is not registered`);
    }
    return view;
  }

  all(): ServiceView[] {
    return [...this.views.values()];
  }

  /**
   * The view a title-bar command most likely came from: VS Code passes no argument there, so use the
   * only visible view, else the one used last.
   */
  activeView(): ServiceView | undefined {
    const visible = this.all().filter((v) => v.provider.treeView.visible);
    if (visible.length === 1) {
      return visible[0];
    }
    const last = this.lastActive && this.views.get(this.lastActive);
    return last && (visible.length === 0 || visible.includes(last)) ? last : undefined;
  }

  /** The view that shows this node or list. */
  viewOf(target: TreeNode | AnyPagedChildren): ServiceView | undefined {
    return this.all().find((v) => v.provider.contains(target));
  }

  /**
   * A line above every view, per topic (a credential failure, ignored workspace settings); undefined
   * removes the topic's line. Plain text: TreeView.message renders no Markdown.
   */
  setMessage(topic: string, text: string | undefined): void {
    if (text === undefined) {
      this.messages.delete(topic);
    } else {
      this.messages.set(topic, text);
    }
    const message = [...this.messages.values()].join(' ') || undefined;
    for (const view of this.all()) {
      view.provider.treeView.message = message;
    }
  }

  refreshAll(): void {
    for (const view of this.all()) {
      view.provider.refresh();
    }
  }

  private syncAnyFiltered(): void {
    void vscode.commands.executeCommand(
      'setContext',
      ContextKey.anyFiltered,
      this.all().some((v) => v.filters.active),
    );
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
