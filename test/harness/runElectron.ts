// `npx tsx test/harness/runElectron.ts [--grep <regexp>] [--skip-build]` — `npm run test:electron`.
// The same integration suites and environment as runIntegration.ts, but in desktop VS Code (Electron)
// through @vscode/test-electron. It downloads VS Code, so it only works on machines with internet access;
// on the offline CI machines use runIntegration.ts (code-server).
// Env: VSCODE_VERSION (default 'stable'), AWS_HISTORY_TEST_GREP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildForTests, testBundle, unlistedSuites } from './build';
import { quietSettings } from './codeServer';
import { formatResults, parseResults } from './results';
import { mapStack } from './sourceMaps';
import { prepareIntegrationEnvironment } from './testEnvironment';
import { exitOnSignals, makeTempDir, removeDir, repoRoot } from './util';

async function main(): Promise<number> {
  exitOnSignals();
  const argv = process.argv.slice(2);
  const grepAt = argv.findIndex((arg) => arg === '--grep' || arg === '-g');
  if (grepAt >= 0) {
    process.env.AWS_HISTORY_TEST_GREP = argv[grepAt + 1];
  }
  if (!argv.includes('--skip-build')) {
    await buildForTests();
  }

  const environment = await prepareIntegrationEnvironment({ dataset: 'large', durable: true });
  const work = makeTempDir('ahe-electron');
  const resultsFile = path.join(work, 'results.json');
  const userDataDir = path.join(work, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  try {
    const exitCode = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testBundle,
      // undefined entries (e.g. an inherited AWS_PROFILE) are dropped by child_process.spawn.
      extensionTestsEnv: { ...environment.env, AWS_HISTORY_RESULTS: resultsFile },
      launchArgs: [
        environment.workspace,
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        path.join(work, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    }).catch((error: unknown) => {
      // runTests rejects on a non-zero exit; the results file (if any) says more than the exit code.
      console.error(`[harness] VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    });
    if (!fs.existsSync(resultsFile)) {
      console.error('[harness] INTEGRATION RUN FAILED: the extension host wrote no results');
      return 1;
    }
    const results = parseResults(fs.readFileSync(resultsFile, 'utf8'));
    console.log(formatResults(results, { mapStack }));
    const unlisted = unlistedSuites();
    if (unlisted.length) {
      console.error(`[harness] NOT RUN: ${unlisted.join(', ')} — add require('./<name>') to loadSuites() in test/integration/index.ts`);
      return 1;
    }
    return exitCode === 0 && results.stats.failures === 0 && results.stats.tests > 0 ? 0 : 1;
  } finally {
    await environment.dispose();
    removeDir(work);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[harness] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
