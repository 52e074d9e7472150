/**
 * The handlers of Back Up Now, Delete Backup, Restore to New Table and Restore Table to Point in Time (a lazy
 * chunk: actions.ts registers the commands and their argument rules at activation, this loads at the first run).
 */
import * as vscode from 'vscode';
import { Command, type CommandId } from '../constants';
import type { Handler } from '../commands/registerCommand';
import { refuseAction, type ActionPlan, refuseOtherConnection } from '../actions/confirmAction';
import { treeNode } from '../commands/commandArgs';
import { reportError } from '../commands/registerCommand';
import { formatTableArn, parseArnOfKind } from '../aws/arn';
import type { Connection } from '../aws/session';
import type { FeatureContext } from '../feature';
import { parseDateInput, dateInputHelp } from '../filters/dateInput';
import { askTime } from '../filters/timePrompt';
import type { FilterStore } from '../filters/filterStore';
import type { PagedChildren } from '../tree/pagedChildren';
import type { PagedTreeProvider } from '../tree/pagedTreeProvider';
import type { TreeNode } from '../tree/treeNode';
import { log } from '../util/log';
import { forLabel, forNotification, forPrompt } from '../util/plainText';
import { pollUntil } from '../util/poll';
import {
  backupIndexes,
  createBackupCli,
  defaultBackupName,
  deleteBackupCli,
  pitrSummary,
  restoreFromBackupRequest,
  restoreTimeProblem,
  restoreToPointInTimeRequest,
  tableNameOf,
  unknownIndexes,
  validateBackupName,
  validateCapacity,
  validateTargetTableName,
  type BillingChoice,
} from './actionPlans';
import { createBackup, deleteBackup, describeBackup, describePitr, describeTable, restoreFromBackup, restoreToPointInTime } from './actionApi';
import type { BackupDetails, BackupSummary, PointInTimeRecoveryDescription, TableDescription } from './api';
import { BackupNode } from './backupNode';
import { pickTableWith } from './filterCommand';
import { backupMatchesFilters, type BackupFilters } from './filters';
import { validateTableInput } from './validation';

/** The commands whose handlers this holds (actions.ts registers them). */
export type BackupActionId =
  | typeof Command.dynamodbCreateBackup
  | typeof Command.dynamodbCreateBackupOfTable
  | typeof Command.dynamodbDeleteBackup
  | typeof Command.dynamodbRestoreBackup
  | typeof Command.dynamodbRestoreToPointInTime;

/** An argument object as a command takes it (keys and types already checked by its rule). */
type Args = Readonly<Record<string, unknown>>;
const isArgs = (value: unknown): value is Args => typeof value === 'object' && value !== null && !(value instanceof BackupNode) && !treeNode.accepts(value);
const str = (args: Args, key: string): string | undefined => (typeof args[key] === 'string' ? args[key].trim() : undefined);

/** A problem with a command's argument object: said once, nothing sent. */
class ArgumentProblem extends Error {}

function refuseArgument(id: CommandId, problem: string): false {
  log().warn(`${id} refused: ${problem}`);
  void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Command {0} not run: {1}', id, problem)));
  return false;
}

