import { shortDate } from '../filters/dateInput';
import type { BackupTypeFilter } from './validation';

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
    f.table ? `table ${f.table}` : '',
    f.backupType ? `type ${f.backupType}` : '',
    f.after ? `from ${shortDate(f.after)}` : '',
    f.before ? `before ${shortDate(f.before)}` : '',
  ].filter(Boolean);
}
