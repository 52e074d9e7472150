// Runs an extension's test entry inside the real extension host of code-server: the workbench is asked,
// through its URL `payload`, to load a development extension and its tests, exactly what VS Code's
// --extensionDevelopmentPath/--extensionTestsPath do on the desktop. The test entry writes a results file
// (see results.ts) which this module waits for while watching for every way the run can die silently.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkbench, type Workbench } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { parseResults, progressFileFor, type ProgressEvent, type TestResult, type TestRunResults } from './results';
import { makeTempDir, pollUntil, removeDir, type EnvOverrides } from './util';

export interface ExtensionTestRun {
  extensionDevelopmentPath: string;
  /** The bundled test entry exporting `run()`. */
  extensionTestsPath: string;
  workspace: string;
  /** Environment of code-server and therefore of the extension host (merged over process.env). */
  env: EnvOverrides;
  settings?: Record<string, unknown>;
  /** Overall limit for the whole run, from server start to results. */
  timeoutMs: number;
  /** Limit for the extension host process to be launched after the workbench rendered. */
  extensionHostStartTimeoutMs?: number;
  /** Where screenshot, page console and logs go when the run fails. */
  artifactsDir: string;
  /** Progress lines (server up, workbench rendered…); default: stderr. */
  log?: (line: string) => void;
  /** Called live as each test finishes (the results file only comes at the end). */
  onTest?: (test: TestResult) => void;
}

export interface ExtensionTestOutcome {
  /** Undefined when the run never produced results; `error` says why. */
  results?: TestRunResults;
  error?: Error;
  /** Milliseconds from spawning code-server to the workbench having rendered. */
  startupMs?: number;
}

// Lines code-server's ExtensionHostConnection logs (verified with 4.100.3 / VS Code 1.100.3).
const launchedMarker = /Launched Extension Host Process/;
const exitedMarker = /Extension Host Process exited with code: (\S+), signal: (\S+)\./;

/** Never throws: failures to start, crashes and timeouts come back as `error`, with artifacts saved. */
export async function runExtensionTests(options: ExtensionTestRun): Promise<ExtensionTestOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const work = makeTempDir('ahe-ext-tests');
  const resultsFile = path.join(work, 'results.json');
  const serverLog = path.join(work, 'code-server.log');
  const consoleLog = path.join(work, 'page-console.log');
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let outcome: ExtensionTestOutcome = {};
  // Artifacts of an earlier failed run would be mistaken for this run's.
  fs.rmSync(options.artifactsDir, { recursive: true, force: true });
  try {
    server = await startCodeServer({
      workspace: options.workspace,
      env: { ...options.env, AWS_HISTORY_RESULTS: resultsFile },
      settings: options.settings,
      logFile: serverLog,
    });
    log(`[harness] code-server up on ${server.origin} after ${Date.now() - started} ms`);
    const url = server.workbenchUrl(options.workspace, [
      ['extensionDevelopmentPath', server.remoteUri(options.extensionDevelopmentPath)],
      ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
    ]);
    workbench = await openWorkbench({ origin: server.origin, url, consoleLog, timeoutMs: remaining(deadline) });
    outcome.startupMs = Date.now() - started;
    log(`[harness] workbench rendered after ${outcome.startupMs} ms; waiting for the tests`);
    outcome.results = await waitForResults({
      server,
      workbench,
      resultsFile,
      serverLog,
      consoleLog,
      deadline,
      hostStartTimeoutMs: options.extensionHostStartTimeoutMs ?? 120_000,
      onTest: options.onTest ?? (() => undefined),
    });
  } catch (error) {
    outcome = { ...outcome, error: error instanceof Error ? error : new Error(String(error)) };
  }
  const failed = !outcome.results || outcome.results.stats.failures > 0;
  if (failed) {
    const saved = await saveArtifacts(options.artifactsDir, server, workbench, serverLog, consoleLog);
    log(`[harness] artifacts saved to ${saved}`);
  }
  await workbench?.close().catch(() => undefined);
  await server?.stop();
  removeDir(work);
  return outcome;
}

function remaining(deadline: number): number {
  return Math.max(1000, deadline - Date.now());
}

