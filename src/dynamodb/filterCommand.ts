import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import type { FilterStore } from '../filters/filterStore';
import type { PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import { PagedList } from '../tree/pagedList';
import { listTablesPage, listTablesPageSize } from './api';
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
  const tables = new PagedList<string>((token, _size, signal) => listTablesPage(clients, token, signal), (name) => name, listTablesPageSize);
  return pickOrType({
    title: l10n.t('Only backups of table'),
    placeholder: l10n.t('Pick a table, or type a table name or table ARN'),
    validate: validateTableInput,
    current,
    clearLabel: l10n.t('All tables'),
    more: { list: tables, noun: l10n.t('tables') },
  });
}
