import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import type { FilterStore } from '../filters/filterStore';
import { applyPrompt, dateRangeEntries, pickOne, showFilterMenu, type PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import { PagedList } from '../tree/pagedList';
import { listTablesPage, listTablesPageSize } from './api';
import type { BackupFilters } from './filters';
import { validateTableInput, type BackupTypeFilter } from './validation';

/** The filter menu, or (with a filters object as argument) the same rules applied without any prompt. */
export async function runBackupFilterCommand(store: FilterStore<BackupFilters>, clients: ClientFactory, arg?: unknown): Promise<boolean> {
  if (arg !== undefined) {
    return store.applyArgument(arg);
  }
  const f = store.current;
  await showFilterMenu(
    l10n.t('Filter DynamoDB backups'),
    [
      {
        label: `$(table) ${l10n.t('Table')}`,
        current: f.table,
        run: async () => applyPrompt(await pickTable(clients, f.table), (table) => store.update({ table })),
      },
      {
        label: `$(symbol-enum) ${l10n.t('Backup type')}`,
        current: f.backupType ?? l10n.t('USER (API default)'),
        run: async () => {
          const type = await pickOne<BackupTypeFilter>(
            l10n.t('Backup type'),
            [
              { value: 'USER', label: 'USER', description: l10n.t('on-demand backups you created (the API default)') },
              { value: 'SYSTEM', label: 'SYSTEM', description: l10n.t('made by DynamoDB, e.g. before a table is deleted; expire after 35 days') },
              { value: 'AWS_BACKUP', label: 'AWS_BACKUP', description: l10n.t('made by AWS Backup') },
              { value: 'ALL', label: 'ALL', description: l10n.t('every type') },
            ],
            f.backupType ?? 'USER',
          );
          if (type) {
            await store.update({ backupType: type === 'USER' ? undefined : type });
          }
        },
      },
      ...dateRangeEntries(
        f,
        {
          after: { label: l10n.t('Created on or after'), detail: l10n.t('Inclusive (TimeRangeLowerBound)'), title: l10n.t('Created on or after (inclusive)') },
          before: { label: l10n.t('Created before'), detail: l10n.t('Exclusive (TimeRangeUpperBound)'), title: l10n.t('Created before (exclusive)') },
        },
        (patch) => store.update(patch),
      ),
    ],
    () => store.clear(),
  );
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
