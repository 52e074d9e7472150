/**
 * DynamoDB over awsJson1_0: ListBackups, DescribeBackup, ListTables, and the actions (CreateBackup,
 * DeleteBackup, RestoreTableFromBackup, RestoreTableToPointInTime, DescribeContinuousBackups, DescribeTable).
 * Errors use the `__type` body field with the namespaces DynamoDB really sends.
 */
import { backupArn as makeBackupArn, tableArn } from './gen-dynamodb';
import { BackupRecord, SecondaryIndex, TableRecord } from './model';
import {
  accessDeniedMessage,
  ErrorFaultKind,
  EXPIRED_TOKEN_MESSAGE,
  HOSTILE_ERROR_MESSAGE,
  IncomingCall,
  INVALID_TOKEN_MESSAGE,
  ServiceAdapter,
  ServiceCall,
  WireResponse,
} from './protocol';
import type { DynamoChanges, EmulatorState, RegionIndex } from './state';
import { DAY, epochSeconds, MINUTE } from './time';

/** What one request sees: the generated data, this region's changes, and the emulator clock. */
interface Ctx {
  index: RegionIndex;
  changes: DynamoChanges;
  region: string;
  nowMs: number;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const NS_DYNAMODB = 'com.amazonaws.dynamodb.v20120810';
const NS_SERVICE = 'com.amazon.coral.service';
/** DynamoDB stops a page at 1 MB even when Limit would allow more. */
const PAGE_BYTES = 1024 * 1024;
const BACKUP_TYPES = ['USER', 'SYSTEM', 'AWS_BACKUP', 'ALL'];
const BACKUP_ARN_PATTERN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[a-zA-Z0-9_.-]{3,255}\/backup\/\d{14}-[0-9a-f]{8}$/;
const TABLE_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

type Params = Record<string, unknown>;

function json(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': CONTENT_TYPE }, body: JSON.stringify(body) };
}

function error(status: number, type: string, message: string): WireResponse {
  return json(status, { __type: type, message });
}

/** Collects constraint violations into DynamoDB's "N validation errors detected: …" message. */
class Violations {
  private readonly messages: string[] = [];

  add(value: string | number | undefined, member: string, constraint: string): void {
    const shown = value === undefined ? 'null' : `'${value}'`;
    this.messages.push(`Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
  }

  response(): WireResponse | undefined {
    const n = this.messages.length;
    if (n === 0) {
      return undefined;
    }
    return error(400, 'com.amazon.coral.validate#ValidationException', `${n} validation error${n > 1 ? 's' : ''} detected: ${this.messages.join('; ')}`);
  }
}

class InputError extends Error {
  constructor(readonly response: WireResponse) {
    super('input error');
  }
}

function serializationError(message: string): InputError {
  return new InputError(error(400, `${NS_SERVICE}#SerializationException`, message));
}

function optionalString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw serializationError(`Unexpected value type in payload for ${key}`);
  }
  return value;
}

function optionalInt(params: Params, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw serializationError(`${typeof value === 'string' ? 'STRING_VALUE' : 'NUMBER_VALUE'} can not be converted to an Integer`);
  }
  return value;
}

/** Request timestamps arrive as epoch seconds (possibly fractional). */
function optionalTimestampMs(params: Params, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw serializationError(`${key} must be a timestamp in epoch seconds`);
  }
  return Math.round(value * 1000);
}

function checkLength(v: Violations, value: string | undefined, member: string, min: number, max: number): void {
  if (value === undefined) {
    return;
  }
  if (value.length < min) {
    v.add(value, member, `Member must have length greater than or equal to ${min}`);
  } else if (value.length > max) {
    v.add(value, member, `Member must have length less than or equal to ${max}`);
  }
}

function checkRange(v: Violations, value: number | undefined, member: string, min: number, max: number): void {
  if (value === undefined) {
    return;
  }
  if (value < min) {
    v.add(value, member, `Member must have value greater than or equal to ${min}`);
  } else if (value > max) {
    v.add(value, member, `Member must have value less than or equal to ${max}`);
  }
}