interface WaitContext {
  server: CodeServer;
  workbench: Workbench;
  resultsFile: string;
  serverLog: string;
  consoleLog: string;
  deadline: number;
  hostStartTimeoutMs: number;
  onTest: (test: TestResult) => void;
}

/**
 * Waits for the results file, passing progress on as it comes. Fails early, with the log tails, when
 * code-server dies, the page crashes or closes, the extension host is never launched, or it exits without
 * having written results.
 */
async function waitForResults(c: WaitContext): Promise<TestRunResults> {
  let pageGone: string | undefined;
  c.workbench.page.once('crash', () => (pageGone = 'the workbench page crashed'));
  c.workbench.page.once('close', () => (pageGone = 'the workbench page closed'));
  const hostStartDeadline = Date.now() + c.hostStartTimeoutMs;
  const progress = new ProgressReader(progressFileFor(c.resultsFile), c.onTest);
  const why = (): string | undefined => {
    if (c.server.process.hasExited()) {
      return 'code-server exited';
    }
    if (pageGone) {
      return pageGone;
    }
    if (!launchedMarker.test(readText(c.serverLog)) && Date.now() > hostStartDeadline) {
      return `no extension host was launched within ${Math.round(c.hostStartTimeoutMs / 1000)}s`;
    }
    return undefined;
  };
  try {
    return await pollUntil(
      () => {
        // Read the exit marker before the results: the entry writes results before run() settles, so an
        // exit seen first guarantees any results are already on disk.
        const exited = exitedMarker.exec(readText(c.serverLog));
        progress.read();
        if (fs.existsSync(c.resultsFile)) {
          return parseResults(fs.readFileSync(c.resultsFile, 'utf8'));
        }
        if (exited) {
          throw new Error(`the extension host exited (code ${exited[1]}, signal ${exited[2]}) without writing results`);
        }
        return undefined;
      },
      { timeoutMs: Math.max(0, c.deadline - Date.now()), intervalMs: 250, what: 'the extension host test results', abort: why },
    );
  } catch (error) {
    progress.read();
    const message = error instanceof Error ? error.message : String(error);
    const running = progress.running ? `\nThe test running at the time: "${progress.running}"` : '';
    const errors = pageErrors(c.consoleLog);
    const consoleErrors = errors ? `\n--- errors in the workbench console (extension host errors land here) ---\n${errors}` : '';
    throw new Error(`${message}${running}${consoleErrors}\n${c.server.logTail(40)}`);
  }
}

/** Follows the progress file (JSON lines appended by the test entry) by byte offset. */
class ProgressReader {
  running: string | undefined;
  private offset = 0;
  private partial = '';

  constructor(
    private readonly file: string,
    private readonly onTest: (test: TestResult) => void,
  ) {}

  read(): void {
    let chunk: Buffer;
    try {
      const fd = fs.openSync(this.file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        chunk = Buffer.alloc(Math.max(0, size - this.offset));
        this.offset += fs.readSync(fd, chunk, 0, chunk.length, this.offset);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return; // not created yet
    }
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as ProgressEvent;
      if (event.event === 'start') {
        this.running = event.fullTitle;
      } else {
        this.running = undefined;
        this.onTest(event);
      }
    }
  }
}

/** Error entries of the page console, minus the known noise of an offline machine (gallery lookups). */
function pageErrors(consoleLog: string, max = 15): string {
  const entries = readText(consoleLog).split(/\n(?=\d{4}-\d\d-\d\dT)/);
  const noise = /open-vsx\.org|ENOTFOUND|Failed to load resource|vsda/;
  return entries
    .filter((entry) => /^\S+ \[(error|pageerror|crash)\]/.test(entry) && !noise.test(entry))
    .slice(-max)
    .join('\n');
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function saveArtifacts(
  dir: string,
  server: CodeServer | undefined,
  workbench: Workbench | undefined,
  serverLog: string,
  consoleLog: string,
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  await workbench?.screenshot(dir, 'workbench');
  if (server) {
    server.saveLogs(dir);
  } else if (fs.existsSync(serverLog)) {
    fs.copyFileSync(serverLog, path.join(dir, 'code-server.log'));
  }
  if (fs.existsSync(consoleLog)) {
    fs.copyFileSync(consoleLog, path.join(dir, 'page-console.log'));
  }
  return dir;
}
