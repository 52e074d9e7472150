/** Deterministic DynamoDB tables and backups for the emulator's data sets. */
import { ACCOUNT_ID, BackupRecord, BackupStatus, BackupType, TableRecord } from './model';
import { Rng } from './prng';
import { compactDate, DAY, HOUR, MINUTE } from './time';

export function tableArn(region: string, name: string): string {
  return `arn:aws:dynamodb:${region}:${ACCOUNT_ID}:table/${name}`;
}

/** Real format: `…:table/Music/backup/01489602797149-73d8d5bc` (14-digit epoch ms, 8 hex). */
export function backupArn(region: string, table: string, createdMs: number, suffix: string): string {
  return `${tableArn(region, table)}/backup/${String(createdMs).padStart(14, '0')}-${suffix}`;
}

type TableShape = Omit<TableRecord, 'arn' | 'id' | 'createdMs'>;

/** Orders carries every feature a backup can capture, so its backups have a fully populated DescribeBackup. */
function ordersShape(region: string, rng: Rng): TableShape {
  const onDemandGsi = { MaxReadRequestUnits: 1000, MaxWriteRequestUnits: 500 };
  return {
    name: 'Orders',
    keySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    billingMode: 'PAY_PER_REQUEST',
    provisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    onDemandThroughput: { MaxReadRequestUnits: 4000, MaxWriteRequestUnits: 2000 },
    localSecondaryIndexes: [
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'status', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['orderTotal', 'currency'] },
      },
    ],
    globalSecondaryIndexes: [
      {
        IndexName: 'byCustomer',
        KeySchema: [
          { AttributeName: 'customerId', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['orderTotal', 'status', 'itemCount'] },
        ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
        OnDemandThroughput: onDemandGsi,
      },
      {
        IndexName: 'byStatusDate',
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
        OnDemandThroughput: onDemandGsi,
      },
    ],
    vectorIndexes: [
      {
        IndexName: 'bySimilarBasket',
        VectorAttribute: { AttributeName: 'basketEmbedding' },
        SearchSchema: [
          { AttributeName: 'customerId', SearchSchemaElementType: 'HASH' },
          { AttributeName: 'status', SearchSchemaElementType: 'INLINE_FILTER' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        Dimensions: 256,
        DistanceFunction: 'COSINE',
      },
    ],
    stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' },
    sse: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${rng.uuid()}` },
    avgItemBytes: 1840,
  };
}

function customersShape(region: string, rng: Rng): TableShape {
  return {
    name: 'Customers',
    keySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
    billingMode: 'PROVISIONED',
    provisionedThroughput: { ReadCapacityUnits: 25, WriteCapacityUnits: 10 },
    localSecondaryIndexes: [],
    globalSecondaryIndexes: [
      {
        IndexName: 'byEmail',
        KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      },
    ],
    vectorIndexes: [],
    stream: { StreamEnabled: false },
    sse: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${rng.uuid()}` },
    avgItemBytes: 910,
  };
}

function inventoryShape(): TableShape {
  return {
    name: 'Inventory',
    keySchema: [
      { AttributeName: 'sku', KeyType: 'HASH' },
      { AttributeName: 'warehouse', KeyType: 'RANGE' },
    ],
    billingMode: 'PAY_PER_REQUEST',
    provisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    localSecondaryIndexes: [],
    globalSecondaryIndexes: [],
    vectorIndexes: [],
    stream: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    avgItemBytes: 410,
  };
}

function sessionsShape(): TableShape {
  return {
    name: 'Sessions',
    keySchema: [{ AttributeName: 'sessionId', KeyType: 'HASH' }],
    billingMode: 'PROVISIONED',
    provisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 100 },
    localSecondaryIndexes: [],
    globalSecondaryIndexes: [],
    vectorIndexes: [],
    ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' },
    avgItemBytes: 350,
  };
}

function simpleShape(name: string): TableShape {
  return {
    name,
    keySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    billingMode: 'PAY_PER_REQUEST',
    provisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    localSecondaryIndexes: [],
    globalSecondaryIndexes: [],
    vectorIndexes: [],
    avgItemBytes: 620,
  };
}

