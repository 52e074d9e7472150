/**
 * Runs the emulator standalone:
 *   npx tsx test/emulator/cli.ts --dataset demo [--port 4599] [--now 2026-01-15T12:00:00Z]
 * Prints exactly one line, `EMULATOR_URL=http://127.0.0.1:PORT`, once it is listening,
 * so scripts can wait for it; stops cleanly on SIGINT/SIGTERM.
 */
import { DATASET_NAMES, isDatasetName } from './data';
import { startEmulator } from './server';

function fail(message: string): never {
  process.stderr.write(`${message}\nusage: cli.ts --dataset ${DATASET_NAMES.join('|')} [--port N] [--now ISO-or-epoch-ms]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { dataset: string; port: number; now?: number } {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      fail(`Unexpected argument: ${argv[i]}`);
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) {
      fail(`Missing value for --${m[1]}`);
    }
    args[m[1]] = value;
  }
  const port = args['port'] === undefined ? 0 : Number(args['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`Invalid --port ${args['port']}`);
  }
  const out: { dataset: string; port: number; now?: number } = { dataset: args['dataset'] ?? 'demo', port };
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
  const args = parseArgs(process.argv.slice(2));
  if (!isDatasetName(args.dataset)) {
    fail(`Unknown dataset ${args.dataset}`);
  }
  const emulator = await startEmulator(args.now === undefined ? { dataset: args.dataset, port: args.port } : { dataset: args.dataset, port: args.port, now: args.now });
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
