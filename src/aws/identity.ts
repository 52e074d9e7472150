import type { ClientFactory } from './clientFactory';
import type { Connection } from './session';

/**
 * Account ids by profile, from STS GetCallerIdentity (which needs no IAM permission). Asked once per profile
 * and endpoint and kept until the login or settings change (`reset`); a failed lookup is not kept, so the
 * next confirmation asks again.
 */
export class AccountIds {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly clients: ClientFactory) {}

  /** The account of `connection` (default: the current one). Rejects with the SDK's error. */
  of(connection: Connection, signal?: AbortSignal): Promise<string> {
    const key = `${connection.profileExplicit ? connection.profile : ''}|${connection.endpoints}`;
    let account = this.cache.get(key);
    if (!account) {
      account = this.lookup(connection, signal);
      this.cache.set(key, account);
      account.catch(() => {
        if (this.cache.get(key) === account) {
          this.cache.delete(key);
        }
      });
    }
    return account;
  }

  reset(): void {
    this.cache.clear();
  }

  private async lookup(connection: Connection, signal: AbortSignal | undefined): Promise<string> {
    const { client, sdk } = await this.clients.get('sts', signal, connection);
    const output = await client.send(new sdk.GetCallerIdentityCommand({}), { abortSignal: signal });
    // An endpoint's answer is hostile text: only a 12-digit id is ever shown as an account.
    if (!output.Account || !/^\d{12}$/.test(output.Account)) {
      throw new Error('GetCallerIdentity returned no valid account id.');
    }
    return output.Account;
  }
}
