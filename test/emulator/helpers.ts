/** Shared setup for the emulator's own tests: a server per suite and real SDK clients. */
import * as assert from 'node:assert/strict';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import { EmulatorControl } from './control';
import { buildDataset, Dataset, DatasetName } from './data';
import type { DurableOptions } from './durable';
import { RunningEmulator, startEmulator } from './server';

/** Fixed clock so ground truth is identical in every run. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const credentials = { accessKeyId: 'x', secretAccessKey: 'x' };

export interface Harness {
  emulator: RunningEmulator;
  control: EmulatorControl;
  data: Dataset;
  /** maxAttempts 1 so injected errors surface at once; pass more to test retries. */
  dynamodb(region?: string, maxAttempts?: number): DynamoDBClient;
  rds(region?: string, maxAttempts?: number): RDSClient;
  lambda(region?: string, maxAttempts?: number): LambdaClient;
  sts(region?: string, maxAttempts?: number): STSClient;
}

/** Starts an emulator in `before` and closes it (and every client) in `after`. */
export function useEmulator(dataset: DatasetName, options: { durable?: DurableOptions } = {}): Harness {
  const clients: Array<{ destroy(): void }> = [];
  const track = <T extends { destroy(): void }>(c: T): T => {
    clients.push(c);
    return c;
  };
  const harness = {
    dynamodb: (region = 'us-east-1', maxAttempts = 1) => track(new DynamoDBClient({ endpoint: harness.emulator.url, region, credentials, maxAttempts })),
    rds: (region = 'us-east-1', maxAttempts = 1) => track(new RDSClient({ endpoint: harness.emulator.url, region, credentials, maxAttempts })),
    lambda: (region = 'us-east-1', maxAttempts = 1) => track(new LambdaClient({ endpoint: harness.emulator.url, region, credentials, maxAttempts })),
    sts: (region = 'us-east-1', maxAttempts = 1) => track(new STSClient({ endpoint: harness.emulator.url, region, credentials, maxAttempts })),
  } as Harness;

  before(async function () {
    this.timeout(20_000);
    harness.emulator = await startEmulator({ dataset, now: NOW, ...options });
    harness.control = new EmulatorControl(harness.emulator.url);
    // Ground truth computed independently of the server instance.
    harness.data = buildDataset({ dataset, now: NOW });
  });

  after(async () => {
    for (const c of clients) {
      c.destroy();
    }
    await harness.emulator?.close();
  });

  return harness;
}

interface AwsErrorShape {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

/** Awaits a rejected SDK call and checks the error name (and HTTP status when given). */
export async function expectAwsError(promise: Promise<unknown>, name: string, status?: number, messagePattern?: RegExp): Promise<AwsErrorShape> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `expected ${name}, but the call succeeded`);
  const err = caught as AwsErrorShape;
  assert.equal(err.name, name, `error name (message: ${err.message})`);
  if (status !== undefined) {
    assert.equal(err.$metadata?.httpStatusCode, status, 'HTTP status');
  }
  if (messagePattern) {
    assert.match(err.message, messagePattern);
  }
  return err;
}

export function sameTime(actual: Date | undefined, expectedMs: number | undefined, what: string): void {
  assert.equal(actual?.getTime(), expectedMs, what);
}
