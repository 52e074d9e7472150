/**
 * RDS over awsQuery: form-encoded POST in, XML out (built with XMLBuilder so
 * every text node is escaped). DescribeDBClusters, DescribeDBClusterBacktracks and BacktrackDBCluster.
 */
import { randomUUID } from 'node:crypto';
import { supportsBacktrack } from './gen-rds';
import { BacktrackRecord, ClusterRecord } from './model';
import { hashString } from './prng';
import {
  accessDeniedMessage,
  ErrorFaultKind,
  EXPIRED_TOKEN_MESSAGE,
  HOSTILE_ERROR_MESSAGE,
  IncomingCall,
  INVALID_TOKEN_MESSAGE,
  parseStrictInt,
  ServiceAdapter,
  ServiceCall,
  WireResponse,
} from './protocol';
import type { EmulatorState, RegionIndex } from './state';
import { decodeJsonMarker, encodeJsonMarker } from './tokens';
import { type Form, QueryError as RdsError, queryErrorResponse, queryResultResponse, readForm } from './query';
import { isoTime } from './time';

const XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/';
const IDENTIFIER_PATTERN = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}$/;
const BACKTRACK_STATUSES = ['applying', 'completed', 'failed', 'pending'];

function errorResponse(err: RdsError, requestId: string): WireResponse {
  return queryErrorResponse(XMLNS, err, requestId);
}

function resultResponse(action: string, result: Record<string, unknown>, requestId: string): WireResponse {
  return queryResultResponse(XMLNS, action, result, requestId);
}

function invalidParameter(message: string): RdsError {
  return new RdsError(400, 'InvalidParameterValue', message);
}

interface Filter {
  name: string;
  values: string[];
}

/** `Filters.Filter.N.Name` / `Filters.Filter.N.Values.Value.M` → [{name, values}] in N order. */
function parseFilters(form: Form): Filter[] {
  const byIndex = new Map<number, Filter>();
  for (const [key, value] of Object.entries(form)) {
    const m = /^Filters\.Filter\.(\d+)\.(Name|Values\.Value\.(\d+))$/.exec(key);
    if (!m) {
      continue;
    }
    const n = Number(m[1]);
    const filter = byIndex.get(n) ?? { name: '', values: [] };
    byIndex.set(n, filter);
    if (m[2] === 'Name') {
      filter.name = value;
    } else {
      filter.values[Number(m[3]) - 1] = value;
    }
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, f]) => ({ name: f.name, values: f.values.filter((x) => x !== undefined) }));
}

function checkFilters(filters: Filter[], allowed: string[]): void {
  for (const f of filters) {
    if (!allowed.includes(f.name)) {
      throw invalidParameter(`Unrecognized filter name: ${f.name}.`);
    }
    if (f.values.length === 0) {
      throw invalidParameter(`Filter ${f.name} must have at least one value.`);
    }
  }
}

function pageSize(form: Form): number {
  const raw = form['MaxRecords'];
  if (raw === undefined) {
    return 100;
  }
  const n = parseStrictInt(raw);
  if (n === undefined || n < 20 || n > 100) {
    throw invalidParameter(`Invalid value ${raw} for MaxRecords. Must be between 20 and 100.`);
  }
  return n;
}

function checkIdentifier(id: string): void {
  if (!IDENTIFIER_PATTERN.test(id) || id.endsWith('-')) {
    throw invalidParameter(
      'The parameter DBClusterIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.',
    );
  }
}

function startOffset(form: Form, scope: unknown, total: number): number {
  const marker = form['Marker'];
  if (marker === undefined || marker === '') {
    return 0;
  }
  const offset = decodeJsonMarker(marker, scope);
  if (offset === undefined || offset > total) {
    throw invalidParameter('The parameter Marker is not a valid pagination token for this request.');
  }
  return offset;
}

