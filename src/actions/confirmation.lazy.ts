/** The confirmation modal (a lazy chunk: the composition root loads it at the first action). */
import * as vscode from 'vscode';
import type { Connection } from '../aws/session';
import { log } from '../util/log';
import { forNotification, forPrompt } from '../util/plainText';
import { cliTextOf, copyCliText, type ActionPlan, type ConfirmationRequest, type ConfirmDeps } from './confirmAction';

/**
 * The one confirmation every action goes through: a modal naming what will happen, to which resources, in
 * which account and region, with "Copy as AWS CLI Command" (which copies and asks again); then, for
 * irreversible actions, an input box where the resource name must be typed. True only when the user said yes.
 */
export async function confirmAction(plan: ActionPlan, connection: Connection, deps: ConfirmDeps, signal?: AbortSignal): Promise<boolean> {
  let accountId: string | undefined;
  try {
    accountId = await deps.accounts.of(connection, signal);
  } catch (error) {
    // The confirmation still names the profile and region; the account line says it is unknown.
    log().warn(`account id lookup failed: ${(error as Error).name}`);
  }
  const request: ConfirmationRequest = { ...plan, connection, accountId, cliText: cliTextOf(plan, connection) };
  const answer = deps.hooks?.answerConfirmation;
  if (answer) {
    return answer(request);
  }
  const copy = vscode.l10n.t('Copy as AWS CLI Command');
  for (;;) {
    const choice = await vscode.window.showWarningMessage(
      forNotification(plan.title),
      // Each line neutralised on its own: the modal's detail keeps line breaks, which data must not add.
      { modal: true, detail: confirmationDetail(request).map(forNotification).join('\n') },
      plan.confirmLabel,
      copy,
    );
    if (choice === copy) {
      await copyCliText(request.cliText);
      continue;
    }
    if (choice !== plan.confirmLabel) {
      return false;
    }
    break;
  }
  if (plan.typeToConfirm === undefined) {
    return true;
  }
  const expected = plan.typeToConfirm;
  const typed = await vscode.window.showInputBox({
    title: forPrompt(plan.title),
    prompt: forPrompt(vscode.l10n.t('Type {0} to confirm. This cannot be undone.', expected)),
    ignoreFocusOut: true,
    validateInput: (value) => (value === expected ? undefined : forPrompt(vscode.l10n.t('Type {0} exactly, or press Escape to cancel.', expected))),
  });
  return typed === expected;
}

/** The modal's detail lines: where (account, region, profile), what, and on which resources. */
export function confirmationDetail(request: ConfirmationRequest): string[] {
  const shown = request.resources.slice(0, 20);
  const more = request.resources.length - shown.length;
  return [
    vscode.l10n.t('Account: {0}', request.accountId ?? vscode.l10n.t('unknown (STS GetCallerIdentity failed)')),
    vscode.l10n.t('Region: {0}', request.connection.region ?? vscode.l10n.t('none')),
    vscode.l10n.t('Profile: {0}', request.connection.profile),
    '',
    ...request.details,
    '',
    ...shown,
    ...(more > 0 ? [vscode.l10n.t('… and {0} more', more)] : []),
  ];
}
