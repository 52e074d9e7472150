// Starts a real VS Code server (code-server, installed from npm by scripts/install-code-server.sh)
// with throwaway user data and extension dirs, because @vscode/test-electron cannot download VS Code here.
// See /work/shared/docs/real-vscode-here.md for why this recipe and not another.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import {
  capture,
  filesBelow,
  freePort,
  makeTempDir,
  mergeEnv,
  pollUntil,
  removeDir,
  repoRoot,
  run,
  spawnGroup,
  tailFile,
  type EnvOverrides,
  type GroupProcess,
} from './util';

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** Merged over process.env; `undefined` removes an inherited variable. */
  env?: EnvOverrides;
  /** User settings, merged over the quiet defaults below. */
  settings?: Record<string, unknown>;
  /** A .vsix installed into the fresh extensions dir before the server starts. */
  installVsix?: string;
  /** Fixed port (the demo); default: a free one. */
  port?: number;
  /** Server stdout+stderr go here; default: `<temp>/code-server.log`. */
  logFile?: string;
  /** How long the server may take to answer HTTP. */
  startTimeoutMs?: number;
}

export interface CodeServer {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  logFile: string;
  userDataDir: string;
  extensionsDir: string;
  process: GroupProcess;
  /** The workbench URL for `folder`, optionally with workbench `payload` pairs (extensionDevelopmentPath…). */
  workbenchUrl(folder: string, payload?: Array<[string, string]>): string;
  /** A `vscode-remote://` URI for a path on this server (what the payload expects). */
  remoteUri(absPath: string): string;
  /** Last lines of the server log plus the extension host log, for failure messages. */
  logTail(lines?: number): string;
  /** Copies the server log and VS Code's own log folder into `dir`. */
  saveLogs(dir: string): void;
  /** Kills the whole process group and deletes the temp dirs (the log file is kept if outside them). */
  stop(): Promise<void>;
}

/**
 * Settings that keep the workbench quiet and deterministic: no welcome page or walkthroughs stealing focus,
 * no telemetry, no update or gallery checks (no network here), no trust prompt, no git scanning of the repo.
 */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'editor.accessibilitySupport': 'off',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'window.restoreWindows': 'none',
};

const installScript = path.join(repoRoot, 'scripts', 'install-code-server.sh');

/** Path of the code-server binary; installs it first if the cache is empty (prints only the dir). */
export async function codeServerBinary(): Promise<string> {
  const dir = (await capture('bash', [installScript])).trim().split('\n').pop() ?? '';
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server not found at ${bin} (install script printed "${dir}")`);
  }
  return bin;
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
  });
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Newest file named `name` under `dir` (VS Code nests logs as logs/<timestamp>/<window>/exthost/...). */
function findNewest(dir: string, name: string): string | undefined {
  let best: { file: string; mtime: number } | undefined;
  for (const file of filesBelow(dir).filter((f) => path.basename(f) === name)) {
    const mtime = fs.statSync(file).mtimeMs;
    if (!best || mtime > best.mtime) {
      best = { file, mtime };
    }
  }
  return best?.file;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const bin = await codeServerBinary();
  const root = makeTempDir('ahe-code-server');
  const userDataDir = path.join(root, 'data');
  const extensionsDir = path.join(root, 'extensions');
  const configFile = path.join(root, 'config.yaml');
  const logFile = options.logFile ?? path.join(root, 'code-server.log');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  // An explicit config file stops code-server from writing ~/.config/code-server/config.yaml (with a password).
  fs.writeFileSync(configFile, 'auth: none\n');
  writeJson(path.join(userDataDir, 'User', 'settings.json'), { ...quietSettings, ...options.settings });
  const env = mergeEnv(process.env, options.env ?? {});
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (options.installVsix) {
    await run(bin, [...common, '--install-extension', options.installVsix, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  // The OS may hand the probed port to someone else before code-server binds it: retry with a new one.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const args = [
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ];
    fs.appendFileSync(logFile, `[harness] starting code-server on 127.0.0.1:${port}\n`);
    const proc = spawnGroup(bin, args, { env, cwd: options.workspace, logFile });
    const origin = `http://127.0.0.1:${port}`;
    try {
      // Our own log line too: a 200 alone could come from another server that won the race for the port.
      const ours = (): boolean => tailFile(logFile, 200).includes(`HTTP server listening on ${origin}/`);
      await pollUntil(async () => (ours() && (await httpStatus(`${origin}/healthz`)) === 200 ? true : undefined), {
        timeoutMs: options.startTimeoutMs ?? 60_000,
        what: `code-server on ${origin}`,
        abort: () => (proc.hasExited() ? 'code-server exited' : undefined),
      });
    } catch (error) {
      await proc.stop();
      const log = tailFile(logFile, 30);
      if (options.port === undefined && attempt < 3 && /EADDRINUSE/.test(log)) {
        continue;
      }
      removeDir(root);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n--- code-server log (${logFile}) ---\n${log}`);
    }
    return makeHandle({ port, origin, proc, root, userDataDir, extensionsDir, logFile });
  }
}

function makeHandle(s: {
  port: number;
  origin: string;
  proc: GroupProcess;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
}): CodeServer {
  const remoteUri = (absPath: string): string => `vscode-remote://127.0.0.1:${s.port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
  const logsDir = path.join(s.userDataDir, 'logs');
  return {
    port: s.port,
    origin: s.origin,
    logFile: s.logFile,
    userDataDir: s.userDataDir,
    extensionsDir: s.extensionsDir,
    process: s.proc,
    remoteUri,
    workbenchUrl(folder, payload) {
      // Slashes stay readable in the folder (the demo prints this URL); everything else is encoded.
      const query = [`folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`];
      if (payload) {
        query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      }
      return `${s.origin}/?${query.join('&')}`;
    },
    logTail(lines = 40) {
      const parts = [`--- code-server log (${s.logFile}) ---\n${tailFile(s.logFile, lines)}`];
      const exthost = findNewest(logsDir, 'remoteexthost.log');
      if (exthost) {
        parts.push(`--- extension host log (${exthost}) ---\n${tailFile(exthost, lines)}`);
      }
      return parts.join('\n');
    },
    saveLogs(dir) {
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(s.logFile, path.join(dir, 'code-server.log'));
      if (fs.existsSync(logsDir)) {
        fs.cpSync(logsDir, path.join(dir, 'vscode-logs'), { recursive: true });
      }
    },
    async stop() {
      await s.proc.stop();
      removeDir(s.root);
    },
  };
}
