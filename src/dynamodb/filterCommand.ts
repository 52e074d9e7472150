import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import { checkRange } from '../filters/dateInput';
import { isFilterArgument, type FilterStore } from '../filters/filterStore';
import { applyPrompt, dateRangeEntries, pickOne, showFilterMenu, type PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import { listTablesPage } from './api';
import type { BackupFilters } from './filters';
import { backupTypes, validateTableInput, type BackupTypeFilter } from './validation';

/**
 * Checks filters given as a command argument (scripts, keybindings, tests) with the same rules as the
 * input boxes. Returns the first problem, or undefined.
 */
export function validateBackupFilters(f: BackupFilters): string | undefined {
  if (f.table !== undefined && validateTableInput(f.table)) {
    return validateTableInput(f.table);
  }
  if (f.backupType !== undefined && !backupTypes.includes(f.backupType)) {
    return l10n.t('Backup type must be one of {0}.', backupTypes.join(', '));
  }
  for (const key of ['after', 'before'] as const) {
    const value = f[key];
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      return l10n.t('"{0}" is not a date.', key);
    }
  }
  return checkRange(f.after ? new Date(f.after) : undefined, f.before ? new Date(f.before) : undefined);
}

export async function runBackupFilterCommand(store: FilterStore<BackupFilters>, clients: ClientFactory, arg?: Partial<BackupFilters>): Promise<boolean> {
  if (isFilterArgument(arg)) {
    const next = { ...store.current, ...arg };
    const problem = validateBackupFilters(next);
    return store.applyArgument(problem ? { problem } : { filters: next });
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
      load: async () => {
        started = true;
        const page = await listTablesPage(clients, token);
        tables.push(...page.items);
        token = page.nextToken;
      },
    },
  });
}
