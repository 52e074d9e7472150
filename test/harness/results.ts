// The JSON contract between the test entry running inside the extension host (test/integration/index.ts,
// which writes it to $AWS_HISTORY_RESULTS) and the runners outside it (which read and print it).
// Also bundled into the test entry, so it stays free of Node-only imports.

export type TestState = 'passed' | 'failed' | 'pending';

export interface TestResult {
  title: string;
  fullTitle: string;
  state: TestState;
  /** Milliseconds; 0 for pending tests. */
  duration: number;
  error?: { message: string; stack?: string };
}

export interface TestRunResults {
  stats: {
    suites: number;
    tests: number;
    passes: number;
    pending: number;
    failures: number;
    /** ISO timestamps and milliseconds. */
    start: string;
    end: string;
    duration: number;
  };
  tests: TestResult[];
}

/**
 * Live progress next to the results file: one JSON line per event, appended as tests start and finish, so
 * the runner can print results while a long run goes on and name the test that was running if it dies.
 */
export type ProgressEvent = { event: 'start'; fullTitle: string } | ({ event: 'end' } & TestResult);

export function progressFileFor(resultsFile: string): string {
  return `${resultsFile}.progress`;
}

const green = (s: string): string => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s: string): string => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const dim = (s: string): string => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

/** One report line for a finished test: `✓ title (12ms)`, `✗ title`, `- title (pending)`. */
export function formatTestLine(test: TestResult): string {
  const ms = test.duration >= 75 ? dim(` (${test.duration}ms)`) : '';
  if (test.state === 'passed') {
    return `  ${green('✓')} ${test.fullTitle}${ms}`;
  }
  if (test.state === 'failed') {
    return `  ${red('✗')} ${red(test.fullTitle)}${ms}`;
  }
  return `  - ${dim(test.fullTitle)} (pending)`;
}

/**
 * Mocha-style report: one line per test (unless they were already printed live), failures with message and
 * stack, then the summary lines. `mapStack` rewrites stacks (e.g. through source maps).
 */
export function formatResults(results: TestRunResults, options: { listTests?: boolean; mapStack?: (stack: string) => string } = {}): string {
  const lines: string[] = [''];
  if (options.listTests ?? true) {
    lines.push(...results.tests.map(formatTestLine));
  }
  lines.push('', `  ${green(`${results.stats.passes} passing`)} (${formatSeconds(results.stats.duration)})`);
  if (results.stats.pending) {
    lines.push(`  ${results.stats.pending} pending`);
  }
  if (results.stats.failures) {
    lines.push(`  ${red(`${results.stats.failures} failing`)}`);
  }
  const failed = results.tests.filter((t) => t.state === 'failed');
  failed.forEach((test, i) => {
    lines.push('', `  ${i + 1}) ${test.fullTitle}:`);
    const stack = test.error?.stack ? (options.mapStack ?? ((x: string) => x))(test.error.stack) : undefined;
    lines.push(red(indent(stack ?? test.error?.message ?? 'failed without an error', 5)));
    if (test.error?.stack && !test.error.stack.includes(test.error.message)) {
      lines.push(red(indent(test.error.message, 5)));
    }
  });
  lines.push('');
  return lines.join('\n');
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

/** Parses and sanity-checks a results file; throws with the reason if it is not one. */
export function parseResults(json: string): TestRunResults {
  const value = JSON.parse(json) as Partial<TestRunResults>;
  if (!value.stats || !Array.isArray(value.tests)) {
    throw new Error('results file lacks stats/tests');
  }
  return value as TestRunResults;
}