function clusterXml(c: ClusterRecord, region: string): Record<string, unknown> {
  // One stable endpoint suffix per account and region, as AWS assigns.
  const suffix = `c${hashString(`123456789012/${region}`).toString(36).padStart(7, '0')}`;
  const out: Record<string, unknown> = {
    AvailabilityZones: { AvailabilityZone: c.availabilityZones },
    BackupRetentionPeriod: 7,
    DatabaseName: c.databaseName,
    DBClusterIdentifier: c.identifier,
    DBClusterParameterGroup:
      c.engine === 'aurora-mysql' ? `default.aurora-mysql${c.engineVersion.startsWith('5.7') ? '5.7' : '8.0'}` : 'default.aurora-postgresql15',
    Status: c.status,
    Endpoint: `${c.identifier}.cluster-${suffix}.${region}.rds.amazonaws.com`,
    ReaderEndpoint: `${c.identifier}.cluster-ro-${suffix}.${region}.rds.amazonaws.com`,
    MultiAZ: c.multiAZ,
    Engine: c.engine,
    EngineVersion: c.engineVersion,
    Port: c.port,
    MasterUsername: c.masterUsername,
    StorageEncrypted: c.storageEncrypted,
    DbClusterResourceId: c.resourceId,
    DBClusterArn: c.arn,
    ClusterCreateTime: isoTime(c.createdMs),
    EngineMode: c.engineMode,
    DeletionProtection: c.deletionProtection,
  };
  if (c.backtrackWindow !== undefined) {
    out['BacktrackWindow'] = c.backtrackWindow;
  }
  if (c.earliestBacktrackMs !== undefined) {
    out['EarliestBacktrackTime'] = isoTime(c.earliestBacktrackMs);
  }
  if (c.backtrackConsumedChangeRecords !== undefined) {
    out['BacktrackConsumedChangeRecords'] = c.backtrackConsumedChangeRecords;
  }
  return out;
}

function backtrackXml(b: BacktrackRecord): Record<string, unknown> {
  return {
    DBClusterIdentifier: b.clusterIdentifier,
    BacktrackIdentifier: b.backtrackIdentifier,
    BacktrackTo: isoTime(b.backtrackToMs),
    BacktrackedFrom: isoTime(b.backtrackedFromMs),
    BacktrackRequestCreationTime: isoTime(b.requestCreatedMs),
    Status: b.status,
  };
}

function findCluster(index: RegionIndex, idOrArn: string): ClusterRecord {
  const cluster = idOrArn.startsWith('arn:') ? index.data.clusters.find((c) => c.arn === idOrArn) : index.clustersById.get(idOrArn.toLowerCase());
  if (!cluster) {
    throw new RdsError(404, 'DBClusterNotFoundFault', `DBCluster ${idOrArn} not found.`);
  }
  return cluster;
}

/** What a handler gets: the request's form, its region's data, and the state for operations that change it. */
interface RdsCall {
  readonly form: Form;
  readonly index: RegionIndex;
  readonly requestId: string;
  readonly state: EmulatorState;
  readonly region: string;
}

function describeDBClusters({ form, index, requestId }: RdsCall): WireResponse {
  const max = pageSize(form);
  const filters = parseFilters(form);
  checkFilters(filters, ['clone-group-id', 'db-cluster-id', 'db-cluster-resource-id', 'domain', 'engine']);
  const id = form['DBClusterIdentifier'];
  if (id !== undefined && !id.startsWith('arn:')) {
    checkIdentifier(id);
  }
  let clusters = id !== undefined ? [findCluster(index, id)] : index.data.clusters;
  for (const f of filters) {
    clusters = clusters.filter((c) => {
      switch (f.name) {
        case 'db-cluster-id':
          return f.values.some((v) => v === c.arn || v.toLowerCase() === c.identifier);
        case 'db-cluster-resource-id':
          return f.values.includes(c.resourceId);
        case 'engine':
          return f.values.includes(c.engine);
        default:
          // No emulated cluster is in a clone group or a directory domain.
          return false;
      }
    });
  }
  const scope = { op: 'DescribeDBClusters', id: id?.toLowerCase() ?? null, filters };
  const offset = startOffset(form, scope, clusters.length);
  const page = clusters.slice(offset, offset + max);
  const result: Record<string, unknown> = { DBClusters: { DBCluster: page.map((c) => clusterXml(c, index.data.region)) } };
  if (offset + max < clusters.length) {
    result['Marker'] = encodeJsonMarker(scope, offset + max);
  }
  return resultResponse('DescribeDBClusters', result, requestId);
}

