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
    return `Backup type must be one of ${backupTypes.join(', ')}.`;
  }
  for (const key of ['after', 'before'] as const) {
    const value = f[key];
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      return `"${key}" is not a date.`;
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
    'Filter DynamoDB backups',
    [
      {
        label: '$(table) Table',
        current: f.table,
        run: async () => applyPrompt(await pickTable(clients, f.table), (table) => store.update({ table })),
      },
      {
        label: '$(symbol-enum) Backup type',
        current: f.backupType ?? 'USER (API default)',
        run: async () => {
          const type = await pickOne<BackupTypeFilter>(
            'Backup type',
            [
              { value: 'USER', label: 'USER', description: 'on-demand backups you created (the API default)' },
              { value: 'SYSTEM', label: 'SYSTEM', description: 'made by DynamoDB, e.g. before a table is deleted; expire after 35 days' },
              { value: 'AWS_BACKUP', label: 'AWS_BACKUP', description: 'made by AWS Backup' },
              { value: 'ALL', label: 'ALL', description: 'every type' },
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
          after: { label: 'Created on or after', detail: 'Inclusive (TimeRangeLowerBound)', title: 'Created on or after (inclusive)' },
          before: { label: 'Created before', detail: 'Exclusive (TimeRangeUpperBound)', title: 'Created before (exclusive)' },
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
    title: 'Only backups of table',
    placeholder: 'Pick a table, or type a table name or table ARN',
    validate: validateTableInput,
    current,
    clearLabel: 'All tables',
    choices: () => tables.map((value) => ({ value })),
    more: {
      noun: 'tables',
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
