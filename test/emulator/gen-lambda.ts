/** Deterministic Lambda functions and durable executions (summaries only; payloads and history are lazy). */
import { ACCOUNT_ID, DurableConfig, ExecutionRecord, ExecutionStatus, FunctionRecord, WorkflowKind } from './model';
import { Rng } from './prng';
import { DAY, HOUR, MINUTE, SECOND } from './time';

export function functionArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;
}

export function executionArn(fnArn: string, version: string, name: string, id: string): string {
  return `${fnArn}:${version}/durable-execution/${name}/${id}`;
}

interface FunctionSpec {
  name: string;
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  description: string;
  durableConfig?: DurableConfig;
  architecture?: 'x86_64' | 'arm64';
}

export function makeFunction(region: string, spec: FunctionSpec, now: number, rng: Rng): FunctionRecord {
  const fn: FunctionRecord = {
    name: spec.name,
    arn: functionArn(region, spec.name),
    runtime: spec.runtime,
    handler: spec.handler,
    memorySize: spec.memorySize,
    timeout: spec.timeout,
    description: spec.description,
    codeSize: rng.int(2_000, 9_500_000),
    codeSha256: Buffer.from(rng.bytes(32)).toString('base64'),
    lastModifiedMs: now - rng.int(1 * HOUR, 120 * DAY),
    role: `arn:aws:iam::${ACCOUNT_ID}:role/${spec.name}-role`,
    architectures: [spec.architecture ?? 'arm64'],
  };
  if (spec.durableConfig) {
    fn.durableConfig = spec.durableConfig;
  }
  return fn;
}

