// `npm run bench` (`tsx bench/runBench.ts [--runs N] [--warmup N] [--diagnose] [--source <checkout>]`): builds
// the release, then measures it in the real VS Code (code-server) against the emulator's `large` data set. One
// code-server; each run opens the workbench in a fresh browser, hence a fresh extension host running
// bench/inHost/index.ts through `extensionTestsPath`. Prints one table, writes bench/results.json, exits 1
// unless every target is met. --diagnose adds a breakdown of the first page, the heap and the details panel;
// --source builds the extension from another checkout (to measure a proposed change with the same bench).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmulatorControl } from '../test/emulator/control';
import { openWorkbench, type Workbench } from '../test/harness/browser';
import { startCodeServer, type CodeServer } from '../test/harness/codeServer';
import { prepareIntegrationEnvironment } from '../test/harness/testEnvironment';
import { exitOnSignals, makeTempDir, pollUntil, removeDir, repoRoot, tailFile } from '../test/harness/util';
import { stageBuild, type StagedBuild } from './build';
import { benchDirVariable, benchPageSize, planFile, sampleFile, type BenchPlan, type Sample } from './protocol';
import { buildRows, type Row } from './report';
import { measureSizes, type Sizes } from './sizes';
import { formatNotes, formatTable } from './table';

// A run measures two 10,000-item and one 100,000-item export besides the rest: minutes on a busy 2-core machine.
const runTimeoutMs = 420_000;
const exitedMarker = /Extension Host Process exited with code/g;

interface Args {
  runs: number;
  warmup: number;
  diagnose: boolean;
  /** Another checkout to build the extension from (the bench code and harness stay this one's). */
  source?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 5, warmup: 1, diagnose: false };
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--runs' && Number.isInteger(value) && value >= 1) {
      args.runs = value;
      i++;
    } else if (argv[i] === '--warmup' && Number.isInteger(value) && value >= 0) {
      args.warmup = value;
      i++;
    } else if (argv[i] === '--source' && argv[i + 1]) {
      args.source = path.resolve(argv[++i]);
    } else if (argv[i] === '--diagnose') {
      args.diagnose = true;
    } else {
      throw new Error(`unknown argument ${argv[i]} (usage: runBench.ts [--runs N ≥ 1] [--warmup N ≥ 0] [--diagnose] [--source <checkout>])`);
    }
  }
  return args;
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function exits(serverLog: string): number {
  return (tailFile(serverLog, 100_000).match(exitedMarker) ?? []).length;
}

/** One run: a fresh page load starts a fresh extension host, which measures and writes its sample. */
async function runOnce(c: { server: CodeServer; navigate: () => Promise<void>; work: string; serverLog: string; iteration: number }): Promise<Sample> {
  const exitsBefore = exits(c.serverLog);
  await c.navigate();
  const file = path.join(c.work, sampleFile(c.iteration));
  const sample = await pollUntil(() => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Sample) : undefined), {
    timeoutMs: runTimeoutMs,
    intervalMs: 250,
    what: `the samples of run ${c.iteration}`,
    abort: () => (c.server.process.hasExited() ? 'code-server exited' : undefined),
  });
  // The next page load must find this host gone, so runs never overlap.
  await pollUntil(() => (exits(c.serverLog) > exitsBefore ? true : undefined), {
    timeoutMs: 30_000,
    what: `the extension host of run ${c.iteration} to exit`,
  }).catch((error: unknown) => log(`[bench] ${error instanceof Error ? error.message : String(error)}`));
  return sample;
}

function phases(p: Record<string, number | undefined>): string {
  return Object.entries(p)
    .map(([name, ms]) => `${name} ${ms === undefined ? '?' : ms.toFixed(0)}`)
    .join(', ');
}

function summaryLine(s: Sample): string {
  const parts = [
    s.activation ? `activate ${s.activation.activationMs.toFixed(2)} ms` : '',
    s.firstPage ? `first page ×${s.firstPage.ratio.toFixed(2)}` : '',
    s.paging ? `page 100/1 ×${s.paging.ratio.toFixed(2)} (cpu ×${s.paging.cpuRatio.toFixed(2)}, 10k local ${s.paging.localAt10kMs.toFixed(1)} ms)` : '',
    s.heap?.measured ? `${Math.round(s.heap.perItemBytes)} B/item` : '',
    s.panel ? `paint ${s.panel.commandToPaintMs.toFixed(0)} ms (${phases(s.panel.phasesMs)}), block ${s.panel.longestBlockMs.toFixed(0)} ms` : '',
    Object.keys(s.errors).length ? `errors: ${Object.keys(s.errors).join(', ')}` : '',
  ];
  return `${parts.filter(Boolean).join(' · ')} (${(s.durationMs / 1000).toFixed(1)} s in the host)`;
}