function engineLabel(c: ClusterRecord): string {
  return c.engine === 'aurora-mysql' ? 'Aurora MySQL' : 'Aurora PostgreSQL';
}

function required(form: Form, name: string): string {
  const value = form[name];
  if (value === undefined || value === '') {
    throw new RdsError(400, 'MissingParameter', `The request must contain the parameter ${name}`);
  }
  return value;
}

/** DBClusterIdentifier, present and well-formed. */
function clusterIdParam(form: Form): string {
  const id = required(form, 'DBClusterIdentifier');
  checkIdentifier(id);
  return id;
}

/** The cluster, which must be able to backtrack (else InvalidParameterCombination). */
function backtrackingCluster(id: string, index: RegionIndex): ClusterRecord {
  const cluster = findCluster(index, id);
  if (!supportsBacktrack(cluster)) {
    throw new RdsError(
      400,
      'InvalidParameterCombination',
      `${engineLabel(cluster)} Engine Version ${cluster.engineVersion} with mode: ${cluster.engineMode.toUpperCase()} does not support Backtrack.`,
    );
  }
  return cluster;
}

function booleanParam(form: Form, name: string): boolean {
  const raw = form[name];
  if (raw === undefined) {
    return false;
  }
  if (raw !== 'true' && raw !== 'false') {
    throw invalidParameter(`Invalid value ${raw} for ${name}. Must be true or false.`);
  }
  return raw === 'true';
}

/** How far ahead of the emulator clock a BacktrackTo may be (clock skew between client and server). */
const FUTURE_TOLERANCE_MS = 1000;

/**
 * BacktrackDBCluster: the time must lie in [EarliestBacktrackTime, now] (an earlier one is moved to the earliest
 * time when UseEarliestTimeOnPointInTimeUnavailable is set). Records a PENDING backtrack from now back to it.
 */
function backtrackDBCluster({ form, index, requestId, state, region }: RdsCall): WireResponse {
  const cluster = backtrackingCluster(clusterIdParam(form), index);
  const raw = required(form, 'BacktrackTo');
  const parsed = Date.parse(raw);
  if (Number.isNaN(parsed)) {
    throw invalidParameter(`Invalid value ${raw} for BacktrackTo. Must be an ISO 8601 timestamp.`);
  }
  booleanParam(form, 'Force');
  const useEarliest = booleanParam(form, 'UseEarliestTimeOnPointInTimeUnavailable');
  if (cluster.status !== 'available') {
    throw new RdsError(400, 'InvalidDBClusterStateFault', `DB cluster ${cluster.identifier} is not in the available state (${cluster.status}).`);
  }
  const now = state.clockMs();
  if (parsed > now + FUTURE_TOLERANCE_MS) {
    throw invalidParameter(`The backtrack time ${raw} is in the future. Specify a time no later than ${isoTime(now)}.`);
  }
  const earliest = cluster.earliestBacktrackMs ?? now;
  if (parsed < earliest && !useEarliest) {
    throw invalidParameter(`The backtrack time ${raw} is earlier than the earliest backtrack time ${isoTime(earliest)} of DB cluster ${cluster.identifier}.`);
  }
  const record: BacktrackRecord = {
    clusterIdentifier: cluster.identifier,
    backtrackIdentifier: randomUUID(),
    backtrackToMs: Math.min(Math.max(parsed, earliest), now),
    backtrackedFromMs: now,
    requestCreatedMs: now,
    status: 'PENDING',
  };
  state.addBacktrack(region, record);
  return resultResponse('BacktrackDBCluster', backtrackXml(record), requestId);
}

