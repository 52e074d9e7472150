/**
 * The `hostile` data set: every string the three protocols let through unchecked holds markup, script,
 * template and Markdown/command-link injections, bidi overrides, emoji, newlines or 5,000 characters.
 * Every payload that could run tries to call back to `<callback base>/__callback/<tag>-<kind>`, which the
 * emulator counts (`GET /__emulator/callbacks`), so a test proves that nothing ran by finding zero hits.
 *
 * Honest about AWS's own validation: table, backup, cluster, function and execution names, ARNs, UUIDs
 * and enum fields keep values AWS would accept (at the edges of their patterns: 255-character names,
 * `__proto__`, `constructor`), because a real account cannot hold anything else there. Hostile text goes
 * where the API models a free string: DynamoDB attribute names (1–255 of any character), the KMS key ARN
 * of SSE (a plain string), RDS EngineVersion/Status/MasterUsername/DatabaseName and backtrack Status (plain
 * strings in responses), Lambda function Description (0–256), execution input/result/error payloads and
 * stack traces (up to 6 MB), TraceHeader, and history event Name (1–256), SubType (1–32) and payloads.
 */
import { backupArn, tableArn } from './gen-dynamodb';
import { executionArn, makeFunction } from './gen-lambda';
import { makeCluster } from './gen-rds';
import {
  BackupRecord,
  BacktrackRecord,
  BacktrackStatus,
  ClusterRecord,
  ErrorObject,
  ExecutionDetail,
  ExecutionRecord,
  ExecutionStatus,
  FunctionRecord,
  HistoryEvent,
  RegionData,
  TableRecord,
} from './model';
import { historyEvent } from './gen-history';
import { Rng } from './prng';
import { DAY, HOUR, MINUTE, SECOND } from './time';

export const HOSTILE_REGION = 'us-east-1';
/** Where payloads call back when no emulator URL is known (the CLI's documented `--port 4599`). */
export const DEFAULT_CALLBACK_BASE = 'http://127.0.0.1:4599';
/** The largest InputPayload Lambda accepts (6 MB), used by the `hostile-6mb` execution. */
export const SIX_MB = 6_291_456;
export const LONG_TEXT_LENGTH = 5_000;

/**
 * The URL payloads call back to: `EMULATOR_URL` (what the test harness exports for the emulator that
 * counts the hits), else the CLI default. Read when the data is built, so a process that knows its
 * emulator's URL gets payloads aimed at it.
 */
export function hostileCallbackBase(env: NodeJS.ProcessEnv = process.env): string {
  return (env['EMULATOR_URL'] ?? DEFAULT_CALLBACK_BASE).replace(/\/+$/, '');
}

/** Text that is odd rather than executable: each must still show literally. */
export const ODD_TEXT: readonly string[] = [
  'RTL \u202Egnp.exe\u202C override, \u2066isolate\u2069 and zero\u200Bwidth',
  'emoji 🔥👩‍💻🏳️‍🌈 and CJK 漢字 and combining e\u0301',
  'line one\nline two\r\nline three\ttabbed',
  '$(alert) codicon syntax and %s %d %n format specifiers',
  '&lt;entity&gt; &amp; &#x3C;numeric&#x3E; stays as typed',
  "'; DROP TABLE backups;-- and ../../etc/passwd",
  '__proto__ constructor prototype toString',
];