/** A required string member with a length range: its value, or the validation error DynamoDB sends. */
function requiredString(params: Params, key: string, member: string, min: number, max: number): string | WireResponse {
  const value = optionalString(params, key);
  const v = new Violations();
  if (value === undefined) {
    v.add(undefined, member, 'Member must not be null');
  }
  checkLength(v, value, member, min, max);
  return v.response() ?? value!;
}

function summary(b: BackupRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    TableName: b.tableName,
    TableId: b.tableId,
    TableArn: b.tableArn,
    BackupArn: b.backupArn,
    BackupName: b.backupName,
    BackupCreationDateTime: epochSeconds(b.createdMs),
    BackupStatus: b.status,
    BackupType: b.type,
  };
  if (b.expiryMs !== undefined) {
    out['BackupExpiryDateTime'] = epochSeconds(b.expiryMs);
  }
  if (b.sizeBytes !== undefined) {
    out['BackupSizeBytes'] = b.sizeBytes;
  }
  return out;
}

/** The region's backups as clients see them now: generated ones minus deleted, plus created, in ListBackups order. */
function currentBackups(ctx: Ctx): BackupRecord[] {
  const { index, changes } = ctx;
  const generated = changes.deleted.size === 0 ? index.data.backups : index.data.backups.filter((b) => !changes.deleted.has(b.backupArn));
  if (changes.created.size === 0) {
    return generated;
  }
  const created = [...changes.created.values()].map((c) => c.record).filter((b) => !changes.deleted.has(b.backupArn));
  return [...generated, ...created].sort((a, b) => a.createdMs - b.createdMs || (a.backupArn < b.backupArn ? -1 : 1));
}

function findBackup(ctx: Ctx, arn: string): BackupRecord | undefined {
  if (ctx.changes.deleted.has(arn)) {
    return undefined;
  }
  return ctx.index.backupsByArn.get(arn) ?? ctx.changes.created.get(arn)?.record;
}

/** A table by name or ARN: generated, or made by a restore. */
function findTable(ctx: Ctx, nameOrArn: string): TableRecord | undefined {
  const name = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.indexOf(':table/') + ':table/'.length) : nameOrArn;
  const table = ctx.index.tablesByName.get(name) ?? ctx.changes.tables.get(name)?.record;
  return table && (!nameOrArn.startsWith('arn:') || table.arn === nameOrArn) ? table : undefined;
}

interface Listing {
  items: BackupRecord[];
  readonly position: (arn: string) => number;
}

const listingCacheSize = 8;
/** Filtered listings of the generated backups per region and filter: paging 100,000 backups costs one filter, not one per page. */
const listings = new WeakMap<RegionIndex, Map<string, Listing>>();

function positioned(items: BackupRecord[]): Listing {
  let positions: Map<string, number> | undefined;
  return { items, position: (arn) => (positions ??= new Map(items.map((b, i) => [b.backupArn, i]))).get(arn) ?? -1 };
}

function listing(index: RegionIndex, scope: unknown[], filter: () => BackupRecord[]): Listing {
  let cache = listings.get(index);
  if (!cache) {
    cache = new Map();
    listings.set(index, cache);
  }
  const key = JSON.stringify(scope);
  let found = cache.get(key);
  if (!found) {
    found = positioned(filter());
    if (cache.size >= listingCacheSize) {
      cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, found);
  }
  return found;
}

