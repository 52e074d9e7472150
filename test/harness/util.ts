// Small process/file helpers shared by the harness modules. Kept dependency-free so every runner
// (tsx scripts, the electron runner, the demo) can use them.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Repository root: this file lives in `<root>/test/harness/`. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Every file below `dir`, recursively; unreadable folders are skipped (logs rotate while we walk). */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile()) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

/** Where failure artifacts (screenshots, logs) of one suite go; ignored by git. */
export function artifactsDir(suite: string): string {
  const dir = path.join(repoRoot, '.test-artifacts', suite);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Process groups and temp dirs still in use; the exit hook cleans them up if the runner is interrupted. */
const liveGroups = new Set<number>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

/** A fresh temp directory; callers remove it with `removeDir` when done. */
export function makeTempDir(prefix: string): string {
  installExitHook();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  liveDirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  liveDirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Asks the OS for a currently free TCP port on 127.0.0.1 (racy by nature; callers retry on EADDRINUSE). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Shown in the timeout error. */
  what: string;
  /** Checked on every round; a returned string aborts the wait with that message (e.g. "process exited"). */
  abort?: () => string | undefined;
}

/** Polls `check` until it yields a value other than undefined; no fixed sleeps anywhere else. */
export async function pollUntil<T>(check: () => T | undefined | Promise<T | undefined>, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 200;
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) {
      throw new Error(`${options.what}: ${aborted}`);
    }
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${options.what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Last `lines` lines of a text file ('' if missing), for failure messages. */
export function tailFile(file: string, lines = 60): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** An environment where `undefined` deletes a variable inherited from process.env. */
export type EnvOverrides = Record<string, string | undefined>;

export function mergeEnv(base: NodeJS.ProcessEnv, overrides: EnvOverrides): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      delete env[key];
    } else {
      env[key] = value;
    }
  }
  return env;
}

/**
 * A child that leads its own process group, so `stop()` also reaches the grandchildren it spawns
 * (code-server forks a server process, which forks extension hosts, ptys, watchers).
 */
export interface GroupProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the leader exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves when the leader is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Last resort: if the runner itself exits without stopping its children, kill their groups. */
function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) {
      killGroup(pid, 'SIGKILL');
    }
    for (const dir of liveDirs) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * Ctrl-C / SIGTERM / SIGHUP end the runner through process.exit, so the exit hook above kills every child
 * group (Node's default signal action would skip 'exit' handlers and orphan code-server).
 */
export function exitOnSignals(): void {
  installExitHook();
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n[harness] ${signal}: stopping\n`);
      process.exit(code);
    });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** True while any process of the group still exists (signal 0 only probes). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function spawnGroup(command: string, args: string[], options: SpawnOptions & { logFile?: string }): GroupProcess {
  installExitHook();
  const { logFile, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`could not spawn ${command}`);
  }
  liveGroups.add(pid);
  if (logFile) {
    const out = fs.createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    killGroup(pid, 'SIGTERM');
    const clean = await pollUntil(() => (groupAlive(pid) ? undefined : true), { timeoutMs: graceMs, what: 'process group exit' }).catch(() => false);
    // Members that ignore SIGTERM (e.g. a busy extension host) must not outlive the run.
    if (!clean) {
      killGroup(pid, 'SIGKILL');
    }
    await exited;
    liveGroups.delete(pid);
  };
  return { child, exited, hasExited: () => done, stop };
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})`));
      }
    });
  });
}

/** Runs a command and returns its stdout (stderr passes through); rejects on a non-zero exit. */
export function capture(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) {
        resolve(stdout);
      } else {
        reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal})`));
      }
    });
  });
}