/** Exact status counts, shuffled, so docs and tests can rely on them. */
function shuffledStatuses(rng: Rng, counts: Record<ExecutionStatus, number>): ExecutionStatus[] {
  const list: ExecutionStatus[] = [];
  for (const status of Object.keys(counts) as ExecutionStatus[]) {
    for (let i = 0; i < counts[status]; i++) {
      list.push(status);
    }
  }
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

interface ExecutionPlan {
  fn: FunctionRecord;
  workflow: WorkflowKind;
  statuses: ExecutionStatus[];
  versions: ReadonlyArray<readonly [string, number]>;
  /** Finished executions start within this many ms before now. */
  spanMs: number;
  durationMs: readonly [number, number];
  namePrefix: string;
}

function makeExecution(plan: ExecutionPlan, status: ExecutionStatus, variant: number, name: string, startMs: number, now: number, rng: Rng): ExecutionRecord {
  const id = rng.uuid();
  const version = rng.weighted(plan.versions);
  const timeoutMs = (plan.fn.durableConfig?.ExecutionTimeout ?? 86_400) * SECOND;
  const record: ExecutionRecord = {
    functionName: plan.fn.name,
    functionArn: plan.fn.arn,
    arn: executionArn(plan.fn.arn, version, name, id),
    name,
    id,
    version,
    status,
    startMs,
    lastEventMs: startMs,
    workflow: plan.workflow,
    variant,
    seed: rng.int(1, 0x7fffffff),
  };
  if (plan.fn.durableConfig?.KMSKeyArn) {
    record.kmsKeyArn = plan.fn.durableConfig.KMSKeyArn;
  }
  if (status === 'RUNNING') {
    record.lastEventMs = startMs + Math.floor((now - startMs) * (0.3 + 0.6 * rng.next()));
  } else {
    const duration = status === 'TIMED_OUT' ? timeoutMs : rng.int(plan.durationMs[0], plan.durationMs[1]);
    record.endMs = Math.min(startMs + duration, now - MINUTE);
    record.lastEventMs = record.endMs;
  }
  return record;
}

function startFor(status: ExecutionStatus, plan: ExecutionPlan, now: number, rng: Rng): number {
  if (status === 'RUNNING') {
    return now - rng.int(2 * MINUTE, 6 * HOUR);
  }
  const timeoutMs = (plan.fn.durableConfig?.ExecutionTimeout ?? 86_400) * SECOND;
  // A timed-out execution must have started at least one timeout ago to have ended by now.
  const latest = status === 'TIMED_OUT' ? now - timeoutMs - HOUR : now - 30 * MINUTE;
  return rng.int(Math.min(latest, now - plan.spanMs), latest);
}

export function makeExecutions(plan: ExecutionPlan, now: number, rng: Rng): ExecutionRecord[] {
  const names = new Set<string>();
  const seen = new Map<ExecutionStatus, number>();
  return plan.statuses.map((status) => {
    let name = `${plan.namePrefix}-${rng.hex(8)}`;
    while (names.has(name)) {
      name = `${plan.namePrefix}-${rng.hex(8)}`;
    }
    names.add(name);
    const variant = seen.get(status) ?? 0;
    seen.set(status, variant + 1);
    return makeExecution(plan, status, variant, name, startFor(status, plan, now, rng), now, rng);
  });
}

/** Newest first; ties broken by ARN so the order is total. */
export function sortExecutions(list: ExecutionRecord[]): ExecutionRecord[] {
  return list.sort((a, b) => b.startMs - a.startMs || (a.arn < b.arn ? -1 : 1));
}

export const ORDER_WORKFLOW_COUNTS: Record<ExecutionStatus, number> = { RUNNING: 6, SUCCEEDED: 36, FAILED: 8, TIMED_OUT: 4, STOPPED: 6 };
export const PAYMENT_SAGA_COUNTS: Record<ExecutionStatus, number> = { RUNNING: 2, SUCCEEDED: 9, FAILED: 2, TIMED_OUT: 1, STOPPED: 1 };

export function demoLambda(region: string, now: number): { functions: FunctionRecord[]; executions: ExecutionRecord[] } {
  const rng = new Rng(`${region}/lambda/demo`);
  const orderWorkflow = makeFunction(
    region,
    {
      name: 'order-workflow',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      memorySize: 1024,
      timeout: 900,
      description: 'Order fulfilment workflow (durable)',
      durableConfig: { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 },
    },
    now,
    rng,
  );
  const paymentSaga = makeFunction(
    region,
    {
      name: 'payment-saga',
      runtime: 'python3.13',
      handler: 'saga.handler',
      memorySize: 512,
      timeout: 300,
      description: 'Payment saga with compensation (durable)',
      durableConfig: { RetentionPeriodInDays: 14, ExecutionTimeout: 3_600, KMSKeyArn: `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${rng.uuid()}` },
    },
    now,
    rng,
  );
  const nightlyReport = makeFunction(
    region,
    {
      name: 'nightly-report',
      runtime: 'nodejs22.x',
      handler: 'report.handler',
      memorySize: 2048,
      timeout: 900,
      description: 'Nightly report (durable, never run yet)',
      durableConfig: { RetentionPeriodInDays: 7, ExecutionTimeout: 7_200 },
    },
    now,
    rng,
  );
  const imageResize = makeFunction(
    region,
    {
      name: 'image-resize',
      runtime: 'nodejs20.x',
      handler: 'resize.handler',
      memorySize: 1536,
      timeout: 30,
      description: 'Resizes uploaded images',
      architecture: 'x86_64',
    },
    now,
    rng,
  );
  const authorizer = makeFunction(
    region,
    {
      name: 'auth-authorizer',
      runtime: 'nodejs22.x',
      handler: 'authorizer.handler',
      memorySize: 256,
      timeout: 5,
      description: 'API Gateway token authorizer',
    },
    now,
    rng,
  );

  const executions = [
    ...makeExecutions(
      {
        fn: orderWorkflow,
        workflow: 'order',
        statuses: shuffledStatuses(rng, ORDER_WORKFLOW_COUNTS),
        namePrefix: 'order',
        versions: [
          ['$LATEST', 4],
          ['$LATEST.PUBLISHED', 2],
          ['3', 2],
          ['4', 3],
          ['5', 3],
        ],
        spanMs: 14 * DAY,
        durationMs: [2 * MINUTE, 6 * HOUR],
      },
      now,
      rng,
    ),
    ...makeExecutions(
      {
        fn: paymentSaga,
        workflow: 'payment',
        statuses: shuffledStatuses(rng, PAYMENT_SAGA_COUNTS),
        namePrefix: 'pay',
        versions: [
          ['$LATEST', 2],
          ['1', 1],
          ['2', 2],
        ],
        spanMs: 10 * DAY,
        durationMs: [10 * SECOND, 20 * MINUTE],
      },
      now,
      rng,
    ),
  ];
  const functions = [orderWorkflow, paymentSaga, nightlyReport, imageResize, authorizer].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { functions, executions: sortExecutions(executions) };
}

export function euLambda(region: string, now: number): { functions: FunctionRecord[]; executions: ExecutionRecord[] } {
  const rng = new Rng(`${region}/lambda/eu`);
  const fn = makeFunction(
    region,
    {
      name: 'eu-order-workflow',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      memorySize: 1024,
      timeout: 900,
      description: 'EU order workflow (durable)',
      durableConfig: { RetentionPeriodInDays: 30, ExecutionTimeout: 86_400 },
    },
    now,
    rng,
  );
  const executions = makeExecutions(
    {
      fn,
      workflow: 'order',
      statuses: ['SUCCEEDED', 'RUNNING', 'FAILED'],
      namePrefix: 'eu-order',
      versions: [['$LATEST', 1]],
      spanMs: 5 * DAY,
      durationMs: [5 * MINUTE, 2 * HOUR],
    },
    now,
    rng,
  );
  return { functions: [fn], executions: sortExecutions(executions) };
}

export const BULK_FUNCTIONS = 1_100;
export const BIG_FUNCTION_EXECUTIONS = 20_000;
export const HUGE_HISTORY_EVENTS = 10_000;
/** The big-function page that starts at this offset comes back empty (with a NextMarker) once. */
export const BIG_FUNCTION_EMPTY_PAGE_OFFSET = 400;

const BULK_RUNTIMES = ['nodejs22.x', 'python3.13', 'java21', 'provided.al2023', 'nodejs20.x', 'python3.12'] as const;

/**
 * large: bulk-fn-0001…bulk-fn-1100 (not durable), big-function with exactly 20,000 executions
 * (names run-00001…run-20000, run-20000 newest), and order-workflow's `huge-history`, `running-history`
 * (RUNNING, 10,000 events) and `model-drift` (types the model does not know) executions.
 */
export function largeLambda(region: string, now: number, orderWorkflowArn: string): { functions: FunctionRecord[]; executions: ExecutionRecord[] } {
  const rng = new Rng(`${region}/lambda/large`);
  const functions: FunctionRecord[] = [];
  for (let i = 1; i <= BULK_FUNCTIONS; i++) {
    functions.push(
      makeFunction(
        region,
        {
          name: `bulk-fn-${String(i).padStart(4, '0')}`,
          runtime: BULK_RUNTIMES[i % BULK_RUNTIMES.length],
          handler: 'index.handler',
          memorySize: 128 * (1 + (i % 8)),
          timeout: 3 + (i % 60),
          description: `Bulk function ${i}`,
        },
        now,
        rng,
      ),
    );
  }
  const big = makeFunction(
    region,
    {
      name: 'big-function',
      runtime: 'nodejs22.x',
      handler: 'batch.handler',
      memorySize: 3008,
      timeout: 900,
      description: 'Batch processor with a very long execution list (durable)',
      durableConfig: { RetentionPeriodInDays: 90, ExecutionTimeout: 7_200 },
    },
    now,
    rng,
  );
  functions.push(big);

  const executions: ExecutionRecord[] = [];
  const plan: ExecutionPlan = {
    fn: big,
    workflow: 'batch',
    statuses: [],
    namePrefix: 'run',
    versions: [
      ['$LATEST', 3],
      ['$LATEST.PUBLISHED', 1],
      ['7', 2],
      ['8', 2],
      ['9', 2],
    ],
    spanMs: 60 * DAY,
    durationMs: [5 * SECOND, 30 * MINUTE],
  };
  const spanStart = now - 60 * DAY;
  const spacing = Math.floor((60 * DAY - HOUR) / BIG_FUNCTION_EXECUTIONS);
  for (let i = 0; i < BIG_FUNCTION_EXECUTIONS; i++) {
    // Only the newest few can still be running; older ones finished long ago.
    const status: ExecutionStatus =
      i >= BIG_FUNCTION_EXECUTIONS - 25
        ? 'RUNNING'
        : rng.weighted([
            ['SUCCEEDED', 88],
            ['FAILED', 7],
            ['TIMED_OUT', 2],
            ['STOPPED', 3],
          ] as const);
    const startMs = spanStart + i * spacing + rng.int(0, spacing - 1);
    const name = `run-${String(i + 1).padStart(5, '0')}`;
    executions.push(makeExecution(plan, status, i, name, startMs, now, rng));
  }

  const hugeId = rng.uuid();
  const huge: ExecutionRecord = {
    functionName: 'order-workflow',
    functionArn: orderWorkflowArn,
    arn: executionArn(orderWorkflowArn, '5', 'huge-history', hugeId),
    name: 'huge-history',
    id: hugeId,
    version: '5',
    status: 'SUCCEEDED',
    startMs: now - 3 * DAY - 2 * HOUR,
    endMs: now - 1 * DAY - 5 * HOUR,
    lastEventMs: now - 1 * DAY - 5 * HOUR,
    workflow: 'huge',
    variant: 0,
    seed: rng.int(1, 0x7fffffff),
  };
  executions.push(huge);

  // The same 10,000-event shape still RUNNING (the auto-refresh benchmark), older than every other RUNNING one.
  const runningId = rng.uuid();
  executions.push({
    ...huge,
    arn: executionArn(orderWorkflowArn, '5', 'running-history', runningId),
    name: 'running-history',
    id: runningId,
    status: 'RUNNING',
    startMs: now - 6 * DAY,
    endMs: undefined,
    lastEventMs: now - 2 * HOUR,
    seed: rng.int(1, 0x7fffffff),
  });
  // Event types, a SubType and a timestamp the model does not know (gen-drift.ts).
  const driftId = rng.uuid();
  executions.push({
    ...huge,
    arn: executionArn(orderWorkflowArn, '5', 'model-drift', driftId),
    name: 'model-drift',
    id: driftId,
    startMs: now - 5 * DAY,
    endMs: now - 5 * DAY + 11_000,
    lastEventMs: now - 5 * DAY + 11_000,
    workflow: 'drift',
    seed: rng.int(1, 0x7fffffff),
  });
  return { functions, executions };
}
