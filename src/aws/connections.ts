import * as vscode from 'vscode';
import type { AwsSession, Connection } from './session';
import { isRegionCode, settingIsValid } from './settingRules';

/** A connection the user added: a profile and a region (the endpoints always follow the settings). */
export interface SavedConnection {
  readonly profile: string;
  readonly region: string;
}

/** globalState key: user level, never the workspace (a workspace must not choose identities). */
const stateKey = 'awsHistory.connections';

/** `profile|region`, the identity of a connection in the list, in node ids and in the tree's scopes. */
export function connectionKey(connection: { readonly profile: string; readonly region: string | undefined }): string {
  return `${connection.profile}|${connection.region ?? ''}`;
}

/** Only well-formed entries survive a read: stored state is data like any other. */
function isSaved(value: unknown): value is SavedConnection {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { profile, region } = value as Record<string, unknown>;
  return typeof profile === 'string' && profile.trim() !== '' && settingIsValid('profile', profile) && typeof region === 'string' && isRegionCode(region);
}

/**
 * The connections every view shows: the session's own (settings and environment, as before) first, then
 * those added with Add Connection…, kept in the user's global state. One connection: the views look as
 * they always did; two or more: one root node per connection.
 */
export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly state: vscode.Memento,
    private readonly session: AwsSession,
  ) {
    // The session's connection leads the list: a switch or a resolved region changes the list too.
    this.subscriptions = [this.changed, session.onDidChange(() => this.changed.fire())];
  }

  /** The connections the user added (without the session's), as stored. */
  saved(): SavedConnection[] {
    const raw = this.state.get<unknown>(stateKey);
    const seen = new Set<string>();
    return (Array.isArray(raw) ? raw : []).filter(isSaved).filter((c) => {
      const key = connectionKey(c);
      return !seen.has(key) && (seen.add(key), true);
    });
  }

  /** True when the user added connections (read without the session's settings: see PagedTreeProvider). */
  hasAdded(): boolean {
    return this.saved().length > 0;
  }

  /** The session's connection, then every added one that differs from it. */
  all(): Connection[] {
    const current = this.session.current;
    const currentKey = connectionKey(current);
    const extra = this.saved()
      .filter((c) => connectionKey(c) !== currentKey)
      .map((c): Connection => ({ profile: c.profile, profileExplicit: true, region: c.region, endpoints: current.endpoints }));
    return [current, ...extra];
  }

  async add(connections: readonly SavedConnection[]): Promise<void> {
    await this.write([...this.saved(), ...connections.filter(isSaved)]);
  }

  async remove(keys: readonly string[]): Promise<void> {
    const gone = new Set(keys);
    await this.write(this.saved().filter((c) => !gone.has(connectionKey(c))));
  }

  private async write(connections: SavedConnection[]): Promise<void> {
    await this.state.update(
      stateKey,
      connections.map(({ profile, region }) => ({ profile, region })),
    );
    this.changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
