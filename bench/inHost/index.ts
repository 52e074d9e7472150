// Bench entry for the extension host (`extensionTestsPath`): one call of run() = one run of every measure
// in a fresh extension host. It reads the run number from the plan the runner wrote, and writes a Sample
// next to it (contract: bench/protocol.ts). The extension host exits when run() settles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { benchDirVariable, claimFile, planFile, sampleFile, type BenchPlan, type Sample } from '../protocol';
import { measureActivation } from './activation';
import { measureExport } from './export';
import { diagnoseFirstPage, diagnoseHeap, profileTop } from './diagnose';
import { measureConnections } from './connections';
import { measureFirstPage } from './firstPage';
import { message, requestCount, testApi } from './host';
import { measurePaging } from './paging';
import { measurePanel } from './panel';
import { measurePanelUpdates } from './panelUpdates';
import { measureTreeEvents } from './tree';

const table = 'BigTable';

/** Runs one measure; a failure is recorded under its name and the next measure still runs. */
async function step<T>(sample: Sample, name: string, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    sample.errors[name] = message(error);
    return undefined;
  }
}

export async function run(): Promise<void> {
  const dir = process.env[benchDirVariable];
  if (!dir) {
    throw new Error(`${benchDirVariable} is not set`);
  }
  const plan = JSON.parse(fs.readFileSync(path.join(dir, planFile), 'utf8')) as BenchPlan;
  try {
    fs.writeFileSync(path.join(dir, claimFile(plan.iteration)), String(process.pid), { flag: 'wx' });
  } catch {
    return; // an extension host restarted by the workbench: this run was measured already
  }
  const started = performance.now();
  const sample: Sample = { iteration: plan.iteration, startedAt: new Date().toISOString(), durationMs: 0, errors: {} };
  try {
    // Hidden views: the workbench must not call getChildren on its own while the benchmark drives them.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    sample.activation = await step(sample, 'activation', measureActivation);
    const api = await testApi();
    const dynamodb = api.feature.views.get('dynamodb');
    await dynamodb.filters.set({ table });
    if (sample.activation) {
      // Anything sent before the first expand counts against activation.
      sample.activation.requests = Math.max(sample.activation.requests, await requestCount());
    }
    sample.firstPage = await step(sample, 'firstPage', () => measureFirstPage(dynamodb.provider, table));
    if (plan.diagnose) {
      const steps = await step(sample, 'diagnose', () => diagnoseFirstPage(api, table));
      const heap = await step(sample, 'diagnoseHeap', () => diagnoseHeap(api, table));
      sample.diagnosis = { ...steps, ...heap };
    }
    await dynamodb.filters.clear();
    sample.connections = await step(sample, 'connections', () => measureConnections(api));
    await dynamodb.filters.set({ table });
    const paged = await step(sample, 'paging', () => measurePaging(dynamodb.provider, table));
    sample.paging = paged?.paging;
    sample.heap = paged?.heap;
    sample.tree = await step(sample, 'tree', () => measureTreeEvents(api));
    if (plan.diagnose) {
      let lines: string[] = [];
      sample.panel = await step(sample, 'panel', () =>
        measurePanel(api, async (window) => {
          const profiled = await profileTop(window);
          lines = profiled.lines;
          return profiled.result;
        }),
      );
      sample.profile = lines;
    } else {
      sample.panel = await step(sample, 'panel', () => measurePanel(api));
    }
    sample.panelUpdates = await step(sample, 'panelUpdates', () => measurePanelUpdates(api));
    sample.export = await step(sample, 'export', () => measureExport(api, table));
    // Every run starts from the same stored state.
    await dynamodb.filters.clear();
    await api.feature.views.get('lambda').filters.clear();
  } catch (error) {
    sample.errors.run = message(error);
  }
  sample.durationMs = performance.now() - started;
  const file = path.join(dir, sampleFile(plan.iteration));
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(sample, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
