// `npm run screenshots [-- --vsix <file>] [-- --out <dir>]`: regenerates the README screenshots in
// media/screenshots/, light and dark, by driving the packaged extension in code-server against the
// emulator (dataset `demo`) with the UI suite's page objects and flows (test/ui/).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually } from '../test/ui/eventually';
import { backtrackLabel } from '../test/ui/groundTruth';
import { backtrackFromTimeline, openDetails, openRestoreConfirmation } from '../test/ui/flows';
import { ModalDialog } from '../test/ui/pages/dialog';
import { ThemeLabel } from '../test/ui/pages/workbench';
import { containerTitle, startSession, stopSession, ui } from '../test/ui/session';
import { packageVsix } from '../test/ui/vsix';
import { artifactsDir, exitOnSignals, repoRoot } from '../test/harness/util';

interface Args {
  vsix?: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: path.join(repoRoot, 'media', 'screenshots') };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--vsix' && value) {
      args.vsix = path.resolve(value);
    } else if (argv[i] === '--out' && value) {
      args.out = path.resolve(value);
    } else {
      throw new Error(`unknown argument ${argv[i]} (usage: screenshots.ts [--vsix <file>] [--out <dir>])`);
    }
    i++;
  }
  return args;
}

/** README images: wide enough for the descriptions, small enough to stay legible when scaled down. */
const viewport = { width: 1280, height: 800 };
const sideBarWidth = 460;

interface Panels {
  backup: string;
  backtrack: string;
  execution: string;
}

/**
 * The state every picture shows, reached in the container's first layout (three equal sections): one
 * page per view, a cluster and a function expanded, a backup, a backtrack and an execution panel open.
 */
async function prepare(): Promise<Panels> {
  const { workbench, views, truth } = ui();
  await workbench.page.setViewportSize(viewport);
  await workbench.sideBar.open(containerTitle);
  await workbench.sideBar.resize(sideBarWidth);

  const backup = truth
    .userBackups()
    .slice(0, 10)
    .find((b) => b.tableName === 'Orders');
  if (!backup) {
    throw new Error('no Orders backup on the first page');
  }
  await openDetails(views.dynamodb, backup.backupName, backup.backupName);

  await views.aurora.expandRow('analytics-aurora');
  const backtrack = truth.backtracks('analytics-aurora')[0];
  const backtrackTitle = `Backtrack ${backtrack.backtrackIdentifier.slice(0, 8)}`;
  await openDetails(views.aurora, backtrackLabel(backtrack), backtrackTitle);

  await views.lambda.expandRow('order-workflow');
  // A finished one from the first page, a failed one if there is (its panel shows the error too).
  const firstPage = truth.executions('order-workflow').slice(0, 10);
  const execution = firstPage.find((e) => e.status === 'FAILED') ?? firstPage.find((e) => e.status === 'SUCCEEDED');
  if (!execution) {
    throw new Error('no finished order-workflow execution on the first page');
  }
  await openDetails(views.lambda, execution.name, execution.name);
  await workbench.panel.clickButton('Load all');
  await workbench.panel.timeline();
  return { backup: backup.backupName, backtrack: backtrackTitle, execution: execution.name };
}

type Theme = 'light' | 'dark';

class Camera {
  readonly written: string[] = [];
  constructor(private readonly out: string) {}

  async save(name: string, theme: Theme, target: 'page' | 'sideBar' | 'editor'): Promise<void> {
    const { workbench } = ui();
    await workbench.parkMouse();
    // Choosing a theme activates extensions for a moment; the status bar says so until it is done.
    await eventually(async () => assert.equal(await workbench.statusBarItem(/Activating Extensions/).count(), 0, 'extensions activated'));
    const file = path.join(this.out, `${name}-${theme}.png`);
    if (target === 'page') {
      await workbench.page.screenshot({ path: file });
    } else {
      await workbench.page.locator(target === 'sideBar' ? '#workbench\\.parts\\.sidebar' : '#workbench\\.parts\\.editor').screenshot({ path: file });
    }
    this.written.push(file);
  }
}

let currentTheme: Theme = 'light';

async function useTheme(theme: Theme): Promise<void> {
  await ui().workbench.selectColorTheme(theme === 'light' ? ThemeLabel.light : ThemeLabel.dark);
  currentTheme = theme;
}

