import { formatNumber } from '../shared/format';
import * as vscode from 'vscode';
import { forLabel, plainLine } from '../util/plainText';
import type { PagedList } from '../tree/pagedList';
import { clearValue, promptText, type PromptResult } from './filterPrompts';

export interface Choice {
  readonly value: string;
  readonly description?: string | undefined;
}

export interface PickOrTypeOptions {
  readonly title: string;
  readonly placeholder: string;
  /** What a typed value must satisfy; the same rule the command-argument form uses. */
  readonly validate: (text: string) => string | undefined;
  /** Stored form of a valid typed value (e.g. lowercase cluster identifiers). */
  readonly normalize?: (text: string) => string;
  readonly current: string | undefined;
  /** Label of the entry that removes the filter, e.g. "All tables". */
  readonly clearLabel: string;
  /** Values known so far (already loaded in the view); with `more`, the values of its list follow them. */
  readonly choices?: () => readonly Choice[];
  /** When set, values are paged in from the picker: a "Load more…" entry while the list has more (e.g. ListTables). */
  readonly more?: {
    readonly list: PagedList<string>;
    readonly noun: string;
    /** A line shown next to a listed value (e.g. a table's PITR status), once known. */
    readonly describe?: (value: string) => string | undefined;
  };
}

function knownChoices(options: PickOrTypeOptions): readonly Choice[] {
  const describe = options.more?.describe;
  const listed = options.more?.list.view.map((value) => ({ value, description: describe?.(value) })) ?? [];
  return options.choices ? [...options.choices(), ...listed] : listed;
}

type Item = vscode.QuickPickItem & { action: 'value' | 'typed' | 'clear' | 'more'; value: string };

/**
 * A filter value picked from known ones or typed. A typed value that breaks the rule is not applied:
 * accepting it opens an input box showing the rule's message, so nothing invalid is ever sent.
 */
export async function pickOrType(options: PickOrTypeOptions): Promise<PromptResult<string>> {
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = true;
  const normalize = options.normalize ?? ((text: string) => text);
  const render = (): void => {
    const typed = quickPick.value.trim();
    const known = knownChoices(options);
    const problem = typed ? options.validate(typed) : undefined;
    const typedItems: Item[] =
      typed && !known.some((c) => c.value === normalize(typed))
        ? [
            {
              label: forLabel(typed),
              description: problem ? `$(error) ${vscode.l10n.t('not valid')}` : vscode.l10n.t('use the typed value'),
              detail: problem && forLabel(problem),
              action: 'typed',
              value: typed,
              alwaysShow: true,
            },
          ]
        : [];
    quickPick.items = [
      ...typedItems,
      ...(options.current
        ? [{ label: `$(close) ${options.clearLabel}`, description: vscode.l10n.t('remove this filter'), action: 'clear' as const, value: '' }]
        : []),
      ...known.map((c) => ({
        label: forLabel(c.value),
        description: forLabel((c.value === options.current ? vscode.l10n.t('{0} (current)', c.description ?? '') : (c.description ?? '')).trim()),
        action: 'value' as const,
        value: c.value,
      })),
      ...(options.more?.list.hasMore
        ? [
            {
              label: `$(fold-down) ${vscode.l10n.t('Load more {0}…', options.more.noun)}`,
              description: vscode.l10n.t('{0} loaded', formatNumber(known.length)),
              action: 'more' as const,
              value: '',
              alwaysShow: true,
            },
          ]
        : []),
    ];
  };
  const closed = new AbortController();
  const loadMore = async (): Promise<void> => {
    if (!options.more) {
      return;
    }
    const { list, noun } = options.more;
    quickPick.busy = true;
    await list.loadNext(undefined, closed.signal);
    quickPick.busy = false;
    if (closed.signal.aborted) {
      return;
    }
    if (list.state === 'error') {
      quickPick.placeholder = vscode.l10n.t('Could not load {0} ({1}); type a value instead', noun, plainLine(String((list.error as Error).name)));
    }
    render();
  };
  const picked = await new Promise<Item | undefined>((resolve) => {
    quickPick.onDidChangeValue(render);
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0];
      if (item?.action === 'more') {
        void loadMore();
        return;
      }
      resolve(item);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      // A page still loading belongs to a picker nobody sees any more.
      closed.abort();
      resolve(undefined);
      quickPick.dispose();
    });
    render();
    quickPick.show();
    if (options.more && knownChoices(options).length === 0) {
      void loadMore();
    }
  });
  if (!picked) {
    return undefined;
  }
  if (picked.action === 'clear') {
    return clearValue;
  }
  if (picked.action === 'typed' && options.validate(picked.value)) {
    const fixed = await promptText(options.title, options.placeholder + '.', options.validate, picked.value);
    return typeof fixed === 'string' ? normalize(fixed) : fixed;
  }
  return normalize(picked.value);
}
