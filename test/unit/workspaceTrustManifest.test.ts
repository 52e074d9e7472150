import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from '../../src/constants';
import { guardedSettings } from '../../src/aws/settingApproval';

/*
 * Issue 11: the manifest declares limited support for untrusted workspaces, restricts exactly the
 * settings that need approval, and hides actions that change AWS in Restricted Mode.
 */
interface MenuEntry {
  command: string;
  when?: string;
}
interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: string; restrictedConfigurations?: string[] } };
  contributes: { commands: { command: string; title: string; category: string }[]; menus: Record<string, MenuEntry[]> };
}

// What VS Code shows: the manifest with its %keys% resolved from package.nls.json.
const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.nls.json'), 'utf8')) as Record<string, string>;
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'), (_key, value: unknown) =>
  typeof value === 'string' && /^%[\w.-]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? value) : value,
) as Manifest;
/** Commands that change AWS; each must be unavailable in Restricted Mode. */
const actions = [
  Command.lambdaStopExecution,
  Command.lambdaSendCallbackSuccess,
  Command.lambdaSendCallbackFailure,
  Command.lambdaSendCallbackHeartbeat,
  Command.lambdaStartExecution,
  Command.lambdaRerunExecution,
  Command.rdsBacktrackCluster,
  Command.rdsBacktrackBefore,
  Command.dynamodbCreateBackup,
  Command.dynamodbCreateBackupOfTable,
  Command.dynamodbDeleteBackup,
  Command.dynamodbRestoreBackup,
  Command.dynamodbRestoreToPointInTime,
];

describe('workspace trust in the manifest', () => {
  it('declares limited support, restricting the settings that need approval', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, 'limited');
    assert.ok(trust.description && trust.description.length > 20, 'a description says what is limited');
    assert.deepEqual([...(trust.restrictedConfigurations ?? [])].sort(), guardedSettings.map((key) => `awsHistory.${key}`).sort());
  });

  it('shows actions that change AWS only in trusted workspaces', () => {
    for (const action of actions) {
      const entries = Object.values(manifest.contributes.menus)
        .flat()
        .filter((entry) => entry.command === action);
      assert.ok(entries.length > 0, `${action} has menu entries`);
      for (const entry of entries) {
        assert.ok(
          entry.when === 'false' || /(^|&& )isWorkspaceTrusted( &&|$)/.test(entry.when ?? ''),
          `${action}: "${entry.when ?? ''}" requires a trusted workspace`,
        );
      }
    }
  });

  it('declares Reset Approved Workspace Settings once, in the AWS History category', () => {
    const declared = manifest.contributes.commands.filter((c) => c.command === Command.resetWorkspaceSettingApprovals);
    assert.deepEqual(declared, [{ command: Command.resetWorkspaceSettingApprovals, title: 'Reset Approved Workspace Settings', category: 'AWS History' }]);
  });
});
