// Drives code-server's web workbench with Debian's Chromium through playwright-core (no browser download:
// playwright's own Chromium builds cannot be fetched here).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags from real-vscode-here.md: no sandbox (root in containers), no GPU, and nothing that phones home. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Workbench {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Screenshot into `dir/<name>.png`; never throws (used on failure paths). */
  screenshot(dir: string, name?: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  /** code-server origin `http://127.0.0.1:PORT`; clipboard permissions are granted for it. */
  origin: string;
  url: string;
  /** The page console, page errors and crashes are appended here. */
  consoleLog?: string;
  /** How long the workbench may take to render (~8 s the first time on a 2-core machine). */
  timeoutMs?: number;
}

export async function openWorkbench(options: OpenWorkbenchOptions): Promise<Workbench> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: options.origin });
    const page = await context.newPage();
    if (options.consoleLog) {
      collectConsole(page, options.consoleLog);
    }
    await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs ?? 60_000 });
    await page.waitForSelector('.monaco-workbench', { state: 'attached', timeout: options.timeoutMs ?? 60_000 });
    return {
      browser,
      context,
      page,
      screenshot: (dir, name = 'failure') => screenshot(page, dir, name),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Appends the page console (and uncaught page errors, crashes) to `file` with timestamps. */
export function collectConsole(page: Page, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file, { flags: 'a' });
  const write = (line: string): void => {
    out.write(`${new Date().toISOString()} ${line}\n`);
  };
  // VS Code styles its log lines ("%c INFO color: #33f text"); the CSS argument is noise in a file.
  page.on('console', (message) => write(`[${message.type()}] ${message.text().replace(/^%c\s*(\w+)\s+color:\s*#\w+\s*/, '$1 ')}`));
  page.on('pageerror', (error) => write(`[pageerror] ${error.stack ?? error.message}`));
  page.on('crash', () => write('[crash] page crashed'));
  page.on('close', () => out.end());
}

export async function screenshot(page: Page, dir: string, name: string): Promise<string | undefined> {
  const file = path.join(dir, `${name}.png`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}
