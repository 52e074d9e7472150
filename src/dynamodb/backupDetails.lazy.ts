import * as l10n from '@vscode/l10n';
import { parseArnOfKind } from '../aws/arn';
import type { ClientFactory } from '../aws/clientFactory';
import type { Connection } from '../aws/session';
import type { Block, Field, PanelDocument } from '../shared/protocol';
import type { DetailSource } from '../webview/detailSource';
import { bothTimes, formatNumber, humanDuration, humanSize } from '../shared/format';
import { pitrSummary } from './actionPlans';
import { describeBackup, describePitr } from './actionApi';
import type { BackupDescription, PointInTimeRecoveryDescription } from './api';
import { backupStatus } from './backupStatus';
import type { CliCommand } from '../actions/cliCommand';
import { describeBackupCli } from './cli';

/** The source table's PITR now (DescribeContinuousBackups), or why it is unknown. */
export type PitrState = { readonly description: PointInTimeRecoveryDescription | undefined } | { readonly error: string };

type KeySchema = readonly { AttributeName?: string | undefined; KeyType?: string | undefined }[] | undefined;

function keys(schema: KeySchema): string | undefined {
  return schema?.map((k) => `${k.AttributeName ?? '?'} (${k.KeyType ?? '?'})`).join(', ');
}

function time(date: Date | undefined): string | undefined {
  return date ? bothTimes(date) : undefined;
}

function num(n: number | undefined): string | undefined {
  return n === undefined ? undefined : formatNumber(n);
}

/** The details document of one backup, from DescribeBackup. Pure: tested with a fully populated backup. */
export function backupDocument(d: BackupDescription, now = Date.now(), pitr?: PitrState): PanelDocument {
  const b = d.BackupDetails;
  const t = d.SourceTableDetails;
  const f = d.SourceTableFeatureDetails;
  const expiry = b?.BackupExpiryDateTime;
  const backup: Field[] = [
    { label: l10n.t('Backup ARN'), value: b?.BackupArn, copyId: 'backupArn', mono: true },
    { label: l10n.t('Name'), value: b?.BackupName, copyId: 'backupName' },
    { label: l10n.t('Status'), value: b?.BackupStatus, badge: backupStatus(b?.BackupStatus).tone },
    { label: l10n.t('Type'), value: b?.BackupType },
    {
      label: l10n.t('Size'),
      value: b?.BackupSizeBytes === undefined ? undefined : humanSize(b.BackupSizeBytes),
      note: b?.BackupSizeBytes === undefined ? undefined : l10n.t('{0} bytes', formatNumber(b.BackupSizeBytes)),
    },
    { label: l10n.t('Created'), value: time(b?.BackupCreationDateTime) },
    {
      label: l10n.t('Expires'),
      value: time(expiry),
      note: expiry ? (expiry.getTime() > now ? l10n.t('in {0}', humanDuration(expiry.getTime() - now)) : l10n.t('expired')) : undefined,
    },
  ];
  const pt = t?.ProvisionedThroughput;
  const od = t?.OnDemandThroughput;
  const table: Field[] = [
    { label: l10n.t('Table name'), value: t?.TableName, copyId: 'tableName' },
    { label: l10n.t('Table id'), value: t?.TableId, mono: true },
    { label: l10n.t('Table ARN'), value: t?.TableArn, copyId: 'tableArn', mono: true },
    { label: l10n.t('Key schema'), value: keys(t?.KeySchema) },
    { label: l10n.t('Billing mode'), value: t?.BillingMode },
    {
      label: l10n.t('Provisioned throughput'),
      value: pt ? l10n.t('{0} RCU / {1} WCU', num(pt.ReadCapacityUnits) ?? '—', num(pt.WriteCapacityUnits) ?? '—') : undefined,
    },
    {
      label: l10n.t('On-demand throughput'),
      value: od ? l10n.t('max {0} reads / {1} writes', num(od.MaxReadRequestUnits) ?? '—', num(od.MaxWriteRequestUnits) ?? '—') : undefined,
    },
    { label: l10n.t('Item count'), value: num(t?.ItemCount) },
    {
      label: l10n.t('Table size'),
      value: t?.TableSizeBytes === undefined ? undefined : humanSize(t.TableSizeBytes),
      note: t?.TableSizeBytes === undefined ? undefined : l10n.t('{0} bytes', formatNumber(t.TableSizeBytes)),
    },
    { label: l10n.t('Table created'), value: time(t?.TableCreationDateTime) },
  ];
  const projection = (p: { ProjectionType?: string | undefined; NonKeyAttributes?: string[] | undefined } | undefined): string =>
    p ? `${p.ProjectionType ?? '?'}${p.NonKeyAttributes?.length ? ` (${p.NonKeyAttributes.join(', ')})` : ''}` : '—';
  const gsis = f?.GlobalSecondaryIndexes ?? [];
  const lsis = f?.LocalSecondaryIndexes ?? [];
  const stream = f?.StreamDescription;
  const ttl = f?.TimeToLiveDescription;
  const sse = f?.SSEDescription;
  const blocks: Block[] = [
    { kind: 'fields', id: 'backup', title: l10n.t('Backup'), fields: backup },
    { kind: 'fields', id: 'table', title: l10n.t('Source table'), fields: table },
    {
      kind: 'table',
      id: 'indexes',
      title: l10n.t('Secondary indexes at backup time'),
      columns: [l10n.t('Index'), l10n.t('Kind'), l10n.t('Key schema'), l10n.t('Projection'), l10n.t('Throughput')],
      rows: [
        ...gsis.map((g) => [
          g.IndexName ?? '—',
          l10n.t('Global'),
          keys(g.KeySchema) ?? '—',
          projection(g.Projection),
          g.ProvisionedThroughput
            ? l10n.t('{0} RCU / {1} WCU', num(g.ProvisionedThroughput.ReadCapacityUnits) ?? '—', num(g.ProvisionedThroughput.WriteCapacityUnits) ?? '—')
            : g.OnDemandThroughput
              ? l10n.t('on-demand max {0}/{1}', num(g.OnDemandThroughput.MaxReadRequestUnits) ?? '—', num(g.OnDemandThroughput.MaxWriteRequestUnits) ?? '—')
              : '—',
        ]),
        ...lsis.map((l) => [l.IndexName ?? '—', l10n.t('Local'), keys(l.KeySchema) ?? '—', projection(l.Projection), l10n.t('shares the table')]),
      ],
      emptyText: l10n.t('No secondary indexes.'),
    },
    {
      kind: 'fields',
      id: 'features',
      title: l10n.t('Features at backup time'),
      fields: [
        {
          label: l10n.t('Stream'),
          value: stream ? (stream.StreamEnabled ? l10n.t('enabled ({0})', stream.StreamViewType ?? '?') : l10n.t('disabled')) : undefined,
        },
        {
          label: l10n.t('Time to live'),
          value: ttl ? (ttl.AttributeName ? l10n.t('{0} on {1}', ttl.TimeToLiveStatus ?? '?', ttl.AttributeName) : (ttl.TimeToLiveStatus ?? '?')) : undefined,
        },
        { label: l10n.t('Encryption'), value: sse ? `${sse.Status ?? '?'}${sse.SSEType ? ` (${sse.SSEType})` : ''}` : undefined },
        { label: l10n.t('KMS key ARN'), value: sse?.KMSMasterKeyArn, copyId: sse?.KMSMasterKeyArn ? 'kmsKeyArn' : undefined, mono: true },
        { label: l10n.t('Key inaccessible since'), value: time(sse?.InaccessibleEncryptionDateTime) },
      ],
    },
    ...(pitr ? [pitrBlock(pitr)] : []),
    { kind: 'code', id: 'raw', title: l10n.t('Raw JSON'), text: JSON.stringify(d, null, 2), language: 'json', copyId: 'rawJson' },
  ];
  return {
    title: b?.BackupName ?? l10n.t('Backup'),
    subtitle: t?.TableName ? l10n.t('DynamoDB backup of {0}', t.TableName) : l10n.t('DynamoDB backup'),
    status: b?.BackupStatus ? { text: b.BackupStatus, tone: backupStatus(b.BackupStatus).tone } : undefined,
    actions: [],
    blocks,
  };
}