/** One line per attack, each calling back with its own kind so a hit names what ran. */
export function attacks(base: string, tag: string): string[] {
  const cb = (kind: string): string => `${base}/__callback/${tag}-${kind}`;
  return [
    `<script>fetch('${cb('script')}')</script>`,
    `<script src="${cb('script-src')}"></script>`,
    `<img src=x onerror="fetch('${cb('img-onerror')}')">`,
    `<img src="${cb('img-src')}">`,
    `"><svg onload="fetch('${cb('svg-onload')}')">`,
    `'><body onload="fetch('${cb('body-onload')}')">`,
    `<iframe src="${cb('iframe')}"></iframe>`,
    `<link rel="stylesheet" href="${cb('link-css')}"><style>@import url('${cb('css-import')}');</style>`,
    `<a href="javascript:fetch('${cb('a-href')}')">click me</a>`,
    `javascript:fetch('${cb('js-url')}')`,
    `<meta http-equiv="refresh" content="0;url=${cb('meta-refresh')}">`,
    `{{constructor.constructor("fetch('${cb('angular')}')")()}}`,
    `\${fetch('${cb('template-literal')}')}`,
    `[run a command](command:workbench.action.terminal.new) [a link](${cb('md-link')}) ![an image](${cb('md-image')})`,
    `<details open ontoggle="fetch('${cb('ontoggle')}')">`,
  ];
}

/**
 * What ends a Markdown code span or line, or turns into a link or codicon where VS Code parses text: a lone
 * CR, NEL, LINE and PARAGRAPH SEPARATOR, C1 controls, backtick runs, `$(alert)` and Markdown links (under
 * 256 characters, so it fits a function description).
 */
export function markupBreakers(base: string, tag: string): string {
  return `cr\rnel\u0085ls\u2028ps\u2029c1\u0080\u009b\u009f \`\`\` and \`\` ticks \` $(alert) [x](command:workbench.action.terminal.new) [y](${base}/__callback/${tag}-link)`;
}

/** Every attack and every odd text, one per line: for fields without a length limit. */
export function hostileText(base: string, tag: string): string {
  return [...attacks(base, tag), ...ODD_TEXT, markupBreakers(base, tag)].join('\n');
}

/** One attack that fits fields of at most 255 characters (the callback URL included). */
export function shortAttack(base: string, tag: string, kind: 'img' | 'svg' | 'md' | 'script' = 'img'): string {
  const cb = `${base}/__callback/${tag}-${kind}`;
  switch (kind) {
    case 'svg':
      return `"><svg onload=fetch('${cb}')>`;
    case 'md':
      return `[x](command:workbench.action.terminal.new) ![i](${cb})`;
    case 'script':
      return `<script>fetch('${cb}')</script>`;
    default:
      return `<img src=x onerror=fetch('${cb}')>`;
  }
}

/** Exactly LONG_TEXT_LENGTH characters: an attack, then padding a screen cannot hold on one line. */
export function longText(base: string, tag: string): string {
  const head = `${shortAttack(base, tag, 'img')} ${ODD_TEXT[0]} `;
  let text = head;
  while (text.length < LONG_TEXT_LENGTH) {
    text += 'long-text-0123456789 ';
  }
  return text.slice(0, LONG_TEXT_LENGTH - 3) + 'END';
}

/** At most 32 characters: no room for a callback URL, so these only prove markup stays text. */
export const TINY_ATTACKS = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '{{7*7}}${7*7}', '\u202Eevil\u202C🔥\n'] as const;

// ------------------------------------------------------------------ DynamoDB

/** Valid names (AWS allows only `[a-zA-Z0-9_.-]`, 3–255) chosen to trip naive code: prototype keys, dots, the maximum length. */
export const HOSTILE_BACKUP_NAMES = ['__proto__', 'constructor', '...', '-_-.', 'javascript.alert-1', 'b'.repeat(255)] as const;
export const HOSTILE_TABLE = 'hostile.Table_-01';
export const LONG_TABLE = 't'.repeat(255);

