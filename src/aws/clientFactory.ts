import type * as vscode from 'vscode';
import type { AwsSession, Connection } from './session';
import { clientTable, type ClientConfig, type ClientKey, type ClientOf, type SdkOf } from './clientTable';
import { withCredentialErrors } from './errors';
import { configuredEndpoints, invalidRequestSetting, requestTimeoutMs } from './settings';
import type * as CoreChunk from './sdk/core';

export interface ServiceClient<K extends ClientKey> {
  readonly client: ClientOf<K>;
  readonly sdk: SdkOf<K>;
  readonly connection: Connection;
}

/** The part of the SDK's `$metadata` the request log shows (never headers). */
interface RequestMetadata {
  httpStatusCode?: number;
  requestId?: string;
  /** Attempts the SDK's retry strategy made, 1 when the first one answered. */
  attempts?: number;
}

/** Thrown before any request when no region can be resolved; the views show their welcome content. */
export class NoRegionError extends Error {
  override readonly name = 'NoRegionError';
  constructor() {
    super('No AWS region is configured.');
  }
}

/**
 * Thrown when credential resolution (an SSO login, credential_process, assume-role) outlasts the request
 * timeout: the view ends in its no-credentials state with this reason instead of spinning forever.
 */
export class CredentialsTimeoutError extends Error {
  override readonly name = 'CredentialsTimeoutError';
  constructor(seconds: number) {
    super(`resolving credentials took longer than ${seconds} s (awsHistory.requestTimeoutSeconds).`);
  }
}

/** The SDK's own abort error shape (name `AbortError`), so every caller treats it as a cancellation. */
function abortError(): Error {
  const error = new Error('The request was cancelled: the AWS connection changed or the view was reset.');
  error.name = 'AbortError';
  return error;
}

type CredentialProvider = ReturnType<typeof CoreChunk.fromNodeProviderChain>;

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy chunk loading, see clientTable.ts */
const loadCore = (): typeof CoreChunk => require('./sdk/core') as typeof CoreChunk;

/**
 * One cached client per service, profile, region and endpoint. Credentials come from the SDK's node
 * provider chain, so static keys, SSO, assume-role, credential_process and environment variables work.
 */
export class ClientFactory {
  private readonly clients = new Map<string, unknown>();
  private readonly loaded = new Set<string>();

  constructor(
    private readonly session: AwsSession,
    private readonly logger: vscode.LogOutputChannel,
  ) {}

  /** Chunks required so far; tests and the benchmark check that activation loads none. */
  get loadedChunks(): readonly string[] {
    return [...this.loaded];
  }

  /**
   * The client of `connection` (default: the current one). With `signal` (a list's, panel's or timer's),
   * nothing is returned once it is aborted: a request of a previous connection is never sent to the new one.
   */
  async get<K extends ClientKey>(service: K, signal?: AbortSignal, connection?: Connection): Promise<ServiceClient<K>> {
    if (signal?.aborted) {
      throw abortError();
    }
    // A setting that breaks its rule (settings.json bypasses the schema) stops every request here, with its message.
    const invalid = invalidRequestSetting();
    if (invalid) {
      throw invalid;
    }
    const target = connection ?? (await this.session.resolve());
    if (signal?.aborted) {
      throw abortError();
    }
    if (!target.region) {
      throw new NoRegionError();
    }
    const endpoint = configuredEndpoints()[service] || undefined;
    const timeout = requestTimeoutMs();
    const key = [service, target.profile, target.region, endpoint ?? '', timeout].join('|');
    const sdk = clientTable[service].load() as SdkOf<K>;
    this.loaded.add(service);
    let client = this.clients.get(key) as ClientOf<K> | undefined;
    if (!client) {
      client = this.create(service, sdk, target, endpoint, timeout);
      this.clients.set(key, client);
    }
    return { client, sdk, connection: target };
  }

  /** Resolves credentials without sending a request, for the "no credentials" welcome view. */
  async checkCredentials(): Promise<void> {
    const connection = await this.session.resolve();
    await this.credentialsFor(connection, requestTimeoutMs())();
  }

  /** Drops cached clients so the next request picks up a new profile, region, endpoint or login. */
  reset(): void {
    for (const client of this.clients.values()) {
      (client as { destroy(): void }).destroy();
    }
    this.clients.clear();
    this.providers.clear();
  }

