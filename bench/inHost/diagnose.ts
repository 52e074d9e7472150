// `--diagnose`: where the first page's time goes. Each step of the provider's expand is timed on its own,
// interleaved with the raw SDK page, so a ratio above target can be traced to one step.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/testApi';
import { benchPageSize } from '../protocol';
import { median } from './host';
import { rawListBackups } from './rawClient';

const rounds = 21;

export async function diagnoseFirstPage(api: TestApi, table: string): Promise<Record<string, number>> {
  const { provider } = api.feature.views.get('dynamodb');
  const { clients, setupCheck } = api.feature;
  const raw = rawListBackups(table, benchPageSize);
  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const steps: Record<string, () => Promise<unknown>> = {
    raw: () => raw.timePage(),
    setupCheck: () => setupCheck(),
    setContext: () => vscode.commands.executeCommand('setContext', 'awsHistory.setup', 'ok'),
    clientsGet: () => clients.get('dynamodb'),
    extensionClientSend: async () => {
      const { client, sdk } = await clients.get('dynamodb');
      return client.send(new sdk.ListBackupsCommand({ TableName: table, Limit: benchPageSize }));
    },
    rootListGetChildren: () => {
      provider.root.reset();
      return provider.root.getChildren();
    },
    providerGetChildren: () => {
      provider.refresh();
      return provider.getChildren();
    },
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  const names = Object.keys(steps);
  for (let round = 0; round < rounds + 3; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      const ms = await timed(steps[name]);
      if (round >= 3) {
        samples[name].push(ms);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}
