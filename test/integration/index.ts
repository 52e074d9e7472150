// Test entry for the extension host (`extensionTestsPath`). VS Code loads this bundle
// (out/test/integration/index.js, built by `node esbuild.mjs --tests`) inside the real extension host and
// calls `run()`; when it settles the extension host exits. Results go to $AWS_HISTORY_RESULTS as JSON
// (contract: test/harness/results.ts), which the runners outside print and turn into an exit code.
import * as fs from 'node:fs';
import Mocha from 'mocha';
import { progressFileFor, type ProgressEvent, type TestResult, type TestRunResults } from '../harness/results';

/**
 * THE SUITE LIST — add one `require('./<name>.test');` line per suite file, in run order.
 *
 * Why `require()` inside a function and not `import './x.test'` at the top: esbuild bundles the suites into
 * this file, and a bundled module is evaluated where it is imported. Static imports are hoisted and would
 * run `describe(...)` before Mocha exists. A `require()` of a bundled file is evaluated lazily at the call,
 * i.e. after `run()` emitted Mocha's `pre-require` event, which defines `describe`/`it`/hooks as globals
 * (what `mocha.addFile` + `loadFiles` do for files on disk). esbuild still bundles every required suite.
 *
 * Keep `smoke` first: it asserts that activation alone loads no AWS SDK module, which later suites do.
 */
function loadSuites(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy evaluation after pre-require, see above */
  require('./smoke.test');
  // The real durable functions first: late in a full run, an order answered after its approval sometimes did
  // not finish within the test's 90 s (not root-caused yet); run early, they always have.
  require('./durable.test');
  require('./lambdaActions.test');
  require('./connection.test');
  require('./dynamodb.test');
  require('./dynamodbActions.test');
  require('./rds.test');
  require('./rdsBacktrack.test');
  require('./lambda.test');
  require('./faults.test');
  require('./secrets.test');
  require('./credentialProcess.test');
  require('./panelSecurity.test');
  require('./badInput.test');
  require('./untrusted.test');
  require('./reliability.test');
  require('./accessibility.test');
  require('./export.test');
  require('./connections.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Same semantics as `mocha --grep`: a regular expression source (or /source/flags) matched against full titles.
  const grep = process.env.AWS_HISTORY_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }

  const tests: TestResult[] = [];
  const finished = (result: TestResult): void => {
    tests.push(result);
    report({ event: 'end', ...result });
  };
  const started = new Date();
  try {
    mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
    loadSuites();
    mocha.suite.emit('post-require', globalThis, 'bundle', mocha);
  } catch (error) {
    // A suite that throws while being defined must fail the run loudly, not shrink it silently.
    finished(toResult({ title: 'load test suites', fullTitle: () => 'load test suites', duration: 0 }, 'failed', error));
    writeResults(summarize(tests, started, new Date(), 0));
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  return new Promise((resolve, reject) => {
    const { EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    const runner = mocha.run((failures) => {
      writeResults(summarize(tests, started, new Date(), runner.stats?.suites ?? 0));
      if (failures > 0) {
        reject(new Error(`${failures} test(s) failed`));
      } else {
        resolve();
      }
    });
    runner.on(EVENT_TEST_BEGIN, (test) => report({ event: 'start', fullTitle: test.fullTitle() }));
    runner.on(EVENT_TEST_PASS, (test) => finished(toResult(test, 'passed')));
    // Also fires for failing hooks ("before all" hook for …), which count as failures too.
    runner.on(EVENT_TEST_FAIL, (test, error) => finished(toResult(test, 'failed', error)));
    runner.on(EVENT_TEST_PENDING, (test) => finished(toResult(test, 'pending')));
  });
}

interface Runnable {
  title: string;
  fullTitle(): string;
  duration?: number;
}

function toResult(test: Runnable, state: TestResult['state'], error?: unknown): TestResult {
  const result: TestResult = { title: test.title, fullTitle: test.fullTitle(), state, duration: test.duration ?? 0 };
  if (state === 'failed') {
    const err = error instanceof Error ? error : new Error(String(error));
    result.error = { message: err.message, stack: err.stack };
  }
  return result;
}

function summarize(tests: TestResult[], start: Date, end: Date, suites: number): TestRunResults {
  const count = (state: TestResult['state']): number => tests.filter((t) => t.state === state).length;
  return {
    stats: {
      suites,
      tests: tests.length,
      passes: count('passed'),
      pending: count('pending'),
      failures: count('failed'),
      start: start.toISOString(),
      end: end.toISOString(),
      duration: end.getTime() - start.getTime(),
    },
    tests,
  };
}

/** Appends a progress line (see results.ts); synchronous so a crash right after still leaves it on disk. */
function report(event: ProgressEvent): void {
  const file = process.env.AWS_HISTORY_RESULTS;
  if (file) {
    fs.appendFileSync(progressFileFor(file), `${JSON.stringify(event)}\n`);
  }
}

/** Written atomically (temp + rename): the harness polls for the file and must never read half of it. */
function writeResults(results: TestRunResults): void {
  const file = process.env.AWS_HISTORY_RESULTS;
  if (!file) {
    return;
  }
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
