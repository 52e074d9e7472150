import * as vscode from 'vscode';
import { configuredProfile, configuredRegion, affectsConnection } from './settings';
import { profileRegion } from './profiles';

export interface Connection {
  readonly profile: string;
  /** False when no setting or variable names a profile: the SDK chain then tries environment keys first. */
  readonly profileExplicit: boolean;
  /** Undefined until resolved, or when nothing names a region. */
  readonly region: string | undefined;
}

/**
 * The profile and region every view uses. Settings win; when empty the standard AWS environment and
 * the profile's own `region` apply, as in the AWS CLI.
 */
export class AwsSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Connection>();
  readonly onDidChange = this.changed.event;
  private connection: Connection;
  private resolving: Promise<Connection> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor() {
    this.connection = this.fromSettingsAndEnv();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsConnection(event)) {
          this.reload();
        }
      }),
    );
  }

  get current(): Connection {
    return this.connection;
  }

  /** Fills in the region from the profile's config when settings and environment name none. */
  resolve(): Promise<Connection> {
    if (this.connection.region) {
      return Promise.resolve(this.connection);
    }
    this.resolving ??= profileRegion(this.connection.profile)
      .catch(() => undefined)
      .then((region) => {
        this.resolving = undefined;
        if (region && !this.connection.region) {
          this.connection = { ...this.connection, region };
          this.changed.fire(this.connection);
        }
        return this.connection;
      });
    return this.resolving;
  }

  /** Re-reads settings and environment, e.g. after the pickers wrote a setting. */
  reload(): void {
    this.connection = this.fromSettingsAndEnv();
    this.resolving = undefined;
    if (this.connection.region) {
      this.changed.fire(this.connection);
      return;
    }
    // One change event per switch: resolve() fires when the profile names a region, else fire here.
    void this.resolve().then((connection) => {
      if (!connection.region) {
        this.changed.fire(connection);
      }
    });
  }

  private fromSettingsAndEnv(): Connection {
    const env = process.env;
    const named = configuredProfile() || env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
    return {
      profile: named ?? 'default',
      profileExplicit: named !== undefined,
      region: configuredRegion() || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    };
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
