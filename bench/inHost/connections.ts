// First page of a view with four connections (two profiles of two accounts × two regions) against the same
// view with one: refresh → root rows → every connection's first page. The connections' requests leave side by
// side, so four should cost little more than one. Both kinds take turns, so a slow moment hits both alike.
// Measured twice: with a round trip like a real region's (the emulator answers ListBackups `connectionsRttMs` late, which is
// what parallel requests overlap), and on loopback with no delay (where the four pages' CPU work is all there is).
import { performance } from 'node:perf_hooks';
import type { TestApi } from '../../src/testApi';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import { connectionsRttMs, type ConnectionsSample } from '../protocol';
import { emulator, median } from './host';

const warmupRounds = 3;
const rounds = 15;
/** Added to the session's default @ us-east-1: the first account in eu-west-1, the second (prod) in both. */
const added = [
  { profile: 'default', region: 'eu-west-1' },
  { profile: 'prod', region: 'us-east-1' },
  { profile: 'prod', region: 'eu-west-1' },
];

async function timeFirstPages(provider: PagedTreeProvider, connections: number): Promise<number> {
  provider.refresh();
  const t0 = performance.now();
  await provider.getChildren();
  await Promise.all(provider.rootLists().map((list) => list.getChildren()));
  const ms = performance.now() - t0;
  if (provider.rootLists().length !== connections || provider.rootLists().some((list) => list.loadedCount === 0)) {
    throw new Error(`expected ${connections} connections, each with a first page`);
  }
  return ms;
}

async function measureRounds(api: TestApi): Promise<{ oneMs: number[]; fourMs: number[] }> {
  const { connections, views } = api.feature;
  const provider = views.get('dynamodb').provider;
  const one = {
    samples: [] as number[],
    run: () => timeFirstPages(provider, 1),
    setUp: () => connections.remove(added.map((c) => `${c.profile}|${c.region}`)),
  };
  const four = { samples: [] as number[], run: () => timeFirstPages(provider, 4), setUp: () => connections.add(added) };
  try {
    for (let round = 0; round < warmupRounds + rounds; round++) {
      for (const kind of round % 2 === 0 ? [one, four] : [four, one]) {
        await kind.setUp();
        const ms = await kind.run();
        if (round >= warmupRounds) {
          kind.samples.push(ms);
        }
      }
    }
  } finally {
    await one.setUp();
  }
  return { oneMs: one.samples, fourMs: four.samples };
}

export async function measureConnections(api: TestApi): Promise<ConnectionsSample> {
  const local = await measureRounds(api);
  await emulator().fault({ service: 'dynamodb', operation: 'ListBackups', kind: 'latency', latencyMs: connectionsRttMs, count: -1 });
  try {
    const wan = await measureRounds(api);
    return { ...wan, ratio: median(wan.fourMs) / median(wan.oneMs), localRatio: median(local.fourMs) / median(local.oneMs) };
  } finally {
    await emulator().clearFaults();
  }
}
