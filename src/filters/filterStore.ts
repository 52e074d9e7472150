import * as vscode from 'vscode';
import { ContextKey, type ServiceKey } from '../constants';
import { log } from '../util/log';
import { forNotification } from '../util/plainText';
import type { FilterMerge } from './filterArgument';

/**
 * A view's server-side filters, persisted per workspace so they survive a restart. Services define the
 * shape, its rules and how it reads; the store owns persistence, the context key for the filled filter
 * icon and the change event that resets the view's lists.
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
    /** Untrusted filters (a command argument, saved state) checked and merged over `base` (parseFilterArgument). */
    private readonly parse: (base: F, raw: unknown) => FilterMerge<F>,
  ) {
    this.value = this.load();
  }

  private get storageKey(): string {
    return `awsHistory.filters.${this.service}`;
  }

  /**
   * The saved filters, checked by the same rules as an argument: state written by another version (or
   * by hand) that breaks them is dropped with a warning instead of failing the view at activation.
   */
  private load(): F {
    const stored: unknown = this.memento.get(this.storageKey);
    if (stored === undefined) {
      return { ...this.empty };
    }
    const merged = this.parse(this.empty, stored);
    if ('filters' in merged) {
      return merged.filters;
    }
    log().warn(`Saved ${this.service} filters dropped: ${merged.problem}`);
    void this.memento.update(this.storageKey, undefined);
    void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('The saved {0} filters were not valid and have been cleared: {1}', this.service, merged.problem)));
    return { ...this.empty };
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
   * Filters given as a command argument (scripts, keybindings, tests), merged over the current ones by
   * the view's rules: refused with a message and nothing stored (so nothing is sent) when a value, a type
   * or a key breaks them. JSON has no undefined, so `null` removes a filter.
   */
  async applyArgument(arg: unknown): Promise<boolean> {
    const merged = this.parse(this.value, arg);
    if ('problem' in merged) {
      void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Filter not applied: {0}', merged.problem)));
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
