import * as vscode from 'vscode';
import { ContextKey, type ServiceKey } from '../constants';
import { log } from '../util/log';
import { forNotification } from '../util/plainText';
import { runFilterMenu, type CustomPrompts } from './filterPrompts';
import { mergeFilters, summarizeFilters, type FilterMerge, type FilterSpec } from './filterSpec';

/**
 * A view's server-side filters, persisted per workspace so they survive a restart. The service's spec
 * (src/filters/filterSpec.ts) defines the shape, its rules and how it reads; the store owns persistence,
 * the context key for the filled filter icon and the change event that resets the view's lists. Every
 * change (the menu, a command argument, saved state) is read by the spec's rules before it is stored.
 */
export class FilterStore<F extends object> implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<F>();
  readonly onDidChange = this.emitter.event;
  private value: F;

  constructor(
    private readonly memento: vscode.Memento,
    readonly service: ServiceKey,
    spec: FilterSpec<F>,
  ) {
    // Kept as functions, not the spec itself: a spec names its keys, and a view registry holds stores of
    // every service's filters as stores of `object` filters.
    this.merge = (base, raw) => mergeFilters(spec, base, raw);
    this.summarize = (filters) => summarizeFilters(spec, filters);
    this.menu = (custom) => runFilterMenu(spec, this, custom);
    this.value = this.load();
  }

  private readonly merge: (base: F, raw: unknown) => FilterMerge<F>;
  /** Short phrases of the given filters, e.g. ["table Orders", "type ALL"] (the view's empty message). */
  readonly summarize: (filters: F) => string[];
  private readonly menu: (custom: CustomPrompts<F>) => Promise<void>;

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
      return this.empty();
    }
    const merged = this.merge(this.empty(), stored);
    if ('filters' in merged) {
      return merged.filters;
    }
    log().warn(`Saved ${this.service} filters dropped: ${merged.problem}`);
    void this.memento.update(this.storageKey, undefined);
    void vscode.window.showWarningMessage(
      forNotification(vscode.l10n.t('The saved {0} filters were not valid and have been cleared: {1}', this.service, merged.problem)),
    );
    return this.empty();
  }

  /** No filter set. */
  private empty(): F {
    return {} as F;
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

  private async save(next: F): Promise<void> {
    this.value = next;
    await this.memento.update(this.storageKey, next);
    await this.syncContext();
    this.emitter.fire(next);
  }

  /** Replaces every filter (a benchmark's or a test's setup), read by the spec like an argument. */
  set(filters: F): Promise<boolean> {
    return this.store(this.merge(this.empty(), filters));
  }

  /** Changes some filters (a menu answer, a row's "show these"): read by the spec like an argument. */
  update(patch: Partial<F>): Promise<boolean> {
    return this.applyArgument(patch);
  }

  /**
   * Filters given as a command argument (scripts, keybindings, tests), merged over the current ones by
   * the view's rules: refused with a message and nothing stored (so nothing is sent) when a value, a type
   * or a key breaks them. JSON has no undefined, so `null` removes a filter.
   */
  applyArgument(arg: unknown): Promise<boolean> {
    return this.store(this.merge(this.value, arg));
  }

  private async store(merged: FilterMerge<F>): Promise<boolean> {
    if ('problem' in merged) {
      void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Filter not applied: {0}', merged.problem)));
      return false;
    }
    await this.save(merged.filters);
    return true;
  }

  /** The filter menu; `custom` supplies the prompts the spec leaves to the service (pickers of loaded items). */
  showMenu(custom: CustomPrompts<F> = {}): Promise<void> {
    return this.menu(custom);
  }

  async clear(): Promise<void> {
    await this.save(this.empty());
  }

  async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKey.filtered(this.service), this.active);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
