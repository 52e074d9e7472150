// Export… measured the way a user runs it (the awsHistory.exportList command, all pages, CSV; only the save
// dialog is answered by the test hook): (1) the 10,000 BigTable backups against paging them with the raw SDK,
// (2) the heap the extension host keeps while 100,000 backups (HugeTable, in its own region of the `large`
// data set) stream to a file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { TestApi } from '../../src/testApi';
import { HUGE_REGION } from '../../test/emulator/data';
import { benchPageSize, type ExportSample } from '../protocol';
import { exposeGc, heapMethod, settledHeapBytes } from './heap';
import { median } from './host';
import { rawListBackups } from './rawClient';

const rounds = 7;
/** Retained heap is sampled (after full GCs) every this many items written. */
const heapEvery = 10_000;
const MB = 1024 * 1024;

async function exportAll(api: TestApi, file: string): Promise<{ ms: number; items: number }> {
  api.hooks.exportFile = () => Promise.resolve(vscode.Uri.file(file));
  const root = api.feature.views.get('dynamodb').provider.root;
  const t0 = performance.now();
  const items = await vscode.commands.executeCommand<number | undefined>(Command.exportList, root, { scope: 'all', format: 'csv' });
  const ms = performance.now() - t0;
  if (items === undefined || !fs.existsSync(file)) {
    throw new Error('the export wrote no file');
  }
  return { ms, items };
}

async function rawPageAll(table: string): Promise<{ ms: number; items: number }> {
  const raw = rawListBackups(table, benchPageSize);
  const t0 = performance.now();
  let items = 0;
  let token: string | undefined;
  do {
    const page = await raw.page(token);
    items += page.items.length;
    token = page.next;
  } while (token);
  return { ms: performance.now() - t0, items };
}

async function useRegion(api: TestApi, region: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('awsHistory').update('region', region, vscode.ConfigurationTarget.Global);
  const deadline = Date.now() + 15_000;
  while (region !== undefined && api.feature.session.current.region !== region) {
    if (Date.now() > deadline) {
      throw new Error(`the session did not switch to ${region}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function measureExport(api: TestApi, table: string): Promise<ExportSample> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ahe-bench-export-'));
  const dynamodb = api.feature.views.get('dynamodb');
  try {
    // (1) Same items, same page size (the API's largest, 100), kinds taking turns after one warm-up each.
    await dynamodb.filters.set({ table });
    await exportAll(api, path.join(dir, 'warm.csv'));
    await rawPageAll(table);
    const exportMs: number[] = [];
    const rawMs: number[] = [];
    let items = 0;
    for (let round = 0; round < rounds; round++) {
      const exported = await exportAll(api, path.join(dir, `big-${round}.csv`));
      const raw = await rawPageAll(table);
      if (exported.items !== raw.items) {
        throw new Error(`exported ${exported.items} backups, the raw SDK paged ${raw.items}`);
      }
      items = raw.items;
      exportMs.push(exported.ms);
      rawMs.push(raw.ms);
    }

    // (2) 100,000 backups: the retained heap at every 10,000 written, against the heap before.
    const gc = exposeGc();
    if (!gc) {
      throw new Error('no gc function could be obtained in the extension host (--expose-gc refused)');
    }
    await useRegion(api, HUGE_REGION);
    await dynamodb.filters.set({ table: 'HugeTable' });
    const heapBeforeBytes = settledHeapBytes(gc);
    let heapPeakBytes = heapBeforeBytes;
    let uncollectedPeakBytes = heapBeforeBytes;
    let nextSample = heapEvery;
    api.hooks.onExportProgress = (written) => {
      uncollectedPeakBytes = Math.max(uncollectedPeakBytes, v8.getHeapStatistics().used_heap_size);
      if (written >= nextSample) {
        nextSample += heapEvery;
        heapPeakBytes = Math.max(heapPeakBytes, settledHeapBytes(gc));
      }
    };
    const huge = await exportAll(api, path.join(dir, 'huge.csv'));
    api.hooks.onExportProgress = undefined;
    const lines = fs.readFileSync(path.join(dir, 'huge.csv'), 'utf8').split('\r\n').length - 2;
    if (huge.items !== 100_000 || lines !== 100_000) {
      throw new Error(`the 100,000-item export wrote ${huge.items} items (${lines} lines)`);
    }
    return {
      method: `awsHistory.exportList (all pages, CSV) timed around executeCommand; raw: DynamoDBClient ListBackups Limit ${benchPageSize} until no LastEvaluatedBackupArn; heap: ${heapMethod}, every ${heapEvery} items written`,
      exportMs,
      rawMs,
      ratio: median(exportMs) / median(rawMs),
      items,
      hugeItems: huge.items,
      hugeMs: huge.ms,
      heapBeforeBytes,
      heapPeakBytes,
      heapGrowthMB: (heapPeakBytes - heapBeforeBytes) / MB,
      uncollectedGrowthMB: (uncollectedPeakBytes - heapBeforeBytes) / MB,
    };
  } finally {
    api.hooks.exportFile = undefined;
    api.hooks.onExportProgress = undefined;
    await useRegion(api, undefined);
    await dynamodb.filters.set({ table });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