function materialize(region: string, shape: TableShape, createdMs: number, rng: Rng): TableRecord {
  return { ...shape, arn: tableArn(region, shape.name), id: rng.uuid(), createdMs };
}

/** Item count at a point in time: tables grow roughly linearly since creation. */
function itemCountAt(baseItems: number, table: TableRecord, atMs: number, now: number): number {
  const age = Math.max(0, atMs - table.createdMs) / Math.max(1, now - table.createdMs);
  return Math.round(baseItems * (0.55 + 0.45 * age));
}

interface BackupDraft {
  table: TableRecord;
  name: string;
  createdMs: number;
  type: BackupType;
  status: BackupStatus;
}

function finishBackup(region: string, draft: BackupDraft, baseItems: number, now: number, rng: Rng): BackupRecord {
  const itemCount = itemCountAt(baseItems, draft.table, draft.createdMs, now);
  const tableSizeBytes = itemCount * draft.table.avgItemBytes;
  const record: BackupRecord = {
    tableName: draft.table.name,
    tableArn: draft.table.arn,
    tableId: draft.table.id,
    backupArn: backupArn(region, draft.table.name, draft.createdMs, rng.hex(8)),
    backupName: draft.name,
    createdMs: draft.createdMs,
    status: draft.status,
    type: draft.type,
    itemCount,
    tableSizeBytes,
  };
  // Backups are slightly smaller than the live table (no index overhead); a CREATING one has no size yet.
  if (draft.status !== 'CREATING') {
    record.sizeBytes = Math.round(tableSizeBytes * (0.93 + rng.next() * 0.05));
  }
  if (draft.type === 'SYSTEM') {
    record.expiryMs = draft.createdMs + 35 * DAY;
  }
  return record;
}

export function sortBackups(backups: BackupRecord[]): BackupRecord[] {
  return backups.sort((a, b) => a.createdMs - b.createdMs || (a.backupArn < b.backupArn ? -1 : 1));
}

const USER_PURPOSES = ['manual', 'nightly', 'predeploy', 'hotfix', 'before-migration', 'weekly'] as const;

/** us-east-1 demo: Orders, Customers, Inventory, Sessions and 40 backups over the last 60 days. */
export function demoDynamo(region: string, now: number): { tables: TableRecord[]; backups: BackupRecord[] } {
  const rng = new Rng(`${region}/dynamodb/demo`);
  const orders = materialize(region, ordersShape(region, rng), now - 420 * DAY, rng);
  const customers = materialize(region, customersShape(region, rng), now - 610 * DAY, rng);
  // PITR: Orders keeps the full 35 days, Customers 7; Inventory and Sessions have it off.
  orders.pitrDays = 35;
  customers.pitrDays = 7;
  const inventory = materialize(region, inventoryShape(), now - 300 * DAY, rng);
  const sessions = materialize(region, sessionsShape(), now - 150 * DAY, rng);
  const tables = [customers, inventory, orders, sessions];
  const baseItems = new Map<TableRecord, number>([
    [orders, 2_150_000],
    [customers, 348_000],
    [inventory, 91_500],
    [sessions, 27_300],
  ]);
  const tableWeights: Array<[TableRecord, number]> = [
    [orders, 4],
    [customers, 3],
    [inventory, 2],
    [sessions, 1],
  ];

  const drafts: BackupDraft[] = [];
  // 21 random USER backups plus the three fixed ones below = 24 USER.
  for (let i = 0; i < 21; i++) {
    const table = rng.weighted(tableWeights);
    const createdMs = now - rng.int(2 * HOUR, 60 * DAY);
    const purpose = rng.pick(USER_PURPOSES);
    drafts.push({
      table,
      createdMs,
      type: 'USER',
      status: 'AVAILABLE',
      name: `${table.name.toLowerCase()}-${purpose}-${compactDate(createdMs)}-${rng.hex(4)}`,
    });
  }
  drafts.push({ table: orders, createdMs: now - 9 * DAY - 3 * HOUR - 17 * MINUTE - 23_456, type: 'USER', status: 'AVAILABLE', name: 'orders-full-features' });
  drafts.push({ table: orders, createdMs: now - 4 * MINUTE - 12_345, type: 'USER', status: 'CREATING', name: `orders-predeploy-${compactDate(now)}-inflight` });
  drafts.push({ table: customers, createdMs: now - 45 * DAY - 5 * HOUR, type: 'USER', status: 'DELETED', name: 'customers-before-migration-old' });
  // SYSTEM backups expire after 35 days, so only recent ones still exist.
  for (let i = 0; i < 8; i++) {
    const table = rng.weighted(tableWeights);
    const createdMs = now - rng.int(1 * HOUR, 30 * DAY);
    drafts.push({ table, createdMs, type: 'SYSTEM', status: 'AVAILABLE', name: `${table.name}-system-${compactDate(createdMs)}` });
  }
  // AWS Backup runs a weekly plan at about 05:00 UTC for the two business tables.
  for (let i = 0; i < 8; i++) {
    const table = i % 2 === 0 ? orders : customers;
    const day = Math.floor((now - (i * 7 + 1) * DAY) / DAY) * DAY;
    const createdMs = day + 5 * HOUR + rng.int(0, 20 * MINUTE);
    drafts.push({ table, createdMs, type: 'AWS_BACKUP', status: 'AVAILABLE', name: `AwsBackup-weekly-${compactDate(createdMs)}-${rng.hex(8)}` });
  }

  const backups = drafts.map((d) => finishBackup(region, d, baseItems.get(d.table) ?? 10_000, now, rng));
  return { tables, backups: sortBackups(backups) };
}