function listBackups(params: Params, ctx: Ctx): WireResponse {
  const tableName = optionalString(params, 'TableName');
  const limit = optionalInt(params, 'Limit');
  const lowerMs = optionalTimestampMs(params, 'TimeRangeLowerBound');
  const upperMs = optionalTimestampMs(params, 'TimeRangeUpperBound');
  const startArn = optionalString(params, 'ExclusiveStartBackupArn');
  const backupType = optionalString(params, 'BackupType');

  const v = new Violations();
  checkLength(v, tableName, 'tableName', 1, 1024);
  checkRange(v, limit, 'limit', 1, 100);
  checkLength(v, startArn, 'exclusiveStartBackupArn', 37, 1024);
  if (backupType !== undefined && !BACKUP_TYPES.includes(backupType)) {
    v.add(backupType, 'backupType', `Member must satisfy enum value set: [${BACKUP_TYPES.join(', ')}]`);
  }
  const invalid = v.response();
  if (invalid) {
    return invalid;
  }

  const type = backupType ?? 'USER';
  // TableName accepts a table name or a table ARN.
  const matchesTable = (b: BackupRecord) => tableName === undefined || (tableName.startsWith('arn:') ? b.tableArn === tableName : b.tableName === tableName);
  const matches = (b: BackupRecord) =>
    (type === 'ALL' || b.type === type) &&
    matchesTable(b) &&
    (lowerMs === undefined || b.createdMs >= lowerMs) &&
    // Documented as exclusive (aws-sdk-js#3500 reports inclusive behaviour; we follow the docs).
    (upperMs === undefined || b.createdMs < upperMs);
  // Backups created or deleted through the API change the listing: only the generated data is cached.
  const unchanged = ctx.changes.created.size === 0 && ctx.changes.deleted.size === 0;
  const { items: filtered, position } = unchanged
    ? listing(ctx.index, [type, tableName, lowerMs, upperMs], () => ctx.index.data.backups.filter(matches))
    : positioned(currentBackups(ctx).filter(matches));

  let start = 0;
  if (startArn !== undefined) {
    const at = position(startArn);
    if (at < 0) {
      return error(
        400,
        'com.amazon.coral.validate#ValidationException',
        `Invalid ExclusiveStartBackupArn: ${startArn} was not returned by a listing with these parameters`,
      );
    }
    start = at + 1;
  }

  const page: Array<Record<string, unknown>> = [];
  let bytes = 0;
  let cutBySize = false;
  for (let i = start; i < filtered.length && (limit === undefined || page.length < limit); i++) {
    const item = summary(filtered[i]);
    const size = JSON.stringify(item).length + 1;
    if (bytes + size > PAGE_BYTES && page.length > 0) {
      cutBySize = true;
      break;
    }
    bytes += size;
    page.push(item);
  }
  const body: Record<string, unknown> = { BackupSummaries: page };
  // Like DynamoDB, a full page carries LastEvaluatedBackupArn even when nothing follows it.
  if (page.length > 0 && (cutBySize || (limit !== undefined && page.length === limit))) {
    body['LastEvaluatedBackupArn'] = page[page.length - 1]['BackupArn'];
  }
  return json(200, body);
}

function secondaryIndex(index: SecondaryIndex): Record<string, unknown> {
  const out: Record<string, unknown> = { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection };
  if (index.ProvisionedThroughput) {
    out['ProvisionedThroughput'] = index.ProvisionedThroughput;
  }
  if (index.OnDemandThroughput) {
    out['OnDemandThroughput'] = index.OnDemandThroughput;
  }
  return out;
}

function backupDetails(b: BackupRecord): Record<string, unknown> {
  const details: Record<string, unknown> = {
    BackupArn: b.backupArn,
    BackupName: b.backupName,
    BackupStatus: b.status,
    BackupType: b.type,
    BackupCreationDateTime: epochSeconds(b.createdMs),
  };
  if (b.sizeBytes !== undefined) {
    details['BackupSizeBytes'] = b.sizeBytes;
  }
  if (b.expiryMs !== undefined) {
    details['BackupExpiryDateTime'] = epochSeconds(b.expiryMs);
  }
  return details;
}

