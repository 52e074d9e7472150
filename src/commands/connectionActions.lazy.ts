/**
 * What the connection commands do: the profile and region pickers, Add and Remove Connection (a lazy chunk:
 * connectionCommands.ts registers the commands with their argument rules, this loads at the first run).
 */
import * as vscode from 'vscode';
import { Command, Setting } from '../constants';
import { listProfiles } from '../aws/profiles';
import type { AwsSession } from '../aws/session';
import { updateSetting } from '../aws/settings';
import { isRegionCode, settingIsValid, settingRule } from '../aws/settingRules';
import type { TreeNode } from '../tree/treeNode';
import { connectionKey, type ConnectionStore } from '../aws/connections';
import { ConnectionNode } from '../tree/connectionScope';
import type { Handler } from './registerCommand';
import { forLabel, forNotification } from '../util/plainText';

/** Commercial, China and GovCloud regions; anything else can be typed in the picker. */
export const knownRegions: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-south-2',
  'eu-north-1',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

export function validateRegion(text: string): string | undefined {
  return isRegionCode(text.trim()) ? undefined : vscode.l10n.t('A region code such as us-east-1.');
}

/** The commands whose handlers this holds. */
export type ConnectionActionId =
  typeof Command.selectProfile | typeof Command.selectRegion | typeof Command.pickConnection | typeof Command.addConnection | typeof Command.removeConnection;

export function connectionActions(session: AwsSession, connections: ConnectionStore): Readonly<Record<ConnectionActionId, Handler>> {
  return {
    [Command.selectProfile]: async (name?: string | TreeNode | null) => {
      if (typeof name === 'string') {
        // From a keybinding or script: the same rule as the setting, and the profile must exist.
        const problem = await profileProblem(name);
        if (problem) {
          void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Profile not changed: {0}', problem)));
          return;
        }
      }
      const chosen = typeof name === 'string' ? name.trim() : await pickProfile(session);
      if (chosen !== undefined) {
        await updateSetting(Setting.profile, chosen);
      }
    },
    [Command.selectRegion]: async (name?: string | TreeNode | null) => {
      const chosen = typeof name === 'string' ? name : await pickRegion(session);
      if (chosen === undefined) {
        return;
      }
      const problem = validateRegion(chosen);
      if (problem) {
        void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Region not changed: {0}', problem)));
        return;
      }
      await updateSetting(Setting.region, chosen.trim());
    },
    [Command.pickConnection]: async () => {
      const choice = await vscode.window.showQuickPick(
        [
          { label: `$(account) ${vscode.l10n.t('Change profile…')}`, description: forLabel(session.current.profile), command: Command.selectProfile },
          { label: `$(globe) ${vscode.l10n.t('Change region…')}`, description: forLabel(session.current.region ?? ''), command: Command.selectRegion },
          { label: `$(add) ${vscode.l10n.t('Add Connection…')}`, description: '', command: Command.addConnection },
          ...(connections.saved().length > 0
            ? [{ label: `$(remove) ${vscode.l10n.t('Remove Connection…')}`, description: '', command: Command.removeConnection }]
            : []),
        ],
        { title: vscode.l10n.t('AWS History Explorer connection') },
      );
      if (choice) {
        await vscode.commands.executeCommand(choice.command);
      }
    },
    // Arguments (keybindings, scripts, tests) are checked by the pickers' own rules.
    [Command.addConnection]: async (profileArg?: string | null, regionsArg?: readonly string[] | null): Promise<boolean> => {
      if (typeof profileArg === 'string') {
        const problem = (await profileProblem(profileArg)) ?? (regionsArg ?? []).map((r) => validateRegion(r)).find(Boolean);
        if (problem || !regionsArg || regionsArg.length === 0) {
          void vscode.window.showErrorMessage(
            forNotification(vscode.l10n.t('Connection not added: {0}', problem ?? vscode.l10n.t('name one or more regions.'))),
          );
          return false;
        }
      }
      const profile = typeof profileArg === 'string' ? profileArg.trim() : await pickProfile(session, vscode.l10n.t('Add Connection: profile'));
      if (profile === undefined) {
        return false;
      }
      const regions = regionsArg ? regionsArg.map((r) => r.trim()) : await pickRegions(profile);
      if (!regions || regions.length === 0) {
        return false;
      }
      await connections.add(regions.map((region) => ({ profile, region })));
      return true;
    },
    [Command.removeConnection]: async (target?: ConnectionNode | string | null): Promise<boolean> => {
      const saved = connections.saved();
      let keys: string[];
      if (target instanceof ConnectionNode) {
        keys = [connectionKey(target.connection)];
      } else if (typeof target === 'string') {
        keys = [target];
      } else {
        const chosen = await vscode.window.showQuickPick(
          saved.map((c) => ({ label: forLabel(`${c.profile} @ ${c.region}`), key: connectionKey(c) })),
          { title: vscode.l10n.t('Remove Connection'), canPickMany: true },
        );
        keys = (chosen ?? []).map((c) => c.key);
      }
      const known = keys.filter((key) => saved.some((c) => connectionKey(c) === key));
      if (keys.length > 0 && known.length === 0) {
        // The session's own connection is changed with the profile and region pickers, not removed.
        void vscode.window.showInformationMessage(
          forNotification(
            vscode.l10n.t('This is the connection of the awsHistory.profile and awsHistory.region settings; change it with Change profile… or Change region….'),
          ),
        );
        return false;
      }
      await connections.remove(known);
      return known.length > 0;
    },
  };
}

