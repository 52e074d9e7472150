import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { performance } from 'node:perf_hooks';
import type * as Confirmation from './actions/confirmation.lazy';
import { ClientFactory, CredentialsTimeoutError } from './aws/clientFactory';
import { ConnectionStore } from './aws/connections';
import { AccountIds } from './aws/identity';
import { AwsSession } from './aws/session';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerTreeCommands } from './commands/treeCommands';
import { registerWorkspaceApprovals } from './commands/workspaceApprovalCommands';
import { registerDynamoDb } from './dynamodb/register';
import { registerCopyAsCliCommand } from './export/copyCli';
import { registerExportCommand } from './export/exportList';
import { registerLambda } from './lambda/register';
import { registerRds } from './rds/register';
import { registerLinks } from './links/openArn';
import { ArnOpeners } from './links/openers';
import type { FeatureContext } from './feature';
import type { SetupState } from './tree/pagedTreeProvider';
import { ViewRegistry } from './tree/viewRegistry';
import { log } from './util/log';
import { DetailPanels } from './webview/detailPanel';
import { describeError } from './aws/errors';
import { invalidRequestSetting } from './aws/settings';
import { setDisplayLocale } from './shared/format';
import { WorkspaceSettingApprovals } from './aws/workspaceApprovals';
import { createTestApi, type TestApi } from './testApi';
import { TestHooks } from './testHooks';
import { lazy } from './util/lazy';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
const confirmation = lazy(() => require('./actions/confirmation.lazy') as typeof Confirmation);

/** Composition root: build the session and client factory, register each service, nothing else. */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  performance.mark('awsHistory:activate:start');
  // Modules kept free of `vscode` (validation, document builders, formatting) translate through
  // @vscode/l10n: give it the bundle VS Code loaded for the display language, and the same language to Intl.
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
  setDisplayLocale(vscode.env.language);
  // Before the session: it decides which workspace values of profile, region and endpoints may be read.
  const approvals = new WorkspaceSettingApprovals(context.workspaceState);
  const session = new AwsSession();
  const clients = new ClientFactory(session, log());
  const accounts = new AccountIds(clients);
  const connections = new ConnectionStore(context.globalState, session);
  const views = new ViewRegistry();
  const panels = new DetailPanels(context.extensionUri, (error) =>
    describeError(error, { action: vscode.l10n.t('the request'), profile: session.current.profile, region: session.current.region }),
  );
  const setupCheck = async (): Promise<SetupState> => {
    if (invalidRequestSetting()) {
      return 'ok'; // the list's first request then fails with the setting's own message, as an error row
    }
    const connection = await session.resolve();
    if (!connection.region) {
      return 'noRegion';
    }
    return clients.checkCredentials().then(
      () => 'ok',
      (error: unknown) => (error instanceof CredentialsTimeoutError ? 'credentialsTimeout' : 'noCredentials'),
    );
  };
  context.subscriptions.push(
    session,
    connections,
    views,
    panels,
    // Everything of the old connection stops at once: lists reset (aborting their requests), panels say
    // which connection they show and turn their actions off.
    session.onDidSwitch((previous) => {
      views.refreshAll();
      panels.connectionChanged(previous);
    }),
    session.onDidChange(() => {
      clients.reset();
      accounts.reset();
      views.refreshAll();
    }),
  );
  const openers = new ArnOpeners();
  const testHooks = process.env.AWS_HISTORY_TEST === '1' ? new TestHooks() : undefined;
  const feature: FeatureContext = {
    extension: context,
    session,
    clients,
    views,
    panels,
    setupCheck,
    accounts,
    connections,
    accountOf: (connection) => accounts.of(connection),
    openers,
    confirm: (plan, connection, signal) => confirmation().confirmAction(plan, connection, { accounts, hooks: testHooks }, signal),
    testHooks,
  };
  registerConnectionCommands(context, session, connections);
  registerTreeCommands(context, views);
  registerDynamoDb(feature);
  registerLambda(feature);
  registerRds(feature);
  registerWorkspaceApprovals(feature, approvals);
  registerExportCommand(feature);
  registerCopyAsCliCommand(feature);
  const links = registerLinks(context, { session, connections, accounts, panels, openers });
  performance.mark('awsHistory:activate:end');
  const measure = performance.measure('awsHistory:activate', 'awsHistory:activate:start', 'awsHistory:activate:end');
  log().debug(`activated in ${measure.duration.toFixed(1)} ms`);
  return testHooks ? createTestApi(feature, testHooks, measure.duration, links) : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