function hostileTable(region: string, base: string, name: string, createdMs: number, rng: Rng): TableRecord {
  return {
    name,
    arn: tableArn(region, name),
    id: rng.uuid(),
    createdMs,
    keySchema: [
      { AttributeName: shortAttack(base, `ddb-${name.length}-hash`, 'img'), KeyType: 'HASH' },
      { AttributeName: ODD_TEXT[0], KeyType: 'RANGE' },
    ],
    billingMode: 'PAY_PER_REQUEST',
    provisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    localSecondaryIndexes: [
      {
        IndexName: 'lsi.-_',
        KeySchema: [
          { AttributeName: shortAttack(base, `ddb-${name.length}-hash`, 'img'), KeyType: 'HASH' },
          { AttributeName: shortAttack(base, 'ddb-lsi-range', 'svg'), KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [shortAttack(base, 'ddb-nonkey', 'md'), ODD_TEXT[1], ODD_TEXT[2]] },
      },
    ],
    globalSecondaryIndexes: [
      {
        IndexName: 'gsi-__proto__',
        KeySchema: [{ AttributeName: shortAttack(base, 'ddb-gsi-hash', 'script'), KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
        OnDemandThroughput: { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 },
      },
    ],
    vectorIndexes: [
      {
        IndexName: 'vec.idx',
        VectorAttribute: { AttributeName: shortAttack(base, 'ddb-vector', 'svg') },
        SearchSchema: [{ AttributeName: ODD_TEXT[3], SearchSchemaElementType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        Dimensions: 3,
        DistanceFunction: 'COSINE',
      },
    ],
    stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: shortAttack(base, 'ddb-ttl', 'md') },
    // SSEDescription.KMSMasterKeyArn is modeled as a plain string.
    sse: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: hostileText(base, 'ddb-kms') },
    avgItemBytes: 700,
  };
}

function hostileDynamo(region: string, base: string, now: number): { tables: TableRecord[]; backups: BackupRecord[] } {
  const rng = new Rng(`${region}/dynamodb/hostile`);
  const main = hostileTable(region, base, HOSTILE_TABLE, now - 100 * DAY, rng);
  const long = hostileTable(region, base, LONG_TABLE, now - 50 * DAY, rng);
  const backups: BackupRecord[] = HOSTILE_BACKUP_NAMES.map((backupName, i) => {
    const table = i % 2 === 0 ? main : long;
    const createdMs = now - (i + 1) * DAY - i * MINUTE;
    return {
      tableName: table.name,
      tableArn: table.arn,
      tableId: table.id,
      backupArn: backupArn(region, table.name, createdMs, rng.hex(8)),
      backupName,
      createdMs,
      status: 'AVAILABLE',
      type: 'USER',
      // Edges of BackupSizeBytes (a long ≥ 0): empty and beyond what a double holds exactly.
      sizeBytes: i === 0 ? 0 : i === 1 ? Number.MAX_SAFE_INTEGER : 1024 * (i + 1),
      itemCount: i * 1000,
      tableSizeBytes: i * 700_000,
    };
  });
  return { tables: [long, main].sort((a, b) => (a.name < b.name ? -1 : 1)), backups: backups.sort((a, b) => a.createdMs - b.createdMs) };
}

// ------------------------------------------------------------------ RDS

export const HOSTILE_CLUSTER = 'hostile-cluster';
/** 63 characters: the longest identifier AWS allows. */
export const LONG_CLUSTER = `c${'-x1'.repeat(20)}yz`;

function hostileRds(region: string, base: string, now: number): { clusters: ClusterRecord[]; backtracks: BacktrackRecord[] } {
  const rng = new Rng(`${region}/rds/hostile`);
  const main = makeCluster(
    region,
    {
      identifier: HOSTILE_CLUSTER,
      engine: 'aurora-mysql',
      engineVersion: hostileText(base, 'rds-engine-version'),
      engineMode: 'provisioned',
      backtrackWindow: 86_400,
      ageDays: 30,
    },
    now,
    rng,
  );
  main.status = shortAttack(base, 'rds-status', 'svg');
  main.masterUsername = shortAttack(base, 'rds-user', 'img');
  main.databaseName = longText(base, 'rds-dbname');
  const long = makeCluster(
    region,
    { identifier: LONG_CLUSTER, engine: 'aurora-mysql', engineVersion: ODD_TEXT.join(' '), engineMode: 'provisioned', backtrackWindow: 3_600, ageDays: 3 },
    now,
    rng,
  );
  long.status = ODD_TEXT[0];
  // The wire's Status is a plain string (aws-apis.md §2); the record's union type only lists AWS's own values.
  const statuses = [
    shortAttack(base, 'bt-status-0', 'img'),
    shortAttack(base, 'bt-status-1', 'svg'),
    shortAttack(base, 'bt-status-2', 'md'),
    longText(base, 'bt-status-3'),
    ODD_TEXT[2],
    'COMPLETED',
    markupBreakers(base, 'bt-status-6'),
  ];
  const backtracks: BacktrackRecord[] = statuses.map((status, i) => {
    const requestCreatedMs = now - 10 * MINUTE - i * 2 * HOUR;
    const backtrackedFromMs = requestCreatedMs - 5 * SECOND;
    return {
      clusterIdentifier: main.identifier,
      backtrackIdentifier: rng.uuid(),
      backtrackToMs: backtrackedFromMs - (i + 1) * 20 * MINUTE,
      backtrackedFromMs,
      requestCreatedMs,
      status: status as BacktrackStatus,
    };
  });
  return { clusters: [long, main].sort((a, b) => (a.identifier < b.identifier ? -1 : 1)), backtracks };
}

// ------------------------------------------------------------------ Lambda

export const HOSTILE_FUNCTION = 'hostile-fn';
export const PLAIN_HOSTILE_FUNCTION = 'hostile-plain-fn';

/** Execution names are `[a-zA-Z0-9-_]`, 1–64: valid, but prototype keys and the maximum length. */
export const HOSTILE_EXECUTIONS: readonly { name: string; status: ExecutionStatus }[] = [
  { name: 'hostile-failed', status: 'FAILED' },
  { name: 'hostile-succeeded', status: 'SUCCEEDED' },
  { name: 'hostile-running', status: 'RUNNING' },
  { name: 'hostile-6mb', status: 'SUCCEEDED' },
  { name: '__proto__', status: 'TIMED_OUT' },
  { name: `e${'-_'.repeat(31)}z`, status: 'STOPPED' },
];

function hostileLambda(region: string, base: string, now: number): { functions: FunctionRecord[]; executions: ExecutionRecord[] } {
  const rng = new Rng(`${region}/lambda/hostile`);
  // Description is 0–256 characters of anything.
  const description = `${markupBreakers(base, 'fn-description')} ${shortAttack(base, 'fn-description', 'md')} ${ODD_TEXT[0]}`.slice(0, 256);
  const fn = makeFunction(
    region,
    {
      name: HOSTILE_FUNCTION,
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      memorySize: 512,
      timeout: 900,
      description,
      durableConfig: { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 },
    },
    now,
    rng,
  );
  const plain = makeFunction(
    region,
    {
      name: PLAIN_HOSTILE_FUNCTION,
      runtime: 'python3.13',
      handler: 'app.handler',
      memorySize: 128,
      timeout: 3,
      description: `${ODD_TEXT[2]} ${shortAttack(base, 'fn-plain-description', 'svg')}`.slice(0, 256),
    },
    now,
    rng,
  );
  const executions = HOSTILE_EXECUTIONS.map(({ name, status }, variant): ExecutionRecord => {
    const id = rng.uuid();
    const startMs = now - (variant + 1) * HOUR;
    const record: ExecutionRecord = {
      functionName: fn.name,
      functionArn: fn.arn,
      arn: executionArn(fn.arn, '$LATEST', name, id),
      name,
      id,
      version: '$LATEST',
      status,
      startMs,
      lastEventMs: status === 'RUNNING' ? startMs + 20 * MINUTE : startMs + 30 * MINUTE,
      workflow: 'hostile',
      variant,
      seed: rng.int(1, 0x7fffffff),
    };
    if (status !== 'RUNNING') {
      record.endMs = record.lastEventMs;
    }
    return record;
  });
  executions.sort((a, b) => b.startMs - a.startMs);
  for (const exec of executions) {
    baseByExecution.set(exec.arn, base);
  }
  return { functions: [fn, plain].sort((a, b) => (a.name < b.name ? -1 : 1)), executions };
}

/** A JSON document of hostile strings (keys too), as an input or result payload. */
function hostileJson(base: string, tag: string): string {
  return JSON.stringify({
    [shortAttack(base, `${tag}-key`, 'img')]: hostileText(base, `${tag}-value`),
    list: attacks(base, `${tag}-list`),
    odd: ODD_TEXT,
    long: longText(base, `${tag}-long`),
    nested: { deeper: { html: '</pre><script>alert(1)</script>', url: 'javascript:alert(1)' } },
  });
}

/** Exactly SIX_MB characters of JSON whose strings are hostile: the largest payload Lambda takes. */
export function sixMegabyteJson(base: string): string {
  const head = `{"attack":${JSON.stringify(hostileText(base, 'six-mb'))},"rows":[`;
  const row = JSON.stringify({ html: shortAttack(base, 'six-mb-row', 'img'), text: 'row of a very large payload' });
  const tail = '],"pad":"';
  const end = '"}';
  const rows: string[] = [];
  let length = head.length + tail.length + end.length;
  while (length + row.length + 1 < SIX_MB - 16) {
    rows.push(row);
    length += row.length + 1;
  }
  const body = `${head}${rows.join(',')}${tail}`;
  return `${body}${'x'.repeat(SIX_MB - body.length - end.length)}${end}`;
}

function hostileError(base: string, tag: string): ErrorObject {
  return {
    ErrorType: shortAttack(base, `${tag}-type`, 'svg'),
    ErrorMessage: hostileText(base, `${tag}-message`),
    ErrorData: hostileJson(base, `${tag}-data`),
    StackTrace: [...attacks(base, `${tag}-stack`), ...ODD_TEXT, longText(base, `${tag}-stack-long`)],
  };
}

/**
 * The callback base each execution was built with: payloads and histories are built lazily, per request,
 * and must aim where the rest of their data set does even if EMULATOR_URL changed since.
 */
const baseByExecution = new Map<string, string>();

const baseOf = (exec: ExecutionRecord): string => baseByExecution.get(exec.arn) ?? hostileCallbackBase();

/** GetDurableExecution's payloads for a hostile execution (lazy: the 6 MB one is built per request). */
export function hostileExecutionDetail(exec: ExecutionRecord, base: string = baseOf(exec)): ExecutionDetail {
  const tag = `exec-${exec.variant}`;
  const detail: ExecutionDetail = {
    inputPayload:
      exec.name === 'hostile-6mb'
        ? sixMegabyteJson(base)
        : exec.name === 'hostile-succeeded'
          ? hostileText(base, `${tag}-input-text`)
          : hostileJson(base, `${tag}-input`),
    // TraceHeader.XAmznTraceId is modeled as a plain string.
    traceId: `${shortAttack(base, `${tag}-trace`, 'img')};Root=1-00000000-000000000000000000000000`,
  };
  if (exec.status === 'SUCCEEDED') {
    detail.result = hostileJson(base, `${tag}-result`);
  }
  if (exec.status === 'FAILED' || exec.status === 'TIMED_OUT' || exec.status === 'STOPPED') {
    detail.error = hostileError(base, `${tag}-error`);
  }
  return detail;
}

interface EventDraft {
  type: string;
  subType?: string;
  id?: string;
  name?: string;
  parentId?: string;
  details: Record<string, unknown>;
}

/** A short history whose names, sub-types and payloads are hostile, with nesting for the operations tree. */
export function hostileHistory(exec: ExecutionRecord, base: string = baseOf(exec)): HistoryEvent[] {
  const rng = new Rng(exec.seed);
  const tag = `hist-${exec.variant}`;
  const detail = hostileExecutionDetail(exec, base);
  const payload = (value: string) => ({ Payload: value, Truncated: false });
  const id = () => rng.hex(16);
  const drafts: EventDraft[] = [];
  const add = (d: EventDraft) => drafts.push(d);

  add({ type: 'ExecutionStarted', id: exec.id, name: exec.name, details: { Input: payload(detail.inputPayload), ExecutionTimeout: 86_400 } });
  const step = id();
  add({ type: 'StepStarted', subType: 'Step', id: step, name: shortAttack(base, `${tag}-step`, 'img'), details: {} });
  add({
    type: 'StepFailed',
    subType: 'Step',
    id: step,
    name: shortAttack(base, `${tag}-step`, 'img'),
    details: { Error: payload(hostileJson(base, `${tag}-step-error`)), RetryDetails: { CurrentAttempt: 1, NextAttemptDelaySeconds: 2 } },
  });
  add({ type: 'StepStarted', subType: 'Step', id: step, name: shortAttack(base, `${tag}-step`, 'img'), details: {} });
  add({
    type: 'StepSucceeded',
    subType: 'Step',
    id: step,
    name: shortAttack(base, `${tag}-step`, 'img'),
    details: { Result: payload(hostileJson(base, `${tag}-step-result`)), RetryDetails: { CurrentAttempt: 2 } },
  });
  const map = id();
  add({ type: 'ContextStarted', subType: 'Map', id: map, name: shortAttack(base, `${tag}-map`, 'svg'), details: {} });
  TINY_ATTACKS.forEach((subType, k) => {
    const child = id();
    add({
      type: 'ContextStarted',
      subType,
      id: child,
      parentId: map,
      name: k === 0 ? longText(base, `${tag}-child`).slice(0, 256) : ODD_TEXT[k % ODD_TEXT.length],
      details: {},
    });
    add({
      type: 'ContextSucceeded',
      subType,
      id: child,
      parentId: map,
      name: ODD_TEXT[k % ODD_TEXT.length],
      details: { Result: payload(hostileText(base, `${tag}-child-${k}`)) },
    });
  });
  add({ type: 'ContextSucceeded', subType: 'Map', id: map, name: shortAttack(base, `${tag}-map`, 'svg'), details: { Result: payload('[]') } });
  const wait = id();
  add({ type: 'WaitStarted', subType: 'Wait', id: wait, name: shortAttack(base, `${tag}-wait`, 'md'), details: { Duration: 60 } });
  add({ type: 'InvocationCompleted', details: { RequestId: shortAttack(base, `${tag}-request-id`, 'img') } });
  if (exec.status !== 'RUNNING') {
    add({ type: 'WaitSucceeded', subType: 'Wait', id: wait, name: shortAttack(base, `${tag}-wait`, 'md'), details: { Duration: 60 } });
    const terminal: Record<ExecutionStatus, string> = {
      RUNNING: '',
      SUCCEEDED: 'ExecutionSucceeded',
      FAILED: 'ExecutionFailed',
      TIMED_OUT: 'ExecutionTimedOut',
      STOPPED: 'ExecutionStopped',
    };
    const details = exec.status === 'SUCCEEDED' ? { Result: payload(detail.result ?? '{}') } : { Error: { Payload: detail.error ?? {}, Truncated: false } };
    add({ type: 'InvocationCompleted', details: { RequestId: rng.uuid() } });
    add({ type: terminal[exec.status], id: exec.id, name: exec.name, details });
  }

  const span = Math.max(1, exec.lastEventMs - exec.startMs);
  return drafts.map((d, i): HistoryEvent => {
    const at = exec.startMs + Math.round((span * i) / Math.max(1, drafts.length - 1));
    const details =
      d.type === 'InvocationCompleted'
        ? { StartTimestamp: exec.startMs, EndTimestamp: at, ...d.details }
        : d.type === 'WaitStarted'
          ? { ...d.details, ScheduledEndTimestamp: at + 60 * SECOND }
          : { ...d.details };
    return historyEvent(d, i + 1, at, details);
  });
}

/** The whole `hostile` data set: us-east-1 only; every other region is empty. */
export function hostileRegions(now: number, base: string = hostileCallbackBase()): Record<string, RegionData> {
  const region = HOSTILE_REGION;
  return {
    [region]: { region, ...hostileDynamo(region, base, now), ...hostileRds(region, base, now), ...hostileLambda(region, base, now), emptyPages: [] },
  };
}
