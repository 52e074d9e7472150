/**
 * DynamoDB over awsJson1_0: ListBackups, DescribeBackup, ListTables.
 * Errors use the `__type` body field with the namespaces DynamoDB really sends.
 */
import { tableArn } from './gen-dynamodb';
import { BackupRecord, SecondaryIndex, TableRecord } from './model';
import { accessDeniedMessage, ErrorFaultKind, EXPIRED_TOKEN_MESSAGE, HOSTILE_ERROR_MESSAGE, IncomingCall, INVALID_TOKEN_MESSAGE, ServiceAdapter, ServiceCall, WireResponse } from './protocol';
import type { EmulatorState, RegionIndex } from './state';
import { epochSeconds } from './time';

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

function listBackups(params: Params, index: RegionIndex): WireResponse {
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
  const filtered = index.data.backups.filter(
    (b) =>
      (type === 'ALL' || b.type === type) &&
      matchesTable(b) &&
      (lowerMs === undefined || b.createdMs >= lowerMs) &&
      // Documented as exclusive (aws-sdk-js#3500 reports inclusive behaviour; we follow the docs).
      (upperMs === undefined || b.createdMs < upperMs),
  );

  let start = 0;
  if (startArn !== undefined) {
    const at = filtered.findIndex((b) => b.backupArn === startArn);
    if (at < 0) {
      return error(400, 'com.amazon.coral.validate#ValidationException', `Invalid ExclusiveStartBackupArn: ${startArn} was not returned by a listing with these parameters`);
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

function backupDescription(b: BackupRecord, table: TableRecord | undefined): Record<string, unknown> {
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
  const description: Record<string, unknown> = { BackupDetails: details };
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

function describeBackup(params: Params, index: RegionIndex): WireResponse {
  const arn = optionalString(params, 'BackupArn');
  const v = new Violations();
  if (arn === undefined) {
    v.add(undefined, 'backupArn', 'Member must not be null');
  }
  checkLength(v, arn, 'backupArn', 37, 1024);
  const invalid = v.response();
  if (invalid || arn === undefined) {
    return invalid!;
  }
  if (!BACKUP_ARN_PATTERN.test(arn)) {
    return error(400, 'com.amazon.coral.validate#ValidationException', `Invalid BackupArn provided: ${arn}`);
  }
  const backup = index.backupsByArn.get(arn);
  if (!backup) {
    return error(400, `${NS_DYNAMODB}#BackupNotFoundException`, `Backup not found for the given BackupARN: ${arn}`);
  }
  return json(200, { BackupDescription: backupDescription(backup, index.tablesByName.get(backup.tableName)) });
}

function listTables(params: Params, index: RegionIndex): WireResponse {
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
  const names = index.data.tables.map((t) => t.name).sort();
  const rest = startName === undefined ? names : names.filter((n) => n > startName);
  const size = limit ?? 100;
  const page = rest.slice(0, size);
  const body: Record<string, unknown> = { TableNames: page };
  if (rest.length > size) {
    body['LastEvaluatedTableName'] = page[page.length - 1];
  }
  return json(200, body);
}

const OPERATIONS: Record<string, (params: Params, index: RegionIndex) => WireResponse> = {
  ListBackups: listBackups,
  DescribeBackup: describeBackup,
  ListTables: listTables,
};

function run(operation: string, params: Params, region: string, account: string, state: EmulatorState): WireResponse {
  const handler = OPERATIONS[operation];
  if (!handler) {
    return error(400, `${NS_SERVICE}#UnknownOperationException`, `The operation ${operation} is not supported by this emulator`);
  }
  try {
    return handler(params, state.region(region, account));
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
      return { service: 'dynamodb', operation, params: {}, run: () => error(400, `${NS_SERVICE}#SerializationException`, 'Start of structure or map found where not expected') };
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
        const resource = typeof backupArn === 'string' ? backupArn : tableArn(incoming.region, '*');
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
