/** Opening an ARN (Open ARN…, a link): a lazy chunk, openArn.ts loads it the first time. */
import * as vscode from 'vscode';
import { connectionKey } from '../aws/connections';
import { describeError } from '../aws/errors';
import type { Connection } from '../aws/session';
import { reportError } from '../commands/registerCommand';
import { forNotification } from '../util/plainText';
import type { ArnOpener, LinkServices } from './openers';
import { parseOpenableArn, type OpenableArn } from './openableArn';

/**
 * Opens `input` (refused before any request unless it parses) with the connection of its region and
 * account; with none, the session's profile in the ARN's region, after checking its account.
 */
export async function openArn(services: LinkServices, input: string): Promise<boolean> {
  const target = parseOpenableArn(input);
  if ('problem' in target) {
    void vscode.window.showErrorMessage(forNotification(target.problem));
    return false;
  }
  const opener = services.openers.get(target.kind);
  if (!opener) {
    return false;
  }
  const accountOf = (connection: Connection): Promise<string | undefined> => services.accounts.of(connection).catch(() => undefined);
  const candidates = services.connections.all().filter((c) => c.region === target.region);
  const accounts = await Promise.all(candidates.map(accountOf));
  const matching = candidates.find((_, i) => accounts[i] === target.account);
  if (matching) {
    return run(opener, target, matching, true);
  }
  const fallback: Connection = { ...services.session.current, region: target.region };
  let account: string;
  try {
    account = await services.accounts.of(fallback);
  } catch (error) {
    const info = describeError(error, { action: 'sts:GetCallerIdentity', profile: fallback.profile, region: fallback.region });
    void vscode.window.showErrorMessage(forNotification(`${info.message} ${info.hint}`.trim()));
    return false;
  }
  if (account !== target.account) {
    // Said before any request of the service: AWS would answer with AccessDenied or "not found".
    void vscode.window.showErrorMessage(
      forNotification(
        vscode.l10n.t(
          'This ARN is in account {0}, but profile {1} signs in to account {2}. Add a connection with a profile of account {0} (Add Connection…) and open it again.',
          target.account,
          fallback.profile,
          account,
        ),
      ),
    );
    return false;
  }
  const shown = services.connections.all().some((c) => connectionKey(c) === connectionKey(fallback));
  void vscode.window.showInformationMessage(
    forNotification(vscode.l10n.t('No connection of account {0} in {1}: opened with profile {2} in {1}.', target.account, target.region, fallback.profile)),
  );
  return run(opener, target, fallback, shown);
}

/** A failure (not found, access denied) is a message with its next step, as for every command. */
async function run(opener: ArnOpener, target: OpenableArn, connection: Connection, shown: boolean): Promise<boolean> {
  try {
    await opener(target, connection, shown);
    return true;
  } catch (error) {
    reportError(error, vscode.l10n.t('the request'), connection.profile);
    return false;
  }
}
