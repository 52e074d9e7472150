import * as vscode from 'vscode';
import { ContextKey, type ServiceKey } from '../constants';

/**
 * A view's server-side filters, persisted per workspace so they survive a restart. Services define the
 * shape and how it reads; the store owns persistence, the context key for the filled filter icon and
 * the change event that resets the view's lists.
 */
export class FilterStore<F extends object> implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<F>();
  readonly onDidChange = this.emitter.event;
  private value: F;

  constructor(
    private readonly memento: vscode.Memento,
    readonly service: ServiceKey,
    private readonly empty: F,
    /** Short human summary of each active filter, e.g. ["table Orders", "type ALL"]. */
    private readonly summarize: (filters: F) => string[],
  ) {
    this.value = { ...empty, ...memento.get<Partial<F>>(this.storageKey, {}) };
  }

  private get storageKey(): string {
    return `awsHistory.filters.${this.service}`;
  }

  get current(): F {
    return this.value;
  }

  get active(): boolean {
    return this.summarize(this.value).length > 0;
  }

  /** "table Orders · type ALL", or '' when nothing is filtered. */
  describe(): string {
    return this.summarize(this.value).join(' · ');
  }

  async set(next: F): Promise<void> {
    this.value = next;
    await this.memento.update(this.storageKey, next);
    await this.syncContext();
    this.emitter.fire(next);
  }

  async update(patch: Partial<F>): Promise<void> {
    await this.set({ ...this.value, ...patch });
  }

  /**
   * Filters given as a command argument (scripts, keybindings, tests), merged by the view's own rules:
   * refused with a message and nothing stored (so nothing is sent) when a value breaks them.
   */
  async applyArgument(merged: { filters: F } | { problem: string }): Promise<boolean> {
    if ('problem' in merged) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Filter not applied: {0}', merged.problem));
      return false;
    }
    await this.set(merged.filters);
    return true;
  }

  async clear(): Promise<void> {
    await this.set({ ...this.empty });
  }

  async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKey.filtered(this.service), this.active);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** A filter command's argument is a filters object, not the tree node a title-bar or menu click passes. */
export function isFilterArgument(arg: unknown): arg is Record<string, unknown> {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !('id' in arg);
}
