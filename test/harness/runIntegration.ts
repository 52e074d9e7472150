// `npx tsx test/harness/runIntegration.ts [--grep <regexp>] [--skip-build]`
// Builds the extension and the test bundle, starts the AWS emulator (dataset `large`) and a real VS Code
// (code-server, driven by Chromium), runs test/integration/index.ts in its extension host, prints a
// mocha-style report and exits non-zero on any failure.
// Env: AWS_HISTORY_TEST_GREP (same as --grep), AWS_HISTORY_TEST_TIMEOUT_SECONDS (whole run, default 900).
import { buildForTests, testBundle, unlistedSuites } from './build';
import { runExtensionTests } from './extensionTests';
import { formatResults, formatTestLine } from './results';
import { mapStack } from './sourceMaps';
import { prepareIntegrationEnvironment } from './testEnvironment';
import { artifactsDir, exitOnSignals, repoRoot } from './util';

interface Args {
  grep?: string;
  skipBuild: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep' || arg === '-g') {
      args.grep = argv[++i];
    } else if (arg === '--skip-build') {
      args.skipBuild = true;
    } else {
      throw new Error(`unknown argument ${arg} (usage: runIntegration.ts [--grep <regexp>] [--skip-build])`);
    }
  }
  return args;
}

async function main(): Promise<number> {
  exitOnSignals();
  const args = parseArgs(process.argv.slice(2));
  if (args.grep !== undefined) {
    process.env.AWS_HISTORY_TEST_GREP = args.grep;
  }
  const timeoutSeconds = Number(process.env.AWS_HISTORY_TEST_TIMEOUT_SECONDS ?? 900);

  const unlisted = unlistedSuites();
  const unlistedMessage = `[harness] NOT RUN: ${unlisted.join(', ')} — add require('./<name>') to loadSuites() in test/integration/index.ts`;
  if (unlisted.length) {
    console.error(unlistedMessage);
  }
  if (!args.skipBuild) {
    await buildForTests();
  }
  const environment = await prepareIntegrationEnvironment({ dataset: 'large', durable: true });
  console.error(`[harness] emulator on ${environment.emulatorUrl}`);
  try {
    const outcome = await runExtensionTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testBundle,
      workspace: environment.workspace,
      env: environment.env,
      timeoutMs: timeoutSeconds * 1000,
      artifactsDir: artifactsDir('integration'),
      onTest: (test) => console.log(formatTestLine(test)),
    });
    if (outcome.results) {
      console.log(formatResults(outcome.results, { listTests: false, mapStack }));
    }
    if (outcome.error) {
      console.error(`\n[harness] INTEGRATION RUN FAILED: ${outcome.error.message}\n`);
      return 1;
    }
    const stats = outcome.results?.stats;
    if (stats?.tests === 0) {
      console.error('[harness] no tests ran (empty suite list, or a --grep that matches nothing)');
    }
    if (unlisted.length) {
      console.error(unlistedMessage);
      return 1;
    }
    return stats && stats.failures === 0 && stats.tests > 0 ? 0 : 1;
  } finally {
    await environment.dispose();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[harness] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
