/**
 * The DynamoDB actions as data: input rules (as the API states them, so nothing invalid is sent), the
 * request each action sends, and its exact AWS CLI equivalent. Pure, so unit tests cover every form.
 */
import * as l10n from '@vscode/l10n';
import type { CliCommand } from '../actions/cliCommand';
import { parseArnOfKind } from '../aws/arn';
import type { BackupDescription, PointInTimeRecoveryDescription, RestoreFromBackupInput, RestoreToPointInTimeInput } from './api';

const namePattern = /^[a-zA-Z0-9_.-]+$/;

/** BackupName and TargetTableName: 3–255 characters of `[a-zA-Z0-9_.-]`. */
function validateName(text: string, what: string): string | undefined {
  if (text.length < 3 || text.length > 255) {
    return l10n.t('A {0} has 3 to 255 characters.', what);
  }
  if (!namePattern.test(text)) {
    return l10n.t('A {0} uses only letters, digits, underscore (_), hyphen (-) and dot (.).', what);
  }
  return undefined;
}

export function validateBackupName(text: string): string | undefined {
  return validateName(text, l10n.t('backup name'));
}

export function validateTargetTableName(text: string): string | undefined {
  return validateName(text, l10n.t('table name'));
}

/** The table name of a name or table ARN (`arn:…:table/NAME`). */
export function tableNameOf(tableOrArn: string): string {
  return parseArnOfKind(tableOrArn, 'dynamodbTable')?.table ?? tableOrArn;
}

