import * as l10n from '@vscode/l10n';
import { checkDateArgument, checkRange, shortDate } from '../filters/dateInput';
import { parseFilterArgument, type FilterMerge } from '../filters/filterArgument';
import { backupTypes, validateTableInput, type BackupTypeFilter } from './validation';

/** ListBackups' filters as stored (JSON-safe: dates as ISO strings). */
export interface BackupFilters {
  readonly table?: string | undefined;
  /** Undefined sends nothing, and the API then lists USER backups only. */
  readonly backupType?: BackupTypeFilter | undefined;
  /** TimeRangeLowerBound, inclusive. */
  readonly after?: string | undefined;
  /** TimeRangeUpperBound, exclusive. */
  readonly before?: string | undefined;
}

export const noBackupFilters: BackupFilters = {};

export function summarizeBackupFilters(f: BackupFilters): string[] {
  return [
    f.table ? l10n.t('table {0}', f.table) : '',
    f.backupType ? l10n.t('type {0}', f.backupType) : '',
    f.after ? l10n.t('from {0}', shortDate(f.after)) : '',
    f.before ? l10n.t('before {0}', shortDate(f.before)) : '',
  ].filter(Boolean);
}

const filterKeys = ['table', 'backupType', 'after', 'before'] as const;

/**
 * Filters given as data (a command argument from a script or keybinding, or saved state), checked by
 * type and with the same rules as the input boxes, merged over `current`. Returns them, or the first problem.
 */
export function mergeBackupFilterArgument(current: BackupFilters, arg: unknown): FilterMerge<BackupFilters> {
  return parseFilterArgument(arg, current, filterKeys, (base, raw) => {
    const table = raw.table;
    if (table !== undefined && typeof table !== 'string') {
      return { problem: '"table" must be a table name or table ARN.' };
    }
    const tableProblem = table === undefined ? undefined : validateTableInput(table);
    if (tableProblem) {
      return { problem: tableProblem };
    }
    const type = raw.backupType;
    if (type !== undefined && !(backupTypes as readonly unknown[]).includes(type)) {
      return { problem: `Backup type must be one of ${backupTypes.join(', ')}.` };
    }
    const dateProblem = checkDateArgument(raw.after, 'after') ?? checkDateArgument(raw.before, 'before');
    if (dateProblem) {
      return { problem: dateProblem };
    }
    const next: BackupFilters = { ...base, ...(raw as Partial<BackupFilters>), ...(typeof table === 'string' ? { table: table.trim() } : {}) };
    const rangeProblem = checkRange(next.after ? new Date(next.after) : undefined, next.before ? new Date(next.before) : undefined);
    return rangeProblem ? { problem: rangeProblem } : { filters: next };
  });
}

/** Whether ListBackups with these filters would list the backup: a new one joins the loaded list only then. */
export function backupMatchesFilters(b: { TableName?: string | undefined; TableArn?: string | undefined; BackupType?: string | undefined; BackupCreationDateTime?: Date | undefined }, f: BackupFilters): boolean {
  const table = !f.table || (f.table.startsWith('arn:') ? b.TableArn === f.table : b.TableName === f.table);
  const type = f.backupType === 'ALL' || b.BackupType === (f.backupType ?? 'USER');
  const created = b.BackupCreationDateTime?.getTime() ?? Date.now();
  const time = (!f.after || created >= Date.parse(f.after)) && (!f.before || created < Date.parse(f.before));
  return table && type && time;
}