/** Regions for a new connection: the profile's own region picked first, any other code can be typed. */
async function pickRegions(profile: string): Promise<string[] | undefined> {
  const own = (await listProfiles()).find((p) => p.name === profile)?.region;
  const chosen = await vscode.window.showQuickPick(
    knownRegions.map((label) => ({ label, picked: label === own })),
    { title: vscode.l10n.t('Add Connection: regions for {0}', forLabel(profile)), canPickMany: true },
  );
  return chosen?.map((item) => item.label);
}

/** Why `name` cannot be the profile: the setting's rule, then whether the shared files define it. */
async function profileProblem(name: string): Promise<string | undefined> {
  if (!settingIsValid('profile', name) || name.trim() === '') {
    return settingRule('profile');
  }
  const profiles = await listProfiles();
  return profiles.some((p) => p.name === name.trim())
    ? undefined
    : vscode.l10n.t('No profile "{0}" in the shared AWS config or credentials files.', name.trim());
}

async function pickProfile(session: AwsSession, title = vscode.l10n.t('Select AWS profile')): Promise<string | undefined> {
  const profiles = await listProfiles();
  const items: vscode.QuickPickItem[] = profiles.map((p) => ({
    label: p.name,
    description: [p.kind, p.region].filter(Boolean).join(' · '),
    picked: p.name === session.current.profile,
  }));
  if (items.length === 0) {
    void vscode.window.showWarningMessage(
      forNotification(vscode.l10n.t('No profiles in the shared AWS config or credentials files (~/.aws/config, ~/.aws/credentials).')),
    );
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Current: {0}', session.current.profile),
  });
  return chosen?.label;
}

async function pickRegion(session: AwsSession): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick();
  quickPick.title = vscode.l10n.t('Select AWS region');
  quickPick.placeholder = vscode.l10n.t('Current: {0} (or type a region code)', session.current.region ?? vscode.l10n.t('none'));
  const base = knownRegions.map((label) => ({ label, description: label === session.current.region ? vscode.l10n.t('current') : '' }));
  quickPick.items = base;
  return new Promise((resolve) => {
    let invalidTyped: vscode.QuickPickItem | undefined;
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      const problem = typed ? validateRegion(typed) : undefined;
      // An invalid code is listed with the rule (and cannot be picked), so the user sees why nothing matches.
      invalidTyped = problem ? { label: typed, description: `$(error) ${vscode.l10n.t('not valid')}`, detail: problem, alwaysShow: true } : undefined;
      quickPick.items = invalidTyped
        ? [invalidTyped, ...base]
        : typed && !knownRegions.includes(typed)
          ? [{ label: typed, description: vscode.l10n.t('typed') }, ...base]
          : base;
    });
    quickPick.onDidAccept(() => {
      const picked = quickPick.selectedItems[0];
      if (picked && picked === invalidTyped) {
        return;
      }
      resolve(picked?.label);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