async function main(): Promise<number> {
  exitOnSignals();
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  let build: StagedBuild | undefined;
  let sizes: Sizes | undefined;
  let sizeError: string | undefined;
  const samples: Sample[] = [];
  const warmups: Sample[] = [];
  const environment = await prepareIntegrationEnvironment({ dataset: 'large' });
  const work = makeTempDir('ahe-bench-run');
  const serverLog = path.join(work, 'code-server.log');
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let failure: Error | undefined;
  try {
    build = await stageBuild(log, args.source);
    try {
      sizes = measureSizes(build.dir, build.vsix);
    } catch (error) {
      sizeError = error instanceof Error ? error.message : String(error);
    }
    const control = new EmulatorControl(environment.emulatorUrl);
    server = await startCodeServer({
      workspace: environment.workspace,
      env: { ...environment.env, [benchDirVariable]: work },
      settings: { 'awsHistory.pageSize': benchPageSize },
      logFile: serverLog,
    });
    log(`[bench] code-server on ${server.origin}, emulator on ${environment.emulatorUrl}`);
    const url = server.workbenchUrl(environment.workspace, [
      ['extensionDevelopmentPath', server.remoteUri(build.dir)],
      ['extensionTestsPath', server.remoteUri(build.benchEntry)],
    ]);
    const origin = server.origin;
    // A new browser per run: a reloaded page keeps the previous page's webview service worker, and its
    // webviews then boot about a second later than in a fresh window (measured), which is not what users see.
    const navigate = async (): Promise<void> => {
      await workbench?.close().catch(() => undefined);
      workbench = undefined;
      workbench = await openWorkbench({ origin, url, consoleLog: path.join(work, 'page-console.log') });
    };
    for (let iteration = 0; iteration < args.warmup + args.runs; iteration++) {
      const plan: BenchPlan = { iteration, diagnose: args.diagnose };
      fs.writeFileSync(path.join(work, planFile), JSON.stringify(plan));
      await control.clearRequests();
      const t0 = Date.now();
      const sample = await runOnce({ server, navigate, work, serverLog, iteration });
      const warm = iteration < args.warmup;
      (warm ? warmups : samples).push(sample);
      log(
        `[bench] ${warm ? 'warm-up' : `run ${iteration - args.warmup + 1}/${args.runs}`} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${summaryLine(sample)}`,
      );
      if (sample.diagnosis) {
        log(
          `[bench]   first page steps (median ms): ${Object.entries(sample.diagnosis)
            .map(([k, v]) => `${k} ${v.toFixed(2)}`)
            .join(', ')}`,
        );
      }
      if (sample.profile) {
        log(`[bench]   details panel CPU profile (self time):\n${sample.profile.map((l) => `[bench]     ${l}`).join('\n')}`);
      }
      for (const [name, error] of Object.entries(sample.errors)) {
        log(`[bench]   ${name} failed: ${error}`);
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    log(`[bench] ${failure.message}\n${server?.logTail(30) ?? ''}`);
  } finally {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
    await environment.dispose();
    build?.dispose();
    removeDir(work);
  }

  const rows = buildRows(samples, sizes, args.runs, sizeError ?? failure?.message);
  const elapsed = (Date.now() - started) / 1000;
  console.log(
    `\nAWS History Explorer benchmark — ${args.runs} runs (+${args.warmup} warm-up), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, code-server 4.100.3 (VS Code 1.100.3)\n`,
  );
  console.log(formatTable(rows));
  console.log(`\n${formatNotes(rows)}\n`);
  console.log(`[bench] ${elapsed.toFixed(0)} s in all`);
  writeResults(rows, samples, warmups, sizes, args, elapsed);
  const failed = failure !== undefined || rows.some((r) => r.result === 'FAIL' || r.result === 'NOT MEASURED');
  return failed ? 1 : 0;
}

function writeResults(rows: Row[], samples: Sample[], warmups: Sample[], sizes: Sizes | undefined, args: Args, elapsedSeconds: number): void {
  const file = path.join(repoRoot, 'bench', 'results.json');
  const results = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    vscode: 'code-server 4.100.3 (VS Code 1.100.3), Debian chromium headless',
    dataset: 'large',
    runs: args.runs,
    warmup: args.warmup,
    elapsedSeconds,
    rows,
    sizes,
    samples,
    warmups,
  };
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`[bench] wrote ${path.relative(repoRoot, file)}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
