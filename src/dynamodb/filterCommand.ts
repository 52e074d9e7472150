import * as l10n from '@vscode/l10n';
import type { ClientFactory } from '../aws/clientFactory';
import type { FilterStore } from '../filters/filterStore';
import { applyPrompt, dateRangeEntries, pickOne, showFilterMenu, type PromptResult } from '../filters/filterPrompts';
import { pickOrType } from '../filters/pickOrType';
import { listTablesPage } from './api';
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
  return pickTableWith(clients, { title: l10n.t('Only backups of table'), current, clearLabel: l10n.t('All tables') });
}

export interface TablePickerOptions {
  readonly title: string;
  readonly current?: string | undefined;
  readonly clearLabel?: string;
  /** A line per table shown next to its name (e.g. its PITR status), looked up for each page as it loads. */
  readonly describe?: (table: string, signal: AbortSignal) => Promise<string>;
}

/** Lookups per page at most this many at once (DescribeContinuousBackups allows 10 a second). */
const describeConcurrency = 3;

/** The table picker of the filter, also used by actions (which add each table's PITR status). */
export function pickTableWith(clients: ClientFactory, options: TablePickerOptions): Promise<PromptResult<string>> {
  const tables: string[] = [];
  const descriptions = new Map<string, string>();
  let token: string | undefined;
  let started = false;
  return pickOrType({
    title: options.title,
    placeholder: l10n.t('Pick a table, or type a table name or table ARN'),
    validate: validateTableInput,
    current: options.current,
    clearLabel: options.clearLabel ?? '',
    choices: () => tables.map((value) => ({ value, description: descriptions.get(value) })),
    more: {
      noun: l10n.t('tables'),
      hasMore: () => !started || token !== undefined,
      load: async (signal) => {
        started = true;
        const page = await listTablesPage(clients, token, signal);
        tables.push(...page.items);
        token = page.nextToken;
        const describe = options.describe;
        if (describe) {
          const queue = [...page.items];
          const worker = async (): Promise<void> => {
            for (let table = queue.shift(); table !== undefined && !signal.aborted; table = queue.shift()) {
              descriptions.set(table, await describe(table, signal));
            }
          };
          await Promise.all(Array.from({ length: Math.min(describeConcurrency, queue.length) }, worker));
        }
      },
    },
  });
}
