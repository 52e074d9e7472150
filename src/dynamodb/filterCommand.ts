import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import type { FilterStore } from '../filters/filterStore';
import type { PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import { listTablesPage } from './api';
import type { BackupFilters } from './filters';
import { validateTableInput } from './validation';

/** The filter menu, or (with a filters object as argument) the same rules applied without any prompt. */
export async function runBackupFilterCommand(store: FilterStore<BackupFilters>, clients: ClientFactory, arg?: unknown): Promise<boolean> {
  if (arg !== undefined) {
    return store.applyArgument(arg);
  }
  await store.showMenu({ table: (current) => pickTable(clients, current) });
  return true;
}

/** Table names from ListTables, a page at a time from inside the picker; or a typed name or table ARN. */
function pickTable(clients: ClientFactory, current: string | undefined): Promise<PromptResult<string>> {
  const tables: string[] = [];
  let token: string | undefined;
  let started = false;
  return pickOrType({
    title: l10n.t('Only backups of table'),
    placeholder: l10n.t('Pick a table, or type a table name or table ARN'),
    validate: validateTableInput,
    current,
    clearLabel: l10n.t('All tables'),
    choices: () => tables.map((value) => ({ value })),
    more: {
      noun: l10n.t('tables'),
      hasMore: () => !started || token !== undefined,
      load: async (signal) => {
        started = true;
        const page = await listTablesPage(clients, token, signal);
        tables.push(...page.items);
        token = page.nextToken;
      },
    },
  });
}