/** Resolves when the view is visible (at once if it is), or when the signal aborts. */
function whenVisible(view: vscode.TreeView<TreeNode>, signal: AbortSignal): Promise<void> {
  if (view.visible || signal.aborted) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = (): void => {
      listener.dispose();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const listener = view.onDidChangeVisibility((e) => e.visible && done());
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A new or changed backup as a list row: BackupDetails plus the table it belongs to (from its ARN). */
function summaryOf(details: BackupDetails, tableName: string): BackupSummary {
  const arn = details.BackupArn;
  const parsed = arn === undefined ? undefined : parseArnOfKind(arn, 'dynamodbBackup');
  return {
    TableName: tableName,
    TableArn: parsed && formatTableArn(parsed, parsed.table),
    BackupArn: arn,
    BackupName: details.BackupName,
    BackupCreationDateTime: details.BackupCreationDateTime,
    BackupExpiryDateTime: details.BackupExpiryDateTime,
    BackupStatus: details.BackupStatus,
    BackupType: details.BackupType,
    BackupSizeBytes: details.BackupSizeBytes,
  };
}

/** Billing from an argument object: undefined when not given (then asked), else the choice or a problem. */
function billingFromArgs(args: Args): BillingChoice | undefined {
  const mode = str(args, 'billingMode');
  if (mode === undefined) {
    if (args['readCapacityUnits'] !== undefined || args['writeCapacityUnits'] !== undefined) {
      throw new ArgumentProblem(vscode.l10n.t('"readCapacityUnits" and "writeCapacityUnits" go with "billingMode": "PROVISIONED".'));
    }
    return undefined;
  }
  if (mode === 'KEEP' || mode === 'PAY_PER_REQUEST') {
    return { mode };
  }
  if (mode !== 'PROVISIONED') {
    throw new ArgumentProblem(vscode.l10n.t('"billingMode" must be KEEP, PAY_PER_REQUEST or PROVISIONED.'));
  }
  const read = args['readCapacityUnits'];
  const write = args['writeCapacityUnits'];
  if (typeof read !== 'number' || typeof write !== 'number' || validateCapacity(String(read)) || validateCapacity(String(write))) {
    throw new ArgumentProblem(vscode.l10n.t('PROVISIONED needs "readCapacityUnits" and "writeCapacityUnits", whole numbers of at least 1.'));
  }
  return { mode, read, write };
}

function checked(value: string | undefined, validate: (text: string) => string | undefined, key: string): string | undefined {
  const problem = value === undefined ? undefined : validate(value);
  if (problem) {
    throw new ArgumentProblem(`"${key}": ${problem}`);
  }
  return value;
}

async function promptBilling(current: string | undefined): Promise<BillingChoice | undefined> {
  const keep = vscode.l10n.t("Keep the source table's billing mode");
  const picked = await vscode.window.showQuickPick(
    [
      { label: keep, description: current ? forPrompt(current) : undefined, mode: 'KEEP' as const },
      { label: 'PAY_PER_REQUEST', description: vscode.l10n.t('on-demand: pay per request'), mode: 'PAY_PER_REQUEST' as const },
      { label: 'PROVISIONED', description: vscode.l10n.t('fixed read and write capacity units'), mode: 'PROVISIONED' as const },
    ],
    { title: vscode.l10n.t('Billing mode of the new table'), ignoreFocusOut: true },
  );
  if (!picked || picked.mode !== 'PROVISIONED') {
    return picked && { mode: picked.mode };
  }
  const ask = async (title: string): Promise<number | undefined> => {
    const value = await vscode.window.showInputBox({ title, value: '5', ignoreFocusOut: true, validateInput: (t) => validateCapacity(t) });
    return value === undefined ? undefined : Number(value.trim());
  };
  const read = await ask(vscode.l10n.t('Read capacity units'));
  const write = read === undefined ? undefined : await ask(vscode.l10n.t('Write capacity units'));
  return read === undefined || write === undefined ? undefined : { mode: 'PROVISIONED', read, write };
}

function billingLine(billing: BillingChoice): string {
  switch (billing.mode) {
    case 'KEEP':
      return vscode.l10n.t('Billing mode: as the source table.');
    case 'PAY_PER_REQUEST':
      return vscode.l10n.t('Billing mode: PAY_PER_REQUEST (on-demand).');
    case 'PROVISIONED':
      return vscode.l10n.t('Billing mode: PROVISIONED, {0} read and {1} write capacity units.', billing.read, billing.write);
  }
}

/** A restore's plan: the new table's name is typed to confirm (a new table is billed from the start). */
function restorePlan(target: string, plan: Pick<ActionPlan, 'title' | 'details' | 'resources' | 'cli'>): ActionPlan {
  return { ...plan, confirmLabel: vscode.l10n.t('Restore'), client: 'dynamodb', typeToConfirm: target };
}

const notRestored = (): string =>
  vscode.l10n.t('Not restored (set them up again by hand): auto scaling, IAM policies, CloudWatch alarms, tags, streams and time to live.');

/**
 * Back Up Now, Delete Backup, Restore to New Table and Restore Table to Point in Time. Each: refused in
 * Restricted Mode or while a workspace setting waits for approval; input checked before any request; the
 * one confirmation (account, region, CLI); then only the affected row or list changes.
 */
export function backupActions(
  ctx: FeatureContext,
  provider: PagedTreeProvider,
  filters: FilterStore<BackupFilters>,
): Readonly<Record<BackupActionId, Handler>> {
  const root = (): PagedChildren<BackupSummary, BackupFilters> => provider.root as PagedChildren<BackupSummary, BackupFilters>;
  const disposed = new AbortController();
  ctx.extension.subscriptions.push({ dispose: () => disposed.abort() });

  /**
   * A row of the previous connection must never be acted on with the new identity, nor a row of another
   * connection of the view with the current one's.
   */
  const staleRow = (node: BackupNode): boolean => {
    if (provider.contains(node)) {
      return refuseOtherConnection(provider.connectionOf(node), ctx.session.current);
    }
    void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('This row belongs to the previous AWS connection; refresh the view and try again.')));
    return true;
  };

  const pitrLine = async (table: string, signal: AbortSignal): Promise<string> => {
    try {
      return pitrSummary(await describePitr(ctx.clients, table, signal));
    } catch (error) {
      return vscode.l10n.t('PITR status unknown ({0})', (error as Error).name);
    }
  };
  const pickSourceTable = async (title: string): Promise<string | undefined> => {
    const picked = await pickTableWith(ctx.clients, { title, describe: pitrLine });
    return typeof picked === 'string' ? picked : undefined;
  };

  const promptTarget = async (title: string, value: string, signal: AbortSignal): Promise<string | undefined> => {
    const target = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Name of the new table (3 to 255 letters, digits, _ - .). It must not exist yet.'),
      value,
      ignoreFocusOut: true,
      validateInput: (t) => {
        const problem = validateTargetTableName(t.trim());
        return problem && forPrompt(problem);
      },
    });
    return target === undefined ? undefined : (await targetIsFree(target.trim(), signal)) ? target.trim() : undefined;
  };

  /** DescribeTable before a restore: a taken name is said at once instead of after the confirmation. */
  const targetIsFree = async (target: string, signal: AbortSignal): Promise<boolean> => {
    if (!(await describeTable(ctx.clients, target, signal))) {
      return true;
    }
    void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('A table named {0} already exists in this region; pick another name.', target)));
    return false;
  };

  /** The new backup's row: first in the loaded list, then AVAILABLE by itself (DescribeBackup with backoff while visible). */
  const showNewBackup = (summary: BackupSummary, signal: AbortSignal): void => {
    if (!backupMatchesFilters(summary, filters.current) || !root().upsert(summary)) {
      return;
    }
    const arn = summary.BackupArn;
    if (!arn || summary.BackupStatus !== 'CREATING') {
      return;
    }
    const watching = AbortSignal.any([signal, disposed.signal]);
    void pollUntil({
      read: (s) => describeBackup(ctx.clients, arn, s),
      done: (d) => d?.BackupDetails?.BackupStatus !== 'CREATING',
      onValue: (d) => d?.BackupDetails && root().updateItem({ ...summary, ...summaryOf(d.BackupDetails, summary.TableName ?? '') }),
      signal: watching,
      whenAllowed: () => whenVisible(provider.treeView, watching),
    }).catch((error: unknown) => log().warn(`following backup ${arn} stopped: ${(error as Error).name}`));
  };

  const runCreate = async (table: string | undefined, name: string | undefined): Promise<boolean> => {
    const connection = ctx.session.current;
    const signal = ctx.session.signal;
    const source = table ?? (await pickSourceTable(vscode.l10n.t('Back up which table?')));
    if (!source) {
      return false;
    }
    const backupName =
      name ??
      (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('Back up {0}', forPrompt(tableNameOf(source))),
          prompt: vscode.l10n.t('Backup name: 3 to 255 letters, digits, _ - .'),
          value: defaultBackupName(source, new Date()),
          ignoreFocusOut: true,
          validateInput: (t) => {
            const problem = validateBackupName(t.trim());
            return problem && forPrompt(problem);
          },
        })
      )?.trim();
    if (!backupName) {
      return false;
    }
    const plan: ActionPlan = {
      title: vscode.l10n.t('Back up table {0} now?', tableNameOf(source)),
      details: [vscode.l10n.t('CreateBackup makes an on-demand backup named {0}. It is kept until you delete it, and is billed by its size.', backupName)],
      resources: [source],
      confirmLabel: vscode.l10n.t('Back Up'),
      cli: [createBackupCli(source, backupName)],
      client: 'dynamodb',
    };
    if (!(await ctx.confirm(plan, connection, signal))) {
      return false;
    }
    const details = await createBackup(ctx.clients, source, backupName, signal);
    if (details) {
      showNewBackup(summaryOf(details, tableNameOf(source)), signal);
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('Backup {0} is being created', forLabel(backupName)), 5000);
    return true;
  };

  const create = async (arg?: unknown): Promise<boolean> => {
    if (refuseAction(vscode.l10n.t('Back Up Now'))) {
      return false;
    }
    try {
      if (arg instanceof BackupNode) {
        return staleRow(arg) ? false : runCreate(arg.item.TableArn ?? arg.item.TableName, undefined);
      }
      if (isArgs(arg)) {
        const table = checked(str(arg, 'table'), validateTableInput, 'table');
        if (!table) {
          throw new ArgumentProblem(vscode.l10n.t('"table" is required.'));
        }
        return runCreate(table, checked(str(arg, 'backupName'), validateBackupName, 'backupName'));
      }
      return runCreate(undefined, undefined);
    } catch (error) {
      if (error instanceof ArgumentProblem) {
        return refuseArgument(Command.dynamodbCreateBackup, error.message);
      }
      throw error;
    }
  };
  const createFromTitle = (arg?: unknown): Promise<boolean> => create(isArgs(arg) ? arg : undefined);
  const createOfTable = (node: BackupNode): Promise<boolean> => create(node);

  const deleteBackups = async (arg: unknown, selected?: readonly TreeNode[]): Promise<boolean> => {
    if (refuseAction(vscode.l10n.t('Delete Backup'))) {
      return false;
    }
    let rows: BackupNode[];
    if (arg instanceof BackupNode) {
      // A right-click on a selected row acts on the whole selection; on another row, on that row only.
      rows = selected?.includes(arg) ? selected.filter((n): n is BackupNode => n instanceof BackupNode) : [arg];
    } else {
      const arns = (arg as Args)['backupArns'] as string[] | undefined;
      if (!arns || arns.length === 0) {
        return refuseArgument(Command.dynamodbDeleteBackup, vscode.l10n.t('"backupArns" must list at least one backup ARN.'));
      }
      const loaded = root().itemNodes.filter((n): n is BackupNode => n instanceof BackupNode);
      const missing = arns.filter((a) => !loaded.some((n) => n.arn === a));
      if (missing.length > 0) {
        return refuseArgument(Command.dynamodbDeleteBackup, vscode.l10n.t('{0} is not a backup loaded in the view.', missing[0]));
      }
      rows = arns.map((a) => loaded.find((n) => n.arn === a)!);
    }
    if (rows.some((row) => staleRow(row))) {
      return false;
    }
    const skipped: string[] = [];
    const deletable = rows.filter((row) => {
      const name = row.name ?? row.arn ?? '?';
      if (row.item.BackupType === 'AWS_BACKUP') {
        skipped.push(
          vscode.l10n.t('{0} is managed by AWS Backup: delete its recovery point in AWS Backup (its vault and backup plan keep it otherwise).', name),
        );
      } else if (row.item.BackupStatus !== 'AVAILABLE') {
        skipped.push(vscode.l10n.t('{0} is {1}: only AVAILABLE backups can be deleted.', name, row.item.BackupStatus ?? vscode.l10n.t('of unknown status')));
      }
      return row.item.BackupType !== 'AWS_BACKUP' && row.item.BackupStatus === 'AVAILABLE' && row.arn !== undefined;
    });
    if (deletable.length === 0) {
      void vscode.window.showInformationMessage(forNotification(skipped.join(' ')));
      return false;
    }
    const one = deletable.length === 1 ? deletable[0] : undefined;
    const plan: ActionPlan = {
      title: one ? vscode.l10n.t('Delete backup {0}?', one.name ?? one.arn ?? '') : vscode.l10n.t('Delete {0} backups?', deletable.length),
      details: [
        vscode.l10n.t('DeleteBackup removes each backup for good: it cannot be restored from afterwards.'),
        ...skipped.map((s) => vscode.l10n.t('Left alone: {0}', s)),
      ],
      resources: deletable.map((row) => `${row.name ?? '?'} (${row.item.TableName ?? '?'}, ${row.item.BackupType ?? '?'})`),
      confirmLabel: vscode.l10n.t('Delete'),
      cli: deletable.map((row) => deleteBackupCli(row.arn!)),
      client: 'dynamodb',
      // Several backups: typing their count (not one of several names) says "all of these".
      typeToConfirm: one ? (one.name ?? one.arn) : String(deletable.length),
    };
    const connection = ctx.session.current;
    const signal = ctx.session.signal;
    if (!(await ctx.confirm(plan, connection, signal))) {
      return false;
    }
    let deleted = 0;
    // One at a time: DeleteBackup allows 10 a second, and a failure stops before touching the rest.
    for (const row of deletable) {
      const description = await deleteBackup(ctx.clients, row.arn!, signal).catch((error: unknown) => {
        if (deleted > 0) {
          vscode.window.setStatusBarMessage(vscode.l10n.t('Deleted {0} of {1} backups', deleted, deletable.length), 5000);
        }
        throw error;
      });
      const details = description?.BackupDetails;
      root().updateItem({ ...row.item, BackupStatus: details?.BackupStatus ?? 'DELETED' });
      deleted++;
    }
    vscode.window.setStatusBarMessage(deleted === 1 ? vscode.l10n.t('Deleted 1 backup') : vscode.l10n.t('Deleted {0} backups', deleted), 5000);
    return true;
  };

  /** Follows a new table from CREATING to ACTIVE in a progress notification; cancelling stops watching only. */
  const maxMisses = 5;
  const follow = (table: string, signal: AbortSignal): void => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restoring table {0}', forNotification(table)), cancellable: true },
      async (progress, token) => {
        const stop = new AbortController();
        token.onCancellationRequested(() => stop.abort());
        progress.report({ message: 'CREATING' });
        // DescribeTable may not see a new table at once (eventually consistent); a table missing for this many
        // reads in a row was deleted meanwhile (or never became visible), and watching it would never end.
        let misses = 0;
        try {
          const final = await pollUntil<TableDescription | undefined>({
            read: (s) => describeTable(ctx.clients, table, s),
            done: (t) => (t === undefined ? ++misses >= maxMisses : t.TableStatus !== 'CREATING' && t.RestoreSummary?.RestoreInProgress !== true),
            onValue: (t) => {
              misses = t === undefined ? misses : 0;
              progress.report({ message: t?.TableStatus ?? vscode.l10n.t('not visible yet') });
            },
            signal: AbortSignal.any([stop.signal, signal, disposed.signal]),
            maxDelayMs: 20_000,
          });
          if (final) {
            void vscode.window.showInformationMessage(
              forNotification(vscode.l10n.t('Table {0} is {1}: the restore finished.', table, final.TableStatus ?? '?')),
            );
          } else if (token.isCancellationRequested) {
            vscode.window.setStatusBarMessage(vscode.l10n.t('Stopped watching {0}; the restore goes on in AWS.', forLabel(table)), 5000);
          } else if (misses >= maxMisses) {
            void vscode.window.showWarningMessage(
              forNotification(
                vscode.l10n.t('Table {0} is not there (DescribeTable found no such table {1} times in a row); stopped watching it.', table, maxMisses),
              ),
            );
          }
        } catch (error) {
          reportError(error, 'dynamodb:DescribeTable');
        }
      },
    );
  };

  /** Both restores: the typed new table name confirms, then the request, then the progress notification. */
  const confirmAndRestore = async (
    plan: ActionPlan,
    target: string,
    connection: Connection,
    signal: AbortSignal,
    send: () => Promise<unknown>,
  ): Promise<boolean> => {
    if (!(await ctx.confirm(plan, connection, signal))) {
      return false;
    }
    await send();
    follow(target, signal);
    return true;
  };

  const restoreBackup = async (arg: unknown): Promise<boolean> => {
    if (refuseAction(vscode.l10n.t('Restore to New Table'))) {
      return false;
    }
    const connection = ctx.session.current;
    const signal = ctx.session.signal;
    let backupArn: string;
    let backupName: string;
    let sourceTable: string | undefined;
    let args: Args = {};
    let billing: BillingChoice | undefined;
    let target: string | undefined;
    try {
      if (arg instanceof BackupNode) {
        if (staleRow(arg)) {
          return false;
        }
        if (arg.item.BackupStatus !== 'AVAILABLE' || !arg.arn) {
          void vscode.window.showInformationMessage(
            forNotification(vscode.l10n.t('{0} is {1}: only AVAILABLE backups can be restored.', arg.name ?? '?', arg.item.BackupStatus ?? '?')),
          );
          return false;
        }
        backupArn = arg.arn;
        backupName = arg.name ?? arg.arn;
        sourceTable = arg.item.TableName;
      } else {
        args = arg as Args;
        const arn = str(args, 'backupArn') ?? '';
        const parsed = parseArnOfKind(arn, 'dynamodbBackup');
        if (!parsed) {
          throw new ArgumentProblem(vscode.l10n.t('"backupArn" must be a DynamoDB backup ARN.'));
        }
        backupArn = arn;
        backupName = arn;
        sourceTable = parsed.table;
        target = checked(str(args, 'targetTableName'), validateTargetTableName, 'targetTableName');
        billing = billingFromArgs(args);
      }
    } catch (error) {
      if (error instanceof ArgumentProblem) {
        return refuseArgument(Command.dynamodbRestoreBackup, error.message);
      }
      throw error;
    }
    const stamp = defaultBackupName('', new Date()).slice(1);
    if (target === undefined) {
      target = await promptTarget(
        vscode.l10n.t('Restore {0} to a new table', forPrompt(backupName)),
        `${sourceTable ?? 'table'}-restored-${stamp}`.slice(0, 255),
        signal,
      );
    } else if (!(await targetIsFree(target, signal))) {
      return false;
    }
    if (!target) {
      return false;
    }
    const description = await describeBackup(ctx.clients, backupArn, signal);
    const indexes = backupIndexes(description);
    const wrong = unknownIndexes(
      {
        backupArn,
        target,
        billing: { mode: 'KEEP' },
        globalIndexes: args['globalSecondaryIndexes'] as string[] | undefined,
        localIndexes: args['localSecondaryIndexes'] as string[] | undefined,
      },
      description,
    );
    if (wrong.length > 0) {
      return refuseArgument(Command.dynamodbRestoreBackup, vscode.l10n.t('the backup has no secondary index named {0}.', wrong.join(', ')));
    }
    billing ??= await promptBilling(description?.SourceTableDetails?.BillingMode);
    if (!billing) {
      return false;
    }
    let globalIndexes = args['globalSecondaryIndexes'] as string[] | undefined;
    let localIndexes = args['localSecondaryIndexes'] as string[] | undefined;
    const all = [...indexes.global.map((name) => ({ name, global: true })), ...indexes.local.map((name) => ({ name, global: false }))];
    if (arg instanceof BackupNode && all.length > 0) {
      const picked = await vscode.window.showQuickPick(
        all.map((i) => ({
          label: forPrompt(i.name),
          description: i.global ? vscode.l10n.t('global secondary index') : vscode.l10n.t('local secondary index'),
          picked: true,
          index: i,
        })),
        { title: vscode.l10n.t('Secondary indexes to restore'), canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked) {
        return false;
      }
      globalIndexes = picked.filter((p) => p.index.global).map((p) => p.index.name);
      localIndexes = picked.filter((p) => !p.index.global).map((p) => p.index.name);
    }
    const { input, cli } = restoreFromBackupRequest({ backupArn, target, billing, globalIndexes, localIndexes }, description);
    const leftOut = [
      ...indexes.global.filter((n) => globalIndexes && !globalIndexes.includes(n)),
      ...indexes.local.filter((n) => localIndexes && !localIndexes.includes(n)),
    ];
    const plan = restorePlan(target, {
      title: vscode.l10n.t('Restore backup {0} to a new table {1}?', backupName, target),
      details: [
        vscode.l10n.t(
          "RestoreTableFromBackup creates table {0} with the backup's data; the source table is not touched. The new table is billed like any other.",
          target,
        ),
        billingLine(billing),
        leftOut.length > 0 ? vscode.l10n.t('Secondary indexes left out: {0}.', leftOut.join(', ')) : vscode.l10n.t('All secondary indexes are restored.'),
        notRestored(),
      ],
      resources: [backupArn],
      cli: [cli],
    });
    return confirmAndRestore(plan, target, connection, signal, () => restoreFromBackup(ctx.clients, input, signal));
  };

  const restoreToTime = async (arg?: unknown): Promise<boolean> => {
    if (refuseAction(vscode.l10n.t('Restore Table to Point in Time'))) {
      return false;
    }
    const connection = ctx.session.current;
    const signal = ctx.session.signal;
    let source: string | undefined;
    let target: string | undefined;
    let billing: BillingChoice | undefined;
    let time: Date | 'latest' | undefined;
    try {
      if (arg instanceof BackupNode) {
        if (staleRow(arg)) {
          return false;
        }
        source = arg.item.TableArn ?? arg.item.TableName;
      } else if (isArgs(arg)) {
        source = checked(str(arg, 'sourceTable'), validateTableInput, 'sourceTable');
        if (!source) {
          throw new ArgumentProblem(vscode.l10n.t('"sourceTable" is required.'));
        }
        target = checked(str(arg, 'targetTableName'), validateTargetTableName, 'targetTableName');
        billing = billingFromArgs(arg);
        const when = str(arg, 'restoreTime');
        if (when !== undefined) {
          const parsed = when === 'latest' ? undefined : parseDateInput(when);
          if (parsed && !parsed.ok) {
            throw new ArgumentProblem(`"restoreTime": ${parsed.message}`);
          }
          time = parsed ? parsed.date : 'latest';
        }
      }
    } catch (error) {
      if (error instanceof ArgumentProblem) {
        return refuseArgument(Command.dynamodbRestoreToPointInTime, error.message);
      }
      throw error;
    }
    source ??= await pickSourceTable(vscode.l10n.t('Restore which table to a point in time?'));
    if (!source) {
      return false;
    }
    const name = tableNameOf(source);
    const pitr: PointInTimeRecoveryDescription | undefined = await describePitr(ctx.clients, source, signal);
    if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
      void vscode.window.showInformationMessage(
        forNotification(
          vscode.l10n.t(
            "Point-in-time recovery is off for {0}, so it cannot be restored to a point in time. Turn it on in the table's backup settings first.",
            name,
          ),
        ),
      );
      return false;
    }
    if (time instanceof Date) {
      const problem = restoreTimeProblem(time, pitr);
      if (problem) {
        return refuseArgument(Command.dynamodbRestoreToPointInTime, `"restoreTime": ${problem}`);
      }
    }
    if (target === undefined) {
      target = await promptTarget(
        vscode.l10n.t('Restore {0} to a point in time', forPrompt(name)),
        `${name}-pitr-${defaultBackupName('', new Date()).slice(1)}`.slice(0, 255),
        signal,
      );
    } else if (!(await targetIsFree(target, signal))) {
      return false;
    }
    if (!target) {
      return false;
    }
    time ??= await promptRestoreTime(pitr);
    if (!time) {
      return false;
    }
    billing ??= await promptBilling(undefined);
    if (!billing) {
      return false;
    }
    const { input, cli } = restoreToPointInTimeRequest({ source, target, time, billing });
    const plan = restorePlan(target, {
      title: vscode.l10n.t(
        'Restore {0} as of {1} to a new table {2}?',
        name,
        time === 'latest' ? vscode.l10n.t('the latest restorable time') : time.toISOString(),
        target,
      ),
      details: [
        vscode.l10n.t(
          'RestoreTableToPointInTime creates table {0} with the data {1} had at that time; {1} itself is not touched. The new table is billed like any other.',
          target,
          name,
        ),
        pitrSummary(pitr),
        billingLine(billing),
        vscode.l10n.t(
          "Secondary indexes, capacity and encryption come from the source table's current settings; point-in-time recovery is off on the new table.",
        ),
        notRestored(),
      ],
      resources: [source],
      cli: [cli],
    });
    return confirmAndRestore(plan, target, connection, signal, () => restoreToPointInTime(ctx.clients, input, signal));
  };
  return {
    [Command.dynamodbCreateBackup]: createFromTitle,
    [Command.dynamodbCreateBackupOfTable]: createOfTable,
    [Command.dynamodbDeleteBackup]: deleteBackups,
    [Command.dynamodbRestoreBackup]: restoreBackup,
    [Command.dynamodbRestoreToPointInTime]: restoreToTime,
  };
}

/** "Latest restorable time", or a time typed as the filters take dates, checked inside the restorable window. */
async function promptRestoreTime(pitr: PointInTimeRecoveryDescription): Promise<Date | 'latest' | undefined> {
  const latest = pitr.LatestRestorableDateTime?.toISOString() ?? '?';
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Latest restorable time'), description: latest, value: 'latest' as const },
      { label: vscode.l10n.t('Enter a time…'), description: pitrSummary(pitr), value: 'enter' as const },
    ],
    { title: vscode.l10n.t('Restore to which time?'), ignoreFocusOut: true },
  );
  if (!picked || picked.value === 'latest') {
    return picked && 'latest';
  }
  return askTime({
    title: vscode.l10n.t('Restore to which time?'),
    prompt: `${dateInputHelp()}. ${pitrSummary(pitr)}`,
    value: latest,
    problemOf: (date) => restoreTimeProblem(date, pitr),
  });
}