function backupDescription(b: BackupRecord, table: TableRecord | undefined): Record<string, unknown> {
  const description: Record<string, unknown> = { BackupDetails: backupDetails(b) };
  if (!table) {
    return description;
  }

  const source: Record<string, unknown> = {
    TableName: table.name,
    TableId: table.id,
    TableArn: table.arn,
    TableSizeBytes: b.tableSizeBytes,
    KeySchema: table.keySchema,
    TableCreationDateTime: epochSeconds(table.createdMs),
    ProvisionedThroughput: table.provisionedThroughput,
    ItemCount: b.itemCount,
    BillingMode: table.billingMode,
  };
  if (table.onDemandThroughput) {
    source['OnDemandThroughput'] = table.onDemandThroughput;
  }
  description['SourceTableDetails'] = source;

  const features: Record<string, unknown> = {};
  if (table.localSecondaryIndexes.length) {
    features['LocalSecondaryIndexes'] = table.localSecondaryIndexes.map(secondaryIndex);
  }
  if (table.globalSecondaryIndexes.length) {
    features['GlobalSecondaryIndexes'] = table.globalSecondaryIndexes.map(secondaryIndex);
  }
  if (table.vectorIndexes.length) {
    features['VectorIndexes'] = table.vectorIndexes;
  }
  if (table.stream) {
    features['StreamDescription'] = table.stream;
  }
  if (table.ttl) {
    features['TimeToLiveDescription'] = table.ttl;
  }
  if (table.sse) {
    features['SSEDescription'] = table.sse;
  }
  description['SourceTableFeatureDetails'] = features;
  return description;
}

function describeBackup(params: Params, ctx: Ctx): WireResponse {
  const arn = requiredString(params, 'BackupArn', 'backupArn', 37, 1024);
  if (typeof arn !== 'string') {
    return arn;
  }
  if (!BACKUP_ARN_PATTERN.test(arn)) {
    return error(400, 'com.amazon.coral.validate#ValidationException', `Invalid BackupArn provided: ${arn}`);
  }
  const backup = findBackup(ctx, arn);
  if (!backup) {
    return backupNotFound(arn);
  }
  // A created backup becomes AVAILABLE after being described a few times (no timers: tests stay deterministic).
  const created = ctx.changes.created.get(arn);
  if (created && created.record.status === 'CREATING') {
    if (created.describesUntilAvailable <= 0) {
      created.record.status = 'AVAILABLE';
      created.record.sizeBytes = created.record.tableSizeBytes;
    } else {
      created.describesUntilAvailable--;
    }
  }
  return json(200, { BackupDescription: backupDescription(backup, findTable(ctx, backup.tableName)) });
}

function backupNotFound(arn: string): WireResponse {
  return error(400, `${NS_DYNAMODB}#BackupNotFoundException`, `Backup not found for the given BackupARN: ${arn}`);
}