/** Brings a panel to the front once it shows its document in the current theme (webviews follow a moment later). */
async function showPanel(title: string, block?: string): Promise<void> {
  const { workbench } = ui();
  await workbench.activateTab(title);
  await workbench.panel.waitForDocument(title);
  await eventually(async () => assert.equal(await workbench.panel.themeKind(), `vscode-${currentTheme}`, 'the panel follows the theme'));
  if (block) {
    await workbench.panel.timeline();
  }
  await workbench.panel.scrollTo(block);
}

/** The whole window: the three views with data and the execution panel. */
async function overview(camera: Camera, theme: Theme, panels: Panels): Promise<void> {
  const { views } = ui();
  await useTheme(theme);
  await showPanel(panels.execution);
  for (const view of [views.dynamodb, views.aurora, views.lambda]) {
    await view.scrollToTop();
  }
  await camera.save('overview', theme, 'page');
}

/** Each panel (the execution at its timeline) and each view on its own (the others collapsed). */
async function details(camera: Camera, theme: Theme, panels: Panels): Promise<void> {
  const { workbench, views } = ui();
  await useTheme(theme);
  await showPanel(panels.backup);
  await camera.save('backup-details', theme, 'editor');
  await showPanel(panels.backtrack, 'timeline');
  await camera.save('backtrack-details', theme, 'editor');
  await showPanel(panels.execution, 'timeline');
  await camera.save('execution-details', theme, 'editor');
  for (const [name, view] of [
    ['dynamodb-backups', views.dynamodb],
    ['aurora-backtracks', views.aurora],
    ['lambda-executions', views.lambda],
  ] as const) {
    await workbench.sideBar.focusView(view.title);
    await view.scrollToTop();
    await camera.save(name, theme, 'sideBar');
  }
}

/** Backtrack Cluster…: a time chosen on the backtrack panel's timeline and the confirmation it opens (then cancelled). */
async function backtrackConfirmation(camera: Camera, theme: Theme, panels: Panels): Promise<void> {
  const { workbench } = ui();
  await useTheme(theme);
  await showPanel(panels.backtrack, 'timeline');
  await backtrackFromTimeline('analytics-aurora', 3);
  const dialog = new ModalDialog(workbench.page);
  await eventually(async () => assert.ok(await dialog.isOpen(), 'the confirmation is open'));
  await camera.save('backtrack-confirm', theme, 'page');
  await workbench.page.keyboard.press('Escape');
  await eventually(async () => assert.ok(!(await dialog.isOpen()), 'the confirmation is closed'));
}

/** Restore to New Table's confirmation over the whole window (account, region, what happens, the buttons). */
async function restoreConfirmation(camera: Camera, theme: Theme, backup: string): Promise<void> {
  const { workbench, views } = ui();
  await useTheme(theme);
  await workbench.sideBar.focusView(views.dynamodb.title);
  await openRestoreConfirmation(views.dynamodb, backup, 'Orders-restored', 'PAY_PER_REQUEST');
  await camera.save('restore-backup', theme, 'page');
  await workbench.page.keyboard.press('Escape');
  await eventually(async () => assert.ok(!(await workbench.dialog.isOpen()), 'the confirmation closed without restoring'));
}

async function main(): Promise<number> {
  exitOnSignals();
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const vsix = args.vsix ?? (await packageVsix()).file;
  fs.mkdirSync(args.out, { recursive: true });
  await startSession(vsix);
  try {
    const panels = await prepare();
    const camera = new Camera(args.out);
    // Both overviews first: showing one view at a time collapses the others for good.
    await overview(camera, 'light', panels);
    await overview(camera, 'dark', panels);
    await details(camera, 'dark', panels);
    await details(camera, 'light', panels);
    await backtrackConfirmation(camera, 'dark', panels);
    await restoreConfirmation(camera, 'light', panels.backup);
    const written = camera.written;
    for (const file of written) {
      console.log(`[screenshots] ${path.relative(repoRoot, file)}`);
    }
    console.log(`[screenshots] ${written.length} pictures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    const saved = await ui().env.saveArtifacts(artifactsDir('screenshots'), 'failure');
    console.error(`[screenshots] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.error(`[screenshots] saved ${saved.join(', ')}`);
    return 1;
  } finally {
    await stopSession();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[screenshots] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
