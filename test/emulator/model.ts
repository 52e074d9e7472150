/**
 * Plain record types for the emulator's data. Times are epoch milliseconds
 * (suffix `Ms`) so tests can compare them without the wire conversions that
 * each protocol applies (epoch seconds for JSON, ISO-8601 for RDS XML).
 */

export const ACCOUNT_ID = '123456789012';

/**
 * A second account, chosen as AWS does by the credentials: requests signed with this access key id see its
 * own data (and STS names it); every other key is the first account's, so existing data stays as it was.
 */
export const SECOND_ACCOUNT_ID = '210987654321';
export const SECOND_ACCESS_KEY_ID = 'AKIDEXAMPLE0000000002';

export function accountOfAccessKey(accessKeyId: string | undefined): string {
  return accessKeyId === SECOND_ACCESS_KEY_ID ? SECOND_ACCOUNT_ID : ACCOUNT_ID;
}

export type DatasetName = 'demo' | 'large' | 'hostile';

// ---------------------------------------------------------------- DynamoDB

export type BackupType = 'USER' | 'SYSTEM' | 'AWS_BACKUP';
export type BackupStatus = 'CREATING' | 'AVAILABLE' | 'DELETED';

export interface KeySchemaElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}

export interface Projection {
  ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  NonKeyAttributes?: string[];
}

export interface Throughput {
  ReadCapacityUnits: number;
  WriteCapacityUnits: number;
}

export interface OnDemandThroughput {
  MaxReadRequestUnits: number;
  MaxWriteRequestUnits: number;
}

export interface SecondaryIndex {
  IndexName: string;
  KeySchema: KeySchemaElement[];
  Projection: Projection;
  /** Only global indexes carry throughput. */
  ProvisionedThroughput?: Throughput;
  OnDemandThroughput?: OnDemandThroughput;
}

export interface VectorIndex {
  IndexName: string;
  VectorAttribute: { AttributeName: string };
  SearchSchema: Array<{ AttributeName: string; SearchSchemaElementType: 'HASH' | 'INLINE_FILTER' }>;
  Projection: Projection;
  Dimensions: number;
  DistanceFunction: 'COSINE' | 'DOT_PRODUCT' | 'EUCLIDEAN';
}