/** eu-west-1 demo: one table with two USER backups, so region scoping is visible. */
export function euDynamo(region: string, now: number): { tables: TableRecord[]; backups: BackupRecord[] } {
  const rng = new Rng(`${region}/dynamodb/eu`);
  const table = materialize(region, simpleShape('EuOrders'), now - 200 * DAY, rng);
  const backups = [5, 2].map((days) =>
    finishBackup(
      region,
      { table, createdMs: now - days * DAY - 2 * HOUR, type: 'USER', status: 'AVAILABLE', name: `euorders-manual-${compactDate(now - days * DAY)}` },
      64_000,
      now,
      rng,
    ),
  );
  return { tables: [table], backups: sortBackups(backups) };
}

export const BIG_TABLE_BACKUPS = 10_000;

/** large: BigTable with exactly 10,000 AVAILABLE USER backups spread evenly over the last 365 days. */
export function bigTable(region: string, now: number): { table: TableRecord; backups: BackupRecord[] } {
  return bulkTable(region, 'BigTable', BIG_TABLE_BACKUPS, now);
}

export const HUGE_TABLE_BACKUPS = 100_000;

/** large, in its own region (made on first request): HugeTable with 100,000 backups, for the export benchmark. */
export function hugeTable(region: string, now: number): { table: TableRecord; backups: BackupRecord[] } {
  return bulkTable(region, 'HugeTable', HUGE_TABLE_BACKUPS, now);
}

/** `count` AVAILABLE USER backups of one table, spread evenly over the last 365 days, oldest first. */
function bulkTable(region: string, name: string, count: number, now: number): { table: TableRecord; backups: BackupRecord[] } {
  const rng = new Rng(`${region}/dynamodb/${name}`);
  const table = materialize(region, simpleShape(name), now - 400 * DAY, rng);
  const start = now - 365 * DAY;
  const spacing = Math.floor((365 * DAY - HOUR) / count);
  const prefix = name.toLowerCase();
  const digits = String(count).length;
  const backups: BackupRecord[] = [];
  for (let i = 0; i < count; i++) {
    const createdMs = start + i * spacing + rng.int(0, spacing - 1);
    const backupName = `${prefix}-${String(i + 1).padStart(digits, '0')}`;
    backups.push(finishBackup(region, { table, createdMs, type: 'USER', status: 'AVAILABLE', name: backupName }, 5_000_000, now, rng));
  }
  return { table, backups };
}
