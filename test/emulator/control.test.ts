import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { DynamoDBClient, ListBackupsCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetDurableExecutionCommand, ListDurableExecutionsByFunctionCommand, ListFunctionsCommand, StopDurableExecutionCommand } from '@aws-sdk/client-lambda';
import { DescribeDBClusterBacktracksCommand, DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { EmulatorControl } from './control';
import { regionData } from './data';
import { HOSTILE_ERROR_MESSAGE, type ErrorFaultKind } from './protocol';
import { expectAwsError, NOW, useEmulator } from './helpers';
import { startEmulator } from './server';

describe('emulator: control API, request log and faults', function () {
  this.timeout(20_000);
  const h = useEmulator('demo');

  beforeEach(() => h.control.reset());

  it('info reports the data set, its clock and the URL', async () => {
    const info = await h.control.info();
    assert.deepEqual(info, { dataset: 'demo', now: NOW, nowIso: new Date(NOW).toISOString(), url: h.emulator.url });
  });

  it('logs each service call with region, parameters and request id, and never the credentials', async () => {
    const ddb = await h.dynamodb('eu-west-1').send(new ListBackupsCommand({ Limit: 5, BackupType: 'ALL' }));
    await h.rds().send(
      new DescribeDBClusterBacktracksCommand({
        DBClusterIdentifier: 'orders-aurora',
        MaxRecords: 20,
        Filters: [{ Name: 'db-cluster-backtrack-status', Values: ['completed', 'failed'] }],
      }),
    );
    await h.lambda().send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow', Statuses: ['RUNNING', 'FAILED'], MaxItems: 5 }));
    const log = await h.control.requests();
    assert.deepEqual(
      log.map((e) => [e.service, e.operation, e.region, e.status]),
      [
        ['dynamodb', 'ListBackups', 'eu-west-1', 200],
        ['rds', 'DescribeDBClusterBacktracks', 'us-east-1', 200],
        ['lambda', 'ListDurableExecutionsByFunction', 'us-east-1', 200],
      ],
    );
    const [d, r, l] = log;
    assert.deepEqual(d.params, { Limit: 5, BackupType: 'ALL' });
    assert.equal(d.requestId, ddb.$metadata.requestId);
    assert.equal(r.params['Action'], 'DescribeDBClusterBacktracks');
    assert.equal(r.params['DBClusterIdentifier'], 'orders-aurora');
    assert.equal(r.params['MaxRecords'], '20');
    assert.equal(r.params['Filters.Filter.1.Name'], 'db-cluster-backtrack-status');
    assert.equal(r.params['Filters.Filter.1.Values.Value.2'], 'failed');
    assert.deepEqual(l.query['Statuses'], ['RUNNING', 'FAILED']);
    assert.deepEqual(l.query['MaxItems'], ['5']);
    assert.deepEqual(l.pathParams, { FunctionName: 'order-workflow' });
    assert.equal(l.method, 'GET');
    assert.equal(l.path, '/2025-12-01/functions/order-workflow/durable-executions');
    const text = JSON.stringify(log);
    assert.doesNotMatch(text, /authorization|Credential=|Signature|x-amz-security-token/i);
    assert.equal((await h.control.requests({ service: 'rds' })).length, 1);
    assert.equal((await h.control.requests({ operation: 'ListBackups' })).length, 1);
    assert.equal((await h.control.requests({ sinceSeq: d.seq })).length, 2);
    await h.control.clearRequests();
    assert.deepEqual(await h.control.requests(), []);
  });

  it('logs the Lambda body and the decoded execution ARN for StopDurableExecution', async () => {
    const running = regionData(h.data, 'us-east-1').executions.find((e) => e.status === 'RUNNING')!;
    await h.lambda().send(new StopDurableExecutionCommand({ DurableExecutionArn: running.arn, Error: { ErrorMessage: 'why' } }));
    const [entry] = await h.control.requests({ operation: 'StopDurableExecution' });
    assert.deepEqual(entry.params, { ErrorMessage: 'why' });
    assert.equal(entry.pathParams?.['DurableExecutionArn'], running.arn);
    assert.ok(entry.path.includes('%2F'), 'the raw path keeps the encoded ARN');
  });

  const expected: Record<'dynamodb' | 'rds' | 'lambda', Record<ErrorFaultKind, [string, number]>> = {
    dynamodb: {
      throttle: ['ThrottlingException', 400],
      accessDenied: ['AccessDeniedException', 400],
      expiredToken: ['ExpiredTokenException', 400],
      invalidCredentials: ['UnrecognizedClientException', 400],
      serverError: ['InternalServerError', 500],
      hostileMessage: ['ValidationException', 400],
    },
    rds: {
      throttle: ['Throttling', 400],
      accessDenied: ['AccessDenied', 403],
      expiredToken: ['ExpiredToken', 400],
      invalidCredentials: ['InvalidClientTokenId', 403],
      serverError: ['InternalFailure', 500],
      hostileMessage: ['InvalidParameterValue', 400],
    },
    lambda: {
      throttle: ['TooManyRequestsException', 429],
      accessDenied: ['AccessDeniedException', 403],
      expiredToken: ['ExpiredTokenException', 403],
      invalidCredentials: ['UnrecognizedClientException', 403],
      serverError: ['ServiceException', 500],
      hostileMessage: ['InvalidParameterValueException', 400],
    },
  };

  for (const kind of Object.keys(expected.dynamodb) as ErrorFaultKind[]) {
    it(`fault ${kind} surfaces with each service's own error`, async () => {
      const calls = {
        dynamodb: () => h.dynamodb().send(new ListBackupsCommand({})),
        rds: () => h.rds().send(new DescribeDBClustersCommand({})),
        lambda: () => h.lambda().send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'order-workflow' })),
      };
      for (const service of ['dynamodb', 'rds', 'lambda'] as const) {
        const operation = { dynamodb: 'ListBackups', rds: 'DescribeDBClusters', lambda: 'ListDurableExecutionsByFunction' }[service];
        await h.control.fault({ operation, kind });
        const [name, status] = expected[service][kind];
        const err = await expectAwsError(calls[service](), name, status);
        if (kind === 'accessDenied') {
          assert.match(err.message, new RegExp(`not authorized to perform: ${service === 'dynamodb' ? 'dynamodb' : service}:${operation} on resource`));
        }
        if (kind === 'hostileMessage') {
          // XML (RDS) turns a lone CR into LF; the rest arrives exactly as sent.
          assert.equal(err.message, service === 'rds' ? HOSTILE_ERROR_MESSAGE.replace(/\r\n?/g, '\n') : HOSTILE_ERROR_MESSAGE);
        }
        if (kind === 'throttle' && service === 'lambda') {
          const tooMany = err as unknown as { retryAfterSeconds?: string; Reason?: string };
          assert.equal(tooMany.retryAfterSeconds, '1');
          assert.equal(tooMany.Reason, 'CallerRateLimitExceeded');
        }
        await calls[service](); // count defaults to 1: the next call succeeds
      }
      const faulted = (await h.control.requests()).filter((e) => e.fault === kind);
      assert.equal(faulted.length, 3);
    });
  }

  it('count, skip, service scoping and wildcard operations', async () => {
    const ddb = h.dynamodb();
    await h.control.fault({ operation: 'ListTables', kind: 'serverError', skip: 1, count: 2 });
    await ddb.send(new ListTablesCommand({}));
    await expectAwsError(ddb.send(new ListTablesCommand({})), 'InternalServerError', 500);
    await expectAwsError(ddb.send(new ListTablesCommand({})), 'InternalServerError', 500);
    await ddb.send(new ListTablesCommand({}));
    assert.deepEqual(await h.control.faults(), []);

    await h.control.fault({ operation: '*', service: 'rds', kind: 'throttle', count: -1 });
    await ddb.send(new ListBackupsCommand({}));
    await h.lambda().send(new ListFunctionsCommand({}));
    for (let i = 0; i < 3; i++) {
      await expectAwsError(h.rds().send(new DescribeDBClustersCommand({})), 'Throttling', 400);
    }
    const [rule] = await h.control.faults();
    assert.equal(rule?.hits, 3);
    assert.equal(rule?.remaining, -1);
    await h.control.clearFaults();
    await h.rds().send(new DescribeDBClustersCommand({}));
  });

  it('the SDK retries a one-off throttle transparently (and the log shows both attempts)', async () => {
    await h.control.fault({ operation: 'ListBackups', kind: 'throttle' });
    const out = await h.dynamodb('us-east-1', 3).send(new ListBackupsCommand({}));
    assert.equal(out.$metadata.attempts, 2);
    assert.deepEqual(
      (await h.control.requests()).map((e) => e.status),
      [400, 200],
    );
  });

  it('latency delays the answer, then answers normally', async () => {
    await h.control.fault({ operation: 'DescribeDBClusters', kind: 'latency', latencyMs: 300 });
    const started = Date.now();
    const out = await h.rds().send(new DescribeDBClustersCommand({}));
    assert.ok(Date.now() - started >= 280, 'delayed');
    assert.equal(out.DBClusters?.length, 5);
  });

  it('hang never answers; the client gives up and the log shows status 0', async () => {
    await h.control.fault({ operation: 'GetDurableExecution', kind: 'hang' });
    const exec = regionData(h.data, 'us-east-1').executions[0];
    let caught: unknown;
    try {
      await h.lambda().send(new GetDurableExecutionCommand({ DurableExecutionArn: exec.arn }), { abortSignal: AbortSignal.timeout(300) });
    } catch (e) {
      caught = e;
    }
    assert.equal((caught as Error | undefined)?.name, 'AbortError');
    const [entry] = await h.control.requests({ operation: 'GetDurableExecution' });
    assert.equal(entry?.status, 0);
    assert.equal(entry?.fault, 'hang');
    // The server keeps working for everyone else.
    assert.equal((await h.lambda().send(new GetDurableExecutionCommand({ DurableExecutionArn: exec.arn }))).DurableExecutionArn, exec.arn);
  });

  it('malformed answers 200 with a truncated body, which every client fails to parse', async () => {
    await h.control.fault({ operation: '*', kind: 'malformed', count: 3 });
    await assert.rejects(h.dynamodb().send(new ListBackupsCommand({})));
    await assert.rejects(h.rds().send(new DescribeDBClustersCommand({})));
    await assert.rejects(h.lambda().send(new ListFunctionsCommand({})));
    assert.deepEqual(
      (await h.control.requests()).map((e) => [e.status, e.fault]),
      [
        [200, 'malformed'],
        [200, 'malformed'],
        [200, 'malformed'],
      ],
    );
  });

  it('rejects invalid fault specs', async () => {
    await assert.rejects(h.control.fault({ operation: 'ListBackups', kind: 'explode' as 'throttle' }), /400/);
    await assert.rejects(h.control.fault({ operation: 'ListBackups', kind: 'throttle', count: 0 }), /400/);
    await assert.rejects(h.control.fault({ operation: '', kind: 'throttle' }), /400/);
  });

  it('counts /__callback/ hits and sends x-amzn-RequestId on every response', async () => {
    const res = await fetch(`${h.emulator.url}/__callback/pixel.png?from=webview`);
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('x-amzn-requestid'));
    await fetch(`${h.emulator.url}/__callback/link`, { method: 'POST' });
    const hits = await h.control.callbacks();
    assert.equal(hits.count, 2);
    assert.deepEqual(
      hits.hits.map((x) => [x.method, x.path, x.query]),
      [
        ['GET', '/__callback/pixel.png', 'from=webview'],
        ['POST', '/__callback/link', ''],
      ],
    );
    await h.control.reset();
    assert.equal((await h.control.callbacks()).count, 0);
    const unknown = await fetch(`${h.emulator.url}/no/such/api`);
    assert.equal(unknown.status, 404);
    assert.ok(unknown.headers.get('x-amzn-requestid'));
  });

  it('requests without a SigV4 scope default to us-east-1', async () => {
    const res = await fetch(`${h.emulator.url}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0' },
      body: '{}',
    });
    assert.deepEqual(await res.json(), { TableNames: ['Customers', 'Inventory', 'Orders', 'Sessions'] });
    const bad = await fetch(`${h.emulator.url}/`, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{not json' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { __type: string }).__type, /SerializationException$/);
  });
});

describe('emulator: close() with clients still connected', () => {
  it('closes promptly even while a request hangs', async function () {
    this.timeout(10_000);
    const emulator = await startEmulator({ dataset: 'demo', now: NOW });
    await new EmulatorControl(emulator.url).fault({ operation: '*', kind: 'hang' });
    const client = new DynamoDBClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    const pending = client.send(new ListTablesCommand({}));
    pending.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await emulator.close();
    assert.ok(Date.now() - started < 2000);
    await assert.rejects(pending);
    client.destroy();
  });
});

describe('emulator: CLI', () => {
  it('prints exactly one EMULATOR_URL line and exits cleanly on SIGTERM', async function () {
    this.timeout(20_000);
    const cli = path.join(__dirname, 'cli.ts');
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', cli, '--dataset', 'demo', '--port', '0', '--now', new Date(NOW).toISOString()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /^EMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (m) {
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
    });
    const info = await new EmulatorControl(url).info();
    assert.equal(info.dataset, 'demo');
    assert.equal(info.now, NOW);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(stdout, `EMULATOR_URL=${url}\n`);
  });
});