export interface TableRecord {
  name: string;
  arn: string;
  id: string;
  createdMs: number;
  keySchema: KeySchemaElement[];
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  /** PAY_PER_REQUEST tables report 0/0 here, as DynamoDB does. */
  provisionedThroughput: Throughput;
  onDemandThroughput?: OnDemandThroughput;
  localSecondaryIndexes: SecondaryIndex[];
  globalSecondaryIndexes: SecondaryIndex[];
  vectorIndexes: VectorIndex[];
  stream?: { StreamEnabled: boolean; StreamViewType?: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY' };
  ttl?: { TimeToLiveStatus: 'ENABLING' | 'DISABLING' | 'ENABLED' | 'DISABLED'; AttributeName?: string };
  sse?: { Status: 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED' | 'UPDATING'; SSEType: 'AES256' | 'KMS'; KMSMasterKeyArn?: string };
  /** Average item size, used to derive TableSizeBytes from ItemCount in backups. */
  avgItemBytes: number;
  /** Point-in-time recovery period in days (1–35) when PITR is enabled; absent = disabled. */
  pitrDays?: number;
}

export interface BackupRecord {
  tableName: string;
  tableArn: string;
  tableId: string;
  backupArn: string;
  backupName: string;
  /** Time the backup was requested: what ListBackups' time range compares against. */
  createdMs: number;
  /** SYSTEM backups only: creation + 35 days. */
  expiryMs?: number;
  status: BackupStatus;
  type: BackupType;
  /** Absent while CREATING. */
  sizeBytes?: number;
  /** Source-table snapshot at backup time (DescribeBackup.SourceTableDetails). */
  itemCount: number;
  tableSizeBytes: number;
}

// ---------------------------------------------------------------- RDS

export interface ClusterRecord {
  identifier: string;
  arn: string;
  resourceId: string;
  engine: 'aurora-mysql' | 'aurora-postgresql';
  engineVersion: string;
  engineMode: 'provisioned' | 'serverless';
  status: string;
  createdMs: number;
  /** Seconds; undefined = the field is absent, 0 = present but disabled. */
  backtrackWindow?: number;
  earliestBacktrackMs?: number;
  backtrackConsumedChangeRecords?: number;
  port: number;
  masterUsername: string;
  databaseName?: string;
  availabilityZones: string[];
  multiAZ: boolean;
  storageEncrypted: boolean;
  deletionProtection: boolean;
}

export type BacktrackStatus = 'APPLYING' | 'COMPLETED' | 'FAILED' | 'PENDING';

export interface BacktrackRecord {
  clusterIdentifier: string;
  backtrackIdentifier: string;
  backtrackToMs: number;
  backtrackedFromMs: number;
  requestCreatedMs: number;
  status: BacktrackStatus;
}

// ---------------------------------------------------------------- Lambda

export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'STOPPED'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export interface DurableConfig {
  RetentionPeriodInDays: number;
  ExecutionTimeout: number;
  KMSKeyArn?: string;
}

export interface FunctionRecord {
  name: string;
  arn: string;
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  description: string;
  codeSize: number;
  codeSha256: string;
  lastModifiedMs: number;
  role: string;
  architectures: Array<'x86_64' | 'arm64'>;
  durableConfig?: DurableConfig;
}

/** Which generator builds an execution's payloads and history. */
/** `live`: run by the durable host (test/emulator/durable.ts), not generated. */
export type WorkflowKind = 'order' | 'payment' | 'batch' | 'huge' | 'hostile' | 'drift' | 'live';

export interface ExecutionRecord {
  functionName: string;
  functionArn: string;
  arn: string;
  name: string;
  /** The random id at the end of the ARN. */
  id: string;
  /** `$LATEST`, `$LATEST.PUBLISHED` or a version number, as embedded in the ARN. */
  version: string;
  status: ExecutionStatus;
  startMs: number;
  /** Set for finished executions. */
  endMs?: number;
  /** Time of the newest history event (== endMs when finished, <= now while RUNNING). */
  lastEventMs: number;
  workflow: WorkflowKind;
  /**
   * Index of this execution among its function's executions with the same status. The history
   * generator picks its failure/pending variant from it, so every variant appears in the demo data.
   */
  variant: number;
  /** Seed for the lazily generated payloads and history. */
  seed: number;
  kmsKeyArn?: string;
}

/** A wire-shaped history event, with timestamps still in ms (serializers convert). */
export interface HistoryEvent {
  EventType: string;
  SubType?: string;
  EventId: number;
  /** Operation id; InvocationCompleted events have none. */
  Id?: string;
  Name?: string;
  EventTimestampMs: number;
  ParentId?: string;
  /** `<EventType>Details` key and value; nested fields named `*Timestamp` hold epoch ms. */
  detailsKey: string;
  details: Record<string, unknown>;
}

export interface ErrorObject {
  ErrorMessage?: string;
  ErrorType?: string;
  ErrorData?: string;
  StackTrace?: string[];
}

export interface ExecutionDetail {
  inputPayload: string;
  result?: string;
  error?: ErrorObject;
  traceId: string;
}

// ---------------------------------------------------------------- data set

/** A deliberate listing quirk the server reproduces, recorded in the data so tests can predict it. */
export interface EmptyPageQuirk {
  functionName: string;
  /** The page whose start offset equals this value comes back empty (with a NextMarker) once. */
  atOffset: number;
}

export interface RegionData {
  region: string;
  tables: TableRecord[];
  /** Sorted by createdMs ascending (ListBackups order). */
  backups: BackupRecord[];
  /** Sorted by identifier. */
  clusters: ClusterRecord[];
  /** Sorted newest request first, all clusters mixed. */
  backtracks: BacktrackRecord[];
  /** Sorted by name. */
  functions: FunctionRecord[];
  /** Sorted newest start first, all functions mixed. */
  executions: ExecutionRecord[];
  emptyPages: EmptyPageQuirk[];
}

export interface Dataset {
  name: DatasetName;
  now: number;
  /** Regions with data; every other region is empty (see regionData()). */
  regions: Record<string, RegionData>;
}
