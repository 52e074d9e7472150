// `npx tsx scripts/demo.ts [--port 8080] [--emulator-port N]`
// A clickable demo without an AWS account: builds and packages the extension as a VSIX, installs it into a
// fresh code-server, points all three services at the local emulator (dataset `demo`) and prints the URL.
// Ctrl-C / SIGTERM stop code-server (its whole process group) and the emulator.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDemoExecutions } from '../test/emulator/durable';
import { startEmulator } from '../test/emulator/server';
import { dummyCredentials, withoutInheritedAws, writeAwsProfiles } from '../test/harness/awsEnv';
import { startCodeServer, type CodeServer } from '../test/harness/codeServer';
import { artifactsDir, makeTempDir, removeDir, repoRoot, run } from '../test/harness/util';

/** A 10-minute wait takes 30 seconds: live executions finish while you watch. */
const DEMO_TIME_SCALE = 20;

interface Args {
  port: number;
  emulatorPort?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if ((flag === '--port' || flag === '--emulator-port') && Number.isInteger(value) && value >= 0 && value < 65536) {
      if (flag === '--port') {
        args.port = value;
      } else {
        args.emulatorPort = value;
      }
      i++;
    } else {
      throw new Error(`bad argument ${flag} (usage: demo.ts [--port 8080] [--emulator-port N])`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const work = makeTempDir('ahe-demo');
  let server: CodeServer | undefined;
  let closeEmulator: (() => Promise<void>) | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number): Promise<void> =>
    (stopping ??= (async () => {
      await server?.stop();
      await closeEmulator?.();
      removeDir(work);
      process.exit(code);
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) {
        // second Ctrl-C: the exit hook in util.ts SIGKILLs what is left
        process.exit(1);
      }
      console.log(`\n${signal}: stopping code-server and the emulator…`);
      void stop(0);
    });
  }

  try {
    console.log('[demo] building (production)…');
    await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: repoRoot });
    const vsix = path.join(work, 'aws-history-explorer.vsix');
    console.log('[demo] packaging the VSIX…');
    await run('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });

    const emulator = await startEmulator({
      dataset: 'demo',
      durable: { timeScale: DEMO_TIME_SCALE },
      ...(args.emulatorPort ? { port: args.emulatorPort } : {}),
    });
    closeEmulator = async () => {
      await emulator.close();
    };
    await startDemoExecutions(emulator.durable!);
    console.log(`[demo] emulator (dataset demo) on ${emulator.url}; the sample durable functions run for real, ${DEMO_TIME_SCALE}× faster than real time`);
    console.log(`[demo] answer order-1001's approval: npx tsx test/emulator/cli.ts callback --url ${emulator.url}`);

    // Profiles `default`/`staging` for the profile picker, plus dummy keys in the environment, so nothing
    // on this machine (a real ~/.aws, AWS_PROFILE…) is used and no AWS account is needed.
    const { configFile, credentialsFile } = writeAwsProfiles(path.join(work, 'aws'));
    const workspace = path.join(work, 'aws-history-demo');
    fs.mkdirSync(workspace, { recursive: true });
    server = await startCodeServer({
      workspace,
      port: args.port,
      installVsix: vsix,
      // Outside the temp dir, so it survives for a look after the demo stopped or crashed.
      logFile: path.join(artifactsDir('demo'), 'code-server.log'),
      settings: {
        'awsHistory.region': 'us-east-1',
        'awsHistory.endpoints': { dynamodb: emulator.url, rds: emulator.url, lambda: emulator.url, sts: emulator.url },
      },
      env: {
        ...withoutInheritedAws(),
        AWS_CONFIG_FILE: configFile,
        AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
        AWS_ACCESS_KEY_ID: dummyCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: dummyCredentials.secretAccessKey,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    console.log(`\nOpen ${server.workbenchUrl(workspace)}\n`);
    console.log(`(code-server log: ${server.logFile}; Ctrl-C to stop)`);
  } catch (error) {
    console.error(`[demo] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stop(1);
    return;
  }
  const code = await server.process.exited;
  if (!stopping) {
    console.error(`[demo] code-server exited unexpectedly (${code}); see ${server.logFile}`);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
