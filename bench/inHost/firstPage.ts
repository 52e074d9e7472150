// First page: expand → rows from the provider, against the same ListBackups page sent with a raw SDK client
// in the same process. The three kinds of sample are interleaved with a rotating order, so a slow moment of
// the machine or the emulator lands on all of them alike.
import { performance } from 'node:perf_hooks';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import { benchPageSize, type FirstPageSample } from '../protocol';
import { RequestCursor, itemRows, median, touchTreeItems } from './host';
import { rawListBackups } from './rawClient';

const warmupRounds = 3;
const rounds = 21;

async function timeExpand(provider: PagedTreeProvider, withTreeItems: boolean): Promise<number> {
  provider.refresh();
  const t0 = performance.now();
  const rows = await provider.getChildren();
  if (withTreeItems) {
    touchTreeItems(provider, rows);
  }
  const ms = performance.now() - t0;
  const items = itemRows(rows).length;
  if (items !== benchPageSize) {
    throw new Error(`the provider returned ${items} item rows, expected ${benchPageSize}`);
  }
  return ms;
}

/** `provider` is the DynamoDB view with the BigTable filter set. */
export async function measureFirstPage(provider: PagedTreeProvider, table: string): Promise<FirstPageSample> {
  const cursor = await RequestCursor.start();
  // The first expand of the run loads the SDK chunk and creates the client: a one-time cost, reported apart.
  const coldExpandMs = await timeExpand(provider, true);
  const coldExpandRequests = (await cursor.take()).length;
  const raw = rawListBackups(table, benchPageSize);
  const kinds = [
    { name: 'provider', run: () => timeExpand(provider, true), samples: [] as number[] },
    { name: 'childrenOnly', run: () => timeExpand(provider, false), samples: [] as number[] },
    { name: 'raw', run: () => raw.timePage(), samples: [] as number[] },
  ];
  for (let round = 0; round < warmupRounds + rounds; round++) {
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(round + i) % kinds.length];
      const ms = await kind.run();
      if (round >= warmupRounds) {
        kind.samples.push(ms);
      }
    }
  }
  const [providerMs, providerChildrenOnlyMs, rawMs] = kinds.map((k) => k.samples);
  return {
    providerMs,
    providerChildrenOnlyMs,
    rawMs,
    ratio: median(providerMs) / median(rawMs),
    childrenOnlyRatio: median(providerChildrenOnlyMs) / median(rawMs),
    coldExpandMs,
    coldExpandRequests,
  };
}
