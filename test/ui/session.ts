// The one workbench the scenarios share (starting code-server costs seconds; restarting per test would
// blow the time budget). The runner starts it in a root hook; scenarios reach it through `ui()`.
import { GroundTruth } from './groundTruth';
import { WorkbenchPage } from './pages/workbench';
import type { TreeView } from './pages/treeView';
import { Theme, UiEnvironment } from './uiEnvironment';

export const containerTitle = 'AWS History';
export const ViewTitle = {
  dynamodb: 'DynamoDB Backups',
  aurora: 'Aurora Backtracks',
  lambda: 'Lambda Durable Executions',
} as const;

export interface UiSession {
  env: UiEnvironment;
  workbench: WorkbenchPage;
  truth: GroundTruth;
  views: { dynamodb: TreeView; aurora: TreeView; lambda: TreeView };
}

let current: UiSession | undefined;
let installedVsix: string | undefined;

/** The VSIX the session installed, for a scenario that needs a workbench of its own. */
export function sessionVsix(): string {
  if (!installedVsix) {
    throw new Error('the UI session is not running (scenarios run through test/ui/runUi.ts)');
  }
  return installedVsix;
}

export function ui(): UiSession {
  if (!current) {
    throw new Error('the UI session is not running (scenarios run through test/ui/runUi.ts)');
  }
  return current;
}

export async function startSession(vsix: string, theme: string = Theme.light): Promise<UiSession> {
  installedVsix = vsix;
  const env = await UiEnvironment.start({ vsix, theme });
  const workbench = new WorkbenchPage(env.page);
  const view = (title: string): TreeView => workbench.sideBar.view(title);
  current = {
    env,
    workbench,
    truth: new GroundTruth(env.truth),
    views: { dynamodb: view(ViewTitle.dynamodb), aurora: view(ViewTitle.aurora), lambda: view(ViewTitle.lambda) },
  };
  return current;
}

export async function stopSession(): Promise<void> {
  const session = current;
  current = undefined;
  await session?.env.dispose();
}