/** `<table>-<yyyymmdd-hhmm>` in UTC, shortened so it stays within the 255-character limit. */
export function defaultBackupName(tableOrArn: string, at: Date): string {
  const iso = at.toISOString();
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 16).replace(':', '')}`;
  return `${tableNameOf(tableOrArn).slice(0, 255 - stamp.length - 1)}-${stamp}`;
}

export type BillingChoice =
  { readonly mode: 'KEEP' } | { readonly mode: 'PAY_PER_REQUEST' } | { readonly mode: 'PROVISIONED'; readonly read: number; readonly write: number };

/** Read or write capacity units: a whole number of at least 1. */
export function validateCapacity(text: string): string | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isSafeInteger(value) && value >= 1 ? undefined : l10n.t('Capacity units are a whole number of at least 1.');
}

export function createBackupCli(table: string, name: string): CliCommand {
  return {
    service: 'dynamodb',
    operation: 'create-backup',
    args: [
      ['--table-name', table],
      ['--backup-name', name],
    ],
  };
}

export function deleteBackupCli(arn: string): CliCommand {
  return { service: 'dynamodb', operation: 'delete-backup', args: [['--backup-arn', arn]] };
}

type Arg = readonly [string] | readonly [string, string];

function billingOverride(billing: BillingChoice): {
  input: Pick<RestoreFromBackupInput, 'BillingModeOverride' | 'ProvisionedThroughputOverride'>;
  args: Arg[];
} {
  switch (billing.mode) {
    case 'KEEP':
      return { input: {}, args: [] };
    case 'PAY_PER_REQUEST':
      return { input: { BillingModeOverride: 'PAY_PER_REQUEST' }, args: [['--billing-mode-override', 'PAY_PER_REQUEST']] };
    case 'PROVISIONED':
      return {
        input: { BillingModeOverride: 'PROVISIONED', ProvisionedThroughputOverride: { ReadCapacityUnits: billing.read, WriteCapacityUnits: billing.write } },
        args: [
          ['--billing-mode-override', 'PROVISIONED'],
          ['--provisioned-throughput-override', `ReadCapacityUnits=${billing.read},WriteCapacityUnits=${billing.write}`],
        ],
      };
  }
}

export interface RestoreFromBackupChoice {
  readonly backupArn: string;
  readonly target: string;
  readonly billing: BillingChoice;
  /** Names of the global / local secondary indexes to restore; undefined = all of them. */
  readonly globalIndexes?: readonly string[] | undefined;
  readonly localIndexes?: readonly string[] | undefined;
}

/** The secondary indexes a backup holds (DescribeBackup's SourceTableFeatureDetails). */
export function backupIndexes(description: BackupDescription | undefined): { global: string[]; local: string[] } {
  const f = description?.SourceTableFeatureDetails;
  return {
    global: (f?.GlobalSecondaryIndexes ?? []).flatMap((g) => (g.IndexName ? [g.IndexName] : [])),
    local: (f?.LocalSecondaryIndexes ?? []).flatMap((l) => (l.IndexName ? [l.IndexName] : [])),
  };
}

/** Index names the backup does not hold, or undefined. */
export function unknownIndexes(choice: RestoreFromBackupChoice, description: BackupDescription | undefined): string[] {
  const known = backupIndexes(description);
  return [...(choice.globalIndexes ?? []).filter((n) => !known.global.includes(n)), ...(choice.localIndexes ?? []).filter((n) => !known.local.includes(n))];
}

/**
 * RestoreTableFromBackup's request and CLI. Index overrides are sent only when they change something: some
 * indexes left out, or a billing mode change (each kept global index then takes the table's new throughput).
 */
export function restoreFromBackupRequest(
  choice: RestoreFromBackupChoice,
  description: BackupDescription | undefined,
): { input: RestoreFromBackupInput; cli: CliCommand } {
  const billing = billingOverride(choice.billing);
  const f = description?.SourceTableFeatureDetails;
  const input: RestoreFromBackupInput = { TargetTableName: choice.target, BackupArn: choice.backupArn, ...billing.input };
  const args: Arg[] = [['--target-table-name', choice.target], ['--backup-arn', choice.backupArn], ...billing.args];
  const allGlobal = f?.GlobalSecondaryIndexes ?? [];
  const keptGlobal = choice.globalIndexes ? allGlobal.filter((g) => g.IndexName && choice.globalIndexes?.includes(g.IndexName)) : allGlobal;
  if (keptGlobal.length !== allGlobal.length || (choice.billing.mode !== 'KEEP' && allGlobal.length > 0)) {
    const billingMode = choice.billing;
    input.GlobalSecondaryIndexOverride = keptGlobal.map((g) => ({
      IndexName: g.IndexName,
      KeySchema: g.KeySchema,
      Projection: g.Projection,
      ...(billingMode.mode === 'PROVISIONED'
        ? { ProvisionedThroughput: { ReadCapacityUnits: billingMode.read, WriteCapacityUnits: billingMode.write } }
        : billingMode.mode === 'KEEP' && g.ProvisionedThroughput?.ReadCapacityUnits
          ? {
              ProvisionedThroughput: {
                ReadCapacityUnits: g.ProvisionedThroughput.ReadCapacityUnits,
                WriteCapacityUnits: g.ProvisionedThroughput.WriteCapacityUnits,
              },
            }
          : {}),
    }));
    args.push(['--global-secondary-index-override', JSON.stringify(input.GlobalSecondaryIndexOverride)]);
  }
  const allLocal = f?.LocalSecondaryIndexes ?? [];
  const keptLocal = choice.localIndexes ? allLocal.filter((l) => l.IndexName && choice.localIndexes?.includes(l.IndexName)) : allLocal;
  if (keptLocal.length !== allLocal.length) {
    input.LocalSecondaryIndexOverride = keptLocal.map((l) => ({ IndexName: l.IndexName, KeySchema: l.KeySchema, Projection: l.Projection }));
    args.push(['--local-secondary-index-override', JSON.stringify(input.LocalSecondaryIndexOverride)]);
  }
  return { input, cli: { service: 'dynamodb', operation: 'restore-table-from-backup', args } };
}

export interface RestoreToPointInTimeChoice {
  /** The source table's name or ARN. */
  readonly source: string;
  readonly target: string;
  /** A time inside the restorable window, or the latest restorable time. */
  readonly time: Date | 'latest';
  readonly billing: BillingChoice;
}

export function restoreToPointInTimeRequest(choice: RestoreToPointInTimeChoice): { input: RestoreToPointInTimeInput; cli: CliCommand } {
  const billing = billingOverride(choice.billing);
  const byArn = choice.source.startsWith('arn:');
  const input: RestoreToPointInTimeInput = {
    ...(byArn ? { SourceTableArn: choice.source } : { SourceTableName: choice.source }),
    TargetTableName: choice.target,
    ...(choice.time === 'latest' ? { UseLatestRestorableTime: true } : { RestoreDateTime: choice.time }),
    ...billing.input,
  };
  const args: Arg[] = [
    [byArn ? '--source-table-arn' : '--source-table-name', choice.source],
    ['--target-table-name', choice.target],
    choice.time === 'latest' ? ['--use-latest-restorable-time'] : ['--restore-date-time', choice.time.toISOString()],
    ...billing.args,
  ];
  return { input, cli: { service: 'dynamodb', operation: 'restore-table-to-point-in-time', args } };
}

/** Why `time` cannot be restored to: outside [earliest, latest] restorable, or PITR is off. */
export function restoreTimeProblem(time: Date, pitr: PointInTimeRecoveryDescription | undefined): string | undefined {
  const earliest = pitr?.EarliestRestorableDateTime;
  const latest = pitr?.LatestRestorableDateTime;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED' || !earliest || !latest) {
    return l10n.t('Point-in-time recovery is not enabled for this table.');
  }
  if (time.getTime() < earliest.getTime() || time.getTime() > latest.getTime()) {
    return l10n.t('Pick a time between {0} and {1} (the restorable window).', earliest.toISOString(), latest.toISOString());
  }
  return undefined;
}

/** "PITR on, restorable 2026-11-01T… to 2026-12-01T…" or "PITR off": for pickers and details. */
export function pitrSummary(pitr: PointInTimeRecoveryDescription | undefined): string {
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
    return l10n.t('PITR off');
  }
  const earliest = pitr.EarliestRestorableDateTime?.toISOString() ?? '?';
  const latest = pitr.LatestRestorableDateTime?.toISOString() ?? '?';
  return l10n.t('PITR on, restorable {0} to {1}', earliest, latest);
}
