import type * as vscode from 'vscode';
import type { ActionPlan } from './actions/confirmAction';
import type { ClientFactory } from './aws/clientFactory';
import type { ConnectionStore } from './aws/connections';
import type { ArnOpeners } from './links/openers';
import type { AccountIds } from './aws/identity';
import type { Connection } from './aws/session';
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
  /** Account ids per profile (STS), for confirmations and connection labels. */
  readonly accounts: AccountIds;
  /** The connections the views show (the session's first); two or more give each view connection rows. */
  readonly connections: ConnectionStore;
  /** What opens each kind of ARN (Open ARN…, links): services register theirs. */
  readonly openers: ArnOpeners;
  /** The account of a connection (AccountIds), for the connection rows. */
  readonly accountOf: (connection: Connection) => Promise<string>;
  /**
   * The one confirmation of every action that changes AWS (src/actions/confirmAction.ts): true only when the
   * user said yes (and typed the name where the plan asks for it). Check `refuseAction` first.
   */
  readonly confirm: (plan: ActionPlan, connection: Connection, signal?: AbortSignal) => Promise<boolean>;
  /** Only under the test harness (AWS_HISTORY_TEST=1): switches tests flip through the TestApi, never through a command. */
  readonly testHooks?: TestHooks | undefined;
}
