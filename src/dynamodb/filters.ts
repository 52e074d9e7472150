import * as l10n from '@vscode/l10n';
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
    f.table ? l10n.t('table {0}', f.table) : '',
    f.backupType ? l10n.t('type {0}', f.backupType) : '',
    f.after ? l10n.t('from {0}', shortDate(f.after)) : '',
    f.before ? l10n.t('before {0}', shortDate(f.before)) : '',
  ].filter(Boolean);
}
