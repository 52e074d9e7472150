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
  const descriptions = new Map<string, string>();
  const describe = options.describe;
  const tables = new PagedList<string>(
    async (token, _size, signal) => {
      const page = await listTablesPage(clients, token, signal);
      if (describe) {
        const queue = [...page.items];
        const worker = async (): Promise<void> => {
          for (let table = queue.shift(); table !== undefined && !signal.aborted; table = queue.shift()) {
            descriptions.set(table, await describe(table, signal));
          }
        };
        await Promise.all(Array.from({ length: Math.min(describeConcurrency, queue.length) }, worker));
      }
      return page;
    },
    (name) => name,
    listTablesPageSize,
  );
  return pickOrType({
    title: options.title,
    placeholder: l10n.t('Pick a table, or type a table name or table ARN'),
    validate: validateTableInput,
    current: options.current,
    clearLabel: options.clearLabel ?? '',
    more: { list: tables, noun: l10n.t('tables'), describe: (table) => descriptions.get(table) },
  });
}
