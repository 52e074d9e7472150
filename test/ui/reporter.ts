// Mocha reporter for the UI suite: one line per scenario with its time as it finishes, then the usual
// summary and failures (shared formatting with the integration runner, see test/harness/results.ts).
import Mocha from 'mocha';
import { formatResults, formatTestLine, type TestResult, type TestRunResults } from '../harness/results';

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

export class UiReporter extends Mocha.reporters.Base {
  private readonly results: TestResult[] = [];
  private started = Date.now();

  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_BEGIN, () => (this.started = Date.now()));
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) {
        console.log(`\n  ${suite.fullTitle()}`);
      }
    });
    const record = (test: Mocha.Test, state: TestResult['state'], error?: Error): void => {
      const result: TestResult = {
        title: test.title,
        fullTitle: test.fullTitle(),
        state,
        duration: test.duration ?? 0,
        ...(error ? { error: { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } } : {}),
      };
      this.results.push(result);
      console.log(formatTestLine({ ...result, fullTitle: `  ${test.title}`, duration: 0 }) + seconds(result));
    };
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => record(test, 'passed'));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => record(test, 'failed', error));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => record(test, 'pending'));
    runner.once(EVENT_RUN_END, () => {
      const results: TestRunResults = {
        stats: {
          suites: 0,
          tests: this.results.length,
          passes: this.results.filter((r) => r.state === 'passed').length,
          pending: this.results.filter((r) => r.state === 'pending').length,
          failures: this.results.filter((r) => r.state === 'failed').length,
          start: new Date(this.started).toISOString(),
          end: new Date().toISOString(),
          duration: Date.now() - this.started,
        },
        tests: this.results,
      };
      console.log(formatResults(results, { listTests: false }));
    });
  }
}

/** Scenarios take seconds: printed as such for every test, not only the slow ones. */
function seconds(result: TestResult): string {
  return result.state === 'pending' ? '' : ` ${(result.duration / 1000).toFixed(1)} s`;
}
