import type * as vscode from 'vscode';
import type { ClientFactory } from './aws/clientFactory';
import type { AwsSession } from './aws/session';
import type { SetupCheck } from './tree/pagedTreeProvider';
import type { ViewRegistry } from './tree/viewRegistry';
import type { TestHooks } from './testHooks';
import type { DetailPanels } from './webview/detailPanel';

/** What each service's `register…` function gets from the composition root. */
export interface FeatureContext {
  readonly extension: vscode.ExtensionContext;
  readonly session: AwsSession;
  readonly clients: ClientFactory;
  readonly views: ViewRegistry;
  readonly panels: DetailPanels;
  readonly setupCheck: SetupCheck;
  /** Only under the test harness (AWS_HISTORY_TEST=1): switches tests flip through the TestApi, never through a command. */
  readonly testHooks?: TestHooks | undefined;
}
