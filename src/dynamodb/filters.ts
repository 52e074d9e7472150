import * as l10n from '@vscode/l10n';
import { shortDate } from '../filters/dateInput';
import { choiceField, dateField, textField } from '../filters/filterFields';
import type { FilterSpec } from '../filters/filterSpec';
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

/**
 * The DynamoDB view's filters: rules, summary and menu. Built on call, after activation has loaded the
 * translations (l10n.t at module load would always be English).
 */
export const backupFilterSpec = (): FilterSpec<BackupFilters> => ({
  title: () => l10n.t('Filter DynamoDB backups'),
  fields: {
    table: textField({
      icon: 'table',
      label: l10n.t('Table'),
      noun: l10n.t('a table name or table ARN'),
      validate: validateTableInput,
      summary: (table) => l10n.t('table {0}', table),
      // A picker of ListTables pages (filterCommand.ts).
      prompt: { kind: 'custom' },
    }),
    backupType: choiceField<BackupTypeFilter>({
      icon: 'symbol-enum',
      label: l10n.t('Backup type'),
      what: l10n.t('Backup type'),
      values: backupTypes,
      unset: 'USER',
      summary: (type) => l10n.t('type {0}', type),
      shown: (type) => type ?? l10n.t('USER (API default)'),
      title: l10n.t('Backup type'),
      choices: [
        { value: 'USER', label: 'USER', description: l10n.t('on-demand backups you created (the API default)') },
        { value: 'SYSTEM', label: 'SYSTEM', description: l10n.t('made by DynamoDB, e.g. before a table is deleted; expire after 35 days') },
        { value: 'AWS_BACKUP', label: 'AWS_BACKUP', description: l10n.t('made by AWS Backup') },
        { value: 'ALL', label: 'ALL', description: l10n.t('every type') },
      ],
    }),
    after: dateField({
      icon: 'calendar',
      label: l10n.t('Created on or after'),
      detail: l10n.t('Inclusive (TimeRangeLowerBound)'),
      title: l10n.t('Created on or after (inclusive)'),
      summary: (after) => l10n.t('from {0}', shortDate(after)),
    }),
    before: dateField({
      icon: 'calendar',
      label: l10n.t('Created before'),
      detail: l10n.t('Exclusive (TimeRangeUpperBound)'),
      title: l10n.t('Created before (exclusive)'),
      summary: (before) => l10n.t('before {0}', shortDate(before)),
    }),
  },
  range: ['after', 'before'],
});

/** ListBackups' filter parameters: every filter goes to the API, nothing is filtered locally. */
export function backupListRequest(f: BackupFilters): {
  TableName?: string;
  BackupType?: BackupTypeFilter;
  TimeRangeLowerBound?: Date;
  TimeRangeUpperBound?: Date;
} {
  return {
    TableName: f.table,
    BackupType: f.backupType,
    TimeRangeLowerBound: f.after ? new Date(f.after) : undefined,
    TimeRangeUpperBound: f.before ? new Date(f.before) : undefined,
  };
}

/** Whether ListBackups with these filters would list the backup: a new one joins the loaded list only then. */
export function backupMatchesFilters(
  b: { TableName?: string | undefined; TableArn?: string | undefined; BackupType?: string | undefined; BackupCreationDateTime?: Date | undefined },
  f: BackupFilters,
): boolean {
  const table = !f.table || (f.table.startsWith('arn:') ? b.TableArn === f.table : b.TableName === f.table);
  const type = f.backupType === 'ALL' || b.BackupType === (f.backupType ?? 'USER');
  const created = b.BackupCreationDateTime?.getTime() ?? Date.now();
  const time = (!f.after || created >= Date.parse(f.after)) && (!f.before || created < Date.parse(f.before));
  return table && type && time;
}
