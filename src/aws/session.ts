import * as vscode from 'vscode';
import { configuredProfile, configuredRegion, configuredEndpoints, affectsConnection } from './settings';
import { profileRegion } from './profiles';

export interface Connection {
  readonly profile: string;
  /** False when no setting or variable names a profile: the SDK chain then tries environment keys first. */
  readonly profileExplicit: boolean;
  /** Undefined until resolved, or when nothing names a region. */
  readonly region: string | undefined;
  /** The endpoint overrides in force (JSON of the setting), part of what a list or panel belongs to. */
  readonly endpoints: string;
}

/** "profile staging, region eu-west-1": names a connection in messages (never credentials). */
export function connectionLabel(connection: Connection): string {
  return vscode.l10n.t('profile {0}, region {1}', connection.profile, connection.region ?? vscode.l10n.t('none'));
}

/**
 * The profile and region every view uses. Settings win; when empty the standard AWS environment and
 * the profile's own `region` apply, as in the AWS CLI.
 */
export class AwsSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Connection>();
  readonly onDidChange = this.changed.event;
  private readonly switched = new vscode.EventEmitter<Connection>();
  /**
   * Fires synchronously when the profile, region or endpoints change, with the connection that ended, before
   * the new one's region is resolved: whatever belongs to the old connection must stop now, not after a lookup.
   */
  readonly onDidSwitch = this.switched.event;
  private loaded: Connection | undefined;
  private resolving: Promise<Connection> | undefined;
  /** Bumped on every switch: a profile-region lookup started under an older generation is ignored. */
  private generation = 0;
  private controller = new AbortController();
  /** The region settings or environment named at the last reload (not one filled in from the profile). */
  private namedRegion: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.switched];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsConnection(event)) {
          this.reload();
        }
      }),
    );
  }

  /**
   * Read from the settings at first use, not in activate(): the configuration's first `inspect` calls cost
   * several milliseconds, and activation only registers views and commands.
   */
  private get connection(): Connection {
    if (!this.loaded) {
      this.loaded = this.fromSettingsAndEnv();
      this.namedRegion = this.loaded.region;
    }
    return this.loaded;
  }

  private set connection(connection: Connection) {
    this.loaded = connection;
  }

  get current(): Connection {
    return this.connection;
  }

  /**
   * Aborted when the connection is switched. Lists, panels and timers combine it with their own signal, so a
   * request of the old connection is cancelled in flight and one started after the switch is never sent.
   */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Fills in the region from the profile's config when settings and environment name none. */
  resolve(): Promise<Connection> {
    if (this.connection.region) {
      return Promise.resolve(this.connection);
    }
    const generation = this.generation;
    const profile = this.connection.profile;
    this.resolving ??= profileRegion(profile)
      .catch(() => undefined)
      .then((region) => {
        if (generation !== this.generation) {
          // A switch happened while the files were read: this region belongs to the previous profile.
          return this.resolve();
        }
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
    const previous = this.connection;
    const next = this.fromSettingsAndEnv();
    const sameConnection =
      next.profile === previous.profile &&
      next.profileExplicit === previous.profileExplicit &&
      next.endpoints === previous.endpoints &&
      next.region === this.namedRegion;
    this.namedRegion = next.region;
    this.generation++;
    this.resolving = undefined;
    if (sameConnection) {
      // E.g. only the request timeout changed: keep the resolved region, rebuild clients only.
      this.connection = { ...next, region: next.region ?? previous.region };
    } else {
      this.connection = next;
      this.controller.abort();
      this.controller = new AbortController();
      this.switched.fire(previous);
    }
    if (this.connection.region) {
      this.changed.fire(this.connection);
      return;
    }
    // One change event per switch: resolve() fires when the profile names a region, else fire here.
    void this.resolve().then((connection) => {
      if (!connection.region && connection === this.connection) {
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
      endpoints: JSON.stringify(configuredEndpoints()),
    };
  }

  dispose(): void {
    this.controller.abort();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
