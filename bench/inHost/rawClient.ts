// The raw SDK side of the ratios: a plain DynamoDBClient against the emulator, nothing of the extension.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dummyCredentials } from '../../test/harness/awsEnv';
import type * as RawSdk from './rawSdk';

export interface RawListBackups {
  /** Milliseconds for one ListBackups page; checks the page is full. */
  timePage(exclusiveStartBackupArn?: string): Promise<number>;
  /** One page as the SDK returns it. */
  page(exclusiveStartBackupArn?: string): Promise<{ items: unknown[]; next: string | undefined }>;
}

let raw: RawListBackups | undefined;

export function rawListBackups(table: string, limit: number): RawListBackups {
  if (raw) {
    return raw;
  }
  // Node's own require (not esbuild's): rawSdk.js is a separate file built next to this bundle.
  const sdk = createRequire(__filename)(path.join(__dirname, 'rawSdk.js')) as typeof RawSdk;
  const endpoint = process.env.EMULATOR_URL;
  if (!endpoint) {
    throw new Error('EMULATOR_URL is not set');
  }
  const client = new sdk.DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { ...dummyCredentials } });
  raw = {
    async timePage(start) {
      const t0 = performance.now();
      const out = await client.send(new sdk.ListBackupsCommand({ TableName: table, Limit: limit, ExclusiveStartBackupArn: start }));
      const ms = performance.now() - t0;
      if ((out.BackupSummaries?.length ?? 0) !== limit) {
        throw new Error(`raw ListBackups returned ${out.BackupSummaries?.length ?? 0} items, expected ${limit}`);
      }
      return ms;
    },
    async page(start) {
      const out = await client.send(new sdk.ListBackupsCommand({ TableName: table, Limit: limit, ExclusiveStartBackupArn: start }));
      return { items: out.BackupSummaries ?? [], next: out.LastEvaluatedBackupArn };
    },
  };
  return raw;
}
