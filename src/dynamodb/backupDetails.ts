import type { ClientFactory } from '../aws/clientFactory';
import type { Block, Field, PanelDocument, Tone } from '../webview/protocol';
import type { DetailSource } from '../webview/detailPanel';
import { bothTimes, humanDuration, humanSize } from '../util/format';
import { describeBackup, type BackupDescription } from './api';

type KeySchema = readonly { AttributeName?: string | undefined; KeyType?: string | undefined }[] | undefined;

function keys(schema: KeySchema): string | undefined {
  return schema?.map((k) => `${k.AttributeName ?? '?'} (${k.KeyType ?? '?'})`).join(', ');
}

function time(date: Date | undefined): string | undefined {
  return date ? bothTimes(date) : undefined;
}

function num(n: number | undefined): string | undefined {
  return n === undefined ? undefined : n.toLocaleString('en-US');
}

export function backupStatusTone(status: string | undefined): Tone {
  return status === 'AVAILABLE' ? 'ok' : status === 'CREATING' ? 'progress' : status === 'DELETED' ? 'muted' : 'info';
}

/** The details document of one backup, from DescribeBackup. Pure: tested with a fully populated backup. */
export function backupDocument(d: BackupDescription, now = Date.now()): PanelDocument {
  const b = d.BackupDetails;
  const t = d.SourceTableDetails;
  const f = d.SourceTableFeatureDetails;
  const expiry = b?.BackupExpiryDateTime;
  const backup: Field[] = [
    { label: 'Backup ARN', value: b?.BackupArn, copyId: 'backupArn', mono: true },
    { label: 'Name', value: b?.BackupName, copyId: 'backupName' },
    { label: 'Status', value: b?.BackupStatus, badge: backupStatusTone(b?.BackupStatus) },
    { label: 'Type', value: b?.BackupType },
    { label: 'Size', value: b?.BackupSizeBytes === undefined ? undefined : humanSize(b.BackupSizeBytes), note: b?.BackupSizeBytes === undefined ? undefined : `${num(b.BackupSizeBytes)} bytes` },
    { label: 'Created', value: time(b?.BackupCreationDateTime) },
    {
      label: 'Expires',
      value: time(expiry),
      note: expiry ? (expiry.getTime() > now ? `in ${humanDuration(expiry.getTime() - now)}` : 'expired') : undefined,
    },
  ];
  const pt = t?.ProvisionedThroughput;
  const od = t?.OnDemandThroughput;
  const table: Field[] = [
    { label: 'Table name', value: t?.TableName, copyId: 'tableName' },
    { label: 'Table id', value: t?.TableId, mono: true },
    { label: 'Table ARN', value: t?.TableArn, copyId: 'tableArn', mono: true },
    { label: 'Key schema', value: keys(t?.KeySchema) },
    { label: 'Billing mode', value: t?.BillingMode },
    { label: 'Provisioned throughput', value: pt ? `${num(pt.ReadCapacityUnits) ?? '—'} RCU / ${num(pt.WriteCapacityUnits) ?? '—'} WCU` : undefined },
    { label: 'On-demand throughput', value: od ? `max ${num(od.MaxReadRequestUnits) ?? '—'} reads / ${num(od.MaxWriteRequestUnits) ?? '—'} writes` : undefined },
    { label: 'Item count', value: num(t?.ItemCount) },
    { label: 'Table size', value: t?.TableSizeBytes === undefined ? undefined : humanSize(t.TableSizeBytes), note: t?.TableSizeBytes === undefined ? undefined : `${num(t.TableSizeBytes)} bytes` },
    { label: 'Table created', value: time(t?.TableCreationDateTime) },
  ];
  const projection = (p: { ProjectionType?: string | undefined; NonKeyAttributes?: string[] | undefined } | undefined): string =>
    p ? `${p.ProjectionType ?? '?'}${p.NonKeyAttributes?.length ? ` (${p.NonKeyAttributes.join(', ')})` : ''}` : '—';
  const gsis = f?.GlobalSecondaryIndexes ?? [];
  const lsis = f?.LocalSecondaryIndexes ?? [];
  const stream = f?.StreamDescription;
  const ttl = f?.TimeToLiveDescription;
  const sse = f?.SSEDescription;
  const blocks: Block[] = [
    { kind: 'fields', id: 'backup', title: 'Backup', fields: backup },
    { kind: 'fields', id: 'table', title: 'Source table', fields: table },
    {
      kind: 'table',
      id: 'indexes',
      title: 'Secondary indexes at backup time',
      columns: ['Index', 'Kind', 'Key schema', 'Projection', 'Throughput'],
      rows: [
        ...gsis.map((g) => [
          g.IndexName ?? '—',
          'Global',
          keys(g.KeySchema) ?? '—',
          projection(g.Projection),
          g.ProvisionedThroughput
            ? `${num(g.ProvisionedThroughput.ReadCapacityUnits) ?? '—'} RCU / ${num(g.ProvisionedThroughput.WriteCapacityUnits) ?? '—'} WCU`
            : g.OnDemandThroughput
              ? `on-demand max ${num(g.OnDemandThroughput.MaxReadRequestUnits) ?? '—'}/${num(g.OnDemandThroughput.MaxWriteRequestUnits) ?? '—'}`
              : '—',
        ]),
        ...lsis.map((l) => [l.IndexName ?? '—', 'Local', keys(l.KeySchema) ?? '—', projection(l.Projection), 'shares the table']),
      ],
      emptyText: 'No secondary indexes.',
    },
    {
      kind: 'fields',
      id: 'features',
      title: 'Features at backup time',
      fields: [
        { label: 'Stream', value: stream ? (stream.StreamEnabled ? `enabled (${stream.StreamViewType ?? '?'})` : 'disabled') : undefined },
        { label: 'Time to live', value: ttl ? `${ttl.TimeToLiveStatus ?? '?'}${ttl.AttributeName ? ` on ${ttl.AttributeName}` : ''}` : undefined },
        { label: 'Encryption', value: sse ? `${sse.Status ?? '?'}${sse.SSEType ? ` (${sse.SSEType})` : ''}` : undefined },
        { label: 'KMS key ARN', value: sse?.KMSMasterKeyArn, copyId: sse?.KMSMasterKeyArn ? 'kmsKeyArn' : undefined, mono: true },
        { label: 'Key inaccessible since', value: time(sse?.InaccessibleEncryptionDateTime) },
      ],
    },
    { kind: 'code', id: 'raw', title: 'Raw JSON', text: JSON.stringify(d, null, 2), language: 'json', copyId: 'rawJson' },
  ];
  return {
    title: b?.BackupName ?? 'Backup',
    subtitle: t?.TableName ? `DynamoDB backup of ${t.TableName}` : 'DynamoDB backup',
    status: b?.BackupStatus ? { text: b.BackupStatus, tone: backupStatusTone(b.BackupStatus) } : undefined,
    actions: [],
    blocks,
  };
}

export class BackupDetailSource implements DetailSource {
  readonly viewType = 'awsHistory.backupDetails';
  constructor(
    private readonly clients: ClientFactory,
    readonly key: string,
    private readonly name: string,
  ) {}
  title(): string {
    return this.name;
  }
  async load(signal: AbortSignal): Promise<PanelDocument> {
    const description = await describeBackup(this.clients, this.key, signal);
    if (!description) {
      throw Object.assign(new Error(`Backup ${this.key} was not found.`), { name: 'BackupNotFoundException' });
    }
    return backupDocument(description);
  }
}