function listTables(params: Params, ctx: Ctx): WireResponse {
  const limit = optionalInt(params, 'Limit');
  const startName = optionalString(params, 'ExclusiveStartTableName');
  const v = new Violations();
  checkRange(v, limit, 'limit', 1, 100);
  checkLength(v, startName, 'exclusiveStartTableName', 3, 255);
  if (startName !== undefined && startName.length >= 3 && !TABLE_NAME_PATTERN.test(startName)) {
    v.add(startName, 'exclusiveStartTableName', 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  }
  const invalid = v.response();
  if (invalid) {
    return invalid;
  }
  const names = [...ctx.index.data.tables.map((t) => t.name), ...ctx.changes.tables.keys()].sort();
  const rest = startName === undefined ? names : names.filter((n) => n > startName);
  const size = limit ?? 100;
  const page = rest.slice(0, size);
  const body: Record<string, unknown> = { TableNames: page };
  if (rest.length > size) {
    body['LastEvaluatedTableName'] = page[page.length - 1];
  }
  return json(200, body);
}

// ---------------------------------------------------------------- actions

/** Describes a created backup needs before it reads AVAILABLE, and a restored table before ACTIVE. */
export const DESCRIBES_UNTIL_AVAILABLE = 1;
export const DESCRIBES_UNTIL_ACTIVE = 1;
/** DynamoDB's latest restorable time trails now by about five minutes. */
export const PITR_LAG_MS = 5 * MINUTE;
const NAME_PATTERN = '[a-zA-Z0-9_.-]+';

function validationError(message: string): WireResponse {
  return error(400, 'com.amazon.coral.validate#ValidationException', message);
}

function tableNotFound(name: string): WireResponse {
  return error(400, `${NS_DYNAMODB}#TableNotFoundException`, `Table not found: ${name}`);
}

/** A required 3–255 `[a-zA-Z0-9_.-]+` name (BackupName, TargetTableName). */
function checkName(v: Violations, value: string | undefined, member: string): void {
  if (value === undefined) {
    v.add(undefined, member, 'Member must not be null');
    return;
  }
  checkLength(v, value, member, 3, 255);
  if (!TABLE_NAME_PATTERN.test(value)) {
    v.add(value, member, `Member must satisfy regular expression pattern: ${NAME_PATTERN}`);
  }
}

function createBackup(params: Params, ctx: Ctx): WireResponse {
  const tableName = optionalString(params, 'TableName');
  const backupName = optionalString(params, 'BackupName');
  const v = new Violations();
  if (tableName === undefined) {
    v.add(undefined, 'tableName', 'Member must not be null');
  }
  checkLength(v, tableName, 'tableName', 1, 1024);
  checkName(v, backupName, 'backupName');
  const invalid = v.response();
  if (invalid || tableName === undefined || backupName === undefined) {
    return invalid!;
  }
  const table = findTable(ctx, tableName);
  if (!table) {
    return tableNotFound(tableName);
  }
  const restoring = ctx.changes.tables.get(table.name);
  if (restoring && restoring.describesUntilActive > 0) {
    return error(400, `${NS_DYNAMODB}#TableInUseException`, `Table is being created: ${table.name}`);
  }
  const createdMs = ctx.nowMs;
  const itemCount = 1000;
  const record: BackupRecord = {
    tableName: table.name,
    tableArn: table.arn,
    tableId: table.id,
    backupArn: makeBackupArn(ctx.region, table.name, createdMs, ctx.changes.nextSuffix()),
    backupName,
    createdMs,
    status: 'CREATING',
    type: 'USER',
    itemCount,
    tableSizeBytes: itemCount * table.avgItemBytes,
  };
  ctx.changes.created.set(record.backupArn, { record, describesUntilAvailable: DESCRIBES_UNTIL_AVAILABLE });
  return json(200, { BackupDetails: backupDetails(record) });
}

function deleteBackup(params: Params, ctx: Ctx): WireResponse {
  const arn = requiredString(params, 'BackupArn', 'backupArn', 37, 1024);
  if (typeof arn !== 'string') {
    return arn;
  }
  const backup = findBackup(ctx, arn);
  if (!backup || backup.status === 'DELETED') {
    return backupNotFound(arn);
  }
  if (backup.type === 'AWS_BACKUP') {
    return validationError(`Backups created by AWS Backup can only be deleted through AWS Backup: ${arn}`);
  }
  if (backup.status === 'CREATING') {
    return error(400, `${NS_DYNAMODB}#BackupInUseException`, `Backup is being created: ${arn}`);
  }
  ctx.changes.deleted.add(arn);
  return json(200, {
    BackupDescription: { ...backupDescription(backup, findTable(ctx, backup.tableName)), BackupDetails: backupDetails({ ...backup, status: 'DELETED' }) },
  });
}

/** The table shape DescribeTable and both restores return. */
function tableDescription(
  t: TableRecord,
  restored: { status: string; sourceBackupArn?: string; sourceTableArn?: string; restoreMs: number } | undefined,
): Record<string, unknown> {
  const creating = restored?.status === 'CREATING';
  const out: Record<string, unknown> = {
    TableName: t.name,
    TableArn: t.arn,
    TableId: t.id,
    TableStatus: restored?.status ?? 'ACTIVE',
    CreationDateTime: epochSeconds(t.createdMs),
    KeySchema: t.keySchema,
    BillingModeSummary: { BillingMode: t.billingMode },
    ProvisionedThroughput: { ...t.provisionedThroughput, NumberOfDecreasesToday: 0 },
    ItemCount: 0,
    TableSizeBytes: 0,
  };
  if (t.globalSecondaryIndexes.length) {
    out['GlobalSecondaryIndexes'] = t.globalSecondaryIndexes.map((g) => ({ ...secondaryIndex(g), IndexStatus: creating ? 'CREATING' : 'ACTIVE' }));
  }
  if (t.localSecondaryIndexes.length) {
    out['LocalSecondaryIndexes'] = t.localSecondaryIndexes.map(secondaryIndex);
  }
  if (restored) {
    const summary: Record<string, unknown> = { RestoreDateTime: epochSeconds(restored.restoreMs), RestoreInProgress: creating };
    if (restored.sourceBackupArn) {
      summary['SourceBackupArn'] = restored.sourceBackupArn;
    }
    if (restored.sourceTableArn) {
      summary['SourceTableArn'] = restored.sourceTableArn;
    }
    out['RestoreSummary'] = summary;
  }
  return out;
}

function describeTable(params: Params, ctx: Ctx): WireResponse {
  const name = requiredString(params, 'TableName', 'tableName', 1, 1024);
  if (typeof name !== 'string') {
    return name;
  }
  const table = findTable(ctx, name);
  if (!table) {
    return error(400, `${NS_DYNAMODB}#ResourceNotFoundException`, `Requested resource not found: Table: ${name} not found`);
  }
  const restored = ctx.changes.tables.get(table.name);
  if (!restored) {
    return json(200, { Table: tableDescription(table, undefined) });
  }
  const status = restored.describesUntilActive > 0 ? 'CREATING' : 'ACTIVE';
  restored.describesUntilActive = Math.max(0, restored.describesUntilActive - 1);
  return json(200, { Table: tableDescription(table, { ...restored, status }) });
}

/** PITR's restorable window now, or undefined when PITR is off for the table. */
function pitrWindow(table: TableRecord, nowMs: number): { earliestMs: number; latestMs: number } | undefined {
  if (table.pitrDays === undefined) {
    return undefined;
  }
  return { earliestMs: Math.max(table.createdMs, nowMs - table.pitrDays * DAY), latestMs: nowMs - PITR_LAG_MS };
}

function describeContinuousBackups(params: Params, ctx: Ctx): WireResponse {
  const name = requiredString(params, 'TableName', 'tableName', 1, 1024);
  if (typeof name !== 'string') {
    return name;
  }
  const table = findTable(ctx, name);
  if (!table) {
    return tableNotFound(name);
  }
  const window = pitrWindow(table, ctx.nowMs);
  const pitr: Record<string, unknown> = window
    ? {
        PointInTimeRecoveryStatus: 'ENABLED',
        RecoveryPeriodInDays: table.pitrDays,
        EarliestRestorableDateTime: epochSeconds(window.earliestMs),
        LatestRestorableDateTime: epochSeconds(window.latestMs),
      }
    : { PointInTimeRecoveryStatus: 'DISABLED' };
  return json(200, { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: pitr } });
}

