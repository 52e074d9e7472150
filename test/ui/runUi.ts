// `npm run test:ui [-- --grep <regexp>] [-- --vsix <file>]`: the UI suite. Packages the VSIX once (in a
// staged copy, see vsix.ts), starts the emulator and one code-server with that VSIX installed, and runs
// the scenarios in test/ui/scenarios with mocha against the real workbench in Chromium. Prints every
// scenario's time and the total; on a failure saves a screenshot, the workbench console and the server
// logs to .test-artifacts/ui/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { artifactsDir, exitOnSignals } from '../harness/util';
import { UiReporter } from './reporter';
import { startSession, stopSession, ui } from './session';
import { packageVsix } from './vsix';

/**
 * Run order matters: scenarios share one workbench, and the later ones change its connection (region).
 * Listed explicitly so a file cannot be skipped silently (an unlisted one fails the run).
 */
const scenarios = [
  'container',
  'dynamodb',
  'dynamodbActions',
  'aurora',
  'auroraBacktrack',
  'lambda',
  'lambdaActions',
  'panels',
  'accessibility',
  'faults',
  'hostile',
  'region',
  'workspaceSettings',
];
const scenarioDir = path.join(__dirname, 'scenarios');

interface Args {
  grep?: string;
  vsix?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--grep' || flag === '-g') && value) {
      args.grep = value;
      i++;
    } else if (flag === '--vsix' && value) {
      args.vsix = path.resolve(value);
      i++;
    } else {
      throw new Error(`unknown argument ${flag} (usage: runUi.ts [--grep <regexp>] [--vsix <file>])`);
    }
  }
  return args;
}

function unlistedScenarios(): string[] {
  const files = fs.readdirSync(scenarioDir).filter((f) => f.endsWith('.ui.ts'));
  return files.map((f) => f.replace(/\.ui\.ts$/, '')).filter((name) => !scenarios.includes(name));
}

function slug(text: string): string {
  return text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

const secondsSince = (start: number): string => `${((Date.now() - start) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  exitOnSignals();
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const unlisted = unlistedScenarios();
  if (unlisted.length) {
    console.error(`[ui] NOT LISTED in runUi.ts: ${unlisted.join(', ')}`);
    return 1;
  }
  const artifacts = artifactsDir('ui');
  fs.rmSync(artifacts, { recursive: true, force: true });

  let vsix = args.vsix;
  if (!vsix) {
    const packaged = await packageVsix();
    vsix = packaged.file;
    console.log(`[ui] built and packaged the VSIX in ${(packaged.ms / 1000).toFixed(1)} s`);
  }

  const mocha = new Mocha({ reporter: UiReporter, timeout: 90_000, ...(args.grep ? { grep: args.grep } : {}) });
  for (const name of scenarios) {
    mocha.addFile(path.join(scenarioDir, `${name}.ui.ts`));
  }
  const installedVsix = vsix;
  mocha.suite.beforeAll('start the emulator and code-server with the VSIX', async function () {
    this.timeout(120_000);
    const t0 = Date.now();
    await startSession(installedVsix);
    console.log(`[ui] workbench ready in ${secondsSince(t0)}`);
  });
  mocha.suite.beforeEach('reset the emulator and close prompts', async () => {
    const { env, workbench } = ui();
    await env.emulator.reset();
    await workbench.dismissPrompts();
  });
  mocha.suite.afterEach('save artifacts of a failure', async function () {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      fs.mkdirSync(artifacts, { recursive: true });
      const saved = await ui().env.saveArtifacts(artifacts, slug(test.fullTitle()));
      console.log(`      [ui] saved ${saved.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
    }
  });
  mocha.suite.afterAll('stop code-server and the emulator', async () => {
    await stopSession();
  });

  let tests = 0;
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on(Mocha.Runner.constants.EVENT_TEST_END, () => tests++);
  });
  console.log(`[ui] total ${secondsSince(started)} (VSIX, code-server, scenarios)`);
  if (tests === 0) {
    console.error('[ui] no scenario ran (a --grep that matches nothing?)');
    return 1;
  }
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[ui] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
