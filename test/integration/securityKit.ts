// Shared by the hostile-data, fault, secret and bad-input suites: the window stubs that capture what the
// extension shows, the output log at debug level, an in-process `hostile` emulator, and row text helpers.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Command } from '../../src/constants';
import type { TreeNode } from '../../src/tree/treeNode';
import { EmulatorControl } from '../emulator/control';
import { buildDataset, regionData, type RegionData } from '../emulator/data';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import { api, expand, isLoading, waitFor } from './helpers';

export const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('awsHistory');

export async function setSetting(key: string, value: unknown): Promise<void> {
  await settings().update(key, value, vscode.ConfigurationTarget.Global);
}

export function contextOf(node: TreeNode | undefined): string {
  return node?.getTreeItem().contextValue ?? '';
}

/** The tooltip as the hover would show it: a plain string, or the Markdown source. */
export function tooltipOf(node: TreeNode): string {
  // Item rows build their tooltip on hover (resolveTreeItem), so ask the node as VS Code would.
  const tooltip = node.getTreeItem().tooltip ?? node.tooltip?.();
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
}

/**
 * The children once no page is on its way. After a command focused a view, VS Code itself may have
 * started the load, and a second caller then sees the "Loading…" row.
 */
export async function settledChildren(p: PagedTreeProvider, parent?: TreeNode): Promise<TreeNode[]> {
  return waitFor('the list to finish loading', async () => {
    const rows = await expand(p, parent);
    return rows.some(isLoading) ? undefined : rows;
  });
}

export function errorRow(rows: readonly TreeNode[]): TreeNode | undefined {
  return rows.find((r) => contextOf(r).startsWith('awsHistory:error'));
}

/** Every visible text of a row: label, description, tooltip. */
export function rowText(node: TreeNode): string {
  const item = node.getTreeItem();
  const labelText = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const descriptionText = typeof item.description === 'string' ? item.description : '';
  return [labelText, descriptionText, tooltipOf(node)].join('\n');
}

export interface Shown {
  readonly kind: 'error' | 'warning' | 'information';
  readonly message: string;
}

type WindowApi = Record<string, unknown>;

/**
 * Replaces `vscode.window` functions for the duration of a test. The test bundle lives inside the
 * extension's folder, so VS Code hands it the same `vscode` API object as the extension: what is stubbed
 * here is what the extension calls. Messages are recorded (and answered with `answer`, default: dismissed).
 */
export class WindowStubs {
  readonly shown: Shown[] = [];
  private readonly originals = new Map<string, unknown>();

  constructor(private readonly answer: (shown: Shown, items: readonly unknown[]) => unknown = () => undefined) {
    for (const kind of ['error', 'warning', 'information'] as const) {
      const name = `show${kind[0].toUpperCase()}${kind.slice(1)}Message`;
      this.replace(name, (message: string, ...items: unknown[]) => {
        const entry = { kind, message };
        this.shown.push(entry);
        return Promise.resolve(
          this.answer(
            entry,
            items.filter((i) => typeof i === 'string' || (typeof i === 'object' && i !== null && 'title' in i)),
          ),
        );
      });
    }
  }

  replace(name: string, fn: unknown): void {
    const window = vscode.window as unknown as WindowApi;
    if (!this.originals.has(name)) {
      this.originals.set(name, window[name]);
    }
    window[name] = fn;
  }

  messages(kind?: Shown['kind']): string[] {
    return this.shown.filter((s) => !kind || s.kind === kind).map((s) => s.message);
  }

  restore(): void {
    const window = vscode.window as unknown as WindowApi;
    for (const [name, fn] of this.originals) {
      window[name] = fn;
    }
    this.originals.clear();
  }
}

/** The LogOutputChannel's file: VS Code writes `<extension log dir>/<channel name>.log`. */
export async function logFile(): Promise<string> {
  return path.join((await api()).feature.extension.logUri.fsPath, 'AWS History Explorer.log');
}

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Sets the extension's output channel to Debug the way a user does (Output view → gear → Debug). The
 * command acts on the active channel, which becomes ours only once the Output view has shown it.
 */
export async function enableDebugLog(): Promise<void> {
  // Private on ClientFactory; only read here to know when the level change has arrived.
  const logger = ((await api()).feature.clients as unknown as { logger: vscode.LogOutputChannel }).logger;
  await vscode.commands.executeCommand(Command.showLog);
  await waitFor('the output channel to log at debug level', async () => {
    if (logger.logLevel <= vscode.LogLevel.Debug) {
      return true;
    }
    await vscode.commands.executeCommand('workbench.action.output.activeOutputLogLevel.2');
    return logger.logLevel <= vscode.LogLevel.Debug || undefined;
  });
  await vscode.commands.executeCommand('workbench.action.closePanel');
}

export async function resetLogLevel(): Promise<void> {
  await vscode.commands.executeCommand(Command.showLog);
  await vscode.commands.executeCommand('workbench.action.output.activeOutputLogLevelDefault');
  await vscode.commands.executeCommand('workbench.action.closePanel');
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface HostileEmulator {
  readonly url: string;
  readonly control: EmulatorControl;
  /** What it serves: the same builder, the same clock and the same callback base as the child. */
  readonly data: RegionData;
  close(): Promise<void>;
}

/**
 * The `hostile` data set, served by the emulator's CLI in a child process (in this process its 6 MB
 * answers would stall the very event loop the tests measure) and wired in through `awsHistory.endpoints`.
 * It inherits `EMULATOR_URL`, so its payloads call back to the harness's emulator, which counts the hits.
 * `close()` puts the endpoints back and stops the child.
 */
export async function startHostileEmulator(): Promise<HostileEmulator> {
  const root = (await api()).feature.extension.extensionUri.fsPath;
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'test', 'emulator', 'cli.ts'), '--dataset', 'hostile'],
    {
      cwd: root,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    const url = await waitFor(
      'the hostile emulator to print its URL',
      () => {
        if (child.exitCode !== null) {
          throw new Error(`the hostile emulator exited: ${output}`);
        }
        return /EMULATOR_URL=(\S+)/.exec(output)?.[1];
      },
      30_000,
    );
    const control = new EmulatorControl(url);
    const { now } = await control.info();
    const data = regionData(buildDataset({ dataset: 'hostile', now }), 'us-east-1');
    await setSetting('endpoints', { dynamodb: url, rds: url, lambda: url });
    return {
      url,
      control,
      data,
      async close() {
        await setSetting('endpoints', undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Records unhandled promise rejections in the extension host while a test runs. */
export class RejectionWatch {
  readonly reasons: unknown[] = [];
  private readonly listener = (reason: unknown): void => {
    this.reasons.push(reason);
  };
  constructor() {
    process.on('unhandledRejection', this.listener);
  }
  dispose(): void {
    process.off('unhandledRejection', this.listener);
  }
}

/** Lets already-settled promise callbacks and the unhandled-rejection check of Node run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function assertNoTextIn(haystack: string, needles: readonly string[], where: string): void {
  for (const needle of needles) {
    // The message names the place, never the value: a failing assertion must not print the secret.
    assert.ok(!haystack.includes(needle), `a sentinel secret (#${needles.indexOf(needle)}) appears in ${where}`);
  }
}
