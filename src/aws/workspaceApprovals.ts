import * as path from 'node:path';
import * as vscode from 'vscode';
import { forNotification } from '../util/plainText';
import { Setting } from '../constants';
import { displayValue, type Decision, type GuardedSetting, type IgnoredValue } from './settingApproval';
import { affectsGuardedSetting, forgetSettings, ignoredWorkspaceValues, useWorkspaceDecisions } from './settings';

/** workspaceState key: decision id (hash of setting + value) → 'use' | 'ignore'. */
const stateKey = 'awsHistory.workspaceSettingDecisions';

/**
 * The user's decisions on workspace values of profile, region and endpoints, per workspace (workspaceState)
 * and value. Asks with a modal when a trusted workspace sets a value nobody decided on yet; in Restricted
 * Mode it never asks (VS Code ignores those workspace values there too). Escape ignores for this session.
 */
export class WorkspaceSettingApprovals implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** A workspace value came into use or went out of use. */
  readonly onDidChange = this.changed.event;
  private readonly dismissed = new Set<string>();
  private asking: Promise<void> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly state: vscode.Memento) {
    useWorkspaceDecisions((id) => this.decisions()[id]);
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsGuardedSetting(event)) {
          void this.review();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.changed.fire();
        void this.review();
      }),
    );
  }

  /** Asks about each workspace value without a decision, one modal at a time. */
  review(): Promise<void> {
    this.asking = this.asking
      .then(async () => {
        for (const ignored of ignoredWorkspaceValues()) {
          if (!ignored.restricted && !this.dismissed.has(ignored.id) && this.decisions()[ignored.id] === undefined) {
            await this.ask(ignored);
          }
        }
      })
      // A failed modal or state write must not stop later reviews; the value simply stays ignored.
      .catch(() => undefined);
    return this.asking;
  }

  /** Forgets every decision of this workspace, then asks again. */
  async reset(): Promise<void> {
    this.dismissed.clear();
    await this.state.update(stateKey, undefined);
    forgetSettings();
    this.changed.fire();
    await this.review();
  }

  private decisions(): Record<string, Decision> {
    return this.state.get<Record<string, Decision>>(stateKey) ?? {};
  }

  private async ask(ignored: IgnoredValue): Promise<void> {
    const use = vscode.l10n.t('Use for this workspace');
    const ignore = vscode.l10n.t('Ignore');
    // A modal's message and detail are plain text: the value shows as written, as JSON.
    const choice = await vscode.window.showWarningMessage(
      forNotification(vscode.l10n.t('This workspace sets awsHistory.{0}. Use its value?', ignored.key)),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Value: {0}\nFrom: {1}\n\n{2}\n\nUntil you decide, your own setting (or the default) is used.',
          displayValue(ignored.value),
          source(ignored),
          consequence(ignored.key),
        ),
      },
      use,
      ignore,
    );
    if (choice === undefined) {
      this.dismissed.add(ignored.id);
      return;
    }
    const decision: Decision = choice === use ? 'use' : 'ignore';
    await this.state.update(stateKey, { ...this.decisions(), [ignored.id]: decision });
    forgetSettings();
    if (decision === 'use') {
      this.changed.fire();
    }
  }

  dispose(): void {
    useWorkspaceDecisions(() => undefined);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function source(ignored: IgnoredValue): string {
  if (ignored.layer === 'workspaceFolder') {
    return vscode.l10n.t('the folder settings (.vscode/settings.json of a workspace folder)');
  }
  const file = vscode.workspace.workspaceFile;
  return file && file.scheme === 'file'
    ? vscode.l10n.t('the workspace file {0}', path.basename(file.fsPath))
    : vscode.l10n.t('the workspace settings (.vscode/settings.json)');
}

function consequence(key: GuardedSetting): string {
  switch (key) {
    case Setting.endpoints:
      return vscode.l10n.t('Requests signed with your AWS credentials would be sent to these addresses.');
    case Setting.profile:
      return vscode.l10n.t('Requests would be signed with the credentials of this profile.');
    case Setting.region:
      return vscode.l10n.t('Requests would go to this region.');
  }
}

/** What a view says while a workspace value is not in use (plain text: TreeView.message). */
export function ignoredValuesMessage(ignored: readonly IgnoredValue[]): string | undefined {
  if (ignored.length === 0) {
    return undefined;
  }
  const names = [...new Set(ignored.map((i) => `awsHistory.${i.key}`))].join(', ');
  return ignored.every((i) => i.restricted)
    ? vscode.l10n.t('Restricted Mode: the workspace value of {0} is ignored; your own settings are used.', names)
    : vscode.l10n.t(
        'The workspace value of {0} is ignored (not approved); your own settings are used. To decide again: "AWS History: Reset Approved Workspace Settings".',
        names,
      );
}
