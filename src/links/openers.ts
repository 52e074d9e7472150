/** The registry of ARN openers, filled by each service at activation and used by Open ARN… and links. */
import type { ConnectionStore } from '../aws/connections';
import type { AccountIds } from '../aws/identity';
import type { AwsSession, Connection } from '../aws/session';
import type { DetailPanels } from '../webview/detailPanel';
import type { OpenableArn, OpenableKind } from './openableArn';

/**
 * Opens one kind of ARN with a connection: a details panel, or the item revealed in its view. `shown` is
 * false when the connection is not one the views show (then a reveal says how to add it). Openers only
 * read: a link or a pasted ARN never starts an action.
 */
export type ArnOpener = (target: OpenableArn, connection: Connection, shown: boolean) => Promise<void>;

/** The openers each service registers for its ARN kinds (no service code here). */
export class ArnOpeners {
  private readonly openers = new Map<OpenableKind, ArnOpener>();

  register(kind: OpenableKind, opener: ArnOpener): void {
    this.openers.set(kind, opener);
  }

  get(kind: OpenableKind): ArnOpener | undefined {
    return this.openers.get(kind);
  }
}

/** What opening an ARN uses (openArn.ts, arnOpening.lazy.ts). */
export interface LinkServices {
  readonly session: AwsSession;
  readonly connections: ConnectionStore;
  readonly accounts: AccountIds;
  readonly panels: DetailPanels;
  readonly openers: ArnOpeners;
}