function describeDBClusterBacktracks({ form, index, requestId, state, region }: RdsCall): WireResponse {
  const id = clusterIdParam(form);
  const max = pageSize(form);
  const filters = parseFilters(form);
  checkFilters(filters, ['db-cluster-backtrack-id', 'db-cluster-backtrack-status']);
  const cluster = backtrackingCluster(id, index);

  let list = state.backtracksOf(region, cluster.identifier);
  const backtrackId = form['BacktrackIdentifier'];
  if (backtrackId !== undefined) {
    list = list.filter((b) => b.backtrackIdentifier === backtrackId.toLowerCase());
    if (list.length === 0) {
      throw new RdsError(404, 'DBClusterBacktrackNotFoundFault', `Backtrack ${backtrackId} not found for DB cluster ${cluster.identifier}.`);
    }
  }
  for (const f of filters) {
    if (f.name === 'db-cluster-backtrack-id') {
      list = list.filter((b) => f.values.includes(b.backtrackIdentifier));
    } else {
      // Documented values are lowercase, the service returns uppercase: compare case-insensitively.
      const wanted = f.values.map((v) => v.toLowerCase());
      const unknown = wanted.find((v) => !BACKTRACK_STATUSES.includes(v));
      if (unknown !== undefined) {
        throw invalidParameter(`Unrecognized backtrack status: ${unknown}. Valid values: ${BACKTRACK_STATUSES.join(', ')}.`);
      }
      list = list.filter((b) => wanted.includes(b.status.toLowerCase()));
    }
  }
  const normalized = filters.map((f) => ({ name: f.name, values: f.name === 'db-cluster-backtrack-status' ? f.values.map((v) => v.toLowerCase()) : f.values }));
  const scope = { op: 'DescribeDBClusterBacktracks', cluster: cluster.identifier, backtrackId: backtrackId ?? null, filters: normalized };
  const offset = startOffset(form, scope, list.length);
  const page = list.slice(offset, offset + max);
  const result: Record<string, unknown> = { DBClusterBacktracks: { DBClusterBacktrack: page.map(backtrackXml) } };
  if (offset + max < list.length) {
    result['Marker'] = encodeJsonMarker(scope, offset + max);
  }
  state.advanceBacktracks(region, page);
  return resultResponse('DescribeDBClusterBacktracks', result, requestId);
}

const ACTIONS: Record<string, (call: RdsCall) => WireResponse> = {
  DescribeDBClusters: describeDBClusters,
  DescribeDBClusterBacktracks: describeDBClusterBacktracks,
  BacktrackDBCluster: backtrackDBCluster,
};

function run(action: string, form: Form, incoming: IncomingCall, state: EmulatorState): WireResponse {
  const handler = ACTIONS[action];
  if (!handler) {
    return errorResponse(new RdsError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`), incoming.requestId);
  }
  try {
    return handler({ form, index: state.region(incoming.region, incoming.account), requestId: incoming.requestId, state, region: incoming.region });
  } catch (e) {
    if (e instanceof RdsError) {
      return errorResponse(e, incoming.requestId);
    }
    throw e;
  }
}

export const rds: ServiceAdapter = {
  name: 'rds',

  recognize(incoming: IncomingCall): ServiceCall | undefined {
    const form = readForm(incoming);
    if (!form) {
      return undefined;
    }
    const action = form['Action'];
    return { service: 'rds', operation: action, params: form, run: (state) => run(action, form, incoming, state) };
  },

  faultResponse(kind: ErrorFaultKind, call: ServiceCall, incoming: IncomingCall): WireResponse {
    const id = call.params['DBClusterIdentifier'];
    const resource = `arn:aws:rds:${incoming.region}:123456789012:cluster:${typeof id === 'string' ? id : '*'}`;
    const errors: Record<ErrorFaultKind, RdsError> = {
      throttle: new RdsError(400, 'Throttling', 'Rate exceeded'),
      accessDenied: new RdsError(403, 'AccessDenied', accessDeniedMessage(`rds:${call.operation}`, resource)),
      expiredToken: new RdsError(400, 'ExpiredToken', EXPIRED_TOKEN_MESSAGE),
      invalidCredentials: new RdsError(403, 'InvalidClientTokenId', INVALID_TOKEN_MESSAGE),
      serverError: new RdsError(500, 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 'Receiver'),
      hostileMessage: new RdsError(400, 'InvalidParameterValue', HOSTILE_ERROR_MESSAGE),
    };
    return errorResponse(errors[kind], incoming.requestId);
  },
};