  private readonly providers = new Map<string, CredentialProvider>();

  /**
   * The provider chain of the connection, bounded by `timeout`: the SSO and STS clients inside it get the same
   * request timeout, and a source that never answers (a credential_process waiting for input, an SSO login
   * nobody completes) fails with CredentialsTimeoutError. A timed-out chain is dropped so Retry starts afresh.
   */
  private credentialsFor(connection: Connection, timeout: number): CredentialProvider {
    const key = `${connection.profileExplicit ? connection.profile : ''}|${timeout}`;
    let provider = this.providers.get(key);
    if (!provider) {
      this.loaded.add('core');
      const chain = withCredentialErrors((logger) =>
        loadCore().fromNodeProviderChain({
          ...(connection.profileExplicit ? { profile: connection.profile } : {}),
          logger,
          clientConfig: {
            maxAttempts: 2,
            requestHandler: { requestTimeout: timeout, connectionTimeout: Math.min(timeout, 10_000), throwOnRequestTimeout: true },
          },
        }),
      );
      const bounded = (async (options?: Parameters<CredentialProvider>[0]) => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            if (this.providers.get(key) === bounded) {
              this.providers.delete(key);
            }
            reject(new CredentialsTimeoutError(Math.round(timeout / 1000)));
          }, timeout);
        });
        try {
          return await Promise.race([chain(options), deadline]);
        } finally {
          clearTimeout(timer);
        }
      }) as CredentialProvider;
      provider = bounded;
      this.providers.set(key, provider);
    }
    return provider;
  }

  private create<K extends ClientKey>(service: K, sdk: SdkOf<K>, connection: Connection, endpoint: string | undefined, timeout: number): ClientOf<K> {
    const config: ClientConfig = {
      region: connection.region,
      credentials: this.credentialsFor(connection, timeout),
      // Undefined leaves AWS_ENDPOINT_URL(_SERVICE) and a profile's endpoint_url to the SDK.
      ...(endpoint ? { endpoint } : {}),
      ...(connection.profileExplicit ? { profile: connection.profile } : {}),
      maxAttempts: 3,
      // Without throwOnRequestTimeout, @smithy/node-http-handler 4.x only logs a warning when requestTimeout
      // passes and the request hangs on; with it the attempt fails with a TimeoutError (retried, then an error row).
      requestHandler: { requestTimeout: timeout, connectionTimeout: Math.min(timeout, 10_000), throwOnRequestTimeout: true },
    };
    // TypeScript cannot correlate the row with K across the union of rows; the table's types guarantee it.
    const create = clientTable[service].create as unknown as (chunk: SdkOf<K>, config: ClientConfig) => ClientOf<K>;
    const client = create(sdk, config);
    this.addRequestLogging(client, service);
    return client;
  }

  /** Operation, status, duration and request id only: headers carry signatures and tokens. */
  private addRequestLogging(client: ClientOf<ClientKey>, service: ClientKey): void {
    const logger = this.logger;
    // Any client's stack: the middleware reads only the command name and `$metadata`, which every client has.
    (client as ClientOf<'sts'>).middlewareStack.add(
      (next, context) => async (args) => {
        const started = Date.now();
        const operation = String(context.commandName ?? 'request').replace(/Command$/, '');
        try {
          const result = await next(args);
          const meta = (result.output as { $metadata?: RequestMetadata }).$metadata;
          logger.debug(
            `${service}:${operation} ${meta?.httpStatusCode ?? '?'} ${Date.now() - started} ms request-id=${meta?.requestId ?? '-'} attempts=${meta?.attempts ?? 1}`,
          );
          return result;
        } catch (error) {
          const meta = (error as { $metadata?: RequestMetadata }).$metadata;
          logger.debug(
            `${service}:${operation} failed ${(error as Error).name} ${meta?.httpStatusCode ?? '?'} ${Date.now() - started} ms request-id=${meta?.requestId ?? '-'} attempts=${meta?.attempts ?? 1}`,
          );
          throw error;
        }
      },
      { step: 'initialize', name: 'awsHistoryRequestLog' },
    );
  }
}
