/**
 * Runs the emulator standalone:
 *   npx tsx test/emulator/cli.ts --dataset demo [--port 4599] [--now 2026-01-15T12:00:00Z] [--time-scale 20 [--live-demo true]]
 * Prints exactly one line, `EMULATOR_URL=http://127.0.0.1:PORT`, once it is listening,
 * so scripts can wait for it; stops cleanly on SIGINT/SIGTERM. `--time-scale` runs the sample durable
 * functions for real on a clock that many times faster; `--live-demo true` starts the demo's executions.
 *
 * Answers a pending callback of a running emulator (all pending ones when no id is given):
 *   npx tsx test/emulator/cli.ts callback --url URL [--id CALLBACK_ID] [--result JSON | --fail MESSAGE]
 */
import { EmulatorControl } from './control';
import { DATASET_NAMES, isDatasetName } from './data';
import { startDemoExecutions } from './durable';
import { startEmulator } from './server';

const USAGE = `usage: cli.ts --dataset ${DATASET_NAMES.join('|')} [--port N] [--now ISO-or-epoch-ms] [--time-scale N [--live-demo true]]
       cli.ts callback --url URL [--id CALLBACK_ID] [--result JSON | --fail MESSAGE]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function flags(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      fail(`Unexpected argument: ${argv[i]}`);
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) {
      fail(`Missing value for --${m[1]}`);
    }
    args[m[1]] = value;
  }
  return args;
}

async function answerCallbacks(argv: string[]): Promise<void> {
  const args = flags(argv);
  if (!args['url']) {
    fail('callback needs --url');
  }
  const control = new EmulatorControl(args['url']);
  const ids = args['id'] ? [args['id']] : (await control.durableExecutions()).flatMap((e) => e.pendingCallbackIds);
  for (const id of ids) {
    await control.answerCallback(
      id,
      args['fail'] !== undefined
        ? { action: 'fail', error: { ErrorType: 'Rejected', ErrorMessage: args['fail'] } }
        : { action: 'succeed', result: args['result'] ?? '{"approved":true}' },
    );
    process.stdout.write(`answered ${id}\n`);
  }
  if (ids.length === 0) {
    process.stdout.write('no callback is waiting for an answer\n');
  }
}

function parseArgs(argv: string[]): { dataset: string; port: number; now?: number; timeScale?: number; liveDemo: boolean } {
  const args = flags(argv);
  const port = args['port'] === undefined ? 0 : Number(args['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`Invalid --port ${args['port']}`);
  }
  const out: { dataset: string; port: number; now?: number; timeScale?: number; liveDemo: boolean } = {
    dataset: args['dataset'] ?? 'demo',
    port,
    liveDemo: args['live-demo'] === 'true',
  };
  if (args['time-scale'] !== undefined) {
    const scale = Number(args['time-scale']);
    if (!Number.isFinite(scale) || scale <= 0) {
      fail(`Invalid --time-scale ${args['time-scale']}`);
    }
    out.timeScale = scale;
  }
  if (args['now'] !== undefined) {
    const now = /^\d+$/.test(args['now']) ? Number(args['now']) : Date.parse(args['now']);
    if (Number.isNaN(now)) {
      fail(`Invalid --now ${args['now']}`);
    }
    out.now = now;
  }
  return out;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'callback') {
    return answerCallbacks(process.argv.slice(3));
  }
  const args = parseArgs(process.argv.slice(2));
  if (!isDatasetName(args.dataset)) {
    fail(`Unknown dataset ${args.dataset}`);
  }
  const emulator = await startEmulator({
    dataset: args.dataset,
    port: args.port,
    ...(args.now === undefined ? {} : { now: args.now }),
    ...(args.timeScale === undefined ? {} : { durable: { timeScale: args.timeScale } }),
  });
  if (emulator.durable && args.liveDemo) {
    await startDemoExecutions(emulator.durable);
  }
  process.stdout.write(`EMULATOR_URL=${emulator.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