function pitrBlock(pitr: PitrState): Block {
  const p = 'description' in pitr ? pitr.description : undefined;
  return {
    kind: 'fields',
    id: 'pitr',
    title: l10n.t('Point-in-time recovery of the source table (now)'),
    fields:
      'error' in pitr
        ? [{ label: l10n.t('Status'), value: l10n.t('unknown ({0})', pitr.error) }]
        : [
            {
              label: l10n.t('Status'),
              value: p?.PointInTimeRecoveryStatus ?? l10n.t('unknown'),
              badge: p?.PointInTimeRecoveryStatus === 'ENABLED' ? 'ok' : 'muted',
            },
            { label: l10n.t('Restorable window'), value: p?.PointInTimeRecoveryStatus === 'ENABLED' ? pitrSummary(p) : undefined },
            { label: l10n.t('Earliest restorable'), value: time(p?.EarliestRestorableDateTime) },
            { label: l10n.t('Latest restorable'), value: time(p?.LatestRestorableDateTime) },
            { label: l10n.t('Recovery period'), value: p?.RecoveryPeriodInDays === undefined ? undefined : l10n.t('{0} days', p.RecoveryPeriodInDays) },
          ],
  };
}

export class BackupDetailSource implements DetailSource {
  readonly viewType = 'awsHistory.backupDetails';
  constructor(
    private readonly clients: ClientFactory,
    readonly key: string,
    private readonly name: string,
    /** The connection the backup was listed from (default: the session's). */
    private readonly connection?: Connection,
  ) {}
  title(): string {
    return this.name;
  }
  cli(): { command: CliCommand; client: 'dynamodb'; connection: Connection | undefined } {
    return { command: describeBackupCli(this.key), client: 'dynamodb', connection: this.connection };
  }
  async load(signal: AbortSignal): Promise<PanelDocument> {
    const table = parseArnOfKind(this.key, 'dynamodbBackup')?.table;
    // Both at once; a PITR failure (e.g. no dynamodb:DescribeContinuousBackups) only blanks its own block.
    const [description, pitr] = await Promise.all([
      describeBackup(this.clients, this.key, signal, this.connection),
      table
        ? describePitr(this.clients, table, signal, this.connection).then(
            (p): PitrState => ({ description: p }),
            (error: unknown): PitrState => ({ error: (error as Error).name }),
          )
        : undefined,
    ]);
    if (!description) {
      throw Object.assign(new Error(l10n.t('Backup {0} was not found.', this.key)), { name: 'BackupNotFoundException' });
    }
    return backupDocument(description, Date.now(), pitr);
  }
}