/** What both restores share: the target name, billing and index overrides, and the new table. */
function restoreTable(
  params: Params,
  ctx: Ctx,
  v: Violations,
  source: TableRecord | undefined,
  from: { sourceBackupArn?: string; sourceTableArn?: string },
): WireResponse {
  const target = optionalString(params, 'TargetTableName');
  checkName(v, target, 'targetTableName');
  const billing = optionalString(params, 'BillingModeOverride');
  if (billing !== undefined && billing !== 'PROVISIONED' && billing !== 'PAY_PER_REQUEST') {
    v.add(billing, 'billingModeOverride', 'Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]');
  }
  const throughput = params['ProvisionedThroughputOverride'] as { ReadCapacityUnits?: unknown; WriteCapacityUnits?: unknown } | undefined;
  for (const key of ['ReadCapacityUnits', 'WriteCapacityUnits'] as const) {
    const value = throughput?.[key];
    if (throughput && (typeof value !== 'number' || value < 1)) {
      v.add(
        typeof value === 'number' ? value : undefined,
        `provisionedThroughputOverride.${key[0].toLowerCase()}${key.slice(1)}`,
        'Member must have value greater than or equal to 1',
      );
    }
  }
  const invalid = v.response();
  if (invalid || target === undefined || !source) {
    return invalid ?? tableNotFound(optionalString(params, 'SourceTableName') ?? optionalString(params, 'SourceTableArn') ?? '');
  }
  if (billing === 'PROVISIONED' && !throughput && source.billingMode !== 'PROVISIONED') {
    return validationError('One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
  }
  if (findTable(ctx, target)) {
    return error(400, `${NS_DYNAMODB}#TableAlreadyExistsException`, `Table already exists: ${target}`);
  }
  const pick = (key: string, indexes: SecondaryIndex[]): SecondaryIndex[] | WireResponse => {
    const override = params[key];
    if (override === undefined) {
      return indexes;
    }
    if (!Array.isArray(override)) {
      return validationError(`${key} must be a list`);
    }
    const names = override.map((o: unknown) => (o as { IndexName?: unknown }).IndexName);
    const unknown = names.find((n) => !indexes.some((i) => i.IndexName === n));
    if (unknown !== undefined) {
      return validationError(
        `One or more parameter values were invalid: ${key} contains an index that does not exist in the source: ${JSON.stringify(unknown)}`,
      );
    }
    return indexes.filter((i) => names.includes(i.IndexName));
  };
  const gsis = pick('GlobalSecondaryIndexOverride', source.globalSecondaryIndexes);
  if (!Array.isArray(gsis)) {
    return gsis;
  }
  const lsis = pick('LocalSecondaryIndexOverride', source.localSecondaryIndexes);
  if (!Array.isArray(lsis)) {
    return lsis;
  }
  const billingMode = (billing as TableRecord['billingMode'] | undefined) ?? source.billingMode;
  const record: TableRecord = {
    ...source,
    name: target,
    arn: tableArn(ctx.region, target),
    id: `00000000-0000-4000-8000-0000${ctx.changes.nextSuffix()}`,
    createdMs: ctx.nowMs,
    billingMode,
    provisionedThroughput:
      billingMode === 'PAY_PER_REQUEST'
        ? { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }
        : throughput
          ? { ReadCapacityUnits: Number(throughput.ReadCapacityUnits), WriteCapacityUnits: Number(throughput.WriteCapacityUnits) }
          : source.provisionedThroughput,
    globalSecondaryIndexes: gsis,
    localSecondaryIndexes: lsis,
    // Restores never carry PITR over (it is a setting of the table, not of its data).
    pitrDays: undefined,
  };
  const restored = { record, describesUntilActive: DESCRIBES_UNTIL_ACTIVE, restoreMs: ctx.nowMs, ...from };
  ctx.changes.tables.set(target, restored);
  return json(200, { TableDescription: tableDescription(record, { ...restored, status: 'CREATING' }) });
}

function restoreTableFromBackup(params: Params, ctx: Ctx): WireResponse {
  const arn = requiredString(params, 'BackupArn', 'backupArn', 37, 1024);
  if (typeof arn !== 'string') {
    return arn;
  }
  const backup = findBackup(ctx, arn);
  if (!backup || backup.status === 'DELETED') {
    return backupNotFound(arn);
  }
  if (backup.status === 'CREATING') {
    return error(400, `${NS_DYNAMODB}#BackupInUseException`, `Backup is being created: ${arn}`);
  }
  return restoreTable(params, ctx, new Violations(), findTable(ctx, backup.tableName), { sourceBackupArn: arn });
}

function restoreTableToPointInTime(params: Params, ctx: Ctx): WireResponse {
  const sourceName = optionalString(params, 'SourceTableName');
  const sourceArn = optionalString(params, 'SourceTableArn');
  const restoreMs = optionalTimestampMs(params, 'RestoreDateTime');
  const latest = params['UseLatestRestorableTime'];
  if ((sourceName === undefined) === (sourceArn === undefined)) {
    return validationError('Exactly one of SourceTableName or SourceTableArn must be specified');
  }
  if (latest !== undefined && typeof latest !== 'boolean') {
    throw serializationError('UseLatestRestorableTime must be a boolean');
  }
  if ((restoreMs === undefined) === (latest !== true)) {
    return validationError('Exactly one of RestoreDateTime or UseLatestRestorableTime must be specified');
  }
  const v = new Violations();
  if (sourceName !== undefined) {
    checkName(v, sourceName, 'sourceTableName');
  }
  checkLength(v, sourceArn, 'sourceTableArn', 1, 1024);
  const invalid = v.response();
  if (invalid) {
    return invalid;
  }
  const sourceKey = (sourceName ?? sourceArn)!;
  const source = findTable(ctx, sourceKey);
  if (!source) {
    return tableNotFound(sourceKey);
  }
  const window = pitrWindow(source, ctx.nowMs);
  if (!window) {
    return error(400, `${NS_DYNAMODB}#PointInTimeRecoveryUnavailableException`, `Point in time recovery is not enabled for table '${source.name}'`);
  }
  if (restoreMs !== undefined && (restoreMs < window.earliestMs || restoreMs > window.latestMs)) {
    return error(
      400,
      `${NS_DYNAMODB}#InvalidRestoreTimeException`,
      `Restore time must be between ${new Date(window.earliestMs).toISOString()} and ${new Date(window.latestMs).toISOString()}`,
    );
  }
  return restoreTable(params, ctx, v, source, { sourceTableArn: source.arn });
}

const OPERATIONS: Record<string, (params: Params, ctx: Ctx) => WireResponse> = {
  ListBackups: listBackups,
  DescribeBackup: describeBackup,
  ListTables: listTables,
  CreateBackup: createBackup,
  DeleteBackup: deleteBackup,
  DescribeTable: describeTable,
  DescribeContinuousBackups: describeContinuousBackups,
  RestoreTableFromBackup: restoreTableFromBackup,
  RestoreTableToPointInTime: restoreTableToPointInTime,
};

function run(operation: string, params: Params, region: string, account: string, state: EmulatorState): WireResponse {
  const handler = OPERATIONS[operation];
  if (!handler) {
    return error(400, `${NS_SERVICE}#UnknownOperationException`, `The operation ${operation} is not supported by this emulator`);
  }
  try {
    return handler(params, { index: state.region(region, account), changes: state.dynamo(region), region, nowMs: state.clockMs() });
  } catch (e) {
    if (e instanceof InputError) {
      return e.response;
    }
    throw e;
  }
}

export const dynamodb: ServiceAdapter = {
  name: 'dynamodb',

  recognize(incoming: IncomingCall): ServiceCall | undefined {
    const target = incoming.headers['x-amz-target'];
    if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
      return undefined;
    }
    const operation = target.slice(TARGET_PREFIX.length);
    const text = incoming.body.toString('utf8');
    let params: Params | undefined;
    try {
      const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        params = parsed as Params;
      }
    } catch {
      params = undefined;
    }
    if (!params) {
      return {
        service: 'dynamodb',
        operation,
        params: {},
        run: () => error(400, `${NS_SERVICE}#SerializationException`, 'Start of structure or map found where not expected'),
      };
    }
    const body = params;
    return { service: 'dynamodb', operation, params: body, run: (state) => run(operation, body, incoming.region, incoming.account, state) };
  },

  faultResponse(kind: ErrorFaultKind, call: ServiceCall, incoming: IncomingCall): WireResponse {
    switch (kind) {
      case 'throttle':
        return error(400, 'com.amazon.coral.availability#ThrottlingException', 'Rate of requests exceeds the allowed throughput.');
      case 'accessDenied': {
        const backupArn = call.params['BackupArn'];
        const table = call.params['TableName'] ?? call.params['SourceTableName'] ?? call.params['TargetTableName'];
        const resource =
          typeof backupArn === 'string' ? backupArn : tableArn(incoming.region, typeof table === 'string' && !table.startsWith('arn:') ? table : '*');
        return error(400, `${NS_SERVICE}#AccessDeniedException`, accessDeniedMessage(`dynamodb:${call.operation}`, resource));
      }
      case 'expiredToken':
        return error(400, `${NS_SERVICE}#ExpiredTokenException`, EXPIRED_TOKEN_MESSAGE);
      case 'invalidCredentials':
        return error(400, `${NS_SERVICE}#UnrecognizedClientException`, INVALID_TOKEN_MESSAGE);
      case 'serverError':
        return error(500, `${NS_DYNAMODB}#InternalServerError`, 'Internal server error');
      case 'hostileMessage':
        return error(400, 'com.amazon.coral.validate#ValidationException', HOSTILE_ERROR_MESSAGE);
    }
  },
};
